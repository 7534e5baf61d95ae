/*
 * What the exports share: the header facts as the form prints them and
 * the walk over the rubric tree. Every writer (src/export-*.c) uses these;
 * they use nothing of the writers, so the dependency runs one way:
 * export.c (the table) → export-<format>.c → export-util.c.
 */
#ifndef KAOHE_EXPORT_UTIL_H
#define KAOHE_EXPORT_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "rubric.h"
#include "scorecard.h"

/* Every text field a reader sees, made safe: no controls, no CR, no tabs,
 * no trailing blank lines. Caller frees. */
char	*export_clean(const char *);

/* "110 年 8 月 6 日（2021-08-06）": the form's ROC year, then ISO. */
char	*export_date(const char *iso);
/* "870 / 1000", or "已評 12/36，部分合計 174 / 1000" while incomplete. */
char	*export_total(const struct scorecard *);
/* "為民服務不定期考核小組、王小明" */
char	*export_inspectors(const struct scorecard *, const char *sep);
const char *export_status(const struct scorecard *);
/* "一、基礎服務 (200分) 得分：174", "（已評 2/3）" added while incomplete. */
char	*export_heading(const struct scorecard *, const struct rubric_node *);
/* "1~30分" */
char	*export_range(int min, int max);
/* "■ 26~30分 達90%以上" for the chosen tier, "□ 21~25分" for the others. */
char	*export_tier(const struct rubric_node *item, size_t t, bool chosen);
/* The entry of an item node. */
const struct scorecard_entry *export_entry(const struct scorecard *,
	    const struct rubric_node *item);

/*
 * The node whose items share one merged 評核構面 cell: the top section
 * (depth 2, 一、二、…) above a deeper item, else the item's parent.
 */
const struct rubric_node *export_anchor(const struct rubric_node *item);
/* Ancestors of n, top first, below the root and above stop (NULL: all). */
#define EXPORT_PATH_MAX	(RUBRIC_MAX_DEPTH + 2)
size_t	export_path(const struct rubric_node *n,
	    const struct rubric_node *stop, const struct rubric_node **path,
	    size_t max);

/* export-json-team.c: a member card's scope, a team card's team and, per
 * item (its index), each member's score and how it was settled. */
struct json_writer;
void	export_json_team_card(struct json_writer *, const struct scorecard *);
void	export_json_team_item(struct json_writer *, const struct scorecard *,
	    size_t item);

/* export-json-evidence.c: "evidence", the card's documents (when it has). */
void	export_json_evidence(struct json_writer *, const struct scorecard *);

#endif
