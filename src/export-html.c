/*
 * The HTML export: the paper form as one self-contained page (no script,
 * no external font, image or sheet) that opens in any browser and prints
 * as the form: A4 landscape, the table header repeated on every page,
 * "第 N 頁／共 M 頁" at the foot, rows kept whole where they fit.
 *
 * The grid (export-grid.c) says what goes in which cell; a grid row is a
 * <tr>, a merged cell a rowspan.
 *
 * Every text goes through html_text (or css_string inside the style
 * sheet): a note can hold <script>, & or quotes and stays text.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export-formats.h"
#include "export-grid.h"
#include "export-summary.h"
#include "xalloc.h"

static void
html_text(FILE *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out); break;
		}
	}
}

/* A CSS string literal: quotes, backslashes, newlines and '<' (which could
 * end the <style> element) are escaped as code points. */
static void
css_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\' || *s == '<' || *s == '>' ||
		    *s == '&' || *s == '\n')
			fprintf(out, "\\%x ", (unsigned char)*s);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

static const char html_style[] =
"@page {\n"
"  size: A4 landscape;\n"
"  margin: 14mm 10mm 14mm 10mm;\n"
"  @bottom-center {\n"
"    content: \"第 \" counter(page) \" 頁／共 \" counter(pages) \" 頁\";\n"
"    font-size: 8pt;\n"
"  }\n"
"}\n"
":root {\n"
"  font-family: \"Noto Sans CJK TC\", \"Noto Sans TC\", \"Source Han Sans TC\",\n"
"    \"Microsoft JhengHei\", \"微軟正黑體\", \"PingFang TC\", \"Heiti TC\",\n"
"    \"PMingLiU\", \"新細明體\", \"MingLiU\", \"DFKai-SB\", \"標楷體\",\n"
"    \"Noto Serif CJK TC\", sans-serif;\n"
"  font-size: 9pt;\n"
"  line-height: 1.35;\n"
"  color: #000;\n"
"  background: #fff;\n"
"}\n"
"body { margin: 0 auto; max-width: 277mm; }\n"
"@media screen { body { padding: 8mm; } }\n"
"h1 { font-size: 14pt; text-align: center; margin: 0 0 3mm; }\n"
"h2 { font-size: 11pt; margin: 0 0 2mm; }\n"
".facts { display: flex; flex-wrap: wrap; gap: 1mm 8mm; margin: 0 0 3mm;"
" padding: 0; list-style: none; font-size: 10pt; }\n"
"table { border-collapse: collapse; }\n"
"table.form { width: 100%; table-layout: fixed; }\n"
"table.form th, table.form td { border: 0.75pt solid #000;"
" padding: 1.2mm 1.2mm; vertical-align: top; overflow-wrap: anywhere; }\n"
"table.form thead { display: table-header-group; }\n"
"table.form th { font-weight: bold; text-align: center;"
" vertical-align: middle; background: #eee; }\n"
"table.form tr { break-inside: avoid; page-break-inside: avoid; }\n"
"table.form tr.opens { break-inside: auto; page-break-inside: auto; }\n"
"table.form tr.section { break-after: avoid; page-break-after: avoid; }\n"
"td.content { padding: 0; print-color-adjust: exact;"
" -webkit-print-color-adjust: exact;\n"
"  background: linear-gradient(to right, transparent calc(75% - 0.375pt),"
" #000 calc(75% - 0.375pt), #000 calc(75% + 0.375pt),"
" transparent calc(75% + 0.375pt)); }\n"
".pairs { display: grid; grid-template-columns: 3fr 1fr; }\n"
".pairs p { margin: 0; padding: 0.6mm 1.2mm; }\n"
".pairs p:first-child, .pairs p:nth-child(2) { padding-top: 1.2mm; }\n"
"p.band { text-align: center; white-space: nowrap; }\n"
"td.score { text-align: center; font-weight: bold; font-size: 10pt; }\n"
"td p { margin: 0 0 0.8mm; white-space: pre-wrap; }\n"
"td p:last-child { margin-bottom: 0; }\n"
"p.head { font-weight: bold; }\n"
"span.nw { white-space: nowrap; }\n"
"p.chosen { font-weight: bold; }\n"
".legend { margin: 3mm 0 0; font-size: 8pt; break-inside: avoid; }\n"
".legend ul { margin: 1mm 0 0; padding-left: 5mm; }\n"
".sign { margin: 5mm 0 0; break-inside: avoid; page-break-inside: avoid; }\n"
".sign table { width: 100%; }\n"
".sign th, .sign td { border: 0.75pt solid #000; padding: 2mm;"
" text-align: left; font-size: 10pt; }\n"
".sign td { height: 12mm; vertical-align: bottom; }\n"
".sign col.name { width: 30%; }\n"
".sign col.seal { width: 45%; }\n"
"col.c-dim { width: 10%; }\n"
"col.c-item { width: 9%; }\n"
"col.c-score { width: 4.5%; }\n"
"col.c-content { width: 21%; }\n"
"col.c-range { width: 7%; }\n"
"col.c-record { width: 29%; }\n"
"col.c-rationale { width: 19.5%; }\n";

