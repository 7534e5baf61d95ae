/*
 * Horizontal bar charts for a terminal or a report: Unicode eighth blocks
 * (▏▎▍▌▋▊▉█) when the locale is UTF-8, else '#'. Pure: text in, text out.
 */
#ifndef KAOHE_STATS_H
#define KAOHE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One bar: its label, its value, and what to print after it. */
struct stats_bar {
	const char	*label;
	double		 value;
	const char	*note;		/* "870.0  (3)"; may be NULL */
};


/*
 * Print one line a bar: the label padded to label_cols display columns
 * (CJK counts two), the bar, a space and the note.
 */
void	stats_chart(FILE *out, const struct stats_bar *bars, size_t n,
	    double scale, size_t label_cols, size_t bar_cols, bool ascii);


enum stats_format { STATS_TEXT, STATS_CSV, STATS_JSON };


struct store;
struct store_query;

/*
 * The whole report over the scorecards that q's agency, year, status and
 * rubric_id select, written to f. An empty selection says so. -1 with
 * *cause when the store fails; caller frees.
 */
int	stats_report(FILE *f, struct store *, const struct store_query *q,
	    enum stats_format, bool ascii, char **cause);

/*
 * The inter-rater view (stats-raters.c): per item over the team cards q
 * selects, the members' mean spread and how often it was flagged, the
 * most disagreed first.
 */
int	stats_raters(FILE *f, struct store *, const struct store_query *q,
	    enum stats_format, char **cause);

/* A mean with one decimal, "870.3": the form every output uses. */
void	stats_format_mean(double mean, char *buf, size_t size);

#endif
