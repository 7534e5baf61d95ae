/*
 * `kaohe stats --raters`: which items do our inspectors disagree on? Per
 * item, over the team cards the filter selects, how many had two or more
 * members score it, their mean spread (in points and as a share of the
 * item's range, so that a 1~5 and a 1~50 item compare), the largest
 * spread, and how often the item was flagged. The most disagreed first:
 * that is how a rubric gets better.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "json.h"
#include "rubric.h"
#include "stats.h"
#include "store-team.h"
#include "team.h"
#include "width.h"
#include "xalloc.h"

struct rater_row {
	char	*sha256;
	char	*rubric_id;
	char	*key;
	char	*title;
	int	 min, max;
	size_t	 position;
	size_t	 teams;
	double	 mean_spread;
	double	 share;		/* mean_spread of the range's size, 0~1 */
	int	 max_spread;
	size_t	 flagged;
};

struct rater_rows {
	struct store	*st;
	struct rater_row *v;
	size_t		 n;
	/* The snapshot the last rows came from, parsed once. */
	char		*sha256;
	struct rubric	*rubric;
	char		*cause;
};

static int
load_snapshot(struct rater_rows *rs, const char *sha256)
{
	char *text, *why = NULL;
	int rc;

	if (rs->sha256 != NULL && strcmp(rs->sha256, sha256) == 0)
		return 0;
	rubric_free(rs->rubric);
	rs->rubric = NULL;
	free(rs->sha256);
	rs->sha256 = xstrdup(sha256);
	if (store_rubric_snapshot(rs->st, sha256, &text, &rs->cause) != 0)
		return -1;
	rc = rubric_parse(text, strlen(text), sha256, &rs->rubric, &why);
	free(text);
	if (rc != 0) {
		rs->cause = xasprintf(_("rubric snapshot %.12s does not load:"
		    " %s"), sha256, why);
		free(why);
	}
	return rc;
}

static int
on_row(const struct store_rater_stat *r, void *arg)
{
	struct rater_rows *rs = arg;
	const struct rubric_node *item;
	struct rater_row *o;

	if (load_snapshot(rs, r->rubric_sha256) != 0)
		return 1;
	if (r->position >= rs->rubric->nitems)
		return 0;
	item = rs->rubric->items[r->position];
	rs->v = xreallocarray(rs->v, rs->n + 1, sizeof *rs->v);
	o = &rs->v[rs->n++];
	o->sha256 = xstrdup(r->rubric_sha256);
	o->rubric_id = xstrdup(rs->rubric->id);
	o->key = xstrdup(r->key);
	o->title = xstrdup(item->title);
	o->min = item->min;
	o->max = item->max;
	o->position = r->position;
	o->teams = r->teams;
	o->mean_spread = r->mean_spread;
	o->share = r->mean_spread / team_range_size(item);
	o->max_spread = r->max_spread;
	o->flagged = r->flagged;
	return 0;
}

/* The most disagreed first; ties in the rubric's order. */
static int
by_disagreement(const void *a, const void *b)
{
	const struct rater_row *x = a, *y = b;
	int c;

	if (x->share != y->share)
		return x->share < y->share ? 1 : -1;
	if (x->flagged != y->flagged)
		return x->flagged < y->flagged ? 1 : -1;
	if ((c = strcmp(x->sha256, y->sha256)) != 0)
		return c;
	return (x->position > y->position) - (x->position < y->position);
}

static void
rows_free(struct rater_rows *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].sha256);
		free(rs->v[i].rubric_id);
		free(rs->v[i].key);
		free(rs->v[i].title);
	}
	free(rs->v);
	free(rs->sha256);
	rubric_free(rs->rubric);
}

