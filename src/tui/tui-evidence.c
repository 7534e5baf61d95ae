/*
 * The evidence pane: the item's passage from the agency's report (its
 * own section, else its nearest matched section's, and it says which),
 * beside the item at 120 columns or more, full screen on v at any width.
 * Full screen it is a list (tui-list.h): it scrolls, / finds with n and
 * N, and y quotes the paragraph under the cursor into the item's record
 * with a short reference to the document and heading, saved as any note.
 * Every line is stripped of control characters before it is drawn.
 *
 * Both views keep one place in the item's passage (the first line shown),
 * held as a place in the text, not as a line number: the pane and the
 * full screen wrap at different widths, and a resize wraps again. It is
 * reset when the walk goes to another item or m gives it another passage.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "store-evidence.h"
#include "i18n.h"
#include "text.h"
#include "tui/tui-evidence.h"
#include "tui/tui-list.h"
#include "width.h"
#include "xalloc.h"

#define NO_PARAGRAPH	((size_t)-1)

/*
 * A place in the passage: paragraph para, and off 0 for the blank line
 * before it, else 1 + the byte offset in it where a wrapped line starts.
 * Places compare in reading order, whatever the width.
 */
struct ev_at {
	size_t	para;
	size_t	off;
};

struct tui_evpane {
	struct scorecard	*sc;		/* the walk's, borrowed */
	size_t			 item;
	int			 cols;		/* wrapped for this width */
	bool			 built;
	struct evidence_passage	 p;
	bool			 found;		/* p is valid */
	char			*where;		/* "title › heading" */
	char			*which;		/* whose section it is */
	char			**lines;	/* wrapped, sanitized */
	size_t			*para_of;	/* per line; NO_PARAGRAPH on a gap */
	struct ev_at		*at;		/* per line: where it starts */
	size_t			 nlines;
	char			**paras;	/* paragraphs, sanitized */
	size_t			 nparas;
	size_t			 top;		/* first line shown beside the item */
	size_t			 mark_item;	/* the item mark and sel_mark are of */
	struct ev_at		 mark;		/* the first line shown, both views */
	struct ev_at		 sel_mark;	/* the full screen's selected line */
	bool			 to_mark;	/* the full screen goes to the marks */
};

struct tui_evpane *
tui_evpane_new(void)
{
	return xcalloc(1, sizeof(struct tui_evpane));
}

static void
pane_clear(struct tui_evpane *e)
{
	size_t i;

	for (i = 0; i < e->nlines; i++)
		free(e->lines[i]);
	for (i = 0; i < e->nparas; i++)
		free(e->paras[i]);
	free(e->lines);
	free(e->para_of);
	free(e->at);
	free(e->paras);
	free(e->where);
	free(e->which);
	e->lines = e->paras = NULL;
	e->para_of = NULL;
	e->at = NULL;
	e->where = e->which = NULL;
	e->nlines = e->nparas = 0;
	e->found = e->built = false;
}

void
tui_evpane_free(struct tui_evpane *e)
{
	if (e == NULL)
		return;
	pane_clear(e);
	free(e);
}

static void
add_line(struct tui_evpane *e, const char *s, size_t para, struct ev_at at)
{
	e->lines = xreallocarray(e->lines, e->nlines + 1, sizeof *e->lines);
	e->para_of = xreallocarray(e->para_of, e->nlines + 1,
	    sizeof *e->para_of);
	e->at = xreallocarray(e->at, e->nlines + 1, sizeof *e->at);
	e->lines[e->nlines] = xstrdup(s);
	e->at[e->nlines] = at;
	e->para_of[e->nlines++] = para;
}

/*
 * Where each of the n lines width_wrap made of s at cols starts in s, as
 * 1 + a byte offset: width_wrap_starts breaks the same way, one piece
 * between newlines at a time. Caller frees.
 */
