/*
 * import: real exports go in and come back out byte for byte; each broken
 * fact is refused with the file and the line of the value at fault.
 * The fixtures are in tests/data/import-good and import-bad (see make.py).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "export.h"
#include "import.h"
#include "json-read.h"
#include "store.h"
#include "testlib.h"
#include "xalloc.h"

#define DATA	KAOHE_SRCDIR "/tests/data/"

/* Import the one record of a fixture; returns -1 with *cause on refusal. */
static int
import_file(const char *rel, struct scorecard **sc, char **cause)
{
	char *path = xasprintf(DATA "%s", rel), *text;
	const char *name = strrchr(rel, '/') + 1;
	struct json_value *v;
	size_t len;
	int rc;

	text = testlib_slurp(path, &len);
	assert_non_null(text);
	free(path);
	*sc = NULL;
	if (json_read(text, len, name, 1, &v, cause) != 0) {
		free(text);
		return -1;
	}
	rc = import_record(v, name, NULL, sc, cause);
	json_value_free(v);
	free(text);
	return rc;
}

static void refused(const char *rel, const char *prefix, const char *words);

/*
 * The line of the first needle after the first of after (or after the
 * file's start when after is NULL): where a fixture's fault is.
 */
static size_t
line_of(const char *rel, const char *after, const char *needle)
{
	char *path = xasprintf(DATA "%s", rel), *text, *p, *q;
	size_t len, line = 1;

	text = testlib_slurp(path, &len);
	assert_non_null(text);
	p = after != NULL ? strstr(text, after) : text;
	assert_non_null(p);
	p = strstr(p, needle);
	assert_non_null(p);
	for (q = text; q < p; q++)
		line += *q == '\n';
	free(text);
	free(path);
	return line;
}

/* The refusal must start "NAME:LINE: " at the fault and say words. */
static void
refused_at(const char *rel, const char *after, const char *needle,
    const char *words)
{
	const char *name = strrchr(rel, '/') + 1;
	char *prefix = xasprintf("%s:%zu: ", name, line_of(rel, after,
	    needle));

	refused(rel, prefix, words);
	free(prefix);
}

static void
refused(const char *rel, const char *prefix, const char *words)
{
	struct scorecard *sc;
	char *cause = NULL;

	assert_int_equal(import_file(rel, &sc, &cause), -1);
	assert_null(sc);
	assert_non_null(cause);
	if (strncmp(cause, prefix, strlen(prefix)) != 0 ||
	    strstr(cause, words) == NULL)
		fail_msg("%s\n  got  %s\n  want %s...%s", rel, cause, prefix,
		    words);
	free(cause);
}

