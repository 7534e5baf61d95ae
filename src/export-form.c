/*
 * Building the printed form (export-form.h) from a scorecard: one walk
 * over the items in form order, opening a span when the top section or
 * the third-level node changes, and a row for every item and every split
 * item. Each ＊ printed is remembered, once per node, for the legend.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export-form.h"
#include "export-util.h"
#include "xalloc.h"

const char *const form_col_title[FORM_NCOLS] = {
	"評核構面", "考核項目", "評分", "考核內容（依實際情形勾選選項）",
	"細項配分", "紀錄事項", "評分說明",
};

/* What the walk carries: the form, and the nodes whose ＊ were printed. */
struct form_build {
	const struct scorecard	 *sc;
	struct form		 *f;
	const struct rubric_node **marked;
	size_t			  nmarked;
	size_t			  cap;
	size_t			  rowcap;
	size_t			  spancap;
};

static struct form_para *
cell_add(struct form_cell *c, char *text)
{
	struct form_para *p;

	if (c->n == c->cap) {
		c->cap = c->cap == 0 ? 4 : c->cap * 2;
		c->p = xreallocarray(c->p, c->cap, sizeof *c->p);
	}
	p = &c->p[c->n++];
	memset(p, 0, sizeof *p);
	p->text = text;
	p->beside = -1;
	return p;
}

static void
cell_free(struct form_cell *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->p[i].text);
	free(c->p);
	memset(c, 0, sizeof *c);
}

static bool
inferred(const struct rubric_node *n, unsigned bits)
{
	return (n->inferred & bits) != 0;
}

/* n's ＊ was printed: its legend entry is due, once. */
static void
mark(struct form_build *b, const struct rubric_node *n)
{
	size_t i;

	for (i = 0; i < b->nmarked; i++) {
		if (b->marked[i] == n)
			return;
	}
	if (b->nmarked == b->cap) {
		b->cap = b->cap == 0 ? 8 : b->cap * 2;
		b->marked = xreallocarray(b->marked, b->cap,
		    sizeof *b->marked);
	}
	b->marked[b->nmarked++] = n;
}

/* Add text to c, with a ＊ after it when star; the paragraph says so. */
static struct form_para *
add_marked(struct form_build *b, struct form_cell *c,
    const struct rubric_node *n, char *text, bool star)
{
	struct form_para *p;
	char *s;

	if (star) {
		s = xasprintf("%s" FORM_INFERRED, text);
		free(text);
		text = s;
		mark(b, n);
	}
	p = cell_add(c, text);
	p->inferred = star;
	return p;
}

/* "(一) 服務一致及正確", ＊ when its number or title is not printed. */
static struct form_para *
add_label(struct form_build *b, struct form_cell *c,
    const struct rubric_node *n, const char *suffix)
{
	char *label = rubric_node_label(n), *clean = export_clean(label), *s;
	bool star = inferred(n, RUBRIC_INFERRED_NUMBER | RUBRIC_INFERRED_TITLE);
	struct form_para *p;

	free(label);
	/* "2. 服務及時性＊(40分＊)": the title's mark before the points. */
	s = xasprintf("%s%s%s", clean, star ? FORM_INFERRED : "", suffix);
	free(clean);
	if (star)
		mark(b, n);
	p = cell_add(c, s);
	p->inferred = star || strstr(suffix, FORM_INFERRED) != NULL;
	return p;
}

/* "(40分)", ＊ inside when the maximum is inferred. */
static char *
points(struct form_build *b, const struct rubric_node *n)
{
	if (inferred(n, RUBRIC_INFERRED_MAX)) {
		mark(b, n);
		return xasprintf("(%d分" FORM_INFERRED ")", n->max);
	}
	return xasprintf("(%d分)", n->max);
}

/*
 * A heading in a span: the label, then "(100分)", "得分：92" and, while
 * incomplete, "（已評 2/3）", each allowed to run on the line before.
 */
static void
add_heading(struct form_build *b, struct form_cell *c,
    const struct rubric_node *n)
{
	struct scorecard_sum s = scorecard_sum(b->sc, n);
	struct form_para *p;

	add_label(b, c, n, "");
	p = cell_add(c, points(b, n));
	p->runon = true;
	p->inferred = inferred(n, RUBRIC_INFERRED_MAX);
	cell_add(c, xasprintf("得分：%d", s.score))->runon = true;
	if (s.scored != s.items)
		cell_add(c, xasprintf("（已評 %zu/%zu）", s.scored,
		    s.items))->runon = true;
}

