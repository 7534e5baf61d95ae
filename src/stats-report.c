/*
 * The reviewer's report: per section the mean, min and max over the
 * filtered scorecards; the agencies ranked by mean total; the mean total
 * per year. SQLite does the sums (store-review.c); this lays them out as
 * bar charts (text), CSV or JSON. `kaohe stats` and the TUI's stats
 * screen print the same report.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "json.h"
#include "scorecard.h"
#include "stats.h"
#include "store-review.h"
#include "width.h"
#include "xalloc.h"

#define STATS_LABEL_COLS	30
#define STATS_BAR_COLS		30

/* Rows gathered for a chart: the bars need the whole set's scale. */
struct chart {
	struct stats_bar	*bars;
	char			**owned;	/* labels and notes to free */
	size_t			 n;
	size_t			 nowned;
	double			 scale;
	const char		*rubric;	/* sections: the current rubric */
};

/* One rubric snapshot of the selection, and what its rows are called. */
struct snapshot {
	char			*sha256;
	char			*rubric_id;
	char			*title;
	char			*label;		/* "110", or "110@2960d4d8" */
	int			 max;
	size_t			 cards;
};

struct stats_out {
	FILE			*f;
	enum stats_format	 format;
	bool			 ascii;
	struct json_writer	 json;
	struct chart		 chart;
	const struct snapshot	*snap;		/* the one being reported */
	bool			 several;	/* more than one snapshot */
};

static char *
own(struct chart *c, char *s)
{
	c->owned = xreallocarray(c->owned, c->nowned + 1, sizeof *c->owned);
	c->owned[c->nowned++] = s;
	return s;
}

static void
chart_add(struct chart *c, char *label, char *note, double value,
    double scale)
{
	c->bars = xreallocarray(c->bars, c->n + 1, sizeof *c->bars);
	c->bars[c->n].label = own(c, label);
	c->bars[c->n].note = own(c, note);
	c->bars[c->n].value = value;
	c->n++;
	if (scale > c->scale)
		c->scale = scale;
}

static void
chart_flush(struct stats_out *o)
{
	struct chart *c = &o->chart;
	size_t i;

	stats_chart(o->f, c->bars, c->n, c->scale, STATS_LABEL_COLS,
	    STATS_BAR_COLS, o->ascii);
	for (i = 0; i < c->nowned; i++)
		free(c->owned[i]);
	free(c->owned);
	free(c->bars);
	memset(c, 0, sizeof *c);
}

static char *
mean_text(double mean)
{
	char buf[64];

	stats_format_mean(mean, buf, sizeof buf);
	return xstrdup(buf);
}

static void
csv_row(struct stats_out *o, const char *kind, const char *rubric, const char *key,
    const char *title, const char *agency, int year, size_t cards,
    double mean, int min, int max, int of)
{
	char m[64];

	csv_field(o->f, kind, ',');
	csv_field(o->f, rubric, ',');
	csv_field(o->f, key, ',');
	csv_field(o->f, title, ',');
	csv_field(o->f, agency, ',');
	if (year > 0)
		fprintf(o->f, "%d", year);
	stats_format_mean(mean, m, sizeof m);
	fprintf(o->f, ",%zu,%s,%d,%d,%d\n", cards, m, min, max, of);
}

/* Sections are charted against their own maximum: 100% is a full bar. */
static int
on_section(const struct store_section_stat *r, void *arg)
{
	struct stats_out *o = arg;
	char *m;

	switch (o->format) {
	case STATS_TEXT:
		if (o->chart.rubric == NULL ||
		    strcmp(o->chart.rubric, o->snap->label) != 0) {
			if (o->chart.n > 0)
				chart_flush(o);
			fprintf(o->f, _("\nSections of rubric %s: mean, min-max of the"
			    " section's score\n"), o->snap->label);
			o->chart.rubric = own(&o->chart, xstrdup(o->snap->label));
		}
		m = mean_text(r->mean);
		chart_add(&o->chart, xasprintf("%*s%s %s", (r->depth - 1) * 2,
		    "", r->key, r->title), xasprintf("%6s/%-4d %4d-%d", m,
		    r->section_max, r->min, r->max), r->mean /
		    (r->section_max > 0 ? r->section_max : 1), 1);
		free(m);
		break;
	case STATS_CSV:
		csv_row(o, "section", o->snap->label, r->key, r->title, "", 0,
		    r->cards, r->mean, r->min, r->max, r->section_max);
		break;
	case STATS_JSON:
		json_begin_object(&o->json, NULL);
		json_string(&o->json, "rubric", r->rubric_id);
		json_string(&o->json, "snapshot", o->snap->sha256);
		json_string(&o->json, "key", r->key);
		json_string(&o->json, "title", r->title);
		json_int(&o->json, "depth", r->depth);
		json_int(&o->json, "cards", (long long)r->cards);
		m = mean_text(r->mean);
		json_number(&o->json, "mean", m);
		free(m);
		json_int(&o->json, "min", r->min);
		json_int(&o->json, "max", r->max);
		json_int(&o->json, "of", r->section_max);
		json_end_object(&o->json);
		break;
	}
	return 0;
}

