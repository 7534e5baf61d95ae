/*
 * The PDF export in a build without pangocairo (configure found no
 * libpango1.0-dev/libcairo2-dev, or was given --without-pango): the
 * format is still in the table, so that `--format pdf` says what to
 * install instead of "unknown format".
 */
#include "config.h"

#include <stdio.h>

#include "export-formats.h"
#include "i18n.h"
#include "xalloc.h"

int
export_pdf(FILE *out, const struct scorecard *sc,
    const struct export_options *o, char **cause)
{
	(void)out;
	(void)sc;
	(void)o;
	*cause = xstrdup(_("PDF export is not available in this build: install"
	    " the Debian packages libpango1.0-dev libcairo2-dev (and"
	    " fonts-noto-cjk), then run configure and make again"));
	return -1;
}
