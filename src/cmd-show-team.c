/*
 * What `kaohe show` adds for a team card: the lead, the tolerance, the
 * members and whether their cards changed since (stale), and the
 * flagged items with every member's score and how each was settled.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli-show.h"
#include "i18n.h"
#include "store-team.h"
#include "team.h"
#include "width.h"
#include "xalloc.h"

static void
show_stale(FILE *f, struct store *st, const struct scorecard *sc)
{
	bool *stale = xcalloc(sc->team->nmembers + 1, sizeof *stale);
	char *cause = NULL, *name;
	size_t m;

	if (store_team_stale(st, sc, stale, &cause) != 0) {
		fprintf(f, _("stale:      cannot tell: %s\n"), cause);
		free(cause);
	}
	for (m = 0; m < sc->team->nmembers; m++) {
		if (!stale[m])
			continue;
		name = width_sanitize(sc->team->members[m].inspectors[0]);
		fprintf(f, _("STALE:      %s's card (%s) changed after this team"
		    " card was built; rebuild it: kaohe team --rebuild %lld\n"),
		    name, sc->team->members[m].uuid, sc->id);
		free(name);
	}
	free(stale);
}

void
cli_warn_stale(struct store *st, const struct scorecard *sc)
{
	bool *stale;
	char *cause = NULL, *name;
	size_t m;

	if (sc->team == NULL)
		return;
	stale = xcalloc(sc->team->nmembers + 1, sizeof *stale);
	if (store_team_stale(st, sc, stale, &cause) != 0)
		free(cause);
	for (m = 0; m < sc->team->nmembers; m++) {
		if (!stale[m])
			continue;
		name = width_sanitize(sc->team->members[m].inspectors[0]);
		fprintf(stderr, _("kaohe: warning: team card %lld is stale: %s's"
		    " card changed after it was built; kaohe team --rebuild"
		    " %lld\n"), sc->id, name, sc->id);
		free(name);
	}
	free(stale);
}

void
cli_show_team(FILE *f, struct store *st, const struct scorecard *sc)
{
	const struct team *t = sc->team;
	char *s;
	size_t m;

	s = width_sanitize(*t->lead != '\0' ? t->lead : _("(not named)"));
	fprintf(f, _("team:       lead %s, tolerance %d%% of an item's"
	    " range\n"), s, t->tolerance);
	free(s);
	for (m = 0; m < t->nmembers; m++) {
		char *name = team_member_name(t, m);

		s = width_sanitize(name);
		fprintf(f, "%s%zu  %s  %s\n", m == 0 ? _("members:    ") :
		    "            ", m + 1, t->members[m].uuid, s);
		free(s);
		free(name);
	}
	show_stale(f, st, sc);
	fputc('\n', f);
}

/* "28 / 20 / -": each member's score in member order. */
static char *
member_scores(const struct team *t, size_t i)
{
	char *s = xstrdup(""), *next;
	size_t m;

	for (m = 0; m < t->nmembers; m++) {
		const struct team_mark *k = &t->members[m].marks[i];

		if (k->scored)
			next = xasprintf("%s%s%d", s, m > 0 ? " / " : "",
			    k->score);
		else
			next = xasprintf("%s%s-", s, m > 0 ? " / " : "");
		free(s);
		s = next;
	}
	return s;
}

static void
show_flagged_item(FILE *f, const struct scorecard *sc, size_t i)
{
	const struct rubric_node *item = sc->rubric->items[i];
	const struct team_item *it = &sc->team->items[i];
	struct team_figures fig = team_figures(sc->team, i);
	int pct = team_item_tolerance(item, sc->team->tolerance);
	char *title = width_sanitize(item->title), *scores, *reason;

	scores = member_scores(sc->team, i);
	fprintf(f, "  %-10s %s (%d~%d)\n", item->key, title, item->min,
	    item->max);
	fprintf(f, _("             members %s, spread %d > %g\n"), scores,
	    fig.spread, pct * team_range_size(item) / 100.0);
	if (it->how == TEAM_HOW_NONE)
		fputs(_("             unresolved\n"), f);
	else {
		reason = width_sanitize(it->reason);
		fprintf(f, _("             settled: %d by %s (%s): %s\n"),
		    sc->entries[i].score, team_how_name(it->how),
		    team_how_label(it->how), reason);
		free(reason);
	}
	free(scores);
	free(title);
}

void
cli_show_flagged(FILE *f, const struct scorecard *sc)
{
	size_t i, n = 0;

	for (i = 0; i < sc->rubric->nitems; i++) {
		if (!sc->team->items[i].flagged)
			continue;
		if (n++ == 0)
			fprintf(f, _("flagged:    %zu unresolved\n"),
			    team_count_unresolved(sc));
		show_flagged_item(f, sc, i);
	}
	if (n == 0)
		fputs(_("flagged:    none\n"), f);
}
