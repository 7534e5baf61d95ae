/*
 * Evidence in SQLite: documents, sections, matches. A document and all
 * of its rows are written in one transaction, so a refused or failed
 * addition leaves the card as it was.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "sha256.h"
#include "store-evidence.h"
#include "store-private.h"
#include "xalloc.h"

/* The card exists and is a draft; its documents may change. */
static int
draft_card(struct store *st, long long card, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, "SELECT status FROM scorecards WHERE id = ?1",
	    &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, card, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && sqlite3_column_int(stmt, 0) == SCORECARD_DRAFT)
		rc = 0;
	else if (rc == SQLITE_ROW) {
		*cause = xasprintf(_("scorecard %lld is finalized; it cannot be"
		    " changed"), card);
		rc = -1;
	} else if (rc == SQLITE_DONE) {
		*cause = xasprintf(_("there is no scorecard %lld"), card);
		rc = -1;
	} else {
		*cause = store_errmsg(st, "read the scorecard");
		rc = -1;
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* One int64 from a query with ?1 bound to card; *v untouched on no row. */
static int
query_card_int(struct store *st, const char *sql, long long card,
    const char *text, long long *v, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, sql, &stmt, cause) != 0)
		return -1;
	if (store_bind(st, stmt, cause, text != NULL ? "IT" : "I", card,
	    text) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "read the documents");
		return -1;
	}
	return 0;
}

static int
insert_document(struct store *st, long long card, struct evidence_document *d,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, "INSERT INTO documents (scorecard_id, position,"
	    " file_name, title, sha256, added_at, text) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7)", &stmt, cause) != 0)
		return -1;
	if (store_bind(st, stmt, cause, "IiTTTT", card, d->position,
	    d->file_name, d->title, d->sha256, d->added_at) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	/* The text by its length, the one parameter store_bind cannot take. */
	if (sqlite3_bind_text(stmt, 7, d->text, (int)d->len, SQLITE_STATIC) !=
	    SQLITE_OK) {
		*cause = store_errmsg(st, "bind the document");
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "store the document");
		return -1;
	}
	d->id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static int
insert_sections(struct store *st, const struct evidence_document *d,
    char **cause)
{
	sqlite3_stmt *stmt;
	size_t i;

	if (store_prepare(st, "INSERT INTO document_sections (document_id,"
	    " position, parent, depth, line, number, title, start, body_end,"
	    " end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &stmt,
	    cause) != 0)
		return -1;
	for (i = 0; i < d->nsections; i++) {
		const struct evidence_section *s = &d->sections[i];

		sqlite3_reset(stmt);
		if (store_bind(st, stmt, cause, "IIIiITTIII", d->id,
		    (long long)i + 1, (long long)s->parent + 1, s->depth,
		    (long long)s->line, s->number, s->title,
		    (long long)s->start, (long long)s->body_end,
		    (long long)s->end) != 0) {
			sqlite3_finalize(stmt);
			return -1;
		}
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			*cause = store_errmsg(st, "store a section");
			sqlite3_finalize(stmt);
			return -1;
		}
	}
	sqlite3_finalize(stmt);
	return 0;
}

static int
put_match(sqlite3_stmt *stmt, long long doc, const char *node, long section,
    int corrected)
{
	sqlite3_reset(stmt);
	/* A failed bind is never stepped; the caller names the error. */
	if (sqlite3_bind_int64(stmt, 1, doc) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 2, node, -1, SQLITE_STATIC) != SQLITE_OK ||
	    (section > 0 ? sqlite3_bind_int64(stmt, 3, section) :
	    sqlite3_bind_null(stmt, 3)) != SQLITE_OK ||
	    sqlite3_bind_int(stmt, 4, corrected) != SQLITE_OK)
		return -1;
	return sqlite3_step(stmt) == SQLITE_DONE ? 0 : -1;
}

#define PUT_MATCH_SQL "INSERT OR REPLACE INTO document_matches (document_id," \
	" node, section, corrected) VALUES (?1, ?2, ?3, ?4)"

