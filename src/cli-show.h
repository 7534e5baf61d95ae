/* Pieces of `kaohe show` that finalize reuses. */
#ifndef KAOHE_CLI_SHOW_H
#define KAOHE_CLI_SHOW_H

#include <stdio.h>

#include "scorecard.h"

/* "unscored:" and one line per unscored item, or "none". */
void	cli_show_unscored(FILE *, const struct scorecard *);

#endif