static const char *const html_col_class[GRID_NCOLS] = {
	"dim", "item", "score", "content", "range", "record", "rationale",
};

static void
html_head(FILE *out, const struct grid *g)
{
	fputs("<!DOCTYPE html>\n<html lang=\"zh-Hant-TW\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"generator\" content=\"" PACKAGE_STRING "\">\n"
	    "<title>", out);
	html_text(out, g->title);
	fputs(" — ", out);
	html_text(out, g->agency);
	fputs("</title>\n<style>\n", out);
	fputs(html_style, out);
	/* The page header names the card on every printed page. */
	fputs("@page { @top-center { content: ", out);
	css_string(out, g->agency);
	fputs(" \"　\" ", out);
	css_string(out, g->date);
	fputs("; font-size: 8pt; } }\n</style>\n</head>\n<body>\n", out);
}

static void
html_facts(FILE *out, const struct grid *g)
{
	size_t i;

	fputs("<header>\n<h1>", out);
	html_text(out, g->title);
	fputs("</h1>\n<ul class=\"facts\">\n", out);
	for (i = 0; i < g->nfacts; i++) {
		fputs("<li>", out);
		html_text(out, g->facts[i]);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n</header>\n", out);
}

static const char *
para_class(enum grid_kind k)
{
	switch (k) {
	case GRID_HEAD: return "head";
	case GRID_OPTION: return "option";
	case GRID_CHOSEN: return "chosen";
	case GRID_PLAIN: break;
	}
	return "plain";
}

/* A heading's tail, each blank-separated part kept on one line. */
static void
html_tail(FILE *out, const char *tail)
{
	const char *p = tail, *sp;
	char *part;

	while (*p != '\0') {
		sp = strchr(p, ' ');
		part = xstrndup(p, sp != NULL ? (size_t)(sp - p) : strlen(p));
		fputs(" <span class=\"nw\">", out);
		html_text(out, part);
		fputs("</span>", out);
		free(part);
		p = sp != NULL ? sp + 1 : p + strlen(p);
	}
}

static void
html_paras(FILE *out, const struct grid_para *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fprintf(out, "<p class=\"%s\">", para_class(p[i].kind));
		html_text(out, p[i].text);
		if (p[i].tail != NULL)
			html_tail(out, p[i].tail);
		fputs("</p>", out);
	}
}

static void
html_cell_open(FILE *out, enum grid_col col, size_t rowspan)
{
	fprintf(out, "<td class=\"%s\"", html_col_class[col]);
	if (rowspan > 1)
		fprintf(out, " rowspan=\"%zu\"", rowspan);
	fputc('>', out);
}

static void
html_cell(FILE *out, const struct grid_row *row, enum grid_col col)
{
	if (row->cell[col].span == 0)
		return;
	html_cell_open(out, col, row->cell[col].span);
	html_paras(out, row->cell[col].p, row->cell[col].np);
	fputs("</td>", out);
}

/*
 * 考核內容 and 細項配分 as one cell over both columns: a two-column grid
 * keeps each band level with its option however the text wraps, which
 * rows of a table cannot do beside a tall 紀錄事項 (the browser spreads
 * the extra height over them). The rule between the two columns is the
 * cell's background, so that it runs the cell's whole height.
 */
