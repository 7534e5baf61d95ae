/* Display width, padding, wrapping and sanitizing of UTF-8 text. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"
#include "width.h"

static void
test_width_ascii(void **state)
{
	(void)state;
	assert_int_equal(width_of(""), 0);
	assert_int_equal(width_of("abc"), 3);
	assert_int_equal(width_of("1~30分"), 6);
	assert_int_equal(width_of_n("abcdef", 2), 2);
}

static void
test_width_cjk(void **state)
{
	(void)state;
	assert_int_equal(width_of("臺南分署"), 8);
	assert_int_equal(width_of("評分說明"), 8);
	/* Full-width punctuation and ■□ as the form prints them. */
	assert_int_equal(width_of("，"), 2);
	assert_int_equal(width_of("（一）"), 6);
	assert_int_equal(width_of("870 / 1000"), 10);
}

static void
test_width_mixed(void **state)
{
	(void)state;
	assert_int_equal(width_of("SOP 訂定"), 8);
	assert_int_equal(width_of("一、基礎服務 (200分)"), 20);
}

static void
test_width_combining(void **state)
{
	(void)state;
	/* e + COMBINING ACUTE ACCENT is one column. */
	assert_int_equal(width_of("e\xcc\x81"), 1);
	assert_int_equal(width_of("cafe\xcc\x81!"), 5);
}

static void
test_width_controls(void **state)
{
	(void)state;
	assert_int_equal(width_of("\x1b[2J"), 3);	/* ESC itself draws nothing */
	assert_int_equal(width_of("a\x07" "b"), 2);
	assert_int_equal(width_of("\xc2\x9b"), 0);	/* C1 CSI */
}

static void
test_width_invalid(void **state)
{
	(void)state;
	assert_int_equal(width_of("\xff"), 1);
	assert_int_equal(width_of("a\xe8\x87"), 3);		/* truncated 臺 */
	assert_int_equal(width_of("\xc0\xaf"), 2);		/* overlong '/' */
	assert_int_equal(width_of("\xed\xa0\x80"), 3);	/* surrogate */
	/* A cut through a character counts the stray bytes, never more. */
	assert_int_equal(width_of_n("臺", 2), 2);
}

static void
test_width_utf8_valid(void **state)
{
	(void)state;
	assert_true(width_utf8_valid("", 0));
	assert_true(width_utf8_valid("臺南 ok", strlen("臺南 ok")));
	assert_true(width_utf8_valid("\xf4\x8f\xbf\xbf", 4));	/* U+10FFFF */
	assert_false(width_utf8_valid("\xf4\x90\x80\x80", 4));	/* > U+10FFFF */
	assert_false(width_utf8_valid("\xc0\x80", 2));		/* overlong NUL */
	assert_false(width_utf8_valid("\xe0\x80\xaf", 3));	/* overlong */
	assert_false(width_utf8_valid("\xf0\x80\x80\xaf", 4));	/* overlong */
	assert_false(width_utf8_valid("\xed\xa0\x80", 3));	/* surrogate */
	assert_false(width_utf8_valid("\xe8\x87", 2));		/* truncated */
	assert_false(width_utf8_valid("\x80", 1));
	assert_false(width_utf8_valid("\xf8\x88\x80\x80\x80", 5));
}

/* ■ □ ①–⑫ — are one column by wcwidth and two in Taiwan's fonts. */
static void
test_width_ambiguous(void **state)
{
	char *padded;

	(void)state;
	assert_true(width_is_ambiguous(0x25a0));	/* ■ */
	assert_true(width_is_ambiguous(0x25a1));	/* □ */
	assert_true(width_is_ambiguous(0x2460));	/* ① */
	assert_true(width_is_ambiguous(0x246b));	/* ⑫ */
	assert_true(width_is_ambiguous(0x2014));	/* — */
	assert_false(width_is_ambiguous('a'));
	assert_false(width_is_ambiguous(0x4e2d));	/* 中: wide, not ambiguous */
	assert_false(width_is_ambiguous(0xff0a));	/* ＊: fullwidth */
	assert_int_equal(width_of("■達 90%"), 7);
	assert_false(width_set_ambiguous_wide(true));
	assert_int_equal(width_of("■達 90%"), 8);
	assert_int_equal(width_of("①—中a"), 7);
	padded = width_pad("■□", 3);	/* the □ no longer fits */
	assert_string_equal(padded, "■ ");
	free(padded);
	assert_true(width_set_ambiguous_wide(false));
	assert_int_equal(width_of("①—中a"), 5);
}

static void
test_width_pad(void **state)
{
	char *s;

	(void)state;
	s = width_pad("ab", 5);
	assert_string_equal(s, "ab   ");
	free(s);
	s = width_pad("abcdef", 3);
	assert_string_equal(s, "abc");
	free(s);
	s = width_pad("臺南", 6);
	assert_string_equal(s, "臺南  ");
	free(s);
	/* A CJK character that would straddle the edge becomes a space. */
	s = width_pad("臺南分署", 5);
	assert_string_equal(s, "臺南 ");
	assert_int_equal(width_of(s), 5);
	free(s);
	s = width_pad("", 0);
	assert_string_equal(s, "");
	free(s);
	/* A combining mark stays with its base character at the edge. */
	s = width_pad("e\xcc\x81xyz", 1);
	assert_string_equal(s, "e\xcc\x81");
	free(s);
}