static size_t *
line_offsets(const char *s, size_t cols, size_t n)
{
	size_t *off = xcalloc(n > 0 ? n : 1, sizeof *off), *starts, k, j;
	size_t piece = 0, len, i = 0;
	const char *nl;

	for (;;) {
		nl = strchr(s + piece, '\n');
		len = nl != NULL ? (size_t)(nl - s) - piece : strlen(s + piece);
		k = width_wrap_starts(s + piece, len, cols, &starts);
		for (j = 0; j < k && i < n; j++)
			off[i++] = 1 + piece + starts[j];
		free(starts);
		if (nl == NULL)
			break;
		piece += len + 1;
	}
	return off;
}

/* A paragraph: lines up to a blank one, joined; tabs made spaces. */
static void
add_paragraph(struct tui_evpane *e, const char *start, size_t len)
{
	char *raw = xstrndup(start, len), *clean, *p, **wrapped;
	size_t n, i, *off, cols = (size_t)(e->cols > 4 ? e->cols : 4);

	for (p = raw; *p != '\0'; p++)
		if (*p == '\t')
			*p = ' ';
	clean = width_sanitize(raw);
	free(raw);
	if (text_blank(clean)) {
		free(clean);
		return;
	}
	if (e->nlines > 0)
		add_line(e, "", NO_PARAGRAPH, (struct ev_at){ e->nparas, 0 });
	e->paras = xreallocarray(e->paras, e->nparas + 1, sizeof *e->paras);
	e->paras[e->nparas] = clean;
	wrapped = width_wrap(clean, cols, &n);
	off = line_offsets(clean, cols, n);
	for (i = 0; i < n; i++)
		add_line(e, wrapped[i], e->nparas,
		    (struct ev_at){ e->nparas, off[i] });
	free(off);
	width_lines_free(wrapped);
	e->nparas++;
}

/* Only spaces, tabs and U+3000: a line between paragraphs. */
static bool
blank_line(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if (len - i >= 3 && memcmp(s + i, "\xe3\x80\x80", 3) == 0)
			i += 3;
		else
			return false;
	}
	return true;
}

static void
split_paragraphs(struct tui_evpane *e, const char *text, size_t len)
{
	size_t i = 0, start = 0;

	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - text) : len;

		enum evidence_style style;
		int ordinal;

		if (blank_line(text + i, end - i)) {
			if (i > start)
				add_paragraph(e, text + start, i - start - 1);
			start = end + 1;
		} else if (i > start && evidence_ordinal(text + i, end - i,
		    &style, &ordinal) > 0) {
			/* "- (1)…" and "- (2)…" on consecutive lines: two. */
			add_paragraph(e, text + start, i - start - 1);
			start = i;
		}
		i = end + 1;
	}
	if (start < len)
		add_paragraph(e, text + start, len - start);
}

static void
pane_build(struct tui_evpane *e)
{
	const struct rubric_node *item = e->sc->rubric->items[e->item];
	char *h, *t;

	pane_clear(e);
	e->built = true;
	if (e->sc->evidence == NULL ||
	    evidence_set_find(e->sc->evidence, item, &e->p) != 0) {
		e->which = xstrdup(e->sc->evidence == NULL ?
		    _("No documents: kaohe evidence add ID FILE adds the"
		    " agency's report") : _("No passage for this item"));
		return;
	}
	e->found = true;
	h = evidence_heading(e->p.doc, e->p.section);
	t = xasprintf("%s › %s", e->p.doc->title, h);
	e->where = width_sanitize(t);
	free(t);
	free(h);
	e->which = e->p.own ? xstrdup(_("its own section")) :
	    xasprintf(_("no section of its own: that of %s"), e->p.node->key);
	split_paragraphs(e, e->p.doc->text + e->p.section->start,
	    e->p.section->end - e->p.section->start);
}

static bool
at_after(struct ev_at a, struct ev_at b)
{
	return a.para > b.para || (a.para == b.para && a.off > b.off);
}

