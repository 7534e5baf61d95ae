/*
 * Putting scorecards into the store: a new draft (store_create) and a
 * whole scorecard as it is, for import (store_insert). Both write the
 * rubric snapshot once per hash, the card, its inspectors, one
 * section_scores row per section and one entries row per item.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "seal.h"
#include "sha256.h"
#include "store-private.h"
#include "uuid.h"
#include "xalloc.h"

/* What a new scorecards row needs. */
struct card_row {
	const char		*uuid;
	const char		*sha256;
	const struct rubric	*rubric;
	const char		*agency;
	const char		*date;
	char *const		*inspectors;
	size_t			 ninspectors;
	const char		*created_at;
	const char		*updated_at;
	bool			 sums_pending;	/* import: sums once, at the end */
	/* A member card's scope (its max and items are the scope's). */
	char *const		*scope;
	size_t			 nscope;
	int			 max;
	size_t			 items;
	const struct team	*team;		/* a team card's, or NULL */
	int			 revision;
};

static int
step_once(struct store *st, sqlite3_stmt *stmt, const char *what,
    char **cause)
{
	int rc = store_step_done(st, stmt, what, cause);

	sqlite3_reset(stmt);
	return rc;
}

static int
insert_rubric(struct store *st, const char *sha256, const struct rubric *r,
    const char *text, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(st, STMT_RUBRIC_INSERT, cause);

	if (stmt == NULL || store_bind(st, stmt, cause, "TTTT", sha256, r->id,
	    r->title, text) != 0)
		return -1;
	return step_once(st, stmt, "save the rubric snapshot", cause);
}

char *
store_join_inspectors(char *const *names, size_t n)
{
	char *joined = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < n; i++) {
		next = xasprintf("%s%s%s", joined, i > 0 ? "、" : "", names[i]);
		free(joined);
		joined = next;
	}
	return joined;
}

