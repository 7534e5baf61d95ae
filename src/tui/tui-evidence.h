/*
 * The walk's evidence pane (tui-evidence.c) and last year's card for the
 * item (tui-lastyear.c). Only the walk uses them.
 */
#ifndef KAOHE_TUI_EVIDENCE_H
#define KAOHE_TUI_EVIDENCE_H

#include "tui/tui-int.h"

struct tui_evpane;

struct tui_evpane *tui_evpane_new(void);
void	tui_evpane_free(struct tui_evpane *);
/* Show item of sc (borrowed: the walk's) wrapped to cols. */
void	tui_evpane_set(struct tui_evpane *, struct scorecard *sc, size_t item,
	    int cols);
/* The walk is at item: another item's passage starts at its top. */
void	tui_evpane_follow(struct tui_evpane *, size_t item);
/* sc was replaced (reloaded): build again before the next draw. */
void	tui_evpane_forget(struct tui_evpane *);
/* The pane's width beside the item on a screen cols wide; 0: none. */
int	tui_evpane_beside(int cols);
void	tui_evpane_draw(struct tui *, struct tui_evpane *, int y, int x,
	    int lines, int cols);
/* Push the full-screen pane (v): scroll, / n N, y quotes, v or q back. */
void	tui_evpane_open(struct tui *, struct tui_evpane *, struct scorecard *sc,
	    size_t item);

/*
 * Last year's card (L): the same agency's previous final card on the same
 * rubric id, its score, tier and notes for the item. C copies its record
 * into sc's, c opens the compare screen. Says so when there is none.
 */
void	tui_lastyear_open(struct tui *, struct scorecard *sc, size_t item);

#endif
