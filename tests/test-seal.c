/*
 * Seals: the canonical content byte for byte (a change to it breaks every
 * seal already made, so it is pinned here), what a change names, the
 * 64-bit sums and the rules finalize checks again; and in the store, the
 * seal finalize keeps, a reopen's kept revision, and the guards raw SQL
 * meets.
 */
#include "config.h"

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "rubric.h"
#include "scorecard.h"
#include "seal.h"
#include "sha256.h"
#include "store.h"
#include "store-private.h"	/* test_failed_bind: the connection's limits */
#include "xalloc.h"

#include "small-rubric.h"

static struct scorecard *
small_card(void)
{
	struct rubric *r;
	struct scorecard *sc;
	char *cause = NULL;

	if (rubric_parse(small_rubric, strlen(small_rubric), "small", &r,
	    &cause) != 0)
		fail_msg("rubric: %s", cause);
	sc = scorecard_new(r, xstrdup(small_rubric));
	return sc;
}

static void
set(struct scorecard *sc, size_t item, int score, int tier)
{
	char *cause = NULL;

	if (scorecard_set(sc, item, score, tier, &cause) != 0)
		fail_msg("set: %s", cause);
}

static void
replace(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

/* A final card, filled in by hand (no store). */
static struct scorecard *
sealed_card(void)
{
	struct scorecard *sc = small_card();

	strcpy(sc->uuid, "0b7a3c1e-2f4d-4a5b-8c6d-7e8f9a0b1c2d");
	sc->revision = 2;
	replace(&sc->agency, "臺南分署");
	replace(&sc->date, "2021-08-06");
	sc->inspectors = xcalloc(2, sizeof *sc->inspectors);
	sc->inspectors[0] = xstrdup("甲");
	sc->inspectors[1] = xstrdup("乙");
	sc->ninspectors = 2;
	replace(&sc->created_at, "2021-08-06T01:00:00.000Z");
	replace(&sc->finalized_at, "2021-08-06T09:00:00.000Z");
	set(sc, I111, 9, 0);
	set(sc, I113, 28, 0);
	set(sc, I121, 8, 3);
	set(sc, I21, 35, 0);
	replace(&sc->entries[I113].record, "測試\n第二行");
	replace(&sc->entries[I113].rationale, "給予 28 分");
	sc->status = SCORECARD_FINAL;
	return sc;
}

static void
test_canonical_content(void **state)
{
	struct scorecard *sc = sealed_card();
	char *text, hex[65], want_hex[65];
	size_t len;
	char want[2048];

	(void)state;
	snprintf(want, sizeof want,
	    "kaohe-seal 1:1\n"
	    "uuid 36:0b7a3c1e-2f4d-4a5b-8c6d-7e8f9a0b1c2d\n"
	    "revision 1:2\n"
	    "agency 12:臺南分署\n"
	    "date 10:2021-08-06\n"
	    "inspector 3:甲\n"
	    "inspector 3:乙\n"
	    "rubric 64:%s\n"
	    "created_at 24:2021-08-06T01:00:00.000Z\n"
	    "finalized_at 24:2021-08-06T09:00:00.000Z\n"
	    "item 5:1.1.1\nscore 1:9\ntier 0:\nrecord 0:\nrationale 0:\n"
	    "item 5:1.1.3\nscore 2:28\ntier 1:1\nrecord 16:測試\n第二行\n"
	    "rationale 13:給予 28 分\n"
	    "item 5:1.2.1\nscore 1:8\ntier 1:3\nrecord 0:\nrationale 0:\n"
	    "item 3:2.1\nscore 2:35\ntier 0:\nrecord 0:\nrationale 0:\n",
	    sc->rubric_sha256);
	text = seal_canonical(sc, &len);
	assert_string_equal(text, want);
	assert_int_equal(len, strlen(want));
	seal_compute(sc, hex);
	sha256_hex(want, strlen(want), want_hex);
	assert_string_equal(hex, want_hex);
	free(text);
	scorecard_free(sc);
}

/*
 * A part's digest is stored short (16 hex digits); the 64-digit lines of
 * rows written before still compare, and a line of another length counts
 * as changed.
 */
static void
test_parts_old_and_short(void **state)
{
	struct scorecard *sc = sealed_card();
	struct seal_sink s;
	char hex[65], *parts, *old = xstrdup(""), *next, *changed;
	size_t i;

	(void)state;
	parts = seal_parts(sc, hex);
	assert_int_equal(strcspn(parts, "\n"), strlen("header ") + 16);
	/* The lines kaohe wrote before: every digest whole. */
	memset(&s, 0, sizeof s);
	sha256_init(&s.hash);
	seal_content(&s, sc);
	seal_part(&s, "");	/* closes the last real part */
	for (i = 0; i + 1 < s.nparts; i++) {
		next = xasprintf("%s%s %s\n", old, s.parts[i].name,
		    s.parts[i].hex);
		free(old);
		old = next;
	}
	for (i = 0; i < s.nparts; i++)
		free(s.parts[i].name);
	free(s.parts);
	free(s.text);
	changed = seal_parts_changed(sc, old);
	assert_string_equal(changed, "");
	free(changed);
	/* A digest cut to 20 digits is neither form. */
	next = xstrdup(old);
	memmove(strchr(next, ' ') + 21, strchr(next, '\n'),
	    strlen(strchr(next, '\n')) + 1);
	changed = seal_parts_changed(sc, next);
	assert_string_equal(changed, "header");
	free(changed);
	free(next);
	replace(&sc->entries[I113].rationale, "給予 27 分");
	changed = seal_parts_changed(sc, old);
	assert_string_equal(changed, "1.1.3");
	free(changed);
	changed = seal_parts_changed(sc, parts);
	assert_string_equal(changed, "1.1.3");
	free(changed);
	free(old);
	free(parts);
	scorecard_free(sc);
}

/* Every field is in the seal, and a change names its part. */
static void
test_changes_named(void **state)
{
	struct scorecard *sc = sealed_card();
	char hex[65], now[65], *parts, *changed;

	(void)state;
	parts = seal_parts(sc, hex);
	assert_non_null(strstr(parts, "header "));
	assert_non_null(strstr(parts, "\n1.1.3 "));
	changed = seal_parts_changed(sc, parts);
	assert_string_equal(changed, "");
	free(changed);

	replace(&sc->entries[I113].rationale, "給予 27 分");
	seal_compute(sc, now);
	assert_string_not_equal(hex, now);
	changed = seal_parts_changed(sc, parts);
	assert_string_equal(changed, "1.1.3");
	free(changed);

	replace(&sc->agency, "宜蘭分署");
	sc->entries[I21].score = 36;
	changed = seal_parts_changed(sc, parts);
	assert_string_equal(changed, "header, 1.1.3, 2.1");
	free(changed);
	free(parts);

	/* The revision, the order of inspectors, a tier: all sealed. */
	scorecard_free(sc);
	sc = sealed_card();
	sc->revision = 3;
	seal_compute(sc, now);
	assert_string_not_equal(hex, now);
	scorecard_free(sc);
	sc = sealed_card();
	sc->inspectors[0][0] = 'x';
	seal_compute(sc, now);
	assert_string_not_equal(hex, now);
	scorecard_free(sc);
	sc = sealed_card();
	sc->entries[I121].tier = 2;
	seal_compute(sc, now);
	assert_string_not_equal(hex, now);
	scorecard_free(sc);
}

/* Length prefixes: moving bytes from one note to the next is a change. */
static void
test_boundaries(void **state)
{
	struct scorecard *a = sealed_card(), *b = sealed_card();
	char ha[65], hb[65];

	(void)state;
	replace(&a->entries[I111].record, "ab");
	replace(&a->entries[I111].rationale, "");
	replace(&b->entries[I111].record, "a");
	replace(&b->entries[I111].rationale, "b");
	seal_compute(a, ha);
	seal_compute(b, hb);
	assert_string_not_equal(ha, hb);
	/* A note that spells out the next field is still only a note. */
	replace(&a->entries[I111].record, "x\nrationale 1:y");
	replace(&b->entries[I111].record, "x");
	replace(&b->entries[I111].rationale, "y");
	seal_compute(a, ha);
	seal_compute(b, hb);
	assert_string_not_equal(ha, hb);
	scorecard_free(a);
	scorecard_free(b);
}

/* What SQL can put in entries: the sums never wrap, finalize refuses it. */
static void
test_rules_again(void **state)
{
	struct scorecard *sc = sealed_card();
	char *cause = NULL;

	(void)state;
	sc->status = SCORECARD_DRAFT;
	assert_int_equal(scorecard_check_rules(sc, &cause), 0);
	sc->entries[I111].score = INT_MAX;
	sc->entries[I21].score = INT_MAX;
	assert_true(scorecard_sum64(sc, &sc->rubric->root) ==
	    2LL * INT_MAX + 28 + 8);
	assert_int_equal(scorecard_total(sc).score, INT_MAX);
	assert_int_equal(scorecard_check_rules(sc, &cause), -1);
	assert_string_equal(cause, "1.1.1 標準作業流程: 2147483647 is out of"
	    " range 1~10");
	free(cause);
	sc->entries[I111].score = INT_MIN;
	sc->entries[I21].score = INT_MIN;
	assert_int_equal(scorecard_total(sc).score, INT_MIN);
	sc->entries[I111].score = 9;
	sc->entries[I21].score = 35;
	/* A tiered item recorded without its tier. */
	sc->entries[I113].tier = 0;
	assert_int_equal(scorecard_check_rules(sc, &cause), -1);
	assert_string_equal(cause, "1.1.3 服務人員專業度: 28 is recorded"
	    " without its tier (tier 1 holds it)");
	free(cause);
	/* A tier whose band does not hold the score. */
	sc->entries[I113].tier = 2;
	assert_int_equal(scorecard_check_rules(sc, &cause), -1);
	free(cause);
	scorecard_free(sc);
}

/* The store: a temporary file. */
struct fixture {
	char	 dir[64];
	char	*db;
};

static int
setup_store(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);

	strcpy(f->dir, "/tmp/kaohe-seal.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->db = xasprintf("%s/k.db", f->dir);
	*state = f;
	return 0;
}

static int
teardown_store(void **state)
{
	struct fixture *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);

	if (system(cmd) != 0)
		print_error("could not remove %s\n", f->dir);
	free(cmd);
	free(f->db);
	free(f);
	return 0;
}

