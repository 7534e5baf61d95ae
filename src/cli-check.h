/* The review's findings as `check` prints them; finalize reuses them. */
#ifndef KAOHE_CLI_CHECK_H
#define KAOHE_CLI_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "check.h"

/* One line per finding: "KEY  KIND  message"; unscored ones skipped if asked. */
void	cli_check_print(FILE *, const struct check_findings *,
	    bool skip_unscored);

#endif