/* The matches, and the nodes corrected to "no section here". */
static int
insert_matches(struct store *st, const struct evidence_document *d,
    char **cause)
{
	sqlite3_stmt *stmt;
	size_t i;
	int rc = 0;

	if (store_prepare(st, PUT_MATCH_SQL, &stmt, cause) != 0)
		return -1;
	for (i = 0; rc == 0 && i < d->nmatches; i++)
		rc = put_match(stmt, d->id, d->matches[i].node->key,
		    (long)d->matches[i].section + 1, d->matches[i].corrected);
	for (i = 0; rc == 0 && i < d->ncleared; i++)
		rc = put_match(stmt, d->id, d->cleared[i], 0, 1);
	if (rc != 0)
		*cause = store_errmsg(st, "store a match");
	sqlite3_finalize(stmt);
	return rc;
}

/* A change of a card's documents is a change of the card. */
static int
touch_card(struct store *st, long long card, char **cause)
{
	char now[32];

	store_now(now);
	return store_run(st, "UPDATE scorecards SET updated_at = ?2"
	    " WHERE id = ?1", "touch the scorecard", cause,
	    "IT", card, now);
}

/* A correction stored for a node on the card applies to a new document too. */
static int
inherit_corrections(struct store *st, long long card,
    const struct evidence_document *d, char **cause)
{
	static const char sql[] =
	    "INSERT OR REPLACE INTO document_matches (document_id, node,"
	    " section, corrected) SELECT DISTINCT ?2, m.node, NULL, 1"
	    " FROM document_matches AS m JOIN documents AS o"
	    " ON o.id = m.document_id WHERE o.scorecard_id = ?1"
	    " AND o.id <> ?2 AND m.corrected = 1";

	return store_run(st, sql, "store a correction", cause,
	    "II", card, d->id);
}

static int
add_locked(struct store *st, long long card, struct evidence_document *d,
    char **cause)
{
	long long pos = 0, dup = 0;

	if (draft_card(st, card, cause) != 0 ||
	    query_card_int(st, "SELECT position FROM documents WHERE"
	    " scorecard_id = ?1 AND sha256 = ?2", card, d->sha256, &dup,
	    cause) != 0)
		return -1;
	if (dup != 0) {
		*cause = xasprintf(_("scorecard %lld already has this document"
		    " (document %lld, the same SHA-256); nothing was added"),
		    card, dup);
		return -1;
	}
	if (query_card_int(st, "SELECT coalesce(max(position), 0) FROM"
	    " documents WHERE scorecard_id = ?1", card, NULL, &pos,
	    cause) != 0)
		return -1;
	d->position = (int)pos + 1;
	if (insert_document(st, card, d, cause) != 0 ||
	    insert_sections(st, d, cause) != 0 ||
	    insert_matches(st, d, cause) != 0 ||
	    inherit_corrections(st, card, d, cause) != 0 ||
	    touch_card(st, card, cause) != 0)
		return -1;
	return 0;
}

int
store_evidence_insert(struct store *st, long long card,
    struct evidence_set *set, char **cause)
{
	size_t i;

	for (i = 0; i < set->ndocs; i++) {
		struct evidence_document *d = &set->docs[i];

		sha256_hex(d->text, d->len, d->sha256);
		d->position = (int)i + 1;
		if (insert_document(st, card, d, cause) != 0 ||
		    insert_sections(st, d, cause) != 0 ||
		    insert_matches(st, d, cause) != 0)
			return -1;
	}
	return 0;
}

int
store_evidence_add(struct store *st, long long card,
    struct evidence_document *d, char **cause)
{
	char now[32];

	sha256_hex(d->text, d->len, d->sha256);
	if (d->added_at == NULL) {
		store_now(now);
		d->added_at = xstrdup(now);
	}
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (add_locked(st, card, d, cause) != 0) {
		store_write_rollback(st);
		return -1;
	}
	return store_write_commit(st, cause);
}

static char *
column_dup(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return xstrdup(s != NULL ? (const char *)s : "");
}