/* Every line of a wrap fits in cols. */
static void
assert_fits(char **lines, size_t n, size_t cols)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (width_of(lines[i]) > cols)
			fail_msg("line %zu \"%s\" is %zu columns > %zu", i,
			    lines[i], width_of(lines[i]), cols);
	}
	assert_null(lines[n]);
}

static void
test_wrap_latin(void **state)
{
	char **l;
	size_t n;

	(void)state;
	l = width_wrap("the quick brown fox", 10, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "the quick");
	assert_string_equal(l[1], "brown fox");
	assert_fits(l, n, 10);
	width_lines_free(l);

	/* Exactly cols wide: no break. */
	l = width_wrap("abcde", 5, &n);
	assert_int_equal(n, 1);
	assert_string_equal(l[0], "abcde");
	width_lines_free(l);

	/* Trailing blanks do not make an empty line. */
	l = width_wrap("abc   ", 3, &n);
	assert_int_equal(n, 1);
	assert_string_equal(l[0], "abc");
	width_lines_free(l);

	/* One more than cols at a space: the space is the break. */
	l = width_wrap("abcde fgh", 5, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "abcde");
	assert_string_equal(l[1], "fgh");
	width_lines_free(l);
}

static void
test_wrap_long_word(void **state)
{
	char **l;
	size_t n;

	(void)state;
	l = width_wrap("ab https://www.example.gov.tw/x", 8, &n);
	assert_fits(l, n, 8);
	assert_int_equal(n, 5);
	assert_string_equal(l[0], "ab");
	assert_string_equal(l[1], "https://");
	assert_string_equal(l[2], "www.exam");
	assert_string_equal(l[3], "ple.gov.");
	assert_string_equal(l[4], "tw/x");
	width_lines_free(l);
}

static void
test_wrap_cjk(void **state)
{
	char **l;
	size_t n;

	(void)state;
	l = width_wrap("臺南分署服務", 8, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "臺南分署");
	assert_string_equal(l[1], "服務");
	width_lines_free(l);

	/* Odd width: a CJK character never straddles the edge. */
	l = width_wrap("臺南分署服務", 7, &n);
	assert_fits(l, n, 7);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "臺南分");
	assert_string_equal(l[1], "署服務");
	width_lines_free(l);

	/* Latin then CJK: the break may come before the CJK character. */
	l = width_wrap("SOP文件", 5, &n);
	assert_fits(l, n, 5);
	assert_string_equal(l[0], "SOP文");
	assert_string_equal(l[1], "件");
	width_lines_free(l);
}

static void
test_wrap_kinsoku(void **state)
{
	char **l;
	size_t n;

	(void)state;
	/* "，" must not begin a line: "分署" moves down with it. */
	l = width_wrap("臺南分署，服務", 8, &n);
	assert_fits(l, n, 8);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "臺南分");
	assert_string_equal(l[1], "署，服務");
	width_lines_free(l);

	/* "「" must not end a line: it moves down with what it opens. */
	l = width_wrap("提供「核心設施」", 6, &n);
	assert_fits(l, n, 6);
	assert_string_equal(l[0], "提供");
	assert_string_equal(l[1], "「核心");
	assert_string_equal(l[2], "設施」");
	width_lines_free(l);
}

static void
test_wrap_newlines(void **state)
{
	char **l;
	size_t n;

	(void)state;
	l = width_wrap("a\n\nb", 10, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "a");
	assert_string_equal(l[1], "");
	assert_string_equal(l[2], "b");
	width_lines_free(l);

	l = width_wrap("", 10, &n);
	assert_int_equal(n, 1);
	assert_string_equal(l[0], "");
	width_lines_free(l);

	/* A tab is a blank: it breaks like a space and is drawn as one. */
	l = width_wrap("ab\tcd", 10, &n);
	assert_int_equal(n, 1);
	assert_string_equal(l[0], "ab cd");
	width_lines_free(l);
}

static void
test_wrap_narrow(void **state)
{
	char **l;
	size_t n, i;

	(void)state;
	l = width_wrap("abc", 1, &n);
	assert_int_equal(n, 3);
	assert_string_equal(l[2], "c");
	width_lines_free(l);

	/* cols 0 is treated as 1; a wide character gets a line to itself. */
	l = width_wrap("臺a", 0, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "臺");
	assert_string_equal(l[1], "a");
	width_lines_free(l);

	/* Invalid bytes are never glued into a multibyte character. */
	l = width_wrap("\xe8\x87臺", 2, &n);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "\xe8\x87");
	assert_string_equal(l[1], "臺");
	for (i = 0; i < n; i++)
		assert_true(width_of(l[i]) <= 2);
	width_lines_free(l);
}

