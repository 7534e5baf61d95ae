/*
 * The scorecard: one inspection's scores and notes over a rubric, and the
 * rules (ranges, tiers, totals, completeness, finalization). Pure functions
 * over plain structs: no SQL, no curses, no files.
 */
#ifndef KAOHE_SCORECARD_H
#define KAOHE_SCORECARD_H

#include <stdbool.h>
#include <stddef.h>

#include "rubric.h"

struct team;
struct evidence_set;

enum scorecard_status {
	SCORECARD_DRAFT = 0,
	SCORECARD_FINAL = 1,
};

enum scorecard_note {
	SCORECARD_RECORD = 0,		/* 紀錄事項: the evidence seen */
	SCORECARD_RATIONALE = 1,	/* 評分說明: why this score */
};

/* One item's entry; parallel to rubric->items[]. */
struct scorecard_entry {
	bool	 scored;
	int	 score;		/* meaningful when scored */
	int	 tier;		/* 0 = none, else 1-based index into tiers */
	char	*record;	/* never NULL; "" when empty */
	char	*rationale;	/* never NULL; "" when empty */
};

struct scorecard {
	long long		 id;
	char			 uuid[37];
	char			*agency;
	char			*date;		/* YYYY-MM-DD */
	char		       **inspectors;
	size_t			 ninspectors;
	enum scorecard_status	 status;
	int			 revision;	/* 1, + 1 at each reopen */
	char			 seal[65];	/* a final revision's seal, else "" */
	char			*created_at;	/* ISO 8601 UTC, "" when unknown */
	char			*updated_at;
	char			*finalized_at;	/* "" while a draft */
	char			*rubric_text;	/* the snapshot it was scored with */
	char			 rubric_sha256[65];
	struct rubric		*rubric;	/* parsed from rubric_text; owned */
	struct scorecard_entry	*entries;	/* rubric->nitems long */
	bool			 borrowed;	/* rubric and text are not owned */
	/*
	 * 分工: a member card covers only the sections or items of its
	 * scope. scope holds the keys as given; in_scope is parallel to
	 * entries. Both NULL (nscope 0) for a card over the whole rubric.
	 */
	char		       **scope;
	size_t			 nscope;
	bool			*in_scope;
	struct team		*team;		/* a team card's; NULL else */
	struct evidence_set	*evidence;	/* its documents; NULL when none */
};

/*
 * A section's (or the whole card's) sum: partial sums stay visible. On a
 * member card only the items in its scope count, toward max as well.
 */
struct scorecard_sum {
	int	 score;		/* sum of scored items below; summed in 64
				 * bits and held at INT_MIN/INT_MAX, so a
				 * total SQL made huge never wraps */
	int	 max;
	size_t	 scored;	/* items scored below */
	size_t	 items;		/* items below */
};

/* A new, empty draft over rubric (ownership of rubric and text passes). */
struct scorecard *scorecard_new(struct rubric *rubric, char *rubric_text);
/*
 * The same over a rubric and text the caller keeps (and frees after the
 * scorecard): import builds 100,000 cards over one parsed snapshot.
 */
struct scorecard *scorecard_new_borrowed(const struct rubric *rubric,
	    const char *rubric_text, const char *sha256);
void	scorecard_free(struct scorecard *);
/* The n cards of an array (NULL ones skipped) and the array. */
void	scorecard_free_array(struct scorecard **, size_t n);

/* Parse "28" strictly: digits only, no sign, no spaces, no overflow. */
int	scorecard_parse_score(const char *text, int *score, char **cause);

/*
 * Check score against item's range and tiers. tier is 0 to pick the one
 * band that holds score (none when the item has no tiers), else 1-based.
 * On success *tier_out is the tier to record. Errors name the item, its
 * range, and for an ambiguous score every band that holds it.
 */
int	scorecard_check(const struct rubric_node *item, int score, int tier,
	    int *tier_out, char **cause);

/*
 * The two questions a screen asks before it offers a choice; the answers
 * are the same rules scorecard_check enforces. Is score inside the item's
 * range (tier 0) or inside tier's band (1-based)?
 */
