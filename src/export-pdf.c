/*
 * The PDF export: the paper form drawn with cairo, its text shaped and
 * broken into lines by pango (CJK included; nothing here breaks lines).
 * A4 landscape; cairo embeds a subset of every font it uses.
 *
 * The grid (export-grid.c) says what goes in which cell. Here:
 * - every cell becomes pango layouts, one per paragraph, placed in the
 *   cell; a 細項配分 band is placed level with its 考核內容 paragraph;
 * - pagination runs once over the rows, recording fragments (which row,
 *   where on which page, which part of each cell), so that the second
 *   pass knows the page count for 第 N 頁／共 M 頁;
 * - a row that does not fit moves to the next page when a page can hold
 *   it, and is split between lines otherwise, each part under the
 *   repeated header row;
 * - a merged cell (評核構面, 考核項目) is drawn over its rows on each page
 *   it reaches, its headings repeated at the top of each part.
 * The legend and the 考核人員簽章 block follow the table; they are whole,
 * and the signatures end the last page.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "export-formats.h"
#include "export-grid.h"
#include "export-summary.h"
#include "i18n.h"
#include "xalloc.h"

/* A4 landscape in points (297 x 210 mm). */
#define PDF_W		841.89
#define PDF_H		595.28
#define PDF_MX		28.0	/* left and right margins */
#define PDF_TOP		42.0	/* where the table starts on a page */
#define PDF_BOTTOM	(PDF_H - 40.0)
#define PDF_PAD		3.0	/* inside a cell */
#define PDF_GAP		1.5	/* between paragraphs of a cell */
#define PDF_RULE	0.6
#define PDF_BODY	7.5	/* points */
#define PDF_SMALL	7.0
#define PDF_FONTS	"Noto Sans CJK TC,Noto Sans TC,Source Han Sans TC," \
			"Microsoft JhengHei,PMingLiU,sans-serif"
/* A row taller than this is split rather than moved to a new page. */
#define PDF_MIN_PART	48.0

static const double pdf_col_frac[GRID_NCOLS] = {
	0.10, 0.09, 0.045, 0.21, 0.07, 0.29, 0.195,
};

struct pdf_para {
	PangoLayout	*lay;
	double		 y;		/* top, within the cell's text box */
};

struct pdf_cell {
	struct pdf_para	*p;
	size_t		 n;
	double		 h;		/* text height, padding excluded */
};

struct pdf_row {
	struct pdf_cell	 cell[GRID_NCOLS];
	double		 h;		/* natural height, padding included */
	size_t		 owner[2];	/* the rows whose merged DIM, ITEM cells cover it */
};

/* A part of a row on a page: its cells from from[] to to[]. */
struct pdf_frag {
	size_t	 row;
	size_t	 page;
	double	 y, h;
	double	 from[GRID_NCOLS], to[GRID_NCOLS];
};

struct pdf {
	cairo_t			*cr;
	PangoFontMap		*fontmap;
	PangoContext		*ctx;
	PangoFontDescription	*body, *bold, *small, *title;
	const struct grid	*g;
	double			 colx[GRID_NCOLS + 1];
	struct pdf_row		*rows;
	struct pdf_frag		*frags;
	size_t			 nfrags, capfrags;
	struct pdf_cell		 headcell[GRID_NCOLS];
	double			 headh;		/* the header row's height */
	PangoLayout		*top;		/* the first page's title block */
	PangoLayout		*facts;
	PangoLayout		*legend;
	double			 top_h;
	size_t			 npages;
	size_t			 legend_page, sign_page;
	char			*run_left, *run_right;	/* the running head */
	double			 legend_y, sign_y;
	char			*cause;
};

static PangoFontDescription *
pdf_font(double size, bool bold)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, PDF_FONTS);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	return fd;
}

static PangoLayout *
pdf_layout(struct pdf *P, const char *text, const PangoFontDescription *fd,
    double width, PangoAlignment align)
{
	PangoLayout *lay = pango_layout_new(P->ctx);

	pango_layout_set_font_description(lay, fd);
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
	pango_layout_set_alignment(lay, align);
	pango_layout_set_text(lay, text, -1);
	return lay;
}

