/*
 * Build the form's grid (export-grid.h) from a scorecard, in the layout
 * of the paper form (seed 002):
 * - 評核構面 is merged over the rows of a top section (一、…) and holds the
 *   dimension's heading where it begins, then the section's.
 * - 考核項目 is merged over the rows of the next level ((一)…); an item at
 *   that level ((一) 開放參與) holds its own heading there.
 * - A section deeper still (2. 網站使用便利性) gets a row of its own, its
 *   sum in 評分, as the form prints 17 above (1)(2)(3).
 * - 考核內容 holds a section's guidance on the first row below it, then the
 *   item's title with its (N分), its guidance and every ■/□ option; the
 *   bands go beside the options, the range beside the title.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "export-grid.h"
#include "export-util.h"
#include "xalloc.h"

const char *const grid_headers[GRID_NCOLS] = {
	"評核構面", "考核項目", "評分", "考核內容（依實際情形勾選選項）",
	"細項配分", "紀錄事項", "評分說明",
};

/* What the walk carries from row to row. */
struct grid_walk {
	struct grid			*g;
	const struct scorecard		*sc;
	const struct rubric_node	*anchor;	/* owns the 評核構面 cell */
	size_t				 anchor_row;
	const struct rubric_node	*col;		/* owns the 考核項目 cell */
	size_t				 col_row;
	/* Guidance of sections that begin here, for the next 考核內容. */
	struct grid_para		*lead;
	size_t				 nlead;
};

static const char *
mark(const struct rubric_node *n, unsigned bits)
{
	return (n->inferred & bits) != 0 ? GRID_MARK : "";
}

static void
push_para(struct grid_para **v, size_t *n, enum grid_kind kind, char *text,
    char *band)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].kind = kind;
	(*v)[*n].text = text;
	(*v)[*n].tail = NULL;
	(*v)[*n].band = band;
	(*n)++;
}

static void
cell_add(struct grid_cell *c, enum grid_kind kind, char *text, char *band)
{
	push_para(&c->p, &c->np, kind, text, band);
}

static void
strv_push(char ***v, size_t *n, char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = s;
}

/* "(一) 服務一致及正確＊": the label, marked when its words were inferred. */
static char *
grid_label(const struct rubric_node *n)
{
	char *label = rubric_node_label(n), *clean, *out;

	clean = export_clean(label);
	out = xasprintf("%s%s", clean, mark(n, RUBRIC_INFERRED_NUMBER |
	    RUBRIC_INFERRED_TITLE));
	free(clean);
	free(label);
	return out;
}

/* A heading paragraph: "一、基礎服務" and its tail "(200分) 得分：174",
 * with marks, and "（已評 2/5）" while incomplete. */
static void
grid_heading(struct grid_cell *c, const struct scorecard *sc,
    const struct rubric_node *n)
{
	struct scorecard_sum s = scorecard_sum(sc, n);

	cell_add(c, GRID_HEAD, grid_label(n), NULL);
	if (s.scored == s.items)
		c->p[c->np - 1].tail = xasprintf("(%d分)%s 得分：%d", n->max,
		    mark(n, RUBRIC_INFERRED_MAX), s.score);
	else
		c->p[c->np - 1].tail = xasprintf("(%d分)%s 得分：%d（已評 "
		    "%zu/%zu）", n->max, mark(n, RUBRIC_INFERRED_MAX), s.score,
		    s.scored, s.items);
}

static char *
grid_band(const struct rubric_node *n, int min, int max, unsigned bits)
{
	return xasprintf("%d~%d分%s", min, max, mark(n, bits));
}

static struct grid_row *
grid_row_new(struct grid *g, const struct rubric_node *node)
{
	struct grid_row *row;
	size_t i;

	if (g->nrows == g->cap) {
		g->cap = g->cap == 0 ? 32 : g->cap * 2;
		g->rows = xreallocarray(g->rows, g->cap, sizeof *g->rows);
	}
	row = &g->rows[g->nrows++];
	memset(row, 0, sizeof *row);
	row->node = node;
	for (i = 0; i < GRID_NCOLS; i++)
		row->cell[i].span = 1;
	/* Merged columns are opened by grid_open_*; until then covered. */
	row->cell[GRID_DIM].span = 0;
	row->cell[GRID_ITEM].span = 0;
	return row;
}