static void
html_content(FILE *out, const struct grid_row *row)
{
	const struct grid_cell *c = &row->cell[GRID_CONTENT];
	size_t i;

	fputs("<td class=\"content\" colspan=\"2\"><div class=\"pairs\">",
	    out);
	for (i = 0; i < c->np; i++) {
		fprintf(out, "<p class=\"%s\">", para_class(c->p[i].kind));
		html_text(out, c->p[i].text);
		if (c->p[i].tail != NULL)
			html_tail(out, c->p[i].tail);
		fputs("</p><p class=\"band\">", out);
		if (c->p[i].band != NULL)
			html_text(out, c->p[i].band);
		fputs("</p>", out);
	}
	fputs("</div></td>", out);
}

static void
html_row(FILE *out, const struct grid_row *row)
{
	/* A row that opens a merged cell would carry it whole to the next
	 * page if it could not break: the browser counts the merged cell's
	 * height as the row's. */
	fputs(row->cell[GRID_DIM].span > 1 || row->cell[GRID_ITEM].span > 1 ?
	    "<tr class=\"opens\">" : !rubric_node_is_item(row->node) ?
	    "<tr class=\"section\">" : "<tr>", out);
	html_cell(out, row, GRID_DIM);
	html_cell(out, row, GRID_ITEM);
	html_cell(out, row, GRID_SCORE);
	html_content(out, row);
	html_cell(out, row, GRID_RECORD);
	html_cell(out, row, GRID_RATIONALE);
	fputs("</tr>\n", out);
}

