/*
 * The one strict UTF-8 decoder: every module that reads text (the rubric
 * loader, the JSON reader, the text rule, display widths, evidence) asks
 * it, so that all of them agree on what is valid.
 */
#ifndef KAOHE_UTF8_H
#define KAOHE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode the character at s, reading at most avail bytes. Returns its
 * length (1 to 4) and sets *cp, or returns 0 for a sequence that is not
 * UTF-8: a stray or missing continuation byte, an overlong form, a
 * UTF-16 surrogate or a code point beyond U+10FFFF. A NUL-terminated
 * string may pass an avail of 4: a NUL is never a continuation byte.
 */
size_t	utf8_decode(const char *s, size_t avail, uint32_t *cp);

#endif