static double
pdf_height(PangoLayout *lay)
{
	int w, h;

	pango_layout_get_size(lay, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void
pdf_cell_add(struct pdf_cell *c, PangoLayout *lay, double y)
{
	c->p = xreallocarray(c->p, c->n + 1, sizeof *c->p);
	c->p[c->n].lay = lay;
	c->p[c->n].y = y;
	c->n++;
	if (y + pdf_height(lay) > c->h)
		c->h = y + pdf_height(lay);
}

static void
pdf_cell_free(struct pdf_cell *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		g_object_unref(c->p[i].lay);
	free(c->p);
	memset(c, 0, sizeof *c);
}

static double
pdf_textw(const struct pdf *P, enum grid_col col)
{
	return P->colx[col + 1] - P->colx[col] - 2 * PDF_PAD;
}

static double
pdf_width_of(struct pdf *P, const char *text, const PangoFontDescription *fd)
{
	PangoLayout *lay = pdf_layout(P, text, fd, -1, PANGO_ALIGN_LEFT);
	int w, h;

	pango_layout_set_width(lay, -1);
	pango_layout_get_size(lay, &w, &h);
	g_object_unref(lay);
	return (double)w / PANGO_SCALE;
}

/*
 * A heading as drawn: its tail's parts ("(900分)＊", "得分：779") follow
 * the label on its last line while they fit, else each starts a line;
 * pango would break inside "(900分)".
 */
static char *
pdf_para_text(struct pdf *P, const struct grid_para *p,
    const PangoFontDescription *fd, double width)
{
	char *out = xstrdup(p->text), *next, *part, *line;
	const char *t, *sp;

	if (p->tail == NULL)
		return out;
	line = strrchr(out, '\n');
	line = xstrdup(line != NULL ? line + 1 : out);
	for (t = p->tail; *t != '\0'; t = sp != NULL ? sp + 1 : t + strlen(t)) {
		sp = strchr(t, ' ');
		part = xstrndup(t, sp != NULL ? (size_t)(sp - t) : strlen(t));
		next = xasprintf("%s %s", line, part);
		free(line);
		if (pdf_width_of(P, next, fd) <= width) {
			line = next;
			next = xasprintf("%s %s", out, part);
		} else {
			free(next);
			line = xstrdup(part);
			next = xasprintf("%s\n%s", out, part);
		}
		free(part);
		free(out);
		out = next;
	}
	free(line);
	return out;
}

static PangoLayout *
pdf_para_layout(struct pdf *P, const struct grid_para *p, double width,
    PangoAlignment align)
{
	const PangoFontDescription *fd = p->kind == GRID_HEAD ||
	    p->kind == GRID_CHOSEN ? P->bold : P->body;
	char *text = pdf_para_text(P, p, fd, width);
	PangoLayout *lay;

	lay = pdf_layout(P, text, fd, width, align);
	free(text);
	return lay;
}

static void
pdf_plain_cell(struct pdf *P, struct pdf_cell *out, const struct grid_cell *c,
    enum grid_col col, PangoAlignment align)
{
	double y = 0;
	size_t i;

	for (i = 0; i < c->np; i++) {
		PangoLayout *lay = pdf_para_layout(P, &c->p[i],
		    pdf_textw(P, col), align);

		pdf_cell_add(out, lay, y);
		y = out->h + PDF_GAP;
	}
}

/* 考核內容 and 細項配分: each band level with its paragraph. */
static void
pdf_content_cells(struct pdf *P, struct pdf_row *row,
    const struct grid_cell *c)
{
	struct pdf_cell *text = &row->cell[GRID_CONTENT];
	struct pdf_cell *band = &row->cell[GRID_RANGE];
	PangoLayout *lay;
	double y = 0, h;
	size_t i;

	for (i = 0; i < c->np; i++) {
		lay = pdf_para_layout(P, &c->p[i], pdf_textw(P, GRID_CONTENT),
		    PANGO_ALIGN_LEFT);
		h = pdf_height(lay);
		pdf_cell_add(text, lay, y);
		if (c->p[i].band != NULL) {
			lay = pdf_layout(P, c->p[i].band, P->body,
			    pdf_textw(P, GRID_RANGE), PANGO_ALIGN_CENTER);
			if (pdf_height(lay) > h)
				h = pdf_height(lay);
			pdf_cell_add(band, lay, y);
		}
		y += h + PDF_GAP;
	}
}

static void
pdf_row_build(struct pdf *P, struct pdf_row *row, const struct grid_row *g)
{
	double h = 0;
	int c;

	pdf_plain_cell(P, &row->cell[GRID_DIM], &g->cell[GRID_DIM], GRID_DIM,
	    PANGO_ALIGN_LEFT);
	pdf_plain_cell(P, &row->cell[GRID_ITEM], &g->cell[GRID_ITEM],
	    GRID_ITEM, PANGO_ALIGN_LEFT);
	pdf_plain_cell(P, &row->cell[GRID_SCORE], &g->cell[GRID_SCORE],
	    GRID_SCORE, PANGO_ALIGN_CENTER);
	pdf_content_cells(P, row, &g->cell[GRID_CONTENT]);
	pdf_plain_cell(P, &row->cell[GRID_RECORD], &g->cell[GRID_RECORD],
	    GRID_RECORD, PANGO_ALIGN_LEFT);
	pdf_plain_cell(P, &row->cell[GRID_RATIONALE],
	    &g->cell[GRID_RATIONALE], GRID_RATIONALE, PANGO_ALIGN_LEFT);
	/* The merged cells do not set the row's height: their rows do. */
	for (c = GRID_SCORE; c < GRID_NCOLS; c++) {
		if (row->cell[c].h > h)
			h = row->cell[c].h;
	}
	row->h = h + 2 * PDF_PAD;
}

/* Each merged cell's rows must hold it: the last one grows if not. */
static void
pdf_rows_fit_spans(struct pdf *P)
{
	const struct grid *g = P->g;
	size_t r, k, s, owner[2] = { 0, 0 };
	double sum;
	int m;

	for (r = 0; r < g->nrows; r++) {
		for (m = 0; m < 2; m++) {
			s = g->rows[r].cell[m].span;
			if (s > 0)
				owner[m] = r;
			P->rows[r].owner[m] = owner[m];
			if (s == 0)
				continue;
			for (sum = 0, k = r; k < r + s && k < g->nrows; k++)
				sum += P->rows[k].h;
			if (sum < P->rows[r].cell[m].h + 2 * PDF_PAD)
				P->rows[r + s - 1].h +=
				    P->rows[r].cell[m].h + 2 * PDF_PAD - sum;
		}
	}
}

static void
pdf_frag_add(struct pdf *P, const struct pdf_frag *f)
{
	if (P->nfrags == P->capfrags) {
		P->capfrags = P->capfrags == 0 ? 64 : P->capfrags * 2;
		P->frags = xreallocarray(P->frags, P->capfrags,
		    sizeof *P->frags);
	}
	P->frags[P->nfrags++] = *f;
}

/*
 * The bottom of the last line of c that starts at or below from and ends
 * at or above limit; from itself when none does.
 */
static double
pdf_cell_cut(const struct pdf_cell *c, double from, double limit)
{
	PangoLayoutIter *it;
	double cut = from, y0, y1;
	int a, b;
	size_t i;

	for (i = 0; i < c->n; i++) {
		it = pango_layout_get_iter(c->p[i].lay);
		do {
			pango_layout_iter_get_line_yrange(it, &a, &b);
			y0 = c->p[i].y + (double)a / PANGO_SCALE;
			y1 = c->p[i].y + (double)b / PANGO_SCALE;
			if (y0 >= from - 0.01 && y1 <= limit + 0.01 && y1 > cut)
				cut = y1;
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
	}
	return cut;
}

/* The table's first row on a page: below the title block on page 0. */
static double
pdf_rows_top(const struct pdf *P, size_t page)
{
	return (page == 0 ? PDF_TOP + P->top_h : PDF_TOP) + P->headh;
}

/* Split row r over pages from (page, y); returns the y after it. */
static double
pdf_split_row(struct pdf *P, size_t r, size_t *page, double y)
{
	const struct pdf_row *row = &P->rows[r];
	struct pdf_frag f = { 0 };
	double avail, need;
	bool done;
	int c;

	f.row = r;
	for (;;) {
		avail = PDF_BOTTOM - y - 2 * PDF_PAD;
		f.page = *page;
		f.y = y;
		done = true;
		need = 0;
		for (c = GRID_SCORE; c < GRID_NCOLS; c++) {
			f.to[c] = pdf_cell_cut(&row->cell[c], f.from[c],
			    f.from[c] + avail);
			/* Done when no line is left below the cut. */
			if (pdf_cell_cut(&row->cell[c], f.to[c], 1e9) > f.to[c])
				done = false;
			if (f.to[c] - f.from[c] > need)
				need = f.to[c] - f.from[c];
		}
		if (done) {
			f.h = need + 2 * PDF_PAD;
			pdf_frag_add(P, &f);
			return y + f.h;
		}
		f.h = PDF_BOTTOM - y;
		pdf_frag_add(P, &f);
		memcpy(f.from, f.to, sizeof f.from);
		(*page)++;
		y = pdf_rows_top(P, *page);
	}
}

/* Pass one: where every row goes, and how many pages there are. */
static void
pdf_paginate(struct pdf *P)
{
	size_t page = 0, r;
	double y = pdf_rows_top(P, 0), full, blockh;
	struct pdf_frag f;
	int c;

	full = PDF_BOTTOM - pdf_rows_top(P, 1);
	for (r = 0; r < P->g->nrows; r++) {
		const struct pdf_row *row = &P->rows[r];

		if (y + row->h > PDF_BOTTOM && (row->h <= full ||
		    PDF_BOTTOM - y < PDF_MIN_PART) &&
		    y > pdf_rows_top(P, page)) {
			page++;
			y = pdf_rows_top(P, page);
		}
		if (y + row->h <= PDF_BOTTOM) {
			memset(&f, 0, sizeof f);
			f.row = r;
			f.page = page;
			f.y = y;
			f.h = row->h;
			for (c = 0; c < GRID_NCOLS; c++)
				f.to[c] = row->cell[c].h;
			pdf_frag_add(P, &f);
			y += row->h;
			continue;
		}
		y = pdf_split_row(P, r, &page, y);
	}
	/* The legend, then the signatures: each whole, the last on the
	 * last page. */
	y += 8;
	blockh = P->legend != NULL ? pdf_height(P->legend) : 0;
	if (blockh > 0 && y + blockh > PDF_BOTTOM) {
		page++;
		y = PDF_TOP;
	}
	P->legend_page = page;
	P->legend_y = y;
	y += blockh + 10;
	blockh = 40 + 26.0 * (double)(P->g->nsigners + 1);
	if (y + blockh > PDF_BOTTOM) {
		page++;
		y = PDF_TOP;
	}
	P->sign_page = page;
	P->sign_y = y;
	P->npages = page + 1;
}

/* Draw the lines of c between from and to, with c's text box at (x, y). */
static void
pdf_cell_draw(struct pdf *P, const struct pdf_cell *c, double x, double y,
    double from, double to)
{
	PangoLayoutIter *it;
	PangoRectangle ink, logical;
	double y0, y1;
	int a, b;
	size_t i;

	for (i = 0; i < c->n; i++) {
		it = pango_layout_get_iter(c->p[i].lay);
		do {
			pango_layout_iter_get_line_yrange(it, &a, &b);
			y0 = c->p[i].y + (double)a / PANGO_SCALE;
			y1 = c->p[i].y + (double)b / PANGO_SCALE;
			if (y0 < from - 0.01 || y1 > to + 0.01)
				continue;
			pango_layout_iter_get_line_extents(it, &ink, &logical);
			cairo_move_to(P->cr, x + (double)logical.x / PANGO_SCALE,
			    y + c->p[i].y - from +
			    (double)pango_layout_iter_get_baseline(it) /
			    PANGO_SCALE);
			pango_cairo_show_layout_line(P->cr,
			    pango_layout_iter_get_line_readonly(it));
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
	}
}

static void
pdf_rect(struct pdf *P, double x, double y, double w, double h)
{
	cairo_rectangle(P->cr, x, y, w, h);
	cairo_stroke(P->cr);
}

static void
pdf_header_row(struct pdf *P, double y)
{
	double w = P->colx[GRID_NCOLS] - P->colx[0];
	int c;

	cairo_set_source_rgb(P->cr, 0.92, 0.92, 0.92);
	cairo_rectangle(P->cr, P->colx[0], y, w, P->headh);
	cairo_fill(P->cr);
	cairo_set_source_rgb(P->cr, 0, 0, 0);
	for (c = 0; c < GRID_NCOLS; c++) {
		pdf_rect(P, P->colx[c], y, P->colx[c + 1] - P->colx[c],
		    P->headh);
		pdf_cell_draw(P, &P->headcell[c], P->colx[c] + PDF_PAD,
		    y + (P->headh - P->headcell[c].h) / 2, 0, 1e9);
	}
}

static void
pdf_frag_draw(struct pdf *P, const struct pdf_frag *f)
{
	const struct pdf_row *row = &P->rows[f->row];
	int c;

	for (c = GRID_SCORE; c < GRID_NCOLS; c++) {
		pdf_rect(P, P->colx[c], f->y, P->colx[c + 1] - P->colx[c],
		    f->h);
		pdf_cell_draw(P, &row->cell[c], P->colx[c] + PDF_PAD,
		    f->y + PDF_PAD, f->from[c], f->to[c]);
	}
}

/*
 * The merged cells on a page: each run of fragments under one owner is
 * one cell, its headings at the top, clipped to it.
 */
static void
pdf_merged_draw(struct pdf *P, size_t first, size_t end)
{
	const struct pdf_frag *a, *b;
	const struct pdf_cell *cell;
	size_t i, j;
	int m;

	for (m = 0; m < 2; m++) {
		for (i = first; i < end; i = j) {
			a = &P->frags[i];
			for (j = i + 1; j < end && P->rows[P->frags[j].row].
			    owner[m] == P->rows[a->row].owner[m]; j++)
				;
			b = &P->frags[j - 1];
			cell = &P->rows[P->rows[a->row].owner[m]].cell[m];
			pdf_rect(P, P->colx[m], a->y, P->colx[m + 1] -
			    P->colx[m], b->y + b->h - a->y);
			cairo_save(P->cr);
			cairo_rectangle(P->cr, P->colx[m], a->y, P->colx[m + 1] -
			    P->colx[m], b->y + b->h - a->y);
			cairo_clip(P->cr);
			pdf_cell_draw(P, cell, P->colx[m] + PDF_PAD,
			    a->y + PDF_PAD, 0, b->y + b->h - a->y - 2 * PDF_PAD);
			cairo_restore(P->cr);
		}
	}
}

static void
pdf_text_at(struct pdf *P, const char *text, const PangoFontDescription *fd,
    double x, double y, double w, PangoAlignment align)
{
	PangoLayout *lay = pdf_layout(P, text, fd, w, align);

	cairo_move_to(P->cr, x, y);
	pango_cairo_show_layout(P->cr, lay);
	g_object_unref(lay);
}

/* The running head and the foot with 第 N 頁／共 M 頁. */
static void
pdf_page_frame(struct pdf *P, size_t page)
{
	double w = PDF_W - 2 * PDF_MX;
	char *s;

	pdf_text_at(P, P->run_left, P->small, PDF_MX, 18, w,
	    PANGO_ALIGN_LEFT);
	pdf_text_at(P, P->run_right, P->small, PDF_MX, 18, w,
	    PANGO_ALIGN_RIGHT);
	s = xasprintf("第 %zu 頁／共 %zu 頁", page + 1, P->npages);
	pdf_text_at(P, s, P->small, PDF_MX, PDF_H - 26, w,
	    PANGO_ALIGN_CENTER);
	free(s);
}

static void
pdf_signatures(struct pdf *P, double y)
{
	static const double frac[3] = { 0.30, 0.45, 0.25 };
	static const char *const head[3] = { "考核人員", "簽章", "日期" };
	double w = P->colx[GRID_NCOLS] - P->colx[0], x[4], rh = 26;
	size_t i;
	int c;
	char *s;

	pdf_text_at(P, "考核人員簽章", P->title, PDF_MX, y, w,
	    PANGO_ALIGN_LEFT);
	y += 18;
	x[0] = PDF_MX;
	for (c = 0; c < 3; c++)
		x[c + 1] = x[c] + frac[c] * w;
	for (c = 0; c < 3; c++) {
		pdf_rect(P, x[c], y, x[c + 1] - x[c], 14);
		pdf_text_at(P, head[c], P->bold, x[c] + PDF_PAD, y + 2,
		    x[c + 1] - x[c] - 2 * PDF_PAD, PANGO_ALIGN_LEFT);
	}
	y += 14;
	for (i = 0; i < P->g->nsigners; i++, y += rh) {
		for (c = 0; c < 3; c++)
			pdf_rect(P, x[c], y, x[c + 1] - x[c], rh);
		pdf_text_at(P, P->g->signers[i], P->body, x[0] + PDF_PAD,
		    y + rh - 12, x[1] - x[0] - 2 * PDF_PAD, PANGO_ALIGN_LEFT);
		pdf_text_at(P, "　　年　　月　　日", P->body, x[2] + PDF_PAD,
		    y + rh - 12, x[3] - x[2] - 2 * PDF_PAD, PANGO_ALIGN_LEFT);
	}
	s = xasprintf("考核日期：%s", P->g->date);
	pdf_text_at(P, s, P->body, PDF_MX, y + 4, w, PANGO_ALIGN_LEFT);
	free(s);
}

/* Pass two: draw every page; cairo's status is checked after each. */
static int
pdf_draw(struct pdf *P, cairo_surface_t *surface)
{
	size_t page, i = 0, first;
	double w = P->colx[GRID_NCOLS] - P->colx[0];

	cairo_set_line_width(P->cr, PDF_RULE);
	for (page = 0; page < P->npages; page++) {
		cairo_set_source_rgb(P->cr, 0, 0, 0);
		pdf_page_frame(P, page);
		if (page == 0) {
			cairo_move_to(P->cr, PDF_MX, PDF_TOP - 6);
			pango_cairo_show_layout(P->cr, P->top);
			cairo_move_to(P->cr, PDF_MX, PDF_TOP - 6 +
			    pdf_height(P->top) + 4);
			pango_cairo_show_layout(P->cr, P->facts);
		}
		first = i;
		while (i < P->nfrags && P->frags[i].page == page)
			pdf_frag_draw(P, &P->frags[i++]);
		if (i > first) {
			pdf_header_row(P, pdf_rows_top(P, page) - P->headh);
			pdf_merged_draw(P, first, i);
		}
		if (P->legend != NULL && page == P->legend_page) {
			cairo_move_to(P->cr, PDF_MX, P->legend_y);
			pango_cairo_show_layout(P->cr, P->legend);
		}
		if (page == P->sign_page)
			pdf_signatures(P, P->sign_y);
		cairo_show_page(P->cr);
		if (cairo_status(P->cr) != CAIRO_STATUS_SUCCESS ||
		    cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
			P->cause = xasprintf(_("cannot draw the PDF: %s"),
			    cairo_status_to_string(cairo_status(P->cr) !=
			    CAIRO_STATUS_SUCCESS ? cairo_status(P->cr) :
			    cairo_surface_status(surface)));
			return -1;
		}
	}
	(void)w;
	return 0;
}

static char *
pdf_join(char **v, size_t n, const char *first, const char *sep)
{
	char *all = xstrdup(first != NULL ? first : ""), *next;
	size_t i;

	for (i = 0; i < n; i++) {
		next = xasprintf("%s%s%s", all, all[0] != '\0' ? sep : "",
		    v[i]);
		free(all);
		all = next;
	}
	return all;
}

/* Layouts that do not depend on the rows: header row, title, legend. */
static void
pdf_fixed(struct pdf *P)
{
	double w = P->colx[GRID_NCOLS] - P->colx[0];
	char *s;
	int c;

	P->headh = 0;
	for (c = 0; c < GRID_NCOLS; c++) {
		pdf_cell_add(&P->headcell[c], pdf_layout(P, grid_headers[c],
		    P->bold, pdf_textw(P, (enum grid_col)c),
		    PANGO_ALIGN_CENTER), 0);
		if (P->headcell[c].h + 2 * PDF_PAD > P->headh)
			P->headh = P->headcell[c].h + 2 * PDF_PAD;
	}
	P->top = pdf_layout(P, P->g->title, P->title, w, PANGO_ALIGN_CENTER);
	s = pdf_join(P->g->facts, P->g->nfacts, NULL, "　　");
	P->facts = pdf_layout(P, s, P->body, w, PANGO_ALIGN_LEFT);
	free(s);
	P->top_h = pdf_height(P->top) + 4 + pdf_height(P->facts) + 4;
	if (P->g->nlegend > 0) {
		s = pdf_join(P->g->legend, P->g->nlegend, GRID_LEGEND, "\n");
		P->legend = pdf_layout(P, s, P->small, w, PANGO_ALIGN_LEFT);
		free(s);
	}
}

/* Without a CJK font every 考核 glyph would be a box: refuse instead. */
static int
pdf_fonts_ok(struct pdf *P)
{
	if (pango_layout_get_unknown_glyphs_count(P->top) == 0 &&
	    pango_layout_get_unknown_glyphs_count(
	    P->headcell[GRID_CONTENT].p[0].lay) == 0)
		return 0;
	P->cause = xstrdup(_("no font has the Chinese glyphs for the PDF:"
	    " install the Debian package fonts-noto-cjk"));
	return -1;
}

static cairo_status_t
pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
	FILE *out = closure;

	if (len > 0 && fwrite(data, 1, len, out) != len)
		return CAIRO_STATUS_WRITE_ERROR;
	return CAIRO_STATUS_SUCCESS;
}

static void
pdf_context(struct pdf *P)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	/* Unhinted metrics: the layout is the same whatever the output. */
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	/* A font map of our own, freed with the export: the default one
	 * would live (and hold fontconfig's patterns) until exit. */
	P->fontmap = pango_cairo_font_map_new();
	P->ctx = pango_font_map_create_context(P->fontmap);
	pango_cairo_update_context(P->cr, P->ctx);
	pango_cairo_context_set_font_options(P->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(P->ctx, 72);
	/* Han characters in their Taiwanese forms. */
	pango_context_set_language(P->ctx, pango_language_from_string("zh-tw"));
	P->body = pdf_font(PDF_BODY, false);
	P->bold = pdf_font(PDF_BODY, true);
	P->small = pdf_font(PDF_SMALL, false);
	P->title = pdf_font(12, true);
}

static void
pdf_metadata(cairo_surface_t *s, const char *title, const char *author,
    const char *subject)
{
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, author);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT,
	    subject);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
	    PACKAGE_STRING);
}

