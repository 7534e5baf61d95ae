/*
 * The store's write path for one scorecard: scores, notes, finalization
 * and deletion, each one short IMMEDIATE transaction. The rules come from
 * scorecard.c and are checked before anything is written; the triggers in
 * store-schema.c keep the audit trail and the sums, and refuse to change
 * a finalized scorecard even if this code forgot to.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-private.h"
#include "team.h"
#include "xalloc.h"

static const char *const stmt_sql[STMT__COUNT] = {
	[STMT_ENTRY_SCORE] = "UPDATE entries SET score = ?3, tier = ?4"
	    " WHERE scorecard_id = ?1 AND position = ?2",
	[STMT_ENTRY_NOTE_RECORD] = "UPDATE entries SET record = ?3"
	    " WHERE scorecard_id = ?1 AND position = ?2",
	[STMT_ENTRY_NOTE_RATIONALE] = "UPDATE entries SET rationale = ?3"
	    " WHERE scorecard_id = ?1 AND position = ?2",
	[STMT_CARD_STATUS] = "UPDATE scorecards SET status = 1,"
	    " finalized_at = ?2, updated_at = ?2 WHERE id = ?1",
	[STMT_CARD_UPDATED] = "SELECT status, updated_at FROM scorecards"
	    " WHERE id = ?1",
	[STMT_RUBRIC_INSERT] = "INSERT INTO rubrics (sha256, rubric_id,"
	    " title, text) VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT (sha256) DO NOTHING",
	/* scored ?11 is -1 while import's sums are pending (store-schema.c). */
	[STMT_CARD_INSERT] = "INSERT INTO scorecards (uuid, rubric_sha256,"
	    " rubric_id, agency, date, inspectors, status, created_at,"
	    " updated_at, finalized_at, score, max, scored, items, revision)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, '', 0, ?9, ?11, ?10,"
	    " ?12)",
	[STMT_INSPECTOR_INSERT] = "INSERT INTO inspectors (scorecard_id,"
	    " position, name) VALUES (?1, ?2, ?3)",
	/* The sums the sums_insert trigger skipped while scored was -1. */
	[STMT_CARD_RESTORE] = "UPDATE scorecards SET status = ?2,"
	    " finalized_at = ?3, updated_at = ?4, score = ?5, scored = ?6"
	    " WHERE id = ?1",
	[STMT_CARD_BY_UUID] = "SELECT id FROM scorecards WHERE uuid = ?1",
	[STMT_SEAL_INSERT] = "INSERT INTO seals (scorecard_id, revision, seal,"
	    " parts, sealed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_VERIFY_STATE] = "SELECT s.status, s.revision, s.score, s.scored,"
	    " EXISTS (SELECT 1 FROM rubrics WHERE sha256 = s.rubric_sha256),"
	    " (SELECT coalesce(sum(score), 0) FROM entries"
	    " WHERE scorecard_id = s.id),"
	    " (SELECT count(score) FROM entries WHERE scorecard_id = s.id)"
	    " FROM scorecards AS s WHERE s.id = ?1",
	[STMT_VERIFY_SEALS] = "SELECT revision, seal, parts FROM seals"
	    " WHERE scorecard_id = ?1 ORDER BY revision",
	[STMT_VERIFY_CHAIN] = "SELECT id, scorecard_id, at, item, field,"
	    " old_value, new_value, hash FROM audit WHERE scorecard_id = ?1"
	    " ORDER BY id",
};

char *
store_errmsg(struct store *st, const char *what)
{
	int code = sqlite3_extended_errcode(st->db);

	switch (code & 0xff) {
	case SQLITE_FULL:
		return xasprintf(_("the disk is full; nothing was saved: %s"),
		    st->path);
	case SQLITE_READONLY:
		return xasprintf(_("the database is read-only: %s"), st->path);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return xasprintf(_("the database is busy (another kaohe is"
		    " writing): %s"), st->path);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return xasprintf(_("the database is corrupt: %s: %s"),
		    st->path, sqlite3_errmsg(st->db));
	case SQLITE_CONSTRAINT:
		if (code == SQLITE_CONSTRAINT_TRIGGER)
			return xstrdup(sqlite3_errmsg(st->db));
		break;
	}
	return xasprintf("%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

int
store_exec(struct store *st, const char *sql, char **cause)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		*cause = store_errmsg(st, sql);
		return -1;
	}
	return 0;
}