static struct store *
open_rw(const char *path)
{
	struct store *st;
	char *cause = NULL;

	if (store_open(path, STORE_READWRITE, &st, &cause) != 0)
		fail_msg("open: %s", cause);
	return st;
}

static struct scorecard *
load(struct store *st, long long id, int revision)
{
	struct scorecard *sc;
	char *cause = NULL;

	if (store_load_revision(st, id, revision, &sc, &cause) != 0)
		fail_msg("load %lld@%d: %s", id, revision, cause);
	return sc;
}

/* A final card in the store: 9 + 28 + 8 + 35 = 80. */
static long long
final_card(struct store *st)
{
	struct rubric *r;
	struct scorecard *sc;
	char *cause = NULL, *names[] = { "甲" };
	long long id = 0;	/* clang: set only when both calls succeed */

	if (rubric_parse(small_rubric, strlen(small_rubric), "small", &r,
	    &cause) != 0 || store_create(st, small_rubric, r, "臺南分署",
	    "2021-08-06", names, 1, &id, &cause) != 0)
		fail_msg("create: %s", cause);
	rubric_free(r);
	sc = load(st, id, 0);
	if (store_set_score(st, sc, I111, 9, 0, &cause) != 0 ||
	    store_set_score(st, sc, I113, 28, 0, &cause) != 0 ||
	    store_set_score(st, sc, I121, 8, 3, &cause) != 0 ||
	    store_set_score(st, sc, I21, 35, 0, &cause) != 0 ||
	    store_finalize(st, sc, &cause) != 0)
		fail_msg("score: %s", cause);
	scorecard_free(sc);
	return id;
}