/* The line at place p: the last one that starts at p or before it. */
static size_t
line_at(const struct tui_evpane *e, struct ev_at p)
{
	size_t i;

	for (i = 0; i + 1 < e->nlines; i++)
		if (at_after(e->at[i + 1], p))
			break;
	return i;
}

static struct ev_at
at_of(const struct tui_evpane *e, size_t line)
{
	return line < e->nlines ? e->at[line] : (struct ev_at){ 0, 0 };
}

/* Back to the top of the passage. */
static void
pane_unmark(struct tui_evpane *e)
{
	e->mark = e->sel_mark = (struct ev_at){ 0, 0 };
}

void
tui_evpane_follow(struct tui_evpane *e, size_t item)
{
	if (e->mark_item != item)
		pane_unmark(e);
	e->mark_item = item;
}

/* tui_evpane_set; true when the lines were wrapped anew. */
static bool
pane_update(struct tui_evpane *e, struct scorecard *sc, size_t item,
    int cols)
{
	bool build = !e->built || e->sc != sc || e->item != item ||
	    e->cols != cols;

	tui_evpane_follow(e, item);
	if (build) {
		e->sc = sc;
		e->item = item;
		e->cols = cols;
		pane_build(e);
	}
	e->top = line_at(e, e->mark);
	return build;
}

void
tui_evpane_set(struct tui_evpane *e, struct scorecard *sc, size_t item,
    int cols)
{
	(void)pane_update(e, sc, item, cols);
}

void
tui_evpane_forget(struct tui_evpane *e)
{
	e->built = false;
	e->sc = NULL;
}

int
tui_evpane_beside(int cols)
{
	int pane;

	if (cols < 120)
		return 0;
	pane = cols - 80;
	if (pane < 40)
		pane = 40;
	if (pane > cols / 2)
		pane = cols / 2;
	return pane;
}

/* The pane's two heading lines: where the passage is from, and whose. */
static void
draw_heading(struct tui *tui, const struct tui_evpane *e, int y, int x,
    int cols)
{
	attr_t t = tui_attr(tui, TUI_ROLE_TITLE);

	tui_fill(y, x, cols, t);
	tui_put_cut(y, x, cols, e->where != NULL ? e->where : _("Evidence"),
	    t);
	tui_put_cut(y + 1, x, cols, e->which, A_DIM);
}

void
tui_evpane_draw(struct tui *tui, struct tui_evpane *e, int y, int x,
    int lines, int cols)
{
	int row;

	for (row = 0; row < lines; row++)
		mvaddch(y + row, x, ACS_VLINE);
	x += 2;
	cols -= 2;
	draw_heading(tui, e, y, x, cols);
	for (row = 2; row < lines && e->top + (size_t)(row - 2) < e->nlines;
	    row++)
		tui_put(y + row, x, cols, e->lines[e->top + (size_t)row - 2],
		    A_NORMAL);
}

/* The full-screen view: a list of the pane's lines. */

/*
 * Opened, or wrapped anew (a resize, a corrected match): the same place
 * on top. The selection stays where it was if it is still on the page,
 * else it comes onto it: the place is what the reader finds again.
 */
static size_t
view_count(struct tui *tui, struct tui_list *l)
{
	struct tui_evpane *e = l->data;
	size_t rows = l->lines > 0 ? (size_t)l->lines : 1;

	(void)tui;
	if (pane_update(e, e->sc, e->item, COLS - 2) || e->to_mark) {
		e->to_mark = false;
		l->top = e->top;
		l->sel = line_at(e, e->sel_mark);
		if (l->sel < l->top)
			l->sel = l->top;
		if (l->sel >= l->top + rows)
			l->sel = l->top + rows - 1;
	}
	return e->nlines;
}

