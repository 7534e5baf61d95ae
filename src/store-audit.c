/*
 * Reading the audit trail. The trail is written only by the triggers in
 * store-schema.c, so every change is there whichever code path made it;
 * this file only streams it back, oldest first.
 */
#include "config.h"

#include <stdlib.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-private.h"
#include "xalloc.h"

static const char *
text_or_null(sqlite3_stmt *stmt, int col)
{
	return (const char *)sqlite3_column_text(stmt, col);
}

static const char *
text_or_empty(sqlite3_stmt *stmt, int col)
{
	const char *s = text_or_null(stmt, col);

	return s != NULL ? s : "";
}

/* A callback that returns non-zero stops the walk; that is no error. */
int
store_history(struct store *st, long long id, store_change_fn fn, void *arg,
    char **cause)
{
	struct store_change c;
	sqlite3_stmt *stmt;
	size_t rows = 0;
	int rc;

	if (store_prepare(st, "SELECT id, at, item, field, old_value,"
	    " new_value FROM audit WHERE scorecard_id = ?1 ORDER BY id",
	    &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		rows++;
		c.id = sqlite3_column_int64(stmt, 0);
		c.at = text_or_empty(stmt, 1);
		c.item = text_or_empty(stmt, 2);
		c.field = text_or_empty(stmt, 3);
		c.old_value = text_or_null(stmt, 4);
		c.new_value = text_or_null(stmt, 5);
		if (fn(&c, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, "read the audit trail");
	else if (rows == 0)
		*cause = xasprintf(_("there is no scorecard %lld"), id);
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE && rows > 0 ? 0 : -1;
}