static void
assert_verifies(struct store *st, long long id)
{
	char *problem = NULL, *cause = NULL;

	if (store_verify(st, id, &problem, &cause) != 0)
		fail_msg("verify: %s", cause);
	if (problem != NULL)
		fail_msg("verify %lld: %s", id, problem);
}

static void
test_finalize_seals(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_rw(f->db);
	long long id = final_card(st);
	struct scorecard *sc = load(st, id, 0);
	char hex[65];

	assert_int_equal(sc->status, SCORECARD_FINAL);
	assert_int_equal(sc->revision, 1);
	seal_compute(sc, hex);
	assert_string_equal(sc->seal, hex);
	assert_verifies(st, id);
	scorecard_free(sc);
	store_close(st);
}

static void
test_reopen_keeps_revision(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_rw(f->db);
	long long id = final_card(st);
	struct scorecard *sc = load(st, id, 0), *old;
	char seal1[65], *cause = NULL;

	memcpy(seal1, sc->seal, sizeof seal1);
	assert_int_equal(store_reopen(st, sc, "", &cause), -1);
	free(cause);
	assert_int_equal(store_reopen(st, sc, "1.1.3 應為 27", &cause), 0);
	assert_int_equal(sc->status, SCORECARD_DRAFT);
	assert_int_equal(sc->revision, 2);
	assert_int_equal(store_reopen(st, sc, "again", &cause), -1);
	free(cause);
	if (store_set_score(st, sc, I113, 27, 0, &cause) != 0 ||
	    store_finalize(st, sc, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_not_equal(sc->seal, seal1);
	scorecard_free(sc);
	old = load(st, id, 1);
	assert_int_equal(old->status, SCORECARD_FINAL);
	assert_int_equal(old->revision, 1);
	assert_int_equal(old->entries[I113].score, 28);
	assert_string_equal(old->seal, seal1);
	assert_string_equal(old->inspectors[0], "甲");
	scorecard_free(old);
	sc = load(st, id, 2);
	assert_int_equal(sc->entries[I113].score, 27);
	scorecard_free(sc);
	assert_int_equal(store_load_revision(st, id, 3, &sc, &cause), -1);
	assert_string_equal(cause, "scorecard 1 has no revision 3 (it has"
	    " revisions 1~2)");
	free(cause);
	assert_verifies(st, id);
	/* A card with a kept revision is never deleted. */
	assert_int_equal(store_reopen(st, (sc = load(st, id, 0)), "x",
	    &cause), 0);
	scorecard_free(sc);
	assert_int_equal(store_delete(st, id, &cause), -1);
	free(cause);
	store_close(st);
}

/* kaohe_audit_hash as a stand-in, so raw SQL reaches the guards. */
static void
fake_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_text(ctx, "0000000000000000000000000000000000000000"
	    "000000000000000000000000", 64, SQLITE_STATIC);
}

static int
raw(const char *path, const char *sql, char **err)
{
	sqlite3 *db;
	int rc;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_create_function(db, "kaohe_audit_hash", 8,
	    SQLITE_UTF8, NULL, fake_hash, NULL, NULL), SQLITE_OK);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	*err = xstrdup(sqlite3_errmsg(db));
	sqlite3_close(db);
	return rc;
}