static int
insert_card(struct store *st, const struct card_row *c, long long *id,
    char **cause)
{
	sqlite3_stmt *stmt = store_stmt(st, STMT_CARD_INSERT, cause);
	char *joined;
	int rc;

	if (stmt == NULL)
		return -1;
	joined = store_join_inspectors(c->inspectors, c->ninspectors);
	rc = store_bind(st, stmt, cause, "TTTTTTTTiIii", c->uuid, c->sha256,
	    c->rubric->id, c->agency, c->date, joined, c->created_at,
	    c->updated_at, c->max, (long long)c->items,
	    c->sums_pending ? -1 : 0, c->revision);
	if (rc == 0)
		rc = step_once(st, stmt, "save the scorecard", cause);
	free(joined);
	*id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

static int
insert_inspectors(struct store *st, long long id, char *const *names,
    size_t n, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(st, STMT_INSPECTOR_INSERT, cause);
	size_t i;
	int rc = 0;

	if (stmt == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		rc = store_bind(st, stmt, cause, "IIT", id, (long long)i,
		    names[i]);
		if (rc == 0)
			rc = step_once(st, stmt, "save the inspectors", cause);
	}
	return rc;
}

/* Every section below node, depth first, in document order. */
static void
collect_sections(const struct rubric_node *node,
    const struct rubric_node ***out, size_t *n, size_t *cap)
{
	size_t i;

	for (i = 0; i < node->nchildren; i++) {
		if (node->children[i].nchildren == 0)
			continue;
		if (*n == *cap) {
			*cap = *cap == 0 ? 32 : *cap * 2;
			*out = xreallocarray(*out, *cap, sizeof **out);
		}
		(*out)[(*n)++] = &node->children[i];
		collect_sections(&node->children[i], out, n, cap);
	}
}

/* n sections as one multi-row INSERT. */
static int
insert_section_rows(struct store *st, long long id,
    const struct rubric_node *const *sections, size_t n,
    const struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt = store_rows_stmt(st, STORE_ROWS_SECTIONS, n, cause);
	int width = store_rows_width(STORE_ROWS_SECTIONS);
	struct scorecard_sum sum = { 0, 0, 0, 0 };
	const struct rubric_node *c;
	size_t r;

	if (stmt == NULL)
		return -1;
	for (r = 0; r < n; r++) {
		c = sections[r];
		if (sc != NULL)
			sum = scorecard_sum(sc, c);
		if (store_bind_at(st, stmt, (int)r * width + 1, cause,
		    "ITTiIiIiI", id, c->key, c->title, c->depth,
		    (long long)c->item_first, c->max, (long long)c->item_count,
		    sum.score, (long long)sum.scored) != 0)
			return -1;
	}
	return step_once(st, stmt, "save the sections", cause);
}

/*
 * Every section below the root with its sums: sc's (import), or none yet
 * (a new draft, sc NULL). Written once, never updated after: 17 UPDATEs
 * a card were a fifth of an import.
 */
static int
insert_sections(struct store *st, long long id, const struct rubric *r,
    const struct scorecard *sc, char **cause)
{
	const struct rubric_node **sections = NULL;
	size_t n = 0, cap = 0, at, k;
	int rc = 0;

	collect_sections(&r->root, &sections, &n, &cap);
	for (at = 0; at < n && rc == 0; at += k) {
		k = n - at < STORE_ROWS_MAX ? n - at : STORE_ROWS_MAX;
		rc = insert_section_rows(st, id, sections + at, k, sc, cause);
	}
	free(sections);
	return rc;
}

/* Items [first, first + n) as one multi-row INSERT. */
static int
insert_entry_rows(struct store *st, long long id, const struct rubric *r,
    const struct scorecard *sc, size_t first, size_t n, char **cause)
{
	sqlite3_stmt *stmt = store_rows_stmt(st, STORE_ROWS_ENTRIES, n, cause);
	int width = store_rows_width(STORE_ROWS_ENTRIES);
	const struct scorecard_entry *e;
	size_t row, i;

	if (stmt == NULL)
		return -1;
	for (row = 0; row < n; row++) {
		i = first + row;
		e = sc != NULL ? &sc->entries[i] : NULL;
		if (store_bind_at(st, stmt, (int)row * width + 1, cause,
		    "IITjjTT", id, (long long)i, r->items[i]->key,
		    e != NULL ? e->score : 0, e != NULL && e->scored,
		    e != NULL ? e->tier : 0, e != NULL && e->scored &&
		    e->tier > 0, e != NULL ? e->record : "",
		    e != NULL ? e->rationale : "") != 0)
			return -1;
	}
	return step_once(st, stmt, "save the entries", cause);
}

/* sc is NULL for a new, empty draft. */
static int
insert_entries(struct store *st, long long id, const struct rubric *r,
    const struct scorecard *sc, char **cause)
{
	size_t at, k;
	int rc = 0;

	for (at = 0; at < r->nitems && rc == 0; at += k) {
		k = r->nitems - at < STORE_ROWS_MAX ? r->nitems - at :
		    STORE_ROWS_MAX;
		rc = insert_entry_rows(st, id, r, sc, at, k, cause);
	}
	return rc;
}

/* sc is NULL for a new, empty draft; else its entries and sums go in. */
static int
insert_all(struct store *st, const struct card_row *c, const char *text,
    const struct scorecard *sc, long long *id, char **cause)
{
	if (insert_rubric(st, c->sha256, c->rubric, text, cause) != 0 ||
	    insert_card(st, c, id, cause) != 0 ||
	    insert_inspectors(st, *id, c->inspectors, c->ninspectors,
	    cause) != 0 ||
	    insert_sections(st, *id, c->rubric, sc, cause) != 0 ||
	    insert_entries(st, *id, c->rubric, sc, cause) != 0)
		return -1;
	if (c->nscope > 0 && store_insert_scope(st, *id, c->scope, c->nscope,
	    cause) != 0)
		return -1;
	if (c->team != NULL && store_insert_team(st, *id, c->team,
	    c->rubric->nitems, cause) != 0)
		return -1;
	return 0;
}

int
store_create(struct store *st, const char *rubric_text,
    const struct rubric *rubric, const char *agency, const char *date,
    char *const *inspectors, size_t ninspectors, long long *id, char **cause)
{
	return store_create_member(st, rubric_text, rubric, agency, date,
	    inspectors, ninspectors, NULL, 0, id, cause);
}

/* The scope's maximum and items: what the list shows as its progress. */
static int
scope_figures(const struct rubric *rubric, char *const *scope, size_t n,
    struct card_row *c, char **cause)
{
	bool *covered;
	size_t i;

	c->max = rubric->root.max;
	c->items = rubric->nitems;
	if (n == 0)
		return 0;
	covered = xcalloc(rubric->nitems + 1, sizeof *covered);
	if (scorecard_scope_mask(rubric, scope, n, covered, cause) != 0) {
		free(covered);
		return -1;
	}
	c->max = 0;
	c->items = 0;
	for (i = 0; i < rubric->nitems; i++) {
		if (!covered[i])
			continue;
		c->max += rubric->items[i]->max;
		c->items++;
	}
	free(covered);
	return 0;
}

int
store_create_member(struct store *st, const char *rubric_text,
    const struct rubric *rubric, const char *agency, const char *date,
    char *const *inspectors, size_t ninspectors, char *const *scope,
    size_t nscope, long long *id, char **cause)
{
	char uuid[37], sha[65], now[32];
	struct card_row c = { uuid, sha, rubric, agency, date, inspectors,
	    ninspectors, now, now, false, scope, nscope, 0, 0, NULL, 1 };

	if (store_refuse_readonly(st, cause) != 0 ||
	    scope_figures(rubric, scope, nscope, &c, cause) != 0)
		return -1;
	if (!scorecard_date_valid(date)) {
		*cause = xasprintf(_("'%s' is not a date (YYYY-MM-DD)"), date);
		return -1;
	}
	if (uuid_v4(uuid, cause) != 0)
		return -1;
	sha256_hex(rubric_text, strlen(rubric_text), sha);
	store_now(now);
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (insert_all(st, &c, rubric_text, NULL, id, cause) != 0) {
		store_write_rollback(st);
		return -1;
	}
	return store_write_commit(st, cause);
}

int
store_has_uuid(struct store *st, const char *uuid, bool *present,
    char **cause)
{
	long long id;
	int rc = store_uuid_id(st, uuid, &id, cause);

	*present = rc == 0 && id > 0;
	return rc;
}

int
store_uuid_id(struct store *st, const char *uuid, long long *id,
    char **cause)
{
	sqlite3_stmt *stmt = store_stmt(st, STMT_CARD_BY_UUID, cause);
	int rc;

	*id = 0;
	if (stmt == NULL || store_bind(st, stmt, cause, "T", uuid) != 0)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*cause = store_errmsg(st, "look up the UUID");
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/*
 * Status last: the triggers refuse rows added to a final scorecard. The
 * card's sums with it, the same sum of scored entries as the triggers'.
 */
int
store_restore_status(struct store *st, const struct scorecard *sc,
    long long id, const char *updated_at, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(st, STMT_CARD_RESTORE, cause);
	struct scorecard_sum t = scorecard_total(sc);

	if (stmt == NULL || store_bind(st, stmt, cause, "IiTTiI", id,
	    sc->status == SCORECARD_FINAL, sc->status == SCORECARD_FINAL ?
	    sc->finalized_at : "", updated_at, t.score,
	    (long long)t.scored) != 0)
		return -1;
	return step_once(st, stmt, "save the status", cause);
}

static int
check_insertable(struct store *st, const struct scorecard *sc, char **cause)
{
	bool present;

	if (store_refuse_readonly(st, cause) != 0)
		return -1;
	if (!uuid_valid(sc->uuid)) {
		*cause = xasprintf(_("'%s' is not a UUID"), sc->uuid);
		return -1;
	}
	if (!scorecard_date_valid(sc->date)) {
		*cause = xasprintf(_("'%s' is not a date (YYYY-MM-DD)"),
		    sc->date);
		return -1;
	}
	/* An imported card obeys the rules of its own rubric snapshot. */
	if (scorecard_check_rules(sc, cause) != 0)
		return -1;
	if (sc->revision < 1) {
		*cause = xasprintf(_("scorecard %s: revision %d is not a"
		    " revision (1, 2, ...)"), sc->uuid, sc->revision);
		return -1;
	}
	if (sc->status == SCORECARD_FINAL && !scorecard_complete(sc)) {
		*cause = xasprintf(_("scorecard %s is final but has unscored"
		    " items"), sc->uuid);
		return -1;
	}
	if (store_has_uuid(st, sc->uuid, &present, cause) != 0)
		return -1;
	if (present) {
		*cause = xasprintf(_("a scorecard with UUID %s is already"
		    " here"), sc->uuid);
		return -1;
	}
	return 0;
}

/*
 * A final card is sealed as it is stored, before its status is set (the
 * final_needs_seal trigger). A seal that came with it must be this one.
 */
int
store_seal_imported(struct store *st, struct scorecard *sc, long long id,
    char **cause)
{
	char hex[65], *parts;
	long long was = sc->id;
	int rc = -1;

	if (sc->status != SCORECARD_FINAL)
		return 0;
	/* Computed once: the seal and its parts are one pass of sha256. */
	parts = seal_parts(sc, hex);
	if (sc->seal[0] != '\0' && strcmp(sc->seal, hex) != 0)
		*cause = xasprintf(_("scorecard %s: its seal does not match its"
		    " content (it was changed after it was finalized)"),
		    sc->uuid);
	else {
		sc->id = id;
		rc = store_seal_write_parts(st, sc, hex, parts, cause);
		sc->id = was;
	}
	free(parts);
	if (rc == 0)
		memcpy(sc->seal, hex, sizeof sc->seal);
	return rc;
}

/*
 * The notes of an inserted card, which notes_fts_insert skipped: now,
 * or inside a batch once at store_commit (store_index_batch).
 */
static int
index_notes(struct store *st, long long id, char **cause)
{
	if (st->in_transaction) {
		if (!st->fts_pending)
			st->fts_card = id;
		st->fts_pending = true;
		return 0;
	}
	return store_index_notes(st, id, id, cause);
}

int
store_index_notes(struct store *st, long long from, long long to,
    char **cause)
{
	static const char sql[] = "INSERT INTO notes_fts (rowid, record,"
	    " rationale) SELECT rowid, record, rationale FROM entries"
	    " WHERE scorecard_id BETWEEN ?1 AND ?2"
	    " AND (record <> '' OR rationale <> '')";
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, sql, &stmt, cause) != 0)
		return -1;
	if (sqlite3_bind_int64(stmt, 1, from) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, to) != SQLITE_OK) {
		*cause = store_errmsg(st, "index the notes");
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = store_step_done(st, stmt, "index the notes", cause);
	sqlite3_finalize(stmt);
	return rc;
}

