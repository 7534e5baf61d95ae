/*
 * The reviewer's aggregates over the store: per-section mean, min and max,
 * the agencies ranked by mean total, and the mean total per year. Each is
 * one GROUP BY over the denormalized tables (scorecards, section_scores),
 * so that 100,000 scorecards are summed by SQLite, never loaded.
 * The filter is a store_query's agency, year, status and rubric_id.
 */
#ifndef KAOHE_STORE_REVIEW_H
#define KAOHE_STORE_REVIEW_H

#include <stddef.h>

#include "store.h"

/* How many scorecards the filter holds, and how many are drafts. */
struct store_review_count {
	size_t	 cards;
	size_t	 drafts;
	size_t	 rubrics;	/* distinct rubric ids */
};

/* One section of one rubric over the filtered scorecards. */
struct store_section_stat {
	const char	*rubric_id;
	const char	*key;
	const char	*title;
	int		 depth;		/* 1 for a dimension */
	size_t		 cards;
	double		 mean;
	int		 min;
	int		 max;
	int		 section_max;	/* the most the section can score */
};

/* One agency, or one year: the totals of its scorecards. */
struct store_total_stat {
	const char	*agency;	/* NULL in the per-year rows */
	int		 year;		/* 0 in the per-agency rows */
	size_t		 cards;
	double		 mean;
	int		 min;
	int		 max;
	int		 card_max;	/* the largest rubric total among them */
};

/* One rubric snapshot among the filtered scorecards. */
struct store_snapshot_stat {
	const char	*sha256;
	const char	*rubric_id;
	const char	*title;
	int		 max;		/* the rubric's total */
	size_t		 cards;
};

typedef int (*store_snapshot_stat_fn)(const struct store_snapshot_stat *,
	    void *arg);
typedef int (*store_section_stat_fn)(const struct store_section_stat *,
	    void *arg);
typedef int (*store_total_stat_fn)(const struct store_total_stat *,
	    void *arg);

int	store_review_count(struct store *, const struct store_query *,
	    struct store_review_count *, char **cause);
/*
 * The snapshots, by rubric id then first use. Cards of two snapshots are
 * scored against different rubrics (even under one id): stats reports
 * each snapshot apart and never averages across them.
 */
int	store_review_snapshots(struct store *, const struct store_query *,
	    store_snapshot_stat_fn, void *arg, char **cause);
/* Sections by rubric, then in document order. */
int	store_review_sections(struct store *, const struct store_query *,
	    store_section_stat_fn, void *arg, char **cause);
/* Agencies by mean total, highest first (ties by name). */
int	store_review_agencies(struct store *, const struct store_query *,
	    store_total_stat_fn, void *arg, char **cause);
/* Years in order. */
int	store_review_years(struct store *, const struct store_query *,
	    store_total_stat_fn, void *arg, char **cause);

/*
 * Before a bulk import inside store_begin: a page cache large enough that
 * SQLite does not spill half-written pages to the WAL again and again
 * (the default 2 MB makes 100,000 scorecards several times slower).
 */
int	store_review_bulk_cache(struct store *, size_t mebibytes, char **cause);

#endif
