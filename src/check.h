/*
 * The review before finalize (`kaohe check`, the finalize confirmation):
 * what a careful colleague would point out on a scorecard. Pure: the
 * previous card and today's date are given, nothing is read here.
 */
#ifndef KAOHE_CHECK_H
#define KAOHE_CHECK_H

#include <stddef.h>

#include "scorecard.h"

struct check_finding {
	const char	*key;		/* the item's key, "-" for the card */
	const char	*kind;		/* "unscored", "no-rationale", ... */
	char		*message;	/* one line, translated */
};

struct check_findings {
	struct check_finding	*v;
	size_t			 n;
};

/*
 * Every finding on sc, card-level first, then item by item in rubric
 * order: unscored, no-rationale, rationale-score, swing (against prev, the
 * same agency's previous final card, or NULL), and future-date when sc's
 * date is after today (YYYY-MM-DD). Free with check_findings_free.
 */
void	check_scorecard(const struct scorecard *sc,
	    const struct scorecard *prev, const char *today,
	    struct check_findings *out);
void	check_findings_free(struct check_findings *);

/*
 * The scores a rationale names as "給予 N 分" (ASCII or full-width
 * digits, spaces allowed around N), up to max of them into scores;
 * returns how many it found.
 */
size_t	check_rationale_scores(const char *rationale, long *scores,
	    size_t max);

/* Today in local time as YYYY-MM-DD ($KAOHE_TODAY overrides it for tests). */
void	check_today(char buf[11]);

struct store;
/*
 * check_scorecard with what the store knows: the previous final card of
 * sc's agency on sc's rubric id (store_previous_final), and today.
 */
int	check_with_store(struct store *, const struct scorecard *sc,
	    struct check_findings *out, char **cause);

#endif
