/*
 * The reconcile screen: a team card's walk. For the item on screen, every
 * member's score, tier, record and rationale side by side, the spread and
 * whether it is flagged; the lead types the team's score, picks how it
 * was settled (共識, 平均, 中位數, 複評) and writes why. The rules are
 * team.c's and the store's; this file only draws and asks.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store-team.h"
#include "team.h"
#include "tui/tui-int.h"
#include "width.h"
#include "xalloc.h"

/* "spread 8 > 6 · flagged, unresolved" for the panel's first line. */
static char *
panel_summary(const struct scorecard *sc, size_t i)
{
	const struct rubric_node *item = sc->rubric->items[i];
	const struct team_item *it = &sc->team->items[i];
	struct team_figures f = team_figures(sc->team, i);
	int pct = team_item_tolerance(item, sc->team->tolerance);
	double tol = pct * team_range_size(item) / 100.0;
	char *state, *s;

	if (f.n == 0)
		return xstrdup(_("no member scored it"));
	if (f.n == 1)
		return xstrdup(_("one member scored it: the team takes that"
		    " score"));
	if (it->flagged && it->how == TEAM_HOW_NONE)
		state = xstrdup(_("flagged, unresolved"));
	else if (it->flagged)
		state = xasprintf(_("flagged, settled by %s"),
		    team_how_label(it->how));
	else
		state = xasprintf(_("within tolerance: %s"),
		    team_how_label(it->how));
	/* %g: a tolerance of 6 or 5.8, as show prints it. */
	s = xasprintf(_("spread %d %s %g · mean %d · median %d · %s"),
	    f.spread, it->flagged ? ">" : "≤", tol, f.mean, f.median, state);
	free(state);
	return s;
}

