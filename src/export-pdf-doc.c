/*
 * The PDF machinery the form and the 評分總表 share: an A4 landscape
 * cairo PDF surface written to a FILE, a pango context at 72 dpi (so a
 * font size is in points) with the Taiwanese Han forms, the fonts, the
 * running head and foot, and the status checks cairo needs.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "export-pdf-int.h"
#include "i18n.h"
#include "xalloc.h"

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

PangoLayout *
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

double
pdf_height(PangoLayout *lay)
{
	int w, h;

	pango_layout_get_size(lay, &w, &h);
	return (double)h / PANGO_SCALE;
}

void
pdf_rect(struct pdf *P, double x, double y, double w, double h)
{
	cairo_rectangle(P->cr, x, y, w, h);
	cairo_stroke(P->cr);
}

void
pdf_text_at(struct pdf *P, const char *text, const PangoFontDescription *fd,
    double x, double y, double w, PangoAlignment align)
{
	PangoLayout *lay = pdf_layout(P, text, fd, w, align);

	cairo_move_to(P->cr, x, y);
	pango_cairo_show_layout(P->cr, lay);
	g_object_unref(lay);
}

/* The running head and the foot with 第 N 頁／共 M 頁. */
void
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

char *
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

void
pdf_free(struct pdf *P)
{
	if (P->top != NULL)
		g_object_unref(P->top);
	if (P->facts != NULL)
		g_object_unref(P->facts);
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
int
pdf_start(struct pdf *P, cairo_surface_t *surface)
{
	P->cr = cairo_create(surface);
	if (cairo_status(P->cr) != CAIRO_STATUS_SUCCESS) {
		P->cause = xasprintf(_("cannot draw the PDF: %s"),
		    cairo_status_to_string(cairo_status(P->cr)));
		return -1;
	}
	pdf_context(P);
	return 0;
}

int
pdf_page_done(struct pdf *P, cairo_surface_t *surface)
{
	cairo_status_t st = cairo_status(P->cr);

	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surface);
	if (st == CAIRO_STATUS_SUCCESS)
		return 0;
	P->cause = xasprintf(_("cannot draw the PDF: %s"),
	    cairo_status_to_string(st));
	return -1;
}

/*
 * One PDF document to out: the surface, body's pages, and the finish
 * that writes the fonts and the trailer (which can fail too).
 */
int
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