static void
test_guards(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_rw(f->db);
	long long id = final_card(st);
	char *err, *sql;

	store_close(st);
	sql = xasprintf("INSERT OR REPLACE INTO scorecards (id, uuid,"
	    " rubric_sha256, rubric_id, agency, date, inspectors, status,"
	    " created_at, updated_at, finalized_at, score, max, scored, items,"
	    " revision) SELECT id, uuid, rubric_sha256, rubric_id, agency,"
	    " date, inspectors, 0, created_at, updated_at, '', score, max,"
	    " scored, items, revision FROM scorecards WHERE id = %lld", id);
	assert_int_equal(raw(f->db, sql, &err), SQLITE_CONSTRAINT);
	assert_string_equal(err, "a scorecard is inserted as a new draft; it"
	    " never replaces another");
	free(err);
	free(sql);
	assert_int_equal(raw(f->db, "PRAGMA foreign_keys = OFF;"
	    " DELETE FROM rubrics", &err), SQLITE_CONSTRAINT);
	assert_string_equal(err, "a rubric snapshot in use is never deleted");
	free(err);
	assert_int_equal(raw(f->db, "DELETE FROM seals", &err),
	    SQLITE_CONSTRAINT);
	assert_string_equal(err, "a seal never changes");
	free(err);
	assert_int_equal(raw(f->db, "UPDATE audit SET new_value = 'x'", &err),
	    SQLITE_CONSTRAINT);
	assert_string_equal(err, "the audit trail is append-only");
	free(err);
	assert_int_equal(raw(f->db, "INSERT INTO audit (scorecard_id, at,"
	    " item, field, hash) VALUES (1, 'now', '', 'status',"
	    " 'forged')", &err), SQLITE_CONSTRAINT);
	assert_string_equal(err, "an audit row is hashed by kaohe");
	free(err);
	/* A draft made final by SQL needs its seal first. */
	st = open_rw(f->db);
	assert_verifies(st, id);
	store_close(st);
}

