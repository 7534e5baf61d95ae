/*
 * The text export: the paper form's twin, drawn from the grid that the
 * HTML and PDF draw too (export-grid.h), so the three carry the same words
 * in the same cells. A boxed header (title, agency, date, total,
 * inspectors, status), the table of the form's seven columns, the ＊
 * legend and the signature block.
 *
 * Layout decisions:
 * - Rules are plain ASCII (+ - = |). Box-drawing characters are "ambiguous
 *   width" in Unicode and print two columns wide in CJK fonts, which would
 *   break every border whatever we measured.
 * - Every line is exactly `width` columns, measured with wcwidth; with
 *   --ambiguous wide, ■ □ ①–⑫ — … count two (width_set_ambiguous_wide).
 * - The merged cells of 評核構面 and 考核項目 run down through the rules
 *   between their rows; a rule stops at their edge.
 * - A tier's band in 細項配分 starts on the line of its ■/□ option.
 * - Below TEXT_MIN_TABLE columns seven columns cannot be read: the same
 *   content is listed, one row after another.
 * - --paper a4: pages of TEXT_A4_LINES lines separated by form feeds. A
 *   row that fits on a page is not split; the table header is repeated on
 *   every page the table runs on; the foot says 第 N 頁／共 M 頁; the
 *   signature block is kept on one page.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export-formats.h"
#include "export-grid.h"
#include "export-util.h"
#include "width.h"
#include "xalloc.h"

#define TEXT_MIN_WIDTH		40
#define TEXT_MAX_WIDTH		1000
#define TEXT_MIN_TABLE		100
#define TEXT_A4_LINES		44
#define TEXT_FOOT_LINES		2	/* a blank line, 第 N 頁／共 M 頁 */

