/*
 * Re-import's content hash and decision (import-content.c, import-merge.c)
 * over cards built in memory: what the hash counts beyond the seal (the
 * documents' matches and corrections, a team card's rows), what it does
 * not (the order a file lists them in), and cards whose imports row still
 * holds version 1.
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

#include "evidence.h"
#include "import-merge.h"
#include "rubric.h"
#include "scorecard.h"
#include "team.h"
#include "xalloc.h"

#include "small-rubric.h"

/* Two headings: 一、基礎服務 (line 1) and 二、開放創新 (line 5). */
static const char report[] = "一、基礎服務\n\n甲\n\n二、開放創新\n\n乙\n";

static void
replace(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

/* A draft with one document whose section 1 matched 1.1.1. */
static struct scorecard *
card(void)
{
	struct evidence_document *d;
	struct scorecard *sc;
	struct rubric *r;
	char *cause = NULL;

	if (rubric_parse(small_rubric, strlen(small_rubric), "small", &r,
	    &cause) != 0)
		fail_msg("rubric: %s", cause);
	sc = scorecard_new(r, xstrdup(small_rubric));
	strcpy(sc->uuid, "0b7a3c1e-2f4d-4a5b-8c6d-7e8f9a0b1c2d");
	replace(&sc->agency, "宜蘭分署");
	replace(&sc->date, "2025-10-01");
	sc->inspectors = xcalloc(1, sizeof *sc->inspectors);
	sc->inspectors[sc->ninspectors++] = xstrdup("王小明");
	replace(&sc->created_at, "2025-10-01T01:00:00.000Z");
	replace(&sc->updated_at, "2025-10-01T02:00:00.000Z");
	sc->evidence = xcalloc(1, sizeof *sc->evidence);
	sc->evidence->docs = xcalloc(1, sizeof *sc->evidence->docs);
	sc->evidence->ndocs = 1;
	d = &sc->evidence->docs[0];
	d->file_name = xstrdup("report.txt");
	d->title = xstrdup("成果報告");
	d->added_at = xstrdup("2025-10-01T01:30:00.000Z");
	d->len = strlen(report);
	d->text = xstrdup(report);
	if (evidence_split(d->text, d->len, "report", &d->sections,
	    &d->nsections, &cause) != 0)
		fail_msg("split: %s", cause);
	assert_int_equal(d->nsections, 2);
	d->matches = xcalloc(2, sizeof *d->matches);
	d->matches[d->nmatches++] = (struct evidence_match){
	    rubric_find(sc->rubric, "1.1.1"), 0, 0 };
	return sc;
}

static struct evidence_document *
doc(struct scorecard *sc)
{
	return &sc->evidence->docs[0];
}

static void
clear_node(struct evidence_document *d, const char *key)
{
	d->cleared = xreallocarray(d->cleared, d->ncleared + 1,
	    sizeof *d->cleared);
	d->cleared[d->ncleared++] = xstrdup(key);
}

static void
hashes(const struct scorecard *sc, char v2[65], char v1[65])
{
	import_content_hash(sc, false, v2);
	import_content_hash_v1(sc, false, v1);
}

/* A correction changes version 2, and only version 2 (the seal is blind). */
static void
test_hash_counts_corrections(void **state)
{
	struct scorecard *a = card(), *b = card();
	char a2[65], a1[65], b2[65], b1[65];

	(void)state;
	hashes(a, a2, a1);
	hashes(b, b2, b1);
	assert_string_equal(a2, b2);
	doc(b)->matches[0].section = 1;		/* 1.1.1 is section 2's */
	doc(b)->matches[0].corrected = 1;
	hashes(b, b2, b1);
	assert_string_not_equal(a2, b2);
	assert_string_equal(a1, b1);
	assert_false(import_same_evidence(a, b));
	doc(b)->matches[0] = doc(a)->matches[0];
	hashes(b, b2, b1);
	assert_string_equal(a2, b2);
	clear_node(doc(b), "1.1.3");		/* 1.1.3: in no section */
	hashes(b, b2, b1);
	assert_string_not_equal(a2, b2);
	assert_string_equal(a1, b1);
	scorecard_free(a);
	scorecard_free(b);
}

/* The order a file lists matches and corrections in does not count. */
static void
test_hash_ignores_order(void **state)
{
	struct scorecard *a = card(), *b = card();
	char a2[65], a1[65], b2[65], b1[65];

	(void)state;
	doc(a)->matches[doc(a)->nmatches++] = (struct evidence_match){
	    rubric_find(a->rubric, "2.1"), 1, 1 };
	doc(b)->matches[1] = doc(b)->matches[0];
	doc(b)->matches[0] = (struct evidence_match){
	    rubric_find(b->rubric, "2.1"), 1, 1 };
	doc(b)->nmatches = 2;
	clear_node(doc(a), "1.1.3");
	clear_node(doc(a), "1.2.1");
	clear_node(doc(b), "1.2.1");
	clear_node(doc(b), "1.1.3");
	hashes(a, a2, a1);
	hashes(b, b2, b1);
	assert_string_equal(a2, b2);
	assert_true(import_same_evidence(a, b));
	scorecard_free(a);
	scorecard_free(b);
}

/* A team card: the marks and the lead's settlements count. */
static void
test_hash_counts_team(void **state)
{
	struct scorecard *a = card(), *b = card();
	char a2[65], a1[65], b2[65], b1[65];
	size_t n = a->rubric->nitems;

	(void)state;
	a->team = team_new(n);
	b->team = team_new(n);
	assert_true(import_same_team(a, b));
	hashes(a, a2, a1);
	replace(&b->team->items[1].reason, "討論後取 26 分");
	b->team->items[1].how = TEAM_HOW_CONSENSUS;
	hashes(b, b2, b1);
	assert_string_not_equal(a2, b2);
	assert_string_equal(a1, b1);
	assert_false(import_same_team(a, b));
	/* Settled on b: b holds a's facts, a does not hold b's. */
	assert_true(import_covers(b, a));
	assert_false(import_covers(a, b));
	team_free(b->team, n);
	b->team = team_new(n);
	b->team->tolerance = 30;
	assert_false(import_same_team(a, b));
	assert_false(import_covers(b, a));
	scorecard_free(a);
	scorecard_free(b);
}

/* import_covers: a correction is a fact; the splitter's match is not. */
static void
test_covers_corrections(void **state)
{
	struct scorecard *here = card(), *in = card();

	(void)state;
	doc(here)->matches[0].section = 1;
	doc(here)->matches[0].corrected = 1;
	assert_true(import_covers(here, in));
	assert_false(import_covers(in, here));
	clear_node(doc(in), "1.1.3");
	assert_false(import_covers(here, in));
	clear_node(doc(here), "1.1.3");
	assert_true(import_covers(here, in));
	/* A document of in's that here lacks. */
	evidence_set_free(here->evidence);
	free(here->evidence);
	here->evidence = NULL;
	assert_false(import_covers(here, in));
	assert_true(import_covers(in, here));
	scorecard_free(here);
	scorecard_free(in);
}

/*
 * A card imported before version 2: its imports row holds version 1. A
 * later state of it (a score changed and a match corrected on the laptop)
 * updates the unchanged card here; read as it is stored, the row would
 * make it a conflict.
 */
static void
test_version_1_row(void **state)
{
	struct scorecard *here = card(), *in = card();
	char in2[65], here2[65], stored[65], in1[65], *cause = NULL;
	const char *recorded;

	(void)state;
	if (scorecard_set(here, 0, 5, 0, &cause) != 0 ||
	    scorecard_set(in, 0, 6, 0, &cause) != 0)
		fail_msg("set: %s", cause);
	doc(in)->matches[0].section = 1;
	doc(in)->matches[0].corrected = 1;
	replace(&in->updated_at, "2025-10-01T03:00:00.000Z");
	import_content_hash(in, false, in2);
	import_content_hash(here, true, here2);
	import_content_hash_v1(here, true, stored);
	recorded = import_recorded(stored, in, here, in2, here2);
	assert_string_equal(recorded, here2);
	assert_int_equal(import_decide(in, here, in2, here2, recorded),
	    IMPORT_UPDATE);
	assert_int_equal(import_decide(in, here, in2, here2, stored),
	    IMPORT_CONFLICT);
	/* The very copy that came in (version 1), again: in's own. */
	import_content_hash_v1(in, false, in1);
	assert_string_equal(import_recorded(in1, in, here, in2, here2), in2);
	/* Anything else, and no row, are what they are. */
	assert_string_equal(import_recorded(in2, in, here, in2, here2), in2);
	assert_null(import_recorded(NULL, in, here, in2, here2));
	stored[0] = stored[0] == '0' ? '1' : '0';
	assert_string_equal(import_recorded(stored, in, here, in2, here2),
	    stored);
	scorecard_free(here);
	scorecard_free(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash_counts_corrections),
		cmocka_unit_test(test_hash_ignores_order),
		cmocka_unit_test(test_hash_counts_team),
		cmocka_unit_test(test_covers_corrections),
		cmocka_unit_test(test_version_1_row),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