static int
load_documents(struct store *st, long long card, struct evidence_set *set,
    char **cause)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc;

	if (store_prepare(st, "SELECT id, position, file_name, title, sha256,"
	    " added_at, text FROM documents WHERE scorecard_id = ?1"
	    " ORDER BY position", &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, card, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct evidence_document *d;

		if (set->ndocs == cap) {
			cap = cap == 0 ? 4 : cap * 2;
			set->docs = xreallocarray(set->docs, cap,
			    sizeof *set->docs);
		}
		d = &set->docs[set->ndocs++];
		memset(d, 0, sizeof *d);
		d->id = sqlite3_column_int64(stmt, 0);
		d->position = sqlite3_column_int(stmt, 1);
		d->file_name = column_dup(stmt, 2);
		d->title = column_dup(stmt, 3);
		snprintf(d->sha256, sizeof d->sha256, "%s",
		    store_column_text(stmt, 4));
		d->added_at = column_dup(stmt, 5);
		d->len = (size_t)sqlite3_column_bytes(stmt, 6);
		d->text = xstrndup(store_column_text(stmt, 6),
		    d->len);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "read the documents");
		return -1;
	}
	return 0;
}

/* A stored offset that does not fit the text is a damaged row: clamp it. */
static size_t
offset(sqlite3_stmt *stmt, int col, size_t len)
{
	sqlite3_int64 v = sqlite3_column_int64(stmt, col);

	return v < 0 ? 0 : (size_t)v > len ? len : (size_t)v;
}

static int
load_sections(struct store *st, struct evidence_document *d, char **cause)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc;

	if (store_prepare(st, "SELECT parent, depth, line, number, title,"
	    " start, body_end, end FROM document_sections WHERE"
	    " document_id = ?1 ORDER BY position", &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, d->id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct evidence_section *s;

		if (d->nsections == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			d->sections = xreallocarray(d->sections, cap,
			    sizeof *d->sections);
		}
		s = &d->sections[d->nsections];
		memset(s, 0, sizeof *s);
		s->parent = (long)sqlite3_column_int64(stmt, 0) - 1;
		if (s->parent >= (long)d->nsections)
			s->parent = -1;
		s->depth = sqlite3_column_int(stmt, 1);
		s->line = (size_t)sqlite3_column_int64(stmt, 2);
		s->number = column_dup(stmt, 3);
		s->title = column_dup(stmt, 4);
		s->start = offset(stmt, 5, d->len);
		s->end = offset(stmt, 7, d->len);
		if (s->end < s->start)
			s->end = s->start;
		s->body_end = offset(stmt, 6, d->len);
		if (s->body_end < s->start || s->body_end > s->end)
			s->body_end = s->end;
		d->nsections++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "read the sections");
		return -1;
	}
	return 0;
}

static int
load_matches(struct store *st, struct evidence_document *d,
    const struct rubric *r, char **cause)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc;

	/* Rows with section NULL are corrections to "none": no match. */
	if (store_prepare(st, "SELECT node, section, corrected FROM"
	    " document_matches WHERE document_id = ?1 AND section IS NOT NULL"
	    " ORDER BY section, node", &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, d->id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const struct rubric_node *node = rubric_find(r,
		    store_column_text(stmt, 0));
		sqlite3_int64 sec = sqlite3_column_int64(stmt, 1);

		if (node == NULL || node == &r->root || sec < 1 ||
		    (size_t)sec > d->nsections)
			continue;
		if (d->nmatches == cap) {
			cap = cap == 0 ? 32 : cap * 2;
			d->matches = xreallocarray(d->matches, cap,
			    sizeof *d->matches);
		}
		d->matches[d->nmatches++] = (struct evidence_match){ node,
		    (size_t)sec - 1, sqlite3_column_int(stmt, 2) };
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "read the matches");
		return -1;
	}
	return 0;
}

static int
load_cleared(struct store *st, struct evidence_document *d, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, "SELECT node FROM document_matches WHERE"
	    " document_id = ?1 AND section IS NULL AND corrected = 1"
	    " ORDER BY node", &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, d->id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		d->cleared = xreallocarray(d->cleared, d->ncleared + 1,
		    sizeof *d->cleared);
		d->cleared[d->ncleared++] = column_dup(stmt, 0);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "read the corrections");
		return -1;
	}
	return 0;
}

