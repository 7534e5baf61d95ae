#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store-private.h"
#include "store-rows.h"
#include "xalloc.h"

static const struct {
	const char	*head;
	int		 width;
} rows_sql[STORE_ROWS__COUNT] = {
	[STORE_ROWS_ENTRIES] = { "INSERT INTO entries (scorecard_id, position,"
	    " item, score, tier, record, rationale) VALUES ", 7 },
	[STORE_ROWS_SECTIONS] = { "INSERT INTO section_scores (scorecard_id,"
	    " key, title, depth, item_first, max, items, score, scored)"
	    " VALUES ", 9 },
};

int
store_rows_width(enum store_rows kind)
{
	return rows_sql[kind].width;
}

/* head, then n rows of width anonymous parameters, numbered 1, 2, ... */
static char *
rows_text(enum store_rows kind, size_t n)
{
	size_t width = (size_t)rows_sql[kind].width, head =
	    strlen(rows_sql[kind].head), len = head + n * (width * 2 + 2);
	char *sql = xmalloc(len + 1), *p = sql + head;
	size_t r, c;

	memcpy(sql, rows_sql[kind].head, head);
	for (r = 0; r < n; r++) {
		*p++ = r > 0 ? ',' : '(';
		if (r > 0)
			*p++ = '(';
		for (c = 0; c < width; c++) {
			*p++ = '?';
			*p++ = c + 1 < width ? ',' : ')';
		}
	}
	*p = '\0';
	return sql;
}

sqlite3_stmt *
store_rows_stmt(struct store *st, enum store_rows kind, size_t n,
    char **cause)
{
	int slot = n == STORE_ROWS_MAX ? 0 : 1;
	sqlite3_stmt **stmt = &st->rows[kind][slot];
	char *sql;
	int rc;

	if (*stmt != NULL && st->rows_n[kind][slot] == n) {
		sqlite3_reset(*stmt);
		sqlite3_clear_bindings(*stmt);
		return *stmt;
	}
	sqlite3_finalize(*stmt);
	*stmt = NULL;
	sql = rows_text(kind, n);
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    stmt, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		*cause = store_errmsg(st, "prepare");
		*stmt = NULL;
		return NULL;
	}
	st->rows_n[kind][slot] = n;
	return *stmt;
}

void
store_rows_finalize(struct store *st)
{
	int kind, slot;

	for (kind = 0; kind < STORE_ROWS__COUNT; kind++)
		for (slot = 0; slot < 2; slot++) {
			sqlite3_finalize(st->rows[kind][slot]);
			st->rows[kind][slot] = NULL;
		}
}
