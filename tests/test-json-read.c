/* The strict JSON reader: values, positions, and every refusal. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json-read.h"
#include "xalloc.h"

static struct json_value *
parse_ok(const char *text)
{
	struct json_value *v = NULL;
	char *cause = NULL;

	if (json_read(text, strlen(text), "t.json", 1, &v, &cause) != 0)
		fail_msg("unexpected refusal: %s", cause);
	assert_null(cause);
	assert_non_null(v);
	return v;
}

/* The refusal's message, which the caller compares and frees. */
static char *
parse_bad(const char *text, size_t len)
{
	struct json_value *v = NULL;
	char *cause = NULL;

	assert_int_equal(json_read(text, len, "t.json", 1, &v, &cause), -1);
	assert_null(v);
	assert_non_null(cause);
	return cause;
}

static void
refused(const char *text, const char *want)
{
	char *cause = parse_bad(text, strlen(text));

	if (strncmp(cause, want, strlen(want)) != 0)
		fail_msg("for %s\n  got  %s\n  want %s...", text, cause, want);
	free(cause);
}

static void
test_object(void **state)
{
	struct json_value *v;
	const struct json_value *m;
	int n;

	(void)state;
	v = parse_ok("{\"id\": 3, \"agency\": \"臺南分署\",\n"
	    " \"tags\": [true, false, null], \"x\": -1.5e3, \"e\": {}}");
	assert_int_equal(v->type, JSON_OBJECT);
	assert_int_equal(v->n, 5);
	m = json_get(v, "id");
	assert_non_null(m);
	assert_true(json_as_int(m, &n));
	assert_int_equal(n, 3);
	m = json_get(v, "agency");
	assert_int_equal(m->type, JSON_STRING);
	assert_string_equal(m->text, "臺南分署");
	m = json_get(v, "tags");
	assert_int_equal(m->type, JSON_ARRAY);
	assert_int_equal(m->n, 3);
	assert_int_equal(m->items[0].type, JSON_TRUE);
	assert_int_equal(m->items[1].type, JSON_FALSE);
	assert_int_equal(m->items[2].type, JSON_NULL);
	/* Positions are line and character, counting 臺南分署 as four. */
	assert_int_equal(m->line, 2);
	assert_int_equal(m->col, 10);
	m = json_get(v, "x");
	assert_string_equal(m->text, "-1.5e3");
	assert_false(json_as_int(m, &n));
	assert_int_equal(json_get(v, "e")->type, JSON_OBJECT);
	assert_int_equal(json_get(v, "e")->n, 0);
	assert_null(json_get(v, "missing"));
	json_value_free(v);
}

static void
test_scalars(void **state)
{
	struct json_value *v;
	int n;

	(void)state;
	v = parse_ok("  0 ");
	assert_true(json_as_int(v, &n));
	assert_int_equal(n, 0);
	json_value_free(v);
	v = parse_ok("\"\"");
	assert_string_equal(v->text, "");
	json_value_free(v);
	v = parse_ok("[]");
	assert_int_equal(v->n, 0);
	json_value_free(v);
	v = parse_ok("99999999999");
	assert_false(json_as_int(v, &n));	/* does not fit an int */
	json_value_free(v);
	/* A byte order mark is tolerated. */
	v = parse_ok("\xef\xbb\xbf{\"a\":1}");
	assert_int_equal(v->type, JSON_OBJECT);
	json_value_free(v);
}

