/*
 * Export from the screen. It asks, in order: the format; for text, the
 * layout (A4 pages, a width, or the list) and how wide the font it will
 * be read in draws ■ □ ①–⑫; then the file, offering a name that says what
 * it is (臺南分署-110-08-06.pdf: the agency and the form's ROC date). A file
 * that exists is replaced only when asked to. The choices are remembered
 * (tui-settings.c) and offered first next time. The file is written
 * atomically (export_atomic), and the message says where it went.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "export.h"
#include "i18n.h"
#include "tui/tui-int.h"
#include "xalloc.h"

struct export_job {
	const struct scorecard	*sc;
	enum export_format	 format;
	struct export_options	 opts;
};

/* The text layouts on offer; width 0 asks for one. */
static const struct {
	const char		*name;		/* as remembered */
	const char		*label;
	int			 width;
	enum export_paper	 paper;
} layouts[] = {
	{ "a4", N_("A4 pages to print: 132 columns, 44 lines a page"), 132,
	    EXPORT_PAPER_A4 },
	{ "120", N_("the form's table, 120 columns, one long page"), 120,
	    EXPORT_PAPER_NONE },
	{ "80", N_("80 columns: the items listed one after another"), 80,
	    EXPORT_PAPER_NONE },
	{ "other", N_("another width..."), 0, EXPORT_PAPER_NONE },
};
#define NLAYOUTS	(sizeof layouts / sizeof layouts[0])

static int
export_writer(FILE *out, void *arg, char **cause)
{
	struct export_job *job = arg;

	return export_write_opts(out, job->sc, job->format, &job->opts,
	    cause);
}

static char *
export_shown_path(const char *path)
{
	char resolved[PATH_MAX];

	if (realpath(path, resolved) != NULL)
		return xstrdup(resolved);
	return xstrdup(path);
}

/* Remember a choice; a file that cannot be written is said, not fatal. */
static void
remember(struct tui *tui, const char *key, const char *value)
{
	char *cause = NULL;

	if (tui_setting_set(key, value, &cause) != 0) {
		tui_message(tui, true, _("cannot remember the choice: %s"),
		    cause);
		free(cause);
	}
}

/* The index of the remembered name in names[], else 0. */
static size_t
remembered(const char *key, const char *const *names, size_t n)
{
	const char *v = tui_setting(key, "");
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(v, names[i]) == 0)
			return i;
	}
	return 0;
}

static int
ask_format(struct tui *tui, enum export_format *f)
{
	size_t i, n = export_format_count(), at;
	const char **names;
	char **choices;
	int pick;

	names = xreallocarray(NULL, n, sizeof *names);
	choices = xreallocarray(NULL, n, sizeof *choices);
	for (i = 0; i < n; i++) {
		names[i] = export_format_get((enum export_format)i)->name;
		choices[i] = _(export_format_get((enum export_format)i)->summary);
	}
	at = remembered("export.format", names, n);
	pick = tui_menu(tui, _("Export as:"), choices, n, at);
	if (pick >= 0) {
		*f = (enum export_format)pick;
		remember(tui, "export.format", names[pick]);
	}
	free(choices);
	free(names);
	return pick < 0 ? -1 : 0;
}

/* "another width...": a number from 40 to 1000. -1 when cancelled, 1
 * when refused (the message says why). */
static int
ask_width(struct tui *tui, int *width)
{
	char *answer = NULL, *end;
	long w;

	if (tui_prompt(tui, _("Width in columns (40-1000):"), "132",
	    &answer) != 0) {
		free(answer);
		return -1;
	}
	w = strtol(answer, &end, 10);
	if (end == answer || *end != '\0' || w < 40 || w > 1000) {
		tui_message(tui, true, _("not exported: '%s' is not a width"
		    " from 40 to 1000"), answer);
		free(answer);
		return 1;
	}
	free(answer);
	*width = (int)w;
	return 0;
}

/* Text only: the layout, and the width of ■ □ in the reader's font.
 * As ask_width returns. */
