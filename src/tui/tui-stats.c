/*
 * The stats screen: the store's review data (store-review.c) charted to
 * fit the window: per section the mean, min and max, the agencies by
 * mean total, the mean total per year. The same numbers as `kaohe
 * stats`, laid out for the width there is rather than for a file. They
 * are fetched once when the screen opens: SQLite sums 100,000
 * scorecards in well under a second.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "scorecard.h"
#include "stats.h"
#include "store-review.h"
#include "tui/tui-list.h"
#include "width.h"
#include "xalloc.h"

#define STATS_NOTE_COLS	22	/* " 870.3/1000  810-920 (12)" at most */
#define STATS_BAR_MIN	10

enum stats_kind { STATS_LINE, STATS_HEADING, STATS_BAR };

struct stats_row {
	enum stats_kind	 kind;
	char		*label;
	char		*note;		/* bars: "mean/of  min-max" */
	double		 value;		/* bars: the mean ... */
	double		 scale;		/* ... of this much */
};

struct stats_view {
	struct stats_row	*rows;
	size_t			 n;
	size_t			 part;	/* the first row of the part being read */
	double			 part_scale;	/* the largest total in it */
	const char		*rubric;	/* sections: the rubric being read */
	char			*title;
};

static void
stats_add(struct stats_view *v, enum stats_kind kind, char *label,
    char *note, double value, double scale)
{
	struct stats_row *r;

	v->rows = xreallocarray(v->rows, v->n + 1, sizeof *v->rows);
	r = &v->rows[v->n++];
	r->kind = kind;
	r->label = label;
	r->note = note;
	r->value = value;
	r->scale = scale;
}

static void
stats_heading(struct stats_view *v, const char *text)
{
	if (v->n > 0)
		stats_add(v, STATS_LINE, xstrdup(""), NULL, 0, 0);
	stats_add(v, STATS_HEADING, xstrdup(text), NULL, 0, 0);
	v->part = v->n;
}

/* Sections are charted against their own maximum: 100% is a full bar. */
static int
stats_on_section(const struct store_section_stat *r, void *arg)
{
	struct stats_view *v = arg;
	char m[32], *h;

	if (v->rubric == NULL || strcmp(v->rubric, r->rubric_id) != 0) {
		h = xasprintf(_("Sections of rubric %s: mean, min-max"),
		    r->rubric_id);
		stats_heading(v, h);
		free(h);
		/* The heading row keeps the id: v->rubric borrows it. */
		v->rows[v->n - 1].note = xstrdup(r->rubric_id);
		v->rubric = v->rows[v->n - 1].note;
	}
	stats_format_mean(r->mean, m, sizeof m);
	stats_add(v, STATS_BAR, xasprintf("%*s%s %s", (r->depth - 1) * 2, "",
	    r->key, r->title), xasprintf("%6s/%-4d %d-%d", m, r->section_max,
	    r->min, r->max), r->mean, r->section_max);
	return 0;
}

/* Totals share one scale: the largest rubric total among them. */
static int
stats_on_total(const struct store_total_stat *r, void *arg)
{
	struct stats_view *v = arg;
	char m[32], *label;

	stats_format_mean(r->mean, m, sizeof m);
	if (r->agency != NULL)
		label = xstrdup(r->agency);
	else if (r->year > SCORECARD_ROC_OFFSET)
		label = xasprintf(_("%d (ROC %d)"), r->year,
		    r->year - SCORECARD_ROC_OFFSET);
	else
		label = xasprintf("%d", r->year);
	stats_add(v, STATS_BAR, label, xasprintf("%6s %d-%d (%zu)", m, r->min,
	    r->max, r->cards), r->mean, 0);
	if (r->card_max > v->part_scale)
		v->part_scale = r->card_max;
	return 0;
}

/* The totals just read take their part's scale. */
static void
stats_end_totals(struct stats_view *v)
{
	size_t i;

	for (i = v->part; i < v->n; i++)
		v->rows[i].scale = v->part_scale;
	v->part_scale = 0;
}

static char *
stats_count_line(const struct store_review_count *c)
{
	if (c->drafts == 1)
		return xasprintf(_("%zu scorecards (1 draft: its partial sums"
		    " count as they stand)"), c->cards);
	if (c->drafts > 1)
		return xasprintf(_("%zu scorecards (%zu drafts: their partial"
		    " sums count as they stand)"), c->cards, c->drafts);
	return xasprintf(_("%zu scorecards"), c->cards);
}

