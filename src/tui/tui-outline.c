/*
 * The outline: the whole rubric tree, each section with its subtotal and
 * each item with its score or an unscored mark. Enter goes to an item.
 */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "team.h"
#include "tui/tui-list.h"
#include "width.h"
#include "xalloc.h"

struct outline {
	struct scorecard		*sc;	/* the walk's */
	size_t				*jump;	/* the walk's item */
	const struct rubric_node	**rows;
	size_t				 nrows;
	size_t				 cap;
};

static void
outline_add(struct outline *o, const struct rubric_node *n)
{
	size_t i;

	if (o->nrows == o->cap) {
		o->cap = o->cap > 0 ? o->cap * 2 : 64;
		o->rows = xreallocarray(o->rows, o->cap, sizeof *o->rows);
	}
	o->rows[o->nrows++] = n;
	for (i = 0; i < n->nchildren; i++)
		outline_add(o, &n->children[i]);
}

static size_t
outline_count(struct tui *tui, struct tui_list *l)
{
	(void)tui;
	return ((struct outline *)l->data)->nrows;
}

/* "28/30", "--/30", or on a team card "26/30 ※共識" for a settled flag. */
static char *
outline_item_score(const struct scorecard *sc, const struct rubric_node *n,
    const struct scorecard_entry *e)
{
	const struct team_item *it;

	if (!e->scored)
		return xasprintf("--/%d", n->max);
	if (sc->team == NULL || !sc->team->items[n->item_first].flagged)
		return xasprintf("%d/%d", e->score, n->max);
	it = &sc->team->items[n->item_first];
	return xasprintf("%d/%d ※%s", e->score, n->max,
	    team_how_label(it->how));
}

static void
outline_draw_row(struct tui *tui, struct tui_list *l, size_t k, int y,
    attr_t a)
{
	struct outline *o = l->data;
	const struct rubric_node *n = o->rows[k];
	bool item = rubric_node_is_item(n), sel = k == l->sel;
	int indent = 1 + 2 * (n->depth - 1);
	char *name = rubric_node_label(n), *score;
	const struct scorecard_entry *e;
	struct scorecard_sum sum;

	if (!scorecard_node_in_scope(o->sc, n)) {
		/* A member card: another member scores these. */
		tui_put(y, indent, COLS - indent - 16, name, sel ? a :
		    tui_attr(tui, TUI_ROLE_DIM));
		tui_put_right(y, COLS - 1, _("out of scope"), sel ? a :
		    tui_attr(tui, TUI_ROLE_DIM));
		free(name);
		return;
	}
	if (item && team_unresolved(o->sc, n->item_first)) {
		score = xasprintf(_("flagged --/%d"), n->max);
		if (!sel)
			a = tui_attr(tui, TUI_ROLE_ERROR);
		tui_put(y, 0, 1, "!", a);
		e = NULL;
	} else if (item) {
		e = &o->sc->entries[n->item_first];
		score = outline_item_score(o->sc, n, e);
		if (!e->scored && !sel)
			a = tui_attr(tui, TUI_ROLE_UNSCORED);
	} else {
		sum = scorecard_sum(o->sc, n);
		score = sum.scored < sum.items ?
		    xasprintf(_("%d/%d  (%zu unscored)"), sum.score, sum.max,
		    sum.items - sum.scored) :
		    xasprintf("%d/%d", sum.score, sum.max);
		if (!sel)
			a |= A_BOLD;
	}
	if (item && e != NULL && !e->scored)
		tui_put(y, 0, 1, "*", a);
	tui_put(y, indent, COLS - indent - (int)width_of(score) - 3, name, a);
	tui_put_right(y, COLS - 1, score, a);
	free(name);
	free(score);
}

static char *
outline_row_text(struct tui *tui, struct tui_list *l, size_t k)
{
	const struct rubric_node *n = ((struct outline *)l->data)->rows[k];
	char *name = rubric_node_label(n), *s;

	(void)tui;
	s = xasprintf("%s %s", n->key, name);
	free(name);
	return s;
}

static void
outline_draw_frame(struct tui *tui, struct tui_list *l)
{
	struct outline *o = l->data;
	struct scorecard_sum total = scorecard_total(o->sc);
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR);
	char *s, *agency;
	int left;

	s = xasprintf(_("total %d/%d · %zu/%zu items "), total.score,
	    total.max, total.scored, total.items);
	tui_fill(0, 0, COLS, bar);
	tui_put_right(0, COLS, s, bar);
	/* A long agency is cut, never the date after it. */
	left = COLS - (int)width_of(s) - 1;
	free(s);
	s = xasprintf(_(" Outline · %s · %s"), "", o->sc->date);
	agency = tui_cut(o->sc->agency, left - (int)width_of(s));
	free(s);
	s = xasprintf(_(" Outline · %s · %s"), agency, o->sc->date);
	tui_put(0, 0, left, s, bar);
	free(agency);
	free(s);
	tui_fill(LINES - 2, 0, COLS, bar);
	s = o->sc->team != NULL ?
	    xasprintf(_(" row %zu of %zu · ! flagged, unresolved · * unscored"),
	    l->sel + 1, o->nrows) :
	    xasprintf(_(" row %zu of %zu · * marks an unscored item"),
	    l->sel + 1, o->nrows);
	tui_put(LINES - 2, 0, COLS, s, bar);
	free(s);
}

