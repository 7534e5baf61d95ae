/*
 * The store's part of the 考核小組 (store-team.c): making a team card,
 * settling its flagged items, and telling whether it is stale. Like the
 * rest of the store, each returns 0 or -1 with *cause (caller frees).
 */
#ifndef KAOHE_STORE_TEAM_H
#define KAOHE_STORE_TEAM_H

#include <stdbool.h>

#include "store.h"
#include "team.h"

/* Store a team card from team_build (a new uuid, a draft); sets sc->id. */
int	store_team_create(struct store *, struct scorecard *sc, char **cause);

/*
 * Settle item of team card sc: team_check_settle's rules, then the
 * score and how and reason in one transaction (audited). tier 0 picks.
 */
int	store_team_settle(struct store *, struct scorecard *sc, size_t item,
	    int score, int tier, enum team_how how, const char *reason,
	    char **cause);

/*
 * Replace draft team card old's members, marks, settlements and scores
 * with fresh's (team_build from the members' cards as they are now, with
 * team_carry_settlements), keeping old's ID and UUID.
 */
int	store_team_rebuild(struct store *, struct scorecard *fresh,
	    const struct scorecard *old, char **cause);

/*
 * What store_team_rebuild then writes over team card old: its members'
 * cards, found here by their UUIDs, as they are now, through team_build
 * (lead and tolerance: old's when NULL and -1), team_carry_settlements
 * (*kept: the settlements kept) and team_carry_notes. *fresh: caller
 * frees (store-team-rebuild.c).
 */
int	store_team_prepare_rebuild(struct store *, const struct scorecard *old,
	    const char *lead, int tolerance, struct scorecard **fresh,
	    size_t *kept, char **cause);

/*
 * stale[m] (nmembers long) is true when member m's card is here and no
 * longer what the team card was built from.
 */
int	store_team_stale(struct store *, const struct scorecard *sc,
	    bool *stale, char **cause);

/* One item of one rubric snapshot over the team cards a filter selects. */
struct store_rater_stat {
	const char	*rubric_sha256;
	const char	*key;
	size_t		 position;	/* the item's index in the snapshot */
	size_t		 teams;		/* team cards where two or more scored it */
	double		 mean_spread;	/* highest minus lowest, on average */
	int		 max_spread;
	size_t		 flagged;	/* of those team cards */
};
typedef int (*store_rater_fn)(const struct store_rater_stat *, void *arg);

/* In snapshot, then document order; a callback's non-zero stops it. */
int	store_team_raters(struct store *, const struct store_query *,
	    store_rater_fn, void *arg, char **cause);
/* The YAML of a stored rubric snapshot; caller frees *text. */
int	store_rubric_snapshot(struct store *, const char *sha256, char **text,
	    char **cause);

#endif
