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
	size_t i, n = export_format_count();
	char **choices, *def, *path = NULL, *cause = NULL, *shown;
	struct export_job job = { sc, EXPORT_TEXT };
	int pick;

	choices = xreallocarray(NULL, n, sizeof *choices);
	for (i = 0; i < n; i++)
		choices[i] = _(export_format_get((enum export_format)i)->summary);
	pick = tui_menu(tui, _("Export as:"), choices, n, 0);
	free(choices);
	if (pick < 0)
		return;
	job.format = (enum export_format)pick;
	def = xasprintf("kaohe-%lld.%s", sc->id,
	    export_format_get(job.format)->ext);
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