static void
outline_go(struct tui *tui, struct outline *o, size_t sel)
{
	const struct rubric_node *n = o->rows[sel];
	size_t i, target = n->item_first;

	/* A section opens at its first unscored item, else its first. */
	for (i = n->item_first; i < n->item_first + n->item_count; i++)
		if (!o->sc->entries[i].scored && scorecard_in_scope(o->sc, i)) {
			target = i;
			break;
		}
	*o->jump = target;
	tui_pop(tui);
}

static void
outline_next_unscored(struct tui *tui, struct tui_list *l)
{
	struct outline *o = l->data;
	size_t i, k;

	/* On a team card the flagged items come first. */
	for (k = 1; o->sc->team != NULL && k <= o->nrows; k++) {
		i = (l->sel + k) % o->nrows;
		if (rubric_node_is_item(o->rows[i]) &&
		    team_unresolved(o->sc, o->rows[i]->item_first)) {
			tui_list_select(l, i);
			return;
		}
	}
	for (k = 1; k <= o->nrows; k++) {
		i = (l->sel + k) % o->nrows;
		if (rubric_node_is_item(o->rows[i]) &&
		    scorecard_in_scope(o->sc, o->rows[i]->item_first) &&
		    !o->sc->entries[o->rows[i]->item_first].scored) {
			tui_list_select(l, i);
			return;
		}
	}
	tui_message(tui, false, _("every item is scored"));
}

static enum tui_req
outline_request(struct tui *tui, struct tui_list *l, enum tui_req req,
    int key)
{
	(void)key;
	switch (req) {
	case REQ_OPEN:
		outline_go(tui, l->data, l->sel);
		return REQ_NONE;
	case REQ_NEXT_UNSCORED:
		outline_next_unscored(tui, l);
		return REQ_NONE;
	default:
		return req;
	}
}

static void
outline_close(struct tui *tui, struct tui_list *l)
{
	struct outline *o = l->data;

	(void)tui;
	free(o->rows);
	free(o);
}

/* u has somewhere to go while an item is unscored (or unresolved). */
static const enum tui_req *
outline_hidden(struct tui *tui, struct tui_list *l)
{
	static const enum tui_req hidden[] = { REQ_NEXT_UNSCORED, REQ_NONE };
	const struct outline *o = l->data;

	(void)tui;
	return (o->sc->team != NULL ? tui_reconcile_next(o->sc, 0) :
	    scorecard_next_unscored(o->sc, 0)) >= 0 ? NULL : hidden;
}

static const struct tui_list_ops outline_ops = {
	.name = "outline", .scope = TUI_SCOPE_OUTLINE, .head = 1, .foot = 2,
	.count = outline_count, .draw_row = outline_draw_row,
	.draw_frame = outline_draw_frame, .request = outline_request,
	.row_text = outline_row_text, .hidden = outline_hidden,
	.close = outline_close,
};

/* A team card's: u goes to the flagged items first, and says so. */
static const struct tui_list_ops outline_team_ops = {
	.name = "team outline", .scope = TUI_SCOPE_TEAM_OUTLINE, .head = 1,
	.foot = 2, .count = outline_count, .draw_row = outline_draw_row,
	.draw_frame = outline_draw_frame, .request = outline_request,
	.row_text = outline_row_text, .hidden = outline_hidden,
	.close = outline_close,
};

void
tui_outline_open(struct tui *tui, struct scorecard *sc, size_t *item)
{
	struct outline *o = xcalloc(1, sizeof *o);
	struct tui_list *l;
	size_t i;

	o->sc = sc;
	o->jump = item;
	for (i = 0; i < sc->rubric->root.nchildren; i++)
		outline_add(o, &sc->rubric->root.children[i]);
	if ((l = tui_list_open(tui, sc->team != NULL ? &outline_team_ops :
	    &outline_ops, o)) == NULL)
		return;
	/* Start on the walk's item. */
	for (i = 0; i < o->nrows; i++)
		if (rubric_node_is_item(o->rows[i]) &&
		    o->rows[i]->item_first == *item)
			tui_list_select(l, i);
}
