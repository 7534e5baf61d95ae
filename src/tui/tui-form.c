/*
 * The new-scorecard form: rubric, agency, date (today by default) and
 * inspectors. Enter on the last field creates the draft (store_create)
 * and opens the walk at its first item.
 *
 * The same form corrects a draft's header (H in the walk and at home):
 * the fields filled in, the rubric shown but fixed, and Enter on the last
 * field writes the fields that changed (store_edit_header), each a line of
 * the history that undo can take back.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "paths.h"
#include "rubric.h"
#include "text.h"
#include "tui/tui-int.h"
#include "xalloc.h"

enum {
	FIELD_RUBRIC,
	FIELD_AGENCY,
	FIELD_DATE,
	FIELD_INSPECTORS,
	NFIELDS,
};

struct form {
	struct tui_text	 field[NFIELDS];
	int		 focus;
	struct scorecard *edit;		/* the card whose header is edited */
	bool		 owned;		/* edit is ours to free */
};

static const char *
form_label(int f)
{
	static const char *labels[NFIELDS] = {
		N_("Rubric"), N_("Agency"), N_("Date"), N_("Inspectors"),
	};

	return _(labels[f]);
}

static const char *
form_hint(int f)
{
	static const char *hints[NFIELDS] = {
		N_("a bundled rubric's name or a .yaml file; F2 lists them"),
		N_("受考核機關, e.g. 臺南分署"),
		N_("考核日期, YYYY-MM-DD or ROC 110-08-06"),
		N_("考核人員: separate names with a comma or 、"),
	};

	return _(hints[f]);
}

static void
form_draw(struct tui *tui, struct tui_view *v)
{
	struct form *fm = v->data;
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR), field;
	int f, y, x = 18;

	char *title;

	tui_fill(0, 0, COLS, bar);
	if (fm->edit != NULL) {
		title = xasprintf(_("kaohe · header of scorecard #%lld"),
		    fm->edit->id);
		tui_put(0, 1, COLS - 2, title, bar);
		free(title);
		/* A team card's walk has no U: its changes are settled. */
		tui_put(2, 2, COLS - 4, fm->edit->team != NULL ?
		    _("Correct the header, then Enter on the last field.") :
		    _("Correct the header, then Enter on the last field; U in"
		    " the walk undoes it."), A_NORMAL);
	} else {
		tui_put(0, 1, COLS - 2, _("kaohe · new scorecard"), bar);
		tui_put(2, 2, COLS - 4, _("Fill in the scorecard's header, then"
		    " press Enter on the last field."), A_NORMAL);
	}
	for (f = 0; f < NFIELDS; f++) {
		y = 4 + 3 * f;
		field = tui_attr(tui, TUI_ROLE_FIELD);
		if (f == fm->focus)
			field |= A_BOLD;
		tui_put(y, 2, x - 3, form_label(f), f == fm->focus ?
		    tui_attr(tui, TUI_ROLE_TITLE) : A_BOLD);
		if (f == fm->focus)
			tui_text_draw_line(tui, &fm->field[f], y, x,
			    COLS - x - 2, field);
		else {
			tui_fill(y, x, COLS - x - 2, field);
			tui_putw(y, x, COLS - x - 2, fm->field[f].buf,
			    fm->field[f].len, field);
		}
		tui_put(y + 1, x, COLS - x - 2, fm->edit != NULL &&
		    f == FIELD_RUBRIC ? _("the rubric of a scorecard never"
		    " changes") : form_hint(f), tui_attr(tui, TUI_ROLE_DIM));
	}
	/* The header form's scope has its own keys: no F2, Enter saves. */
	tui_draw_hints(tui, v->ops->scope, NULL);
	if (tui->overlay != NULL)
		tui->cursor_y = -1;
}

static int
form_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Bundled rubrics: NAME.yaml in the rubric directories, first one wins;
 * sorted by name, as `kaohe rubric list` shows them, not in the order
 * the directories happen to hold them.
 */
