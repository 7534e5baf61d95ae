/*
 * The review as the commands and the screens run it: the pure check over
 * the card, the previous final card from the store, and today's date.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "store.h"
#include "xalloc.h"

void
check_today(char buf[11])
{
	const char *fixed = getenv("KAOHE_TODAY");
	time_t now = time(NULL);
	struct tm tm;

	/* Tests pin the day so that future-date has a fixed answer. */
	if (fixed != NULL && scorecard_date_valid(fixed)) {
		memcpy(buf, fixed, 11);
		return;
	}
	if (localtime_r(&now, &tm) == NULL ||
	    strftime(buf, 11, "%Y-%m-%d", &tm) != 10)
		strcpy(buf, "9999-12-31");
}

int
check_with_store(struct store *st, const struct scorecard *sc,
    struct check_findings *out, char **cause)
{
	struct scorecard *prev = NULL;
	long long prev_id;
	char today[11];

	out->v = NULL;
	out->n = 0;
	if (store_previous_final(st, sc, &prev_id, cause) != 0)
		return -1;
	if (prev_id != 0 && store_load(st, prev_id, &prev, cause) != 0)
		return -1;
	/*
	 * Cards of one 考核小組 (the same day, a team or a member card) are
	 * one inspection, not a previous one: comparing would also show a
	 * member another member's scores.
	 */
	if (prev != NULL && strcmp(prev->date, sc->date) == 0 &&
	    (sc->team != NULL || prev->team != NULL || sc->nscope > 0 ||
	    prev->nscope > 0)) {
		scorecard_free(prev);
		prev = NULL;
	}
	check_today(today);
	check_scorecard(sc, prev, today, out);
	scorecard_free(prev);
	return 0;
}