static char *
year_label(int year)
{
	if (year > SCORECARD_ROC_OFFSET)
		return xasprintf(_("%d (ROC %d)"), year,
		    year - SCORECARD_ROC_OFFSET);
	return xasprintf("%d", year);
}

static int
on_total(const struct store_total_stat *r, void *arg)
{
	struct stats_out *o = arg;
	char *m = mean_text(r->mean);
	char *label;

	switch (o->format) {
	case STATS_TEXT:
		label = r->agency != NULL ? xstrdup(r->agency) :
		    year_label(r->year);
		chart_add(&o->chart, label, xasprintf(_("%6s  %4d-%d  (%zu)"),
		    m, r->min, r->max, r->cards), r->mean, r->card_max);
		break;
	case STATS_CSV:
		csv_row(o, r->agency != NULL ? "agency" : "year",
		    o->several ? o->snap->label : "", "", "",
		    r->agency != NULL ? r->agency : "", r->year, r->cards,
		    r->mean, r->min, r->max, r->card_max);
		break;
	case STATS_JSON:
		json_begin_object(&o->json, NULL);
		json_string(&o->json, "snapshot", o->snap->sha256);
		if (r->agency != NULL)
			json_string(&o->json, "agency", r->agency);
		else
			json_int(&o->json, "year", r->year);
		json_int(&o->json, "cards", (long long)r->cards);
		json_number(&o->json, "mean", m);
		json_int(&o->json, "min", r->min);
		json_int(&o->json, "max", r->max);
		json_int(&o->json, "of", r->card_max);
		json_end_object(&o->json);
		break;
	}
	free(m);
	return 0;
}

static void
text_count(FILE *f, const struct store_review_count *n)
{
	fprintf(f, _("%zu scorecards"), n->cards);
	if (n->drafts == 1)
		fputs(_(" (1 draft: its partial sums count as they stand)"), f);
	else if (n->drafts > 1)
		fprintf(f, _(" (%zu drafts: their partial sums count as they"
		    " stand)"), n->drafts);
	fputc('\n', f);
}

/*
 * One part of the output: a heading (text), an array (json), rows; the
 * rows of each snapshot in snaps[0, n) in turn, each filtered to it.
 */
static int
part(struct stats_out *o, const char *heading, const char *array,
    int (*run)(struct store *, const struct store_query *, void *,
    struct stats_out *, char **), struct store *st,
    const struct store_query *q, const struct snapshot *snaps, size_t n,
    char **cause)
{
	struct store_query one = *q;
	size_t i;
	int rc = 0;

	if (o->format == STATS_TEXT && heading != NULL)
		fprintf(o->f, "\n%s\n", heading);
	if (o->format == STATS_JSON)
		json_begin_array(&o->json, array);
	for (i = 0; i < n && rc == 0; i++) {
		o->snap = &snaps[i];
		one.rubric_sha256 = snaps[i].sha256;
		rc = run(st, &one, NULL, o, cause);
	}
	if (o->format == STATS_TEXT)
		chart_flush(o);
	if (o->format == STATS_JSON)
		json_end_array(&o->json);
	return rc;
}

static int
run_sections(struct store *st, const struct store_query *q, void *unused,
    struct stats_out *o, char **cause)
{
	(void)unused;
	return store_review_sections(st, q, on_section, o, cause);
}

static int
run_agencies(struct store *st, const struct store_query *q, void *unused,
    struct stats_out *o, char **cause)
{
	(void)unused;
	return store_review_agencies(st, q, on_total, o, cause);
}

static int
run_years(struct store *st, const struct store_query *q, void *unused,
    struct stats_out *o, char **cause)
{
	(void)unused;
	return store_review_years(st, q, on_total, o, cause);
}

static void
json_head(struct stats_out *o, const struct store_query *q,
    const struct store_review_count *n)
{
	json_init(&o->json, o->f, true);
	json_begin_object(&o->json, NULL);
	json_begin_object(&o->json, "filter");
	json_string(&o->json, "agency", q->agency);
	if (q->year > 0)
		json_int(&o->json, "year", q->year);
	else
		json_null(&o->json, "year");
	json_string(&o->json, "status", q->status < 0 ? NULL :
	    q->status == SCORECARD_FINAL ? "final" : "draft");
	json_string(&o->json, "rubric", q->rubric_id);
	json_end_object(&o->json);
	json_int(&o->json, "cards", (long long)n->cards);
	json_int(&o->json, "drafts", (long long)n->drafts);
}

struct snapshots {
	struct snapshot	*v;
	size_t		 n;
};

static int
on_snapshot(const struct store_snapshot_stat *r, void *arg)
{
	struct snapshots *ss = arg;
	struct snapshot *p;

	ss->v = xreallocarray(ss->v, ss->n + 1, sizeof *ss->v);
	p = &ss->v[ss->n++];
	p->sha256 = xstrdup(r->sha256);
	p->rubric_id = xstrdup(r->rubric_id);
	p->title = xstrdup(r->title);
	p->label = NULL;
	p->max = r->max;
	p->cards = r->cards;
	return 0;
}