/* The merged cell opened at row `from` now covers every row since. */
static void
grid_close(struct grid *g, enum grid_col col, size_t from)
{
	if (from < g->nrows)
		g->rows[from].cell[col].span = g->nrows - from;
}

static void
lead_add(struct grid_walk *w, const struct rubric_node *n)
{
	char *text;

	if (n->guidance[0] == '\0')
		return;
	text = export_clean(n->guidance);
	push_para(&w->lead, &w->nlead, GRID_PLAIN, xasprintf("%s%s", text,
	    mark(n, RUBRIC_INFERRED_GUIDANCE)), NULL);
	free(text);
}

/* Hand the pending section guidance to the 考核內容 cell of a new row. */
static void
lead_take(struct grid_walk *w, struct grid_cell *content)
{
	size_t i;

	for (i = 0; i < w->nlead; i++)
		push_para(&content->p, &content->np, w->lead[i].kind,
		    w->lead[i].text, w->lead[i].band);
	free(w->lead);
	w->lead = NULL;
	w->nlead = 0;
}

/* The node of item's path one level below the anchor (or item itself). */
static const struct rubric_node *
grid_col_node(const struct rubric_node *anchor, const struct rubric_node *item)
{
	const struct rubric_node *n = item;

	while (n->parent != NULL && n->parent != anchor)
		n = n->parent;
	return n;
}

static void
grid_open_anchor(struct grid_walk *w, const struct rubric_node *item,
    const struct rubric_node *anchor)
{
	const struct rubric_node *path[EXPORT_PATH_MAX];
	struct grid_row *row = &w->g->rows[w->g->nrows - 1];
	size_t len, i;

	w->anchor = anchor;
	w->anchor_row = w->g->nrows - 1;
	row->cell[GRID_DIM].span = 1;
	if (anchor->parent == NULL)
		return;
	len = export_path(anchor, NULL, path, EXPORT_PATH_MAX - 1);
	path[len++] = anchor;
	for (i = 0; i < len; i++) {
		if (path[i] != anchor && path[i]->item_first != item->item_first)
			continue;
		grid_heading(&row->cell[GRID_DIM], w->sc, path[i]);
	}
}

static void
grid_open_col(struct grid_walk *w, const struct rubric_node *col)
{
	struct grid_row *row = &w->g->rows[w->g->nrows - 1];

	w->col = col;
	w->col_row = w->g->nrows - 1;
	row->cell[GRID_ITEM].span = 1;
	grid_heading(&row->cell[GRID_ITEM], w->sc, col);
}

/*
 * A new row for node: the merged cells that begin here are opened on it
 * (and the ones that end before it closed first).
 */
static struct grid_row *
grid_walk_row(struct grid_walk *w, const struct rubric_node *node,
    const struct rubric_node *item)
{
	const struct rubric_node *anchor = export_anchor(item);
	const struct rubric_node *col = grid_col_node(anchor, item);
	bool new_anchor = anchor != w->anchor, new_col = col != w->col;
	struct grid_row *row;

	if (new_anchor && w->anchor != NULL)
		grid_close(w->g, GRID_DIM, w->anchor_row);
	if ((new_anchor || new_col) && w->col != NULL)
		grid_close(w->g, GRID_ITEM, w->col_row);
	row = grid_row_new(w->g, node);
	if (new_anchor)
		grid_open_anchor(w, item, anchor);
	if (new_anchor || new_col)
		grid_open_col(w, col);
	return row;
}