/*
 * A bind that fails (here: a note longer than the connection allows) is
 * an error, and the statement is never stepped with the parameter unset.
 */
static void
test_failed_bind(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_rw(f->db);
	long long id = final_card(st);
	struct scorecard *sc;
	char *cause = NULL, big[9000];
	sqlite3_stmt *stmt;

	assert_int_equal(store_reopen(st, (sc = load(st, id, 0)), "x",
	    &cause), 0);
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	/* Longer than any statement kaohe prepares, shorter than the note. */
	sqlite3_limit(st->db, SQLITE_LIMIT_LENGTH, 8000);
	assert_int_equal(store_set_note(st, sc, I111, SCORECARD_RECORD, big,
	    &cause), -1);
	assert_non_null(strstr(cause, "bind"));
	free(cause);
	sqlite3_limit(st->db, SQLITE_LIMIT_LENGTH, 1000000000);
	scorecard_free(sc);
	sc = load(st, id, 0);
	assert_string_equal(sc->entries[I111].record, "");
	scorecard_free(sc);
	/* A parameter the statement lacks is an error too, not skipped. */
	assert_int_equal(store_prepare(st, "SELECT ?1", &stmt, &cause), 0);
	assert_int_equal(store_bind(st, stmt, &cause, "II", 1LL, 2LL), -1);
	assert_non_null(strstr(cause, "bind parameter 2"));
	free(cause);
	sqlite3_finalize(stmt);
	assert_verifies(st, id);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_content),
		cmocka_unit_test(test_changes_named),
		cmocka_unit_test(test_parts_old_and_short),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_rules_again),
		cmocka_unit_test_setup_teardown(test_finalize_seals,
		    setup_store, teardown_store),
		cmocka_unit_test_setup_teardown(test_reopen_keeps_revision,
		    setup_store, teardown_store),
		cmocka_unit_test_setup_teardown(test_guards, setup_store,
		    teardown_store),
		cmocka_unit_test_setup_teardown(test_failed_bind, setup_store,
		    teardown_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
