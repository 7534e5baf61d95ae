/*
 * The PDF export in a build without pangocairo (configure found no
 * libpango1.0-dev/libcairo2-dev, or was given --without-pango): the
 * format is still in the table, so that `--format pdf` says what to
 * install instead of "unknown format".
 */
#include "config.h"

#include <stdio.h>

#include "export-formats.h"
#include "export-summary.h"
#include "i18n.h"
#include "xalloc.h"

static int
pdf_unavailable(char **cause)
{
	*cause = xstrdup(_("PDF export is not available in this build: install"
	    " the Debian packages libpango1.0-dev libcairo2-dev (and"
	    " fonts-noto-cjk), then run configure and make again"));
	return -1;
}

int
export_pdf(FILE *out, const struct scorecard *sc,
    const struct export_options *o, char **cause)
{
	(void)out;
	(void)sc;
	(void)o;
	return pdf_unavailable(cause);
}

int
summary_pdf(FILE *out, const struct summary *S, char **cause)
{
	(void)out;
	(void)S;
	return pdf_unavailable(cause);
}