int
store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt,
    char **cause)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL) != SQLITE_OK) {
		*cause = store_errmsg(st, "prepare");
		*stmt = NULL;
		return -1;
	}
	return 0;
}

sqlite3_stmt *
store_stmt(struct store *st, enum store_stmt which, char **cause)
{
	sqlite3_stmt *stmt = st->stmts[which];

	if (stmt != NULL) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		return stmt;
	}
	if (sqlite3_prepare_v3(st->db, stmt_sql[which], -1,
	    SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK) {
		*cause = store_errmsg(st, "prepare");
		return NULL;
	}
	st->stmts[which] = stmt;
	return stmt;
}

int
store_step_done(struct store *st, sqlite3_stmt *stmt, const char *what,
    char **cause)
{
	int rc = sqlite3_step(stmt);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		*cause = store_errmsg(st, what);
		sqlite3_reset(stmt);
		return -1;
	}
	return 0;
}

static int
bind_one(sqlite3_stmt *stmt, int index, char type, va_list *ap)
{
	const char *text;
	long long ll;
	int v;

	switch (type) {
	case 'I':
		ll = va_arg(*ap, long long);
		return sqlite3_bind_int64(stmt, index, ll);
	case 'i':
		return sqlite3_bind_int(stmt, index, va_arg(*ap, int));
	case 'T':
		text = va_arg(*ap, const char *);
		if (text == NULL)
			return sqlite3_bind_null(stmt, index);
		return sqlite3_bind_text(stmt, index, text, -1, SQLITE_STATIC);
	case 'j':
		v = va_arg(*ap, int);
		if (va_arg(*ap, int) == 0)
			return sqlite3_bind_null(stmt, index);
		return sqlite3_bind_int(stmt, index, v);
	}
	return SQLITE_MISUSE;
}

static int
store_vbind(struct store *st, sqlite3_stmt *stmt, int first, char **cause,
    const char *types, va_list *ap)
{
	int i, rc = SQLITE_OK;

	for (i = 0; types[i] != '\0' && rc == SQLITE_OK; i++)
		rc = bind_one(stmt, first + i, types[i], ap);
	if (rc == SQLITE_OK)
		return 0;
	*cause = rc == SQLITE_MISUSE || rc == SQLITE_RANGE ?
	    xasprintf("%s: bind parameter %d: %s", st->path, first + i - 1,
	    sqlite3_errstr(rc)) : store_errmsg(st, "bind");
	return -1;
}

int
store_bind(struct store *st, sqlite3_stmt *stmt, char **cause,
    const char *types, ...)
{
	va_list ap;
	int rc;

	va_start(ap, types);
	rc = store_vbind(st, stmt, 1, cause, types, &ap);
	va_end(ap);
	return rc;
}

int
store_bind_at(struct store *st, sqlite3_stmt *stmt, int first, char **cause,
    const char *types, ...)
{
	va_list ap;
	int rc;

	va_start(ap, types);
	rc = store_vbind(st, stmt, first, cause, types, &ap);
	va_end(ap);
	return rc;
}

int
store_run(struct store *st, const char *sql, const char *what, char **cause,
    const char *types, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	int rc;

	if (store_prepare(st, sql, &stmt, cause) != 0)
		return -1;
	va_start(ap, types);
	rc = store_vbind(st, stmt, 1, cause, types, &ap);
	va_end(ap);
	if (rc == 0 && sqlite3_step(stmt) != SQLITE_DONE) {
		*cause = store_errmsg(st, what);
		rc = -1;
	}
	sqlite3_finalize(stmt);
	return rc;
}

int
store_bind_int64(struct store *st, sqlite3_stmt *stmt, int index,
    long long value, char **cause)
{
	if (sqlite3_bind_int64(stmt, index, value) == SQLITE_OK)
		return 0;
	*cause = store_errmsg(st, "bind");
	return -1;
}

const char *
store_column_text(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return s != NULL ? (const char *)s : "";
}

void
store_column_copy(sqlite3_stmt *stmt, int col, char *buf, size_t size)
{
	snprintf(buf, size, "%s", store_column_text(stmt, col));
}

int
store_refuse_readonly(struct store *st, char **cause)
{
	if (st->schema_problem != NULL) {
		*cause = xasprintf(_("%s: its schema was changed outside kaohe"
		    " (%s); kaohe will not write to it"), st->path,
		    st->schema_problem);
		return -1;
	}
	if (!st->readonly)
		return 0;
	*cause = xasprintf(_("the database is read-only: %s"), st->path);
	return -1;
}

