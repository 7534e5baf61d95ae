#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "width.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * kaohe's text is always UTF-8 whatever the locale, so characters are
 * decoded here (strictly) and only measured with wcwidth. wchar_t holds
 * Unicode code points on every platform we build for (glibc, musl, BSD).
 *
 * Decisions:
 * - an invalid byte is one unit of one column (a terminal shows it as �);
 * - a control character is zero columns (it draws nothing; sanitize it);
 * - combining marks are zero columns (wcwidth says so);
 * - when wcwidth does not know a printable character (an old table, or a
 *   locale that is not UTF-8) a small table of East Asian wide ranges
 *   decides, so CJK stays two columns even under LC_ALL=C.
 */

/* One decoded character: its length in bytes, -1 cp for an invalid byte. */
struct width_char {
	long	 cp;
	size_t	 len;
};

static struct width_char
decode(const unsigned char *p, size_t avail)
{
	struct width_char c = { -1, 1 };
	uint32_t cp;
	size_t n = utf8_decode((const char *)p, avail, &cp);

	if (n > 0) {
		c.cp = (long)cp;
		c.len = n;
	}
	return c;
}

static bool
is_control(long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

static bool
is_wide_fallback(long cp)
{
	static const long wide[][2] = {
		{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
		{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
		{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
		{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
		{ 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
	};
	size_t i;

	for (i = 0; i < sizeof wide / sizeof wide[0]; i++) {
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return true;
	}
	return false;
}

static bool ambiguous_wide;

bool
width_set_ambiguous_wide(bool wide)
{
	bool old = ambiguous_wide;

	ambiguous_wide = wide;
	return old;
}

static int
char_width(long cp)
{
	int w;

	if (cp < 0)
		return 1;
	if (is_control(cp))
		return 0;
	if (ambiguous_wide && cp >= 0xa1 && width_is_ambiguous(cp))
		return 2;
	w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	if (cp >= 0x300 && cp <= 0x36f)
		return 0;	/* combining marks, when wcwidth cannot tell */
	return is_wide_fallback(cp) ? 2 : 1;
}

size_t
width_of_n(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	struct width_char c;
	size_t i = 0, cols = 0;

	while (i < len) {
		c = decode(p + i, len - i);
		cols += (size_t)char_width(c.cp);
		i += c.len;
	}
	return cols;
}

size_t
width_of(const char *s)
{
	return width_of_n(s, strlen(s));
}

char *
width_pad(const char *s, size_t cols)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, used = 0;
	struct width_char c;
	char *out;
	int w;

	/* Take whole characters while they fit (zero-width marks ride along). */
	while (i < len) {
		c = decode(p + i, len - i);
		w = char_width(c.cp);
		if (used + (size_t)w > cols)
			break;
		used += (size_t)w;
		i += c.len;
	}
	out = xmalloc(i + (cols - used) + 1);
	memcpy(out, s, i);
	memset(out + i, ' ', cols - used);
	out[i + cols - used] = '\0';
	return out;
}

/* A growing array of lines. */
struct width_lines {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

static void
lines_push(struct width_lines *l, const char *s, size_t len)
{
	size_t i;
	char *line;

	if (l->n + 2 > l->cap) {
		l->cap = l->cap == 0 ? 8 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	/* Trailing blanks at a soft break are invisible noise. */
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	line = xstrndup(s, len);
	for (i = 0; i < len; i++) {
		if (line[i] == '\t')
			line[i] = ' ';
	}
	l->v[l->n++] = line;
	l->v[l->n] = NULL;
}

/* Closing punctuation should not begin a line (禁則): no break before it. */
static bool
no_break_before(long cp)
{
	static const long closing[] = {
		0xff0c, 0x3002, 0x3001, 0xff1b, 0xff1a, 0xff09, 0x300d, 0x300f,
		0xff01, 0xff1f, 0x3009, 0x300b, 0x3011, 0xff0e,
		')', ']', '}', ',', '.', ';', ':', '!', '?', '%',
	};
	size_t i;

	for (i = 0; i < sizeof closing / sizeof closing[0]; i++) {
		if (cp == closing[i])
			return true;
	}
	return false;
}

/* Opening brackets should not end a line: no break after them. */
static bool
no_break_after(long cp)
{
	static const long opening[] = {
		0x300c, 0x300e, 0xff08, 0x3008, 0x300a, 0x3010, 0x201c, 0x2018,
		'(', '[', '{',
	};
	size_t i;

	for (i = 0; i < sizeof opening / sizeof opening[0]; i++) {
		if (cp == opening[i])
			return true;
	}
	return false;
}

static bool
is_blank(long cp)
{
	return cp == ' ' || cp == '\t';
}

/*
 * Wrap one paragraph (no '\n') greedily. A break may come after a blank,
 * and before or after a wide (CJK) character; when a line has no such
 * place the text is split at the last character that fits. Blanks at
 * a break are dropped.
 */
typedef void (*wrap_emit_fn)(void *arg, const char *s, size_t start,
    size_t end);

static void
wrap_breaks(const char *s, size_t len, size_t cols, wrap_emit_fn emit,
    void *arg)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t start = 0, i = 0, brk = 0, used = 0, emitted = 0;
	bool have_brk = false;
	struct width_char c;
	long prev = -1;
	int w;

	while (i < len) {
		c = decode(p + i, len - i);
		w = char_width(c.cp);
		if (is_blank(c.cp))
			w = 1;
		if (used + (size_t)w > cols && i > start) {
			if (is_blank(c.cp)) {
				/* The blank itself is the break. */
				emit(arg, s, start, i);
			} else if (have_brk) {
				emit(arg, s, start, brk);
				i = brk;
			} else
				emit(arg, s, start, i);
			emitted++;
			while (i < len && (p[i] == ' ' || p[i] == '\t'))
				i++;
			start = i;
			used = 0;
			have_brk = false;
			prev = -1;
			continue;
		}
		/*
		 * Before a wide character, unless it is closing punctuation
		 * or follows an opening bracket (禁則).
		 */
		if (w == 2 && i > start && !no_break_before(c.cp) &&
		    !no_break_after(prev)) {
			brk = i;
			have_brk = true;
		}
		used += (size_t)w;
		i += c.len;
		if (is_blank(c.cp) || (w == 2 && i < len &&
		    !no_break_after(c.cp) &&
		    !no_break_before(decode(p + i, len - i).cp))) {
			brk = i;
			have_brk = true;
		}
		prev = c.cp;
	}
	/* Blanks after the last break are not a line of their own. */
	if (start < len || emitted == 0)
		emit(arg, s, start, len);
}

static void
emit_line(void *arg, const char *s, size_t start, size_t end)
{
	lines_push(arg, s + start, end - start);
}

static void
wrap_paragraph(struct width_lines *l, const char *s, size_t len, size_t cols)
{
	wrap_breaks(s, len, cols, emit_line, l);
}

struct width_starts {
	size_t	*v;
	size_t	 n;
};

static void
emit_start(void *arg, const char *s, size_t start, size_t end)
{
	struct width_starts *w = arg;

	(void)s;
	(void)end;
	w->v = xreallocarray(w->v, w->n + 1, sizeof *w->v);
	w->v[w->n++] = start;
}

size_t
width_wrap_starts(const char *s, size_t len, size_t cols, size_t **starts)
{
	struct width_starts w = { NULL, 0 };

	wrap_breaks(s, len, cols > 0 ? cols : 1, emit_start, &w);
	*starts = w.v;
	return w.n;
}

char **
width_wrap(const char *s, size_t cols, size_t *nlines)
{
	struct width_lines l = { NULL, 0, 0 };
	const char *nl;

	/*
	 * A character wider than cols (a CJK character when cols is 1) still
	 * gets a line of its own: losing text is worse than overhanging.
	 */
	if (cols == 0)
		cols = 1;
	for (;;) {
		nl = strchr(s, '\n');
		if (nl == NULL)
			break;
		wrap_paragraph(&l, s, (size_t)(nl - s), cols);
		s = nl + 1;
	}
	wrap_paragraph(&l, s, strlen(s), cols);
	*nlines = l.n;
	return l.v;
}

void
width_lines_free(char **lines)
{
	size_t i;

	if (lines == NULL)
		return;
	for (i = 0; lines[i] != NULL; i++)
		free(lines[i]);
	free(lines);
}

/*
 * Format characters that change what a terminal shows without being seen:
 * bidi embeddings, overrides and isolates (U+202E turns "txt.exe" into
 * "exe.txt"), the marks, and zero-width spaces and joiners.
 */
static bool
is_invisible(long cp)
{
	return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a &&
	    cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2069) ||
	    cp == 0x061c || cp == 0xfeff || cp == 0x180e;
}

char *
width_sanitize(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, o = 0;
	struct width_char c;
	char *out;

	/* An invalid byte becomes U+FFFD: three bytes at most per byte. */
	out = xmalloc(len * 3 + 1);
	while (i < len) {
		c = decode(p + i, len - i);
		if (c.cp < 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
		} else if ((!is_control(c.cp) || c.cp == '\n' ||
		    c.cp == '\t') && !is_invisible(c.cp)) {
			memcpy(out + o, s + i, c.len);
			o += c.len;
		}
		i += c.len;
	}
	out[o] = '\0';
	return out;
}

bool
width_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	struct width_char c;
	size_t i = 0;

	while (i < len) {
		c = decode(p + i, len - i);
		if (c.cp < 0)
			return false;
		i += c.len;
	}
	return true;
}

/*
 * main() switches LC_CTYPE to C.UTF-8 under the C locale so that text
 * measures right, so nl_langinfo cannot tell what the user's terminal
 * shows: the environment can. The first of LC_ALL, LC_CTYPE and LANG
 * that is set decides; none (the C locale) means ASCII. The one answer
 * for the CLI's charts and every screen of the UI.
 */
bool
width_locale_utf8(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return strcasestr(v, "utf-8") != NULL ||
			    strcasestr(v, "utf8") != NULL;
	}
	return false;
}
