/*
 * The store against real files in a temporary directory: round trips,
 * the audit trail, the finalize triggers (through the store and through
 * raw SQL), refusals of foreign, junk and read-only files, concurrent
 * connections, listing and import.
 */
#include "config.h"

#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "check.h"
#include "rubric.h"
#include "scorecard.h"
#include "sha256.h"
#include "store-private.h"
#include "store.h"
#include "text.h"
#include "uuid.h"
#include "xalloc.h"

#include "small-rubric.h"

struct fixture {
	char		 dir[64];
	char		*db;		/* dir/sub/kaohe.db: sub does not exist */
	struct rubric	*rubric;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *cause = NULL;

	snprintf(f->dir, sizeof f->dir, "%s/kaohe-store-XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->db = xasprintf("%s/sub/kaohe.db", f->dir);
	if (rubric_parse(small_rubric, strlen(small_rubric), "small",
	    &f->rubric, &cause) != 0) {
		print_error("rubric: %s\n", cause);
		return -1;
	}
	*state = f;
	return 0;
}

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	/* A test may have made the directory read-only. */
	chmod(f->dir, 0700);
	nftw(f->dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	rubric_free(f->rubric);
	free(f->db);
	free(f);
	return 0;
}

static struct store *
open_ok(const char *path, enum store_mode mode)
{
	struct store *st = NULL;
	char *cause = NULL;

	if (store_open(path, mode, &st, &cause) != 0)
		fail_msg("store_open %s: %s", path, cause);
	return st;
}

static long long
create_card(struct store *st, const char *agency, const char *date)
{
	char *inspectors[] = { "王小明", "李大華" };
	char *cause = NULL;
	long long id = 0;
	struct rubric *r;

	if (rubric_parse(small_rubric, strlen(small_rubric), "small", &r,
	    &cause) != 0)
		fail_msg("rubric: %s", cause);
	if (store_create(st, small_rubric, r, agency, date, inspectors, 2,
	    &id, &cause) != 0)
		fail_msg("store_create: %s", cause);
	rubric_free(r);
	assert_true(id > 0);
	return id;
}

static struct scorecard *
load_ok(struct store *st, long long id)
{
	struct scorecard *sc = NULL;
	char *cause = NULL;

	if (store_load(st, id, &sc, &cause) != 0)
		fail_msg("store_load %lld: %s", id, cause);
	return sc;
}

static void
assert_refusal(int rc, char **cause, const char *expected)
{
	assert_int_equal(rc, -1);
	assert_non_null(*cause);
	assert_string_equal(*cause, expected);
	free(*cause);
	*cause = NULL;
}

static void
assert_refusal_has(int rc, char **cause, const char *part)
{
	assert_int_equal(rc, -1);
	assert_non_null(*cause);
	if (strstr(*cause, part) == NULL)
		fail_msg("'%s' does not say '%s'", *cause, part);
	free(*cause);
	*cause = NULL;
}

static void
file_hash(const char *path, char hex[65])
{
	char buf[65536];
	struct sha256 s;
	unsigned char d[32];
	ssize_t n;
	int fd = open(path, O_RDONLY), i;

	assert_true(fd >= 0);
	sha256_init(&s);
	while ((n = read(fd, buf, sizeof buf)) > 0)
		sha256_update(&s, buf, (size_t)n);
	assert_int_equal(n, 0);
	close(fd);
	sha256_final(&s, d);
	for (i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

/* Run SQL on a separate raw connection; returns SQLite's code. */
/*
 * A stand-in for kaohe's audit hash, so that raw SQL reaches the guards
 * (sqlite3's shell, without it, is refused even earlier: cli-seal.sh).
 */
static void
fake_audit_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, "0000000000000000000000000000000000000000"
	    "000000000000000000000000", 64, SQLITE_STATIC);
}

static int
raw_exec(const char *path, const char *sql, char **err)
{
	sqlite3 *db;
	int rc;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_create_function(db, "kaohe_audit_hash", 8,
	    SQLITE_UTF8, NULL, fake_audit_hash, NULL, NULL), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (err != NULL)
		*err = xstrdup(sqlite3_errmsg(db));
	sqlite3_close(db);
	return rc;
}

static long long
raw_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	long long v;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return v;
}

static void
test_open_creates_0600(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	char *dir = xasprintf("%s/sub", f->dir);
	struct stat sb;

	assert_int_equal(stat(f->db, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	store_close(st);
	free(dir);
	assert_int_equal(raw_int(f->db, "PRAGMA application_id"),
	    STORE_APPLICATION_ID);
	assert_int_equal(raw_int(f->db, "PRAGMA user_version"),
	    store_schema_version);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'table' AND sql LIKE '%STRICT'"), 18);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
	    " AND name NOT GLOB '*_fts*'"	/* FTS5 and its own tables */
	    " AND sql NOT LIKE '%STRICT'"), 0);
}

static void
test_connection_pragmas(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	sqlite3_stmt *stmt;

	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT * FROM"
	    " pragma_journal_mode, pragma_synchronous, pragma_foreign_keys",
	    -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_string_equal(sqlite3_column_text(stmt, 0), "wal");
	assert_int_equal(sqlite3_column_int(stmt, 1), 2);	/* FULL */
	assert_int_equal(sqlite3_column_int(stmt, 2), 1);
	sqlite3_finalize(stmt);
	store_close(st);
	/* Opening again is no migration and changes nothing. */
	st = open_ok(f->db, STORE_READWRITE);
	store_close(st);
	assert_int_equal(raw_int(f->db, "PRAGMA user_version"),
	    store_schema_version);
}

static void
test_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc;
	char hex[65];

	store_close(st);
	st = open_ok(f->db, STORE_READWRITE);
	sc = load_ok(st, id);
	assert_int_equal(sc->id, id);
	assert_string_equal(sc->agency, "臺南分署");
	assert_string_equal(sc->date, "2021-08-06");
	assert_int_equal(sc->ninspectors, 2);
	assert_string_equal(sc->inspectors[0], "王小明");
	assert_string_equal(sc->inspectors[1], "李大華");
	assert_int_equal(sc->status, SCORECARD_DRAFT);
	assert_true(uuid_valid(sc->uuid));
	assert_int_equal(sc->uuid[14], '4');
	assert_non_null(strchr("89ab", sc->uuid[19]));
	assert_string_equal(sc->rubric_text, small_rubric);
	sha256_hex(small_rubric, strlen(small_rubric), hex);
	assert_string_equal(sc->rubric_sha256, hex);
	assert_string_equal(sc->rubric->id, "t1");
	assert_int_equal(sc->rubric->nitems, 4);
	assert_int_equal(strlen(sc->created_at), 24);
	assert_int_equal(sc->created_at[23], 'Z');
	assert_string_equal(sc->finalized_at, "");
	assert_false(sc->entries[I111].scored);
	scorecard_free(sc);
	store_close(st);
}

