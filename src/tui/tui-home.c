/*
 * The home screen: scorecards, drafts first. Rows are fetched a window at
 * a time (store_list with limit/offset around the visible rows) and
 * counted with store_count, so it stays quick with 100,000 of them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/review.h"
#include "tui/tui-int.h"
#include "width.h"
#include "xalloc.h"

struct home_row {
	long long	 id;
	char		*agency;
	char		*date;
	char		*rubric;
	char		*inspectors;
	int		 status;
	int		 score;
	int		 max;
	int		 scored;
	int		 items;
};

struct home {
	struct store_query	 q;
	char			*agency;	/* filters owned here */
	char			*text;
	char			*rubric;
	size_t			 count;
	bool			 stale;
	size_t			 sel;
	size_t			 top;
	struct home_row		*rows;		/* rows off .. off+n-1 */
	size_t			 off;
	size_t			 n;
	size_t			 cap;
	long long		 marked;	/* A for compare, 0 none */
};

static const struct {
	enum store_sort	 sort;
	const char	*name;
} home_sorts[] = {
	{ STORE_SORT_UPDATED, N_("last change (drafts first)") },
	{ STORE_SORT_AGENCY, N_("agency") },
	{ STORE_SORT_DATE, N_("date") },
	{ STORE_SORT_RUBRIC, N_("rubric") },
	{ STORE_SORT_INSPECTORS, N_("inspectors") },
	{ STORE_SORT_STATUS, N_("status") },
	{ STORE_SORT_SCORE, N_("total") },
	{ STORE_SORT_PROGRESS, N_("progress") },
	{ STORE_SORT_ID, N_("ID") },
};
#define HOME_NSORTS	(sizeof home_sorts / sizeof home_sorts[0])

static int
home_visible(void)
{
	return LINES - 6;
}

static void
home_free_rows(struct home *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->rows[i].agency);
		free(h->rows[i].date);
		free(h->rows[i].rubric);
		free(h->rows[i].inspectors);
	}
	h->n = 0;
}

static int
home_add_row(const struct store_summary *s, void *arg)
{
	struct home *h = arg;
	struct home_row *r;

	if (h->n == h->cap) {
		h->cap = h->cap > 0 ? h->cap * 2 : 64;
		h->rows = xreallocarray(h->rows, h->cap, sizeof *h->rows);
	}
	r = &h->rows[h->n++];
	r->id = s->id;
	r->agency = xstrdup(s->agency);
	r->date = xstrdup(s->date);
	r->rubric = xstrdup(s->rubric_id);
	r->inspectors = xstrdup(s->inspectors);
	r->status = s->status;
	r->score = s->score;
	r->max = s->max;
	r->scored = s->scored;
	r->items = s->items;
	return 0;
}

static void
home_query(struct home *h)
{
	h->q.agency = h->agency;
	h->q.text = h->text;
	h->q.rubric_id = h->rubric;
}