/*
 * Inside store_begin's transaction a write is part of the batch: a failed
 * one leaves the batch to be rolled back whole (store_rollback), as
 * import does. No savepoint per card: they were a tenth of an import.
 */
int
store_write_begin(struct store *st, char **cause)
{
	if (store_refuse_readonly(st, cause) != 0)
		return -1;
	if (st->in_transaction)
		return 0;
	return store_exec(st, "BEGIN IMMEDIATE", cause);
}

int
store_write_commit(struct store *st, char **cause)
{
	if (st->in_transaction)
		return 0;
	if (store_exec(st, "COMMIT", cause) == 0)
		return 0;
	store_write_rollback(st);
	return -1;
}

void
store_write_rollback(struct store *st)
{
	if (!st->in_transaction && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void
store_now(char buf[32])
{
	struct timespec ts;
	struct tm tm;
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(buf, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + n, 32 - n, ".%03ldZ", ts.tv_nsec / 1000000L);
}

int
store_begin(struct store *st, char **cause)
{
	if (st->in_transaction) {
		*cause = xstrdup("store_begin: a transaction is already open");
		return -1;
	}
	if (store_write_begin(st, cause) != 0)
		return -1;
	st->in_transaction = true;
	return 0;
}

/*
 * The batch's cards are new and numbered up from the first (the ids are
 * AUTOINCREMENT, and nothing else inserts inside a batch): their notes
 * are indexed in one statement.
 */
/*
 * FTS5 holds new index entries in memory up to its hashsize (1 MiB by
 * default), then writes a segment, and merges segments as they pile up:
 * for a batch of 100,000 cards the merging was a third of the indexing.
 * 64 MiB makes few, large segments. The setting is kept in notes_fts's
 * config table; it bounds only what one transaction holds in memory.
 */
#define STORE_FTS_HASHSIZE	"67108864"

int
store_commit(struct store *st, char **cause)
{
	if (st->fts_pending && (store_exec(st, "INSERT INTO notes_fts"
	    " (notes_fts, rank) VALUES ('hashsize', " STORE_FTS_HASHSIZE ")",
	    cause) != 0 || store_index_notes(st, st->fts_card, INT64_MAX,
	    cause) != 0)) {
		store_rollback(st);
		return -1;
	}
	st->fts_pending = false;
	st->in_transaction = false;
	return store_write_commit(st, cause);
}

void
store_rollback(struct store *st)
{
	st->fts_pending = false;
	st->in_transaction = false;
	store_write_rollback(st);
}

static char *
finalized(long long id)
{
	return xasprintf(_("scorecard %lld is finalized; it cannot be changed"),
	    id);
}

/*
 * Checks before a write, in the transaction: the code refuses a final
 * scorecard (another process may have finalized it since it was loaded).
 */
static int
card_is_draft(struct store *st, long long id, char **updated, char **cause)
{
	sqlite3_stmt *stmt = store_stmt(st, STMT_CARD_UPDATED, cause);
	int rc;

	if (stmt == NULL || store_bind_int64(st, stmt, 1, id, cause) != 0)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		*cause = xasprintf(_("there is no scorecard %lld"), id);
		return -1;
	}
	if (rc != SQLITE_ROW) {
		*cause = store_errmsg(st, "read the scorecard");
		return -1;
	}
	if (sqlite3_column_int(stmt, 0) != SCORECARD_DRAFT) {
		*cause = finalized(id);
		sqlite3_reset(stmt);
		return -1;
	}
	if (updated != NULL)
		*updated = xstrdup(store_column_text(stmt, 1));
	sqlite3_reset(stmt);
	return 0;
}

int
store_card_draft(struct store *st, long long id, char **cause)
{
	return card_is_draft(st, id, NULL, cause);
}

/* A trigger's refusal names the scorecard like the code's own check. */
static char *
write_error(struct store *st, long long id, const char *what)
{
	if (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_TRIGGER &&
	    strstr(sqlite3_errmsg(st->db), "finalized") != NULL)
		return finalized(id);
	return store_errmsg(st, what);
}

/* Run a bound UPDATE of one entry: exactly one row must change. */
static int
update_entry(struct store *st, sqlite3_stmt *stmt, struct scorecard *sc,
    size_t item, char **cause)
{
	int rc = sqlite3_step(stmt);

	if (rc != SQLITE_DONE) {
		*cause = write_error(st, sc->id, "update the entry");
		sqlite3_reset(stmt);
		return -1;
	}
	sqlite3_reset(stmt);
	if (sqlite3_changes(st->db) != 1) {
		*cause = xasprintf(_("scorecard %lld has no entry for item %s"),
		    sc->id, sc->rubric->items[item]->key);
		return -1;
	}
	return 0;
}

static int
refuse_early(struct store *st, struct scorecard *sc, size_t item,
    char **cause)
{
	if (store_refuse_readonly(st, cause) != 0)
		return -1;
	if (sc->status == SCORECARD_FINAL) {
		*cause = finalized(sc->id);
		return -1;
	}
	if (item >= sc->rubric->nitems) {
		*cause = xasprintf(_("no item %zu in rubric %s"), item,
		    sc->rubric->id);
		return -1;
	}
	return 0;
}

/* A team card's scores are settled (store_team_settle), never just set. */
static int
refuse_team(const struct scorecard *sc, char **cause)
{
	if (sc->team == NULL)
		return 0;
	*cause = xasprintf(_("scorecard %lld is a team card: settle an item"
	    " with --how and --reason"), sc->id);
	return -1;
}

/* Begin, check the card is a draft, run the bound update, commit. */
static int
commit_entry(struct store *st, struct scorecard *sc, size_t item,
    sqlite3_stmt *stmt, char **cause)
{
	char *updated = NULL;

	if (card_is_draft(st, sc->id, NULL, cause) != 0 ||
	    update_entry(st, stmt, sc, item, cause) != 0 ||
	    card_is_draft(st, sc->id, &updated, cause) != 0 ||
	    store_write_commit(st, cause) != 0) {
		free(updated);
		store_write_rollback(st);
		return -1;
	}
	free(sc->updated_at);
	sc->updated_at = updated;
	return 0;
}

static int
write_score(struct store *st, struct scorecard *sc, size_t item, bool scored,
    int score, int tier, char **cause)
{
	sqlite3_stmt *stmt;

	if (store_write_begin(st, cause) != 0)
		return -1;
	stmt = store_stmt(st, STMT_ENTRY_SCORE, cause);
	if (stmt == NULL) {
		store_write_rollback(st);
		return -1;
	}
	if (store_bind(st, stmt, cause, "IIjj", sc->id, (long long)item,
	    score, (int)scored, tier, tier > 0) != 0) {
		store_write_rollback(st);
		return -1;
	}
	return commit_entry(st, sc, item, stmt, cause);
}

int
store_set_score(struct store *st, struct scorecard *sc, size_t item,
    int score, int tier, char **cause)
{
	int chosen;

	if (refuse_early(st, sc, item, cause) != 0 ||
	    refuse_team(sc, cause) != 0 ||
	    scorecard_check_scope(sc, item, cause) != 0 ||
	    scorecard_check(sc->rubric->items[item], score, tier, &chosen,
	    cause) != 0 ||
	    write_score(st, sc, item, true, score, chosen, cause) != 0)
		return -1;
	return scorecard_set(sc, item, score, chosen, cause);
}

int
store_clear_score(struct store *st, struct scorecard *sc, size_t item,
    char **cause)
{
	if (refuse_early(st, sc, item, cause) != 0 ||
	    refuse_team(sc, cause) != 0 ||
	    write_score(st, sc, item, false, 0, 0, cause) != 0)
		return -1;
	scorecard_clear(sc, item);
	return 0;
}

int
store_set_note(struct store *st, struct scorecard *sc, size_t item,
    enum scorecard_note kind, const char *text, char **cause)
{
	sqlite3_stmt *stmt;

	if (refuse_early(st, sc, item, cause) != 0 ||
	    store_write_begin(st, cause) != 0)
		return -1;
	stmt = store_stmt(st, kind == SCORECARD_RECORD ?
	    STMT_ENTRY_NOTE_RECORD : STMT_ENTRY_NOTE_RATIONALE, cause);
	if (stmt == NULL) {
		store_write_rollback(st);
		return -1;
	}
	if (store_bind(st, stmt, cause, "IIT", sc->id, (long long)item,
	    text) != 0) {
		store_write_rollback(st);
		return -1;
	}
	if (commit_entry(st, sc, item, stmt, cause) != 0)
		return -1;
	return scorecard_set_note(sc, item, kind, text, cause);
}

/*
 * Every entry in scope scored, counted in the database, not in memory:
 * out of a member card's scope the entries stay NULL (the code and
 * scorecard_check_scope refuse them a score).
 */
static int
all_scored(struct store *st, long long id, long long outside, char **cause)
{
	sqlite3_stmt *stmt;
	long long unscored = -1;
	int rc;

	if (store_prepare(st, "SELECT count(*) FROM entries"
	    " WHERE scorecard_id = ?1 AND score IS NULL", &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		unscored = sqlite3_column_int64(stmt, 0);
	else
		*cause = store_errmsg(st, "count unscored entries");
	sqlite3_finalize(stmt);
	if (unscored >= 0)
		unscored -= outside;
	if (unscored > 0)
		*cause = xasprintf(_("scorecard %lld cannot be finalized:"
		    " %lld items are unscored in the database"), id, unscored);
	return unscored == 0 ? 0 : -1;
}

/*
 * The card as the database holds it, not as sc holds it in memory (SQL
 * may have changed it): loaded again in the write transaction, checked
 * against every rule, sealed, and only then marked final.
 */
static int
seal_and_mark(struct store *st, long long id, const char *now, char **cause)
{
	struct scorecard *db;
	sqlite3_stmt *stmt;
	int rc;

	if (store_load(st, id, &db, cause) != 0)
		return -1;
	free(db->finalized_at);
	db->finalized_at = xstrdup(now);
	rc = scorecard_check_rules(db, cause);
	if (rc == 0)
		rc = store_seal_write(st, db, cause);
	scorecard_free(db);
	if (rc != 0)
		return -1;
	if ((stmt = store_stmt(st, STMT_CARD_STATUS, cause)) == NULL ||
	    store_bind(st, stmt, cause, "IT", id, now) != 0)
		return -1;
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		*cause = write_error(st, id, "finalize");
		sqlite3_reset(stmt);
		return -1;
	}
	sqlite3_reset(stmt);
	return 0;
}

static int
write_final(struct store *st, struct scorecard *sc, const char *now,
    char **cause)
{
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (card_is_draft(st, sc->id, NULL, cause) != 0 ||
	    all_scored(st, sc->id, (long long)(sc->rubric->nitems -
	    scorecard_total(sc).items), cause) != 0 ||
	    seal_and_mark(st, sc->id, now, cause) != 0) {
		store_write_rollback(st);
		return -1;
	}
	return store_write_commit(st, cause);
}

int
store_finalize(struct store *st, struct scorecard *sc, char **cause)
{
	size_t *unscored, nunscored;
	struct scorecard *db;
	char now[32];

	if (store_refuse_readonly(st, cause) != 0)
		return -1;
	if (sc->status == SCORECARD_FINAL) {
		*cause = xasprintf(_("scorecard %lld is already finalized"),
		    sc->id);
		return -1;
	}
	if (team_check_finalize(sc, cause) != 0)
		return -1;
	if (scorecard_check_finalize(sc, &unscored, &nunscored, cause) != 0) {
		free(unscored);
		return -1;
	}
	store_now(now);
	if (write_final(st, sc, now, cause) != 0)
		return -1;
	/* The status and the seal as stored (sc's rubric stays: screens
	 * point into it). */
	if (store_load(st, sc->id, &db, cause) != 0)
		return -1;
	sc->status = db->status;
	memcpy(sc->seal, db->seal, sizeof sc->seal);
	free(sc->finalized_at);
	sc->finalized_at = xstrdup(db->finalized_at);
	free(sc->updated_at);
	sc->updated_at = xstrdup(db->updated_at);
	scorecard_free(db);
	return 0;
}

int
store_delete(struct store *st, long long id, char **cause)
{
	sqlite3_stmt *stmt;

	if (store_write_begin(st, cause) != 0)
		return -1;
	if (card_is_draft(st, id, NULL, cause) != 0 ||
	    store_prepare(st, "DELETE FROM scorecards WHERE id = ?1", &stmt,
	    cause) != 0)
		goto fail;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_finalize(stmt);
		goto fail;
	}
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		*cause = write_error(st, id, "delete");
		sqlite3_finalize(stmt);
		goto fail;
	}
	sqlite3_finalize(stmt);
	return store_write_commit(st, cause);
fail:
	store_write_rollback(st);
	return -1;
}