/* The dimension (level 1) above n: 個別評核構面. */
static const struct rubric_node *
dimension_of(const struct rubric_node *n)
{
	while (n->parent != NULL && n->parent->parent != NULL)
		n = n->parent;
	return n;
}

/* n's ancestor at depth d, or n itself; NULL when n is shallower. */
static const struct rubric_node *
at_depth(const struct rubric_node *n, int d)
{
	if (n->depth < d)
		return NULL;
	while (n->depth > d)
		n = n->parent;
	return n;
}

static struct form_row *
add_row(struct form_build *b, const struct rubric_node *n)
{
	struct form *f = b->f;
	struct form_row *row;

	if (f->nrows == b->rowcap) {
		b->rowcap = b->rowcap == 0 ? 32 : b->rowcap * 2;
		f->rows = xreallocarray(f->rows, b->rowcap, sizeof *f->rows);
	}
	row = &f->rows[f->nrows++];
	memset(row, 0, sizeof *row);
	row->node = n;
	row->section = !rubric_node_is_item(n);
	return row;
}

static struct form_span *
add_span(struct form_build *b, enum form_col col,
    const struct rubric_node *n)
{
	struct form *f = b->f;
	struct form_span *s;

	if (f->nspans == b->spancap) {
		b->spancap = b->spancap == 0 ? 16 : b->spancap * 2;
		f->spans = xreallocarray(f->spans, b->spancap,
		    sizeof *f->spans);
	}
	s = &f->spans[f->nspans++];
	memset(s, 0, sizeof *s);
	s->col = col;
	s->node = n;
	s->first = f->nrows;
	return s;
}

/* The guidance of a section whose rows begin here: "…便捷度(100分)". */
static void
add_section_guidance(struct form_build *b, struct form_cell *c,
    const struct rubric_node *n)
{
	char *g, *pts, *s;

	if (*n->guidance == '\0')
		return;
	g = export_clean(n->guidance);
	pts = points(b, n);
	s = xasprintf("%s%s%s", g, inferred(n, RUBRIC_INFERRED_GUIDANCE) ?
	    FORM_INFERRED : "", pts);
	free(pts);
	free(g);
	if (inferred(n, RUBRIC_INFERRED_GUIDANCE))
		mark(b, n);
	cell_add(c, s)->inferred = inferred(n, RUBRIC_INFERRED_GUIDANCE |
	    RUBRIC_INFERRED_MAX);
}

static void
add_guidance(struct form_build *b, struct form_cell *c,
    const struct rubric_node *n)
{
	if (*n->guidance == '\0')
		return;
	add_marked(b, c, n, export_clean(n->guidance),
	    inferred(n, RUBRIC_INFERRED_GUIDANCE));
}

/* 細項配分 of an item without tiers: "1~30分", ＊ when inferred. */
static void
add_range(struct form_build *b, struct form_cell *c,
    const struct rubric_node *n)
{
	add_marked(b, c, n, export_range(n->min, n->max),
	    inferred(n, RUBRIC_INFERRED_MIN | RUBRIC_INFERRED_MAX));
}

/* Every ■/□ option in 考核內容, its band beside it in 細項配分. */
static void
add_tiers(struct form_build *b, struct form_row *row,
    const struct rubric_node *n)
{
	const struct scorecard_entry *e = export_entry(b->sc, n);
	bool star = inferred(n, RUBRIC_INFERRED_TIERS | RUBRIC_INFERRED_MIN);
	struct form_para *p;
	size_t t;

	for (t = 0; t < n->ntiers; t++) {
		p = cell_add(&row->cell[FORM_COL_CONTENT],
		    export_clean(n->tiers[t].label));
		p->mark = e->tier == (int)t + 1 ? FORM_MARK_CHECKED :
		    FORM_MARK_UNCHECKED;
		p = add_marked(b, &row->cell[FORM_COL_RANGE], n,
		    export_range(n->tiers[t].min, n->tiers[t].max), star);
		p->beside = (int)row->cell[FORM_COL_CONTENT].n - 1;
	}
}

static void
add_note(struct form_cell *c, const char *text)
{
	char *s = export_clean(text);

	if (*s == '\0') {
		free(s);
		return;
	}
	cell_add(c, s);
}

/*
 * The 考核內容 that opens a row: the guidance of every section whose rows
 * begin with it and whose heading is a span (the span holds the heading;
 * the guidance is printed where the items begin, as on paper).
 */
static void
add_opening(struct form_build *b, struct form_cell *c,
    const struct rubric_node *n, int span_depth)
{
	const struct rubric_node *path[EXPORT_PATH_MAX];
	size_t len, i;

	len = export_path(n, NULL, path, EXPORT_PATH_MAX);
	for (i = 0; i < len; i++) {
		if (path[i]->depth <= span_depth &&
		    path[i]->item_first == n->item_first)
			add_section_guidance(b, c, path[i]);
	}
}

