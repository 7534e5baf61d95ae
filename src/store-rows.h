/*
 * Multi-row INSERTs: one statement for up to STORE_ROWS_MAX rows. An
 * import writes 36 entries and 17 sections a card; a statement a row was
 * a third of its time, most of it SQLite's work per statement, not per
 * row. Triggers still fire for each row.
 */
#ifndef KAOHE_STORE_ROWS_H
#define KAOHE_STORE_ROWS_H

#include <stddef.h>

#include <sqlite3.h>

struct store;

enum store_rows {
	/* scorecard_id, position, item, score, tier, record, rationale */
	STORE_ROWS_ENTRIES,
	/* scorecard_id, key, title, depth, item_first, max, items, score,
	 * scored */
	STORE_ROWS_SECTIONS,
	STORE_ROWS__COUNT
};

#define STORE_ROWS_MAX	64

/* The parameters of one row: row r's first is r * width + 1. */
int	store_rows_width(enum store_rows);
/*
 * The INSERT of n rows (1..STORE_ROWS_MAX), reset and unbound: prepared
 * once for STORE_ROWS_MAX rows and once for the last other n. NULL with
 * *cause.
 */
sqlite3_stmt *store_rows_stmt(struct store *, enum store_rows, size_t n,
	    char **cause);
/* The cached statements, at store_close. */
void	store_rows_finalize(struct store *);

#endif
