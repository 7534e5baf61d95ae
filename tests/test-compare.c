/* compare: two scorecards matched by key, over one rubric and over two. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "compare.h"
#include "rubric.h"
#include "scorecard.h"
#include "xalloc.h"

/* Rubric A: two sections; 1.3 is A's alone. */
static const char rubric_a[] =
    "kaohe-rubric: 1\n"
    "id: ta\n"
    "title: 甲\n"
    "total: 100\n"
    "children:\n"
    "  - key: '1'\n"
    "    number: 一、\n"
    "    title: 基礎服務\n"
    "    max: 60\n"
    "    children:\n"
    "      - { key: '1.1', title: 流程, min: 1, max: 30 }\n"
    "      - { key: '1.2', title: 及時, min: 1, max: 20 }\n"
    "      - { key: '1.3', title: 舊項目, min: 1, max: 10 }\n"
    "  - key: '2'\n"
    "    number: 二、\n"
    "    title: 服務遞送\n"
    "    max: 40\n"
    "    children:\n"
    "      - { key: '2.1', title: 便捷, min: 1, max: 40 }\n";

/* Rubric B: 1.3 is gone, 2.2 and all of section 3 are new. */
static const char rubric_b[] =
    "kaohe-rubric: 1\n"
    "id: tb\n"
    "title: 乙\n"
    "total: 120\n"
    "children:\n"
    "  - key: '1'\n"
    "    number: 一、\n"
    "    title: 基礎服務\n"
    "    max: 50\n"
    "    children:\n"
    "      - { key: '1.1', title: 流程, min: 1, max: 30 }\n"
    "      - { key: '1.2', title: 及時, min: 1, max: 20 }\n"
    "  - key: '2'\n"
    "    number: 二、\n"
    "    title: 服務遞送\n"
    "    max: 50\n"
    "    children:\n"
    "      - { key: '2.1', title: 便捷, min: 1, max: 40 }\n"
    "      - { key: '2.2', title: 新項目, min: 1, max: 10 }\n"
    "  - key: '3'\n"
    "    number: 三、\n"
    "    title: 開放創新\n"
    "    max: 20\n"
    "    children:\n"
    "      - { key: '3.1', title: 創新, min: 1, max: 20 }\n";

static struct scorecard *
card(const char *yaml, const char *const *keys, const int *scores, size_t n)
{
	struct rubric *r = NULL;
	struct scorecard *sc;
	char *cause = NULL;
	long idx;
	size_t i;

	if (rubric_parse(yaml, strlen(yaml), "t.yaml", &r, &cause) != 0)
		fail_msg("rubric: %s", cause);
	sc = scorecard_new(r, xstrdup(yaml));
	for (i = 0; i < n; i++) {
		idx = rubric_item_index(r, keys[i]);
		assert_true(idx >= 0);
		if (scorecard_set(sc, (size_t)idx, scores[i], 0, &cause) != 0)
			fail_msg("set %s: %s", keys[i], cause);
	}
	return sc;
}

static const struct compare_row *
row(const struct compare *c, const char *key)
{
	size_t i;

	for (i = 0; i < c->nrows; i++)
		if (strcmp(c->rows[i].key, key) == 0)
			return &c->rows[i];
	fail_msg("no row %s", key);
	return NULL;
}

static void
test_same_rubric(void **state)
{
	const char *keys[] = { "1.1", "1.2", "1.3", "2.1" };
	const int sa[] = { 28, 15, 7, 30 }, sb[] = { 25, 18, 7 };
	struct scorecard *a, *b;
	struct compare *c;
	const struct compare_row *r;

	(void)state;
	a = card(rubric_a, keys, sa, 4);
	b = card(rubric_a, keys, sb, 3);	/* 2.1 unscored in b */
	c = compare_new(a, b);
	assert_int_equal(c->nrows, 6);	/* 1, 1.1, 1.2, 1.3, 2, 2.1 */
	assert_string_equal(c->rows[0].key, "1");
	assert_true(c->rows[0].section);
	assert_int_equal(c->rows[0].depth, 1);
	assert_string_equal(c->rows[1].key, "1.1");
	assert_false(c->rows[1].section);
	assert_string_equal(c->rows[5].key, "2.1");
	r = row(c, "1.1");
	assert_true(compare_has_diff(r));
	assert_int_equal(r->a.score, 28);
	assert_int_equal(r->b.score, 25);
	assert_int_equal(r->a.max, 30);
	assert_int_equal(compare_diff(r), -3);
	assert_int_equal(compare_diff(row(c, "1.2")), 3);
	assert_int_equal(compare_diff(row(c, "1.3")), 0);
	/* Section subtotals: 50 and 50; the partial 2 is 30 against 0. */
	r = row(c, "1");
	assert_true(compare_has_diff(r));
	assert_int_equal(r->a.score, 50);
	assert_int_equal(r->b.score, 50);
	assert_int_equal(r->a.max, 60);
	r = row(c, "2.1");
	assert_true(r->a.scored);
	assert_false(r->b.scored);
	assert_true(r->b.present);
	assert_false(compare_has_diff(r));
	/* Nothing scored below 2 in b: no sum to compare, so no difference. */
	r = row(c, "2");
	assert_int_equal(r->a.score, 30);
	assert_true(r->a.complete);
	assert_false(r->b.scored);
	assert_false(compare_has_diff(r));
	assert_true(row(c, "1")->b.complete);
	assert_true(c->total_a.complete);
	assert_false(c->total_b.complete);
	assert_int_equal(c->total_a.score, 80);
	assert_int_equal(c->total_b.score, 50);
	assert_int_equal(c->total_a.max, 100);
	assert_int_equal(c->nonly_a, 0);
	assert_int_equal(c->nonly_b, 0);
	compare_free(c);
	scorecard_free(a);
	scorecard_free(b);
}

