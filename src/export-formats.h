/*
 * The writers behind export.c's table, one per src/export-<format>.c.
 * Each returns 0, or -1 with *cause set (caller frees). Internal to the
 * exports: everything else goes through export.h.
 */
#ifndef KAOHE_EXPORT_FORMATS_H
#define KAOHE_EXPORT_FORMATS_H

#include <stdio.h>

#include "export.h"
#include "scorecard.h"

int	export_text(FILE *, const struct scorecard *,
	    const struct export_options *, char **cause);
int	export_md(FILE *, const struct scorecard *,
	    const struct export_options *, char **cause);
int	export_csv(FILE *, const struct scorecard *,
	    const struct export_options *, char **cause);
int	export_json(FILE *, const struct scorecard *,
	    const struct export_options *, char **cause);
int	export_html(FILE *, const struct scorecard *,
	    const struct export_options *, char **cause);
/* Without pangocairo (export-pdf-none.c) it fails, saying what to install. */
int	export_pdf(FILE *, const struct scorecard *,
	    const struct export_options *, char **cause);

#endif
