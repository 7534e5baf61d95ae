/*
 * The cost of one store_set_score beside the durable floor: a bare
 * SQLite INSERT in its own transaction, WAL, synchronous=FULL, in the
 * same directory. Both commit once per call, so both fsync the same
 * number of times; the difference is what the store adds (rule checks,
 * the draft check, triggers for the audit trail and the sums).
 *
 * usage: bench-set DIR RUBRIC.yaml [N]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "paths.h"
#include "rubric.h"
#include "scorecard.h"
#include "store.h"
#include "xalloc.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
fail(const char *what, char *cause)
{
	fprintf(stderr, "bench-set: %s: %s\n", what, cause);
	free(cause);
	return -1;
}

/* Alternating between the two lowest scores of the first tier (or the
 * range), so that every call is a real change that the triggers log. */
static int
score_for(const struct rubric_node *item, long round, int *tier)
{
	int lo = item->ntiers > 0 ? item->tiers[0].min : item->min;
	int hi = item->ntiers > 0 ? item->tiers[0].max : item->max;

	*tier = item->ntiers > 0 ? 1 : 0;
	return lo + (int)(round % 2) * (hi > lo);
}

static int
time_store(const char *dir, const char *text, size_t len, long n,
    double *ms)
{
	char *db = xasprintf("%s/store.db", dir), *cause = NULL;
	struct scorecard *sc;
	struct store *st;
	struct rubric *r;
	long long id;
	double t0;
	size_t item;
	long i;
	int score, tier;

	if (store_open(db, STORE_READWRITE, &st, &cause) != 0 ||
	    rubric_parse(text, len, "rubric", &r, &cause) != 0 ||
	    store_create(st, text, r, "臺南分署", "2021-08-06", NULL, 0, &id,
	    &cause) != 0 || store_load(st, id, &sc, &cause) != 0)
		return fail(db, cause);
	rubric_free(r);
	t0 = now_ms();
	for (i = 0; i < n; i++) {
		item = (size_t)i % sc->rubric->nitems;
		score = score_for(sc->rubric->items[item],
		    i / (long)sc->rubric->nitems, &tier);
		if (store_set_score(st, sc, item, score, tier, &cause) != 0)
			return fail("store_set_score", cause);
	}
	*ms = (now_ms() - t0) / (double)n;
	scorecard_free(sc);
	store_close(st);
	free(db);
	return 0;
}

static int
exec_ok(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	fprintf(stderr, "bench-set: %s: %s\n", sql, sqlite3_errmsg(db));
	return -1;
}

static int
time_floor(const char *dir, long n, double *ms)
{
	char *path = xasprintf("%s/floor.db", dir);
	sqlite3_stmt *stmt;
	sqlite3 *db;
	double t0;
	long i;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    exec_ok(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
	    " CREATE TABLE t (n INTEGER)") != 0 ||
	    sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1)", -1, &stmt,
	    NULL) != SQLITE_OK)
		return -1;
	t0 = now_ms();
	for (i = 0; i < n; i++) {
		if (exec_ok(db, "BEGIN IMMEDIATE") != 0)
			return -1;
		sqlite3_bind_int64(stmt, 1, i);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return -1;
		sqlite3_reset(stmt);
		if (exec_ok(db, "COMMIT") != 0)
			return -1;
	}
	*ms = (now_ms() - t0) / (double)n;
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	free(path);
	return 0;
}

int
main(int argc, char **argv)
{
	double store_ms = 0, floor_ms = 0;
	char *text, *cause = NULL;
	size_t len;
	long n;

	if (argc < 3 || argc > 4) {
		fputs("usage: bench-set DIR RUBRIC.yaml [N]\n", stderr);
		return 2;
	}
	n = argc == 4 ? atol(argv[3]) : 500;
	if (n < 1)
		n = 1;
	if (paths_read_file(argv[2], RUBRIC_MAX_BYTES, &text, &len,
	    &cause) != 0)
		return fail(argv[2], cause) != 0;
	/* Floor first, store second, floor again: the disk warms up. */
	if (time_floor(argv[1], n, &floor_ms) != 0 ||
	    time_store(argv[1], text, len, n, &store_ms) != 0)
		return 1;
	printf("store_set_score      %8.3f ms per call (%ld calls)\n",
	    store_ms, n);
	printf("bare INSERT, FULL    %8.3f ms per commit (%ld commits)\n",
	    floor_ms, n);
	printf("ratio                %8.2fx (aim: within 1.5x)\n",
	    store_ms / floor_ms);
	free(text);
	return 0;
}