static void
test_different_rubrics(void **state)
{
	const char *ka[] = { "1.1", "1.2", "1.3", "2.1" };
	const char *kb[] = { "1.1", "1.2", "2.1", "2.2", "3.1" };
	const int sa[] = { 28, 15, 7, 30 }, sb[] = { 29, 16, 31, 8, 12 };
	const char *order[] = { "1", "1.1", "1.2", "1.3", "2", "2.1", "2.2",
	    "3", "3.1" };
	struct scorecard *a, *b;
	struct compare *c;
	const struct compare_row *r;
	size_t i;

	(void)state;
	a = card(rubric_a, ka, sa, 4);
	b = card(rubric_b, kb, sb, 5);
	c = compare_new(a, b);
	/* a's order, with b's extra nodes at the end of the section holding them. */
	assert_int_equal(c->nrows, 9);
	for (i = 0; i < 9; i++)
		assert_string_equal(c->rows[i].key, order[i]);
	assert_int_equal(c->nonly_a, 1);
	assert_string_equal(c->only_a[0], "1.3");
	assert_int_equal(c->nonly_b, 2);
	assert_string_equal(c->only_b[0], "2.2");
	assert_string_equal(c->only_b[1], "3.1");
	r = row(c, "1.3");
	assert_true(r->a.present);
	assert_false(r->b.present);
	assert_false(compare_has_diff(r));
	r = row(c, "2.2");
	assert_false(r->a.present);
	assert_true(r->b.present);
	assert_int_equal(r->b.score, 8);
	assert_string_equal(r->title, "新項目");
	r = row(c, "3");
	assert_true(r->section);
	assert_false(r->a.present);
	assert_int_equal(r->b.score, 12);
	assert_false(compare_has_diff(r));
	/* Matched items differ by key, whatever the section maxima. */
	assert_int_equal(compare_diff(row(c, "2.1")), 1);
	r = row(c, "1");
	assert_int_equal(r->a.max, 60);
	assert_int_equal(r->b.max, 50);
	assert_int_equal(compare_diff(r), 45 - 50);
	assert_int_equal(c->total_a.score, 80);
	assert_int_equal(c->total_b.score, 96);
	assert_int_equal(c->total_b.max, 120);
	compare_free(c);
	scorecard_free(a);
	scorecard_free(b);
}

/* Rubric C reuses A's section key "1" for an item, and "2" likewise. */
static const char rubric_c[] =
    "kaohe-rubric: 1\n"
    "id: tc\n"
    "title: 丙\n"
    "total: 30\n"
    "children:\n"
    "  - { key: '1', title: 單項, min: 1, max: 10 }\n"
    "  - { key: '2', title: 另一項, min: 1, max: 20 }\n";

/* A key shared by a section and an item is two different things. */
static void
test_kind_mismatch(void **state)
{
	const char *ka[] = { "1.1" }, *kc[] = { "1" };
	const int sa[] = { 28 }, sc_[] = { 5 };
	struct scorecard *a, *c3;
	struct compare *c;
	const struct compare_row *r;
	size_t i, n1 = 0;

	(void)state;
	a = card(rubric_a, ka, sa, 1);
	c3 = card(rubric_c, kc, sc_, 1);
	c = compare_new(a, c3);
	/* A's section 1 has no counterpart: C's item 1 is not it. */
	for (i = 0; i < c->nrows; i++) {
		if (strcmp(c->rows[i].key, "1") != 0)
			continue;
		n1++;
		r = &c->rows[i];
		if (r->section) {
			assert_true(r->a.present);
			assert_false(r->b.present);
		} else {
			assert_false(r->a.present);
			assert_true(r->b.present);
			assert_int_equal(r->b.score, 5);
		}
		assert_false(compare_has_diff(r));
	}
	assert_int_equal(n1, 2);
	/* Every item of each is listed as the other's lack. */
	assert_int_equal(c->nonly_a, 4);
	assert_int_equal(c->nonly_b, 2);
	assert_string_equal(c->only_b[0], "1");
	assert_string_equal(c->only_b[1], "2");
	compare_free(c);
	scorecard_free(a);
	scorecard_free(c3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_rubric),
		cmocka_unit_test(test_different_rubrics),
		cmocka_unit_test(test_kind_mismatch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
