/*
 * kaohe stats: what a reviewer pastes into a report. Per section the mean,
 * min and max over the filtered scorecards; the agencies ranked by mean
 * total; the mean total per year. SQLite does the sums (store-review.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "csv.h"
#include "i18n.h"
#include "json.h"
#include "stats.h"
#include "store-review.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_stats_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_stats = {
	"stats",
	"[--agency A] [--year Y] [--status draft|final] [--rubric ID]"
	" [--format text|csv|json] [--ascii]",
	N_("per-section mean, min and max; agencies ranked; the yearly trend"),
	N_("  --agency A      agencies whose name contains A\n"
	   "  --year Y        the year of the inspection date: 2021, or the\n"
	   "                  ROC year 110 (any Y below 1911 is read as ROC)\n"
	   "  --status S      draft or final (drafts count their partial sums)\n"
	   "  --rubric ID     scorecards made with this rubric\n"
	   "  --format F      text (default, with bar charts), csv or json\n"
	   "  --ascii         draw bars with '#' (also when the locale is not"
	   " UTF-8)\n"),
	cmd_stats_exec,
};

enum stats_format { STATS_TEXT, STATS_CSV, STATS_JSON };

#define STATS_LABEL_COLS	30
#define STATS_BAR_COLS		30
#define STATS_ROC_OFFSET	1911

/* Rows gathered for a chart: the bars need the whole set's scale. */
struct chart {
	struct stats_bar	*bars;
	char			**owned;	/* labels and notes to free */
	size_t			 n;
	size_t			 nowned;
	double			 scale;
	const char		*rubric;	/* sections: the current rubric */
};

struct stats_out {
	enum stats_format	 format;
	bool			 ascii;
	struct json_writer	 json;
	struct chart		 chart;
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