/* A row for a split item (a section below the 考核項目 level). */
static void
section_row(struct form_build *b, const struct rubric_node *n, bool opens)
{
	struct form_row *row = add_row(b, n);
	struct scorecard_sum s = scorecard_sum(b->sc, n);
	char *pts = points(b, n);

	if (opens)
		add_opening(b, &row->cell[FORM_COL_CONTENT], n, 3);
	add_label(b, &row->cell[FORM_COL_CONTENT], n, pts);
	free(pts);
	add_guidance(b, &row->cell[FORM_COL_CONTENT], n);
	if (s.items > 0 && s.scored == s.items)
		cell_add(&row->cell[FORM_COL_SCORE], xasprintf("%d", s.score));
}

/*
 * An item's row. When the item heads its own 考核項目 span (開放創新's
 * (一) 開放參與), the span has its title: 考核內容 begins with its
 * guidance and "(50分)" instead.
 */
static void
item_row(struct form_build *b, const struct rubric_node *n, bool heads,
    bool opens)
{
	const struct scorecard_entry *e = export_entry(b->sc, n);
	struct form_row *row = add_row(b, n);
	struct form_cell *content = &row->cell[FORM_COL_CONTENT];
	char *pts;

	if (opens)
		add_opening(b, content, n, 3);
	if (heads) {
		add_section_guidance(b, content, n);
		if (*n->guidance == '\0')
			cell_add(content, points(b, n));
	} else {
		pts = points(b, n);
		add_label(b, content, n, pts);
		free(pts);
		add_guidance(b, content, n);
	}
	if (n->ntiers > 0)
		add_tiers(b, row, n);
	else
		add_range(b, &row->cell[FORM_COL_RANGE], n);
	if (e->scored)
		cell_add(&row->cell[FORM_COL_SCORE], xasprintf("%d", e->score));
	add_note(&row->cell[FORM_COL_RECORD], e->record);
	add_note(&row->cell[FORM_COL_RATIONALE], e->rationale);
}

/* The DIM span's cell: the dimension on its first section, the heading. */
static void
dim_cell(struct form_build *b, struct form_span *s,
    const struct rubric_node *item)
{
	const struct rubric_node *dim = dimension_of(item);

	if (s->node == NULL || s->node->parent == NULL)
		return;
	if (dim->item_first == item->item_first)
		add_label(b, &s->cell, dim, "");
	if (s->node != dim)
		add_heading(b, &s->cell, s->node);
}

static void
close_span(struct form *f, struct form_span *s)
{
	if (s != NULL)
		s->count = f->nrows - s->first;
}

/* The span array moves as it grows: keep indices, not pointers. */
static void
walk(struct form_build *b)
{
	const struct rubric *r = b->sc->rubric;
	const struct rubric_node *item, *anchor, *third, *path[EXPORT_PATH_MAX];
	const struct rubric_node *prev_anchor = NULL, *prev_third = NULL;
	long dim = -1, sub = -1;
	size_t i, j, len;
	bool opens;

	for (i = 0; i < r->nitems; i++) {
		item = r->items[i];
		anchor = export_anchor(item);
		third = at_depth(item, 3);
		if (dim < 0 || anchor != prev_anchor) {
			if (dim >= 0)
				close_span(b->f, &b->f->spans[dim]);
			dim = (long)b->f->nspans;
			dim_cell(b, add_span(b, FORM_COL_DIM, anchor), item);
			prev_anchor = anchor;
			prev_third = NULL;
		}
		if (third != prev_third) {
			if (sub >= 0)
				close_span(b->f, &b->f->spans[sub]);
			sub = -1;
			if (third != NULL) {
				sub = (long)b->f->nspans;
				add_heading(b, &add_span(b, FORM_COL_ITEM,
				    third)->cell, third);
			}
			prev_third = third;
		}
		len = export_path(item, third, path, EXPORT_PATH_MAX);
		opens = true;
		for (j = 0; j < len; j++) {
			if (path[j]->depth > 3 &&
			    path[j]->item_first == item->item_first) {
				section_row(b, path[j], opens);
				opens = false;
			}
		}
		item_row(b, item, item == third, opens);
		close_span(b->f, &b->f->spans[dim]);
		if (sub >= 0)
			close_span(b->f, &b->f->spans[sub]);
	}
}

static int
by_first(const void *a, const void *b)
{
	const struct form_span *x = a, *y = b;

	if (x->first != y->first)
		return (x->first > y->first) - (x->first < y->first);
	return (int)x->col - (int)y->col;
}