static void
test_uuids_differ(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	struct scorecard *a, *b;
	char u[37], *cause = NULL;

	a = load_ok(st, create_card(st, "甲", "2021-01-01"));
	b = load_ok(st, create_card(st, "乙", "2021-01-01"));
	assert_string_not_equal(a->uuid, b->uuid);
	assert_int_equal(uuid_v4(u, &cause), 0);
	assert_true(uuid_valid(u));
	assert_false(uuid_valid("not-a-uuid"));
	assert_false(uuid_valid("123e4567-e89b-12d3-a456-42661417400G"));
	/* One snapshot row for two scorecards over the same rubric. */
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM rubrics"), 1);
	/* A snapshot never changes, and one in use cannot be deleted. */
	assert_int_equal(raw_exec(f->db, "UPDATE rubrics SET text = 'x'",
	    NULL), SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->db, "DELETE FROM rubrics", NULL),
	    SQLITE_CONSTRAINT);
	scorecard_free(a);
	scorecard_free(b);
	store_close(st);
}

/*
 * Cards of one snapshot share its parsed rubric, which outlives the store
 * that parsed it; a snapshot whose text changed under the same SHA-256
 * (the immutability trigger dropped) is still refused, not shared.
 */
static void
test_snapshot_shared(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	struct scorecard *a, *b, *c = NULL;
	long long ida = create_card(st, "甲", "2021-01-01"),
	    idb = create_card(st, "乙", "2021-01-02");
	char *cause = NULL;

	a = load_ok(st, ida);
	b = load_ok(st, idb);
	assert_ptr_equal(a->rubric, b->rubric);
	assert_int_equal(a->rubric->refs, 3);	/* a, b and the store */
	store_close(st);
	assert_int_equal(a->rubric->refs, 2);
	scorecard_free(a);
	assert_int_equal(b->rubric->nitems, 4);
	scorecard_free(b);

	st = open_ok(f->db, STORE_READWRITE);
	a = load_ok(st, ida);
	/* The same length: the bytes are compared, not only the size. */
	assert_int_equal(raw_exec(f->db, "DROP TRIGGER rubrics_immutable;"
	    " UPDATE rubrics SET text = substr(text, 1, length(text) - 1)"
	    " || 'x'", NULL), SQLITE_OK);
	assert_int_equal(store_load(st, idb, &c, &cause), -1);
	assert_null(c);
	assert_non_null(strstr(cause, "does not match its SHA-256"));
	free(cause);
	scorecard_free(a);
	store_close(st);
}

static void
test_create_refusals(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	char *cause = NULL;
	long long id = 0;

	assert_refusal(store_create(st, small_rubric, f->rubric, "甲",
	    "2021-02-29", NULL, 0, &id, &cause), &cause,
	    "'2021-02-29' is not a date (YYYY-MM-DD)");
	store_close(st);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM scorecards"), 0);
}

static void
test_set_clear_note_persist(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc = load_ok(st, id);
	char *cause = NULL;

	assert_int_equal(store_set_score(st, sc, I113, 27, 0, &cause), 0);
	assert_int_equal(sc->entries[I113].tier, 1);
	assert_int_equal(store_set_score(st, sc, I121, 8, 3, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I111, 9, 0, &cause), 0);
	assert_int_equal(store_clear_score(st, sc, I111, &cause), 0);
	assert_int_equal(store_set_note(st, sc, I113, SCORECARD_RECORD,
	    "正確率 92%", &cause), 0);
	assert_int_equal(store_set_note(st, sc, I113, SCORECARD_RATIONALE,
	    "抽測 'quote' \"and\" ; DROP TABLE entries; --", &cause), 0);
	/* Refused writes change nothing. */
	assert_refusal(store_set_score(st, sc, I113, 31, 0, &cause), &cause,
	    "1.1.3 服務人員專業度: 31 is out of range 1~30");
	cause = NULL;
	assert_refusal(store_set_score(st, sc, I121, 8, 0, &cause), &cause,
	    "1.2.1 服務設施合宜程度: 8 fits several tiers: 2 (1~15),"
	    " 3 (1~10); choose one with --tier");
	scorecard_free(sc);
	store_close(st);

	st = open_ok(f->db, STORE_READWRITE);
	sc = load_ok(st, id);
	assert_true(sc->entries[I113].scored);
	assert_int_equal(sc->entries[I113].score, 27);
	assert_int_equal(sc->entries[I113].tier, 1);
	assert_int_equal(sc->entries[I121].score, 8);
	assert_int_equal(sc->entries[I121].tier, 3);
	assert_false(sc->entries[I111].scored);
	assert_int_equal(sc->entries[I111].tier, 0);
	assert_string_equal(sc->entries[I113].record, "正確率 92%");
	assert_string_equal(sc->entries[I113].rationale,
	    "抽測 'quote' \"and\" ; DROP TABLE entries; --");
	assert_int_equal(scorecard_total(sc).score, 35);
	scorecard_free(sc);
	store_close(st);
}

/* The denormalized sums equal what scorecard.c computes. */
static void
test_summary_columns(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc = load_ok(st, id);
	char *cause = NULL, *sql;
	static const char *const keys[] = { "1", "1.1", "1.2", "2" };
	size_t i;

	assert_int_equal(store_set_score(st, sc, I113, 27, 0, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I121, 18, 0, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I21, 30, 0, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I21, 31, 0, &cause), 0);
	assert_int_equal(store_clear_score(st, sc, I121, &cause), 0);
	store_close(st);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM section_scores"),
	    4);
	for (i = 0; i < 4; i++) {
		const struct rubric_node *n = rubric_find(sc->rubric, keys[i]);
		struct scorecard_sum sum = scorecard_sum(sc, n);

		sql = xasprintf("SELECT score * 1000000 + max * 1000 + scored"
		    " * 10 + items FROM section_scores WHERE key = '%s'",
		    keys[i]);
		assert_int_equal(raw_int(f->db, sql), sum.score * 1000000 +
		    sum.max * 1000 + (int)sum.scored * 10 + (int)sum.items);
		free(sql);
	}
	assert_int_equal(raw_int(f->db, "SELECT score FROM scorecards"), 58);
	assert_int_equal(raw_int(f->db, "SELECT scored FROM scorecards"), 2);
	assert_int_equal(raw_int(f->db, "SELECT items FROM scorecards"), 4);
	assert_int_equal(raw_int(f->db, "SELECT max FROM scorecards"), 100);
	assert_int_equal(raw_int(f->db, "SELECT updated_at > created_at"
	    " FROM scorecards"), 1);
	scorecard_free(sc);
}

