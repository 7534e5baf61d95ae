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

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, r->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, r->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, text, -1, SQLITE_STATIC);
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
	sqlite3_bind_text(stmt, 1, c->uuid, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, c->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, c->rubric->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, c->agency, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, c->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, joined, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 7, c->created_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 8, c->updated_at, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 9, c->max);
	sqlite3_bind_int64(stmt, 10, (sqlite3_int64)c->items);
	sqlite3_bind_int(stmt, 11, c->sums_pending ? -1 : 0);
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
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int64(stmt, 2, (sqlite3_int64)i);
		sqlite3_bind_text(stmt, 3, names[i], -1, SQLITE_STATIC);
		rc = step_once(st, stmt, "save the inspectors", cause);
	}
	return rc;
}

/*
 * Every section below the root, depth first, in document order, with its
 * sums: sc's (import), or none yet (a new draft, sc NULL). Written once,
 * never updated after: 17 UPDATEs a card were a fifth of an import.
 */
static int
insert_sections_below(struct store *st, sqlite3_stmt *stmt, long long id,
    const struct rubric_node *node, const struct scorecard *sc,
    char **cause)
{
	const struct rubric_node *c;
	struct scorecard_sum sum = { 0, 0, 0, 0 };
	size_t i;

	for (i = 0; i < node->nchildren; i++) {
		c = &node->children[i];
		if (c->nchildren == 0)
			continue;
		if (sc != NULL)
			sum = scorecard_sum(sc, c);
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_text(stmt, 2, c->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, c->title, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 4, c->depth);
		sqlite3_bind_int64(stmt, 5, (sqlite3_int64)c->item_first);
		sqlite3_bind_int(stmt, 6, c->max);
		sqlite3_bind_int64(stmt, 7, (sqlite3_int64)c->item_count);
		sqlite3_bind_int(stmt, 8, sum.score);
		sqlite3_bind_int64(stmt, 9, (sqlite3_int64)sum.scored);
		if (step_once(st, stmt, "save the sections", cause) != 0 ||
		    insert_sections_below(st, stmt, id, c, sc, cause) != 0)
			return -1;
	}
	return 0;
}

static int
insert_sections(struct store *st, long long id, const struct rubric *r,
    const struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(st, STMT_SECTION_INSERT, cause);

	if (stmt == NULL)
		return -1;
	return insert_sections_below(st, stmt, id, &r->root, sc, cause);
}

/* sc is NULL for a new, empty draft. */
static int
insert_entries(struct store *st, long long id, const struct rubric *r,
    const struct scorecard *sc, char **cause)
{
	const struct scorecard_entry *e;
	sqlite3_stmt *stmt = store_stmt(st, STMT_ENTRY_INSERT, cause);
	size_t i;
	int rc = 0;

	if (stmt == NULL)
		return -1;
	for (i = 0; i < r->nitems && rc == 0; i++) {
		e = sc != NULL ? &sc->entries[i] : NULL;
		sqlite3_clear_bindings(stmt);
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int64(stmt, 2, (sqlite3_int64)i);
		sqlite3_bind_text(stmt, 3, r->items[i]->key, -1, SQLITE_STATIC);
		if (e != NULL && e->scored)
			sqlite3_bind_int(stmt, 4, e->score);
		if (e != NULL && e->scored && e->tier > 0)
			sqlite3_bind_int(stmt, 5, e->tier);
		sqlite3_bind_text(stmt, 6, e != NULL ? e->record : "", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(stmt, 7, e != NULL ? e->rationale : "", -1,
		    SQLITE_STATIC);
		rc = step_once(st, stmt, "save the entries", cause);
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
	    ninspectors, now, now, false, scope, nscope, 0, 0, NULL };

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
	sqlite3_stmt *stmt = store_stmt(st, STMT_CARD_BY_UUID, cause);
	int rc;

	if (stmt == NULL)
		return -1;
	sqlite3_bind_text(stmt, 1, uuid, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	*present = rc == SQLITE_ROW;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*cause = store_errmsg(st, "look up the UUID");
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/*
 * Status last: the triggers refuse rows added to a final scorecard. The
 * card's sums with it, the same sum of scored entries as the triggers'.
 */
static int
restore_status(struct store *st, const struct scorecard *sc, long long id,
    const char *updated_at, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(st, STMT_CARD_RESTORE, cause);
	struct scorecard_sum t = scorecard_total(sc);

	if (stmt == NULL)
		return -1;
	sqlite3_bind_int(stmt, 5, t.score);
	sqlite3_bind_int64(stmt, 6, (sqlite3_int64)t.scored);
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, sc->status == SCORECARD_FINAL);
	sqlite3_bind_text(stmt, 3, sc->status == SCORECARD_FINAL ?
	    sc->finalized_at : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, updated_at, -1, SQLITE_STATIC);
	return step_once(st, stmt, "save the status", cause);
}

/* An imported score obeys the rules of its own rubric snapshot. */
static int
check_entries(const struct scorecard *sc, char **cause)
{
	const struct scorecard_entry *e;
	size_t i;
	int tier;

	for (i = 0; i < sc->rubric->nitems; i++) {
		e = &sc->entries[i];
		if (e->scored && scorecard_check(sc->rubric->items[i],
		    e->score, e->tier, &tier, cause) != 0)
			return -1;
	}
	return 0;
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
	if (check_entries(sc, cause) != 0)
		return -1;
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

/* The hash is recomputed: a snapshot is keyed by what it holds. */
static void
hash_snapshot(struct store *st, const char *text, char sha[65])
{
	if (st->hashed_text != NULL && strcmp(st->hashed_text, text) == 0) {
		memcpy(sha, st->hashed_sha256, 65);
		return;
	}
	sha256_hex(text, strlen(text), sha);
	free(st->hashed_text);
	st->hashed_text = xstrdup(text);
	memcpy(st->hashed_sha256, sha, 65);
}

int
store_insert(struct store *st, struct scorecard *sc, char **cause)
{
	char sha[65], now[32];
	struct scorecard_sum t = scorecard_total(sc);
	struct card_row c = { sc->uuid, sha, sc->rubric, sc->agency, sc->date,
	    sc->inspectors, sc->ninspectors, sc->created_at, sc->updated_at,
	    true, sc->scope, sc->nscope, t.max, t.items, sc->team };
	long long id;

	if (check_insertable(st, sc, cause) != 0)
		return -1;
	hash_snapshot(st, sc->rubric_text, sha);
	store_now(now);
	if (*c.created_at == '\0')
		c.created_at = now;
	if (*c.updated_at == '\0')
		c.updated_at = c.created_at;
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (insert_all(st, &c, sc->rubric_text, sc, &id, cause) != 0 ||
	    (sc->evidence != NULL &&
	    store_evidence_insert(st, id, sc->evidence, cause) != 0))
		goto fail;
	if (restore_status(st, sc, id, c.updated_at, cause) != 0 ||
	    store_write_commit(st, cause) != 0)
		goto fail;
	sc->id = id;
	memcpy(sc->rubric_sha256, sha, sizeof sha);
	return 0;
fail:
	store_write_rollback(st);
	return -1;
}
