/*
 * What re-import needs of the store: the content each card had when it
 * came in (imports), and bringing a card here up to a later state of
 * itself, through the same triggers, audit trail and seals as every other
 * write: a final card is reopened (its revision kept), the header and the
 * entries that differ are written, then its documents and team rows
 * (store-import-rows.c), and a final one is sealed as it came.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-private.h"
#include "xalloc.h"

/* The text of card id's imports row in sql's one column; "" without one. */
static int
imports_text(struct store *st, const char *sql, long long id, char *buf,
    size_t size, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	buf[0] = '\0';
	if (store_prepare(st, sql, &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		store_column_copy(stmt, 0, buf, size);
	else if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, "read the imports");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
store_import_hash(struct store *st, long long id, char hash[65], bool *found,
    char **cause)
{
	int rc = imports_text(st, "SELECT content_sha256 FROM imports"
	    " WHERE scorecard_id = ?1", id, hash, 65, cause);

	*found = rc == 0 && strlen(hash) == 64;
	return rc;
}

int
store_import_mark(struct store *st, long long id, const char *hash,
    const char *conflict_of, char **cause)
{
	static const char sql[] = "INSERT INTO imports (scorecard_id,"
	    " content_sha256, imported_at, conflict_of) VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT (scorecard_id) DO UPDATE SET"
	    " content_sha256 = excluded.content_sha256,"
	    " imported_at = excluded.imported_at";
	sqlite3_stmt *stmt;
	char now[32];
	int rc;

	store_now(now);
	if (store_prepare(st, sql, &stmt, cause) != 0)
		return -1;
	if (store_bind(st, stmt, cause, "ITTT", id, hash, now, conflict_of) !=
	    0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = store_step_done(st, stmt, "record the import", cause);
	sqlite3_finalize(stmt);
	return rc;
}

int
store_import_conflict_of(struct store *st, long long id, char uuid[37],
    char **cause)
{
	return imports_text(st, "SELECT conflict_of FROM imports"
	    " WHERE scorecard_id = ?1", id, uuid, 37, cause);
}

int
store_import_has_copy(struct store *st, const char *uuid, const char *hash,
    bool *found, char **cause)
{
	static const char sql[] = "SELECT 1 FROM imports WHERE conflict_of ="
	    " ?1 AND content_sha256 = ?2";
	sqlite3_stmt *stmt;
	int rc;

	*found = false;
	if (store_prepare(st, sql, &stmt, cause) != 0)
		return -1;
	if (store_bind(st, stmt, cause, "TT", uuid, hash) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	*found = rc == SQLITE_ROW;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*cause = store_errmsg(st, "read the imports");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static bool
same_text(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

/* One entry of here made in's, through the statements every write uses. */
static int
update_entry(struct store *st, long long id, size_t i,
    const struct scorecard_entry *here, const struct scorecard_entry *in,
    char **cause)
{
	sqlite3_stmt *stmt;

	if (here->scored != in->scored || here->score != in->score ||
	    here->tier != in->tier) {
		stmt = store_stmt(st, STMT_ENTRY_SCORE, cause);
		if (stmt == NULL || store_bind(st, stmt, cause, "IIjj", id,
		    (long long)i, in->score, in->scored, in->tier,
		    in->scored && in->tier > 0) != 0 ||
		    store_step_done(st, stmt, "save the score", cause) != 0)
			return -1;
	}
	if (!same_text(here->record, in->record)) {
		stmt = store_stmt(st, STMT_ENTRY_NOTE_RECORD, cause);
		if (stmt == NULL || store_bind(st, stmt, cause, "IIT", id,
		    (long long)i, in->record) != 0 ||
		    store_step_done(st, stmt, "save the record", cause) != 0)
			return -1;
	}
	if (!same_text(here->rationale, in->rationale)) {
		stmt = store_stmt(st, STMT_ENTRY_NOTE_RATIONALE, cause);
		if (stmt == NULL || store_bind(st, stmt, cause, "IIT", id,
		    (long long)i, in->rationale) != 0 ||
		    store_step_done(st, stmt, "save the rationale", cause) != 0)
			return -1;
	}
	return 0;
}

/*
 * The card as updated passes verify: its seal, and every kept revision's
 * (a revision reads the documents added before it was final, and new
 * documents from elsewhere must not slip into it), and its audit chain.
 */
static int
still_verifies(struct store *st, long long id, char **cause)
{
	char *problem = NULL;

	if (store_verify_card(st, id, NULL, &problem, cause) != 0)
		return -1;
	if (problem == NULL)
		return 0;
	*cause = xasprintf(_("scorecard %lld would no longer verify after the"
	    " update (%s); nothing was imported"), id, problem);
	free(problem);
	return -1;
}

static int
update_steps(struct store *st, struct scorecard *here, struct scorecard *in,
    const char *reason, char **cause)
{
	size_t i;

	if (here->status == SCORECARD_FINAL &&
	    store_reopen(st, here, reason, cause) != 0)
		return -1;
	if (here->status != SCORECARD_DRAFT || here->revision != in->revision) {
		*cause = xasprintf(_("scorecard %lld is at revision %d here;"
		    " revision %d cannot be written over it"), here->id,
		    here->revision, in->revision);
		return -1;
	}
	if (store_write_header_from(st, here->id, here, in, cause) != 0)
		return -1;
	for (i = 0; i < in->rubric->nitems; i++)
		if (update_entry(st, here->id, i, &here->entries[i],
		    &in->entries[i], cause) != 0)
			return -1;
	if (store_import_evidence(st, here->id, here, in, cause) != 0 ||
	    store_import_team(st, here->id, here, in, cause) != 0 ||
	    store_seal_imported(st, in, here->id, cause) != 0 ||
	    store_restore_status(st, in, here->id, in->updated_at, cause) != 0)
		return -1;
	return still_verifies(st, here->id, cause);
}

int
store_import_update(struct store *st, struct scorecard *here,
    struct scorecard *in, const char *reason, char **cause)
{
	if (!st->in_transaction) {
		*cause = xstrdup("store_import_update: not inside store_begin");
		return -1;
	}
	if (strcmp(here->rubric_sha256, in->rubric_sha256) != 0) {
		*cause = xasprintf(_("scorecard %lld was scored with another"
		    " rubric snapshot"), here->id);
		return -1;
	}
	return update_steps(st, here, in, reason, cause);
}