/* Lines of text, each malloc'd. */
struct text_lines {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

struct text_layout {
	size_t	 width;
	size_t	 w[GRID_NCOLS];		/* content columns of each cell */
};

/*
 * The pages being filled. Without paper there is one endless page. The
 * table's header lines are kept to start every page the table runs on.
 */
struct text_pager {
	size_t			 width;
	size_t			 page_lines;	/* 0: no pages */
	struct text_lines	*pages;
	size_t			 npages;
	const struct text_lines	*header;	/* non-NULL inside the table */
	char			*close;		/* the rule that ends a page of it */
	bool			 fresh;		/* only the header on this page */
};

static void
lines_push(struct text_lines *l, char *line)
{
	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 16 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = line;
}

static void
lines_free(struct text_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static const char *
line_at(const struct text_lines *l, size_t i)
{
	return i < l->n ? l->v[i] : "";
}

/* Push the lines of text wrapped to cols: the first after indent spaces,
 * the others after indent + hang, so that "■" or "(1)" stands out. */
static void
wrap_into(struct text_lines *l, const char *text, size_t cols, size_t indent,
    size_t hang)
{
	char **first, **rest_lines;
	const char *rest;
	size_t n, i;

	if (indent + hang + 4 > cols)
		indent = hang = 0;
	first = width_wrap(text, cols - indent, &n);
	if (n == 0) {
		width_lines_free(first);
		lines_push(l, xasprintf("%*s", (int)indent, ""));
		return;
	}
	lines_push(l, xasprintf("%*s%s", (int)indent, "", first[0]));
	/* width_wrap's first line is a byte prefix of text. */
	rest = text + strlen(first[0]);
	width_lines_free(first);
	while (*rest == ' ')
		rest++;
	if (*rest == '\n')
		rest++;
	else if (*rest == '\0')
		return;
	rest_lines = width_wrap(rest, cols - indent - hang, &n);
	for (i = 0; i < n; i++)
		lines_push(l, xasprintf("%*s%s", (int)(indent + hang), "",
		    rest_lines[i]));
	width_lines_free(rest_lines);
}

static bool
is_option(const struct grid_para *p)
{
	return p->kind == GRID_OPTION || p->kind == GRID_CHOSEN;
}

/* An option's lines hang under its text, past the ■ or □. */
static size_t
para_hang(const struct grid_para *p)
{
	return is_option(p) ? width_of("■") : 0;
}

/* Add word to the last line when it fits there, else start a line. */
static void
run_on(struct text_lines *l, const char *word, size_t cols)
{
	char *joined;

	if (l->n > 0 && width_of(l->v[l->n - 1]) + 1 + width_of(word) <=
	    cols) {
		joined = xasprintf("%s %s", l->v[l->n - 1], word);
		free(l->v[l->n - 1]);
		l->v[l->n - 1] = joined;
	} else
		wrap_into(l, word, cols, 0, 0);
}

/* Where a tail's part ends: at a blank before "得分" or "(". */
static const char *
tail_part_end(const char *s)
{
	const char *p;

	for (p = s + 1; *p != '\0'; p++) {
		if (p[-1] == ' ' && (*p == '(' ||
		    strncmp(p, "得分", strlen("得分")) == 0))
			return p - 1;
	}
	return p;
}

/*
 * A cell's lines. A heading's tail "(200分) 得分：174" follows its label,
 * each part whole on the line where it fits (a part broken inside reads
 * badly); starts[] (when non-NULL) gets the line each paragraph begins on.
 */
static void
cell_lines(struct text_lines *l, const struct grid_cell *c, size_t cols,
    size_t *starts)
{
	const struct grid_para *p;
	const char *part, *next;
	char *word;
	size_t i;

	for (i = 0; i < c->np; i++) {
		p = &c->p[i];
		if (starts != NULL)
			starts[i] = l->n;
		if (*p->text != '\0' || p->tail == NULL)
			wrap_into(l, p->text, cols, 0, para_hang(p));
		if (p->tail == NULL)
			continue;
		/* The parts: "(200分)", "得分：174（已評 2/5）". */
		for (part = p->tail; *part != '\0'; part = next) {
			next = tail_part_end(part);
			word = xstrndup(part, (size_t)(next - part));
			run_on(l, word, cols);
			free(word);
			while (*next == ' ')
				next++;
		}
	}
}

/* 細項配分: each band level with the paragraph it is printed beside. */
static void
range_lines(struct text_lines *l, const struct grid_cell *content,
    size_t cols, const size_t *starts)
{
	size_t i;

	for (i = 0; i < content->np; i++) {
		if (content->p[i].band == NULL)
			continue;
		while (l->n < starts[i])
			lines_push(l, xstrdup(""));
		wrap_into(l, content->p[i].band, cols, 0, 0);
	}
}

static size_t
text_clamp(size_t v, size_t lo, size_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The widest score, or band (range: the bands of 考核內容). */
static size_t
widest(const struct grid *g, bool range)
{
	const struct grid_cell *c;
	size_t r, i, w, most = 0;

	for (r = 0; r < g->nrows; r++) {
		c = &g->rows[r].cell[range ? GRID_CONTENT : GRID_SCORE];
		for (i = 0; i < c->np; i++) {
			if (range && c->p[i].band == NULL)
				continue;
			w = width_of(range ? c->p[i].band : c->p[i].text);
			most = w > most ? w : most;
		}
	}
	return most;
}

/*
 * Columns from the total width: the borders take 3 a cell plus 1; 評分
 * and 細項配分 hold their widest number; the two merged columns get a
 * tenth each; the rest goes to 考核內容, 紀錄事項 (the longest text) and
 * 評分說明.
 */
static int
text_layout(struct text_layout *L, const struct grid *g, size_t width)
{
	size_t avail, rest;

	L->width = width;
	if (width < TEXT_MIN_TABLE)
		return -1;
	avail = width - (3 * GRID_NCOLS + 1);
	L->w[GRID_SCORE] = text_clamp(widest(g, false),
	    width_of(grid_headers[GRID_SCORE]), 12);
	L->w[GRID_RANGE] = text_clamp(widest(g, true), 8, 14);
	L->w[GRID_DIM] = text_clamp(avail * 10 / 100, 8, 24);
	L->w[GRID_ITEM] = text_clamp(avail * 11 / 100, 8, 26);
	rest = avail - L->w[GRID_SCORE] - L->w[GRID_RANGE] -
	    L->w[GRID_DIM] - L->w[GRID_ITEM];
	L->w[GRID_CONTENT] = rest * 35 / 100;
	L->w[GRID_RECORD] = rest * 36 / 100;
	L->w[GRID_RATIONALE] = rest - L->w[GRID_CONTENT] -
	    L->w[GRID_RECORD];
	return 0;
}

/* --- the pager --- */

static struct text_lines *
pager_page(struct text_pager *P)
{
	return &P->pages[P->npages - 1];
}

static void
pager_new_page(struct text_pager *P)
{
	P->pages = xreallocarray(P->pages, P->npages + 1, sizeof *P->pages);
	memset(&P->pages[P->npages], 0, sizeof P->pages[0]);
	P->npages++;
	P->fresh = false;
}

/* Lines left on this page for content; SIZE_MAX without pages. */
static size_t
pager_room(const struct text_pager *P)
{
	size_t cap, used = P->pages[P->npages - 1].n;

	if (P->page_lines == 0)
		return SIZE_MAX;
	cap = P->page_lines - TEXT_FOOT_LINES - (P->header != NULL ? 1 : 0);
	return used < cap ? cap - used : 0;
}

static void
pager_raw(struct text_pager *P, const char *s)
{
	lines_push(pager_page(P), width_pad(s, P->width));
}

static void
pager_header(struct text_pager *P)
{
	size_t i;

	for (i = 0; i < P->header->n; i++)
		pager_raw(P, P->header->v[i]);
	P->fresh = true;
}

static void
pager_break(struct text_pager *P)
{
	if (P->header != NULL)
		pager_raw(P, P->close);
	pager_new_page(P);
	if (P->header != NULL)
		pager_header(P);
}

/* One line, exactly the width; a full page is closed first. */
static void
pager_put(struct text_pager *P, const char *s)
{
	if (pager_room(P) == 0)
		pager_break(P);
	pager_raw(P, s);
	P->fresh = false;
}

/* Keep the next n lines on one page when a page can hold them. */
static void
pager_keep(struct text_pager *P, size_t n)
{
	size_t whole;

	if (P->page_lines == 0 || pager_room(P) >= n || P->fresh)
		return;
	whole = P->page_lines - TEXT_FOOT_LINES - (P->header != NULL ?
	    1 + P->header->n : 0);
	if (n <= whole)
		pager_break(P);
}

/*
 * Before a row of n lines: a short row is kept whole; a tall one (over a
 * third of a page) may start low on a page and go on overleaf, as rows do
 * on the paper form, rather than leave most of a page blank.
 */
static void
pager_keep_row(struct text_pager *P, size_t n)
{
	size_t whole;

	if (P->page_lines == 0)
		return;
	whole = P->page_lines - TEXT_FOOT_LINES - 1 - P->header->n;
	if (n <= whole / 3)
		pager_keep(P, n);
	else if (pager_room(P) < 4 && !P->fresh)
		pager_break(P);
}

static void
pager_begin_table(struct text_pager *P, const struct text_lines *header,
    char *close)
{
	P->header = header;
	P->close = close;
	pager_keep(P, header->n + 4);
	pager_header(P);
}

static void
pager_end_table(struct text_pager *P)
{
	pager_raw(P, P->close);
	P->header = NULL;
	free(P->close);
	P->close = NULL;
}

static void
pager_put_wrapped(struct text_pager *P, const char *text, size_t indent,
    size_t hang)
{
	struct text_lines l = { 0 };
	size_t i;

	wrap_into(&l, text, P->width, indent, hang);
	for (i = 0; i < l.n; i++)
		pager_put(P, l.v[i]);
	lines_free(&l);
}

static void
pager_raw_page(struct text_lines *pg, size_t width)
{
	lines_push(pg, width_pad("", width));
}

/* Pages padded to their length, the foot, a form feed between pages. */
static void
pager_finish(struct text_pager *P, FILE *out)
{
	struct text_lines *pg;
	char *foot;
	size_t i, j, left;

	for (i = 0; i < P->npages; i++) {
		pg = &P->pages[i];
		if (P->page_lines > 0) {
			while (pg->n < P->page_lines - TEXT_FOOT_LINES)
				pager_raw_page(pg, P->width);
			foot = xasprintf("第 %zu 頁／共 %zu 頁", i + 1,
			    P->npages);
			left = P->width > width_of(foot) ?
			    (P->width - width_of(foot)) / 2 : 0;
			pager_raw_page(pg, P->width);
			lines_push(pg, xasprintf("%*s%s", (int)left, "",
			    foot));
			free(foot);
			foot = width_pad(pg->v[pg->n - 1], P->width);
			free(pg->v[pg->n - 1]);
			pg->v[pg->n - 1] = foot;
		}
		for (j = 0; j < pg->n; j++) {
			if (i > 0 && j == 0)
				fputc('\f', out);
			fputs(pg->v[j], out);
			fputc('\n', out);
		}
		lines_free(pg);
	}
	free(P->pages);
	P->pages = NULL;
	P->npages = 0;
}

/* --- the table --- */

static char *
repeat(int c, size_t n)
{
	char *s = xmalloc(n + 1);

	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* Append s padded to cols, between "| " and " ". */
static void
append_cell(char **line, const char *s, size_t cols)
{
	char *p = width_pad(s, cols), *next;

	next = xasprintf("%s| %s ", *line, p);
	free(p);
	free(*line);
	*line = next;
}

/*
 * A rule; the first `merged` columns are cells whose text runs on
 * through it (the merged 評核構面 and 考核項目), texts[] their lines.
 */
static char *
text_rule(const struct text_layout *L, size_t merged,
    const char *const texts[], int c)
{
	char *line = xstrdup(""), *dash, *next;
	size_t i;

	for (i = 0; i < merged; i++)
		append_cell(&line, texts[i], L->w[i]);
	for (i = merged; i < GRID_NCOLS; i++) {
		dash = repeat(c, L->w[i] + 2);
		next = xasprintf("%s+%s", line, dash);
		free(dash);
		free(line);
		line = next;
	}
	next = xasprintf("%s+", line);
	free(line);
	return next;
}

static char *
text_line(const struct text_layout *L, const char *const cells[])
{
	char *line = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < GRID_NCOLS; i++)
		append_cell(&line, cells[i], L->w[i]);
	next = xasprintf("%s|", line);
	free(line);
	return next;
}

/* The column titles, wrapped in their columns, between rules. */
static void
table_header(struct text_lines *h, const struct text_layout *L)
{
	struct text_lines col[GRID_NCOLS];
	const char *cells[GRID_NCOLS];
	size_t i, j, height = 1;

	memset(col, 0, sizeof col);
	for (i = 0; i < GRID_NCOLS; i++) {
		wrap_into(&col[i], grid_headers[i], L->w[i], 0, 0);
		height = col[i].n > height ? col[i].n : height;
	}
	lines_push(h, text_rule(L, 0, NULL, '-'));
	for (j = 0; j < height; j++) {
		for (i = 0; i < GRID_NCOLS; i++)
			cells[i] = line_at(&col[i], j);
		lines_push(h, text_line(L, cells));
	}
	lines_push(h, text_rule(L, 0, NULL, '='));
	for (i = 0; i < GRID_NCOLS; i++)
		lines_free(&col[i]);
}

/*
 * A merged cell of 評核構面 or 考核項目: the grid marks it on its first row
 * (span = how many rows) and leaves the rows it covers at span 0.
 */
struct text_span {
	enum grid_col		 col;
	size_t			 first;
	size_t			 count;
	const struct grid_cell	*cell;
};

struct text_spans {
	struct text_span	*v;
	size_t			 n;
};

static void
spans_build(struct text_spans *S, const struct grid *g)
{
	static const enum grid_col cols[] = { GRID_DIM, GRID_ITEM };
	const struct grid_cell *c;
	size_t r, k;

	S->v = xcalloc(2 * g->nrows + 1, sizeof *S->v);
	S->n = 0;
	for (r = 0; r < g->nrows; r++) {
		for (k = 0; k < 2; k++) {
			c = &g->rows[r].cell[cols[k]];
			if (c->span == 0)
				continue;
			S->v[S->n].col = cols[k];
			S->v[S->n].first = r;
			S->v[S->n].count = c->span;
			S->v[S->n].cell = c;
			S->n++;
		}
	}
}

/* The merged cell of col that row r is in; NULL for none. */
static const struct text_span *
span_of(const struct text_spans *S, enum grid_col col, size_t r)
{
	size_t i;

	for (i = 0; i < S->n; i++) {
		if (S->v[i].col == col && r >= S->v[i].first &&
		    r < S->v[i].first + S->v[i].count)
			return &S->v[i];
	}
	return NULL;
}

/* The merged cells being drawn, and how far down each has got. */
struct text_merge {
	const struct text_span	*span[2];	/* DIM, ITEM */
	struct text_lines	 lines[2];
	size_t			 next[2];
};

static void
merge_open(struct text_merge *m, size_t k, const struct text_span *s,
    const struct text_layout *L)
{
	lines_free(&m->lines[k]);
	m->span[k] = s;
	m->next[k] = 0;
	if (s != NULL)
		cell_lines(&m->lines[k], s->cell, L->w[k], NULL);
}

static const char *
merge_take(struct text_merge *m, size_t k)
{
	if (m->span[k] == NULL)
		return "";
	return line_at(&m->lines[k], m->next[k]++);
}

static bool
merge_left(const struct text_merge *m, size_t k)
{
	return m->span[k] != NULL && m->next[k] < m->lines[k].n;
}

/* A row's own cells as lines. */
struct text_row {
	struct text_lines col[GRID_NCOLS];
	size_t		  height;
};

static void
row_build(struct text_row *tr, const struct grid_row *row,
    const struct text_layout *L)
{
	const struct grid_cell *content = &row->cell[GRID_CONTENT];
	size_t *starts, i;
	char *s;

	memset(tr, 0, sizeof *tr);
	starts = xcalloc(content->np + 1, sizeof *starts);
	cell_lines(&tr->col[GRID_CONTENT], content, L->w[GRID_CONTENT],
	    starts);
	range_lines(&tr->col[GRID_RANGE], content, L->w[GRID_RANGE], starts);
	free(starts);
	for (i = 0; i < row->cell[GRID_SCORE].np; i++) {
		s = row->cell[GRID_SCORE].p[i].text;
		lines_push(&tr->col[GRID_SCORE], xasprintf("%*s%s",
		    (int)(L->w[GRID_SCORE] > width_of(s) ?
		    L->w[GRID_SCORE] - width_of(s) : 0), "", s));
	}
	cell_lines(&tr->col[GRID_RECORD], &row->cell[GRID_RECORD],
	    L->w[GRID_RECORD], NULL);
	cell_lines(&tr->col[GRID_RATIONALE], &row->cell[GRID_RATIONALE],
	    L->w[GRID_RATIONALE], NULL);
	tr->height = 1;
	for (i = GRID_SCORE; i < GRID_NCOLS; i++)
		tr->height = tr->col[i].n > tr->height ? tr->col[i].n :
		    tr->height;
}

static void
row_free(struct text_row *tr)
{
	size_t i;

	for (i = 0; i < GRID_NCOLS; i++)
		lines_free(&tr->col[i]);
}

static void
put_row_line(struct text_pager *P, const struct text_layout *L,
    struct text_merge *m, const struct text_row *tr, size_t j)
{
	const char *cells[GRID_NCOLS];
	char *line;
	size_t i;

	cells[GRID_DIM] = merge_take(m, 0);
	cells[GRID_ITEM] = merge_take(m, 1);
	for (i = GRID_SCORE; i < GRID_NCOLS; i++)
		cells[i] = tr != NULL ? line_at(&tr->col[i], j) : "";
	line = text_line(L, cells);
	pager_put(P, line);
	free(line);
}

/*
 * The rule above a row: across everything at a new top section, else
 * through the merged cells that go on past it. On a fresh page the
 * header's last rule already separates.
 */
static void
put_separator(struct text_pager *P, const struct text_layout *L,
    struct text_merge *m, size_t merged)
{
	const char *texts[2];
	char *line;

	if (P->fresh)
		return;
	texts[0] = merged > 0 ? merge_take(m, 0) : "";
	texts[1] = merged > 1 ? merge_take(m, 1) : "";
	line = text_rule(L, merged, texts, '-');
	pager_put(P, line);
	free(line);
}

/*
 * A merged cell taller than its rows (and the rules between them) makes
 * its last row taller, so that the row is kept whole with it.
 */
static void
grow_for_spans(const struct text_spans *S, const struct text_layout *L,
    struct text_row *rows)
{
	const struct text_span *s;
	struct text_lines l;
	size_t i, r, have;

	for (i = 0; i < S->n; i++) {
		s = &S->v[i];
		memset(&l, 0, sizeof l);
		cell_lines(&l, s->cell, L->w[s->col], NULL);
		have = s->count - 1;
		for (r = s->first; r < s->first + s->count; r++)
			have += rows[r].height;
		if (l.n > have)
			rows[s->first + s->count - 1].height += l.n - have;
		lines_free(&l);
	}
}

static void
text_table(struct text_pager *P, const struct grid *g,
    const struct text_layout *L)
{
	struct text_lines header = { 0 };
	const struct text_span *dim, *item;
	struct text_spans S;
	struct text_row *rows;
	struct text_merge m;
	size_t r, j, merged;
	bool last_dim, last_item;

	memset(&m, 0, sizeof m);
	spans_build(&S, g);
	rows = xcalloc(g->nrows + 1, sizeof *rows);
	for (r = 0; r < g->nrows; r++)
		row_build(&rows[r], &g->rows[r], L);
	grow_for_spans(&S, L, rows);
	table_header(&header, L);
	pager_begin_table(P, &header, text_rule(L, 0, NULL, '-'));
	for (r = 0; r < g->nrows; r++) {
		dim = span_of(&S, GRID_DIM, r);
		item = span_of(&S, GRID_ITEM, r);
		merged = dim != m.span[0] ? 0 : item == NULL ||
		    item != m.span[1] ? 1 : 2;
		pager_keep_row(P, rows[r].height + (r > 0 ? 1 : 0));
		if (r > 0)
			put_separator(P, L, &m, merged);
		if (dim != m.span[0])
			merge_open(&m, 0, dim, L);
		if (item != m.span[1])
			merge_open(&m, 1, item, L);
		for (j = 0; j < rows[r].height; j++)
			put_row_line(P, L, &m, &rows[r], j);
		row_free(&rows[r]);
		/* A merged cell taller than its rows: the last row grows. */
		last_dim = dim == NULL || r + 1 == dim->first + dim->count;
		last_item = item == NULL || r + 1 == item->first + item->count;
		while ((last_dim && merge_left(&m, 0)) ||
		    (last_item && merge_left(&m, 1)))
			put_row_line(P, L, &m, NULL, 0);
	}
	pager_end_table(P);
	free(rows);
	free(S.v);
	lines_free(&header);
	lines_free(&m.lines[0]);
	lines_free(&m.lines[1]);
}

/* --- around the table --- */

static void
box_line(struct text_pager *P, const char *s, bool center)
{
	size_t inner = P->width - 4, w = width_of(s), left = 0;
	char *padded, *line;

	if (center && w < inner)
		left = (inner - w) / 2;
	padded = width_pad(s, inner - left);
	line = xasprintf("| %*s%s |", (int)left, "", padded);
	pager_put(P, line);
	free(line);
	free(padded);
}

static void
box_rule(struct text_pager *P)
{
	char *dash = repeat('-', P->width - 2), *line;

	line = xasprintf("+%s+", dash);
	pager_put(P, line);
	free(line);
	free(dash);
}

/* The title, then the header facts one a line, as the form lists them. */
static void
text_header(struct text_pager *P, const struct grid *g)
{
	struct text_lines l = { 0 };
	size_t i, j;

	box_rule(P);
	wrap_into(&l, g->title, P->width - 4, 0, 0);
	for (j = 0; j < l.n; j++)
		box_line(P, l.v[j], true);
	lines_free(&l);
	box_rule(P);
	for (i = 0; i < g->nfacts; i++) {
		wrap_into(&l, g->facts[i], P->width - 4, 0, 0);
		for (j = 0; j < l.n; j++)
			box_line(P, l.v[j], false);
		lines_free(&l);
	}
	box_rule(P);
}

/* Under the table: each ＊ and where it came from. */
static void
text_legend(struct text_pager *P, const struct grid *g)
{
	size_t i;

	if (g->nlegend == 0)
		return;
	pager_put(P, "");
	pager_keep(P, 2);
	pager_put_wrapped(P, GRID_LEGEND, 0, 2);
	for (i = 0; i < g->nlegend; i++)
		pager_put_wrapped(P, g->legend[i], 2, 2);
}

/* 考核人員簽章: a line to sign on per inspector, then the date; kept whole. */
static void
text_signatures(struct text_pager *P, const struct grid *g)
{
	size_t i, namew = 0, w, line;
	char *s, *name, *rule;

	for (i = 0; i < g->nsigners; i++) {
		w = width_of(g->signers[i]);
		namew = w > namew ? w : namew;
	}
	namew = namew > P->width / 2 ? P->width / 2 : namew;
	line = P->width > namew + 8 ? P->width - namew - 8 : 4;
	line = line > 40 ? 40 : line;
	pager_put(P, "");
	pager_keep(P, 4 + 2 * g->nsigners);
	pager_put(P, "考核人員簽章：");
	rule = repeat('_', line);
	for (i = 0; i < g->nsigners; i++) {
		pager_put(P, "");
		name = width_pad(g->signers[i], namew);
		s = xasprintf("    %s  %s", name, rule);
		pager_put(P, s);
		free(s);
		free(name);
	}
	free(rule);
	pager_put(P, "");
	s = xasprintf("考核日期：%s", g->date);
	pager_put_wrapped(P, s, 0, 0);
	free(s);
}

/* --- narrow: the same content listed, one row after another --- */

static void
list_cell(struct text_pager *P, const struct grid_cell *c, size_t indent)
{
	struct text_lines l = { 0 };
	size_t i;
	char *s;

	cell_lines(&l, c, P->width - indent, NULL);
	for (i = 0; i < l.n; i++) {
		s = xasprintf("%*s%s", (int)indent, "", l.v[i]);
		pager_put(P, s);
		free(s);
	}
	lines_free(&l);
}

static void
list_field(struct text_pager *P, const char *name, const struct grid_cell *c)
{
	char *s;

	if (c->np == 0)
		return;
	s = xasprintf("  %s：", name);
	pager_put(P, s);
	free(s);
	list_cell(P, c, 4);
}

/*
 * 考核內容 with each option's band after its box, "■ 26~30分 服務人員…";
 * the band of a title (the item's range) on a line of its own after.
 */
static void
list_content(struct text_pager *P, const struct grid_cell *c)
{
	struct grid_cell one;
	struct grid_para p;
	const char *range = NULL;
	size_t i, box;
	char *s;

	if (c->np > 0)
		pager_put(P, "  考核內容：");
	for (i = 0; i < c->np; i++) {
		p = c->p[i];
		if (is_option(&p) && p.band != NULL) {
			box = strlen("■");
			s = xasprintf("%.*s %s %s", (int)box, p.text, p.band,
			    p.text + box);
			pager_put_wrapped(P, s, 4, para_hang(&p) + 1);
			free(s);
			continue;
		}
		if (p.band != NULL)
			range = p.band;
		one.p = &p;
		one.np = 1;
		one.span = 1;
		list_cell(P, &one, 4);
	}
	if (range != NULL) {
		s = xasprintf("  細項配分：%s", range);
		pager_put(P, s);
		free(s);
	}
}

static void
list_row(struct text_pager *P, const struct grid_row *row)
{
	char *s;

	s = xasprintf("  評分：%s", row->cell[GRID_SCORE].np > 0 ?
	    row->cell[GRID_SCORE].p[0].text : "");
	pager_put(P, s);
	free(s);
	list_content(P, &row->cell[GRID_CONTENT]);
	list_field(P, "紀錄事項", &row->cell[GRID_RECORD]);
	list_field(P, "評分說明", &row->cell[GRID_RATIONALE]);
}

static void
text_list(struct text_pager *P, const struct grid *g)
{
	static const enum grid_col cols[] = { GRID_DIM, GRID_ITEM };
	const struct grid_cell *c;
	char *rule, *dash;
	size_t i, r, k;
	bool opened;

	pager_put_wrapped(P, g->title, 0, 0);
	for (i = 0; i < g->nfacts; i++)
		pager_put_wrapped(P, g->facts[i], 0, 0);
	rule = repeat('=', P->width);
	dash = repeat('-', P->width);
	for (r = 0; r < g->nrows; r++) {
		/* A rule above each row, "=" above a top section. */
		opened = false;
		for (k = 0; k < 2; k++) {
			c = &g->rows[r].cell[cols[k]];
			if (c->span == 0)
				continue;
			if (!opened)
				pager_put(P, k == 0 ? rule : dash);
			opened = true;
			list_cell(P, c, 0);
		}
		if (!opened)
			pager_put(P, dash);
		list_row(P, &g->rows[r]);
	}
	pager_put(P, rule);
	free(dash);
	free(rule);
}

int
export_text(FILE *out, const struct scorecard *sc,
    const struct export_options *o, char **cause)
{
	struct text_pager P = { 0 };
	struct text_layout L;
	struct grid g;
	bool was;

	(void)cause;
	was = width_set_ambiguous_wide(o->ambiguous_wide);
	P.width = (size_t)(o->width < TEXT_MIN_WIDTH ? TEXT_MIN_WIDTH :
	    o->width > TEXT_MAX_WIDTH ? TEXT_MAX_WIDTH : o->width);
	P.page_lines = o->paper == EXPORT_PAPER_A4 ? TEXT_A4_LINES : 0;
	pager_new_page(&P);
	grid_build(&g, sc);
	if (text_layout(&L, &g, P.width) != 0)
		text_list(&P, &g);
	else {
		text_header(&P, &g);
		text_table(&P, &g, &L);
	}
	text_legend(&P, &g);
	text_signatures(&P, &g);
	pager_finish(&P, out);
	grid_free(&g);
	(void)width_set_ambiguous_wide(was);
	return 0;
}