struct history {
	char	 rows[32][160];
	size_t	 n;
	size_t	 stop_after;	/* 0 for never */
};

static int
collect(const struct store_change *c, void *arg)
{
	struct history *h = arg;

	assert_int_equal(strlen(c->at), 24);
	if (h->n < 32)
		snprintf(h->rows[h->n++], sizeof h->rows[0], "%s|%s|%s|%s",
		    c->item, c->field, c->old_value ? c->old_value : "NULL",
		    c->new_value ? c->new_value : "NULL");
	return h->stop_after != 0 && h->n >= h->stop_after;
}

static void
test_audit_trail(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc = load_ok(st, id);
	struct history h = { .n = 0 };
	char *cause = NULL, created[64];
	size_t i;

	assert_int_equal(store_set_score(st, sc, I113, 27, 0, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I113, 22, 0, &cause), 0);
	/* The same score again is no change and no audit row. */
	assert_int_equal(store_set_score(st, sc, I113, 22, 0, &cause), 0);
	assert_int_equal(store_set_note(st, sc, I113, SCORECARD_RECORD, "見",
	    &cause), 0);
	assert_int_equal(store_clear_score(st, sc, I113, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I111, 5, 0, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I113, 5, 0, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I121, 5, 3, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I21, 5, 0, &cause), 0);
	assert_int_equal(store_finalize(st, sc, &cause), 0);
	assert_int_equal(store_history(st, id, collect, &h, &cause), 0);
	snprintf(created, sizeof created, "|created|NULL|%s", sc->uuid);
	{
		const char *expected[] = {
			created,
			"1.1.3|score|NULL|27", "1.1.3|tier|NULL|1",
			"1.1.3|score|27|22", "1.1.3|tier|1|2",
			"1.1.3|record||見",
			"1.1.3|score|22|NULL", "1.1.3|tier|2|NULL",
			"1.1.1|score|NULL|5",
			"1.1.3|score|NULL|5", "1.1.3|tier|NULL|5",
			"1.2.1|score|NULL|5", "1.2.1|tier|NULL|3",
			"2.1|score|NULL|5",
			"|status|draft|final",
		};

		assert_int_equal(h.n, sizeof expected / sizeof expected[0]);
		for (i = 0; i < h.n; i++)
			assert_string_equal(h.rows[i], expected[i]);
	}
	/* A callback may stop the walk early. */
	memset(&h, 0, sizeof h);
	h.stop_after = 2;
	assert_int_equal(store_history(st, id, collect, &h, &cause), 0);
	assert_int_equal(h.n, 2);
	assert_refusal(store_history(st, 999, collect, &h, &cause), &cause,
	    "there is no scorecard 999");
	scorecard_free(sc);
	store_close(st);
	/* The trail cannot be rewritten. */
	assert_int_equal(raw_exec(f->db, "DELETE FROM audit", NULL),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->db, "UPDATE audit SET at = ''", NULL),
	    SQLITE_CONSTRAINT);
}

static void
score_all(struct store *st, struct scorecard *sc)
{
	char *cause = NULL;

	if (store_set_score(st, sc, I111, 9, 0, &cause) != 0 ||
	    store_set_score(st, sc, I113, 27, 0, &cause) != 0 ||
	    store_set_score(st, sc, I121, 18, 0, &cause) != 0 ||
	    store_set_score(st, sc, I21, 33, 0, &cause) != 0)
		fail_msg("score_all: %s", cause);
}

static void
test_finalize_refuses_unscored(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc = load_ok(st, id);
	char *cause = NULL, *expected;

	assert_int_equal(store_set_score(st, sc, I113, 27, 0, &cause), 0);
	expected = xasprintf("scorecard %lld cannot be finalized: 3 of 4"
	    " items are unscored: 1.1.1, 1.2.1, 2.1", id);
	assert_refusal(store_finalize(st, sc, &cause), &cause, expected);
	free(expected);
	scorecard_free(sc);
	sc = load_ok(st, id);
	assert_int_equal(sc->status, SCORECARD_DRAFT);
	scorecard_free(sc);
	store_close(st);
}

static void
test_final_refused_by_code(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc = load_ok(st, id), *stale;
	char *cause = NULL, *expected;

	score_all(st, sc);
	stale = load_ok(st, id);
	assert_int_equal(store_finalize(st, sc, &cause), 0);
	assert_int_equal(sc->status, SCORECARD_FINAL);
	assert_string_equal(sc->finalized_at, sc->updated_at);
	expected = xasprintf("scorecard %lld is finalized; it cannot be"
	    " changed", id);
	assert_refusal(store_set_score(st, sc, I111, 8, 0, &cause),
	    &cause, expected);
	cause = NULL;
	assert_refusal(store_clear_score(st, sc, I111, &cause), &cause,
	    expected);
	cause = NULL;
	assert_refusal(store_set_note(st, sc, I111, SCORECARD_RECORD, "x",
	    &cause), &cause, expected);
	cause = NULL;
	assert_refusal(store_delete(st, id, &cause), &cause, expected);
	cause = NULL;
	/* A copy loaded before finalizing learns it in the transaction. */
	assert_int_equal(stale->status, SCORECARD_DRAFT);
	assert_refusal(store_set_score(st, stale, I111, 8, 0, &cause), &cause,
	    expected);
	cause = NULL;
	assert_refusal(store_set_note(st, stale, I111, SCORECARD_RATIONALE,
	    "x", &cause), &cause, expected);
	cause = NULL;
	assert_int_equal(store_finalize(st, stale, &cause), -1);
	free(cause);
	free(expected);
	scorecard_free(stale);
	scorecard_free(sc);
	sc = load_ok(st, id);
	assert_int_equal(sc->status, SCORECARD_FINAL);
	assert_int_equal(sc->entries[I111].score, 9);
	assert_string_equal(sc->entries[I111].record, "");
	scorecard_free(sc);
	store_close(st);
}

