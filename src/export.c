/*
 * The table of export formats, and the one dispatch through it. The
 * writers live in src/export-<format>.c, what they share in
 * export-util.c, and atomic files in export-atomic.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export-formats.h"
#include "export.h"
#include "i18n.h"
#include "xalloc.h"

static const struct export_format_def export_formats[] = {
	[EXPORT_TEXT] = { "text", "txt",
	    N_("text, laid out like the paper form"), export_text, false },
	[EXPORT_MD] = { "md", "md", N_("Markdown"), export_md, false },
	[EXPORT_CSV] = { "csv", "csv",
	    N_("CSV (UTF-8 with BOM, for spreadsheets)"), export_csv, false },
	[EXPORT_JSON] = { "json", "json", N_("JSON"), export_json, false },
	[EXPORT_HTML] = { "html", "html",
	    N_("HTML, the form to print (A4 landscape)"), export_html,
	    false },
	[EXPORT_PDF] = { "pdf", "pdf",
	    N_("PDF, the form to hand in (A4 landscape)"), export_pdf, true },
};
#define EXPORT_NFORMATS	(sizeof export_formats / sizeof export_formats[0])

size_t
export_format_count(void)
{
	return EXPORT_NFORMATS;
}

const struct export_format_def *
export_format_get(enum export_format f)
{
	if ((size_t)f >= EXPORT_NFORMATS)
		return NULL;
	return &export_formats[f];
}

int
export_format_parse(const char *name)
{
	size_t i;

	for (i = 0; i < EXPORT_NFORMATS; i++) {
		if (strcmp(name, export_formats[i].name) == 0)
			return (int)i;
	}
	return -1;
}

char *
export_format_names(void)
{
	char *all = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < EXPORT_NFORMATS; i++) {
		next = xasprintf("%s%s%s", all, i == 0 ? "" :
		    i + 1 == EXPORT_NFORMATS ? _(" or ") : _(", "),
		    export_formats[i].name);
		free(all);
		all = next;
	}
	return all;
}

int
export_write_opts(FILE *out, const struct scorecard *sc,
    enum export_format f, const struct export_options *o, char **cause)
{
	const struct export_format_def *def = export_format_get(f);

	if (def == NULL) {
		*cause = xasprintf(_("unknown export format %d"), (int)f);
		return -1;
	}
	if (def->write(out, sc, o, cause) != 0)
		return -1;
	if (ferror(out)) {
		*cause = xasprintf(_("cannot write the export: %s"),
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
export_write(FILE *out, const struct scorecard *sc, enum export_format f,
    int width, char **cause)
{
	struct export_options o = { .width = width };

	return export_write_opts(out, sc, f, &o, cause);
}
