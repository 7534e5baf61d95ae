/* The curses UI's entry points: the only header the CLI needs from tui/. */
#ifndef KAOHE_TUI_H
#define KAOHE_TUI_H

#include "store.h"

enum tui_start {
	TUI_HOME = 0,		/* `kaohe`: the home screen, recent scorecards */
	TUI_NEW,		/* `kaohe new` without --no-tui: the new-scorecard form */
	TUI_OPEN,		/* `kaohe open ID`: the walk at the first unscored item */
};

/*
 * Run the UI until the user quits. rubric is the --rubric NAME|FILE for
 * TUI_NEW (NULL for the default), id the scorecard for TUI_OPEN. Returns
 * the process exit status; the terminal is restored before it returns.
 */
int	tui_run(struct store *, enum tui_start, long long id, const char *rubric);

#endif
