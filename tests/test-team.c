/*
 * The 考核小組's rules over plain structs (src/team.c) and a member
 * card's scope (src/scorecard.c): the mean rounded half up, the median,
 * the tolerance and its precedence, what makes a team card refuse its
 * members, how items resolve, settling and finalization.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rubric.h"
#include "scorecard.h"
#include "team.h"
#include "xalloc.h"

#include "small-rubric.h"

static struct scorecard *
card(long long id, const char *agency, const char *date, const char *who)
{
	struct rubric *r;
	struct scorecard *sc;
	char *cause = NULL;

	assert_int_equal(rubric_parse(small_rubric, strlen(small_rubric),
	    "small", &r, &cause), 0);
	sc = scorecard_new(r, xstrdup(small_rubric));
	sc->id = id;
	snprintf(sc->uuid, sizeof sc->uuid,
	    "00000000-0000-4000-8000-%012lld", id);
	free(sc->agency);
	sc->agency = xstrdup(agency);
	free(sc->date);
	sc->date = xstrdup(date);
	sc->inspectors = xcalloc(1, sizeof *sc->inspectors);
	sc->inspectors[0] = xstrdup(who);
	sc->ninspectors = 1;
	return sc;
}

/* Score every item in scope: scores[] per item, 0 leaves it. */
static void
score_all(struct scorecard *sc, const int *scores, const int *tiers)
{
	char *cause = NULL;
	size_t i;

	for (i = 0; i < sc->rubric->nitems; i++) {
		if (scores[i] == 0)
			continue;
		assert_int_equal(scorecard_set(sc, i, scores[i],
		    tiers != NULL ? tiers[i] : 0, &cause), 0);
	}
	sc->status = SCORECARD_FINAL;
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
test_mean_half_up(void **state)
{
	int a[] = { 27, 28 }, b[] = { 27, 27, 28 }, c[] = { 1, 2, 2, 2 };
	int d[] = { 0, 1 };

	(void)state;
	assert_int_equal(team_mean(a, 2), 28);	/* 27.5 → 28 */
	assert_int_equal(team_mean(b, 3), 27);	/* 27.33 → 27 */
	assert_int_equal(team_mean(c, 4), 2);	/* 1.75 → 2 */
	assert_int_equal(team_mean(d, 2), 1);	/* 0.5 → 1 */
	assert_int_equal(team_mean(a, 1), 27);
}

static void
test_median(void **state)
{
	int a[] = { 30, 10, 20 }, b[] = { 20, 10, 25, 30 }, c[] = { 9, 8 };

	(void)state;
	assert_int_equal(team_median(a, 3), 20);
	assert_int_equal(team_median(b, 4), 23);	/* (20+25)/2 = 22.5 → 23 */
	assert_int_equal(team_median(c, 2), 9);		/* 8.5 → 9 */
	assert_int_equal(a[0], 30);	/* the input is left alone */
}

static void
test_tolerance(void **state)
{
	struct scorecard *sc = card(1, "甲", "2021-08-06", "甲");
	const struct rubric_node *i113 = sc->rubric->items[I113];
	const struct rubric_node *i111 = sc->rubric->items[I111];

	(void)state;
	/* 1~30 is 30 wide: 20% is 6, and only more than 6 is flagged. */
	assert_int_equal(team_range_size(i113), 30);
	assert_false(team_exceeds(i113, 6, 20));
	assert_true(team_exceeds(i113, 7, 20));
	/* 1~10 at 20% is 2; at 0% any difference is flagged. */
	assert_false(team_exceeds(i111, 2, 20));
	assert_true(team_exceeds(i111, 3, 20));
	assert_true(team_exceeds(i111, 1, 0));
	assert_false(team_exceeds(i111, 0, 0));
	/* Given beats the rubric's, which beats the default. */
	assert_int_equal(team_card_tolerance(sc->rubric, -1), 20);
	assert_int_equal(team_card_tolerance(sc->rubric, 35), 35);
	sc->rubric->tolerance = 10;
	assert_int_equal(team_card_tolerance(sc->rubric, -1), 10);
	assert_int_equal(team_card_tolerance(sc->rubric, 35), 35);
	/* An item's own, or its section's, beats the card's. */
	assert_int_equal(team_item_tolerance(i113, 35), 35);
	((struct rubric_node *)i113->parent)->tolerance = 50;
	assert_int_equal(team_item_tolerance(i113, 35), 50);
	((struct rubric_node *)i113)->tolerance = 5;
	assert_int_equal(team_item_tolerance(i113, 35), 5);
	assert_int_equal(team_item_tolerance(i111, 35), 50);
	scorecard_free(sc);
}

static void
test_rubric_tolerance_parses(void **state)
{
	static const char yaml[] =
	    "kaohe-rubric: 1\nid: t\ntitle: t\ntotal: 10\ntolerance: 15\n"
	    "children:\n  - {key: a, title: 甲, min: 1, max: 10,"
	    " tolerance: 40}\n";
	static const char bad[] =
	    "kaohe-rubric: 1\nid: t\ntitle: t\ntotal: 10\ntolerance: 101\n"
	    "children:\n  - {key: a, title: 甲, min: 1, max: 10}\n";
	struct rubric *r;
	char *cause = NULL;

	(void)state;
	assert_int_equal(rubric_parse(yaml, strlen(yaml), "t", &r, &cause),
	    0);
	assert_int_equal(r->tolerance, 15);
	assert_int_equal(r->items[0]->tolerance, 40);
	rubric_free(r);
	assert_refusal(rubric_parse(bad, strlen(bad), "t", &r, &cause),
	    &cause, "t:5:12: 'tolerance' is a percent of an item's range,"
	    " 0~100, not 101");
	assert_int_equal(rubric_parse(small_rubric, strlen(small_rubric),
	    "small", &r, &cause), 0);
	assert_int_equal(r->tolerance, -1);
	assert_int_equal(r->items[0]->tolerance, -1);
	rubric_free(r);
}

static void
test_scope(void **state)
{
	struct scorecard *sc = card(7, "甲", "2021-08-06", "甲");
	char *keys[] = { "1.1", "2.1" }, *twice[] = { "1", "1.1.1" };
	char *unknown[] = { "9" };
	struct scorecard_sum t;
	char *cause = NULL;
	size_t *un, nun;

	(void)state;
	assert_int_equal(scorecard_set_scope(sc, keys, 2, &cause), 0);
	assert_true(scorecard_in_scope(sc, I111));
	assert_false(scorecard_in_scope(sc, I121));
	t = scorecard_total(sc);
	assert_int_equal(t.max, 80);	/* 10 + 30 + 40 */
	assert_int_equal(t.items, 3);
	assert_refusal(scorecard_set(sc, I121, 10, 3, &cause), &cause,
	    "1.2.1 服務設施合宜程度 is outside scorecard 7's scope (1.1, 2.1)");
	assert_int_equal(scorecard_set(sc, I111, 5, 0, &cause), 0);
	assert_int_equal(scorecard_set(sc, I113, 28, 0, &cause), 0);
	/* The next unscored skips what is out of scope. */
	assert_int_equal(scorecard_next_unscored(sc, 2), I21);
	assert_false(scorecard_complete(sc));
	assert_refusal(scorecard_check_finalize(sc, &un, &nun, &cause),
	    &cause, "scorecard 7 cannot be finalized: 1 of 3 items are"
	    " unscored: 2.1");
	free(un);
	assert_int_equal(scorecard_set(sc, I21, 30, 0, &cause), 0);
	assert_true(scorecard_complete(sc));
	assert_int_equal(scorecard_total(sc).score, 63);
	/* Narrowing past a scored item, a repeat, a stranger: refused. */
	assert_refusal(scorecard_set_scope(sc, keys + 1, 1, &cause), &cause,
	    "--scope: item 1.1.1 is scored but outside the scope");
	assert_refusal(scorecard_set_scope(sc, twice, 2, &cause), &cause,
	    "--scope: \"1.1.1\" repeats item 1.1.1, already in the scope");
	assert_refusal(scorecard_set_scope(sc, unknown, 1, &cause), &cause,
	    "--scope: rubric t1 has no section or item \"9\"");
	assert_int_equal(scorecard_total(sc).items, 3);
	scorecard_free(sc);
}

struct three {
	struct scorecard *a, *b, *c;
};

/* 1.1.3 spread 8 (flagged), 1.2.1 one member only, the rest in tolerance. */
static int
setup_three(void **state)
{
	static const int sa[] = { 8, 28, 0, 30 }, sb[] = { 9, 20, 0, 33 };
	static const int sc_[] = { 9, 27, 16, 35 };
	struct three *t = xcalloc(1, sizeof *t);

	t->a = card(1, "臺南分署", "2021-08-06", "王小明");
	t->b = card(2, "臺南分署", "2021-08-06", "李大華");
	t->c = card(3, "臺南分署", "2021-08-06", "陳美玲");
	score_all(t->a, sa, NULL);
	score_all(t->b, sb, NULL);
	score_all(t->c, sc_, (const int[]){ 0, 0, 1, 0 });
	*state = t;
	return 0;
}

static int
teardown_three(void **state)
{
	struct three *t = *state;

	scorecard_free(t->a);
	scorecard_free(t->b);
	scorecard_free(t->c);
	free(t);
	return 0;
}

static struct scorecard *
build3(struct three *t, int tolerance)
{
	const struct scorecard *mb[] = { t->a, t->b, t->c };
	struct scorecard *team;
	char *cause = NULL;

	assert_int_equal(team_build(mb, 3, "召集人", tolerance, &team,
	    &cause), 0);
	return team;
}

static void
test_build_resolves(void **state)
{
	struct three *t = *state;
	struct scorecard *team = build3(t, -1);
	struct team_figures f;

	assert_non_null(team->team);
	assert_int_equal(team->team->nmembers, 3);
	assert_int_equal(team->ninspectors, 3);
	assert_string_equal(team->inspectors[2], "陳美玲");
	assert_string_equal(team->agency, "臺南分署");
	/* 1.1.1: 8, 9, 9 → mean 8.67 → 9. */
	assert_true(team->entries[I111].scored);
	assert_int_equal(team->entries[I111].score, 9);
	assert_int_equal(team->team->items[I111].how, TEAM_HOW_MEAN);
	assert_false(team->team->items[I111].flagged);
	/* 1.1.3: 28, 20, 27: spread 8 > 6: flagged, no team score. */
	f = team_figures(team->team, I113);
	assert_int_equal(f.spread, 8);
	assert_int_equal(f.mean, 25);
	assert_int_equal(f.median, 27);
	assert_true(team->team->items[I113].flagged);
	assert_false(team->entries[I113].scored);
	assert_true(team_unresolved(team, I113));
	/* 1.2.1: only 陳美玲: her score and tier, said to be hers alone. */
	assert_int_equal(team->entries[I121].score, 16);
	assert_int_equal(team->entries[I121].tier, 1);
	assert_int_equal(team->team->items[I121].how, TEAM_HOW_SINGLE);
	/* 2.1: 30, 33, 35: spread 5 ≤ 8 (20% of 40): mean 32.67 → 33. */
	assert_int_equal(team->entries[I21].score, 33);
	assert_int_equal(team_count_unresolved(team), 1);
	assert_int_equal(team_next_unresolved(team, 2), I113);
	scorecard_free(team);
	/* At 30% 1.1.3's spread of 8 is within 9: nothing is flagged. */
	team = build3(t, 30);
	assert_int_equal(team_count_unresolved(team), 0);
	assert_int_equal(team->entries[I113].score, 25);
	assert_int_equal(team->team->tolerance, 30);
	scorecard_free(team);
}

static void
test_build_refusals(void **state)
{
	struct three *t = *state;
	const struct scorecard *mb[3] = { t->a, t->b, t->c };
	struct scorecard *team = NULL;
	char *cause = NULL, *saved;

	assert_refusal(team_build(mb, 1, NULL, -1, &team, &cause), &cause,
	    "a team card needs at least two member cards");
	mb[1] = t->a;
	assert_refusal(team_build(mb, 3, NULL, -1, &team, &cause), &cause,
	    "scorecard 1 is given twice");
	mb[1] = t->b;
	saved = t->b->agency;
	t->b->agency = (char *)"臺北分署";
	assert_refusal(team_build(mb, 3, NULL, -1, &team, &cause), &cause,
	    "scorecard 2 is for 臺北分署 but scorecard 1 is for 臺南分署; a"
	    " team card is one agency's");
	t->b->agency = saved;
	saved = t->c->date;
	t->c->date = (char *)"2021-08-07";
	assert_refusal(team_build(mb, 3, NULL, -1, &team, &cause), &cause,
	    "scorecard 3 is dated 2021-08-07 but scorecard 1 2021-08-06; a"
	    " team card is one inspection's");
	t->c->date = saved;
	t->c->rubric_sha256[0] = t->c->rubric_sha256[0] == 'a' ? 'b' : 'a';
	assert_int_equal(team_build(mb, 3, NULL, -1, &team, &cause), -1);
	assert_non_null(strstr(cause, "scorecard 3 was scored with another"
	    " rubric snapshot"));
	free(cause);
	cause = NULL;
	t->c->rubric_sha256[0] = t->a->rubric_sha256[0];
	t->b->status = SCORECARD_DRAFT;
	assert_refusal(team_build(mb, 3, NULL, -1, &team, &cause), &cause,
	    "scorecard 2 is a draft; a member card must be finalized first");
	t->b->status = SCORECARD_FINAL;
	assert_null(team);
}

static void
test_settle(void **state)
{
	struct three *t = *state;
	struct scorecard *team = build3(t, -1), *plain = t->a;
	char *cause = NULL;
	int tier = 0;

	assert_refusal(team_check_settle(team, I113, 24, TEAM_HOW_MEAN,
	    "平均", &tier, &cause), &cause,
	    "1.1.3 服務人員專業度: the members' mean is 25, not 24");
	assert_refusal(team_check_settle(team, I113, 25, TEAM_HOW_MEDIAN,
	    "中位數", &tier, &cause), &cause,
	    "1.1.3 服務人員專業度: the members' median is 27, not 25");
	assert_refusal(team_check_settle(team, I113, 25, TEAM_HOW_CONSENSUS,
	    " \t　", &tier, &cause), &cause,
	    "1.1.3 服務人員專業度: the reason is empty; say how the difference"
	    " was settled");
	assert_refusal(team_check_settle(team, I113, 25, TEAM_HOW_SINGLE,
	    "x", &tier, &cause), &cause,
	    "1.1.3 服務人員專業度: how is consensus, mean, median or rescore");
	assert_refusal(team_check_settle(team, I113, 31, TEAM_HOW_RESCORE,
	    "x", &tier, &cause), &cause,
	    "1.1.3 服務人員專業度: 31 is out of range 1~30");
	assert_refusal(team_check_settle(plain, I113, 25, TEAM_HOW_RESCORE,
	    "x", &tier, &cause), &cause, "scorecard 1 is not a team card;"
	    " --how settles a team card's items");
	assert_refusal(team_check_finalize(team, &cause), &cause,
	    "scorecard 0 cannot be finalized: 1 flagged items are"
	    " unresolved: 1.1.3");
	assert_int_equal(team_check_settle(team, I113, 26, TEAM_HOW_CONSENSUS,
	    "討論後以現場訪查為準", &tier, &cause), 0);
	assert_int_equal(tier, 1);	/* 26 is in 26~30 */
	team_apply_settle(team, I113, 26, tier, TEAM_HOW_CONSENSUS,
	    "討論後以現場訪查為準");
	assert_false(team_unresolved(team, I113));
	assert_true(team->team->items[I113].flagged);
	assert_int_equal(team_check_finalize(team, &cause), 0);
	assert_true(scorecard_complete(team));
	assert_int_equal(scorecard_total(team).score, 9 + 26 + 16 + 33);
	scorecard_free(team);
}

static void
test_pick_tier(void **state)
{
	struct three *t = *state;
	struct scorecard *team = build3(t, -1);
	const struct rubric_node *i121 = team->rubric->items[I121];

	(void)state;
	/* 1.2.1's bands overlap at 1~10: the member's own tier (1) holds
	 * only 16~20; 8 falls in 2 and 3: the first holding band. */
	assert_int_equal(team_pick_tier(team->team, i121, I121, 18), 1);
	assert_int_equal(team_pick_tier(team->team, i121, I121, 8), 2);
	assert_int_equal(team_pick_tier(team->team, i121, I121, 12), 2);
	team->team->members[2].marks[I121].tier = 3;
	assert_int_equal(team_pick_tier(team->team, i121, I121, 8), 3);
	scorecard_free(team);
}

static void
test_fingerprint(void **state)
{
	struct three *t = *state;
	char a[65], b[65];

	team_fingerprint(t->a, a);
	team_fingerprint(t->a, b);
	assert_string_equal(a, b);
	free(t->a->entries[I21].rationale);
	t->a->entries[I21].rationale = xstrdup("改了");
	team_fingerprint(t->a, b);
	assert_string_not_equal(a, b);
	team_fingerprint(t->b, b);
	assert_string_not_equal(a, b);
}

static void
test_carry_settlements(void **state)
{
	struct three *t = *state;
	struct scorecard *old = build3(t, -1), *fresh;

	team_apply_settle(old, I113, 26, 1, TEAM_HOW_CONSENSUS, "共識");
	/* 1.1.1 changed on a member card: 1.1.3's settlement still holds. */
	t->b->entries[I111].score = 5;
	fresh = build3(t, -1);
	assert_true(team_unresolved(fresh, I113));
	assert_int_equal(team_carry_settlements(fresh, old), 1);
	assert_false(team_unresolved(fresh, I113));
	assert_int_equal(fresh->entries[I113].score, 26);
	assert_string_equal(fresh->team->items[I113].reason, "共識");
	scorecard_free(fresh);
	/* 1.1.3 itself changed (still flagged): settled again by the lead. */
	t->c->entries[I113].score = 18;
	fresh = build3(t, -1);
	assert_int_equal(team_carry_settlements(fresh, old), 0);
	assert_true(team_unresolved(fresh, I113));
	scorecard_free(fresh);
	scorecard_free(old);
}

/* The lead's own notes on the team card survive a rebuild; the rest
 * follow the members' notes as they are now. */
static void
test_carry_notes(void **state)
{
	struct three *t = *state;
	struct scorecard *old = build3(t, -1), *fresh;

	free(old->entries[I111].record);
	old->entries[I111].record = xstrdup("召集人的紀錄");
	free(t->a->entries[I21].record);
	t->a->entries[I21].record = xstrdup("王小明的新紀錄");
	free(t->b->entries[I111].rationale);
	t->b->entries[I111].rationale = xstrdup("李大華的說明");
	fresh = build3(t, -1);
	assert_int_equal(team_carry_notes(fresh, old), 1);
	assert_string_equal(fresh->entries[I111].record, "召集人的紀錄");
	assert_string_equal(fresh->entries[I111].rationale,
	    "李大華：李大華的說明");
	assert_string_equal(fresh->entries[I21].record,
	    "王小明：王小明的新紀錄");
	scorecard_free(fresh);
	scorecard_free(old);
}

static void
test_how_names(void **state)
{
	(void)state;
	assert_int_equal(team_how_parse("consensus"), TEAM_HOW_CONSENSUS);
	assert_int_equal(team_how_parse("rescore"), TEAM_HOW_RESCORE);
	assert_int_equal(team_how_parse("vote"), -1);
	assert_int_equal(team_how_parse(NULL), -1);
	assert_null(team_how_name(TEAM_HOW_NONE));
	assert_string_equal(team_how_name(TEAM_HOW_MEDIAN), "median");
	assert_string_equal(team_how_label(TEAM_HOW_RESCORE), "複評");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mean_half_up),
		cmocka_unit_test(test_median),
		cmocka_unit_test(test_tolerance),
		cmocka_unit_test(test_rubric_tolerance_parses),
		cmocka_unit_test(test_scope),
		cmocka_unit_test(test_how_names),
		cmocka_unit_test_setup_teardown(test_build_resolves,
		    setup_three, teardown_three),
		cmocka_unit_test_setup_teardown(test_build_refusals,
		    setup_three, teardown_three),
		cmocka_unit_test_setup_teardown(test_settle, setup_three,
		    teardown_three),
		cmocka_unit_test_setup_teardown(test_pick_tier, setup_three,
		    teardown_three),
		cmocka_unit_test_setup_teardown(test_fingerprint, setup_three,
		    teardown_three),
		cmocka_unit_test_setup_teardown(test_carry_settlements,
		    setup_three, teardown_three),
		cmocka_unit_test_setup_teardown(test_carry_notes,
		    setup_three, teardown_three),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
