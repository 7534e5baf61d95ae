/*
 * The outline: the whole rubric tree, each section with its subtotal and
 * each item with its score or an unscored mark. Enter goes to an item.
 */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "tui/tui-int.h"
#include "width.h"
#include "xalloc.h"

struct outline {
	struct scorecard		*sc;	/* the walk's */
	size_t				*jump;	/* the walk's item */
	const struct rubric_node	**rows;
	size_t				 nrows;
	size_t				 cap;
	size_t				 sel;
	size_t				 top;
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

static int
outline_visible(void)
{
	return LINES - 4;
}

static void
outline_draw_row(struct tui *tui, struct outline *o, size_t k, int y)
{
	const struct rubric_node *n = o->rows[k];
	bool item = rubric_node_is_item(n), sel = k == o->sel;
	attr_t a = sel ? tui_attr(tui, TUI_ROLE_SELECT) : A_NORMAL;
	int indent = 1 + 2 * (n->depth - 1);
	char *name = tui_node_name(n), *score;
	const struct scorecard_entry *e;
	struct scorecard_sum sum;

	if (item) {
		e = &o->sc->entries[n->item_first];
		score = e->scored ? xasprintf("%d/%d", e->score, n->max) :
		    xasprintf("--/%d", n->max);
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
	tui_fill(y, 0, COLS, a);
	if (item && !e->scored)
		tui_put(y, 0, 1, "*", a);
	tui_put(y, indent, COLS - indent - (int)width_of(score) - 3, name, a);
	tui_put_right(y, COLS - 1, score, a);
	free(name);
	free(score);
}

static void
outline_draw(struct tui *tui, struct tui_view *v)
{
	struct outline *o = v->data;
	struct scorecard_sum total = scorecard_total(o->sc);
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR);
	int rows = outline_visible(), i;
	char *s;

	if (o->sel < o->top)
		o->top = o->sel;
	if (o->sel >= o->top + (size_t)rows)
		o->top = o->sel - (size_t)rows + 1;
	tui_fill(0, 0, COLS, bar);
	s = xasprintf(_(" Outline · %s · %s"), o->sc->agency, o->sc->date);
	tui_put(0, 0, COLS / 2, s, bar);
	free(s);
	s = xasprintf(_("total %d/%d · %zu/%zu items "), total.score,
	    total.max, total.scored, total.items);
	tui_put_right(0, COLS, s, bar);
	free(s);
	for (i = 0; i < rows && o->top + (size_t)i < o->nrows; i++)
		outline_draw_row(tui, o, o->top + (size_t)i, 1 + i);
	tui_fill(LINES - 2, 0, COLS, bar);
	s = xasprintf(_(" row %zu of %zu · * marks an unscored item"),
	    o->sel + 1, o->nrows);
	tui_put(LINES - 2, 0, COLS, s, bar);
	free(s);
	tui_draw_bottom(tui, _("Enter go to item · j/k move · u next unscored"
	    " · q back · ? help"));
}

static void
outline_go(struct tui *tui, struct outline *o)
{
	const struct rubric_node *n = o->rows[o->sel];
	size_t i, target = n->item_first;

	/* A section opens at its first unscored item, else its first. */
	for (i = n->item_first; i < n->item_first + n->item_count; i++)
		if (!o->sc->entries[i].scored) {
			target = i;
			break;
		}
	*o->jump = target;
	tui_pop(tui);
}

static void
outline_next_unscored(struct tui *tui, struct outline *o)
{
	size_t i, k;

	for (k = 1; k <= o->nrows; k++) {
		i = (o->sel + k) % o->nrows;
		if (rubric_node_is_item(o->rows[i]) &&
		    !o->sc->entries[o->rows[i]->item_first].scored) {
			o->sel = i;
			return;
		}
	}
	tui_message(tui, false, _("every item is scored"));
}

static void
outline_key(struct tui *tui, struct tui_view *v, int key, enum tui_req req)
{
	struct outline *o = v->data;
	size_t page = (size_t)outline_visible();

	(void)key;
	switch (req) {
	case REQ_OPEN:
		outline_go(tui, o);
		break;
	case REQ_BACK:
		tui_pop(tui);
		break;
	case REQ_DOWN:
		if (o->sel + 1 < o->nrows)
			o->sel++;
		break;
	case REQ_UP:
		if (o->sel > 0)
			o->sel--;
		break;
	case REQ_FIRST:
		o->sel = 0;
		break;
	case REQ_LAST:
		o->sel = o->nrows - 1;
		break;
	case REQ_PAGE_DOWN:
		o->sel = o->sel + page < o->nrows ? o->sel + page : o->nrows - 1;
		break;
	case REQ_PAGE_UP:
		o->sel = o->sel > page ? o->sel - page : 0;
		break;
	case REQ_NEXT_UNSCORED:
		outline_next_unscored(tui, o);
		break;
	default:
		break;
	}
}

static void
outline_close(struct tui *tui, struct tui_view *v)
{
	struct outline *o = v->data;

	(void)tui;
	free(o->rows);
	free(o);
}

static const struct tui_view_ops outline_ops = {
	"outline", TUI_SCOPE_OUTLINE, outline_draw, outline_key, NULL, NULL,
	NULL, outline_close,
};

void
tui_outline_open(struct tui *tui, struct scorecard *sc, size_t *item)
{
	struct outline *o = xcalloc(1, sizeof *o);
	size_t i;

	o->sc = sc;
	o->jump = item;
	for (i = 0; i < sc->rubric->root.nchildren; i++)
		outline_add(o, &sc->rubric->root.children[i]);
	/* Start on the walk's item. */
	for (i = 0; i < o->nrows; i++)
		if (rubric_node_is_item(o->rows[i]) &&
		    o->rows[i]->item_first == *item)
			o->sel = i;
	tui_push(tui, &outline_ops, o);
}