static void
pdf_free(struct pdf *P)
{
	size_t r;
	int c;

	if (P->rows != NULL && P->g != NULL) {
		for (r = 0; r < P->g->nrows; r++) {
			for (c = 0; c < GRID_NCOLS; c++)
				pdf_cell_free(&P->rows[r].cell[c]);
		}
	}
	for (c = 0; c < GRID_NCOLS; c++)
		pdf_cell_free(&P->headcell[c]);
	free(P->rows);
	free(P->frags);
	if (P->top != NULL)
		g_object_unref(P->top);
	if (P->facts != NULL)
		g_object_unref(P->facts);
	if (P->legend != NULL)
		g_object_unref(P->legend);
	if (P->body != NULL) {
		pango_font_description_free(P->body);
		pango_font_description_free(P->bold);
		pango_font_description_free(P->small);
		pango_font_description_free(P->title);
	}
	if (P->ctx != NULL)
		g_object_unref(P->ctx);
	if (P->fontmap != NULL)
		g_object_unref(P->fontmap);
	free(P->run_left);
	free(P->run_right);
}

/* The drawing context, fonts and column edges every document needs. */
static int
pdf_start(struct pdf *P, cairo_surface_t *surface)
{
	int c;

	P->cr = cairo_create(surface);
	if (cairo_status(P->cr) != CAIRO_STATUS_SUCCESS) {
		P->cause = xasprintf(_("cannot draw the PDF: %s"),
		    cairo_status_to_string(cairo_status(P->cr)));
		return -1;
	}
	pdf_context(P);
	P->colx[0] = PDF_MX;
	for (c = 0; c < GRID_NCOLS; c++)
		P->colx[c + 1] = P->colx[c] + pdf_col_frac[c] *
		    (PDF_W - 2 * PDF_MX);
	return 0;
}

