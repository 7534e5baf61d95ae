/*
 * The scoring rules over plain structs: ranges, tiers, sums, completeness
 * and finalization, on a small rubric shaped like the 110 form.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rubric.h"
#include "scorecard.h"
#include "sha256.h"
#include "xalloc.h"

#include "small-rubric.h"

static int
setup(void **state)
{
	struct rubric *r;
	char *cause = NULL;

	if (rubric_parse(small_rubric, strlen(small_rubric), "small", &r,
	    &cause) != 0) {
		print_error("rubric: %s\n", cause);
		free(cause);
		return -1;
	}
	*state = scorecard_new(r, xstrdup(small_rubric));
	return 0;
}

static int
teardown(void **state)
{
	scorecard_free(*state);
	return 0;
}

static const struct rubric_node *
item(struct scorecard *sc, size_t i)
{
	return sc->rubric->items[i];
}

/* The call must fail with exactly this message. */
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
test_new_is_empty_draft(void **state)
{
	struct scorecard *sc = *state;
	char hex[65];

	assert_int_equal(sc->rubric->nitems, 4);
	assert_int_equal(sc->status, SCORECARD_DRAFT);
	assert_false(sc->entries[I113].scored);
	assert_string_equal(sc->entries[I113].record, "");
	assert_string_equal(sc->entries[I113].rationale, "");
	sha256_hex(small_rubric, strlen(small_rubric), hex);
	assert_string_equal(sc->rubric_sha256, hex);
}

static void
test_parse_score(void **state)
{
	static const char *const bad[] = {
		"abc", "1.5", "-3", " 3", "3 ", "", "+3", "2147483648",
		"99999999999999999999", "３",
	};
	char *cause = NULL;
	size_t i;
	int score = -1;

	(void)state;
	assert_int_equal(scorecard_parse_score("28", &score, &cause), 0);
	assert_int_equal(score, 28);
	assert_int_equal(scorecard_parse_score("0", &score, &cause), 0);
	assert_int_equal(score, 0);
	assert_int_equal(scorecard_parse_score("2147483647", &score, &cause),
	    0);
	assert_int_equal(score, 2147483647);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cause = NULL;
		score = -7;
		assert_int_equal(scorecard_parse_score(bad[i], &score, &cause),
		    -1);
		assert_non_null(cause);
		assert_true(strlen(cause) > 0);
		assert_null(strchr(cause, '\n'));
		assert_int_equal(score, -7);
		free(cause);
	}
}

static void
test_range(void **state)
{
	struct scorecard *sc = *state;
	char *cause = NULL;
	int tier = -1;

	assert_int_equal(scorecard_check(item(sc, I111), 1, 0, &tier, &cause),
	    0);
	assert_int_equal(tier, 0);
	assert_int_equal(scorecard_check(item(sc, I111), 10, 0, &tier,
	    &cause), 0);
	assert_refusal(scorecard_check(item(sc, I113), 31, 0, &tier, &cause),
	    &cause, "1.1.3 服務人員專業度: 31 is out of range 1~30");
	cause = NULL;
	assert_refusal(scorecard_check(item(sc, I111), 0, 0, &tier, &cause),
	    &cause, "1.1.1 標準作業流程: 0 is out of range 1~10");
	cause = NULL;
	assert_refusal(scorecard_set(sc, I111, 11, 0, &cause), &cause,
	    "1.1.1 標準作業流程: 11 is out of range 1~10");
	assert_false(sc->entries[I111].scored);
}

static void
test_tier_picked(void **state)
{
	struct scorecard *sc = *state;
	char *cause = NULL;
	int tier = -1;

	assert_int_equal(scorecard_check(item(sc, I113), 28, 0, &tier, &cause),
	    0);
	assert_int_equal(tier, 1);
	assert_int_equal(scorecard_check(item(sc, I113), 10, 0, &tier, &cause),
	    0);
	assert_int_equal(tier, 5);
	/* Overlapping bands, but 18 is held by one only. */
	assert_int_equal(scorecard_check(item(sc, I121), 18, 0, &tier, &cause),
	    0);
	assert_int_equal(tier, 1);
	assert_int_equal(scorecard_check(item(sc, I121), 12, 0, &tier, &cause),
	    0);
	assert_int_equal(tier, 2);
}

static void
test_tier_ambiguous(void **state)
{
	struct scorecard *sc = *state;
	char *cause = NULL;
	int tier = -1;

	assert_refusal(scorecard_check(item(sc, I121), 8, 0, &tier, &cause),
	    &cause, "1.2.1 服務設施合宜程度: 8 fits several tiers: 2 (1~15),"
	    " 3 (1~10); choose one with --tier");
	cause = NULL;
	assert_refusal(scorecard_set(sc, I121, 8, 0, &cause), &cause,
	    "1.2.1 服務設施合宜程度: 8 fits several tiers: 2 (1~15),"
	    " 3 (1~10); choose one with --tier");
	assert_false(sc->entries[I121].scored);
	assert_int_equal(scorecard_set(sc, I121, 8, 3, &cause), 0);
	assert_int_equal(sc->entries[I121].tier, 3);
	assert_int_equal(scorecard_set(sc, I121, 8, 2, &cause), 0);
	assert_int_equal(sc->entries[I121].tier, 2);
}

