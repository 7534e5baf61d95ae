/* Pieces of `kaohe show` that finalize reuses. */
#ifndef KAOHE_CLI_SHOW_H
#define KAOHE_CLI_SHOW_H

#include <stdio.h>

#include "scorecard.h"

#include "store.h"

/* "unscored:" and one line per unscored item (in scope, not flagged), or "none". */
void	cli_show_unscored(FILE *, const struct scorecard *);

/* cmd-show-team.c: a team card's lead, tolerance and members (and
 * whether any member card changed since), and its flagged items. */
void	cli_show_team(FILE *, struct store *, const struct scorecard *);
void	cli_show_flagged(FILE *, const struct scorecard *);
/* On stderr, one line per member card changed since; nothing else. */
void	cli_warn_stale(struct store *, const struct scorecard *);

#endif