bool	scorecard_in_range(const struct rubric_node *item, int score,
	    int tier);
/*
 * The tiers (1-based, in order) whose band holds score, in *out (caller
 * frees; NULL when none); returns how many.
 */
size_t	scorecard_tiers_holding(const struct rubric_node *item, int score,
	    int **out);
/* Refuses an item outside a member card's scope, naming the scope. */
int	scorecard_check_scope(const struct scorecard *, size_t item,
	    char **cause);

/* Apply a checked score in memory; refuses a final scorecard. */
int	scorecard_set(struct scorecard *, size_t item, int score, int tier,
	    char **cause);
void	scorecard_clear(struct scorecard *, size_t item);
int	scorecard_set_note(struct scorecard *, size_t item,
	    enum scorecard_note, const char *text, char **cause);

struct scorecard_sum scorecard_sum(const struct scorecard *,
	    const struct rubric_node *);
struct scorecard_sum scorecard_total(const struct scorecard *);
/* The exact sum below node, in 64 bits (36 items of INT_MAX fit). */
long long scorecard_sum64(const struct scorecard *, const struct rubric_node *);
bool	scorecard_complete(const struct scorecard *);
/* The same inspectors, in the same order. */
bool	scorecard_same_inspectors(const struct scorecard *,
	    const struct scorecard *);

/* First unscored item at or after from (wrapping), or -1 when none. */
long	scorecard_next_unscored(const struct scorecard *, size_t from);

/*
 * May this draft be finalized? On refusal returns -1, *cause lists the
 * unscored items' keys, and *unscored (caller frees) holds their indexes.
 */
int	scorecard_check_finalize(const struct scorecard *, size_t **unscored,
	    size_t *nunscored, char **cause);

/*
 * Limit the card to keys (sections or items; a section covers its items).
 * Refuses an unknown key, a repeated or nested one, and a card with
 * scores outside the new scope. n == 0 restores the whole rubric.
 */
int	scorecard_set_scope(struct scorecard *, char *const *keys, size_t n,
	    char **cause);
/* Mark in covered[] (nitems, zeroed) the items that keys cover. */
int	scorecard_scope_mask(const struct rubric *, char *const *keys,
	    size_t n, bool *covered, char **cause);
/* Is item in the card's scope? Always true without a scope. */
bool	scorecard_in_scope(const struct scorecard *, size_t item);
/* Does the scope cover any item below node? */
bool	scorecard_node_in_scope(const struct scorecard *,
	    const struct rubric_node *);
/* "1.1, 2.3": the scope as given; caller frees. "" without a scope. */
char	*scorecard_scope_text(const struct scorecard *, const char *sep);

/*
 * Every rule again, over the card as it is (finalize and import read it
 * from a file SQL may have changed): each score in its item's range and
 * in its recorded tier (or the one band that holds it), and the total,
 * summed in 64 bits, within the rubric's maximum.
 */
int	scorecard_check_rules(const struct scorecard *, char **cause);

/* The ROC (民國) calendar's offset: ROC year 110 is 2021. */
#define SCORECARD_ROC_OFFSET	1911
/* The most a note (record or rationale) holds. */
#define SCORECARD_NOTE_MAX	(1024 * 1024)

/*
 * A year as people type it to filter by: below the ROC calendar's start
 * it is a ROC year (110 is 2021), else a Western one.
 */
int	scorecard_filter_year(int year);
/* The year of the date, 0 if malformed. A "110" ROC year is date's own. */
int	scorecard_year(const struct scorecard *);
/* Validate YYYY-MM-DD (a real calendar date). */
bool	scorecard_date_valid(const char *date);
/*
 * Read a date as an inspector types it: YYYY-MM-DD, or the ROC form the
 * export prints, 115-11-20, 115/11/20 or 115年11月20日 (year + 1911).
 * On success out holds YYYY-MM-DD; else -1 and *cause (caller frees).
 */
int	scorecard_parse_date(const char *text, char out[11], char **cause);

#endif