static size_t
form_rubrics(char ***out)
{
	const char *const *dir;
	char **names = NULL, *name, *dot;
	struct dirent *de;
	size_t n = 0, i;
	DIR *d;

	for (dir = paths_rubric_dirs(); dir != NULL && *dir != NULL; dir++) {
		if ((d = opendir(*dir)) == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			dot = strrchr(de->d_name, '.');
			if (dot == NULL || de->d_name[0] == '.' ||
			    (strcmp(dot, ".yaml") != 0 && strcmp(dot, ".yml")
			    != 0))
				continue;
			name = xstrndup(de->d_name, (size_t)(dot - de->d_name));
			for (i = 0; i < n && strcmp(names[i], name) != 0; i++)
				;
			if (i < n) {
				free(name);
				continue;
			}
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = name;
		}
		closedir(d);
	}
	if (n > 1)
		qsort(names, n, sizeof *names, form_name_cmp);
	*out = names;
	return n;
}

static void
form_choose_rubric(struct tui *tui, struct form *fm)
{
	char **names, *cur = tui_text_utf8(&fm->field[FIELD_RUBRIC]);
	size_t n = form_rubrics(&names), i, at = 0;
	int pick;

	if (n == 0) {
		tui_message(tui, true, _("no rubric found in the rubric"
		    " directories; type a file's path"));
		free(cur);
		return;
	}
	for (i = 0; i < n; i++)
		if (strcmp(names[i], cur) == 0)
			at = i;
	pick = tui_menu(tui, _("Rubric:"), names, n, at);
	if (pick >= 0) {
		tui_text_free(&fm->field[FIELD_RUBRIC]);
		tui_text_init(&fm->field[FIELD_RUBRIC], names[pick]);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(cur);
}

static char *
form_trimmed(const struct tui_text *t)
{
	char *s = tui_text_utf8(t), *b = s, *e;

	while (*b == ' ' || *b == '\t')
		b++;
	e = b + strlen(b);
	while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	b = xstrndup(b, (size_t)(e - b));
	free(s);
	return b;
}

/* Split "甲、乙, 丙" into names; returns how many. */
static size_t
form_split_inspectors(const char *s, char ***out)
{
	static const char *const seps[] = { ",", "，", "、", ";", "；" };
	char **names = NULL, *copy = xstrdup(s), *p = copy, *b, *e;
	size_t n = 0, i, k = 0, len;

	for (;;) {
		len = strlen(p);
		for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
			char *hit = strstr(p, seps[i]);

			if (hit != NULL && (size_t)(hit - p) < len) {
				len = (size_t)(hit - p);
				k = i;
			}
		}
		b = p;
		e = p + len;
		while (b < e && *b == ' ')
			b++;
		while (e > b && e[-1] == ' ')
			e--;
		if (e > b) {
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = xstrndup(b, (size_t)(e - b));
		}
		if (p[len] == '\0')
			break;
		p += len + strlen(seps[k]);
	}
	free(copy);
	*out = names;
	return n;
}

/* Check the fields; on a problem, say it and move to the field. */
static bool
form_valid(struct tui *tui, struct form *fm, char **agency, char **date,
    char ***names, size_t *nnames)
{
	char *who, *cause = NULL, day[11];
	size_t i;

	*agency = form_trimmed(&fm->field[FIELD_AGENCY]);
	*date = form_trimmed(&fm->field[FIELD_DATE]);
	who = form_trimmed(&fm->field[FIELD_INSPECTORS]);
	*nnames = form_split_inspectors(who, names);
	free(who);
	/* The same rule as `kaohe new` and `import` (text.c). */
	if (text_check(*agency, TEXT_LINE, _("the agency"), &cause) != 0)
		fm->focus = FIELD_AGENCY;
	else if (scorecard_parse_date(*date, day, &cause) != 0)
		fm->focus = FIELD_DATE;
	else if (*nnames == 0) {
		tui_message(tui, true, _("name at least one inspector"));
		fm->focus = FIELD_INSPECTORS;
		return false;
	}
	for (i = 0; cause == NULL && i < *nnames; i++)
		if (text_check((*names)[i], TEXT_LINE, _("an inspector"),
		    &cause) != 0)
			fm->focus = FIELD_INSPECTORS;
	if (cause != NULL) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		return false;
	}
	free(*date);
	*date = xstrdup(day);	/* a ROC date is stored as YYYY-MM-DD */
	return true;
}

