/*
 * kill9.sh's and concurrent.sh's helper. "init DB" creates a scorecard
 * over the small rubric; "write DB LOG ROUND LANE [COUNT]" sets a score
 * and a note in a loop and appends "ROUND N" to LOG only after both calls
 * returned success, until it is killed or has written COUNT times;
 * "verify DB LOG LANE" checks the file's integrity and that every write
 * acknowledged in LOG is there. Lane 0 writes items 1.1.1 and 1.1.3,
 * lane 1 items 2.1 and 1.2.1, so two writers can run at once.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "rubric.h"
#include "scorecard.h"
#include "store-private.h"
#include "store.h"
#include "xalloc.h"

#include "small-rubric.h"

#define WRITES_MAX	100000	/* a writer nobody kills still ends */

/* Which items a lane writes: a score to one, a record to the other. */
static const struct lane {
	size_t	score_item;
	size_t	note_item;
} lanes[2] = { { I111, I113 }, { I21, I121 } };

static int
die(const char *what, char *cause)
{
	fprintf(stderr, "kill9-writer: %s: %s\n", what, cause);
	free(cause);
	return 1;
}

static int
init(const char *db)
{
	struct store *st;
	struct rubric *r;
	char *cause = NULL;
	long long id;

	if (store_open(db, STORE_READWRITE, &st, &cause) != 0)
		return die("open", cause);
	if (rubric_parse(small_rubric, strlen(small_rubric), "small", &r,
	    &cause) != 0 || store_create(st, small_rubric, r, "臺南分署",
	    "2021-08-06", NULL, 0, &id, &cause) != 0)
		return die("create", cause);
	rubric_free(r);
	store_close(st);
	printf("%lld\n", id);
	return 0;
}

static int
score_of(long n)
{
	return (int)(n % 10) + 1;
}

static int
write_loop(const char *db, const char *log, long round,
    const struct lane *lane, long count)
{
	struct scorecard *sc;
	struct store *st;
	char *cause = NULL, note[64], line[64];
	long n;
	int fd, len;

	fd = open(log, O_WRONLY | O_APPEND | O_CREAT, 0600);
	if (fd < 0)
		return die("log", xstrdup(strerror(errno)));
	if (store_open(db, STORE_READWRITE, &st, &cause) != 0)
		return die("open", cause);
	if (store_load(st, 1, &sc, &cause) != 0)
		return die("load", cause);
	for (n = 1; n <= count; n++) {
		snprintf(note, sizeof note, "r%ld-n%ld", round, n);
		if (store_set_score(st, sc, lane->score_item, score_of(n), 0,
		    &cause) != 0)
			return die("set", cause);
		if (store_set_note(st, sc, lane->note_item, SCORECARD_RECORD,
		    note, &cause) != 0)
			return die("note", cause);
		/* Acknowledged only now: both writes returned success. */
		len = snprintf(line, sizeof line, "%ld %ld\n", round, n);
		if (write(fd, line, (size_t)len) != len)
			return die("log", xstrdup(strerror(errno)));
	}
	scorecard_free(sc);
	store_close(st);
	close(fd);
	return 0;
}

static int
integrity_ok(struct store *st)
{
	sqlite3_stmt *stmt;
	int ok;

	if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &stmt,
	    NULL) != SQLITE_OK)
		return 0;
	ok = sqlite3_step(stmt) == SQLITE_ROW &&
	    strcmp((const char *)sqlite3_column_text(stmt, 0), "ok") == 0 &&
	    sqlite3_step(stmt) == SQLITE_DONE;
	sqlite3_finalize(stmt);
	return ok;
}

