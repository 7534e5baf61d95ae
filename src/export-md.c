/*
 * The Markdown export: the paper form (the grid the text, HTML and PDF
 * draw, export-grid.h) as a GitHub-flavoured table. A heading and a list
 * of the header facts, then one table with the form's seven columns;
 * Markdown has no merged cells, so a merged cell's text is on its first
 * row and the rows it covers are empty there. 考核內容 holds every ■/□
 * option, 細項配分 the bands in the same order. The ＊ legend and the
 * signature lines follow.
 *
 * Every ASCII punctuation that Markdown could read as markup is escaped
 * with a backslash (CommonMark allows it before any of them): a note's
 * "26~30" must not become strikethrough, nor "<b>" HTML, nor "|" a column.
 * Newlines in a cell become <br>.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export-formats.h"
#include "export-grid.h"
#include "export-util.h"
#include "xalloc.h"

static void
md_text(FILE *out, const char *s, bool cell)
{
	const char *p;

	for (p = s; *p != '\0'; p++) {
		if (*p == '\n')
			fputs(cell ? "<br>" : " ", out);
		else {
			if (strchr("\\`*_~|<>[]&#", *p) != NULL)
				fputc('\\', out);
			fputc(*p, out);
		}
	}
}

/* Clean, then escape: the one way a string enters the Markdown. */
static void
md_put(FILE *out, const char *s, bool cell)
{
	char *clean = export_clean(s);

	md_text(out, clean, cell);
	free(clean);
}

static void
md_cell(FILE *out, const char *s)
{
	fputs("| ", out);
	md_put(out, s, true);
	fputc(' ', out);
}

/* A grid cell's paragraphs, one a line (<br>); a heading with its tail. */
static char *
md_paras(const struct grid_cell *c, bool bands)
{
	char *all = xstrdup(""), *next;
	const struct grid_para *p;
	size_t i;

	for (i = 0; i < c->np; i++) {
		p = &c->p[i];
		if (bands && p->band == NULL)
			continue;
		next = xasprintf("%s%s%s%s%s", all, *all != '\0' ? "\n" : "",
		    bands ? p->band : p->text,
		    !bands && p->tail != NULL ? " " : "",
		    !bands && p->tail != NULL ? p->tail : "");
		free(all);
		all = next;
	}
	return all;
}

static void
md_header(FILE *out, const struct grid *g)
{
	size_t i;

	fputs("# ", out);
	md_put(out, g->title, false);
	fputs("\n\n", out);
	for (i = 0; i < g->nfacts; i++) {
		fputs("- ", out);
		md_put(out, g->facts[i], false);
		fputc('\n', out);
	}
	fputc('\n', out);
	for (i = 0; i < GRID_NCOLS; i++)
		fprintf(out, "| %s ", grid_headers[i]);
	fputs("|\n| --- | --- | ---: | --- | --- | --- | --- |\n", out);
}

/* A row: a merged cell's text on its first row, empty on those below. */
static void
md_row(FILE *out, const struct grid_row *row)
{
	char *s;
	size_t i;

	for (i = 0; i < GRID_NCOLS; i++) {
		if (i == GRID_RANGE)
			s = md_paras(&row->cell[GRID_CONTENT], true);
		else
			s = md_paras(&row->cell[i], false);
		md_cell(out, s);
		free(s);
	}
	fputs("|\n", out);
}

/* Under the table: the ＊ legend, then the signature lines. */
static void
md_footer(FILE *out, const struct grid *g)
{
	size_t i;

	if (g->nlegend > 0) {
		fputc('\n', out);
		md_put(out, GRID_LEGEND, false);
		fputs("\n\n", out);
		for (i = 0; i < g->nlegend; i++) {
			fputs("- ", out);
			md_put(out, g->legend[i], false);
			fputc('\n', out);
		}
	}
	fputs("\n考核人員簽章：\n\n", out);
	for (i = 0; i < g->nsigners; i++) {
		fputs("- ", out);
		md_put(out, g->signers[i], false);
		fputs("：\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n", out);
	}
	fputs("\n考核日期：", out);
	md_put(out, g->date, false);
	fputc('\n', out);
}

int
export_md(FILE *out, const struct scorecard *sc,
    const struct export_options *o, char **cause)
{
	struct grid g;
	size_t r;

	(void)o;
	(void)cause;
	grid_build(&g, sc);
	md_header(out, &g);
	for (r = 0; r < g.nrows; r++)
		md_row(out, &g.rows[r]);
	md_footer(out, &g);
	grid_free(&g);
	return 0;
}
