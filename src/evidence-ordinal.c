/*
 * The ordinals that start a heading: 壹、 一、 (一) 1. 1、 (1) ① and their
 * full-width forms. Also read the numbers of rubric nodes, so that a
 * report's "（一）" and the rubric's "(一)" compare equal.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "evidence-int.h"

/* Spaces, tabs and the ideographic space U+3000. */
static size_t
space_at(const char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (len >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

size_t
evidence_skip_spaces(const char *s, size_t len)
{
	size_t i = 0, n;

	while ((n = space_at(s + i, len - i)) > 0)
		i += n;
	return i;
}

/* Markdown's list bullets, headings, quotes and bold before an ordinal. */
size_t
evidence_skip_markers(const char *s, size_t len)
{
	size_t i = evidence_skip_spaces(s, len), again;

	do {
		again = i;
		if (i < len && strchr("-*+>", s[i]) != NULL && i + 1 < len &&
		    (s[i + 1] == ' ' || s[i + 1] == '\t'))
			i += 1;
		else if (i + 1 < len && s[i] == '*' && s[i + 1] == '*')
			i += 2;
		else if (i < len && s[i] == '#') {
			while (i < len && s[i] == '#')
				i++;
		}
		i += evidence_skip_spaces(s + i, len - i);
	} while (i != again && i < len);
	return i;
}

static int
han_digit(uint32_t cp)
{
	static const uint32_t digits[] = { 0x4e00, 0x4e8c, 0x4e09, 0x56db,
	    0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d };	/* 一 … 九 */
	int i;

	for (i = 0; i < 9; i++)
		if (digits[i] == cp)
			return i + 1;
	return cp == 0x5341 ? 10 : 0;	/* 十 */
}

/* 壹貳參肆伍陸柒捌玖拾 (and 叁 as some reports print 參). */
static int
han_upper_digit(uint32_t cp)
{
	static const uint32_t digits[] = { 0x58f9, 0x8cb3, 0x53c3, 0x8086,
	    0x4f0d, 0x9678, 0x67d2, 0x634c, 0x7396, 0x62fe };
	int i;

	for (i = 0; i < 10; i++)
		if (digits[i] == cp)
			return i + 1;
	return cp == 0x53c1 ? 3 : 0;
}

/* 一 … 九十九 at s; returns bytes taken, 0 when none. */
static size_t
han_number(const char *s, size_t len, int *value)
{
	int d[3], n = 0, v;
	size_t i = 0, k;
	uint32_t cp;

	while (n < 3 && i < len && (k = utf8_decode(s + i, len - i,
	    &cp)) > 0 && han_digit(cp) > 0) {
		d[n++] = han_digit(cp);
		i += k;
	}
	if (n == 0)
		return 0;
	if (n == 1)
		v = d[0];
	else if (n == 2 && d[0] == 10 && d[1] < 10)
		v = 10 + d[1];				/* 十一 */
	else if (n == 2 && d[0] < 10 && d[1] == 10)
		v = d[0] * 10;				/* 二十 */
	else if (n == 3 && d[0] < 10 && d[1] == 10 && d[2] < 10)
		v = d[0] * 10 + d[2];			/* 二十一 */
	else
		return 0;
	*value = v;
	return i;
}

/* 1 to 99 in ASCII or full-width digits; returns bytes taken. */
static size_t
arabic_number(const char *s, size_t len, int *value)
{
	size_t i = 0, k;
	int n = 0, v = 0;
	uint32_t cp;

	while (i < len && (k = utf8_decode(s + i, len - i, &cp)) > 0) {
		if (cp >= '0' && cp <= '9')
			v = v * 10 + (int)(cp - '0');
		else if (cp >= 0xff10 && cp <= 0xff19)
			v = v * 10 + (int)(cp - 0xff10);
		else
			break;
		i += k;
		if (++n > 2)
			return 0;
	}
	if (n == 0 || v == 0)
		return 0;
	*value = v;
	return i;
}

static bool
is_open_paren(uint32_t cp)
{
	return cp == '(' || cp == 0xff08;
}

static bool
is_close_paren(uint32_t cp)
{
	return cp == ')' || cp == 0xff09;
}

static bool
is_arabic_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xff10 && cp <= 0xff19);
}

