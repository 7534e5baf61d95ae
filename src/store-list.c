/*
 * Listing scorecards from the denormalized scorecards table: filters,
 * sorting and paging are SQL, and rows are stepped one at a time to the
 * caller, so 100,000 scorecards never sit in memory. The query text is
 * assembled from fixed fragments; every value is a bound parameter.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-private.h"
#include "store-search.h"
#include "xalloc.h"

/* Each sort's columns ascending, then descending; id breaks ties. */
static const char *const order_by[][2] = {
	[STORE_SORT_UPDATED] = {
		"status ASC, updated_at DESC, id DESC",
		"status DESC, updated_at ASC, id ASC" },
	[STORE_SORT_ID] = { "id ASC", "id DESC" },
	[STORE_SORT_AGENCY] = { "agency ASC, id ASC", "agency DESC, id DESC" },
	[STORE_SORT_DATE] = { "date ASC, id ASC", "date DESC, id DESC" },
	[STORE_SORT_RUBRIC] = {
		"rubric_id ASC, id ASC", "rubric_id DESC, id DESC" },
	[STORE_SORT_INSPECTORS] = {
		"inspectors ASC, id ASC", "inspectors DESC, id DESC" },
	[STORE_SORT_STATUS] = { "status ASC, id ASC", "status DESC, id DESC" },
	[STORE_SORT_SCORE] = { "score ASC, id ASC", "score DESC, id DESC" },
	[STORE_SORT_PROGRESS] = {
		"CAST(scored AS REAL) / max(items, 1) ASC, id ASC",
		"CAST(scored AS REAL) / max(items, 1) DESC, id DESC" },
};

static char *
where_clause(const struct store_query *q, const char *search)
{
	char *w = xstrdup(" WHERE 1"), *next;
	const char *parts[5];
	size_t n = 0, i;

	if (q->agency != NULL)
		parts[n++] = " AND instr(agency, :agency) > 0";
	if (q->year != 0)
		parts[n++] = " AND year = :year";
	if (q->status >= 0)
		parts[n++] = " AND status = :status";
	if (q->rubric_id != NULL)
		parts[n++] = " AND rubric_id = :rubric";
	if (search != NULL)
		parts[n++] = search;
	for (i = 0; i < n; i++) {
		next = xasprintf("%s%s", w, parts[i]);
		free(w);
		w = next;
	}
	return w;
}

/* A parameter the statement does not have is no error: filters vary. */
static int
bind_named_text(sqlite3_stmt *stmt, const char *name, const char *value)
{
	int i = sqlite3_bind_parameter_index(stmt, name);

	return i > 0 ? sqlite3_bind_text(stmt, i, value, -1, SQLITE_STATIC) :
	    SQLITE_OK;
}

static int
bind_named_int64(sqlite3_stmt *stmt, const char *name, sqlite3_int64 value)
{
	int i = sqlite3_bind_parameter_index(stmt, name);

	return i > 0 ? sqlite3_bind_int64(stmt, i, value) : SQLITE_OK;
}

/* A limit or offset beyond SQLite's range means "all" or "none". */
static sqlite3_int64
list_clamp(size_t v)
{
	return v > (size_t)INT64_MAX ? INT64_MAX : (sqlite3_int64)v;
}

static int
prepare_query(struct store *st, const struct store_query *q, bool count,
    sqlite3_stmt **stmt, char **cause)
{
	const char *search = q->text == NULL ? NULL :
	    store_search_where(st, q->text, !count);
	char *where = where_clause(q, search), *sql;
	int rc;

	if (count)
		sql = xasprintf("SELECT count(*) FROM scorecards%s", where);
	else
		sql = xasprintf("SELECT id, uuid, agency, date, rubric_id,"
		    " inspectors, status, score, max, scored, items,"
		    " updated_at FROM scorecards%s ORDER BY %s"
		    " LIMIT :limit OFFSET :offset", where,
		    order_by[(unsigned)q->sort < STORE_SORT_PROGRESS + 1u ?
		    q->sort : STORE_SORT_UPDATED][q->descending]);
	free(where);
	rc = store_prepare(st, sql, stmt, cause);
	free(sql);
	if (rc != 0)
		return -1;
	rc = bind_named_text(*stmt, ":agency", q->agency);
	if (rc == SQLITE_OK)
		rc = bind_named_int64(*stmt, ":year", q->year);
	if (rc == SQLITE_OK)
		rc = bind_named_int64(*stmt, ":status", q->status);
	if (rc == SQLITE_OK)
		rc = bind_named_text(*stmt, ":rubric", q->rubric_id);
	if (rc == SQLITE_OK && q->text != NULL)
		rc = store_search_bind(*stmt, q->text);
	if (rc == SQLITE_OK)
		rc = bind_named_int64(*stmt, ":limit", q->limit > 0 ?
		    list_clamp(q->limit) : -1);
	if (rc == SQLITE_OK)
		rc = bind_named_int64(*stmt, ":offset", list_clamp(q->offset));
	if (rc != SQLITE_OK) {
		*cause = store_errmsg(st, "bind the list's filters");
		sqlite3_finalize(*stmt);
		*stmt = NULL;
		return -1;
	}
	return 0;
}

static const char *
text_of(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return s != NULL ? (const char *)s : "";
}

static void
summary_of(sqlite3_stmt *stmt, struct store_summary *s)
{
	s->id = sqlite3_column_int64(stmt, 0);
	s->uuid = text_of(stmt, 1);
	s->agency = text_of(stmt, 2);
	s->date = text_of(stmt, 3);
	s->rubric_id = text_of(stmt, 4);
	s->inspectors = text_of(stmt, 5);
	s->status = sqlite3_column_int(stmt, 6) == 1 ? SCORECARD_FINAL :
	    SCORECARD_DRAFT;
	s->score = sqlite3_column_int(stmt, 7);
	s->max = sqlite3_column_int(stmt, 8);
	s->scored = sqlite3_column_int(stmt, 9);
	s->items = sqlite3_column_int(stmt, 10);
	s->updated_at = text_of(stmt, 11);
}

/* A callback that returns non-zero stops the walk; that is no error. */
int
store_list(struct store *st, const struct store_query *q, store_summary_fn fn,
    void *arg, char **cause)
{
	struct store_summary s;
	sqlite3_stmt *stmt;
	int rc;

	if (prepare_query(st, q, false, &stmt, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		summary_of(stmt, &s);
		if (fn(&s, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, "list scorecards");
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_count(struct store *st, const struct store_query *q, size_t *count,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (prepare_query(st, q, true, &stmt, cause) != 0)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*count = (size_t)sqlite3_column_int64(stmt, 0);
	else
		*cause = store_errmsg(st, "count scorecards");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}