static int
pdf_form(struct pdf *P, cairo_surface_t *surface)
{
	size_t r;

	if (pdf_start(P, surface) != 0)
		return -1;
	pdf_fixed(P);
	if (pdf_fonts_ok(P) != 0)
		return -1;
	P->rows = xcalloc(P->g->nrows + 1, sizeof *P->rows);
	for (r = 0; r < P->g->nrows; r++)
		pdf_row_build(P, &P->rows[r], &P->g->rows[r]);
	pdf_rows_fit_spans(P);
	pdf_paginate(P);
	return pdf_draw(P, surface);
}

typedef int (*pdf_body_fn)(struct pdf *, cairo_surface_t *, const void *);

/*
 * One PDF document to out: the surface, body's pages, and the finish
 * that writes the fonts and the trailer (which can fail too).
 */
static int
pdf_document(FILE *out, struct pdf *P, const char *title,
    const char *author, const char *subject, pdf_body_fn body,
    const void *arg, char **cause)
{
	cairo_surface_t *surface;
	cairo_status_t st;
	int rc;

	surface = cairo_pdf_surface_create_for_stream(pdf_write, out, PDF_W,
	    PDF_H);
	st = cairo_surface_status(surface);
	if (st != CAIRO_STATUS_SUCCESS) {
		*cause = xasprintf(_("cannot start the PDF: %s"),
		    cairo_status_to_string(st));
		cairo_surface_destroy(surface);
		pdf_free(P);
		return -1;
	}
	pdf_metadata(surface, title, author, subject);
	rc = body(P, surface, arg);
	pdf_free(P);
	if (P->cr != NULL)
		cairo_destroy(P->cr);
	cairo_surface_finish(surface);
	st = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (rc == 0 && st != CAIRO_STATUS_SUCCESS) {
		P->cause = xasprintf(_("cannot write the PDF: %s"),
		    cairo_status_to_string(st));
		rc = -1;
	}
	if (rc != 0)
		*cause = P->cause;
	else
		free(P->cause);
	return rc;
}