static void
view_draw_row(struct tui *tui, struct tui_list *l, size_t k, int y, attr_t a)
{
	struct tui_evpane *e = l->data;
	size_t sel_para = l->sel < e->nlines ? e->para_of[l->sel] :
	    NO_PARAGRAPH;

	(void)tui;
	/* The paragraph y would quote stands out, not just its line. */
	if (a == A_NORMAL && sel_para != NO_PARAGRAPH &&
	    e->para_of[k] == sel_para)
		a = A_BOLD;
	tui_put(y, 1, COLS - 2, e->lines[k], a);
}

static void
view_draw_frame(struct tui *tui, struct tui_list *l)
{
	struct tui_evpane *e = l->data;
	const struct rubric_node *item = e->sc->rubric->items[e->item];
	char *title = xasprintf(_("Evidence · %s %s"), item->key, item->title);

	/* The list has settled: where it is now is the place both keep. */
	e->mark = at_of(e, l->top);
	e->sel_mark = at_of(e, l->sel);
	tui_draw_title(tui, title);
	free(title);
	tui_fill(1, 0, COLS, A_NORMAL);
	tui_put_cut(1, 1, COLS - 2, e->where != NULL ? e->where : e->which,
	    A_BOLD);
	if (e->where != NULL)
		tui_put_cut(2, 1, COLS - 2, e->which, A_DIM);
}

static char *
view_row_text(struct tui *tui, struct tui_list *l, size_t k)
{
	(void)tui;
	return xstrdup(((struct tui_evpane *)l->data)->lines[k]);
}

/* "〈114 年度…報告〉2. 服務及時性": where a quote came from. Caller frees. */
static char *
quote_reference(const struct tui_evpane *e)
{
	char *h = evidence_heading(e->p.doc, e->p.section), *ref, *clean;

	ref = xasprintf(_(" (from 〈%s〉 %s)"), e->p.doc->title, h);
	clean = width_sanitize(ref);
	free(ref);
	free(h);
	return clean;
}