/* The triggers hold even against SQL that bypasses the store's code. */
static void
test_final_refused_by_triggers(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc = load_ok(st, id);
	static const char *const attacks[] = {
		"UPDATE entries SET score = 1 WHERE position = 0",
		"UPDATE entries SET record = 'x'",
		"UPDATE entries SET score = NULL",
		"DELETE FROM entries",
		("INSERT INTO entries (scorecard_id, position, item)"
		 " VALUES (1, 99, 'x')"),
		"UPDATE scorecards SET status = 0",
		"UPDATE scorecards SET agency = 'x'",
		"DELETE FROM scorecards",
		"UPDATE section_scores SET score = 0",
		"DELETE FROM section_scores",
		"UPDATE inspectors SET name = 'x'",
		"DELETE FROM inspectors",
	};
	char *cause = NULL, *err, before[65], after[65];
	size_t i;

	assert_int_equal(id, 1);
	score_all(st, sc);
	assert_int_equal(store_finalize(st, sc, &cause), 0);
	scorecard_free(sc);
	store_close(st);
	file_hash(f->db, before);
	for (i = 0; i < sizeof attacks / sizeof attacks[0]; i++) {
		assert_int_equal(raw_exec(f->db, attacks[i], &err),
		    SQLITE_CONSTRAINT);
		assert_string_equal(err,
		    "scorecard is finalized; it cannot be changed");
		free(err);
	}
	file_hash(f->db, after);
	assert_string_equal(before, after);
	st = open_ok(f->db, STORE_READONLY);
	sc = load_ok(st, id);
	assert_int_equal(scorecard_total(sc).score, 87);
	assert_int_equal(sc->status, SCORECARD_FINAL);
	scorecard_free(sc);
	store_close(st);
}

static void
test_delete_draft(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06"), id2;
	struct scorecard *sc;
	char *cause = NULL;
	struct history h = { .n = 0 };

	assert_int_equal(store_delete(st, id, &cause), 0);
	assert_refusal(store_load(st, id, &sc, &cause), &cause,
	    "there is no scorecard 1");
	cause = NULL;
	assert_refusal(store_delete(st, id, &cause), &cause,
	    "there is no scorecard 1");
	/* Ids are never reused: the trail of 1 stays 1's alone. */
	id2 = create_card(st, "臺南分署", "2021-08-06");
	assert_int_equal(id2, 2);
	assert_int_equal(store_history(st, id, collect, &h, &cause), 0);
	assert_int_equal(h.n, 2);
	assert_non_null(strstr(h.rows[1], "|deleted|"));
	store_close(st);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM entries"), 4);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM section_scores"),
	    4);
}

/* Another program's database: refused, and its bytes stay as they were. */
static void
test_foreign_db_untouched(void **state)
{
	struct fixture *f = *state;
	char *path = xasprintf("%s/other.db", f->dir), before[65], after[65];
	struct store *st = NULL;
	char *cause = NULL, *expected;

	assert_int_equal(raw_exec(path, "CREATE TABLE notes (t TEXT);"
	    " INSERT INTO notes VALUES ('mine')", NULL), SQLITE_OK);
	file_hash(path, before);
	expected = xasprintf("%s is a database of another program, not"
	    " kaohe's; it was left untouched", path);
	assert_refusal(store_open(path, STORE_READWRITE, &st, &cause), &cause,
	    expected);
	cause = NULL;
	assert_refusal(store_open(path, STORE_READONLY, &st, &cause), &cause,
	    expected);
	file_hash(path, after);
	assert_string_equal(before, after);
	/* An application_id of another program, even without tables. */
	assert_int_equal(raw_exec(path, "DROP TABLE notes;"
	    " PRAGMA application_id = 1234", NULL), SQLITE_OK);
	file_hash(path, before);
	cause = NULL;
	assert_refusal(store_open(path, STORE_READWRITE, &st, &cause), &cause,
	    expected);
	file_hash(path, after);
	assert_string_equal(before, after);
	free(expected);
	free(path);
}

static void
test_junk_file_untouched(void **state)
{
	struct fixture *f = *state;
	char *path = xasprintf("%s/junk.db", f->dir), before[65], after[65];
	char junk[8192], *cause = NULL, *expected;
	struct store *st = NULL;
	size_t i;
	FILE *fp;

	for (i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7 + 3);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(junk, 1, sizeof junk, fp), sizeof junk);
	assert_int_equal(fclose(fp), 0);
	file_hash(path, before);
	expected = xasprintf("%s is not a kaohe database (not SQLite at all);"
	    " it was left untouched", path);
	assert_refusal(store_open(path, STORE_READWRITE, &st, &cause), &cause,
	    expected);
	file_hash(path, after);
	assert_string_equal(before, after);
	free(expected);
	free(path);
}

static void
test_newer_schema_refused(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	char *cause = NULL;

	store_close(st);
	assert_int_equal(raw_exec(f->db, "PRAGMA user_version = 99", NULL),
	    SQLITE_OK);
	assert_refusal_has(store_open(f->db, STORE_READWRITE, &st, &cause),
	    &cause, "was written by a newer kaohe (schema 99");
}

static void
assert_writes_refused(struct store *st, struct scorecard *sc,
    const char *path)
{
	char *cause = NULL, *expected;
	long long id;

	expected = xasprintf("the database is read-only: %s", path);
	assert_refusal(store_set_score(st, sc, I111, 5, 0, &cause), &cause,
	    expected);
	cause = NULL;
	assert_refusal(store_set_note(st, sc, I111, SCORECARD_RECORD, "x",
	    &cause), &cause, expected);
	cause = NULL;
	assert_refusal(store_create(st, small_rubric, sc->rubric, "甲",
	    "2021-01-01", NULL, 0, &id, &cause), &cause, expected);
	cause = NULL;
	assert_refusal(store_delete(st, sc->id, &cause), &cause, expected);
	free(expected);
	assert_false(sc->entries[I111].scored);
}

static void
test_read_only(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	char *dir = xasprintf("%s/sub", f->dir), before[65], after[65];
	struct scorecard *sc;

	store_close(st);
	/* STORE_READONLY on a writable file. */
	st = open_ok(f->db, STORE_READONLY);
	sc = load_ok(st, id);
	assert_writes_refused(st, sc, f->db);
	scorecard_free(sc);
	store_close(st);
	/* A file of mode 0400, asked for read-write. */
	assert_int_equal(chmod(f->db, 0400), 0);
	file_hash(f->db, before);
	st = open_ok(f->db, STORE_READWRITE);
	sc = load_ok(st, id);
	assert_writes_refused(st, sc, f->db);
	scorecard_free(sc);
	store_close(st);
	file_hash(f->db, after);
	assert_string_equal(before, after);
	/* A read-only directory. */
	assert_int_equal(chmod(f->db, 0600), 0);
	assert_int_equal(chmod(dir, 0500), 0);
	st = open_ok(f->db, STORE_READWRITE);
	sc = load_ok(st, id);
	assert_writes_refused(st, sc, f->db);
	scorecard_free(sc);
	store_close(st);
	assert_int_equal(chmod(dir, 0700), 0);
	free(dir);
}

