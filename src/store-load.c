/*
 * Loading one scorecard: its header, its rubric snapshot (parsed again,
 * so an edited rubric file never changes an old scorecard), its
 * inspectors and its entries, read in one transaction.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "sha256.h"
#include "store-private.h"
#include "xalloc.h"

static char *
column_dup(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return xstrdup(s != NULL ? (const char *)s : "");
}

void
store_snapshot_forget(struct store *st)
{
	rubric_free(st->snapshot);
	st->snapshot = NULL;
	free(st->snapshot_text);
	st->snapshot_text = NULL;
}

/* A snapshot is keyed by what it holds: its hash is computed, not read. */
void
store_snapshot_hash(struct store *st, const char *text, size_t len,
    char sha[65])
{
	if (st->snapshot_text != NULL && len == st->snapshot_len &&
	    memcmp(text, st->snapshot_text, len) == 0) {
		memcpy(sha, st->snapshot_sha256, 65);
		return;
	}
	sha256_hex(text, len, sha);
	store_snapshot_forget(st);
	st->snapshot_text = xmalloc(len + 1);
	memcpy(st->snapshot_text, text, len);
	st->snapshot_text[len] = '\0';
	st->snapshot_len = len;
	memcpy(st->snapshot_sha256, sha, 65);
}

/*
 * The snapshot must be there, hash to what was stored, then parse; the
 * same bytes again give the rubric parsed before (rubric_ref).
 */
int
store_parse_snapshot(struct store *st, long long id, const char *text,
    size_t len, const char *sha, struct rubric **rubric, char **cause)
{
	char hex[65], *name, *why;

	if (text == NULL) {
		*cause = xasprintf(_("scorecard %lld: its rubric snapshot %.12s"
		    " is missing (deleted outside kaohe)"), id,
		    sha != NULL ? sha : "?");
		return -1;
	}
	store_snapshot_hash(st, text, len, hex);
	if (sha == NULL || strcmp(hex, sha) != 0) {
		*cause = xasprintf(_("scorecard %lld: its rubric snapshot does"
		    " not match its SHA-256"), id);
		return -1;
	}
	/* The same bytes as the last snapshot: its rubric, shared. */
	if (st->snapshot != NULL) {
		*rubric = rubric_ref(st->snapshot);
		return 0;
	}
	name = xasprintf(_("scorecard %lld's rubric"), id);
	if (rubric_parse(text, len, name, rubric, &why) != 0) {
		*cause = xasprintf(_("scorecard %lld: its rubric snapshot does"
		    " not load: %s"), id, why);
		free(why);
		free(name);
		return -1;
	}
	free(name);
	st->snapshot = rubric_ref(*rubric);	/* the text is the cached one */
	return 0;
}