static void
test_tier_explicit_errors(void **state)
{
	struct scorecard *sc = *state;
	char *cause = NULL;
	int tier = -1;

	assert_refusal(scorecard_check(item(sc, I113), 28, 2, &tier, &cause),
	    &cause, "1.1.3 服務人員專業度: 28 is outside tier 2 (21~25)");
	cause = NULL;
	assert_refusal(scorecard_check(item(sc, I113), 28, 6, &tier, &cause),
	    &cause, "1.1.3 服務人員專業度: there is no tier 6 (tiers 1~5)");
	cause = NULL;
	assert_refusal(scorecard_check(item(sc, I113), 28, -1, &tier, &cause),
	    &cause, "1.1.3 服務人員專業度: there is no tier -1 (tiers 1~5)");
	cause = NULL;
	assert_refusal(scorecard_check(item(sc, I111), 5, 1, &tier, &cause),
	    &cause, "1.1.1 標準作業流程 has no tiers; --tier 1 does not apply");
	cause = NULL;
	/* The range is checked before the tier. */
	assert_refusal(scorecard_check(item(sc, I113), 40, 1, &tier, &cause),
	    &cause, "1.1.3 服務人員專業度: 40 is out of range 1~30");
	assert_int_equal(scorecard_check(item(sc, I113), 22, 2, &tier, &cause),
	    0);
	assert_int_equal(tier, 2);
}

static void
test_sums_and_partial(void **state)
{
	struct scorecard *sc = *state;
	const struct rubric_node *s11 = rubric_find(sc->rubric, "1.1");
	const struct rubric_node *d1 = rubric_find(sc->rubric, "1");
	struct scorecard_sum sum;
	char *cause = NULL;

	assert_non_null(s11);
	assert_non_null(d1);
	sum = scorecard_total(sc);
	assert_int_equal(sum.score, 0);
	assert_int_equal(sum.max, 100);
	assert_int_equal(sum.scored, 0);
	assert_int_equal(sum.items, 4);
	assert_int_equal(scorecard_set(sc, I113, 27, 0, &cause), 0);
	sum = scorecard_sum(sc, s11);
	assert_int_equal(sum.score, 27);
	assert_int_equal(sum.max, 40);
	assert_int_equal(sum.scored, 1);
	assert_int_equal(sum.items, 2);
	assert_int_equal(scorecard_set(sc, I111, 9, 0, &cause), 0);
	assert_int_equal(scorecard_set(sc, I121, 18, 0, &cause), 0);
	sum = scorecard_sum(sc, d1);
	assert_int_equal(sum.score, 54);
	assert_int_equal(sum.max, 60);
	assert_int_equal(sum.scored, 3);
	assert_int_equal(sum.items, 3);
	sum = scorecard_total(sc);
	assert_int_equal(sum.score, 54);
	assert_int_equal(sum.scored, 3);
	assert_false(scorecard_complete(sc));
	scorecard_clear(sc, I111);
	sum = scorecard_sum(sc, s11);
	assert_int_equal(sum.score, 27);
	assert_int_equal(sum.scored, 1);
	assert_false(sc->entries[I111].scored);
}

static void
test_next_unscored_wraps(void **state)
{
	struct scorecard *sc = *state;
	char *cause = NULL;

	assert_int_equal(scorecard_next_unscored(sc, 0), 0);
	assert_int_equal(scorecard_set(sc, I111, 5, 0, &cause), 0);
	assert_int_equal(scorecard_set(sc, I21, 5, 0, &cause), 0);
	assert_int_equal(scorecard_next_unscored(sc, 0), I113);
	assert_int_equal(scorecard_next_unscored(sc, I121), I121);
	assert_int_equal(scorecard_next_unscored(sc, I21), I113);
	assert_int_equal(scorecard_set(sc, I113, 5, 0, &cause), 0);
	assert_int_equal(scorecard_next_unscored(sc, I21), I121);
	assert_int_equal(scorecard_set(sc, I121, 5, 3, &cause), 0);
	assert_int_equal(scorecard_next_unscored(sc, 2), -1);
	assert_true(scorecard_complete(sc));
}

