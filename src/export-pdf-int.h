/*
 * What the PDF writers share (export-pdf-doc.c): the page, the fonts,
 * pango layouts, the running head and foot, and one document's surface
 * from start to finish. The form (export-pdf.c) and the 評分總表
 * (export-pdf-summary.c) draw with it. Internal to src/export-pdf*.c.
 */
#ifndef KAOHE_EXPORT_PDF_INT_H
#define KAOHE_EXPORT_PDF_INT_H

#include <stdbool.h>
#include <stdio.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "export-grid.h"

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

/* A layout of text in fd, width points wide (-1: unbroken). Caller unrefs. */
PangoLayout *pdf_layout(struct pdf *, const char *text,
	    const PangoFontDescription *fd, double width, PangoAlignment);
double	pdf_height(PangoLayout *);
void	pdf_rect(struct pdf *, double x, double y, double w, double h);
void	pdf_text_at(struct pdf *, const char *text,
	    const PangoFontDescription *fd, double x, double y, double w,
	    PangoAlignment);
/* run_left and run_right on top, 第 N 頁／共 M 頁 (M = P->npages) below. */
void	pdf_page_frame(struct pdf *, size_t page);
/* first (or ""), then v[] joined by sep. Caller frees. */
char	*pdf_join(char **v, size_t n, const char *first, const char *sep);
/* The drawing context and the fonts; -1 with P->cause on failure. */
int	pdf_start(struct pdf *, cairo_surface_t *);
/* After a page: -1 with P->cause when cairo has failed. */
int	pdf_page_done(struct pdf *, cairo_surface_t *);

typedef int (*pdf_body_fn)(struct pdf *, cairo_surface_t *, const void *);
/*
 * One document to out: the surface, body's pages (body calls pdf_start
 * and frees what it made beyond struct pdf's common fields), the finish.
 */
int	pdf_document(FILE *out, struct pdf *, const char *title,
	    const char *author, const char *subject, pdf_body_fn,
	    const void *arg, char **cause);
/* Free what pdf_start and the common fields hold. */
void	pdf_free(struct pdf *);

#endif
