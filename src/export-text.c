/*
 * The text export: the paper form's twin. A boxed header (title, agency,
 * date, total, inspectors, status), then a table with the form's columns
 * 評核構面 | 考核項目 | 評分 | 細項配分 | 紀錄事項 | 評分說明.
 *
 * Layout decisions:
 * - Rules are plain ASCII (+ - = |). Box-drawing characters are "ambiguous
 *   width" in Unicode and print two columns wide in CJK fonts (MingLiU,
 *   a zh_TW terminal with ambiguous-wide), which breaks every border.
 * - Every line is exactly `width` columns, measured with wcwidth.
 * - As on the form, the 評核構面 cell is merged over all the rows of a
 *   top section (一、二、…): it holds the dimension and section headings,
 *   and the rules between those rows stop at its edge. Deeper sections
 *   ((一), 2. 網站使用便利性) get a row of their own in 考核項目.
 * - Below TEXT_MIN_TABLE columns the table cannot be read: the same content
 *   is stacked, one item after another.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export-formats.h"
#include "export-util.h"
#include "width.h"
#include "xalloc.h"

#define TEXT_MIN_WIDTH		40
#define TEXT_MAX_WIDTH		1000
#define TEXT_MIN_TABLE		80
#define TEXT_NCOLS		6

enum { COL_DIM, COL_ITEM, COL_SCORE, COL_RANGE, COL_RECORD, COL_RATIONALE };

static const char *const text_headers[TEXT_NCOLS] = {
	"評核構面", "考核項目", "評分", "細項配分", "紀錄事項", "評分說明",
};

struct text_layout {
	size_t	 width;
	size_t	 w[TEXT_NCOLS];		/* content columns of each cell */
};