static void
test_finalize_refusal_lists(void **state)
{
	struct scorecard *sc = *state;
	size_t *unscored = NULL, n = 99;
	char *cause = NULL;

	sc->id = 7;
	assert_int_equal(scorecard_set(sc, I113, 27, 0, &cause), 0);
	assert_refusal(scorecard_check_finalize(sc, &unscored, &n, &cause),
	    &cause, "scorecard 7 cannot be finalized: 3 of 4 items are"
	    " unscored: 1.1.1, 1.2.1, 2.1");
	assert_int_equal(n, 3);
	assert_non_null(unscored);
	assert_int_equal(unscored[0], I111);
	assert_int_equal(unscored[1], I121);
	assert_int_equal(unscored[2], I21);
	free(unscored);
}

static void
test_final_is_read_only(void **state)
{
	struct scorecard *sc = *state;
	size_t *unscored = NULL, n = 99;
	char *cause = NULL;

	sc->id = 3;
	assert_int_equal(scorecard_set(sc, I111, 9, 0, &cause), 0);
	assert_int_equal(scorecard_set(sc, I113, 27, 0, &cause), 0);
	assert_int_equal(scorecard_set(sc, I121, 18, 0, &cause), 0);
	assert_int_equal(scorecard_set(sc, I21, 33, 0, &cause), 0);
	assert_int_equal(scorecard_check_finalize(sc, &unscored, &n, &cause),
	    0);
	assert_int_equal(n, 0);
	free(unscored);
	sc->status = SCORECARD_FINAL;
	assert_refusal(scorecard_set(sc, I111, 8, 0, &cause), &cause,
	    "scorecard 3 is finalized; it cannot be changed");
	cause = NULL;
	assert_refusal(scorecard_set_note(sc, I111, SCORECARD_RECORD, "x",
	    &cause), &cause, "scorecard 3 is finalized; it cannot be changed");
	scorecard_clear(sc, I111);
	assert_true(sc->entries[I111].scored);
	assert_int_equal(sc->entries[I111].score, 9);
	assert_string_equal(sc->entries[I111].record, "");
	cause = NULL;
	assert_int_equal(scorecard_check_finalize(sc, &unscored, &n, &cause),
	    -1);
	free(cause);
	free(unscored);
}

static void
test_notes(void **state)
{
	struct scorecard *sc = *state;
	char *cause = NULL;

	assert_int_equal(scorecard_set_note(sc, I121, SCORECARD_RECORD,
	    "設有哺集乳室", &cause), 0);
	assert_int_equal(scorecard_set_note(sc, I121, SCORECARD_RATIONALE,
	    "動線清楚", &cause), 0);
	assert_string_equal(sc->entries[I121].record, "設有哺集乳室");
	assert_string_equal(sc->entries[I121].rationale, "動線清楚");
	assert_false(sc->entries[I121].scored);
	assert_int_equal(scorecard_set_note(sc, 4, SCORECARD_RECORD, "x",
	    &cause), -1);
	free(cause);
}

static void
test_dates(void **state)
{
	struct scorecard *sc = *state;

	assert_true(scorecard_date_valid("2021-08-06"));
	assert_true(scorecard_date_valid("2020-02-29"));
	assert_true(scorecard_date_valid("2000-02-29"));
	assert_false(scorecard_date_valid("2021-02-29"));
	assert_false(scorecard_date_valid("1900-02-29"));
	assert_false(scorecard_date_valid("2021-04-31"));
	assert_false(scorecard_date_valid("2021-13-01"));
	assert_false(scorecard_date_valid("2021-00-10"));
	assert_false(scorecard_date_valid("2021-01-00"));
	assert_false(scorecard_date_valid("2021-1-01"));
	assert_false(scorecard_date_valid("110-08-06"));
	assert_false(scorecard_date_valid("2021/08/06"));
	assert_false(scorecard_date_valid("2021-08-06 "));
	assert_false(scorecard_date_valid(""));
	free(sc->date);
	sc->date = xstrdup("2021-08-06");
	assert_int_equal(scorecard_year(sc), 2021);
	free(sc->date);
	sc->date = xstrdup("2021-02-29");
	assert_int_equal(scorecard_year(sc), 0);
}

/* FIPS 180-2's examples, so the snapshot hash is the real SHA-256. */
static void
test_sha256(void **state)
{
	char hex[65];
	char *million = xmalloc(1000000);

	(void)state;
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
	memset(million, 'a', 1000000);
	sha256_hex(million, 1000000, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_new_is_empty_draft),
		cmocka_unit_test(test_parse_score),
		T(test_range),
		T(test_tier_picked),
		T(test_tier_ambiguous),
		T(test_tier_explicit_errors),
		T(test_sums_and_partial),
		T(test_next_unscored_wraps),
		T(test_finalize_refusal_lists),
		T(test_final_is_read_only),
		T(test_notes),
		T(test_dates),
		cmocka_unit_test(test_sha256),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