/* The row of a section below the 考核項目 level: "2. 網站使用便利性". */
static void
grid_section_row(struct grid_walk *w, const struct rubric_node *s,
    const struct rubric_node *item)
{
	struct scorecard_sum sum = scorecard_sum(w->sc, s);
	struct grid_row *row = grid_walk_row(w, s, item);
	struct grid_cell *c = &row->cell[GRID_CONTENT];

	if (sum.scored == sum.items)
		cell_add(&row->cell[GRID_SCORE], GRID_PLAIN,
		    xasprintf("%d", sum.score), NULL);
	lead_take(w, c);
	cell_add(c, GRID_HEAD, grid_label(s), NULL);
	c->p[c->np - 1].tail = xasprintf("(%d分)%s", s->max,
	    mark(s, RUBRIC_INFERRED_MAX));
	lead_add(w, s);
	lead_take(w, c);
}

static void
grid_options(struct grid_cell *c, const struct rubric_node *item, int chosen)
{
	char *label;
	size_t t;

	for (t = 0; t < item->ntiers; t++) {
		label = export_clean(item->tiers[t].label);
		cell_add(c, chosen == (int)t + 1 ? GRID_CHOSEN : GRID_OPTION,
		    xasprintf("%s%s", chosen == (int)t + 1 ? "■" : "□", label),
		    grid_band(item, item->tiers[t].min, item->tiers[t].max,
		    RUBRIC_INFERRED_TIERS));
		free(label);
	}
}

/* 考核內容 of an item: title (unless 考核項目 holds it), guidance, options. */
static void
grid_content(struct grid_walk *w, struct grid_cell *c,
    const struct rubric_node *item, int chosen)
{
	char *range = NULL, *text;

	if (item->ntiers == 0)
		range = grid_band(item, item->min, item->max,
		    RUBRIC_INFERRED_MIN | RUBRIC_INFERRED_MAX);
	lead_take(w, c);
	if (item != w->col) {
		cell_add(c, GRID_HEAD, grid_label(item), range);
		c->p[c->np - 1].tail = xasprintf("(%d分)%s", item->max,
		    mark(item, RUBRIC_INFERRED_MAX));
		range = NULL;
	}
	if (item->guidance[0] != '\0' || range != NULL) {
		text = export_clean(item->guidance);
		cell_add(c, GRID_PLAIN, xasprintf("%s%s", text,
		    item->guidance[0] != '\0' ?
		    mark(item, RUBRIC_INFERRED_GUIDANCE) : ""), range);
		free(text);
	}
	grid_options(c, item, chosen);
}

static void
grid_note(struct grid_cell *c, const char *note)
{
	if (note[0] != '\0')
		cell_add(c, GRID_PLAIN, export_clean(note), NULL);
}

static void
grid_item_row(struct grid_walk *w, const struct rubric_node *item)
{
	const struct scorecard_entry *e = export_entry(w->sc, item);
	struct grid_row *row = grid_walk_row(w, item, item);

	if (e->scored)
		cell_add(&row->cell[GRID_SCORE], GRID_PLAIN,
		    xasprintf("%d", e->score), NULL);
	grid_content(w, &row->cell[GRID_CONTENT], item, e->tier);
	grid_note(&row->cell[GRID_RECORD], e->record);
	grid_note(&row->cell[GRID_RATIONALE], e->rationale);
}

/* Rows for one item: the sections that begin at it, then its own. */
static void
grid_item(struct grid_walk *w, const struct rubric_node *item)
{
	const struct rubric_node *path[EXPORT_PATH_MAX];
	const struct rubric_node *anchor = export_anchor(item);
	const struct rubric_node *col = grid_col_node(anchor, item);
	size_t len, i;

	len = export_path(item, NULL, path, EXPORT_PATH_MAX - 1);
	for (i = 0; i < len; i++) {
		if (path[i]->item_first != item->item_first)
			continue;
		if (path[i]->depth <= anchor->depth || path[i] == col) {
			/* Its guidance leads the first 考核內容 below it. */
			lead_add(w, path[i]);
			continue;
		}
		if (path[i]->depth > col->depth)
			grid_section_row(w, path[i], item);
	}
	grid_item_row(w, item);
}