static int
stats_build(struct stats_view *v, struct store *st,
    const struct store_query *q, char **cause)
{
	struct store_review_count c;

	if (store_review_count(st, q, &c, cause) != 0)
		return -1;
	if (c.cards == 0) {
		stats_add(v, STATS_LINE, xstrdup(_("no scorecards match the"
		    " filter")), NULL, 0, 0);
		return 0;
	}
	stats_add(v, STATS_LINE, stats_count_line(&c), NULL, 0, 0);
	if (store_review_sections(st, q, stats_on_section, v, cause) != 0)
		return -1;
	stats_heading(v, _("Agencies by mean total: mean, min-max"
	    " (scorecards)"));
	if (store_review_agencies(st, q, stats_on_total, v, cause) != 0)
		return -1;
	stats_end_totals(v);
	stats_heading(v, _("Mean total per year: mean, min-max"
	    " (scorecards)"));
	if (store_review_years(st, q, stats_on_total, v, cause) != 0)
		return -1;
	stats_end_totals(v);
	return 0;
}

static size_t
stats_count(struct tui *tui, struct tui_list *l)
{
	(void)tui;
	return ((struct stats_view *)l->data)->n;
}

/* Label, bar and note share the width: the note is never cut. */
static void
stats_draw_row(struct tui *tui, struct tui_list *l, size_t k, int y, attr_t a)
{
	const struct stats_row *r = &((struct stats_view *)l->data)->rows[k];
	int label = (COLS - 2) * 2 / 5, bar, x;

	if (r->kind != STATS_BAR) {
		tui_put_cut(y, 1, COLS - 2, r->label, r->kind == STATS_HEADING ?
		    a | tui_attr(tui, TUI_ROLE_TITLE) : a);
		return;
	}
	bar = COLS - 2 - label - STATS_NOTE_COLS - 2;
	if (bar < STATS_BAR_MIN) {
		label -= STATS_BAR_MIN - bar;
		bar = STATS_BAR_MIN;
	}
	tui_put_cut(y, 1, label, r->label, a);
	x = 1 + label + 1;
	tui_bar(y, x, bar, r->value > 0 ? (size_t)(r->value * 100 + 0.5) : 0,
	    r->scale > 0 ? (size_t)(r->scale * 100 + 0.5) : 1, a);
	tui_put_cut(y, x + bar + 1, COLS - 1 - (x + bar + 1), r->note, a);
}

static char *
stats_row_text(struct tui *tui, struct tui_list *l, size_t k)
{
	(void)tui;
	return xstrdup(((struct stats_view *)l->data)->rows[k].label);
}

static void
stats_draw_frame(struct tui *tui, struct tui_list *l)
{
	tui_draw_title(tui, ((struct stats_view *)l->data)->title);
}

static void
stats_free(struct stats_view *v)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		free(v->rows[i].label);
		free(v->rows[i].note);
	}
	free(v->rows);
	free(v->title);
	free(v);
}

static void
stats_close(struct tui *tui, struct tui_list *l)
{
	(void)tui;
	stats_free(l->data);
}

static const struct tui_list_ops stats_ops = {
	.name = "stats", .scope = TUI_SCOPE_STATS, .flags = TUI_LIST_PAGER,
	.head = 1, .foot = 1,
	.count = stats_count, .draw_row = stats_draw_row,
	.draw_frame = stats_draw_frame, .row_text = stats_row_text,
	.close = stats_close,
};

static char *
stats_title(const struct store_query *q)
{
	const char *status = q->status < 0 ? NULL :
	    q->status == SCORECARD_FINAL ? _("final") : _("draft");
	char year[16] = "";

	if (q->year > 0)
		snprintf(year, sizeof year, " · %d", q->year);
	return xasprintf("%s%s%s%s%s%s", _("Stats · kaohe"),
	    q->agency != NULL ? " · " : "", q->agency != NULL ? q->agency : "",
	    year, status != NULL ? " · " : "", status != NULL ? status : "");
}

void
tui_stats_open(struct tui *tui, const struct store_query *q)
{
	struct stats_view *v = xcalloc(1, sizeof *v);
	char *cause = NULL;

	if (stats_build(v, tui->st, q, &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		stats_free(v);
		return;
	}
	v->title = stats_title(q);
	tui_list_open(tui, &stats_ops, v);
}