static int
pdf_form_body(struct pdf *P, cairo_surface_t *surface, const void *arg)
{
	(void)arg;
	return pdf_form(P, surface);
}

int
export_pdf(FILE *out, const struct scorecard *sc,
    const struct export_options *o, char **cause)
{
	struct pdf P = { 0 };
	struct grid g;
	char *title, *who;
	int rc;

	(void)o;
	grid_build(&g, sc);
	P.g = &g;
	P.run_left = xstrdup(g.title);
	P.run_right = xasprintf("%s　%s", g.agency, g.date);
	title = xasprintf("%s — %s", g.title, g.agency);
	who = pdf_join(g.signers, g.nsigners, NULL, "、");
	rc = pdf_document(out, &P, title, who, g.agency, pdf_form_body, NULL,
	    cause);
	free(who);
	free(title);
	grid_free(&g);
	return rc;
}

/*
 * The 評分總表 (export-summary.h): a row per section and item, every
 * member's score beside the team's, ※ rows shaded; the header row on
 * every page; then the marked differences and the signature lines.
 */
struct pdf_sumrow {
	PangoLayout	*label;
	PangoLayout	**cell;
	double		 h;
	size_t		 page;
	double		 y;
};

struct pdf_sum {
	const struct summary	*S;
	double			*x;	/* ncols + 1 column edges */
	struct pdf_sumrow	*rows;	/* nrows, then the header at [nrows] */
	PangoLayout		*notes;	/* partial, the marked differences */
	size_t			 notes_page, sign_page;
	double			 notes_y, sign_y;
};