static void
test_escapes(void **state)
{
	struct json_value *v;

	(void)state;
	v = parse_ok("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"");
	assert_string_equal(v->text, "a\"b\\c/d\b\f\n\r\t");
	json_value_free(v);
	v = parse_ok("\"\\u81fa\\u5357 \\u00e9\\u0041\"");
	assert_string_equal(v->text, "臺南 éA");
	json_value_free(v);
	/* A surrogate pair is one code point: U+1F600, and U+20BB7 𠮷. */
	v = parse_ok("\"\\ud83d\\ude00\\uD842\\uDFB7\"");
	assert_string_equal(v->text, "\xf0\x9f\x98\x80\xf0\xa0\xae\xb7");
	json_value_free(v);
}

static void
test_syntax_errors(void **state)
{
	(void)state;
	refused("", "t.json:1:1: unexpected end of input");
	refused("{", "t.json:1:2: expected a key in quotes, not end of input");
	refused("{\"a\" 1}", "t.json:1:6: expected ':' after the key, not '1'");
	refused("{\"a\":1,}", "t.json:1:8: a trailing comma before '}'");
	refused("[1,\n 2,\n ]", "t.json:3:2: a trailing comma before ']'");
	refused("[1 2]", "t.json:1:4: expected ',' or ']', not '2'");
	refused("{\"a\":1 \"b\":2}", "t.json:1:8: expected ',' or '}', not '\"'");
	refused("{a:1}", "t.json:1:2: expected a key in quotes, not 'a'");
	refused("tru", "t.json:1:1: unexpected 't'");
	refused("nul", "t.json:1:1: unexpected 'n'");
	refused("'x'", "t.json:1:1: unexpected '''");
	refused("01", "t.json:1:1: a number may not have a leading zero");
	refused("-", "t.json:1:2: number: a digit is needed, not end of input");
	refused("1.", "t.json:1:3: fraction: a digit is needed");
	refused("1e+", "t.json:1:4: exponent: a digit is needed");
	refused("+1", "t.json:1:1: unexpected '+'");
	refused("{} {}", "t.json:1:4: unexpected '{' after the value");
	refused("1 // c", "t.json:1:3: unexpected '/' after the value");
	refused("\"abc", "t.json:1:1: unterminated string");
	refused("\n  \"a\tb\"", "t.json:2:5: a control character (0x09)");
	refused("\"\\x\"", "t.json:1:2: unknown escape '\\x'");
	refused("\"\\u12g4\"", "t.json:1:6: \\u needs four hex digits, not 'g'");
	refused("[\"\\u0000\"]", "t.json:1:3: \\u0000 is not allowed");
}

static void
test_surrogates_refused(void **state)
{
	(void)state;
	refused("\"\\ude00\"", "t.json:1:2: a lone low surrogate \\ude00");
	refused("\"\\ud83d\"", "t.json:1:2: a high surrogate \\ud83d without");
	refused("\"\\ud83dx\"", "t.json:1:2: a high surrogate \\ud83d without");
	refused("\"\\ud83d\\u0041\"",
	    "t.json:1:2: a high surrogate \\ud83d without");
}

static void
test_bad_utf8(void **state)
{
	char *cause;

	(void)state;
	refused("\"\xff\"", "t.json:1:2: invalid UTF-8");
	refused("\"\xc0\xaf\"", "t.json:1:2: invalid UTF-8");	/* overlong '/' */
	refused("\"\xed\xa0\x80\"", "t.json:1:2: invalid UTF-8");	/* a surrogate */
	refused("\"\xe8\x87\"", "t.json:1:2: invalid UTF-8");	/* truncated */
	/* A NUL byte inside the buffer is a control character, not an end. */
	cause = parse_bad("\"a\0b\"", 5);
	assert_string_equal(cause, "t.json:1:3: a control character (0x00)"
	    " in a string must be escaped");
	free(cause);
}

static void
test_duplicate_keys(void **state)
{
	char *text, *p;
	size_t i;

	(void)state;
	refused("{\"a\":1,\n \"b\":2,\n \"a\":3}",
	    "t.json:3:2: duplicate key \"a\"");
	refused("{\"o\":{\"k\":1,\"k\":1}}", "t.json:1:13: duplicate key \"k\"");
	/* Past the quick scan, duplicates are found by sorting. */
	text = xmalloc(100 * 16 + 64);
	p = text;
	p += sprintf(p, "{");
	for (i = 0; i < 100; i++)
		p += sprintf(p, "\"k%zu\":%zu,", i, i);
	sprintf(p, "\"k7\":0}");
	refused(text, "t.json:1:");
	{
		char *cause = parse_bad(text, strlen(text));

		assert_non_null(strstr(cause, "duplicate key \"k7\""));
		free(cause);
	}
	free(text);
}

static void
test_depth_cap(void **state)
{
	char text[2 * (JSON_READ_MAX_DEPTH + 1) + 1];
	struct json_value *v;
	int i;

	(void)state;
	for (i = 0; i < JSON_READ_MAX_DEPTH; i++) {
		text[i] = '[';
		text[JSON_READ_MAX_DEPTH + i] = ']';
	}
	text[2 * JSON_READ_MAX_DEPTH] = '\0';
	v = parse_ok(text);	/* exactly the cap is fine */
	json_value_free(v);
	for (i = 0; i <= JSON_READ_MAX_DEPTH; i++) {
		text[i] = '[';
		text[JSON_READ_MAX_DEPTH + 1 + i] = ']';
	}
	text[2 * (JSON_READ_MAX_DEPTH + 1)] = '\0';
	refused(text, "t.json:1:65: nested deeper than 64");
}

static void
test_deep_hostile(void **state)
{
	size_t n = 1000000, i;
	char *text = xmalloc(n + 1), *cause;

	(void)state;
	for (i = 0; i < n; i++)
		text[i] = '[';
	text[n] = '\0';
	cause = parse_bad(text, n);	/* fails fast, never overflows the stack */
	assert_non_null(strstr(cause, "nested deeper than"));
	free(cause);
	free(text);
}

static void
test_first_line(void **state)
{
	struct json_value *v = NULL;
	char *cause = NULL;

	(void)state;
	/* A JSON Lines record reports its own line of the file. */
	assert_int_equal(json_read("{\"a\":}", 6, "f.jsonl", 17, &v, &cause),
	    -1);
	assert_string_equal(cause, "f.jsonl:17:6: unexpected '}'");
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_object),
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_surrogates_refused),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_depth_cap),
		cmocka_unit_test(test_deep_hostile),
		cmocka_unit_test(test_first_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
