/*
 * The reviewer's aggregates. The filter is the same four conditions in
 * every query, written with parameters that switch themselves off (NULL,
 * 0 or -1 mean "any"), so the SQL stays fixed text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store-private.h"
#include "store-review.h"
#include "xalloc.h"

int
store_bind_filter(struct store *st, sqlite3_stmt *stmt,
    const struct store_query *q, char **cause)
{
	int rc;

	rc = q->agency != NULL ?
	    sqlite3_bind_text(stmt, 1, q->agency, -1, SQLITE_TRANSIENT) :
	    sqlite3_bind_null(stmt, 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(stmt, 2, q->year);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(stmt, 3, q->status);
	if (rc == SQLITE_OK)
		rc = q->rubric_id != NULL ?
		    sqlite3_bind_text(stmt, 4, q->rubric_id, -1,
		    SQLITE_TRANSIENT) : sqlite3_bind_null(stmt, 4);
	if (rc == SQLITE_OK)
		rc = q->rubric_sha256 != NULL ?
		    sqlite3_bind_text(stmt, 5, q->rubric_sha256, -1,
		    SQLITE_TRANSIENT) : sqlite3_bind_null(stmt, 5);
	if (rc != SQLITE_OK) {
		*cause = store_errmsg(st, "stats");
		return -1;
	}
	return 0;
}

static int
prepare_filtered(struct store *st, const char *sql,
    const struct store_query *q, sqlite3_stmt **stmt, char **cause)
{
	if (store_prepare(st, sql, stmt, cause) != 0)
		return -1;
	if (store_bind_filter(st, *stmt, q, cause) != 0) {
		sqlite3_finalize(*stmt);
		return -1;
	}
	return 0;
}

/* The statement's end: SQLITE_DONE is success, anything else a message. */
static int
review_finish(struct store *st, sqlite3_stmt *stmt, int rc, int cb_rc,
    char **cause)
{
	if (cb_rc != 0) {
		sqlite3_finalize(stmt);
		if (*cause == NULL)
			*cause = xstrdup("stats: stopped");
		return -1;
	}
	if (rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "stats");
		sqlite3_finalize(stmt);
		return -1;
	}
	sqlite3_finalize(stmt);
	return 0;
}

static const char *
column_text(sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);

	return s != NULL ? (const char *)s : "";
}

int
store_review_count(struct store *st, const struct store_query *q,
    struct store_review_count *out, char **cause)
{
	static const char sql[] =
	    "SELECT count(*), coalesce(sum(s.status = 0), 0),"
	    " count(DISTINCT s.rubric_id)"
	    " FROM scorecards AS s WHERE" FILTER_SQL;
	sqlite3_stmt *stmt;
	int rc;

	memset(out, 0, sizeof *out);
	if (prepare_filtered(st, sql, q, &stmt, cause) != 0)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		out->cards = (size_t)sqlite3_column_int64(stmt, 0);
		out->drafts = (size_t)sqlite3_column_int64(stmt, 1);
		out->rubrics = (size_t)sqlite3_column_int64(stmt, 2);
		rc = sqlite3_step(stmt);
	}
	return review_finish(st, stmt, rc, 0, cause);
}

int
store_review_snapshots(struct store *st, const struct store_query *q,
    store_snapshot_stat_fn fn, void *arg, char **cause)
{
	static const char sql[] =
	    "SELECT s.rubric_sha256, s.rubric_id, r.title, max(s.max),"
	    " count(*) FROM scorecards AS s JOIN rubrics AS r"
	    " ON r.sha256 = s.rubric_sha256 WHERE" FILTER_SQL
	    " GROUP BY s.rubric_sha256 ORDER BY s.rubric_id, min(s.id)";
	struct store_snapshot_stat r;
	sqlite3_stmt *stmt;
	int rc, cb_rc = 0;

	if (prepare_filtered(st, sql, q, &stmt, cause) != 0)
		return -1;
	while (cb_rc == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r.sha256 = column_text(stmt, 0);
		r.rubric_id = column_text(stmt, 1);
		r.title = column_text(stmt, 2);
		r.max = sqlite3_column_int(stmt, 3);
		r.cards = (size_t)sqlite3_column_int64(stmt, 4);
		cb_rc = fn(&r, arg);
	}
	return review_finish(st, stmt, cb_rc != 0 ? SQLITE_DONE : rc, cb_rc,
	    cause);
}