static void
print_text(FILE *f, const struct rater_rows *rs)
{
	char *title, *padded, range[32], spread[32], share[32], flagged[48];
	size_t i;

	if (rs->n == 0) {
		fputs(_("no team card in the selection has an item that two"
		    " members scored\n"), f);
		return;
	}
	fputs(_("Where the team's members differ (team cards, items scored by"
	    " two or more):\n"), f);
	padded = width_pad(_("ITEM"), 40);
	fprintf(f, "%-10s %s %7s %5s %7s %6s %4s  %s\n", _("KEY"), padded,
	    _("RANGE"), _("TEAMS"), _("SPREAD"), _("%RANGE"), _("MAX"),
	    _("FLAGGED"));
	free(padded);
	for (i = 0; i < rs->n; i++) {
		const struct rater_row *r = &rs->v[i];

		title = width_sanitize(r->title);
		padded = width_pad(title, 40);
		snprintf(range, sizeof range, "%d~%d", r->min, r->max);
		stats_format_mean(r->mean_spread, spread, sizeof spread);
		snprintf(share, sizeof share, "%.0f%%", r->share * 100);
		snprintf(flagged, sizeof flagged, "%zu (%.0f%%)", r->flagged,
		    100.0 * (double)r->flagged / (double)r->teams);
		fprintf(f, "%-10s %s %7s %5zu %7s %6s %4d  %s\n", r->key,
		    padded, range, r->teams, spread, share, r->max_spread,
		    flagged);
		free(padded);
		free(title);
	}
}

static void
print_csv(FILE *f, const struct rater_rows *rs)
{
	char buf[64];
	size_t i;

	fputs("\xef\xbb\xbf", f);
	fputs("rubric,snapshot,key,title,min,max,teams,mean_spread,"
	    "share_of_range,max_spread,flagged\n", f);
	for (i = 0; i < rs->n; i++) {
		const struct rater_row *r = &rs->v[i];

		csv_field(f, r->rubric_id, ',');
		csv_field(f, r->sha256, ',');
		csv_field(f, r->key, ',');
		csv_field(f, r->title, ',');
		fprintf(f, "%d,%d,%zu,", r->min, r->max, r->teams);
		stats_format_mean(r->mean_spread, buf, sizeof buf);
		fprintf(f, "%s,%.3f,%d,%zu\n", buf, r->share, r->max_spread,
		    r->flagged);
	}
}

static void
print_json(FILE *f, const struct rater_rows *rs)
{
	struct json_writer w;
	char buf[64];
	size_t i;

	json_init(&w, f, true);
	json_begin_object(&w, NULL);
	json_begin_array(&w, "items");
	for (i = 0; i < rs->n; i++) {
		const struct rater_row *r = &rs->v[i];

		json_begin_object(&w, NULL);
		json_string(&w, "rubric", r->rubric_id);
		json_string(&w, "snapshot", r->sha256);
		json_string(&w, "key", r->key);
		json_string(&w, "title", r->title);
		json_int(&w, "min", r->min);
		json_int(&w, "max", r->max);
		json_int(&w, "teams", (long long)r->teams);
		stats_format_mean(r->mean_spread, buf, sizeof buf);
		json_number(&w, "mean_spread", buf);
		snprintf(buf, sizeof buf, "%.3f", r->share);
		json_number(&w, "share_of_range", buf);
		json_int(&w, "max_spread", r->max_spread);
		json_int(&w, "flagged", (long long)r->flagged);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
}

int
stats_raters(FILE *f, struct store *st, const struct store_query *q,
    enum stats_format format, char **cause)
{
	struct rater_rows rs = { st, NULL, 0, NULL, NULL, NULL };

	if (store_team_raters(st, q, on_row, &rs, cause) != 0 ||
	    rs.cause != NULL) {
		if (rs.cause != NULL)
			*cause = rs.cause;
		rows_free(&rs);
		return -1;
	}
	if (rs.n > 1)
		qsort(rs.v, rs.n, sizeof *rs.v, by_disagreement);
	if (format == STATS_CSV)
		print_csv(f, &rs);
	else if (format == STATS_JSON)
		print_json(f, &rs);
	else
		print_text(f, &rs);
	rows_free(&rs);
	return 0;
}
