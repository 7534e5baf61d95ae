/*
 * What a document must be before it is split: valid UTF-8 without NUL
 * bytes and of a report's size. Line ends are made one '\n'.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "evidence-int.h"
#include "i18n.h"
#include "xalloc.h"

/* FILE:LINE:COL of byte offset at, counting characters. Caller frees. */
static char *
position(const char *text, size_t at, const char *name)
{
	size_t line = 1, col = 1, i = 0;

	while (i < at) {
		if (text[i] == '\n') {
			line++;
			col = 1;
			i++;
			continue;
		}
		i++;
		while (i < at && ((unsigned char)text[i] & 0xc0) == 0x80)
			i++;
		col++;
	}
	return xasprintf("%s:%zu:%zu", name, line, col);
}

static int
refuse_at(const char *text, size_t at, const char *name, const char *what,
    char **cause)
{
	char *pos = position(text, at, name);

	*cause = xasprintf("%s: %s", pos, what);
	free(pos);
	return -1;
}

int
evidence_check_text(const char *text, size_t len, const char *name,
    char **cause)
{
	size_t i = 0, n;
	uint32_t cp;

	if (len > EVIDENCE_MAX_BYTES) {
		*cause = xasprintf(_("%s: too large for a report (%zu MB; at"
		    " most %u MB)"), name, len >> 20, EVIDENCE_MAX_BYTES >> 20);
		return -1;
	}
	while (i < len) {
		if (text[i] == '\0')
			return refuse_at(text, i, name, _("a NUL byte: this is"
			    " a binary file, not text (kaohe reads UTF-8 text,"
			    " Markdown or PDF)"), cause);
		n = utf8_decode(text + i, len - i, &cp);
		if (n == 0)
			return refuse_at(text, i, name, _("not valid UTF-8"
			    " (kaohe reads UTF-8 text, Markdown or PDF)"),
			    cause);
		i += n;
	}
	return 0;
}

/*
 * Line ends as one '\n': CRLF and CR from other systems, and the form
 * feed that pdftotext puts between pages. A byte order mark is dropped.
 */
char *
evidence_normalize(const char *text, size_t len, size_t *outlen)
{
	char *out = xmalloc(len + 1);
	size_t i = 0, o = 0;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i < len; i++) {
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			continue;
		out[o++] = text[i] == '\r' || text[i] == '\f' ? '\n' : text[i];
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