static void
html_table(FILE *out, const struct grid *g)
{
	size_t r, i;

	fputs("<table class=\"form\">\n<colgroup>", out);
	for (i = 0; i < GRID_NCOLS; i++)
		fprintf(out, "<col class=\"c-%s\">", html_col_class[i]);
	fputs("</colgroup>\n<thead><tr>", out);
	for (i = 0; i < GRID_NCOLS; i++) {
		fputs("<th scope=\"col\">", out);
		html_text(out, grid_headers[i]);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (r = 0; r < g->nrows; r++)
		html_row(out, &g->rows[r]);
	fputs("</tbody>\n</table>\n", out);
}

static void
html_legend(FILE *out, const struct grid *g)
{
	size_t i;

	if (g->nlegend == 0)
		return;
	fputs("<section class=\"legend\">\n<p>", out);
	html_text(out, GRID_LEGEND);
	fputs("</p>\n<ul>\n", out);
	for (i = 0; i < g->nlegend; i++) {
		fputs("<li>", out);
		html_text(out, g->legend[i]);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n</section>\n", out);
}

/* 考核人員簽章: a line per inspector to sign and date by hand. */
static void
html_signatures(FILE *out, const struct grid *g)
{
	size_t i;

	fputs("<section class=\"sign\">\n<h2>考核人員簽章</h2>\n<table>"
	    "<colgroup><col class=\"name\"><col class=\"seal\"><col>"
	    "</colgroup>\n<tr><th scope=\"col\">考核人員</th>"
	    "<th scope=\"col\">簽章</th><th scope=\"col\">日期</th></tr>\n",
	    out);
	for (i = 0; i < g->nsigners; i++) {
		fputs("<tr><td>", out);
		html_text(out, g->signers[i]);
		fputs("</td><td></td><td>　　年　　月　　日</td></tr>\n", out);
	}
	fputs("</table>\n<p>考核日期：", out);
	html_text(out, g->date);
	fputs("</p>\n</section>\n", out);
}

int
export_html(FILE *out, const struct scorecard *sc,
    const struct export_options *o, char **cause)
{
	struct grid g;

	(void)o;
	(void)cause;
	grid_build(&g, sc);
	html_head(out, &g);
	html_facts(out, &g);
	html_table(out, &g);
	html_legend(out, &g);
	html_signatures(out, &g);
	fputs("</body>\n</html>\n", out);
	grid_free(&g);
	return 0;
}

/*
 * The 評分總表 of a team card (export-summary.h): one row per section and
 * item, every member's score beside the team's, ※ on a marked
 * difference; then how each was settled and the signature lines.
 */
static const char summary_style[] =
"table.summary { width: 100%; }\n"
"table.summary th, table.summary td { border: 0.75pt solid #000;"
" padding: 0.8mm 1.5mm; }\n"
"table.summary thead th { background: #eee; text-align: center; }\n"
"table.summary tbody th { text-align: left; font-weight: normal; }\n"
"table.summary td { text-align: right; white-space: nowrap; }\n"
"table.summary td.how { text-align: left; }\n"
"table.summary tr { break-inside: avoid; page-break-inside: avoid; }\n"
"table.summary tr.section th, table.summary tr.section td,"
" table.summary tr.total th, table.summary tr.total td"
" { font-weight: bold; }\n"
"table.summary tr.flagged td { background: #f3f3f3; }\n"
".flagged { margin: 3mm 0 0; break-inside: avoid; }\n";

static void
summary_rows_html(FILE *out, const struct summary *S)
{
	const struct summary_row *r;
	size_t i, k;

	for (i = 0; i < S->nrows; i++) {
		r = &S->rows[i];
		fprintf(out, "<tr class=\"%s%s\"><th scope=\"row\"",
		    r->depth == 0 ? "total" : rubric_node_is_item(r->node) ?
		    "item" : "section", r->flagged ? " flagged" : "");
		if (r->depth > 1)
			fprintf(out, " style=\"padding-left: %dem\"",
			    r->depth - 1);
		fputc('>', out);
		html_text(out, r->label);
		fputs("</th>", out);
		for (k = 0; k + 1 < S->ncols; k++) {
			fputs(k + 2 == S->ncols ? "<td class=\"how\">" : "<td>",
			    out);
			html_text(out, r->cell[k]);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
}

static void
summary_signatures_html(FILE *out, const struct summary *S)
{
	size_t i;

	fputs("<section class=\"sign\">\n<h2>評分委員及召集人簽章</h2>\n"
	    "<table><colgroup><col class=\"name\"><col class=\"seal\"><col>"
	    "</colgroup>\n<tr><th scope=\"col\">簽章人</th>"
	    "<th scope=\"col\">簽章</th><th scope=\"col\">日期</th></tr>\n",
	    out);
	for (i = 0; i < S->nsigners; i++) {
		fputs("<tr><td>", out);
		html_text(out, i + 1 == S->nsigners ? "召集人 " : "評分委員 ");
		html_text(out, S->signers[i]);
		fputs("</td><td></td><td>　　年　　月　　日</td></tr>\n", out);
	}
	fputs("</table>\n</section>\n", out);
}

void
summary_html(FILE *out, const struct summary *S)
{
	size_t i;

	fputs("<!DOCTYPE html>\n<html lang=\"zh-Hant-TW\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"generator\" content=\"" PACKAGE_STRING "\">\n"
	    "<title>", out);
	html_text(out, S->title);
	fputs("</title>\n<style>\n", out);
	fputs(html_style, out);
	fputs(summary_style, out);
	fputs("</style>\n</head>\n<body>\n<header>\n<h1>", out);
	html_text(out, S->title);
	fputs("</h1>\n<ul class=\"facts\">\n", out);
	for (i = 0; i < S->nfacts; i++) {
		fputs("<li>", out);
		html_text(out, S->facts[i]);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n</header>\n<table class=\"summary\">\n<thead><tr>", out);
	for (i = 0; i < S->ncols; i++) {
		fputs("<th scope=\"col\">", out);
		html_text(out, S->head[i]);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	summary_rows_html(out, S);
	fputs("</tbody>\n</table>\n", out);
	if (S->partial != NULL) {
		fputs("<p>", out);
		html_text(out, S->partial);
		fputs("</p>\n", out);
	}
	fputs("<section class=\"flagged\">\n<h2>", out);
	html_text(out, S->flagged_title);
	fputs("</h2>\n", out);
	if (S->nflagged > 0) {
		fputs("<ul>\n", out);
		for (i = 0; i < S->nflagged; i++) {
			fputs("<li>", out);
			html_text(out, S->flagged[i]);
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
	fputs("</section>\n", out);
	summary_signatures_html(out, S);
	fputs("</body>\n</html>\n", out);
}