static int
ask_layout(struct tui *tui, struct export_options *o)
{
	const char *names[NLAYOUTS], *wide[] = { "narrow", "wide" };
	char *choices[NLAYOUTS], *amb[2];
	size_t i;
	int pick, rc;

	for (i = 0; i < NLAYOUTS; i++) {
		names[i] = layouts[i].name;
		choices[i] = _(layouts[i].label);
	}
	pick = tui_menu(tui, _("Lay the text out as:"), choices, NLAYOUTS,
	    remembered("export.layout", names, NLAYOUTS));
	if (pick < 0)
		return -1;
	o->width = layouts[pick].width;
	o->paper = layouts[pick].paper;
	if (o->width == 0 && (rc = ask_width(tui, &o->width)) != 0)
		return rc;
	remember(tui, "export.layout", names[pick]);
	amb[0] = _("one column, as wcwidth counts them (most terminals)");
	amb[1] = _("two columns (細明體, 標楷體, Noto CJK; ambiguous-wide)");
	pick = tui_menu(tui, _("The font it will be read in draws ■ □ ①–⑫:"),
	    amb, 2, remembered("export.ambiguous", wide, 2));
	if (pick < 0)
		return -1;
	o->ambiguous_wide = pick == 1;
	remember(tui, "export.ambiguous", wide[pick]);
	return 0;
}

/*
 * "臺南分署-110-08-06.pdf": the agency, the form's date in the ROC
 * calendar, the format's extension. Characters a file name cannot hold
 * (/ and controls) become '_'; a date the calendar does not fit is used
 * as it is. Caller frees.
 */
static char *
export_name(const struct scorecard *sc, const char *ext)
{
	char *agency = xstrdup(sc->agency), *name, *p;
	int y, m, d;

	for (p = agency; *p != '\0'; p++) {
		if (*p == '/' || (unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '_';
	}
	if (*agency == '.' || *agency == '-')
		*agency = '_';
	if (sscanf(sc->date, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
	    y > SCORECARD_ROC_OFFSET)
		name = xasprintf("%s-%d-%02d-%02d.%s", agency,
		    y - SCORECARD_ROC_OFFSET, m, d, ext);
	else
		name = xasprintf("%s-%s.%s", agency, sc->date, ext);
	free(agency);
	return name;
}

/*
 * The path to write, asked for (*out, caller frees); a file that exists
 * only when its replacement is confirmed. -1 when not to write, and the
 * message says why.
 */
static int
ask_path(struct tui *tui, const struct scorecard *sc, const char *ext,
    char **out)
{
	char *def = export_name(sc, ext), *path = NULL, *q;
	struct stat st;
	bool yes;

	if (tui_prompt(tui, _("Write to:"), def, &path) != 0 ||
	    *path == '\0') {
		tui_message(tui, false, _("not exported"));
		free(def);
		free(path);
		return -1;
	}
	free(def);
	if (stat(path, &st) == 0 && !S_ISDIR(st.st_mode)) {
		q = xasprintf(_("%s exists. Replace it? Type yes:"), path);
		yes = tui_confirm_typed(tui, q, NULL);
		free(q);
		if (!yes) {
			tui_message(tui, false, _("not exported: %s is kept"),
			    path);
			free(path);
			return -1;
		}
	}
	*out = path;
	return 0;
}

void
tui_export(struct tui *tui, const struct scorecard *sc)
{
	struct export_job job = { sc, EXPORT_TEXT, { 80, EXPORT_PAPER_NONE,
	    false } };
	char *path = NULL, *cause = NULL, *shown;
	int rc;

	rc = ask_format(tui, &job.format);
	if (rc == 0 && job.format == EXPORT_TEXT)
		rc = ask_layout(tui, &job.opts);
	if (rc != 0) {
		if (rc < 0)
			tui_message(tui, false, _("not exported"));
		return;
	}
	if (ask_path(tui, sc, export_format_get(job.format)->ext, &path) != 0)
		return;
	if (export_atomic(path, export_writer, &job, &cause) != 0) {
		tui_message(tui, true, _("not exported: %s"), cause);
		free(cause);
	} else {
		shown = export_shown_path(path);
		tui_message(tui, false, _("exported to %s"), shown);
		free(shown);
	}
	free(path);
}
