/*
 * Splitting a report by its headings. One pass over the lines with a
 * stack of the open headings' styles: a heading of a style already open
 * closes the deeper ones and becomes their sibling; a new style nests
 * below the innermost open heading. So 一、 › (一) › 1. › (1) › ① nest in
 * whatever order a report uses them, and 壹、 sits above 一、 in the
 * older frameworks.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "evidence-int.h"
#include "i18n.h"
#include "xalloc.h"

#define UNSET	((size_t)-1)

struct splitter {
	const char		*text;
	size_t			 len;
	struct evidence_section	*sections;
	size_t			 n, cap;
	size_t			 open[EVIDENCE_MAX_DEPTH];	/* section indices */
	int			 depth;
	bool			 prev_heading;	/* the previous line was one */
	bool			 prev_open;	/* ... a paragraph line that goes on */
};

static bool
is_blank(const char *s, size_t len)
{
	return evidence_skip_spaces(s, len) == len;
}

/*
 * Does a non-blank line end its sentence? A line that does not (no 。：；
 * ！？ or closing bracket at its end) is continued by the next line, so an
 * ordinal there is text: "共計\n2. 場" is a wrapped sentence.
 */
static bool
ends_sentence(const char *s, size_t len)
{
	static const char *const ends[] = { "。", "：", ":", "；", ";",
	    "！", "!", "？", "?", "」", "』", "）", ")", "*", NULL };
	size_t i;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (len >= 3 && memcmp(s + len - 3, "\xe3\x80\x80", 3) == 0)
		len -= 3;
	for (i = 0; ends[i] != NULL; i++) {
		size_t n = strlen(ends[i]);

		if (len >= n && memcmp(s + len - n, ends[i], n) == 0)
			return true;
	}
	return false;
}

/* The heading's title: the rest of the line, trimmed, bold markers off. */
static char *
heading_title(const char *s, size_t len)
{
	size_t i = evidence_skip_spaces(s, len);

	while (i < len && s[i] == '*')
		i++;
	i += evidence_skip_spaces(s + i, len - i);
	while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '*'))
		len--;
	while (len >= i + 3 && memcmp(s + len - 3, "\xe3\x80\x80", 3) == 0)
		len -= 3;
	return xstrndup(s + i, len - i);
}

static void
close_to(struct splitter *sp, int depth, size_t at)
{
	while (sp->depth > depth) {
		struct evidence_section *s = &sp->sections[sp->open[--sp->depth]];

		s->end = at;
		if (s->body_end == UNSET)
			s->body_end = at;
	}
}

/* The level a heading of this style takes: its open sibling's, else one deeper. */
static int
level_of(const struct splitter *sp, enum evidence_style style)
{
	int d;

	for (d = sp->depth - 1; d >= 0; d--)
		if (sp->sections[sp->open[d]].style == style)
			return d;
	return sp->depth < EVIDENCE_MAX_DEPTH ? sp->depth : -1;
}

static int
add_heading(struct splitter *sp, size_t start, size_t line_end, size_t line,
    size_t skip, size_t ordlen, enum evidence_style style, int ordinal,
    const char *name, char **cause)
{
	struct evidence_section *s;
	int level = level_of(sp, style);

	if (level < 0)
		return 0;	/* deeper than any report nests: text */
	if (sp->n == EVIDENCE_MAX_SECTIONS) {
		*cause = xasprintf(_("%s:%zu: more than %d headings; this does"
		    " not look like a report"), name, line,
		    EVIDENCE_MAX_SECTIONS);
		return -1;
	}
	close_to(sp, level, start);
	if (sp->n == sp->cap) {
		sp->cap = sp->cap == 0 ? 64 : sp->cap * 2;
		sp->sections = xreallocarray(sp->sections, sp->cap,
		    sizeof *sp->sections);
	}
	s = &sp->sections[sp->n];
	memset(s, 0, sizeof *s);
	s->start = start;
	s->body_end = UNSET;
	s->line = line;
	s->depth = level + 1;
	s->parent = level > 0 ? (long)sp->open[level - 1] : -1;
	s->style = style;
	s->ordinal = ordinal;
	s->number = xstrndup(sp->text + start + skip, ordlen - skip);
	s->title = heading_title(sp->text + start + ordlen,
	    line_end - start - ordlen);
	if (s->parent >= 0 && sp->sections[s->parent].body_end == UNSET)
		sp->sections[s->parent].body_end = start;
	sp->open[level] = sp->n++;
	sp->depth = level + 1;
	return 0;
}

static int
split_line(struct splitter *sp, size_t start, size_t end, size_t line,
    const char *name, char **cause)
{
	const char *s = sp->text + start;
	size_t len = end - start, skip, n;
	enum evidence_style style;
	int ordinal;
	bool mid_paragraph = sp->prev_open;

	if (is_blank(s, len)) {
		sp->prev_heading = sp->prev_open = false;
		return 0;
	}
	skip = evidence_skip_markers(s, len);
	n = evidence_ordinal_at(s + skip, len - skip, &style, &ordinal);
	if (n > 0 && (!mid_paragraph || sp->prev_heading)) {
		if (add_heading(sp, start, end, line, skip, skip + n, style,
		    ordinal, name, cause) != 0)
			return -1;
		sp->prev_heading = true;
	} else
		sp->prev_heading = false;
	sp->prev_open = !ends_sentence(s, len);
	return 0;
}

int
evidence_split(const char *text, size_t len, const char *name,
    struct evidence_section **out, size_t *nsections, char **cause)
{
	struct splitter sp;
	size_t start = 0, line = 1, end;
	const char *nl;

	memset(&sp, 0, sizeof sp);
	sp.text = text;
	sp.len = len;
	while (start < len) {
		nl = memchr(text + start, '\n', len - start);
		end = nl != NULL ? (size_t)(nl - text) : len;
		if (split_line(&sp, start, end, line, name, cause) != 0) {
			sp.depth = 0;
			evidence_sections_free(sp.sections, sp.n);
			return -1;
		}
		start = end + 1;
		line++;
	}
	close_to(&sp, 0, len);
	*out = sp.sections;
	*nsections = sp.n;
	return 0;
}

void
evidence_sections_free(struct evidence_section *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(s[i].number);
		free(s[i].title);
	}
	free(s);
}
