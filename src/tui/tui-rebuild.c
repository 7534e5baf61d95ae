/*
 * A stale team card: one of its members' cards changed after it was
 * built (reopened, corrected, finalized again). The walk says so, and B
 * makes it again from the members' cards as they are now, after asking:
 * the store's path that `kaohe team --rebuild` takes
 * (store_team_prepare_rebuild, then store_team_rebuild).
 */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "store-team.h"
#include "team.h"
#include "tui/tui-int.h"
#include "xalloc.h"

char *
tui_rebuild_stale_names(struct tui *tui, const struct scorecard *sc)
{
	bool *stale;
	char *cause = NULL, *names = NULL, *name, *s;
	size_t m;

	if (sc->team == NULL)
		return NULL;
	stale = xcalloc(sc->team->nmembers + 1, sizeof *stale);
	if (store_team_stale(tui->st, sc, stale, &cause) != 0) {
		/* Unknown is not stale: the walk works, B still rebuilds. */
		free(cause);
		free(stale);
		return NULL;
	}
	for (m = 0; m < sc->team->nmembers; m++) {
		if (!stale[m])
			continue;
		name = team_member_name(sc->team, m);
		s = names == NULL ? xstrdup(name) :
		    xasprintf(_("%s, %s"), names, name);
		free(names);
		free(name);
		names = s;
	}
	free(stale);
	return names;
}

void
tui_rebuild_say_stale(struct tui *tui, const struct scorecard *sc,
    const char *names)
{
	if (sc->status == SCORECARD_FINAL)
		tui_message(tui, true, _("stale: %s's card changed; kaohe"
		    " reopen %lld --reason TEXT, then B rebuilds"), names,
		    sc->id);
	else
		tui_message(tui, true, _("stale: %s's card changed after the"
		    " team card was built; B rebuilds it"), names);
}

/* Enter on the first choice keeps the card: B Enter alone changes nothing. */
static bool
rebuild_ask(struct tui *tui, const struct scorecard *old,
    const struct scorecard *fresh, size_t kept, const char *names)
{
	char *choices[2], *title;
	int pick;

	title = xasprintf(_("Rebuild team card #%lld from its members' cards"
	    " as they are now?"), old->id);
	choices[0] = xstrdup(_("no, keep the team card as it is"));
	choices[1] = names != NULL ?
	    xasprintf(_("rebuild (%s's changed): keeps %zu settled, %zu"
	    " flagged to settle"), names, kept, team_count_unresolved(fresh)) :
	    xasprintf(_("rebuild (no member's card changed): keeps %zu"
	    " settled, %zu flagged to settle"), kept,
	    team_count_unresolved(fresh));
	pick = tui_menu(tui, title, choices, 2, 0);
	free(choices[0]);
	free(choices[1]);
	free(title);
	return pick == 1;
}

int
tui_rebuild(struct tui *tui, const struct scorecard *sc)
{
	struct scorecard *fresh = NULL;
	char *cause = NULL, *names;
	size_t kept;
	int rc = -1;

	if (store_team_prepare_rebuild(tui->st, sc, NULL, -1, &fresh, &kept,
	    &cause) != 0) {
		tui_message(tui, true, _("not rebuilt: %s"), cause);
		free(cause);
		return -1;
	}
	names = tui_rebuild_stale_names(tui, sc);
	if (!rebuild_ask(tui, sc, fresh, kept, names))
		tui_message(tui, false, _("not rebuilt: the team card is as it"
		    " was"));
	else if (store_team_rebuild(tui->st, fresh, sc, &cause) != 0) {
		tui_message(tui, true, _("not rebuilt: %s"), cause);
		free(cause);
		tui->saved = false;
	} else {
		tui->saved = true;
		tui_message(tui, false, _("rebuilt #%lld from the members'"
		    " cards: kept %zu settled, %zu flagged to settle"),
		    sc->id, kept, team_count_unresolved(fresh));
		rc = 0;
	}
	free(names);
	scorecard_free(fresh);
	return rc;
}