static void
pdf_sum_columns(struct pdf_sum *M, size_t ncols)
{
	double w = PDF_W - 2 * PDF_MX, label = 0.34 * w, how = 0.12 * w;
	size_t c;

	M->x = xcalloc(ncols + 1, sizeof *M->x);
	M->x[0] = PDF_MX;
	M->x[1] = PDF_MX + label;
	for (c = 1; c + 1 < ncols; c++)
		M->x[c + 1] = M->x[c] + (w - label - how) / (double)(ncols - 2);
	M->x[ncols] = PDF_MX + w;
}

static void
pdf_sum_row(struct pdf *P, struct pdf_sum *M, struct pdf_sumrow *r,
    const char *label, char *const *cells, int depth, bool bold, bool head)
{
	const struct summary *S = M->S;
	const PangoFontDescription *fd = bold ? P->bold : P->body;
	double indent = depth > 1 ? 8.0 * (depth - 1) : 0, h;
	size_t c;

	r->label = pdf_layout(P, label, fd, M->x[1] - M->x[0] - 2 * PDF_PAD -
	    indent, head ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
	h = pdf_height(r->label);
	r->cell = xcalloc(S->ncols, sizeof *r->cell);
	for (c = 1; c < S->ncols; c++) {
		r->cell[c] = pdf_layout(P, cells[c - 1], fd, M->x[c + 1] -
		    M->x[c] - 2 * PDF_PAD, head ? PANGO_ALIGN_CENTER :
		    c + 1 == S->ncols ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
		if (pdf_height(r->cell[c]) > h)
			h = pdf_height(r->cell[c]);
	}
	r->h = h + 2 * PDF_PAD;
}

static void
pdf_sum_layout(struct pdf *P, struct pdf_sum *M)
{
	const struct summary *S = M->S;
	char *s, *notes;
	size_t i;

	M->rows = xcalloc(S->nrows + 1, sizeof *M->rows);
	pdf_sum_row(P, M, &M->rows[S->nrows], S->head[0], S->head + 1, 0,
	    true, true);
	for (i = 0; i < S->nrows; i++)
		pdf_sum_row(P, M, &M->rows[i], S->rows[i].label,
		    S->rows[i].cell, S->rows[i].depth, S->rows[i].depth == 0 ||
		    !rubric_node_is_item(S->rows[i].node), false);
	P->top = pdf_layout(P, S->title, P->title, PDF_W - 2 * PDF_MX,
	    PANGO_ALIGN_CENTER);
	s = pdf_join(S->facts, S->nfacts, NULL, "　　");
	P->facts = pdf_layout(P, s, P->body, PDF_W - 2 * PDF_MX,
	    PANGO_ALIGN_LEFT);
	free(s);
	P->top_h = pdf_height(P->top) + 4 + pdf_height(P->facts) + 4;
	s = pdf_join(S->flagged, S->nflagged, S->flagged_title, "\n");
	notes = S->partial != NULL ? xasprintf("%s\n\n%s", S->partial, s) :
	    xstrdup(s);
	M->notes = pdf_layout(P, notes, P->body, PDF_W - 2 * PDF_MX,
	    PANGO_ALIGN_LEFT);
	free(notes);
	free(s);
}

static double
pdf_sum_top(const struct pdf *P, const struct pdf_sum *M, size_t page)
{
	return (page == 0 ? PDF_TOP + P->top_h : PDF_TOP) +
	    M->rows[M->S->nrows].h;
}

static void
pdf_sum_paginate(struct pdf *P, struct pdf_sum *M)
{
	size_t page = 0, i;
	double y = pdf_sum_top(P, M, 0), h;

	for (i = 0; i < M->S->nrows; i++) {
		if (y + M->rows[i].h > PDF_BOTTOM) {
			page++;
			y = pdf_sum_top(P, M, page);
		}
		M->rows[i].page = page;
		M->rows[i].y = y;
		y += M->rows[i].h;
	}
	y += 8;
	h = pdf_height(M->notes);
	if (y + h > PDF_BOTTOM) {
		page++;
		y = PDF_TOP;
	}
	M->notes_page = page;
	M->notes_y = y;
	y += h + 10;
	if (y + 40 + 26.0 * (double)(M->S->nsigners + 1) > PDF_BOTTOM) {
		page++;
		y = PDF_TOP;
	}
	M->sign_page = page;
	M->sign_y = y;
	P->npages = page + 1;
}

static void
pdf_sum_draw_row(struct pdf *P, const struct pdf_sum *M,
    const struct pdf_sumrow *r, double y, int depth, bool shade)
{
	size_t c;

	if (shade) {
		cairo_set_source_rgb(P->cr, 0.92, 0.92, 0.92);
		cairo_rectangle(P->cr, M->x[0], y, M->x[M->S->ncols] - M->x[0],
		    r->h);
		cairo_fill(P->cr);
		cairo_set_source_rgb(P->cr, 0, 0, 0);
	}
	for (c = 0; c < M->S->ncols; c++)
		pdf_rect(P, M->x[c], y, M->x[c + 1] - M->x[c], r->h);
	cairo_move_to(P->cr, M->x[0] + PDF_PAD +
	    (depth > 1 ? 8.0 * (depth - 1) : 0), y + PDF_PAD);
	pango_cairo_show_layout(P->cr, r->label);
	for (c = 1; c < M->S->ncols; c++) {
		cairo_move_to(P->cr, M->x[c] + PDF_PAD, y + PDF_PAD);
		pango_cairo_show_layout(P->cr, r->cell[c]);
	}
}

static void
pdf_sum_signatures(struct pdf *P, const struct summary *S, double y)
{
	static const double frac[3] = { 0.30, 0.45, 0.25 };
	static const char *const head[3] = { "簽章人", "簽章", "日期" };
	double w = PDF_W - 2 * PDF_MX, x[4], rh = 26;
	size_t i;
	int c;
	char *s;

	pdf_text_at(P, "評分委員及召集人簽章", P->title, PDF_MX, y, w,
	    PANGO_ALIGN_LEFT);
	y += 18;
	x[0] = PDF_MX;
	for (c = 0; c < 3; c++)
		x[c + 1] = x[c] + frac[c] * w;
	for (c = 0; c < 3; c++) {
		pdf_rect(P, x[c], y, x[c + 1] - x[c], 14);
		pdf_text_at(P, head[c], P->bold, x[c] + PDF_PAD, y + 2,
		    x[c + 1] - x[c] - 2 * PDF_PAD, PANGO_ALIGN_LEFT);
	}
	y += 14;
	for (i = 0; i < S->nsigners; i++, y += rh) {
		for (c = 0; c < 3; c++)
			pdf_rect(P, x[c], y, x[c + 1] - x[c], rh);
		s = xasprintf("%s %s", i + 1 == S->nsigners ? "召集人" :
		    "評分委員", S->signers[i]);
		pdf_text_at(P, s, P->body, x[0] + PDF_PAD, y + rh - 12,
		    x[1] - x[0] - 2 * PDF_PAD, PANGO_ALIGN_LEFT);
		free(s);
		pdf_text_at(P, "　　年　　月　　日", P->body, x[2] + PDF_PAD,
		    y + rh - 12, x[3] - x[2] - 2 * PDF_PAD, PANGO_ALIGN_LEFT);
	}
}

static int
pdf_sum_draw(struct pdf *P, const struct pdf_sum *M, cairo_surface_t *surface)
{
	const struct summary *S = M->S;
	size_t page, i = 0;

	cairo_set_line_width(P->cr, PDF_RULE);
	for (page = 0; page < P->npages; page++) {
		cairo_set_source_rgb(P->cr, 0, 0, 0);
		pdf_page_frame(P, page);
		if (page == 0) {
			cairo_move_to(P->cr, PDF_MX, PDF_TOP - 6);
			pango_cairo_show_layout(P->cr, P->top);
			cairo_move_to(P->cr, PDF_MX, PDF_TOP - 6 +
			    pdf_height(P->top) + 4);
			pango_cairo_show_layout(P->cr, P->facts);
		}
		if (i < S->nrows && M->rows[i].page == page)
			pdf_sum_draw_row(P, M, &M->rows[S->nrows],
			    pdf_sum_top(P, M, page) - M->rows[S->nrows].h, 0,
			    true);
		for (; i < S->nrows && M->rows[i].page == page; i++)
			pdf_sum_draw_row(P, M, &M->rows[i], M->rows[i].y,
			    S->rows[i].depth, S->rows[i].flagged);
		if (page == M->notes_page) {
			cairo_move_to(P->cr, PDF_MX, M->notes_y);
			pango_cairo_show_layout(P->cr, M->notes);
		}
		if (page == M->sign_page)
			pdf_sum_signatures(P, S, M->sign_y);
		cairo_show_page(P->cr);
		if (cairo_status(P->cr) != CAIRO_STATUS_SUCCESS ||
		    cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
			P->cause = xasprintf(_("cannot draw the PDF: %s"),
			    cairo_status_to_string(cairo_status(P->cr) !=
			    CAIRO_STATUS_SUCCESS ? cairo_status(P->cr) :
			    cairo_surface_status(surface)));
			return -1;
		}
	}
	return 0;
}

static void
pdf_sum_free(struct pdf_sum *M)
{
	size_t i, c;

	if (M->rows != NULL) {
		for (i = 0; i <= M->S->nrows; i++) {
			if (M->rows[i].label != NULL)
				g_object_unref(M->rows[i].label);
			for (c = 1; M->rows[i].cell != NULL && c < M->S->ncols;
			    c++)
				g_object_unref(M->rows[i].cell[c]);
			free(M->rows[i].cell);
		}
	}
	free(M->rows);
	free(M->x);
	if (M->notes != NULL)
		g_object_unref(M->notes);
}

static int
pdf_sum_body(struct pdf *P, cairo_surface_t *surface, const void *arg)
{
	struct pdf_sum M = { 0 };
	int rc;

	M.S = arg;
	if (pdf_start(P, surface) != 0)
		return -1;
	pdf_sum_columns(&M, M.S->ncols);
	pdf_sum_layout(P, &M);
	if (pango_layout_get_unknown_glyphs_count(P->top) != 0) {
		P->cause = xstrdup(_("no font has the Chinese glyphs for the"
		    " PDF: install the Debian package fonts-noto-cjk"));
		pdf_sum_free(&M);
		return -1;
	}
	pdf_sum_paginate(P, &M);
	rc = pdf_sum_draw(P, &M, surface);
	pdf_sum_free(&M);
	return rc;
}

int
summary_pdf(FILE *out, const struct summary *S, char **cause)
{
	struct pdf P = { 0 };
	char *who;
	int rc;

	P.run_left = xstrdup(S->title);
	P.run_right = xstrdup(S->nfacts > 0 ? S->facts[0] : "");
	who = pdf_join(S->signers, S->nsigners, NULL, "、");
	rc = pdf_document(out, &P, S->title, who, P.run_right, pdf_sum_body, S,
	    cause);
	free(who);
	return rc;
}