/* An id that two snapshots share is told apart by the hash's first digits. */
static void
label_snapshots(struct snapshots *ss)
{
	size_t i, j;
	bool shared;

	for (i = 0; i < ss->n; i++) {
		shared = false;
		for (j = 0; j < ss->n; j++)
			if (j != i && strcmp(ss->v[i].rubric_id,
			    ss->v[j].rubric_id) == 0)
				shared = true;
		ss->v[i].label = shared ? xasprintf("%s@%.8s",
		    ss->v[i].rubric_id, ss->v[i].sha256) :
		    xstrdup(ss->v[i].rubric_id);
	}
}

static void
snapshots_free(struct snapshots *ss)
{
	size_t i;

	for (i = 0; i < ss->n; i++) {
		free(ss->v[i].sha256);
		free(ss->v[i].rubric_id);
		free(ss->v[i].title);
		free(ss->v[i].label);
	}
	free(ss->v);
}

static void
json_snapshots(struct stats_out *o, const struct snapshots *ss)
{
	size_t i;

	json_begin_array(&o->json, "snapshots");
	for (i = 0; i < ss->n; i++) {
		json_begin_object(&o->json, NULL);
		json_string(&o->json, "snapshot", ss->v[i].sha256);
		json_string(&o->json, "rubric", ss->v[i].rubric_id);
		json_string(&o->json, "label", ss->v[i].label);
		json_string(&o->json, "title", ss->v[i].title);
		json_int(&o->json, "max", ss->v[i].max);
		json_int(&o->json, "cards", (long long)ss->v[i].cards);
		json_end_object(&o->json);
	}
	json_end_array(&o->json);
}

/* The three parts over snaps[0, n): sections, agencies, years. */
static int
parts(struct stats_out *o, struct store *st, const struct store_query *q,
    const struct snapshot *snaps, size_t n, char **cause)
{
	int rc;

	rc = part(o, NULL, "sections", run_sections, st, q, snaps, n, cause);
	if (rc == 0)
		rc = part(o, _("Agencies by mean total: mean, min-max"
		    " (scorecards)"), "agencies", run_agencies, st, q, snaps, n,
		    cause);
	if (rc == 0)
		rc = part(o, _("Mean total per year: mean, min-max"
		    " (scorecards)"), "years", run_years, st, q, snaps, n,
		    cause);
	return rc;
}

/*
 * Text with several snapshots: one whole report each, headed by what
 * rubric it is, so that no mean mixes two rubrics' totals.
 */
static int
text_by_snapshot(struct stats_out *o, struct store *st,
    const struct store_query *q, const struct snapshots *ss, char **cause)
{
	size_t i;
	int rc = 0;

	fprintf(o->f, _("%zu rubric snapshots: each is reported apart, and"
	    " scorecards of different rubrics are never averaged together\n"),
	    ss->n);
	for (i = 0; i < ss->n && rc == 0; i++) {
		fprintf(o->f, _("\n== rubric %s: %s, total %d (snapshot %.12s),"
		    " %zu scorecards ==\n"), ss->v[i].label, ss->v[i].title,
		    ss->v[i].max, ss->v[i].sha256, ss->v[i].cards);
		rc = parts(o, st, q, &ss->v[i], 1, cause);
	}
	return rc;
}

int
stats_report(FILE *f, struct store *st, const struct store_query *q,
    enum stats_format format, bool ascii, char **cause)
{
	struct stats_out out, *o = &out;
	struct store_review_count n;
	struct snapshots ss = { NULL, 0 };
	int rc;

	memset(o, 0, sizeof *o);
	o->f = f;
	o->format = format;
	o->ascii = ascii;
	if (store_review_count(st, q, &n, cause) != 0 ||
	    store_review_snapshots(st, q, on_snapshot, &ss, cause) != 0) {
		snapshots_free(&ss);
		return -1;
	}
	label_snapshots(&ss);
	o->several = ss.n > 1;
	if (o->format == STATS_JSON) {
		json_head(o, q, &n);
		json_snapshots(o, &ss);
	} else if (o->format == STATS_CSV)
		fputs("kind,rubric,key,title,agency,year,cards,mean,min,max,"
		    "of\n", f);
	else if (n.cards == 0) {
		/* Honest: no bars drawn over nothing. */
		fputs(_("no scorecards match the filter\n"), f);
		snapshots_free(&ss);
		return 0;
	} else
		text_count(f, &n);
	if (o->format == STATS_TEXT && o->several)
		rc = text_by_snapshot(o, st, q, &ss, cause);
	else
		rc = parts(o, st, q, ss.v, ss.n, cause);
	snapshots_free(&ss);
	if (rc != 0) {
		chart_flush(o);
		return -1;
	}
	if (o->format == STATS_JSON) {
		json_end_object(&o->json);
		json_finish(&o->json);
	}
	return 0;
}