/* Fetch the window around the visible rows when it is not cached. */
static void
home_fetch(struct tui *tui, struct home *h)
{
	size_t page = (size_t)home_visible();
	struct store_query q;
	char *cause = NULL;

	home_query(h);
	if (h->stale) {
		if (store_count(tui->st, &h->q, &h->count, &cause) != 0) {
			tui_message(tui, true, "%s", cause);
			free(cause);
			h->count = 0;
		}
		home_free_rows(h);
		h->stale = false;
	}
	if (h->sel >= h->count)
		h->sel = h->count > 0 ? h->count - 1 : 0;
	if (h->sel < h->top)
		h->top = h->sel;
	if (h->sel >= h->top + page)
		h->top = h->sel - page + 1;
	if (h->n > 0 && h->top >= h->off &&
	    (h->top + page <= h->off + h->n || h->off + h->n >= h->count))
		return;
	home_free_rows(h);
	q = h->q;
	q.offset = h->top > page ? h->top - page : 0;
	q.limit = page * 3;
	h->off = q.offset;
	if (store_list(tui->st, &q, home_add_row, h, &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
	}
}

struct home_cols {
	int	agency, date, rubric, inspectors, status, total, progress;
};

static struct home_cols
home_columns(void)
{
	struct home_cols c = { 0, 10, 8, 0, 6, 9, 13 };
	int rest = COLS - 2 - 6 - (c.date + c.rubric + c.status + c.total +
	    c.progress);

	c.agency = rest * 11 / 20;
	c.inspectors = rest - c.agency;
	return c;
}

static void
home_draw_cells(int y, const struct home_cols *c, const char *const cell[7],
    const attr_t attr[7])
{
	const int w[7] = { c->agency, c->date, c->rubric, c->inspectors,
	    c->status, c->total, c->progress };
	int x = 1, i;

	for (i = 0; i < 7; i++) {
		if (i == 5)	/* totals align right */
			tui_put_right(y, x + w[i], cell[i], attr[i]);
		else
			tui_put_cut(y, x, w[i], cell[i], attr[i]);
		x += w[i] + 1;
	}
}

static void
home_draw_titles(struct tui *tui, struct home *h, int y)
{
	struct home_cols c = home_columns();
	const char *cell[7] = { _("Agency"), _("Date"), _("Rubric"),
	    _("Inspectors"), _("Status"), _("Total"), _("Progress") };
	const int sorted[7] = { STORE_SORT_AGENCY, STORE_SORT_DATE,
	    STORE_SORT_RUBRIC, STORE_SORT_INSPECTORS, STORE_SORT_STATUS,
	    STORE_SORT_SCORE, STORE_SORT_PROGRESS };
	attr_t attr[7];
	char *marked = NULL;
	int i;

	for (i = 0; i < 7; i++) {
		attr[i] = A_BOLD | A_UNDERLINE;
		if ((int)h->q.sort == sorted[i]) {
			/* The store knows each column's natural order; S flips it. */
			marked = xasprintf("%s%s", cell[i],
			    h->q.descending ? " *r" : " *");
			cell[i] = marked;
			attr[i] |= tui_attr(tui, TUI_ROLE_TITLE);
		}
	}
	home_draw_cells(y, &c, cell, attr);
	free(marked);
}

static void
home_draw_row(struct tui *tui, const struct home_row *r, bool sel, bool mark,
    int y)
{
	struct home_cols c = home_columns();
	attr_t base = sel ? tui_attr(tui, TUI_ROLE_SELECT) : A_NORMAL, attr[7];
	char *total, *progress, *clean[3];
	const char *cell[7];
	int i, bar = c.progress - 6;

	clean[0] = width_sanitize(r->agency);
	clean[1] = width_sanitize(r->inspectors);
	clean[2] = width_sanitize(r->rubric);
	total = r->scored > 0 ? xasprintf("%d/%d", r->score, r->max) :
	    xstrdup("-");
	progress = xasprintf("%d/%d", r->scored, r->items);
	cell[0] = clean[0];
	cell[1] = r->date;
	cell[2] = clean[2];
	cell[3] = clean[1];
	cell[4] = r->status == SCORECARD_FINAL ? _("final") : _("draft");
	cell[5] = total;
	cell[6] = progress;
	for (i = 0; i < 7; i++)
		attr[i] = base;
	if (r->status != SCORECARD_FINAL && !sel)
		attr[4] = tui_attr(tui, TUI_ROLE_UNSCORED);
	tui_fill(y, 0, COLS, base);
	home_draw_cells(y, &c, cell, attr);
	tui_bar(y, COLS - 1 - bar, bar, (size_t)r->scored, (size_t)r->items,
	    base);
	if (mark)
		tui_put(y, 0, 1, "A", base | A_BOLD);
	free(total);
	free(progress);
	for (i = 0; i < 3; i++)
		free(clean[i]);
}

static char *
home_filters(const struct home *h)
{
	char *s = xstrdup(""), *t;

	if (h->agency != NULL) {
		t = xasprintf(_("%s agency~%s"), s, h->agency);
		free(s);
		s = t;
	}
	if (h->q.year != 0) {
		t = xasprintf(_("%s year=%d"), s, h->q.year);
		free(s);
		s = t;
	}
	if (h->q.status >= 0) {
		t = xasprintf(_("%s status=%s"), s, h->q.status ==
		    SCORECARD_FINAL ? _("final") : _("draft"));
		free(s);
		s = t;
	}
	if (h->rubric != NULL) {
		t = xasprintf(_("%s rubric=%s"), s, h->rubric);
		free(s);
		s = t;
	}
	if (h->text != NULL) {
		t = xasprintf(_("%s notes~\"%s\""), s, h->text);
		free(s);
		s = t;
	}
	return s;
}

static void
home_draw(struct tui *tui, struct tui_view *v)
{
	struct home *h = v->data;
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR);
	int rows = home_visible(), i;
	char *s, *f;
	size_t k;

	home_fetch(tui, h);
	tui_fill(0, 0, COLS, bar);
	tui_put(0, 1, COLS / 2, _("kaohe · scorecards"), bar);
	f = home_filters(h);
	if (*f != '\0') {
		s = xasprintf(_("filters:%s"), f);
		tui_put(1, 1, COLS - 2, s, tui_attr(tui, TUI_ROLE_CHOSEN));
		free(s);
	}
	home_draw_titles(tui, h, 2);
	for (i = 0; i < rows; i++) {
		k = h->top + (size_t)i;
		if (k >= h->count || k < h->off || k - h->off >= h->n)
			break;
		home_draw_row(tui, &h->rows[k - h->off], k == h->sel,
		    h->rows[k - h->off].id == h->marked, 3 + i);
	}
	if (h->count == 0)
		tui_put(LINES / 2, (COLS - 50) / 2, 60, *f != '\0' ?
		    _("No scorecard matches the filters: f changes them.") :
		    _("No scorecards yet: press n to start one."), A_BOLD);
	tui_fill(LINES - 2, 0, COLS, bar);
	for (k = 0; k + 1 < HOME_NSORTS && home_sorts[k].sort != h->q.sort; k++)
		;
	s = xasprintf(_(" %zu of %zu · sort: %s%s"), h->count > 0 ?
	    h->sel + 1 : 0, h->count, _(home_sorts[k].name),
	    h->q.descending ? _(", reversed") : "");
	tui_put(LINES - 2, 0, COLS, s, bar);
	free(s);
	free(f);
	tui_draw_bottom(tui, _("Enter:open n:new /:search f:filter s:sort"
	    " D:delete e:export ?:help q:quit"));
}