/* (一) （一） (1) （１）: returns bytes taken. */
static size_t
paren_ordinal(const char *s, size_t len, enum evidence_style *style,
    int *ordinal)
{
	size_t i, k;
	uint32_t cp;

	k = utf8_decode(s, len, &cp);
	if (k == 0 || !is_open_paren(cp))
		return 0;
	i = k + evidence_skip_spaces(s + k, len - k);
	if ((k = han_number(s + i, len - i, ordinal)) > 0)
		*style = EVIDENCE_HAN_PAREN;
	else if ((k = arabic_number(s + i, len - i, ordinal)) > 0)
		*style = EVIDENCE_NUM_PAREN;
	else
		return 0;
	i += k;
	i += evidence_skip_spaces(s + i, len - i);
	if (i >= len || (k = utf8_decode(s + i, len - i, &cp)) == 0 ||
	    !is_close_paren(cp))
		return 0;
	return i + k;
}

/* 一、 壹、 1. 1、 １． and a digit after the dot is a decimal, not a heading. */
static size_t
bare_ordinal(const char *s, size_t len, enum evidence_style *style,
    int *ordinal)
{
	size_t i, k, n;
	uint32_t cp, next;
	int v;

	k = utf8_decode(s, len, &cp);
	if (k == 0)
		return 0;
	if ((v = han_upper_digit(cp)) > 0) {
		*style = EVIDENCE_HAN_UPPER;
		i = k;
	} else if ((i = han_number(s, len, &v)) > 0)
		*style = EVIDENCE_HAN;
	else if ((i = arabic_number(s, len, &v)) > 0)
		*style = EVIDENCE_NUM_DOT;
	else
		return 0;
	if (i >= len || (k = utf8_decode(s + i, len - i, &cp)) == 0)
		return 0;
	if (cp == 0x3001)				/* 、 */
		*style = *style == EVIDENCE_NUM_DOT ? EVIDENCE_NUM_COMMA :
		    *style;
	else if (cp == '.' || cp == 0xff0e) {		/* . ． */
		if (*style == EVIDENCE_HAN_UPPER)
			return 0;
		n = i + k;
		if (n < len && utf8_decode(s + n, len - n, &next) > 0 &&
		    is_arabic_digit(next))
			return 0;
	} else
		return 0;
	*ordinal = v;
	return i + k;
}

/* ① … ⑳, ⑴ … ⒇ and ㈠ … ㈩ as single characters. */
static size_t
symbol_ordinal(const char *s, size_t len, enum evidence_style *style,
    int *ordinal)
{
	uint32_t cp;
	size_t k = utf8_decode(s, len, &cp);

	if (k == 0)
		return 0;
	if (cp >= 0x2460 && cp <= 0x2473) {
		*style = EVIDENCE_CIRCLED;
		*ordinal = (int)(cp - 0x2460) + 1;
	} else if (cp >= 0x2474 && cp <= 0x2487) {
		*style = EVIDENCE_NUM_PAREN;
		*ordinal = (int)(cp - 0x2474) + 1;
	} else if (cp >= 0x3220 && cp <= 0x3229) {
		*style = EVIDENCE_HAN_PAREN;
		*ordinal = (int)(cp - 0x3220) + 1;
	} else
		return 0;
	return k;
}

size_t
evidence_ordinal_at(const char *s, size_t len, enum evidence_style *style,
    int *ordinal)
{
	size_t n;

	if (len == 0)
		return 0;
	if ((n = paren_ordinal(s, len, style, ordinal)) > 0 ||
	    (n = bare_ordinal(s, len, style, ordinal)) > 0 ||
	    (n = symbol_ordinal(s, len, style, ordinal)) > 0)
		return n;
	return 0;
}

size_t
evidence_ordinal(const char *s, size_t len, enum evidence_style *style,
    int *ordinal)
{
	size_t skip = evidence_skip_markers(s, len), n;

	n = evidence_ordinal_at(s + skip, len - skip, style, ordinal);
	return n == 0 ? 0 : skip + n;
}
