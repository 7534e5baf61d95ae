/*
 * Export from the screen: choose a format, confirm or type a path, write
 * it atomically (export_atomic) and show where it went.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "i18n.h"
#include "tui/tui-int.h"
#include "xalloc.h"

static const struct {
	enum export_format	 format;
	const char		*ext;
	const char		*name;
} export_formats[] = {
	{ EXPORT_TEXT, "txt", N_("text, laid out like the paper form") },
	{ EXPORT_MD, "md", N_("Markdown") },
	{ EXPORT_CSV, "csv", N_("CSV (UTF-8 with BOM, for spreadsheets)") },
	{ EXPORT_JSON, "json", N_("JSON") },
};
#define NFORMATS	(sizeof export_formats / sizeof export_formats[0])

struct export_job {
	const struct scorecard	*sc;
	enum export_format	 format;
};

static int
export_writer(FILE *out, void *arg, char **cause)
{
	struct export_job *job = arg;

	/* 80 columns: the width the paper form's text layout is made for. */
	return export_write(out, job->sc, job->format, 80, cause);
}

static char *
export_shown_path(const char *path)
{
	char resolved[PATH_MAX];

	if (realpath(path, resolved) != NULL)
		return xstrdup(resolved);
	return xstrdup(path);
}

void
tui_export(struct tui *tui, const struct scorecard *sc)
{
	char *choices[NFORMATS], *def, *path = NULL, *cause = NULL, *shown;
	struct export_job job = { sc, EXPORT_TEXT };
	size_t i;
	int pick;

	for (i = 0; i < NFORMATS; i++)
		choices[i] = _(export_formats[i].name);
	pick = tui_menu(tui, _("Export as:"), choices, NFORMATS, 0);
	if (pick < 0)
		return;
	job.format = export_formats[pick].format;
	def = xasprintf("kaohe-%lld.%s", sc->id, export_formats[pick].ext);
	if (tui_prompt(tui, _("Write to:"), def, &path) != 0 || *path == '\0') {
		tui_message(tui, false, _("not exported"));
		free(def);
		free(path);
		return;
	}
	if (export_atomic(path, export_writer, &job, &cause) != 0) {
		tui_message(tui, true, _("not exported: %s"), cause);
		free(cause);
	} else {
		shown = export_shown_path(path);
		tui_message(tui, false, _("exported to %s"), shown);
		free(shown);
	}
	free(def);
	free(path);
}