/* The bytes of every line, concatenated, are the input minus blanks. */
static void
test_wrap_keeps_text(void **state)
{
	const char *text = "受考核機關：臺南分署 results of 110 年 inspection "
	    "(服務一致及正確) supercalifragilisticexpialidocious 結束。";
	char **l, joined[512], stripped[512];
	size_t n, i, cols, j;
	const char *p;

	(void)state;
	for (j = 0, p = text; *p != '\0'; p++) {
		if (*p != ' ')
			stripped[j++] = *p;
	}
	stripped[j] = '\0';
	for (cols = 2; cols <= 40; cols++) {
		l = width_wrap(text, cols, &n);
		assert_fits(l, n, cols);
		joined[0] = '\0';
		for (i = 0; i < n; i++) {
			for (p = l[i]; *p != '\0'; p++) {
				if (*p != ' ')
					strncat(joined, p, 1);
			}
		}
		assert_string_equal(joined, stripped);
		width_lines_free(l);
	}
}

static void
test_sanitize(void **state)
{
	char *s;

	(void)state;
	s = width_sanitize("a\x1b[2Jb");
	assert_string_equal(s, "a[2Jb");
	free(s);
	s = width_sanitize("ring\x07!");
	assert_string_equal(s, "ring!");
	free(s);
	/* C1 controls (CSI U+009B, NEL U+0085) and DEL. */
	s = width_sanitize("x\xc2\x9b" "31my\xc2\x85z\x7f");
	assert_string_equal(s, "x31myz");
	free(s);
	/* Newline and tab stay; CR goes. */
	s = width_sanitize("line1\r\n\tline2");
	assert_string_equal(s, "line1\n\tline2");
	free(s);
	/* CJK and ordinary Latin-1 letters are untouched. */
	s = width_sanitize("臺南 café ■□");
	assert_string_equal(s, "臺南 café ■□");
	free(s);
	/* A stray byte (which an 8-bit terminal may read as C1) becomes U+FFFD. */
	s = width_sanitize("a\x9b" "b");
	assert_string_equal(s, "a\xef\xbf\xbd" "b");
	free(s);
}

/* The editor's rows start where width_wrap's lines start. */
static void
test_wrap_starts(void **state)
{
	const char *s = "甲乙丙。丁 戊12345";
	size_t *starts, n, nlines, i, off;
	char **lines;

	(void)state;
	n = width_wrap_starts(s, strlen(s), 6, &starts);
	lines = width_wrap(s, 6, &nlines);
	assert_int_equal(n, nlines);
	/* 。 never begins a line: 丙 goes down with it. */
	assert_int_equal(starts[0], 0);
	assert_int_equal(starts[1], strlen("甲乙"));
	for (i = 0; i < n; i++) {
		off = starts[i];
		assert_memory_equal(s + off, lines[i], strlen(lines[i]));
	}
	/* The digits stay together on the last line. */
	assert_string_equal(lines[n - 1], "12345");
	free(starts);
	width_lines_free(lines);
}

/* The one decoder: each length, and each way a sequence is not UTF-8. */
static void
test_utf8_decode(void **state)
{
	uint32_t cp = 0;

	(void)state;
	assert_int_equal(utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode("\xc2\xa0", 2, &cp), 2);
	assert_int_equal(cp, 0xa0);
	assert_int_equal(utf8_decode("考", 3, &cp), 3);
	assert_int_equal(cp, 0x8003);
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(utf8_decode("考", 2, &cp), 0);	/* cut short */
	assert_int_equal(utf8_decode("", 0, &cp), 0);
	assert_int_equal(utf8_decode("\x80", 1, &cp), 0);	/* stray */
	assert_int_equal(utf8_decode("\xc0\xaf", 2, &cp), 0);	/* overlong */
	assert_int_equal(utf8_decode("\xe0\x80\xaf", 3, &cp), 0);
	assert_int_equal(utf8_decode("\xf0\x80\x80\xaf", 4, &cp), 0);
	assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &cp), 0);	/* surrogate */
	assert_int_equal(utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(utf8_decode("\xe8\x80", 4, &cp), 0);	/* NUL inside */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width_ascii),
		cmocka_unit_test(test_width_cjk),
		cmocka_unit_test(test_width_mixed),
		cmocka_unit_test(test_width_combining),
		cmocka_unit_test(test_width_controls),
		cmocka_unit_test(test_width_invalid),
		cmocka_unit_test(test_width_utf8_valid),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_width_ambiguous),
		cmocka_unit_test(test_width_pad),
		cmocka_unit_test(test_wrap_latin),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_cjk),
		cmocka_unit_test(test_wrap_kinsoku),
		cmocka_unit_test(test_wrap_newlines),
		cmocka_unit_test(test_wrap_narrow),
		cmocka_unit_test(test_wrap_keeps_text),
		cmocka_unit_test(test_wrap_starts),
		cmocka_unit_test(test_sanitize),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		(void)setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