int
store_evidence_load(struct store *st, long long card, const struct rubric *r,
    struct evidence_set *set, char **cause)
{
	size_t i;

	memset(set, 0, sizeof *set);
	if (load_documents(st, card, set, cause) != 0)
		goto fail;
	for (i = 0; i < set->ndocs; i++)
		if (load_sections(st, &set->docs[i], cause) != 0 ||
		    load_matches(st, &set->docs[i], r, cause) != 0 ||
		    load_cleared(st, &set->docs[i], cause) != 0)
			goto fail;
	return 0;
fail:
	evidence_set_free(set);
	return -1;
}

static int
correct_locked(struct store *st, long long card, const char *node, int doc,
    int section, char **cause)
{
	sqlite3_stmt *docs, *put;
	int rc, found = 0;

	if (draft_card(st, card, cause) != 0 ||
	    store_prepare(st, "SELECT id, position, (SELECT count(*) FROM"
	    " document_sections WHERE document_id = documents.id) FROM"
	    " documents WHERE scorecard_id = ?1 ORDER BY position", &docs,
	    cause) != 0)
		return -1;
	if (store_prepare(st, PUT_MATCH_SQL, &put, cause) != 0) {
		sqlite3_finalize(docs);
		return -1;
	}
	if (store_bind_int64(st, docs, 1, card, cause) != 0) {
		sqlite3_finalize(docs);
		sqlite3_finalize(put);
		return -1;
	}
	while ((rc = sqlite3_step(docs)) == SQLITE_ROW) {
		int pos = sqlite3_column_int(docs, 1);
		bool here = pos == doc;

		if (here && (section < 1 ||
		    section > sqlite3_column_int(docs, 2))) {
			*cause = xasprintf(_("document %d of scorecard %lld has"
			    " no section %d (see kaohe evidence list %lld)"),
			    doc, card, section, card);
			rc = -1;
			break;
		}
		found |= here;
		if (put_match(put, sqlite3_column_int64(docs, 0), node,
		    here ? section : 0, 1) != 0) {
			*cause = store_errmsg(st, "store the correction");
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(docs);
	sqlite3_finalize(put);
	if (rc == SQLITE_DONE && touch_card(st, card, cause) != 0)
		return -1;
	if (rc == SQLITE_DONE && doc != 0 && !found) {
		*cause = xasprintf(_("scorecard %lld has no document %d"), card,
		    doc);
		return -1;
	}
	if (rc != SQLITE_DONE) {
		if (rc != -1)
			*cause = store_errmsg(st, "read the documents");
		return -1;
	}
	return 0;
}

int
store_evidence_correct(struct store *st, long long card, const char *node,
    int doc, int section, char **cause)
{
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (correct_locked(st, card, node, doc, section, cause) != 0) {
		store_write_rollback(st);
		return -1;
	}
	return store_write_commit(st, cause);
}

int
store_evidence_attach_until(struct store *st, struct scorecard *sc,
    const char *until, char **cause)
{
	struct evidence_set *set = xcalloc(1, sizeof *set);
	size_t i, kept = 0;

	if (store_evidence_load(st, sc->id, sc->rubric, set, cause) != 0) {
		free(set);
		return -1;
	}
	/* A kept revision's documents: those added before it was final. */
	for (i = 0; until != NULL && i < set->ndocs; i++) {
		if (strcmp(set->docs[i].added_at, until) > 0)
			evidence_document_clear(&set->docs[i]);
		else
			set->docs[kept++] = set->docs[i];
	}
	if (until != NULL)
		set->ndocs = kept;
	if (set->ndocs == 0) {
		free(set);
		set = NULL;
	}
	sc->evidence = set;
	return 0;
}

int
store_evidence_attach(struct store *st, struct scorecard *sc, char **cause)
{
	return store_evidence_attach_until(st, sc, NULL, cause);
}
