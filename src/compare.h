/*
 * Two scorecards side by side: their nodes matched by key, so that one
 * agency year over year and two agencies in one year compare alike, and
 * so do two rubrics that differ. Pure: no SQL, no curses, no files.
 */
#ifndef KAOHE_COMPARE_H
#define KAOHE_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "scorecard.h"

/* One side of a row: what that scorecard has under this key. */
struct compare_side {
	bool	 present;	/* the key is in this scorecard's rubric */
	bool	 scored;	/* an item scored, or a section with a scored item */
	bool	 complete;	/* every item below is scored */
	int	 score;		/* a section's partial sum */
	int	 max;
};

/*
 * A row is a section or an item, in document order: a's tree, with the
 * nodes only b has placed at the end of the section b holds them in.
 */
struct compare_row {
	const char		*key;		/* borrowed from a rubric */
	const char		*number;	/* the printed ordinal */
	const char		*title;
	int			 depth;		/* 1 for a dimension */
	bool			 section;
	struct compare_side	 a;
	struct compare_side	 b;
};

struct compare {
	const struct scorecard	*a;
	const struct scorecard	*b;
	struct compare_row	*rows;
	size_t			 nrows;
	struct compare_side	 total_a;
	struct compare_side	 total_b;
	/* Item keys (leaves) the other scorecard's rubric does not have. */
	const char		**only_a;
	size_t			 nonly_a;
	const char		**only_b;
	size_t			 nonly_b;
};

/* Match a and b; both must outlive the result. Never fails. */
struct compare *compare_new(const struct scorecard *a,
	    const struct scorecard *b);
void	compare_free(struct compare *);

/*
 * One side as a cell: "n/a" when the key is not in its rubric, "-/30"
 * unscored, "28/30", and "28/30*" for a partial section sum.
 */
void	compare_side_text(const struct compare_side *, char *buf,
	    size_t size);

/* Both sides have a value, so b - a means something. */
bool	compare_has_diff(const struct compare_row *);
int	compare_diff(const struct compare_row *);

#endif
