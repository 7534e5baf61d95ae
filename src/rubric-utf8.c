/*
 * Invalid UTF-8 is found here, before libyaml sees the text: libyaml's own
 * message points at its buffer, not at the byte, and we promise FILE:LINE:COL.
 * Positions count characters and line breaks the way libyaml's marks do, so
 * that both kinds of message agree.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rubric-int.h"
#include "utf8.h"

/* Length of the valid UTF-8 sequence at s, or 0 when it is not one. */
static size_t
sequence_length(const unsigned char *s, size_t avail)
{
	uint32_t cp;

	return utf8_decode((const char *)s, avail, &cp);
}

bool
rubric_utf8_check(const char *text, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, n;

	while (i < len) {
		n = sequence_length(s + i, len - i);
		if (n == 0) {
			*bad = i;
			return false;
		}
		i += n;
	}
	return true;
}

/* The length of a line break at s (libyaml's set), else 0. */
static size_t
line_break(const unsigned char *s, size_t avail)
{
	if (s[0] == '\r')
		return avail > 1 && s[1] == '\n' ? 2 : 1;
	if (s[0] == '\n')
		return 1;
	if (avail >= 2 && s[0] == 0xc2 && s[1] == 0x85)
		return 2;
	if (avail >= 3 && s[0] == 0xe2 && s[1] == 0x80 &&
	    (s[2] == 0xa8 || s[2] == 0xa9))
		return 3;
	return 0;
}

struct rubric_pos
rubric_pos_of(const char *text, size_t offset)
{
	const unsigned char *s = (const unsigned char *)text;
	struct rubric_pos pos = { 1, 1 };
	size_t i = 0, n;

	/* libyaml skips a byte order mark without counting it. */
	if (offset >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		i = 3;
	while (i < offset) {
		n = line_break(s + i, offset - i);
		if (n != 0) {
			pos.line++;
			pos.col = 1;
			i += n;
			continue;
		}
		/* One column a character: skip its continuation bytes. */
		i++;
		while (i < offset && (s[i] & 0xc0) == 0x80)
			i++;
		pos.col++;
	}
	return pos;
}
