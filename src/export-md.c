/*
 * The Markdown export: the text export's content as a GitHub-flavoured
 * table. A heading and a list of the header facts, then one table with the
 * form's columns. As in the text export the 評核構面 cell is filled on the
 * first row of each top section only, and deeper sections get a row.
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

static void
md_fact(FILE *out, const char *name, const char *value)
{
	fprintf(out, "- %s：", name);
	md_put(out, value, false);
	fputc('\n', out);
}

static void
md_header(FILE *out, const struct scorecard *sc)
{
	char *v;

	fputs("# ", out);
	md_put(out, sc->rubric->title, false);
	fputs("\n\n", out);
	md_fact(out, "受考核機關名稱", sc->agency);
	v = export_date(sc->date);
	md_fact(out, "考核日期", v);
	free(v);
	v = export_total(sc);
	md_fact(out, "總分", v);
	free(v);
	v = export_inspectors(sc, "、");
	md_fact(out, "考核人員", v);
	free(v);
	md_fact(out, "狀態", export_status(sc));
	fputs("\n| 評核構面 | 考核項目 | 評分 | 細項配分 | 紀錄事項 | 評分說明 |\n"
	    "| --- | --- | ---: | --- | --- | --- |\n", out);
}

/* The headings of the merged 評核構面 cell, joined by newlines. */
static char *
md_dim(const struct scorecard *sc, const struct rubric_node *anchor,
    const struct rubric_node *item)
{
	const struct rubric_node *path[EXPORT_PATH_MAX];
	char *all = xstrdup(""), *h, *next;
	size_t len, i;

	if (anchor == NULL || anchor->parent == NULL)
		return all;
	len = export_path(anchor, NULL, path, EXPORT_PATH_MAX - 1);
	path[len++] = anchor;
	for (i = 0; i < len; i++) {
		if (path[i] != anchor && path[i]->item_first != item->item_first)
			continue;
		h = export_heading(sc, path[i]);
		next = xasprintf("%s%s%s", all, *all != '\0' ? "\n" : "", h);
		free(h);
		free(all);
		all = next;
	}
	return all;
}

static char *
md_range(const struct rubric_node *item, const struct scorecard_entry *e)
{
	char *all, *next, *tier;
	size_t t;

	all = export_range(item->min, item->max);
	for (t = 0; t < item->ntiers; t++) {
		tier = export_tier(item, t, e->tier == (int)t + 1);
		next = xasprintf("%s\n%s", all, tier);
		free(tier);
		free(all);
		all = next;
	}
	return all;
}

static void
md_section_row(FILE *out, const struct scorecard *sc, const char *dim,
    const struct rubric_node *s)
{
	char *h = export_heading(sc, s);

	md_cell(out, dim);
	md_cell(out, h);
	fputs("|  |  |  |  |\n", out);
	free(h);
}

static void
md_item_row(FILE *out, const struct scorecard *sc, const char *dim,
    const struct rubric_node *item)
{
	const struct scorecard_entry *e = export_entry(sc, item);
	char *label, *range, score[16] = "";

	label = rubric_node_label(item);
	range = md_range(item, e);
	if (e->scored)
		(void)snprintf(score, sizeof score, "%d", e->score);
	md_cell(out, dim);
	md_cell(out, label);
	md_cell(out, score);
	md_cell(out, range);
	md_cell(out, e->record);
	md_cell(out, e->rationale);
	fputs("|\n", out);
	free(range);
	free(label);
}

int
export_md(FILE *out, const struct scorecard *sc,
    const struct export_options *o, char **cause)
{
	const struct rubric *r = sc->rubric;
	const struct rubric_node *path[EXPORT_PATH_MAX], *anchor, *prev = NULL;
	const struct rubric_node *item;
	char *dim;
	size_t i, j, len;

	(void)o;
	(void)cause;
	md_header(out, sc);
	for (i = 0; i < r->nitems; i++) {
		item = r->items[i];
		anchor = export_anchor(item);
		dim = i == 0 || anchor != prev ? md_dim(sc, anchor, item) :
		    xstrdup("");
		prev = anchor;
		len = export_path(item, anchor, path, EXPORT_PATH_MAX);
		for (j = 0; j < len; j++) {
			if (path[j]->item_first != item->item_first)
				continue;
			md_section_row(out, sc, dim, path[j]);
			*dim = '\0';
		}
		md_item_row(out, sc, dim, item);
		free(dim);
	}
	return 0;
}