static const struct home_row *
home_selected(struct tui *tui, struct home *h)
{
	home_fetch(tui, h);
	if (h->count == 0 || h->sel < h->off || h->sel - h->off >= h->n) {
		tui_message(tui, false, _("no scorecard selected"));
		return NULL;
	}
	return &h->rows[h->sel - h->off];
}

static struct scorecard *
home_load(struct tui *tui, long long id)
{
	struct scorecard *sc = NULL;
	char *cause = NULL;

	if (store_load(tui->st, id, &sc, &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		return NULL;
	}
	return sc;
}

static void
home_open(struct tui *tui, struct home *h)
{
	const struct home_row *r = home_selected(tui, h);
	struct scorecard *sc;

	if (r == NULL || (sc = home_load(tui, r->id)) == NULL)
		return;
	if (sc->status == SCORECARD_FINAL)
		tui_message(tui, false, _("finalized: read-only"));
	tui_walk_open(tui, sc, tui_resume_item(sc), false);
}

static void
home_export(struct tui *tui, struct home *h)
{
	const struct home_row *r = home_selected(tui, h);
	struct scorecard *sc;

	if (r == NULL || (sc = home_load(tui, r->id)) == NULL)
		return;
	tui_export(tui, sc);
	scorecard_free(sc);
}

static void
home_delete(struct tui *tui, struct home *h)
{
	const struct home_row *r = home_selected(tui, h);
	char *q, *cause = NULL, *agency;
	long long id;

	if (r == NULL)
		return;
	if (r->status == SCORECARD_FINAL) {
		tui_message(tui, true, _("#%lld is finalized: it cannot be"
		    " deleted"), r->id);
		return;
	}
	id = r->id;
	agency = xstrdup(r->agency);
	q = xasprintf(_("Delete draft #%lld %s? Type its agency (or yes):"),
	    id, agency);
	if (!tui_confirm_typed(tui, q, agency))
		tui_message(tui, false, _("not deleted"));
	else if (store_delete(tui->st, id, &cause) != 0) {
		tui_message(tui, true, _("not deleted: %s"), cause);
		free(cause);
	} else
		tui_message(tui, false, _("deleted #%lld %s"), id, agency);
	h->stale = true;
	free(q);
	free(agency);
}

/* Replace a filter string: empty input clears it. */
static void
home_set(char **slot, char *value)
{
	free(*slot);
	*slot = value != NULL && *value != '\0' ? value : NULL;
	if (*slot == NULL)
		free(value);
}

static void
home_filter_status(struct tui *tui, struct home *h)
{
	char *choices[3];
	int pick;

	choices[0] = _("any");
	choices[1] = _("draft");
	choices[2] = _("final");
	pick = tui_menu(tui, _("Status:"), choices, 3, (size_t)(h->q.status + 1));
	if (pick >= 0)
		h->q.status = pick - 1;
}

static void
home_filter_year(struct tui *tui, struct home *h)
{
	char *answer = NULL, *end;
	long y;

	if (tui_prompt(tui, _("Year, 2021 or ROC 110 (empty for any):"), "",
	    &answer) != 0)
		return;
	y = strtol(answer, &end, 10);
	if (*answer == '\0')
		h->q.year = 0;
	else if (*end != '\0' || y < 1 || y > 9999)
		tui_message(tui, true, _("'%s' is not a year"), answer);
	else	/* as `kaohe list --year`: below 1911 is a ROC year */
		h->q.year = (int)(y < 1911 ? y + 1911 : y);
	free(answer);
}

static void
home_filter(struct tui *tui, struct home *h)
{
	char *choices[5], *answer = NULL;
	int pick;

	choices[0] = _("Agency contains…");
	choices[1] = _("Year…");
	choices[2] = _("Status…");
	choices[3] = _("Rubric…");
	choices[4] = _("Clear every filter");
	pick = tui_menu(tui, _("Filter by:"), choices, 5, 0);
	if (pick == 0 && tui_prompt(tui, _("Agency contains:"), h->agency != NULL
	    ? h->agency : "", &answer) == 0)
		home_set(&h->agency, answer);
	else if (pick == 1)
		home_filter_year(tui, h);
	else if (pick == 2)
		home_filter_status(tui, h);
	else if (pick == 3 && tui_prompt(tui, _("Rubric (e.g. 110):"),
	    h->rubric != NULL ? h->rubric : "", &answer) == 0)
		home_set(&h->rubric, answer);
	else if (pick == 4) {
		home_set(&h->agency, NULL);
		home_set(&h->rubric, NULL);
		home_set(&h->text, NULL);
		h->q.year = 0;
		h->q.status = -1;
	}
	h->stale = true;
	h->sel = h->top = 0;
}

static void
home_search(struct tui *tui, struct home *h)
{
	char *answer = NULL;

	if (tui_prompt(tui, _("Notes contain (empty for any):"),
	    h->text != NULL ? h->text : "", &answer) != 0)
		return;
	home_set(&h->text, answer);
	h->stale = true;
	h->sel = h->top = 0;
}

static void
home_sort(struct tui *tui, struct home *h)
{
	char *choices[HOME_NSORTS];
	size_t i, cur = 0;
	int pick;

	for (i = 0; i < HOME_NSORTS; i++) {
		choices[i] = _(home_sorts[i].name);
		if (home_sorts[i].sort == h->q.sort)
			cur = i;
	}
	pick = tui_menu(tui, _("Sort by:"), choices, HOME_NSORTS, cur);
	if (pick < 0)
		return;
	h->q.sort = home_sorts[pick].sort;
	h->stale = true;
	h->sel = h->top = 0;
}

static void
home_mark(struct tui *tui, struct home *h)
{
	const struct home_row *r = home_selected(tui, h);

	if (r == NULL)
		return;
	h->marked = h->marked == r->id ? 0 : r->id;
	if (h->marked != 0)
		tui_message(tui, false, _("#%lld %s is A: c on another compares"
		    " them"), r->id, r->agency);
}

static void
home_compare(struct tui *tui, struct home *h)
{
	const struct home_row *r = home_selected(tui, h);

	if (r == NULL)
		return;
	if (h->marked == 0 || h->marked == r->id) {
		tui_message(tui, false, _("m marks a scorecard as A; then c on"
		    " another compares them"));
		return;
	}
	tui_compare_ids(tui, h->marked, r->id);
}

static void
home_key(struct tui *tui, struct tui_view *v, int key, enum tui_req req)
{
	struct home *h = v->data;
	size_t page = (size_t)home_visible();

	(void)key;
	switch (req) {
	case REQ_OPEN:
		home_open(tui, h);
		break;
	case REQ_NEW:
		tui_form_open(tui, NULL, false);
		break;
	case REQ_DOWN:
		if (h->sel + 1 < h->count)
			h->sel++;
		break;
	case REQ_UP:
		if (h->sel > 0)
			h->sel--;
		break;
	case REQ_FIRST:
		h->sel = 0;
		break;
	case REQ_LAST:
		h->sel = h->count > 0 ? h->count - 1 : 0;
		break;
	case REQ_PAGE_DOWN:
		h->sel += page;
		h->top += page;
		if (h->sel >= h->count)
			h->sel = h->count > 0 ? h->count - 1 : 0;
		break;
	case REQ_PAGE_UP:
		h->sel = h->sel > page ? h->sel - page : 0;
		h->top = h->top > page ? h->top - page : 0;
		break;
	case REQ_SEARCH:
		home_search(tui, h);
		break;
	case REQ_FILTER:
		home_filter(tui, h);
		break;
	case REQ_SORT:
		home_sort(tui, h);
		break;
	case REQ_REVERSE:
		h->q.descending = !h->q.descending;
		h->stale = true;
		break;
	case REQ_DELETE:
		home_delete(tui, h);
		break;
	case REQ_EXPORT:
		home_export(tui, h);
		break;
	case REQ_MARK:
		home_mark(tui, h);
		break;
	case REQ_COMPARE:
		home_compare(tui, h);
		break;
	case REQ_STATS:
		home_query(h);
		tui_stats_open(tui, &h->q);
		break;
	default:
		break;
	}
}

static void
home_resume(struct tui *tui, struct tui_view *v)
{
	struct home *h = v->data;

	(void)tui;
	h->stale = true;	/* scores and notes may have changed */
}

static void
home_close(struct tui *tui, struct tui_view *v)
{
	struct home *h = v->data;

	(void)tui;
	home_free_rows(h);
	free(h->rows);
	free(h->agency);
	free(h->text);
	free(h->rubric);
	free(h);
}

static const struct tui_view_ops home_ops = {
	"home", TUI_SCOPE_HOME, home_draw, home_key, NULL, NULL, home_resume,
	home_close,
};

void
tui_home_open(struct tui *tui)
{
	struct home *h = xcalloc(1, sizeof *h);

	h->q.status = -1;
	h->q.sort = STORE_SORT_UPDATED;
	h->stale = true;
	tui_push(tui, &home_ops, h);
}