/* The lines of one cell, each at most its column wide. */
struct text_cell {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

struct text_row {
	struct text_cell cell[TEXT_NCOLS];	/* COL_DIM unused: see region */
	size_t		 height;
};

/* The rows that share one merged 評核構面 cell. */
struct text_region {
	const struct rubric_node *anchor;
	struct text_cell	  dim;
	struct text_row		 *rows;
	size_t			  nrows;
	size_t			  cap;
};

static void
cell_push(struct text_cell *c, char *line)
{
	if (c->n == c->cap) {
		c->cap = c->cap == 0 ? 4 : c->cap * 2;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	c->v[c->n++] = line;
}

static void
cell_free(struct text_cell *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* Push the lines of a wrap, each after `lead` spaces. */
static void
cell_push_wrapped(struct text_cell *c, const char *text, size_t cols,
    size_t lead)
{
	char **lines;
	size_t n, i;

	lines = width_wrap(text, cols, &n);
	for (i = 0; i < n; i++)
		cell_push(c, xasprintf("%*s%s", (int)lead, "", lines[i]));
	width_lines_free(lines);
}

/*
 * Wrap text into cols columns after indent spaces; lines after the first
 * hang a further `hang` columns, so that "(1)" or "■" stands out.
 */
static void
cell_wrap(struct text_cell *c, const char *text, size_t cols, size_t indent,
    size_t hang)
{
	char **first;
	const char *rest;
	size_t n;

	if (indent + hang + 4 > cols)
		indent = hang = 0;
	first = width_wrap(text, cols - indent, &n);
	cell_push(c, xasprintf("%*s%s", (int)indent, "", first[0]));
	/* width_wrap's first line is a byte prefix of text. */
	rest = text + strlen(first[0]);
	width_lines_free(first);
	while (*rest == ' ')
		rest++;
	if (*rest == '\n')
		rest++;
	else if (*rest == '\0')
		return;
	cell_push_wrapped(c, rest, cols - indent - hang, indent + hang);
}

static size_t
label_hang(const struct rubric_node *n, size_t cols)
{
	size_t len = strlen(n->number), hang;

	if (len == 0)
		return 0;
	hang = width_of(n->number);
	if (len < 3 || strcmp(n->number + len - 3, "、") != 0)
		hang++;
	return hang <= cols / 3 ? hang : 0;
}

static size_t
clamp(size_t v, size_t lo, size_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static size_t
digits(int v)
{
	size_t n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/*
 * Columns from the total width: the borders take 3 a cell plus 1; 評分
 * holds the widest maximum; the rest is shared by proportion with floors,
 * and 紀錄事項 (the longest text) gets the largest share.
 */
static int
text_layout(struct text_layout *L, const struct scorecard *sc, size_t width)
{
	size_t avail, rest, i, maxd = 4;

	for (i = 0; i < sc->rubric->nitems; i++) {
		if (digits(sc->rubric->items[i]->max) > maxd)
			maxd = digits(sc->rubric->items[i]->max);
	}
	L->width = width;
	if (width < TEXT_MIN_TABLE)
		return -1;
	avail = width - (3 * TEXT_NCOLS + 1);
	L->w[COL_SCORE] = maxd;
	L->w[COL_DIM] = clamp(avail * 16 / 100, 10, 30);
	L->w[COL_ITEM] = clamp(avail * 16 / 100, 12, 30);
	L->w[COL_RANGE] = clamp(avail * 12 / 100, 10, 24);
	if (L->w[COL_DIM] + L->w[COL_ITEM] + L->w[COL_RANGE] + maxd + 22 >
	    avail)
		return -1;
	rest = avail - L->w[COL_DIM] - L->w[COL_ITEM] - L->w[COL_RANGE] -
	    maxd;
	L->w[COL_RECORD] = rest * 55 / 100;
	L->w[COL_RATIONALE] = rest - L->w[COL_RECORD];
	return 0;
}

static void
put_padded(FILE *out, const char *s, size_t cols)
{
	char *p = width_pad(s, cols);

	fputs(p, out);
	free(p);
}

static void
put_repeat(FILE *out, int c, size_t n)
{
	while (n-- > 0)
		fputc(c, out);
}

/* A rule; with dim non-NULL it stops at the merged 評核構面 cell. */
static void
text_rule(FILE *out, const struct text_layout *L, const char *dim, int c)
{
	size_t i = 0;

	if (dim != NULL) {
		fputs("| ", out);
		put_padded(out, dim, L->w[COL_DIM]);
		fputc(' ', out);
		i = 1;
	}
	for (; i < TEXT_NCOLS; i++) {
		fputc('+', out);
		put_repeat(out, c, L->w[i] + 2);
	}
	fputs("+\n", out);
}

static void
text_line(FILE *out, const struct text_layout *L, const char *const cells[])
{
	size_t i;

	for (i = 0; i < TEXT_NCOLS; i++) {
		fputs("| ", out);
		put_padded(out, cells[i], L->w[i]);
		fputc(' ', out);
	}
	fputs("|\n", out);
}

static const char *
cell_line(const struct text_cell *c, size_t i)
{
	return i < c->n ? c->v[i] : "";
}

static void
text_region_emit(FILE *out, const struct text_layout *L,
    struct text_region *g)
{
	const char *cells[TEXT_NCOLS];
	size_t total = 0, k = 0, r, j, i;

	for (r = 0; r < g->nrows; r++)
		total += g->rows[r].height;
	total += g->nrows - 1;
	/* The merged cell may be taller than its rows: the last one grows. */
	if (g->dim.n > total)
		g->rows[g->nrows - 1].height += g->dim.n - total;
	for (r = 0; r < g->nrows; r++) {
		if (r > 0)
			text_rule(out, L, cell_line(&g->dim, k++), '-');
		for (j = 0; j < g->rows[r].height; j++) {
			cells[COL_DIM] = cell_line(&g->dim, k++);
			for (i = 1; i < TEXT_NCOLS; i++)
				cells[i] = cell_line(&g->rows[r].cell[i], j);
			text_line(out, L, cells);
		}
	}
}

static void
text_region_free(struct text_region *g)
{
	size_t r, i;

	for (r = 0; r < g->nrows; r++) {
		for (i = 0; i < TEXT_NCOLS; i++)
			cell_free(&g->rows[r].cell[i]);
	}
	free(g->rows);
	cell_free(&g->dim);
	memset(g, 0, sizeof *g);
}

static struct text_row *
text_region_row(struct text_region *g)
{
	if (g->nrows == g->cap) {
		g->cap = g->cap == 0 ? 8 : g->cap * 2;
		g->rows = xreallocarray(g->rows, g->cap, sizeof *g->rows);
	}
	memset(&g->rows[g->nrows], 0, sizeof g->rows[0]);
	return &g->rows[g->nrows++];
}

static void
text_row_close(struct text_row *row)
{
	size_t i;

	row->height = 1;
	for (i = 1; i < TEXT_NCOLS; i++) {
		if (row->cell[i].n > row->height)
			row->height = row->cell[i].n;
	}
}

/* Indentation in 考核項目: only below the first level under the anchor. */
static size_t
text_indent(const struct rubric_node *anchor, const struct rubric_node *n)
{
	int d = n->depth - anchor->depth - 2;

	return d > 0 ? (size_t)d * 2 : 0;
}

/*
 * A heading in a cell of cols columns: the label, then "(200分)",
 * "得分：174" and "（已評 2/5）" joined on one line while they fit (a
 * greedy wrap would break inside 得分).
 */
static char *
text_heading(const struct scorecard *sc, const struct rubric_node *n,
    size_t cols)
{
	struct scorecard_sum sum = scorecard_sum(sc, n);
	char *part[3], *label, *h, *next;
	size_t i, np = 2, used;

	part[0] = xasprintf("(%d分)", n->max);
	part[1] = xasprintf("得分：%d", sum.score);
	if (sum.scored != sum.items)
		part[np++] = xasprintf("（已評 %zu/%zu）", sum.scored, sum.items);
	label = rubric_node_label(n);
	h = export_clean(label);
	free(label);
	used = cols;	/* the label ends a line */
	for (i = 0; i < np; i++) {
		if (used + 1 + width_of(part[i]) <= cols) {
			next = xasprintf("%s %s", h, part[i]);
			used += 1 + width_of(part[i]);
		} else {
			next = xasprintf("%s\n%s", h, part[i]);
			used = width_of(part[i]);
		}
		free(h);
		free(part[i]);
		h = next;
	}
	return h;
}

static void
text_dim_cell(struct text_region *g, const struct scorecard *sc,
    const struct text_layout *L, const struct rubric_node *item)
{
	const struct rubric_node *path[EXPORT_PATH_MAX];
	size_t len, i;
	char *h;

	if (g->anchor == NULL || g->anchor->parent == NULL)
		return;
	len = export_path(g->anchor, NULL, path, EXPORT_PATH_MAX - 1);
	path[len++] = g->anchor;
	for (i = 0; i < len; i++) {
		if (path[i] != g->anchor &&
		    path[i]->item_first != item->item_first)
			continue;
		h = text_heading(sc, path[i], L->w[COL_DIM]);
		cell_wrap(&g->dim, h, L->w[COL_DIM], 0, 0);
		free(h);
	}
}

static void
text_section_row(struct text_region *g, const struct scorecard *sc,
    const struct text_layout *L, const struct rubric_node *s)
{
	struct text_row *row = text_region_row(g);
	char *h = text_heading(sc, s, L->w[COL_ITEM] - text_indent(g->anchor, s));

	/* No hang: the heading's own blanks give better breaks. */
	cell_wrap(&row->cell[COL_ITEM], h, L->w[COL_ITEM],
	    text_indent(g->anchor, s), 0);
	free(h);
	text_row_close(row);
}

/*
 * 細項配分: the range, then every tier's band, ■ on the chosen one and □
 * on the others as the form checks them; the chosen tier's label follows
 * its band (the others' labels would only repeat the rubric).
 */
static void
text_range_cell(struct text_cell *c, const struct rubric_node *item,
    const struct scorecard_entry *e, size_t cols)
{
	char *s;
	size_t t;

	s = export_range(item->min, item->max);
	cell_wrap(c, s, cols, 0, 0);
	free(s);
	for (t = 0; t < item->ntiers; t++) {
		s = export_tier(item, t, e->tier == (int)t + 1);
		cell_wrap(c, s, cols, 0, 2);
		free(s);
	}
}

static void
text_note_cell(struct text_cell *c, const char *note, size_t cols)
{
	char *s = export_clean(note);

	cell_wrap(c, s, cols, 0, 0);
	free(s);
}

static void
text_item_row(struct text_region *g, const struct scorecard *sc,
    const struct text_layout *L, const struct rubric_node *item)
{
	const struct scorecard_entry *e = export_entry(sc, item);
	struct text_row *row = text_region_row(g);
	char *label, *clean;

	label = rubric_node_label(item);
	clean = export_clean(label);
	cell_wrap(&row->cell[COL_ITEM], clean, L->w[COL_ITEM],
	    text_indent(g->anchor, item), label_hang(item, L->w[COL_ITEM]));
	free(clean);
	free(label);
	if (e->scored)
		cell_push(&row->cell[COL_SCORE], xasprintf("%*d",
		    (int)L->w[COL_SCORE], e->score));
	text_range_cell(&row->cell[COL_RANGE], item, e, L->w[COL_RANGE]);
	text_note_cell(&row->cell[COL_RECORD], e->record, L->w[COL_RECORD]);
	text_note_cell(&row->cell[COL_RATIONALE], e->rationale,
	    L->w[COL_RATIONALE]);
	text_row_close(row);
}

/* Rows for item: first the deeper sections that begin at it. */
static void
text_item_rows(struct text_region *g, const struct scorecard *sc,
    const struct text_layout *L, const struct rubric_node *item)
{
	const struct rubric_node *path[EXPORT_PATH_MAX];
	size_t len, i;

	len = export_path(item, g->anchor, path, EXPORT_PATH_MAX - 1);
	for (i = 0; i < len; i++) {
		if (path[i]->item_first == item->item_first)
			text_section_row(g, sc, L, path[i]);
	}
	text_item_row(g, sc, L, item);
}

/* The header facts, one a line, as the form lists them. */
static size_t
text_facts(const struct scorecard *sc, char *facts[6])
{
	char *v;

	facts[0] = export_clean(sc->rubric->title);
	v = export_clean(sc->agency);
	facts[1] = xasprintf("受考核機關名稱：%s", v);
	free(v);
	v = export_date(sc->date);
	facts[2] = xasprintf("考核日期：%s", v);
	free(v);
	v = export_total(sc);
	facts[3] = xasprintf("總分：%s", v);
	free(v);
	v = export_inspectors(sc, "、");
	facts[4] = xasprintf("考核人員：%s", v);
	free(v);
	facts[5] = xasprintf("狀態：%s", export_status(sc));
	return 6;
}

static void
text_box_line(FILE *out, const char *s, size_t width, bool center)
{
	size_t inner = width - 4, w = width_of(s), left = 0;

	if (center && w < inner)
		left = (inner - w) / 2;
	fputs("| ", out);
	put_repeat(out, ' ', left);
	put_padded(out, s, inner - left);
	fputs(" |\n", out);
}

static void
text_header(FILE *out, const struct scorecard *sc, size_t width)
{
	char *facts[6], **lines;
	size_t n, nl, i, j;

	fputc('+', out);
	put_repeat(out, '-', width - 2);
	fputs("+\n", out);
	n = text_facts(sc, facts);
	for (i = 0; i < n; i++) {
		lines = width_wrap(facts[i], width - 4, &nl);
		for (j = 0; j < nl; j++)
			text_box_line(out, lines[j], width, i == 0);
		width_lines_free(lines);
		if (i == 0) {
			fputc('+', out);
			put_repeat(out, '-', width - 2);
			fputs("+\n", out);
		}
		free(facts[i]);
	}
}

static void
text_table(FILE *out, const struct scorecard *sc, const struct text_layout *L)
{
	const struct rubric *r = sc->rubric;
	struct text_region g = { 0 };
	const struct rubric_node *anchor;
	size_t i;

	text_rule(out, L, NULL, '-');
	text_line(out, L, text_headers);
	text_rule(out, L, NULL, '=');
	for (i = 0; i < r->nitems; i++) {
		anchor = export_anchor(r->items[i]);
		if (g.nrows > 0 && anchor != g.anchor) {
			text_region_emit(out, L, &g);
			text_region_free(&g);
			text_rule(out, L, NULL, '-');
		}
		if (g.nrows == 0) {
			g.anchor = anchor;
			text_dim_cell(&g, sc, L, r->items[i]);
		}
		text_item_rows(&g, sc, L, r->items[i]);
	}
	if (g.nrows > 0) {
		text_region_emit(out, L, &g);
		text_region_free(&g);
		text_rule(out, L, NULL, '-');
	}
}

/* Narrow terminals: the same facts, one item after another. */
static void
text_put_wrapped(FILE *out, const char *text, size_t width, size_t indent)
{
	struct text_cell c = { 0 };
	size_t i;

	cell_wrap(&c, text, width, indent, 0);
	for (i = 0; i < c.n; i++) {
		fputs(c.v[i], out);
		fputc('\n', out);
	}
	cell_free(&c);
}

static void
text_stacked_field(FILE *out, const char *name, const char *value,
    size_t width)
{
	char *clean = export_clean(value);

	fprintf(out, "  %s：\n", name);
	if (*clean != '\0')
		text_put_wrapped(out, clean, width, 4);
	free(clean);
}

static void
text_stacked_item(FILE *out, const struct scorecard *sc,
    const struct rubric_node *item, size_t width)
{
	const struct scorecard_entry *e = export_entry(sc, item);
	struct text_cell range = { 0 };
	char *label, *s;
	size_t i;

	label = rubric_node_label(item);
	s = export_clean(label);
	text_put_wrapped(out, s, width, 0);
	free(s);
	free(label);
	if (e->scored)
		fprintf(out, "  評分：%d\n", e->score);
	else
		fputs("  評分：\n", out);
	text_range_cell(&range, item, e, width - 4);
	fprintf(out, "  細項配分：%s\n", range.v[0]);
	for (i = 1; i < range.n; i++)
		fprintf(out, "    %s\n", range.v[i]);
	cell_free(&range);
	text_stacked_field(out, "紀錄事項", e->record, width);
	text_stacked_field(out, "評分說明", e->rationale, width);
}

static void
text_stacked(FILE *out, const struct scorecard *sc, size_t width)
{
	const struct rubric *r = sc->rubric;
	const struct rubric_node *path[EXPORT_PATH_MAX];
	size_t i, j, len, n;
	char *facts[6], *h;
	bool first;

	n = text_facts(sc, facts);
	for (i = 0; i < n; i++) {
		text_put_wrapped(out, facts[i], width, 0);
		free(facts[i]);
	}
	for (i = 0; i < r->nitems; i++) {
		len = export_path(r->items[i], NULL, path, EXPORT_PATH_MAX - 1);
		for (j = 0, first = true; j < len; j++) {
			if (path[j]->item_first != r->items[i]->item_first)
				continue;
			if (first) {
				put_repeat(out, '=', width);
				fputc('\n', out);
				first = false;
			}
			h = export_heading(sc, path[j]);
			text_put_wrapped(out, h, width, 0);
			free(h);
		}
		put_repeat(out, '-', width);
		fputc('\n', out);
		text_stacked_item(out, sc, r->items[i], width);
	}
	put_repeat(out, '=', width);
	fputc('\n', out);
}

int
export_text(FILE *out, const struct scorecard *sc,
    const struct export_options *o, char **cause)
{
	struct text_layout L;
	int width = o->width;
	size_t w;

	(void)cause;
	w = (size_t)(width < TEXT_MIN_WIDTH ? TEXT_MIN_WIDTH :
	    width > TEXT_MAX_WIDTH ? TEXT_MAX_WIDTH : width);
	if (text_layout(&L, sc, w) != 0) {
		text_stacked(out, sc, w);
		return 0;
	}
	text_header(out, sc, w);
	text_table(out, sc, &L);
	return 0;
}
