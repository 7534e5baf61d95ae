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
 * The page, fonts and document are export-pdf-doc.c's.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "export-formats.h"
#include "export-grid.h"
#include "export-pdf-int.h"
#include "i18n.h"
#include "xalloc.h"

static const double pdf_col_frac[GRID_NCOLS] = {
	0.10, 0.09, 0.045, 0.21, 0.07, 0.29, 0.195,
};

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
		double keep = 0;

		/* A section's row goes with the next: all of it when that
		 * will move whole, else its first lines. */
		if (!rubric_node_is_item(P->g->rows[r].node) &&
		    r + 1 < P->g->nrows)
			keep = P->rows[r + 1].h <= full ? P->rows[r + 1].h :
			    PDF_MIN_PART;
		if (keep > 0 && y + row->h + keep > PDF_BOTTOM &&
		    y > pdf_rows_top(P, page)) {
			page++;
			y = pdf_rows_top(P, page);
		}
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
		if (pdf_page_done(P, surface) != 0)
			return -1;
	}
	(void)w;
	return 0;
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

static int
pdf_form(struct pdf *P, cairo_surface_t *surface)
{
	size_t r;
	int c;

	if (pdf_start(P, surface) != 0)
		return -1;
	P->colx[0] = PDF_MX;
	for (c = 0; c < GRID_NCOLS; c++)
		P->colx[c + 1] = P->colx[c] + pdf_col_frac[c] *
		    (PDF_W - 2 * PDF_MX);
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

/* What pdf_form made beyond pdf_free's part. */
static void
pdf_form_free(struct pdf *P)
{
	size_t r;
	int c;

	if (P->rows != NULL) {
		for (r = 0; r < P->g->nrows; r++) {
			for (c = 0; c < GRID_NCOLS; c++)
				pdf_cell_free(&P->rows[r].cell[c]);
		}
	}
	for (c = 0; c < GRID_NCOLS; c++)
		pdf_cell_free(&P->headcell[c]);
	free(P->rows);
	free(P->frags);
	if (P->legend != NULL)
		g_object_unref(P->legend);
}

static int
pdf_form_body(struct pdf *P, cairo_surface_t *surface, const void *arg)
{
	int rc;

	(void)arg;
	rc = pdf_form(P, surface);
	pdf_form_free(P);
	return rc;
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