int
store_insert(struct store *st, struct scorecard *sc, char **cause)
{
	char sha[65], now[32];
	struct scorecard_sum t = scorecard_total(sc);
	struct card_row c;
	long long id;

	if (check_insertable(st, sc, cause) != 0)
		return -1;
	store_snapshot_hash(st, sc->rubric_text, strlen(sc->rubric_text),
	    sha);
	store_now(now);
	/* What is stored is what is sealed: fill in the missing times. */
	if (*sc->created_at == '\0') {
		free(sc->created_at);
		sc->created_at = xstrdup(now);
	}
	if (*sc->updated_at == '\0') {
		free(sc->updated_at);
		sc->updated_at = xstrdup(sc->created_at);
	}
	c = (struct card_row){ sc->uuid, sha, sc->rubric, sc->agency,
	    sc->date, sc->inspectors, sc->ninspectors, sc->created_at,
	    sc->updated_at, true, sc->scope, sc->nscope, t.max, t.items,
	    sc->team, sc->revision };
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (insert_all(st, &c, sc->rubric_text, sc, &id, cause) != 0 ||
	    (sc->evidence != NULL &&
	    store_evidence_insert(st, id, sc->evidence, cause) != 0) ||
	    store_seal_imported(st, sc, id, cause) != 0 ||
	    index_notes(st, id, cause) != 0 ||
	    store_restore_status(st, sc, id, c.updated_at, cause) != 0 ||
	    store_write_commit(st, cause) != 0)
		goto fail;
	sc->id = id;
	memcpy(sc->rubric_sha256, sha, sizeof sha);
	return 0;
fail:
	store_write_rollback(st);
	return -1;
}