/* "1.1 (一) 服務一致及正確（推定：序號、名稱、配分）評分表缺此標題列…" */
static char *
grid_legend_line(const struct rubric_node *n)
{
	static const struct { unsigned bit; const char *name; } fields[] = {
		{ RUBRIC_INFERRED_NUMBER, "序號" },
		{ RUBRIC_INFERRED_TITLE, "名稱" },
		{ RUBRIC_INFERRED_MIN, "最低分" },
		{ RUBRIC_INFERRED_MAX, "配分" },
		{ RUBRIC_INFERRED_GUIDANCE, "考核內容" },
		{ RUBRIC_INFERRED_TIERS, "選項配分" },
	};
	char *label, *clean, *from, *what = xstrdup(""), *next, *out;
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if ((n->inferred & fields[i].bit) == 0)
			continue;
		next = xasprintf("%s%s%s", what, what[0] != '\0' ? "、" : "",
		    fields[i].name);
		free(what);
		what = next;
	}
	from = export_clean(n->inferred_from);
	if (n->parent == NULL)
		out = xasprintf("總分 %d（推定：%s）%s", n->max, what, from);
	else {
		label = rubric_node_label(n);
		clean = export_clean(label);
		out = xasprintf("%s %s（推定：%s）%s", n->key, clean, what,
		    from);
		free(clean);
		free(label);
	}
	free(from);
	free(what);
	return out;
}

static void
grid_legend(struct grid *g, const struct rubric_node *n)
{
	size_t i;

	if (n->inferred != 0)
		strv_push(&g->legend, &g->nlegend, grid_legend_line(n));
	for (i = 0; i < n->nchildren; i++)
		grid_legend(g, &n->children[i]);
}

static void
grid_facts(struct grid *g, const struct scorecard *sc)
{
	char *v;

	g->title = export_clean(sc->rubric->title);
	g->agency = export_clean(sc->agency);
	g->date = export_date(sc->date);
	g->total = export_total(sc);
	strv_push(&g->facts, &g->nfacts, xasprintf("受考核機關名稱：%s",
	    g->agency));
	strv_push(&g->facts, &g->nfacts, xasprintf("考核日期：%s", g->date));
	/* The form prints no total maximum: 1000 is marked when inferred. */
	if ((sc->rubric->root.inferred & RUBRIC_INFERRED_MAX) != 0) {
		v = g->total;
		g->total = xasprintf("%s%s", v, GRID_MARK);
		free(v);
	}
	strv_push(&g->facts, &g->nfacts, xasprintf("總分：%s", g->total));
	v = export_inspectors(sc, "、");
	strv_push(&g->facts, &g->nfacts, xasprintf("考核人員：%s", v));
	free(v);
	strv_push(&g->facts, &g->nfacts, xasprintf("狀態：%s",
	    export_status(sc)));
}

void
grid_build(struct grid *g, const struct scorecard *sc)
{
	struct grid_walk w = { 0 };
	size_t i;

	memset(g, 0, sizeof *g);
	w.g = g;
	w.sc = sc;
	grid_facts(g, sc);
	for (i = 0; i < sc->rubric->nitems; i++)
		grid_item(&w, sc->rubric->items[i]);
	if (w.anchor != NULL)
		grid_close(g, GRID_DIM, w.anchor_row);
	if (w.col != NULL)
		grid_close(g, GRID_ITEM, w.col_row);
	free(w.lead);
	grid_legend(g, &sc->rubric->root);
	for (i = 0; i < sc->ninspectors; i++)
		strv_push(&g->signers, &g->nsigners,
		    export_clean(sc->inspectors[i]));
}

static void
strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
grid_free(struct grid *g)
{
	size_t r, c, i;

	for (r = 0; r < g->nrows; r++) {
		for (c = 0; c < GRID_NCOLS; c++) {
			for (i = 0; i < g->rows[r].cell[c].np; i++) {
				free(g->rows[r].cell[c].p[i].text);
				free(g->rows[r].cell[c].p[i].tail);
				free(g->rows[r].cell[c].p[i].band);
			}
			free(g->rows[r].cell[c].p);
		}
	}
	free(g->rows);
	free(g->title);
	free(g->agency);
	free(g->date);
	free(g->total);
	strv_free(g->facts, g->nfacts);
	strv_free(g->legend, g->nlegend);
	strv_free(g->signers, g->nsigners);
	memset(g, 0, sizeof *g);
}