/* A write-protected file is read as immutable: no -shm or -wal appear. */
static void
test_read_only_odd_path(void **state)
{
	struct fixture *f = *state;
	char *path = xasprintf("%s/a b%%3F?#x/kaohe.db", f->dir), *side;
	struct store *st = open_ok(path, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc;
	struct stat sb;

	store_close(st);
	assert_int_equal(chmod(path, 0400), 0);
	st = open_ok(path, STORE_READWRITE);
	sc = load_ok(st, id);
	assert_string_equal(sc->agency, "臺南分署");
	assert_writes_refused(st, sc, path);
	scorecard_free(sc);
	store_close(st);
	side = xasprintf("%s-shm", path);
	assert_int_equal(stat(side, &sb), -1);
	free(side);
	side = xasprintf("%s-wal", path);
	assert_int_equal(stat(side, &sb), -1);
	free(side);
	free(path);
}

static void
test_missing_read_only(void **state)
{
	struct fixture *f = *state;
	struct store *st = NULL;
	char *cause = NULL;
	struct stat sb;

	assert_int_equal(store_open(f->db, STORE_READONLY, &st, &cause), -1);
	assert_non_null(cause);
	free(cause);
	assert_int_equal(stat(f->db, &sb), -1);
}

/* Two connections, each with its own stale copy: nothing is lost. */
static void
test_two_connections(void **state)
{
	struct fixture *f = *state;
	struct store *a = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(a, "臺南分署", "2021-08-06");
	struct store *b = open_ok(f->db, STORE_READWRITE);
	struct scorecard *sa = load_ok(a, id), *sb = load_ok(b, id), *sc;
	char *cause = NULL, note[32];
	int round;

	for (round = 1; round <= 5; round++) {
		snprintf(note, sizeof note, "a%d", round);
		assert_int_equal(store_set_score(a, sa, I111, round, 0,
		    &cause), 0);
		assert_int_equal(store_set_note(b, sb, I111, SCORECARD_RECORD,
		    note, &cause), 0);
		assert_int_equal(store_set_score(b, sb, I21, round * 2, 0,
		    &cause), 0);
		assert_int_equal(store_set_note(a, sa, I21,
		    SCORECARD_RATIONALE, note, &cause), 0);
	}
	scorecard_free(sa);
	scorecard_free(sb);
	store_close(b);
	sc = load_ok(a, id);
	assert_int_equal(sc->entries[I111].score, 5);
	assert_int_equal(sc->entries[I21].score, 10);
	assert_string_equal(sc->entries[I111].record, "a5");
	assert_string_equal(sc->entries[I21].rationale, "a5");
	scorecard_free(sc);
	store_close(a);
	/* The summary is recomputed from the rows, not from either copy. */
	assert_int_equal(raw_int(f->db, "SELECT score FROM scorecards"), 15);
	assert_int_equal(raw_int(f->db, "SELECT scored FROM scorecards"), 2);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit"
	    " WHERE field IN ('score', 'record', 'rationale')"), 20);
}

/* A full disk: a clear error, and the previous state intact. */
static void
test_disk_full(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc = load_ok(st, id);
	char *cause = NULL, *big = xmalloc(1 << 20), *expected, *pragma;

	assert_int_equal(store_set_note(st, sc, I111, SCORECARD_RECORD,
	    "before", &cause), 0);
	memset(big, 'x', (1 << 20) - 1);
	big[(1 << 20) - 1] = '\0';
	/* SQLite reports SQLITE_FULL when the page limit is reached. */
	pragma = xasprintf("PRAGMA max_page_count = %lld",
	    raw_int(f->db, "PRAGMA page_count"));
	assert_int_equal(sqlite3_exec(st->db, pragma, NULL, NULL, NULL),
	    SQLITE_OK);
	free(pragma);
	expected = xasprintf("the disk is full; nothing was saved: %s", f->db);
	assert_refusal(store_set_note(st, sc, I111, SCORECARD_RECORD, big,
	    &cause), &cause, expected);
	assert_string_equal(sc->entries[I111].record, "before");
	free(expected);
	free(big);
	scorecard_free(sc);
	store_close(st);
	st = open_ok(f->db, STORE_READWRITE);
	sc = load_ok(st, id);
	assert_string_equal(sc->entries[I111].record, "before");
	scorecard_free(sc);
	store_close(st);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit"
	    " WHERE field = 'record'"), 1);
}

struct listing {
	char	 agencies[16][32];
	size_t	 n;
};

static int
list_agency(const struct store_summary *s, void *arg)
{
	struct listing *l = arg;

	if (l->n < 16)
		snprintf(l->agencies[l->n++], sizeof l->agencies[0], "%s",
		    s->agency);
	return 0;
}

static void
assert_list(struct store *st, const struct store_query *q,
    const char *expected)
{
	struct listing l = { .n = 0 };
	char joined[512] = "", *cause = NULL;
	size_t i, count = 99;

	if (store_list(st, q, list_agency, &l, &cause) != 0)
		fail_msg("store_list: %s", cause);
	for (i = 0; i < l.n; i++) {
		strcat(joined, i > 0 ? "," : "");
		strcat(joined, l.agencies[i]);
	}
	assert_string_equal(joined, expected);
	if (q->limit == 0 && q->offset == 0) {
		assert_int_equal(store_count(st, q, &count, &cause), 0);
		assert_int_equal(count, l.n);
	}
}

static int stop_at_first(const struct store_summary *, void *);

static int
check_final_summary(const struct store_summary *s, void *arg)
{
	assert_int_equal(s->id, 1);
	assert_true(uuid_valid(s->uuid));
	assert_string_equal(s->agency, "臺南分署");
	assert_string_equal(s->date, "2021-08-06");
	assert_string_equal(s->rubric_id, "t1");
	assert_string_equal(s->inspectors, "王小明、李大華");
	assert_int_equal(s->status, SCORECARD_FINAL);
	assert_int_equal(s->score, 87);
	assert_int_equal(s->max, 100);
	assert_int_equal(s->scored, 4);
	assert_int_equal(s->items, 4);
	assert_int_equal(strlen(s->updated_at), 24);
	(*(int *)arg)++;
	return 0;
}

