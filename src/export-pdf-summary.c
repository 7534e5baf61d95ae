/*
 * The 評分總表 of a team card as PDF (export-summary.h): a row per section
 * and item, every member's score beside the team's, ※ rows shaded, the
 * header row on every page; then the marked differences and a signature
 * line per member and for the 召集人. Drawn with export-pdf-doc.c.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "export-pdf-int.h"
#include "export-summary.h"
#include "i18n.h"
#include "xalloc.h"

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
		if (pdf_page_done(P, surface) != 0)
			return -1;
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