static void
test_good_final(void **state)
{
	struct scorecard *sc;
	struct scorecard_sum t;
	char *cause = NULL;
	long i;

	(void)state;
	if (import_file("import-good/tainan-110.json", &sc, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(sc->agency, "臺南分署");
	assert_string_equal(sc->date, "2021-08-06");
	assert_int_equal(sc->status, SCORECARD_FINAL);
	assert_int_equal(sc->ninspectors, 1);
	assert_string_equal(sc->inspectors[0], "為民服務不定期考核小組");
	assert_string_equal(sc->rubric->id, "110");
	assert_true(scorecard_complete(sc));
	t = scorecard_total(sc);
	assert_int_equal(t.score, 870);
	assert_int_equal(t.max, 1000);
	i = rubric_item_index(sc->rubric, "1.1.3");
	assert_int_equal(sc->entries[i].score, 28);
	assert_int_equal(sc->entries[i].tier, 1);
	assert_non_null(strstr(sc->entries[i].rationale, "97.87%"));
	assert_true(*sc->finalized_at != '\0');
	scorecard_free(sc);
}

static void
test_good_draft(void **state)
{
	struct scorecard *sc;
	char *cause = NULL;

	(void)state;
	if (import_file("import-good/yilan-draft.json", &sc, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(sc->status, SCORECARD_DRAFT);
	assert_int_equal(scorecard_total(sc).score, 63);
	assert_int_equal(scorecard_total(sc).scored, 2);
	assert_string_equal(sc->finalized_at, "");
	scorecard_free(sc);
}

static void
test_bad_json(void **state)
{
	(void)state;
	char *prefix = xasprintf("bad-syntax.json:%zu:3: ",
	    line_of("import-bad/bad-syntax.json", NULL, "\"date\""));

	/* The missing comma after "agency" is seen where "date" begins. */
	refused("import-bad/bad-syntax.json", prefix, "expected ',' or '}'");
	free(prefix);
}

static void
test_out_of_range(void **state)
{
	(void)state;
	refused_at("import-bad/out-of-range.json", NULL, "\"score\": 31",
	    "1.1.1");
	refused_at("import-bad/out-of-range.json", NULL, "\"score\": 31",
	    "31 is out of range 1~30");
}

static void
test_wrong_tier(void **state)
{
	(void)state;
	refused_at("import-bad/wrong-tier.json", "\"key\": \"1.1.3\"",
	    "\"score\"", "28 is outside tier 2");
}

static void
test_wrong_sum(void **state)
{
	(void)state;
	refused_at("import-bad/wrong-sum.json", "\"key\": \"1.1\"",
	    "\"score\": 93",
	    "section 1.1 (服務一致及正確) says 93 but its items sum to 92");
	refused_at("import-bad/wrong-total.json", NULL, "\"score\": 871",
	    "the total says 871 but its items sum to 870");
}

static void
test_tampered_rubric(void **state)
{
	(void)state;
	refused_at("import-bad/tampered-sha.json", NULL, "\"sha256\"",
	    "sha256 does not match its text");
}

static void
test_unknown_key(void **state)
{
	(void)state;
	refused_at("import-bad/unknown-key.json", NULL, "\"9.9.9\"",
	    "the rubric 110 has no key \"9.9.9\"");
}

static void
test_final_incomplete(void **state)
{
	(void)state;
	refused_at("import-bad/final-incomplete.json", NULL, "\"status\"",
	    "only 35 of 36 items are scored");
}

static void
test_not_an_object(void **state)
{
	struct json_value *v;
	struct scorecard *sc = NULL;
	char *cause = NULL;

	(void)state;
	assert_int_equal(json_read("\n[1]", 4, "x.json", 1, &v, &cause), 0);
	assert_int_equal(import_record(v, "x.json", NULL, &sc, &cause), -1);
	assert_string_equal(cause, "x.json:2: a record must be an object (one"
	    " export), not an array");
	free(cause);
	json_value_free(v);
	assert_int_equal(json_read("{\"rubric\": 3}", 13, "y.json", 1, &v,
	    &cause), 0);
	assert_int_equal(import_record(v, "y.json", NULL, &sc, &cause), -1);
	assert_string_equal(cause, "y.json:1: \"rubric\" must be an object,"
	    " not a number");
	free(cause);
	json_value_free(v);
}

struct temp_store {
	char		 dir[64];
	char		*path;
	struct store	*st;
};

static void
temp_open(struct temp_store *t)
{
	char *cause = NULL;

	strcpy(t->dir, "/tmp/kaohe-test-import-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	t->path = xasprintf("%s/k.db", t->dir);
	if (store_open(t->path, STORE_READWRITE, &t->st, &cause) != 0)
		fail_msg("%s", cause);
}

static void
temp_close(struct temp_store *t)
{
	char *p;

	store_close(t->st);
	unlink(t->path);
	p = xasprintf("%s-wal", t->path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", t->path);
	unlink(p);
	free(p);
	rmdir(t->dir);
	free(t->path);
}

/* Insert the fixture, load it back, export it: the bytes are the fixture's. */
static void
round_trip(struct temp_store *t, const char *rel)
{
	struct scorecard *sc, *back;
	char *cause = NULL, *path, *want, *got = NULL;
	size_t wantlen, gotlen = 0;
	bool present;
	FILE *f;

	if (import_file(rel, &sc, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_has_uuid(t->st, sc->uuid, &present, &cause), 0);
	assert_false(present);
	if (store_insert(t->st, sc, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_has_uuid(t->st, sc->uuid, &present, &cause), 0);
	assert_true(present);	/* so a second import skips it */
	if (store_load(t->st, sc->id, &back, &cause) != 0)
		fail_msg("%s", cause);
	f = open_memstream(&got, &gotlen);
	assert_non_null(f);
	if (export_write(f, back, EXPORT_JSON, 80, &cause) != 0)
		fail_msg("%s", cause);
	fclose(f);
	path = xasprintf(DATA "%s", rel);
	want = testlib_slurp(path, &wantlen);
	assert_non_null(want);
	if (gotlen != wantlen || memcmp(got, want, wantlen) != 0)
		fail_msg("%s: the export of the imported scorecard differs"
		    " from the file (if the export format changed on purpose,"
		    " regenerate tests/data/import-good/ and import-bad/)", rel);
	free(want);
	free(path);
	free(got);
	scorecard_free(back);
	scorecard_free(sc);
}

static void
test_round_trip(void **state)
{
	struct temp_store t;

	(void)state;
	temp_open(&t);
	/* IDs 1 and 2, as on the machine that exported them. */
	round_trip(&t, "import-good/tainan-110.json");
	round_trip(&t, "import-good/yilan-draft.json");
	temp_close(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_final),
		cmocka_unit_test(test_good_draft),
		cmocka_unit_test(test_bad_json),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_wrong_tier),
		cmocka_unit_test(test_wrong_sum),
		cmocka_unit_test(test_tampered_rubric),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_final_incomplete),
		cmocka_unit_test(test_not_an_object),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