static void
test_list(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	struct store_query q = { .status = -1 };
	struct scorecard *sc;
	char *cause = NULL;
	long long ids[4];
	size_t count;
	int rows = 0;

	ids[0] = create_card(st, "臺南分署", "2021-08-06");
	ids[1] = create_card(st, "宜蘭分署", "2025-03-01");
	ids[2] = create_card(st, "臺北分署", "2021-01-10");
	ids[3] = create_card(st, "臺南分署", "2024-05-05");
	sc = load_ok(st, ids[0]);
	score_all(st, sc);
	assert_int_equal(store_set_note(st, sc, I113, SCORECARD_RATIONALE,
	    "抽測正確率九成", &cause), 0);
	assert_int_equal(store_finalize(st, sc, &cause), 0);
	scorecard_free(sc);
	sc = load_ok(st, ids[2]);
	assert_int_equal(store_set_score(st, sc, I21, 40, 0, &cause), 0);
	assert_int_equal(store_set_note(st, sc, I111, SCORECARD_RECORD,
	    "正確", &cause), 0);
	scorecard_free(sc);

	/* Milliseconds may tie on a fast disk: pin the drafts' times. */
	assert_int_equal(raw_exec(f->db, "UPDATE scorecards SET updated_at ="
	    " CASE id WHEN 2 THEN '2026-01-01T00:00:00.000Z'"
	    " WHEN 4 THEN '2026-01-02T00:00:00.000Z'"
	    " ELSE '2026-01-03T00:00:00.000Z' END WHERE status = 0", NULL),
	    SQLITE_OK);
	/* Default: drafts first, most recently updated first. */
	assert_list(st, &q, "臺北分署,臺南分署,宜蘭分署,臺南分署");
	q.descending = true;
	assert_list(st, &q, "臺南分署,宜蘭分署,臺南分署,臺北分署");
	q.descending = false;
	q.sort = STORE_SORT_DATE;
	assert_list(st, &q, "臺北分署,臺南分署,臺南分署,宜蘭分署");
	q.sort = STORE_SORT_SCORE;
	q.descending = true;
	assert_list(st, &q, "臺南分署,臺北分署,臺南分署,宜蘭分署");
	q.sort = STORE_SORT_ID;
	q.descending = false;
	assert_list(st, &q, "臺南分署,宜蘭分署,臺北分署,臺南分署");
	q.sort = STORE_SORT_PROGRESS;
	q.descending = true;
	assert_list(st, &q, "臺南分署,臺北分署,臺南分署,宜蘭分署");
	q.sort = STORE_SORT_STATUS;
	assert_list(st, &q, "臺南分署,臺南分署,臺北分署,宜蘭分署");
	q.sort = STORE_SORT_ID;
	q.descending = false;
	q.limit = 2;
	q.offset = 1;
	assert_list(st, &q, "宜蘭分署,臺北分署");
	q.limit = 0;
	q.offset = 3;
	assert_list(st, &q, "臺南分署");
	q.offset = 0;
	q.agency = "臺南";
	assert_list(st, &q, "臺南分署,臺南分署");
	q.year = 2021;
	assert_list(st, &q, "臺南分署");
	q.agency = NULL;
	assert_list(st, &q, "臺南分署,臺北分署");
	q.status = SCORECARD_DRAFT;
	assert_list(st, &q, "臺北分署");
	q.status = -1;
	q.year = 0;
	q.text = "正確";
	assert_list(st, &q, "臺南分署,臺北分署");
	q.text = "九成";
	assert_list(st, &q, "臺南分署");
	q.text = "%";
	assert_list(st, &q, "");
	q.text = NULL;
	q.rubric_id = "t1";
	assert_list(st, &q, "臺南分署,宜蘭分署,臺北分署,臺南分署");
	q.rubric_id = "110";
	assert_list(st, &q, "");
	q.rubric_id = NULL;
	q.status = SCORECARD_FINAL;
	assert_int_equal(store_count(st, &q, &count, &cause), 0);
	assert_int_equal(count, 1);

	/* The summary row itself. */
	q.limit = 1;
	assert_int_equal(store_list(st, &q, check_final_summary, &rows,
	    &cause), 0);
	assert_int_equal(rows, 1);
	/* A callback may stop the walk early. */
	memset(&q, 0, sizeof q);
	q.status = -1;
	assert_int_equal(store_list(st, &q, stop_at_first, &rows, &cause), 0);
	assert_int_equal(rows, 2);
	store_close(st);
}

static int
stop_at_first(const struct store_summary *s, void *arg)
{
	(void)s;
	(*(int *)arg)++;
	return 1;
}

static void
test_insert_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc = load_ok(st, id), *copy;
	char *cause = NULL, *dbcopy = xasprintf("%s/copy.db", f->dir);
	struct store *other;
	struct history h = { .n = 0 };

	score_all(st, sc);
	assert_int_equal(store_set_note(st, sc, I113, SCORECARD_RECORD,
	    "正確率 92%", &cause), 0);
	assert_int_equal(store_finalize(st, sc, &cause), 0);
	scorecard_free(sc);
	sc = load_ok(st, id);
	store_close(st);

	other = open_ok(dbcopy, STORE_READWRITE);
	create_card(other, "先來的", "2020-01-01");
	assert_int_equal(store_begin(other, &cause), 0);
	assert_int_equal(store_insert(other, sc, &cause), 0);
	assert_int_equal(store_commit(other, &cause), 0);
	assert_int_equal(sc->id, 2);
	copy = load_ok(other, 2);
	assert_string_equal(copy->uuid, sc->uuid);
	assert_string_equal(copy->agency, "臺南分署");
	assert_int_equal(copy->ninspectors, 2);
	assert_string_equal(copy->inspectors[1], "李大華");
	assert_int_equal(copy->status, SCORECARD_FINAL);
	assert_string_equal(copy->created_at, sc->created_at);
	assert_string_equal(copy->updated_at, sc->updated_at);
	assert_string_equal(copy->finalized_at, sc->finalized_at);
	assert_string_equal(copy->rubric_sha256, sc->rubric_sha256);
	assert_int_equal(copy->entries[I113].score, 27);
	assert_int_equal(copy->entries[I113].tier, 1);
	assert_string_equal(copy->entries[I113].record, "正確率 92%");
	assert_int_equal(scorecard_total(copy).score, 87);
	/* Finalized as imported: the triggers hold for the copy too. */
	assert_int_equal(store_set_score(other, copy, I111, 1, 0, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_history(other, 2, collect, &h, &cause), 0);
	assert_int_equal(h.n, 2);
	assert_non_null(strstr(h.rows[1], "|status|draft|final"));
	/* The same UUID twice is refused, and nothing is half-written. */
	assert_int_equal(store_begin(other, &cause), 0);
	assert_refusal_has(store_insert(other, sc, &cause), &cause,
	    "is already here");
	store_rollback(other);
	scorecard_free(copy);
	scorecard_free(sc);
	store_close(other);
	assert_int_equal(raw_int(dbcopy, "SELECT count(*) FROM scorecards"), 2);
	assert_int_equal(raw_int(dbcopy, "SELECT score FROM scorecards"
	    " WHERE id = 2"), 87);
	assert_int_equal(raw_int(dbcopy, "SELECT count(*) FROM rubrics"), 1);
	free(dbcopy);
}