static void
view_quote(struct tui *tui, struct tui_list *l)
{
	struct tui_evpane *e = l->data;
	struct scorecard_entry *en = &e->sc->entries[e->item];
	char *ref, *text, *cause = NULL;
	size_t para;

	if (e->sc->status == SCORECARD_FINAL) {
		tui_message(tui, true, _("finalized: read-only"));
		return;
	}
	if (l->sel >= e->nlines || (para = e->para_of[l->sel]) == NO_PARAGRAPH) {
		tui_message(tui, false, _("move to a paragraph to quote it"));
		return;
	}
	ref = quote_reference(e);
	text = xasprintf("%s%s%s%s", en->record, *en->record != '\0' ? "\n" :
	    "", e->paras[para], ref);
	free(ref);
	if (text_check(text, TEXT_NOTE, _("the record"), &cause) != 0 ||
	    store_set_note(tui->st, e->sc, e->item, SCORECARD_RECORD, text,
	    &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
	} else {
		tui->saved = true;
		tui_message(tui, false, _("quoted into the record of %s: saved"),
		    e->sc->rubric->items[e->item]->key);
	}
	free(text);
}

/* Every section of every document, "1:12 (1)為方便…", then "none". */
static char **
section_choices(const struct evidence_set *set, size_t *n)
{
	char **c = NULL, *h, *line;
	size_t i, k;

	*n = 0;
	for (i = 0; i < set->ndocs; i++)
		for (k = 0; k < set->docs[i].nsections; k++) {
			h = evidence_heading(&set->docs[i],
			    &set->docs[i].sections[k]);
			line = xasprintf("%d:%zu %s", set->docs[i].position,
			    k + 1, h);
			c = xreallocarray(c, *n + 1, sizeof *c);
			c[(*n)++] = width_sanitize(line);
			free(line);
			free(h);
		}
	c = xreallocarray(c, *n + 1, sizeof *c);
	c[(*n)++] = xstrdup(_("none: no section of any document"));
	return c;
}

/* The pick's document and section (1-based); 0, 0 for "none". */
static void
section_of_pick(const struct evidence_set *set, size_t pick, int *doc,
    int *section)
{
	size_t i;

	*doc = *section = 0;
	for (i = 0; i < set->ndocs; i++) {
		if (pick < set->docs[i].nsections) {
			*doc = set->docs[i].position;
			*section = (int)pick + 1;
			return;
		}
		pick -= set->docs[i].nsections;
	}
}

/* The card's documents again, after a correction changed them. */
static int
reload_evidence(struct tui *tui, struct scorecard *sc, char **cause)
{
	struct evidence_set *set = xcalloc(1, sizeof *set);

	if (store_evidence_load(tui->st, sc->id, sc->rubric, set, cause) != 0) {
		free(set);
		return -1;
	}
	evidence_set_free(sc->evidence);
	free(sc->evidence);
	sc->evidence = set;
	return 0;
}

/* m: which section is this item's passage (stored as a correction). */
static void
view_correct(struct tui *tui, struct tui_list *l)
{
	struct tui_evpane *e = l->data;
	const char *key = e->sc->rubric->items[e->item]->key;
	char **choices, *title, *cause = NULL;
	size_t n, i;
	int pick, doc, section;

	if (e->sc->status == SCORECARD_FINAL) {
		tui_message(tui, true, _("finalized: read-only"));
		return;
	}
	if (e->sc->evidence == NULL) {
		tui_message(tui, false, _("no documents to match"));
		return;
	}
	choices = section_choices(e->sc->evidence, &n);
	title = xasprintf(_("The passage of %s is:"), key);
	pick = tui_menu(tui, title, choices, n, 0);
	free(title);
	for (i = 0; i < n; i++)
		free(choices[i]);
	free(choices);
	if (pick < 0)
		return;
	section_of_pick(e->sc->evidence, (size_t)pick, &doc, &section);
	if (store_evidence_correct(tui->st, e->sc->id, key, doc, section,
	    &cause) != 0 || reload_evidence(tui, e->sc, &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		return;
	}
	e->built = false;	/* its passage may be another section now */
	pane_unmark(e);
	tui_message(tui, false, _("the match of %s is corrected: saved"), key);
}

static enum tui_req
view_request(struct tui *tui, struct tui_list *l, enum tui_req req, int key)
{
	(void)key;
	switch (req) {
	case REQ_QUOTE:
		view_quote(tui, l);
		return REQ_NONE;
	case REQ_MATCH:
		view_correct(tui, l);
		return REQ_NONE;
	case REQ_EVIDENCE:
		return REQ_BACK;
	default:
		return req;
	}
}

/* The pane is the walk's: it stays, and shows the place kept by the frame. */
static void
view_close(struct tui *tui, struct tui_list *l)
{
	(void)tui;
	(void)l;
}

/*
 * y and m write the card: not a final one's, and not without documents;
 * y quotes a passage, so not where the item has none (m gives it one).
 */
static const enum tui_req *
view_hidden(struct tui *tui, struct tui_list *l)
{
	static const enum tui_req both[] = { REQ_QUOTE, REQ_MATCH, REQ_NONE };
	static const enum tui_req quote[] = { REQ_QUOTE, REQ_NONE };
	const struct tui_evpane *e = l->data;

	(void)tui;
	if (e->sc->status == SCORECARD_FINAL || e->sc->evidence == NULL)
		return both;
	return e->found ? NULL : quote;
}

static const struct tui_list_ops evidence_view_ops = {
	.name = "evidence", .scope = TUI_SCOPE_EVIDENCE, .head = 3, .foot = 1,
	.count = view_count, .draw_row = view_draw_row,
	.draw_frame = view_draw_frame, .request = view_request,
	.row_text = view_row_text, .hidden = view_hidden, .close = view_close,
};

void
tui_evpane_open(struct tui *tui, struct tui_evpane *e, struct scorecard *sc,
    size_t item)
{
	tui_evpane_set(e, sc, item, COLS - 2);
	/* Where the pane (or this view, last time) was: see view_count. */
	e->to_mark = true;
	(void)tui_list_open(tui, &evidence_view_ops, e);
}