static int
load_header(struct store *st, long long id, struct scorecard **out,
    char **cause)
{
	struct rubric *rubric;
	struct scorecard *sc;
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, "SELECT s.uuid, s.agency, s.date, s.status,"
	    " s.created_at, s.updated_at, s.finalized_at, s.rubric_sha256,"
	    " r.text, s.revision FROM scorecards AS s LEFT JOIN rubrics AS r"
	    " ON r.sha256 = s.rubric_sha256 WHERE s.id = ?1", &stmt,
	    cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		*cause = rc == SQLITE_DONE ?
		    xasprintf(_("there is no scorecard %lld"), id) :
		    store_errmsg(st, "read the scorecard");
		sqlite3_finalize(stmt);
		return -1;
	}
	if (store_parse_snapshot(st, id,
	    (const char *)sqlite3_column_text(stmt, 8),
	    (size_t)sqlite3_column_bytes(stmt, 8),
	    (const char *)sqlite3_column_text(stmt, 7), &rubric, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	sc = scorecard_new(rubric, column_dup(stmt, 8));
	sc->id = id;
	store_column_copy(stmt, 0, sc->uuid, sizeof sc->uuid);
	free(sc->agency);
	sc->agency = column_dup(stmt, 1);
	free(sc->date);
	sc->date = column_dup(stmt, 2);
	sc->status = sqlite3_column_int(stmt, 3) == 1 ? SCORECARD_FINAL :
	    SCORECARD_DRAFT;
	free(sc->created_at);
	sc->created_at = column_dup(stmt, 4);
	free(sc->updated_at);
	sc->updated_at = column_dup(stmt, 5);
	free(sc->finalized_at);
	sc->finalized_at = column_dup(stmt, 6);
	sc->revision = sqlite3_column_int(stmt, 9);
	sqlite3_finalize(stmt);
	*out = sc;
	return 0;
}

static int
load_inspectors(struct store *st, struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt;

	if (store_prepare(st, "SELECT name FROM inspectors"
	    " WHERE scorecard_id = ?1 ORDER BY position", &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, sc->id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	return store_read_inspectors(st, stmt, sc, "read the inspectors",
	    cause);
}

int
store_read_inspectors(struct store *st, sqlite3_stmt *stmt,
    struct scorecard *sc, const char *what, char **cause)
{
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		sc->inspectors = xreallocarray(sc->inspectors,
		    sc->ninspectors + 1, sizeof *sc->inspectors);
		sc->inspectors[sc->ninspectors++] = column_dup(stmt, 0);
	}
	if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, what);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* An int column that must hold an int: SQL can store any 64-bit value. */
static bool
column_fits_int(sqlite3_stmt *stmt, int col)
{
	sqlite3_int64 v = sqlite3_column_int64(stmt, col);

	return v >= INT_MIN && v <= INT_MAX;
}

/* Position and key must agree with the snapshot, or the file was tampered. */
int
store_load_entry(struct scorecard *sc, sqlite3_stmt *stmt, char **cause)
{
	sqlite3_int64 pos = sqlite3_column_int64(stmt, 0);
	const char *key = (const char *)sqlite3_column_text(stmt, 1);
	struct scorecard_entry *e;

	if (pos < 0 || (size_t)pos >= sc->rubric->nitems || key == NULL ||
	    strcmp(key, sc->rubric->items[pos]->key) != 0) {
		*cause = xasprintf(_("scorecard %lld: entry %lld does not"
		    " match its rubric snapshot"), sc->id, (long long)pos);
		return -1;
	}
	if (!column_fits_int(stmt, 2) || !column_fits_int(stmt, 3)) {
		*cause = xasprintf(_("scorecard %lld: item %s: %s is not a"
		    " number kaohe writes (changed outside kaohe)"), sc->id,
		    key, store_column_text(stmt, column_fits_int(stmt, 2) ?
		    3 : 2));
		return -1;
	}
	e = &sc->entries[pos];
	e->scored = sqlite3_column_type(stmt, 2) != SQLITE_NULL;
	e->score = sqlite3_column_int(stmt, 2);
	e->tier = sqlite3_column_int(stmt, 3);
	free(e->record);
	e->record = column_dup(stmt, 4);
	free(e->rationale);
	e->rationale = column_dup(stmt, 5);
	return 0;
}

int
store_read_entries(struct store *st, sqlite3_stmt *stmt,
    struct scorecard *sc, const char *what, size_t *n, char **cause)
{
	int rc;

	*n = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (store_load_entry(sc, stmt, cause) != 0) {
			sqlite3_finalize(stmt);
			return -1;
		}
		(*n)++;
	}
	if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, what);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
load_entries(struct store *st, struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt;
	size_t n;

	if (store_prepare(st, "SELECT position, item, score, tier, record,"
	    " rationale FROM entries WHERE scorecard_id = ?1"
	    " ORDER BY position", &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, sc->id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	if (store_read_entries(st, stmt, sc, "read the entries", &n,
	    cause) != 0)
		return -1;
	if (n == sc->rubric->nitems)
		return 0;
	*cause = xasprintf(_("scorecard %lld has %zu entries for %zu items"),
	    sc->id, n, sc->rubric->nitems);
	return -1;
}

/* A final revision's seal; "" for a draft, or when none is stored. */
static int
load_seal(struct store *st, struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt;

	sc->seal[0] = '\0';
	if (sc->status != SCORECARD_FINAL)
		return 0;
	if (store_prepare(st, "SELECT seal FROM seals WHERE scorecard_id = ?1"
	    " AND revision = ?2", &stmt, cause) != 0)
		return -1;
	if (store_bind(st, stmt, cause, "Ii", sc->id, sc->revision) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	return store_read_seal(st, stmt, sc, cause);
}

int
store_read_seal(struct store *st, sqlite3_stmt *stmt, struct scorecard *sc,
    char **cause)
{
	int rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW)
		store_column_copy(stmt, 0, sc->seal, sizeof sc->seal);
	else if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, "read the seal");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
store_load(struct store *st, long long id, struct scorecard **out,
    char **cause)
{
	struct scorecard *sc = NULL;
	bool own = sqlite3_get_autocommit(st->db);
	int rc;

	/* One read transaction: a writer in another process cannot tear it. */
	if (own && store_exec(st, "BEGIN", cause) != 0)
		return -1;
	rc = load_header(st, id, &sc, cause);
	if (rc == 0)
		rc = load_inspectors(st, sc, cause);
	if (rc == 0)
		rc = load_entries(st, sc, cause);
	if (rc == 0)
		rc = store_load_team_parts(st, sc, cause);
	if (rc == 0)
		rc = store_evidence_attach(st, sc, cause);
	if (rc == 0)
		rc = load_seal(st, sc, cause);
	if (own)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != 0) {
		scorecard_free(sc);
		return -1;
	}
	*out = sc;
	return 0;
}