static void
facts(struct form_build *b)
{
	const struct scorecard *sc = b->sc;
	struct form *f = b->f;
	char *total = export_total(sc), *s;

	f->facts[0].name = "受考核機關名稱";
	f->facts[0].value = export_clean(sc->agency);
	f->facts[1].name = "考核日期";
	f->facts[1].value = export_date(sc->date);
	f->facts[2].name = "總分";
	if (inferred(&sc->rubric->root, RUBRIC_INFERRED_MAX)) {
		s = xasprintf("%s" FORM_INFERRED, total);
		free(total);
		total = s;
		mark(b, &sc->rubric->root);
	}
	f->facts[2].value = total;
	f->facts[3].name = "考核人員";
	f->facts[3].value = export_inspectors(sc, "、");
	f->facts[4].name = "狀態";
	f->facts[4].value = xstrdup(export_status(sc));
}

/* In form order: the total first, then nodes in the order of the rubric. */
static void
legend(struct form_build *b)
{
	const struct rubric_node *n;
	struct form_note *note;
	char *label;
	size_t i;

	b->f->legend_title = "＊ 原評分表未印，推定而得者：";
	b->f->notes = xcalloc(b->nmarked == 0 ? 1 : b->nmarked,
	    sizeof *b->f->notes);
	for (i = 0; i < b->nmarked; i++) {
		n = b->marked[i];
		note = &b->f->notes[b->f->nnotes++];
		note->node = n;
		if (n->parent == NULL)
			note->what = xasprintf("總分 %d", n->max);
		else {
			label = rubric_node_label(n);
			note->what = export_clean(label);
			free(label);
		}
		note->from = *n->inferred_from != '\0' ?
		    export_clean(n->inferred_from) :
		    xstrdup("原評分表未印，推定而得。");
	}
}

static void
signatures(struct form_build *b)
{
	const struct scorecard *sc = b->sc;
	struct form *f = b->f;
	char *date;
	size_t i;

	f->sign_title = "考核人員簽章";
	f->signers = xcalloc(sc->ninspectors == 0 ? 1 : sc->ninspectors,
	    sizeof *f->signers);
	for (i = 0; i < sc->ninspectors; i++)
		f->signers[i] = export_clean(sc->inspectors[i]);
	f->nsigners = sc->ninspectors;
	date = export_date(sc->date);
	f->sign_date = xasprintf("考核日期：%s", date);
	free(date);
}

/* Marks are collected in walk order; the legend reads best in tree order. */
static void
sort_marked(struct form_build *b)
{
	const struct rubric_node *t;
	size_t i, j;

	for (i = 1; i < b->nmarked; i++) {
		t = b->marked[i];
		for (j = i; j > 0 && b->marked[j - 1]->line > t->line; j--)
			b->marked[j] = b->marked[j - 1];
		b->marked[j] = t;
	}
}

struct form *
form_build(const struct scorecard *sc)
{
	struct form_build b = { 0 };

	b.sc = sc;
	b.f = xcalloc(1, sizeof *b.f);
	b.f->title = export_clean(sc->rubric->title);
	facts(&b);
	walk(&b);
	qsort(b.f->spans, b.f->nspans, sizeof *b.f->spans, by_first);
	sort_marked(&b);
	legend(&b);
	signatures(&b);
	free(b.marked);
	return b.f;
}

void
form_free(struct form *f)
{
	size_t i, c;

	if (f == NULL)
		return;
	free(f->title);
	for (i = 0; i < FORM_NFACTS; i++)
		free(f->facts[i].value);
	for (i = 0; i < f->nrows; i++) {
		for (c = 0; c < FORM_NCOLS; c++)
			cell_free(&f->rows[i].cell[c]);
	}
	free(f->rows);
	for (i = 0; i < f->nspans; i++)
		cell_free(&f->spans[i].cell);
	free(f->spans);
	for (i = 0; i < f->nnotes; i++) {
		free(f->notes[i].what);
		free(f->notes[i].from);
	}
	free(f->notes);
	for (i = 0; i < f->nsigners; i++)
		free(f->signers[i]);
	free(f->signers);
	free(f->sign_date);
	free(f);
}

const struct form_span *
form_span_of(const struct form *f, enum form_col col, size_t r)
{
	size_t i;

	for (i = 0; i < f->nspans; i++) {
		if (f->spans[i].col == col && r >= f->spans[i].first &&
		    r < f->spans[i].first + f->spans[i].count)
			return &f->spans[i];
	}
	return NULL;
}