/* One member's note on one line, cut, "(empty)" when there is none. */
static void
panel_note(struct tui *tui, int y, int cols, const char *label,
    const char *text)
{
	char *clean, *flat, *p;
	int x = 6;

	x += tui_put(y, x, 12, label, tui_attr(tui, TUI_ROLE_DIM)) + 1;
	if (*text == '\0') {
		tui_put(y, x, cols - x - 1, _("(empty)"), tui_attr(tui,
		    TUI_ROLE_DIM));
		return;
	}
	clean = width_sanitize(text);
	flat = xstrdup(clean);
	for (p = flat; *p != '\0'; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	tui_put_cut(y, x, cols - x - 1, flat, A_NORMAL);
	free(flat);
	free(clean);
}

static void
panel_member(struct tui *tui, const struct scorecard *sc, size_t i,
    size_t m, int y, int lines, int cols)
{
	const struct team_mark *k = &sc->team->members[m].marks[i];
	char *name = team_member_name(sc->team, m), *cut, *s;
	attr_t a = k->scored ? A_BOLD : tui_attr(tui, TUI_ROLE_DIM);

	cut = tui_cut(name, 18);
	tui_put(y, 2, 18, cut, a);
	if (!k->scored)
		s = xstrdup(_("out of this member's scope"));
	else if (k->tier > 0)
		s = xasprintf(_("%d  tier %d"), k->score, k->tier);
	else
		s = xasprintf("%d", k->score);
	tui_put(y, 22, cols - 23, s, k->scored ? tui_attr(tui,
	    TUI_ROLE_CHOSEN) : a);
	free(s);
	free(cut);
	free(name);
	if (!k->scored)
		return;
	if (lines > 1)
		panel_note(tui, y + 1, cols, _("Record"), k->record);
	if (lines > 2)
		panel_note(tui, y + 2, cols, _("Rationale"),
		    k->rationale);
}

void
tui_reconcile_draw(struct tui *tui, const struct scorecard *sc, size_t i,
    int top, int rows, int cols)
{
	const struct team *t = sc->team;
	size_t m, per, fit;
	char *s;

	if (rows < 2 || t->nmembers == 0)
		return;
	s = panel_summary(sc, i);
	tui_put_cut(top, 2, cols - 3, s, team_unresolved(sc, i) ?
	    tui_attr(tui, TUI_ROLE_ERROR) : tui_attr(tui, TUI_ROLE_DIM));
	free(s);
	/* Three lines a member when they fit (score, record, rationale),
	 * else fewer; members that do not fit at all are counted. */
	per = (size_t)(rows - 1) / t->nmembers;
	per = per > 3 ? 3 : per == 0 ? 1 : per;
	fit = (size_t)(rows - 1) / per;
	for (m = 0; m < t->nmembers; m++) {
		if (m + 1 == fit && fit < t->nmembers) {
			s = xasprintf(_("… %zu more members: kaohe show %lld"),
			    t->nmembers - m, sc->id);
			tui_put(top + 1 + (int)(m * per), 2, cols - 3, s,
			    tui_attr(tui, TUI_ROLE_DIM));
			free(s);
			break;
		}
		panel_member(tui, sc, i, m, top + 1 + (int)(m * per),
		    (int)per, cols);
	}
}

/* After the team's score on its line: how it was reached, and why. */
char *
tui_reconcile_how(const struct scorecard *sc, size_t i)
{
	const struct team_item *it = &sc->team->items[i];

	if (it->how == TEAM_HOW_NONE)
		return xstrdup("");
	if (*it->reason == '\0')
		return xstrdup(team_how_label(it->how));
	return xasprintf("%s: %s", team_how_label(it->how), it->reason);
}

long
tui_reconcile_next(const struct scorecard *sc, size_t from)
{
	long next = team_next_unresolved(sc, from);

	return next >= 0 ? next : scorecard_next_unscored(sc, from);
}

/* How was it settled? The mean and the median say what they come to. */
static int
ask_how(struct tui *tui, const struct scorecard *sc, size_t i, int score)
{
	static const enum team_how order[] = { TEAM_HOW_CONSENSUS,
	    TEAM_HOW_MEAN, TEAM_HOW_MEDIAN, TEAM_HOW_RESCORE };
	struct team_figures f = team_figures(sc->team, i);
	char *choices[4], *title;
	size_t k, initial = 0;
	int pick;

	for (k = 0; k < 4; k++) {
		if (order[k] == TEAM_HOW_MEAN || order[k] == TEAM_HOW_MEDIAN)
			choices[k] = xasprintf(_("%s (%s): the members' come to"
			    " %d"), team_how_label(order[k]),
			    team_how_name(order[k]), order[k] == TEAM_HOW_MEAN ?
			    f.mean : f.median);
		else
			choices[k] = xasprintf("%s (%s)",
			    team_how_label(order[k]), team_how_name(order[k]));
		if (order[k] == sc->team->items[i].how)
			initial = k;
	}
	title = xasprintf(_("%d for the team: how was it settled?"), score);
	pick = tui_menu(tui, title, choices, 4, initial);
	for (k = 0; k < 4; k++)
		free(choices[k]);
	free(title);
	return pick < 0 ? -1 : (int)order[pick];
}

int
tui_reconcile_settle(struct tui *tui, struct scorecard *sc, size_t i,
    int score, int tier)
{
	const struct rubric_node *item = sc->rubric->items[i];
	char *reason = NULL, *cause = NULL, *q;
	int how;

	if ((how = ask_how(tui, sc, i, score)) < 0) {
		tui_message(tui, false, _("not saved: choose how it was"
		    " settled"));
		return -1;
	}
	q = xasprintf(_("Why (%s %s)?"), item->key, team_how_label(
	    (enum team_how)how));
	if (tui_prompt(tui, q, sc->team->items[i].reason, &reason) != 0) {
		free(q);
		tui_message(tui, false, _("not saved: the reason is needed"));
		return -1;
	}
	free(q);
	if (store_team_settle(tui->st, sc, i, score, tier, (enum team_how)how,
	    reason, &cause) != 0) {
		tui_message(tui, true, _("not saved: %s"), cause);
		free(cause);
		free(reason);
		tui->saved = false;
		return -1;
	}
	free(reason);
	tui->saved = true;
	return 0;
}