/* Every summary column of card id, as one line: the card's, then its sections'. */
static char *
raw_sums(const char *path, long long id)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	char *sql, *v;

	sql = xasprintf("SELECT (SELECT score || '/' || max || ' ' || scored"
	    " || '/' || items FROM scorecards WHERE id = %lld) || ';' ||"
	    " (SELECT group_concat(key || ' ' || title || ' ' || depth || ' '"
	    " || item_first || ' ' || score || '/' || max || ' ' || scored"
	    " || '/' || items, ';') FROM (SELECT * FROM section_scores"
	    " WHERE scorecard_id = %lld ORDER BY key))", id, id);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	assert_non_null(sqlite3_column_text(stmt, 0));
	v = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	free(sql);
	return v;
}

/*
 * Import sums a card once, after its entries, instead of through the
 * per-entry triggers: the summary it leaves must be the one interactive
 * scoring of the same card leaves, and later interactive writes to the
 * imported card must keep it current as before.
 */
static void
test_insert_sums_match_interactive(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE), *other;
	long long id = create_card(st, "臺南分署", "2021-08-06");
	struct scorecard *sc = load_ok(st, id), *copy;
	char *cause = NULL, *dbcopy = xasprintf("%s/copy.db", f->dir);
	char *want, *got;

	/* A partly scored draft: some sections have partial sums. */
	assert_int_equal(store_set_score(st, sc, I113, 27, 0, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I121, 8, 3, &cause), 0);
	assert_int_equal(store_set_score(st, sc, I21, 30, 0, &cause), 0);
	scorecard_free(sc);
	sc = load_ok(st, id);
	store_close(st);
	want = raw_sums(f->db, id);
	assert_non_null(strstr(want, "65/100 3/4;"));

	other = open_ok(dbcopy, STORE_READWRITE);
	create_card(other, "先來的", "2020-01-01");
	assert_int_equal(store_begin(other, &cause), 0);
	assert_int_equal(store_insert(other, sc, &cause), 0);
	assert_int_equal(store_commit(other, &cause), 0);
	got = raw_sums(dbcopy, sc->id);
	assert_string_equal(got, want);
	free(got);
	assert_int_equal(raw_int(dbcopy, "SELECT count(*) FROM scorecards"
	    " WHERE scored < 0"), 0);

	/* The same interactive write on both: the triggers still sum. */
	copy = load_ok(other, sc->id);
	assert_int_equal(store_set_score(other, copy, I111, 9, 0, &cause), 0);
	store_close(other);
	scorecard_free(sc);	/* its id is now the copy's */
	st = open_ok(f->db, STORE_READWRITE);
	sc = load_ok(st, id);
	assert_int_equal(store_set_score(st, sc, I111, 9, 0, &cause), 0);
	store_close(st);
	free(want);
	want = raw_sums(f->db, id);
	assert_non_null(strstr(want, "74/100 4/4;"));
	got = raw_sums(dbcopy, copy->id);
	assert_string_equal(got, want);
	free(got);
	free(want);
	scorecard_free(copy);
	scorecard_free(sc);
	free(dbcopy);
}

/* A failed insert inside a batch undoes itself, not the batch. */
static void
test_insert_failure_is_atomic(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	struct scorecard *a, *bad;
	struct rubric *r;
	char *cause = NULL;

	assert_int_equal(rubric_parse(small_rubric, strlen(small_rubric), "s",
	    &r, &cause), 0);
	a = scorecard_new(r, xstrdup(small_rubric));
	assert_int_equal(uuid_v4(a->uuid, &cause), 0);
	free(a->agency);
	a->agency = xstrdup("甲");
	free(a->date);
	a->date = xstrdup("2022-02-02");
	assert_int_equal(rubric_parse(small_rubric, strlen(small_rubric), "s",
	    &r, &cause), 0);
	bad = scorecard_new(r, xstrdup(small_rubric));
	assert_int_equal(uuid_v4(bad->uuid, &cause), 0);
	free(bad->date);
	bad->date = xstrdup("2022-02-02");
	bad->status = SCORECARD_FINAL;	/* but nothing is scored */
	assert_int_equal(store_begin(st, &cause), 0);
	assert_int_equal(store_insert(st, a, &cause), 0);
	assert_refusal_has(store_insert(st, bad, &cause), &cause,
	    "is final but has unscored items");
	cause = NULL;
	bad->status = SCORECARD_DRAFT;
	bad->entries[I21].scored = true;
	bad->entries[I21].score = 41;
	assert_refusal_has(store_insert(st, bad, &cause), &cause,
	    "2.1 開放參與: 41 is out of range 1~40");
	cause = NULL;
	/* A failure after some rows went in: the last entry is refused. */
	bad->entries[I21].score = 40;
	free(bad->entries[I21].record);
	bad->entries[I21].record = xstrdup("boom");
	assert_int_equal(sqlite3_exec(st->db, "CREATE TEMP TRIGGER boom"
	    " BEFORE INSERT ON entries WHEN NEW.record = 'boom'"
	    " BEGIN SELECT RAISE(ABORT, 'boom'); END", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_refusal_has(store_insert(st, bad, &cause), &cause, "boom");
	/*
	 * Inside a batch a failed write leaves its rows (no savepoint per
	 * card, for speed): the batch is rolled back whole, as import does,
	 * and nothing of it stays, not even the card that went in.
	 */
	store_rollback(st);
	store_close(st);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM scorecards"), 0);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM entries"), 0);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM section_scores"),
	    0);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit"), 0);
	/* The same batch without the bad card commits the good one whole. */
	st = open_ok(f->db, STORE_READWRITE);
	a->id = 0;
	assert_int_equal(store_begin(st, &cause), 0);
	assert_int_equal(store_insert(st, a, &cause), 0);
	assert_int_equal(store_commit(st, &cause), 0);
	store_close(st);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM scorecards"), 1);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM entries"), 4);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM section_scores"),
	    4);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM audit"), 1);
	scorecard_free(a);
	scorecard_free(bad);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

/* The one text rule: what new, edit, note, the TUI and import refuse. */
static void
test_text_rule(void **state)
{
	char *cause = NULL, *n;

	(void)state;
	assert_int_equal(text_check("臺南分署", TEXT_LINE, "x", &cause), 0);
	assert_refusal(text_check("a\033[2J", TEXT_LINE, "the agency",
	    &cause), &cause, "the agency holds a control character (U+001B)");
	assert_refusal(text_check("a\nb", TEXT_LINE, "the agency", &cause),
	    &cause, "the agency must be one line");
	assert_refusal(text_check("a\xc2\x85" "b", TEXT_LINE, "x", &cause),
	    &cause, "x holds a control character (U+0085)");
	assert_refusal(text_check("a\xe2\x80\xae" "b", TEXT_NOTE, "x", &cause),
	    &cause, "x holds a bidirectional control character (U+202E)");
	assert_refusal(text_check("\xe3\x80\x80 \xe2\x80\x8b", TEXT_LINE,
	    "x", &cause), &cause, "x is empty");
	assert_refusal(text_check("\xff", TEXT_NOTE, "x", &cause), &cause,
	    "x is not valid UTF-8");
	assert_int_equal(text_check("a\n\tb", TEXT_NOTE, "x", &cause), 0);
	assert_int_equal(text_check("", TEXT_NOTE, "x", &cause), 0);
	n = text_normalize_note("a\r\nb\rc\n");
	assert_string_equal(n, "a\nb\nc\n");
	free(n);
	n = text_normalize_note(" \r\n\xe3\x80\x80");
	assert_string_equal(n, "");
	free(n);
}

