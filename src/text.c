/*
 * The one text rule. Header fields are printed on every screen, in every
 * export and on the signed form, so they are one visible line; notes are
 * free text but must not carry anything that drives a terminal or turns
 * the text around when it is read.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

/* The code point at s (strict UTF-8), its length in *len; -1 if invalid. */
static long
decode(const unsigned char *s, size_t *len)
{
	uint32_t cp;

	/* s is NUL-terminated, so 4 bytes of room are never overread. */
	*len = utf8_decode((const char *)s, 4, &cp);
	if (*len == 0) {
		*len = 1;
		return -1;
	}
	return (long)cp;
}

static bool
is_control(long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/* LRE RLE PDF LRO RLO, LRI RLI FSI PDI: they reorder the text shown. */
static bool
is_bidi_control(long cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 &&
	    cp <= 0x2069);
}

/* Characters that draw nothing a reader could see. */
static bool
is_invisible(long cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0xa0 || cp == 0xad || cp == 0x115f || cp == 0x1160 ||
	    cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200f) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202f ||
	    (cp >= 0x205f && cp <= 0x2064) || cp == 0x3000 ||
	    cp == 0x3164 || cp == 0xfeff || cp == 0xffa0 ||
	    (cp >= 0xfe00 && cp <= 0xfe0f);
}

bool
text_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;
	long cp;

	while (*p != '\0') {
		cp = decode(p, &len);
		if (cp < 0 || !is_invisible(cp))
			return false;
		p += len;
	}
	return true;
}

int
text_check(const char *s, enum text_kind kind, const char *what,
    char **cause)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;
	long cp;

	if (kind == TEXT_LINE && text_blank(s)) {
		*cause = xasprintf(_("%s is empty"), what);
		return -1;
	}
	for (; *p != '\0'; p += len) {
		cp = decode(p, &len);
		if (cp < 0) {
			*cause = xasprintf(_("%s is not valid UTF-8"), what);
			return -1;
		}
		if (kind == TEXT_NOTE && (cp == '\n' || cp == '\t'))
			continue;
		if (cp == '\n' || cp == '\r') {
			*cause = xasprintf(_("%s must be one line"), what);
			return -1;
		}
		if (is_control(cp)) {
			*cause = xasprintf(_("%s holds a control character"
			    " (U+%04lX)"), what, (unsigned long)cp);
			return -1;
		}
		if (is_bidi_control(cp)) {
			*cause = xasprintf(_("%s holds a bidirectional control"
			    " character (U+%04lX)"), what, (unsigned long)cp);
			return -1;
		}
	}
	if (kind == TEXT_NOTE && *s != '\0' && text_blank(s)) {
		*cause = xasprintf(_("%s holds only blank characters"), what);
		return -1;
	}
	return 0;
}

char *
text_normalize_note(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s != '\r')
			*o++ = *s;
		else if (s[1] != '\n')
			*o++ = '\n';	/* a lone CR (old Mac paste) */
	}
	*o = '\0';
	if (text_blank(out))
		*out = '\0';
	return out;
}