int
store_review_sections(struct store *st, const struct store_query *q,
    store_section_stat_fn fn, void *arg, char **cause)
{
	static const char sql[] =
	    "SELECT s.rubric_id, ss.key, min(ss.title), min(ss.depth),"
	    " count(*), avg(ss.score), min(ss.score), max(ss.score),"
	    " max(ss.max)"
	    " FROM section_scores AS ss JOIN scorecards AS s"
	    " ON s.id = ss.scorecard_id WHERE" FILTER_SQL
	    " GROUP BY s.rubric_id, ss.key"
	    " ORDER BY s.rubric_id, min(ss.item_first), min(ss.depth)";
	struct store_section_stat r;
	sqlite3_stmt *stmt;
	int rc, cb_rc = 0;

	if (prepare_filtered(st, sql, q, &stmt, cause) != 0)
		return -1;
	while (cb_rc == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r.rubric_id = column_text(stmt, 0);
		r.key = column_text(stmt, 1);
		r.title = column_text(stmt, 2);
		r.depth = sqlite3_column_int(stmt, 3);
		r.cards = (size_t)sqlite3_column_int64(stmt, 4);
		r.mean = sqlite3_column_double(stmt, 5);
		r.min = sqlite3_column_int(stmt, 6);
		r.max = sqlite3_column_int(stmt, 7);
		r.section_max = sqlite3_column_int(stmt, 8);
		cb_rc = fn(&r, arg);
	}
	return review_finish(st, stmt, cb_rc != 0 ? SQLITE_DONE : rc, cb_rc,
	    cause);
}

static int
totals(struct store *st, const char *sql, const struct store_query *q,
    bool by_agency, store_total_stat_fn fn, void *arg, char **cause)
{
	struct store_total_stat r;
	sqlite3_stmt *stmt;
	int rc, cb_rc = 0;

	if (prepare_filtered(st, sql, q, &stmt, cause) != 0)
		return -1;
	while (cb_rc == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		if (by_agency)
			r.agency = column_text(stmt, 0);
		else
			r.year = sqlite3_column_int(stmt, 0);
		r.cards = (size_t)sqlite3_column_int64(stmt, 1);
		r.mean = sqlite3_column_double(stmt, 2);
		r.min = sqlite3_column_int(stmt, 3);
		r.max = sqlite3_column_int(stmt, 4);
		r.card_max = sqlite3_column_int(stmt, 5);
		cb_rc = fn(&r, arg);
	}
	return review_finish(st, stmt, cb_rc != 0 ? SQLITE_DONE : rc, cb_rc,
	    cause);
}

int
store_review_agencies(struct store *st, const struct store_query *q,
    store_total_stat_fn fn, void *arg, char **cause)
{
	static const char sql[] =
	    "SELECT s.agency, count(*), avg(s.score), min(s.score),"
	    " max(s.score), max(s.max)"
	    " FROM scorecards AS s WHERE" FILTER_SQL
	    " GROUP BY s.agency ORDER BY avg(s.score) DESC, s.agency";

	return totals(st, sql, q, true, fn, arg, cause);
}

int
store_review_years(struct store *st, const struct store_query *q,
    store_total_stat_fn fn, void *arg, char **cause)
{
	static const char sql[] =
	    "SELECT s.year, count(*), avg(s.score), min(s.score),"
	    " max(s.score), max(s.max)"
	    " FROM scorecards AS s WHERE" FILTER_SQL
	    " GROUP BY s.year ORDER BY s.year";

	return totals(st, sql, q, false, fn, arg, cause);
}

int
store_review_bulk_cache(struct store *st, size_t mebibytes, char **cause)
{
	char *sql = xasprintf("PRAGMA cache_size = -%zu; PRAGMA temp_store ="
	    " MEMORY", mebibytes * 1024);
	int rc = store_exec(st, sql, cause);

	free(sql);
	return rc;
}
