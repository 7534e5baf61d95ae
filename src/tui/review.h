/*
 * The reviewer's screens (src/tui/compare.c, src/tui/stats.c). Each opens
 * by pushing itself, like every screen in tui-int.h; both are read-only
 * and use the help screen's keys (scroll, page, q back).
 */
#ifndef KAOHE_TUI_REVIEW_H
#define KAOHE_TUI_REVIEW_H

#include "store.h"
#include "tui/tui-int.h"

/* Scorecards a and b side by side, differences B - A highlighted. Takes both. */
void	tui_compare_open(struct tui *, struct scorecard *a, struct scorecard *b);
/* Load a and b from the store and compare them; a message when one fails. */
void	tui_compare_ids(struct tui *, long long a, long long b);
/* The bar charts of `kaohe stats` over what q selects (copied). */
void	tui_stats_open(struct tui *, const struct store_query *q);

#endif