/* ROC dates as the export prints them, and what is not a date. */
static void
test_parse_date(void **state)
{
	char out[11], *cause = NULL;

	(void)state;
	assert_int_equal(scorecard_parse_date("115-11-20", out, &cause), 0);
	assert_string_equal(out, "2026-11-20");
	assert_int_equal(scorecard_parse_date("110年8月6日", out, &cause), 0);
	assert_string_equal(out, "2021-08-06");
	assert_int_equal(scorecard_parse_date("110/08/06", out, &cause), 0);
	assert_string_equal(out, "2021-08-06");
	assert_int_equal(scorecard_parse_date("2021-08-06", out, &cause), 0);
	assert_string_equal(out, "2021-08-06");
	assert_refusal_has(scorecard_parse_date("110-02-29", out, &cause),
	    &cause, "is not a date");
	assert_refusal_has(scorecard_parse_date("20210806", out, &cause),
	    &cause, "is not a date");
	assert_refusal_has(scorecard_parse_date("110-08-06 ", out, &cause),
	    &cause, "is not a date");
}

/* The questions the walk asks the core instead of answering itself. */
static void
test_range_and_tiers(void **state)
{
	struct fixture *f = *state;
	const struct rubric_node *i121 = f->rubric->items[2];
	int *holding;
	size_t n;

	assert_true(scorecard_in_range(i121, 8, 0));
	assert_false(scorecard_in_range(i121, 21, 0));
	assert_false(scorecard_in_range(i121, 8, 1));
	assert_true(scorecard_in_range(i121, 8, 3));
	assert_false(scorecard_in_range(i121, 8, 9));
	n = scorecard_tiers_holding(i121, 8, &holding);
	assert_int_equal(n, 2);
	assert_int_equal(holding[0], 2);
	assert_int_equal(holding[1], 3);
	free(holding);
	assert_int_equal(scorecard_tiers_holding(i121, 0, &holding), 0);
	assert_null(holding);
}

static void
test_rationale_scores(void **state)
{
	long v[4];

	(void)state;
	assert_int_equal(check_rationale_scores("給予 28 分。", v, 4), 1);
	assert_int_equal(v[0], 28);
	assert_int_equal(check_rationale_scores("給予２５分", v, 4), 1);
	assert_int_equal(v[0], 25);
	assert_int_equal(check_rationale_scores("給予\u3000７\u3000分", v, 4),
	    1);
	assert_int_equal(v[0], 7);
	assert_int_equal(check_rationale_scores("給予滿分；給予 3 點", v, 4),
	    0);
	assert_int_equal(check_rationale_scores("給予1分，再給予2分", v, 4), 2);
	assert_int_equal(v[1], 2);
}

/* undo goes back one change at a time; previous_final finds last year. */
static void
test_undo_and_previous(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->db, STORE_READWRITE);
	long long a = create_card(st, "甲", "2021-08-06"), b, prev;
	struct scorecard *sa, *sb;
	char *cause = NULL, *what = NULL;
	size_t i;

	sa = load_ok(st, a);
	for (i = 0; i < sa->rubric->nitems; i++) {
		const struct rubric_node *item = sa->rubric->items[i];
		int *holding, tier;

		/* The lowest score, in the last tier that holds it. */
		tier = (int)scorecard_tiers_holding(item, item->min, &holding);
		tier = tier > 0 ? holding[tier - 1] : 0;
		free(holding);
		assert_int_equal(store_set_score(st, sa, i, item->min, tier,
		    &cause), 0);
	}
	assert_int_equal(store_set_score(st, sa, 1, 28, 0, &cause), 0);
	assert_int_equal(store_undo(st, a, &what, &cause), 0);
	assert_string_equal(what, "1.1.3 score 1 → 28, tier 5 → 1");
	free(what);
	scorecard_free(sa);
	sa = load_ok(st, a);
	assert_int_equal(sa->entries[1].score, 1);
	assert_int_equal(sa->entries[1].tier, 5);
	assert_int_equal(store_finalize(st, sa, &cause), 0);
	assert_refusal_has(store_undo(st, a, &what, &cause), &cause,
	    "finalized");

	b = create_card(st, "甲", "2022-08-06");
	sb = load_ok(st, b);
	assert_int_equal(store_previous_final(st, sb, &prev, &cause), 0);
	assert_int_equal(prev, a);
	assert_int_equal(store_edit_header(st, sb, "乙", NULL, NULL, 0,
	    &cause), 0);
	assert_int_equal(store_previous_final(st, sb, &prev, &cause), 0);
	assert_int_equal(prev, 0);
	assert_int_equal(store_undo(st, b, &what, &cause), 0);
	assert_string_equal(what, "agency 甲 → 乙");
	free(what);
	assert_refusal_has(store_undo(st, b, &what, &cause), &cause,
	    "no change left to undo");
	scorecard_free(sa);
	scorecard_free(sb);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_text_rule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parse_date, setup, teardown),
		cmocka_unit_test_setup_teardown(test_range_and_tiers, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rationale_scores, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_undo_and_previous, setup,
		    teardown),
		T(test_open_creates_0600),
		T(test_connection_pragmas),
		T(test_round_trip),
		T(test_uuids_differ),
		T(test_snapshot_shared),
		T(test_create_refusals),
		T(test_set_clear_note_persist),
		T(test_summary_columns),
		T(test_audit_trail),
		T(test_finalize_refuses_unscored),
		T(test_final_refused_by_code),
		T(test_final_refused_by_triggers),
		T(test_delete_draft),
		T(test_foreign_db_untouched),
		T(test_junk_file_untouched),
		T(test_newer_schema_refused),
		T(test_read_only),
		T(test_read_only_odd_path),
		T(test_missing_read_only),
		T(test_two_connections),
		T(test_disk_full),
		T(test_list),
		T(test_insert_round_trip),
		T(test_insert_sums_match_interactive),
		T(test_insert_failure_is_atomic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
