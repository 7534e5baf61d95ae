/*
 * The home screen: scorecards, drafts first. Rows are fetched a window at
 * a time (store_list with limit/offset around the visible rows) and
 * counted with store_count, so it stays quick with 100,000 of them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store-search.h"
#include "tui/tui-list.h"
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

/* The count, fresh after a change; the cached rows go with a stale one. */
static size_t
home_count(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;
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
	return h->count;
}

/* Fetch the window around the visible rows when it is not cached. */
static void
home_fetch(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;
	size_t page = (size_t)l->lines;
	struct store_query q;
	char *cause = NULL;

	if (h->n > 0 && l->top >= h->off &&
	    (l->top + page <= h->off + h->n || h->off + h->n >= h->count))
		return;
	home_free_rows(h);
	q = h->q;
	q.offset = l->top > page ? l->top - page : 0;
	q.limit = page * 3;
	h->off = q.offset;
	if (store_list(tui->st, &q, home_add_row, h, &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
	}
}

/* The cached row k, or NULL when it is not in the window. */
static const struct home_row *
home_row(const struct home *h, size_t k)
{
	if (k >= h->count || k < h->off || k - h->off >= h->n)
		return NULL;
	return &h->rows[k - h->off];
}

#define HOME_NCOLS	8

static const char *const home_titles[HOME_NCOLS] = {
	N_("ID"), N_("Agency"), N_("Date"), N_("Rubric"), N_("Inspectors"),
	N_("Status"), N_("Total"), N_("Progress"),
};

/*
 * Display columns of each cell: the fixed ones as wide as their content
 * or their title, whichever is wider; agency and inspectors share the rest.
 */
static void
home_columns(int w[HOME_NCOLS])
{
	static const int fixed[HOME_NCOLS] = { 5, 0, 10, 6, 0, 6, 8, 13 };
	int rest = COLS - 1 - HOME_NCOLS, i, tw;

	for (i = 0; i < HOME_NCOLS; i++) {
		w[i] = fixed[i];
		tw = (int)width_of(_(home_titles[i]));
		if (fixed[i] > 0 && tw > w[i])
			w[i] = tw;
		rest -= w[i];
	}
	w[1] = rest * 11 / 20;
	w[4] = rest - w[1];
}

/* ID and total align right; the others are cut with "…" when long. */
static void
home_draw_cells(int y, const char *const cell[HOME_NCOLS],
    const attr_t attr[HOME_NCOLS])
{
	int w[HOME_NCOLS], x = 1, i;

	home_columns(w);
	for (i = 0; i < HOME_NCOLS; i++) {
		if (i == 0 || i == 6)
			tui_put_right(y, x + w[i], cell[i], attr[i]);
		else
			tui_put_cut(y, x, w[i], cell[i], attr[i]);
		x += w[i] + 1;
	}
}

static void
home_draw_titles(struct tui *tui, struct home *h, int y)
{
	const char *cell[HOME_NCOLS];
	const int sorted[HOME_NCOLS] = { STORE_SORT_ID, STORE_SORT_AGENCY,
	    STORE_SORT_DATE, STORE_SORT_RUBRIC, STORE_SORT_INSPECTORS,
	    STORE_SORT_STATUS, STORE_SORT_SCORE, STORE_SORT_PROGRESS };
	attr_t attr[HOME_NCOLS];
	char *marked = NULL;
	int i;

	for (i = 0; i < HOME_NCOLS; i++) {
		cell[i] = _(home_titles[i]);
		attr[i] = A_BOLD | A_UNDERLINE;
		if ((int)h->q.sort == sorted[i]) {
			/* The store knows each column's natural order; S flips it. */
			marked = xasprintf("%s%s", cell[i],
			    h->q.descending ? " *r" : " *");
			cell[i] = marked;
			attr[i] |= tui_attr(tui, TUI_ROLE_TITLE);
		}
	}
	home_draw_cells(y, cell, attr);
	free(marked);
}

static void
home_draw_row(struct tui *tui, struct tui_list *l, size_t k, int y,
    attr_t base)
{
	const struct home *h = l->data;
	const struct home_row *r = home_row(h, k);
	attr_t attr[HOME_NCOLS];
	char *id, *total, *progress, *clean[3];
	const char *cell[HOME_NCOLS];
	int w[HOME_NCOLS], i, bar;

	if (r == NULL)
		return;
	home_columns(w);
	bar = w[7] - 6;
	clean[0] = width_sanitize(r->agency);
	clean[1] = width_sanitize(r->inspectors);
	clean[2] = width_sanitize(r->rubric);
	id = xasprintf("%lld", r->id);
	total = r->scored > 0 ? xasprintf("%d/%d", r->score, r->max) :
	    xstrdup("-");
	progress = xasprintf("%d/%d", r->scored, r->items);
	cell[0] = id;
	cell[1] = clean[0];
	cell[2] = r->date;
	cell[3] = clean[2];
	cell[4] = clean[1];
	cell[5] = r->status == SCORECARD_FINAL ? _("final") : _("draft");
	cell[6] = total;
	cell[7] = progress;
	for (i = 0; i < HOME_NCOLS; i++)
		attr[i] = base;
	if (r->status != SCORECARD_FINAL && k != l->sel)
		attr[5] = tui_attr(tui, TUI_ROLE_UNSCORED);
	home_draw_cells(y, cell, attr);
	tui_bar(y, COLS - 1 - bar, bar, (size_t)r->scored, (size_t)r->items,
	    base);
	if (r->id == h->marked)
		tui_put(y, 0, 1, "A", base | A_BOLD);
	free(id);
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
home_draw_frame(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR);
	char *s, *f;
	size_t k;

	home_fetch(tui, l);
	tui_draw_title(tui, _("kaohe · scorecards"));
	f = home_filters(h);
	if (*f != '\0') {
		s = xasprintf(_("filters:%s"), f);
		tui_put_cut(1, 1, COLS - 2, s, tui_attr(tui, TUI_ROLE_CHOSEN));
		free(s);
	}
	home_draw_titles(tui, h, 2);
	if (h->count == 0)
		tui_put(LINES / 2, (COLS - 50) / 2, 60, *f != '\0' ?
		    _("No scorecard matches the filters: f changes them.") :
		    _("No scorecards yet: press n to start one."), A_BOLD);
	tui_fill(LINES - 2, 0, COLS, bar);
	for (k = 0; k + 1 < HOME_NSORTS && home_sorts[k].sort != h->q.sort; k++)
		;
	s = xasprintf(_(" %zu of %zu · sort: %s%s"), h->count > 0 ?
	    l->sel + 1 : 0, h->count, _(home_sorts[k].name),
	    h->q.descending ? _(", reversed") : "");
	tui_put(LINES - 2, 0, COLS, s, bar);
	free(s);
	free(f);
}

static const struct home_row *
home_selected(struct tui *tui, struct tui_list *l)
{
	const struct home_row *r;

	home_fetch(tui, l);
	if ((r = home_row(l->data, l->sel)) == NULL)
		tui_message(tui, false, _("no scorecard selected"));
	return r;
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

/*
 * Where the walk opens: at the item whose note or evidence matched the
 * search, when there is one, else where the inspector left off.
 */
static size_t
home_item(struct tui *tui, const struct home *h, const struct scorecard *sc)
{
	char *cause = NULL;
	long item = -1;

	if (h->text == NULL)
		return tui_resume_item(sc);
	if (store_search_item(tui->st, sc->id, h->text, sc->rubric, &item,
	    &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
	}
	return item >= 0 ? (size_t)item : tui_resume_item(sc);
}

static void
home_open(struct tui *tui, struct tui_list *l)
{
	const struct home_row *r = home_selected(tui, l);
	struct scorecard *sc;

	if (r == NULL || (sc = home_load(tui, r->id)) == NULL)
		return;
	if (sc->status == SCORECARD_FINAL)
		tui_message(tui, false, _("finalized: read-only"));
	tui_walk_open(tui, sc, home_item(tui, l->data, sc), false);
}

static void
home_export(struct tui *tui, struct tui_list *l)
{
	const struct home_row *r = home_selected(tui, l);
	struct scorecard *sc;

	if (r == NULL || (sc = home_load(tui, r->id)) == NULL)
		return;
	tui_export(tui, sc);
	scorecard_free(sc);
}

static void
home_header(struct tui *tui, struct tui_list *l)
{
	const struct home_row *r = home_selected(tui, l);
	struct scorecard *sc;

	if (r != NULL && (sc = home_load(tui, r->id)) != NULL)
		tui_form_edit(tui, sc, true);
}

static void
home_delete(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;
	const struct home_row *r = home_selected(tui, l);
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
	else	/* as `kaohe list --year` */
		h->q.year = scorecard_filter_year((int)y);
	free(answer);
}

static void
home_filter(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;
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
	l->sel = l->top = 0;	/* a new list: start at its top */
}

static void
home_search(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;
	char *answer = NULL;

	if (tui_prompt(tui, _("Notes or evidence contain (empty for any):"),
	    h->text != NULL ? h->text : "", &answer) != 0)
		return;
	home_set(&h->text, answer);
	h->stale = true;
	l->sel = l->top = 0;	/* a new list: start at its top */
}

static void
home_sort(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;
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
	l->sel = l->top = 0;	/* a new list: start at its top */
}

static void
home_mark(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;
	const struct home_row *r = home_selected(tui, l);

	if (r == NULL)
		return;
	h->marked = h->marked == r->id ? 0 : r->id;
	if (h->marked != 0)
		tui_message(tui, false, _("#%lld %s is A: c on another compares"
		    " them"), r->id, r->agency);
}

static void
home_compare(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;
	const struct home_row *r = home_selected(tui, l);

	if (r == NULL)
		return;
	if (h->marked == 0 || h->marked == r->id) {
		tui_message(tui, false, _("m marks a scorecard as A; then c on"
		    " another compares them"));
		return;
	}
	tui_compare_ids(tui, h->marked, r->id);
}

static enum tui_req
home_request(struct tui *tui, struct tui_list *l, enum tui_req req, int key)
{
	struct home *h = l->data;

	(void)key;
	switch (req) {
	case REQ_OPEN:
		home_open(tui, l);
		break;
	case REQ_NEW:
		tui_form_open(tui, NULL, false);
		break;
	case REQ_SEARCH:
		home_search(tui, l);
		break;
	case REQ_FILTER:
		home_filter(tui, l);
		break;
	case REQ_SORT:
		home_sort(tui, l);
		break;
	case REQ_REVERSE:
		h->q.descending = !h->q.descending;
		h->stale = true;
		break;
	case REQ_DELETE:
		home_delete(tui, l);
		break;
	case REQ_EXPORT:
		home_export(tui, l);
		break;
	case REQ_HEADER:
		home_header(tui, l);
		break;
	case REQ_MARK:
		home_mark(tui, l);
		break;
	case REQ_COMPARE:
		home_compare(tui, l);
		break;
	case REQ_STATS:
		home_query(h);
		tui_stats_open(tui, &h->q);
		break;
	case REQ_BACK:
		break;		/* Esc never quits: q does */
	default:
		return req;	/* moving: the list's */
	}
	return REQ_NONE;
}

static void
home_resume(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;

	(void)tui;
	h->stale = true;	/* scores and notes may have changed */
}

static void
home_close(struct tui *tui, struct tui_list *l)
{
	struct home *h = l->data;

	(void)tui;
	home_free_rows(h);
	free(h->rows);
	free(h->agency);
	free(h->text);
	free(h->rubric);
	free(h);
}

/*
 * What the selected row allows: nothing listed, nothing to open, mark or
 * export; a final card is never deleted and its header never changes;
 * c compares only once another card is marked.
 */
static const enum tui_req *
home_hidden(struct tui *tui, struct tui_list *l)
{
	static const enum tui_req none[] = { REQ_OPEN, REQ_MARK, REQ_COMPARE,
	    REQ_EXPORT, REQ_DELETE, REQ_HEADER, REQ_NONE };
	static const enum tui_req final_alone[] = { REQ_DELETE, REQ_HEADER,
	    REQ_COMPARE, REQ_NONE };
	static const enum tui_req final[] = { REQ_DELETE, REQ_HEADER,
	    REQ_NONE };
	static const enum tui_req alone[] = { REQ_COMPARE, REQ_NONE };
	const struct home *h = l->data;
	const struct home_row *r = home_row(l->data, l->sel);
	bool comparable;

	(void)tui;
	if (r == NULL)
		return none;
	comparable = h->marked != 0 && h->marked != r->id;
	if (r->status == SCORECARD_FINAL)
		return comparable ? final : final_alone;
	return comparable ? NULL : alone;
}

static const struct tui_list_ops home_ops = {
	.name = "home", .scope = TUI_SCOPE_HOME, .head = 3, .foot = 2,
	.count = home_count, .draw_row = home_draw_row,
	.draw_frame = home_draw_frame, .request = home_request,
	.hidden = home_hidden, .resume = home_resume, .close = home_close,
};

void
tui_home_open(struct tui *tui)
{
	struct home *h = xcalloc(1, sizeof *h);

	h->q.status = -1;
	h->q.sort = STORE_SORT_UPDATED;
	h->stale = true;
	tui_list_open(tui, &home_ops, h);
}