static void
form_create(struct tui *tui, struct form *fm)
{
	char *agency, *date, **names = NULL, *rname, *text = NULL;
	char *cause = NULL;
	struct rubric *rubric = NULL;
	struct scorecard *sc = NULL;
	size_t nnames = 0, i;
	long long id;

	if (!form_valid(tui, fm, &agency, &date, &names, &nnames))
		goto out;
	rname = form_trimmed(&fm->field[FIELD_RUBRIC]);
	if (paths_load_rubric(rname, &text, &rubric, &cause) != 0) {
		fm->focus = FIELD_RUBRIC;
	} else if (store_create(tui->st, text, rubric, agency, date, names,
	    nnames, &id, &cause) == 0 &&
	    store_load(tui->st, id, &sc, &cause) == 0) {
		tui->saved = true;
		tui_message(tui, false, _("created scorecard #%lld"), id);
		tui_walk_open(tui, sc, 0, true);
	}
	if (cause != NULL) {
		tui_message(tui, true, "%s", cause);
		free(cause);
	}
	free(rname);
	free(text);
	if (rubric != NULL)
		rubric_free(rubric);
out:
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	free(agency);
	free(date);
}

/* The changed fields, "agency, date": what the message says was saved. */
static char *
form_changes(const struct scorecard *sc, const char *agency,
    const char *date, char *const *names, size_t n, bool *names_changed)
{
	char *list = xstrdup(""), *next;
	size_t i;

	*names_changed = n != sc->ninspectors;
	for (i = 0; !*names_changed && i < n; i++)
		*names_changed = strcmp(names[i], sc->inspectors[i]) != 0;
	if (strcmp(agency, sc->agency) != 0) {
		next = xasprintf("%s%s", list, _("agency"));
		free(list);
		list = next;
	}
	if (strcmp(date, sc->date) != 0) {
		next = xasprintf("%s%s%s", list, *list ? ", " : "", _("date"));
		free(list);
		list = next;
	}
	if (*names_changed) {
		next = xasprintf("%s%s%s", list, *list ? ", " : "",
		    _("inspectors"));
		free(list);
		list = next;
	}
	return list;
}

static void
form_save_header(struct tui *tui, struct form *fm)
{
	struct scorecard *sc = fm->edit;
	char *agency, *date, **names = NULL, *cause = NULL, *what;
	size_t nnames = 0, i;
	bool names_changed;

	if (!form_valid(tui, fm, &agency, &date, &names, &nnames))
		goto out;
	what = form_changes(sc, agency, date, names, nnames, &names_changed);
	if (*what == '\0') {
		tui_message(tui, false, _("the header is unchanged"));
		tui_pop(tui);
	} else if (store_edit_header(tui->st, sc, strcmp(agency, sc->agency)
	    != 0 ? agency : NULL, strcmp(date, sc->date) != 0 ? date : NULL,
	    names_changed ? names : NULL, nnames, &cause) != 0) {
		tui_message(tui, true, _("not saved: %s"), cause);
		free(cause);
	} else {
		tui->saved = true;
		if (sc->team != NULL)
			tui_message(tui, false, _("saved the header's %s"),
			    what);
		else
			tui_message(tui, false, _("saved the header's %s (U"
			    " undoes it in the walk)"), what);
		tui_pop(tui);
	}
	free(what);
out:
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	free(agency);
	free(date);
}