	stats_chart(stdout, c->bars, c->n, c->scale, STATS_LABEL_COLS,
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
csv_row(const char *kind, const char *rubric, const char *key,
    const char *title, const char *agency, int year, size_t cards,
    double mean, int min, int max, int of)
{
	char m[64];

	csv_field(stdout, kind, ',');
	csv_field(stdout, rubric, ',');
	csv_field(stdout, key, ',');
	csv_field(stdout, title, ',');
	csv_field(stdout, agency, ',');
	if (year > 0)
		printf("%d", year);
	stats_format_mean(mean, m, sizeof m);
	printf(",%zu,%s,%d,%d,%d\n", cards, m, min, max, of);
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
		    strcmp(o->chart.rubric, r->rubric_id) != 0) {
			if (o->chart.n > 0)
				chart_flush(o);
			printf(_("\nSections of rubric %s: mean, min-max of the"
			    " section's score\n"), r->rubric_id);
			o->chart.rubric = own(&o->chart, xstrdup(r->rubric_id));
		}
		m = mean_text(r->mean);
		chart_add(&o->chart, xasprintf("%*s%s %s", (r->depth - 1) * 2,
		    "", r->key, r->title), xasprintf("%6s/%-4d %4d-%d", m,
		    r->section_max, r->min, r->max), r->mean /
		    (r->section_max > 0 ? r->section_max : 1), 1);
		free(m);
		break;
	case STATS_CSV:
		csv_row("section", r->rubric_id, r->key, r->title, "", 0,
		    r->cards, r->mean, r->min, r->max, r->section_max);
		break;
	case STATS_JSON:
		json_begin_object(&o->json, NULL);
		json_string(&o->json, "rubric", r->rubric_id);
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
	if (year > STATS_ROC_OFFSET)
		return xasprintf(_("%d (ROC %d)"), year,
		    year - STATS_ROC_OFFSET);
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
		csv_row(r->agency != NULL ? "agency" : "year", "", "", "",
		    r->agency != NULL ? r->agency : "", r->year, r->cards,
		    r->mean, r->min, r->max, r->card_max);
		break;
	case STATS_JSON:
		json_begin_object(&o->json, NULL);
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
text_count(const struct store_review_count *n)
{
	printf(_("%zu scorecards"), n->cards);
	if (n->drafts == 1)
		printf(_(" (1 draft: its partial sums count as they stand)"));
	else if (n->drafts > 1)
		printf(_(" (%zu drafts: their partial sums count as they"
		    " stand)"), n->drafts);
	fputc('\n', stdout);
}

/* One part of the output: a heading (text), an array (json), rows. */
static int
part(struct stats_out *o, const char *heading, const char *array,
    int (*run)(struct store *, const struct store_query *, void *,
    struct stats_out *, char **), struct store *st,
    const struct store_query *q, char **cause)
{
	int rc;

	if (o->format == STATS_TEXT && heading != NULL)
		printf("\n%s\n", heading);
	if (o->format == STATS_JSON)
		json_begin_array(&o->json, array);
	rc = run(st, q, NULL, o, cause);
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
	json_init(&o->json, stdout, true);
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

static int
report(struct store *st, const struct store_query *q, struct stats_out *o)
{
	struct store_review_count n;
	char *cause = NULL;
	int rc;

	if (store_review_count(st, q, &n, &cause) != 0)
		goto failed;
	if (o->format == STATS_JSON)
		json_head(o, q, &n);
	else if (o->format == STATS_CSV)
		fputs("kind,rubric,key,title,agency,year,cards,mean,min,max,"
		    "of\n", stdout);
	else if (n.cards == 0) {
		/* Honest: no bars drawn over nothing. */
		printf(_("no scorecards match the filter\n"));
		return CLI_OK;
	} else
		text_count(&n);
	rc = part(o, NULL, "sections", run_sections, st, q, &cause);
	if (rc == 0)
		rc = part(o, _("Agencies by mean total: mean, min-max"
		    " (scorecards)"), "agencies", run_agencies, st, q, &cause);
	if (rc == 0)
		rc = part(o, _("Mean total per year: mean, min-max"
		    " (scorecards)"), "years", run_years, st, q, &cause);
	if (rc != 0)
		goto failed;
	if (o->format == STATS_JSON) {
		json_end_object(&o->json);
		json_finish(&o->json);
	}
	return CLI_OK;
failed:
	cli_fail("%s", cause);
	free(cause);
	return CLI_FAILED;
}

struct stats_flags {
	const char	*year, *status, *format;
	bool		 ascii;
};

static int
parse_flags(const struct stats_flags *f, struct store_query *q,
    struct stats_out *o)
{
	const struct cli_command *cmd = &cli_cmd_stats;
	long v;

	if (f->year != NULL) {
		if (cli_args_int(cmd, "--year", f->year, 1, 9999, &v) !=
		    CLI_OK)
			return CLI_USAGE;
		q->year = v < STATS_ROC_OFFSET ? (int)v + STATS_ROC_OFFSET :
		    (int)v;
	}
	if (f->status != NULL) {
		if (strcmp(f->status, "draft") == 0)
			q->status = SCORECARD_DRAFT;
		else if (strcmp(f->status, "final") == 0)
			q->status = SCORECARD_FINAL;
		else
			return cli_usage(cmd, _("--status is draft or final,"
			    " not '%s'"), f->status);
	}
	if (f->format == NULL || strcmp(f->format, "text") == 0)
		o->format = STATS_TEXT;
	else if (strcmp(f->format, "csv") == 0)
		o->format = STATS_CSV;
	else if (strcmp(f->format, "json") == 0)
		o->format = STATS_JSON;
	else
		return cli_usage(cmd, _("--format is text, csv or json, not"
		    " '%s'"), f->format);
	o->ascii = f->ascii || !stats_locale_utf8();
	return CLI_OK;
}

static int
cmd_stats_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct store_query q = { .status = -1 };
	struct stats_flags f = { 0 };
	struct stats_out o;
	struct store *st;
	const char *pos[1];
	size_t npos;
	int rc;
	const struct cli_opt opts[] = {
		{ "--agency", 0, true, &q.agency, NULL, NULL, NULL },
		{ "--year", 0, true, &f.year, NULL, NULL, NULL },
		{ "--status", 0, true, &f.status, NULL, NULL, NULL },
		{ "--rubric", 0, true, &q.rubric_id, NULL, NULL, NULL },
		{ "--format", 0, true, &f.format, NULL, NULL, NULL },
		{ "--ascii", 0, false, NULL, &f.ascii, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	memset(&o, 0, sizeof o);
	rc = cli_args_parse(&cli_cmd_stats, argc, argv, opts, pos, 0, &npos);
	if (rc != CLI_OK)
		return rc;
	rc = parse_flags(&f, &q, &o);
	if (rc != CLI_OK)
		return rc;
	if (cli_open_store(ctx, STORE_READONLY, &st) != CLI_OK)
		return CLI_FAILED;
	rc = report(st, &q, &o);
	store_close(st);
	return rc;
}