/* The denormalized sums agree with the entries they summarize. */
static int
summary_ok(struct store *st)
{
	sqlite3_stmt *stmt;
	int bad = -1;

	if (sqlite3_prepare_v2(st->db, "SELECT (SELECT count(*)"
	    " FROM scorecards AS c WHERE score <> (SELECT coalesce(sum(score),"
	    " 0) FROM entries WHERE scorecard_id = c.id) OR scored <>"
	    " (SELECT count(score) FROM entries WHERE scorecard_id = c.id))"
	    " + (SELECT count(*) FROM section_scores AS s WHERE score <>"
	    " (SELECT coalesce(sum(e.score), 0) FROM entries AS e"
	    " WHERE e.scorecard_id = s.scorecard_id"
	    " AND e.position >= s.item_first"
	    " AND e.position < s.item_first + s.items))", -1, &stmt, NULL) !=
	    SQLITE_OK)
		return 0;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		bad = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return bad == 0;
}

static int
record_logged(struct store *st, const struct scorecard *sc,
    const struct lane *lane, const char *note)
{
	sqlite3_stmt *stmt;
	int n = -1;

	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM audit WHERE"
	    " field = 'record' AND item = ?1 AND new_value = ?2", -1, &stmt,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, sc->rubric->items[lane->note_item]->key,
	    -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, note, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/* The last acknowledged write, or the one in flight after it, is current. */
static int
current_ok(const struct scorecard *sc, const struct lane *lane, long round,
    long n)
{
	const struct scorecard_entry *note = &sc->entries[lane->note_item];
	const struct scorecard_entry *score = &sc->entries[lane->score_item];
	char last[64], next[64];

	snprintf(last, sizeof last, "r%ld-n%ld", round, n);
	snprintf(next, sizeof next, "r%ld-n%ld", round, n + 1);
	if (strcmp(note->record, last) != 0 && strcmp(note->record, next) != 0)
		return 0;
	return score->score == score_of(n) || score->score == score_of(n + 1);
}

static int
verify(const char *db, const char *log, const struct lane *lane)
{
	struct scorecard *sc;
	struct store *st;
	char *cause = NULL, note[64];
	long round = 0, n = 0, acked = 0, missing = 0;
	FILE *fp;

	if (store_open(db, STORE_READONLY, &st, &cause) != 0)
		return die("open", cause);
	if (!integrity_ok(st))
		return die("verify", xstrdup("PRAGMA integrity_check failed"));
	if (!summary_ok(st))
		return die("verify", xstrdup("the sums disagree with the"
		    " entries"));
	if (store_load(st, 1, &sc, &cause) != 0)
		return die("load", cause);
	fp = fopen(log, "r");
	if (fp == NULL)
		return die("log", xstrdup(strerror(errno)));
	while (fscanf(fp, "%ld %ld", &round, &n) == 2) {
		acked++;
		snprintf(note, sizeof note, "r%ld-n%ld", round, n);
		if (record_logged(st, sc, lane, note) != 1) {
			fprintf(stderr, "kill9-writer: lost %s\n", note);
			missing++;
		}
	}
	fclose(fp);
	if (acked > 0 && !current_ok(sc, lane, round, n)) {
		fprintf(stderr, "kill9-writer: current record %s, score %d;"
		    " last acknowledged r%ld-n%ld\n",
		    sc->entries[lane->note_item].record,
		    sc->entries[lane->score_item].score, round, n);
		missing++;
	}
	scorecard_free(sc);
	store_close(st);
	printf("%ld acknowledged writes, %ld missing\n", acked, missing);
	return missing == 0 && acked > 0 ? 0 : 1;
}

static const struct lane *
lane_of(const char *arg)
{
	return &lanes[strcmp(arg, "1") == 0];
}

int
main(int argc, char **argv)
{
	long count;

	if (argc == 3 && strcmp(argv[1], "init") == 0)
		return init(argv[2]);
	if ((argc == 6 || argc == 7) && strcmp(argv[1], "write") == 0) {
		count = argc == 7 ? atol(argv[6]) : WRITES_MAX;
		return write_loop(argv[2], argv[3], atol(argv[4]),
		    lane_of(argv[5]), count);
	}
	if (argc == 5 && strcmp(argv[1], "verify") == 0)
		return verify(argv[2], argv[3], lane_of(argv[4]));
	fputs("usage: kill9-writer init DB | write DB LOG ROUND LANE [COUNT]"
	    " | verify DB LOG LANE\n", stderr);
	return 2;
}
