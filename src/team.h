/*
 * The 考核小組: a team card made from members' cards, and the rules that
 * reconcile them. An item one member scored takes that score; an item
 * several scored takes their mean, rounded half up, unless their spread
 * exceeds the tolerance: then it is flagged and stays unresolved until
 * the lead (召集人) settles it, saying how and why. Pure functions over
 * plain structs: no SQL, no curses, no files.
 */
#ifndef KAOHE_TEAM_H
#define KAOHE_TEAM_H

#include <stdbool.h>
#include <stddef.h>

#include "rubric.h"

struct scorecard;

/* The tolerance when neither --tolerance nor the rubric gives one. */
#define TEAM_DEFAULT_TOLERANCE	20

/* How an item's team score was reached. */
enum team_how {
	TEAM_HOW_NONE = 0,	/* unresolved (flagged), or no member scored it */
	TEAM_HOW_SINGLE,	/* one member scored it: their score */
	TEAM_HOW_MEAN,		/* the mean, rounded half up */
	TEAM_HOW_CONSENSUS,	/* 共識: agreed after discussion */
	TEAM_HOW_MEDIAN,	/* 中位數 */
	TEAM_HOW_RESCORE,	/* 複評: scored again */
};

/* One member's score of one item, as it was when the team card was built. */
struct team_mark {
	bool	 scored;	/* false: out of the member's scope */
	int	 score;
	int	 tier;		/* 0 = none */
	char	*record;	/* never NULL */
	char	*rationale;	/* never NULL */
};

struct team_member {
	char		 uuid[37];
	char		**inspectors;
	size_t		 ninspectors;
	/* team_fingerprint of the member card the marks were taken from. */
	char		 fingerprint[65];
	struct team_mark *marks;	/* rubric->nitems long */
};

struct team_item {
	bool		 flagged;	/* the spread exceeded the tolerance */
	enum team_how	 how;
	char		*reason;	/* the lead's; "" when automatic */
};

struct team {
	char			*lead;		/* 召集人; "" when not named */
	int			 tolerance;	/* percent of an item's range */
	struct team_member	*members;
	size_t			 nmembers;
	struct team_item	*items;		/* rubric->nitems long */
};

/* Parallel figures of one item across the members who scored it. */
struct team_figures {
	size_t	 n;		/* members who scored it */
	int	 low, high;
	int	 spread;	/* high - low; 0 when n < 2 */
	int	 mean;		/* rounded half up */
	int	 median;	/* the middle one; of two, their mean half up */
};

/* "consensus" → TEAM_HOW_CONSENSUS ...; -1 when unknown. */
int	team_how_parse(const char *name);
/* "single", "mean", "consensus", "median", "rescore"; NULL for NONE. */
const char *team_how_name(enum team_how);
/* 一人評分, 平均, 共識, 中位數, 複評; "" for NONE. */
const char *team_how_label(enum team_how);

/* The mean of n integers, rounded half up (n > 0). */
int	team_mean(const int *scores, size_t n);
/* The median; of an even count, the two middle ones' mean half up. */
int	team_median(const int *scores, size_t n);

/*
 * The tolerance in percent that applies to item: the nearest one the
 * rubric sets on the item or a section above it, else card_pct (the team's: --tolerance, else the rubric's,
 * else TEAM_DEFAULT_TOLERANCE).
 */
int	team_item_tolerance(const struct rubric_node *item, int card_pct);
/* The card-level percent: given (>= 0), else the rubric's, else 20. */
int	team_card_tolerance(const struct rubric *, int given);
/* The range's size, both ends counted: 1~30 is 30. */
int	team_range_size(const struct rubric_node *item);
/* Does spread exceed pct percent of the item's range size? */
bool	team_exceeds(const struct rubric_node *item, int spread, int pct);

struct team_figures team_figures(const struct team *, size_t item);

/*
 * Build a team card (a draft, id 0, a fresh uuid left to the store) from
 * member cards: all final, none a team card, none twice, one agency,
 * date and rubric snapshot. tolerance is --tolerance's percent or -1.
 * On refusal *cause names the card and the reason; caller frees.
 */
int	team_build(const struct scorecard *const *members, size_t n,
	    const char *lead, int tolerance, struct scorecard **out,
	    char **cause);

/* The team's tier for score: the members' common one, else the one band
 * that holds it, else the first member's that holds it, else the first. */
int	team_pick_tier(const struct team *, const struct rubric_node *item,
	    size_t index, int score);

/*
 * May the lead settle item of a draft team card so? how is consensus,
 * mean, median or rescore, reason is not blank, and a mean or median
 * must be the members' own. *tier_out comes in as the tier asked for (0
 * to pick one) and goes out as the tier to store. Refusals name the item.
 */
int	team_check_settle(const struct scorecard *team, size_t item,
	    int score, enum team_how how, const char *reason, int *tier_out,
	    char **cause);
void	team_apply_settle(struct scorecard *team, size_t item, int score,
	    int tier, enum team_how how, const char *reason);

/*
 * A rebuilt team card keeps the lead's settlements of the items whose
 * members' scores did not change; returns how many it kept.
 */
size_t	team_carry_settlements(struct scorecard *fresh,
	    const struct scorecard *old);
/*
 * It keeps the team card's own record and rationale where they are not
 * what the members' notes made them (the lead wrote them there); the
 * others are the members' notes as they are now. Returns how many.
 */
size_t	team_carry_notes(struct scorecard *fresh, const struct scorecard *old);

/* Is the item flagged and not yet settled? */
bool	team_unresolved(const struct scorecard *, size_t item);
size_t	team_count_unresolved(const struct scorecard *);
/* The first unresolved item at or after from (wrapping), or -1. */
long	team_next_unresolved(const struct scorecard *, size_t from);

/* "flagged, unresolved: members 20~28, a spread of 8 over 20% of 1~30; ..."
 * for check's finding; caller frees. */
char	*team_unresolved_text(const struct scorecard *, size_t item);

/* Refuses while a flagged item is unresolved, listing their keys. */
int	team_check_finalize(const struct scorecard *, char **cause);

/*
 * A digest of what a member card says (uuid, scope, every score, tier,
 * record and rationale): when it changes, a team card built from the
 * card is stale.
 */
void	team_fingerprint(const struct scorecard *, char hex[65]);

/* "王小明、李大華" for member m; caller frees. */
char	*team_member_name(const struct team *, size_t m);

struct team *team_new(size_t nitems);
void	team_free(struct team *, size_t nitems);

#endif