static void
form_key(struct tui *tui, struct tui_view *v, int key, enum tui_req req)
{
	struct form *fm = v->data;

	if (tui->pasting && (key == '\r' || key == '\n' || key == '\t')) {
		tui_text_insert(&fm->field[fm->focus], L' ');
		return;
	}
	switch (req) {
	case REQ_BACK:
		tui_pop(tui);
		return;
	case REQ_CHOOSE:
		if (fm->edit == NULL)
			form_choose_rubric(tui, fm);
		return;
	case REQ_NEXT_FIELD:
		if ((key == '\r' || key == '\n' || key == TUI_FN(KEY_ENTER)) &&
		    fm->focus == NFIELDS - 1) {
			/* Either may free fm with its view: touch it no more. */
			if (fm->edit != NULL)
				form_save_header(tui, fm);	/* may pop */
			else
				form_create(tui, fm);	/* may replace this view */
			return;
		}
		fm->focus = (fm->focus + 1) % NFIELDS;
		if (fm->edit != NULL && fm->focus == FIELD_RUBRIC)
			fm->focus++;
		return;
	case REQ_PREV_FIELD:
		fm->focus = (fm->focus + NFIELDS - 1) % NFIELDS;
		if (fm->edit != NULL && fm->focus == FIELD_RUBRIC)
			fm->focus = NFIELDS - 1;
		return;
	default:
		tui_text_key(&fm->field[fm->focus], key, req);
	}
}

static void
form_close(struct tui *tui, struct tui_view *v)
{
	struct form *fm = v->data;
	int f;

	(void)tui;
	for (f = 0; f < NFIELDS; f++)
		tui_text_free(&fm->field[f]);
	if (fm->owned)
		scorecard_free(fm->edit);
	free(fm);
}

static const struct tui_view_ops form_ops = {
	"form", TUI_SCOPE_FORM, form_draw, form_key, NULL, NULL, NULL,
	form_close,
};

/* The same form over a draft's header: its keys are the header's. */
static const struct tui_view_ops form_header_ops = {
	"header", TUI_SCOPE_HEADER, form_draw, form_key, NULL, NULL, NULL,
	form_close,
};

void
tui_form_open(struct tui *tui, const char *rubric, bool replace)
{
	struct form *fm = xcalloc(1, sizeof *fm);
	char today[16] = "";
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) != NULL)
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
	tui_text_init(&fm->field[FIELD_RUBRIC], rubric != NULL ? rubric :
	    RUBRIC_DEFAULT);
	tui_text_init(&fm->field[FIELD_AGENCY], "");
	tui_text_init(&fm->field[FIELD_DATE], today);
	tui_text_init(&fm->field[FIELD_INSPECTORS], "");
	fm->focus = FIELD_AGENCY;
	if (replace)
		tui_replace(tui, &form_ops, fm);
	else
		tui_push(tui, &form_ops, fm);
}

void
tui_form_edit(struct tui *tui, struct scorecard *sc, bool owned)
{
	struct form *fm;
	char *names, *cause = NULL;
	size_t i;

	if (sc->status != SCORECARD_DRAFT) {
		tui_message(tui, true, _("finalized: the header cannot be"
		    " changed"));
		if (owned)
			scorecard_free(sc);
		return;
	}
	/* The store's rule; at 80 columns, its answer in a line that fits. */
	if (store_header_editable(sc, &cause) != 0) {
		free(cause);
		tui_message(tui, true, _("a team card's header is its members'"
		    " cards': correct one, then rebuild"));
		if (owned)
			scorecard_free(sc);
		return;
	}
	fm = xcalloc(1, sizeof *fm);
	fm->edit = sc;
	fm->owned = owned;
	names = xstrdup("");
	for (i = 0; i < sc->ninspectors; i++) {
		char *next = xasprintf("%s%s%s", names, i > 0 ? "、" : "",
		    sc->inspectors[i]);

		free(names);
		names = next;
	}
	tui_text_init(&fm->field[FIELD_RUBRIC], sc->rubric->id);
	tui_text_init(&fm->field[FIELD_AGENCY], sc->agency);
	tui_text_init(&fm->field[FIELD_DATE], sc->date);
	tui_text_init(&fm->field[FIELD_INSPECTORS], names);
	free(names);
	fm->focus = FIELD_AGENCY;
	tui_push(tui, &form_header_ops, fm);
}
