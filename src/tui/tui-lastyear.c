/*
 * Last year's card for the item: the same agency's previous final card
 * on the same rubric id (store_previous_final, the card the review's
 * swing check compares with), shown as a text: its score, tier, record
 * and rationale for the item. C copies that record into this year's as
 * a starting point; c opens the compare screen of the two cards.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "tui/tui-evidence.h"
#include "tui/tui-list.h"
#include "width.h"
#include "xalloc.h"

struct lastyear {
	struct scorecard	*sc;		/* this year's: the walk's, borrowed */
	size_t			 item;
	struct scorecard	*prev;		/* owned */
	long			 prev_item;	/* -1: its rubric lacks the item */
	char			**lines;
	size_t			 nlines;
	int			 built_cols;
};

static void
ly_add(struct lastyear *ly, const char *s)
{
	ly->lines = xreallocarray(ly->lines, ly->nlines + 1, sizeof *ly->lines);
	ly->lines[ly->nlines++] = width_sanitize(s);
}

static void
ly_add_wrapped(struct lastyear *ly, const char *text, int cols)
{
	char **w;
	size_t n, i;

	if (*text == '\0') {
		ly_add(ly, _("  (empty)"));
		return;
	}
	w = width_wrap(text, (size_t)(cols > 8 ? cols - 4 : 4), &n);
	for (i = 0; i < n; i++) {
		char *line = xasprintf("  %s", w[i]);

		ly_add(ly, line);
		free(line);
	}
	width_lines_free(w);
}

static void
ly_clear(struct lastyear *ly)
{
	size_t i;

	for (i = 0; i < ly->nlines; i++)
		free(ly->lines[i]);
	free(ly->lines);
	ly->lines = NULL;
	ly->nlines = 0;
}

static void
ly_build(struct lastyear *ly, int cols)
{
	const struct rubric_node *item;
	const struct scorecard_entry *e;
	char *s;

	ly_clear(ly);
	ly->built_cols = cols;
	if (ly->prev_item < 0) {
		ly_add(ly, _("Last year's rubric has no item with this key."));
		return;
	}
	item = ly->prev->rubric->items[ly->prev_item];
	e = &ly->prev->entries[ly->prev_item];
	s = xasprintf("%s %s", item->key, item->title);
	ly_add(ly, s);
	free(s);
	if (!e->scored)
		s = xasprintf(_("Score: unscored (%d~%d)"), item->min,
		    item->max);
	else if (e->tier > 0)
		s = xasprintf(_("Score: %d (%d~%d)  Tier %d: %s"), e->score,
		    item->min, item->max, e->tier,
		    item->tiers[e->tier - 1].label);
	else
		s = xasprintf(_("Score: %d (%d~%d)"), e->score, item->min,
		    item->max);
	ly_add(ly, s);
	free(s);
	ly_add(ly, "");
	ly_add(ly, _("Record (紀錄事項):"));
	ly_add_wrapped(ly, e->record, cols);
	ly_add(ly, "");
	ly_add(ly, _("Rationale (評分說明):"));
	ly_add_wrapped(ly, e->rationale, cols);
}

static size_t
ly_count(struct tui *tui, struct tui_list *l)
{
	struct lastyear *ly = l->data;

	(void)tui;
	if (ly->built_cols != COLS)
		ly_build(ly, COLS);
	return ly->nlines;
}

static void
ly_draw_row(struct tui *tui, struct tui_list *l, size_t k, int y, attr_t a)
{
	struct lastyear *ly = l->data;

	(void)tui;
	tui_put(y, 1, COLS - 2, ly->lines[k], k == 0 ? a | A_BOLD : a);
}

static void
ly_draw_frame(struct tui *tui, struct tui_list *l)
{
	struct lastyear *ly = l->data;
	char *t = xasprintf(_("Last year · #%lld %s · %s · final"),
	    ly->prev->id, ly->prev->agency, ly->prev->date);

	tui_draw_title(tui, t);
	free(t);
}

static char *
ly_row_text(struct tui *tui, struct tui_list *l, size_t k)
{
	(void)tui;
	return xstrdup(((struct lastyear *)l->data)->lines[k]);
}

/* Replace this year's record, or add below it, when it has one. */
static void
ly_copy(struct tui *tui, struct lastyear *ly)
{
	struct scorecard_entry *mine = &ly->sc->entries[ly->item];
	const char *theirs;
	char *choices[2], *text, *cause = NULL;
	int pick = 0;

	if (ly->sc->status == SCORECARD_FINAL) {
		tui_message(tui, true, _("finalized: read-only"));
		return;
	}
	if (ly->prev_item < 0 ||
	    *(theirs = ly->prev->entries[ly->prev_item].record) == '\0') {
		tui_message(tui, false, _("last year's record is empty"));
		return;
	}
	if (*mine->record != '\0') {
		choices[0] = _("Replace this year's record");
		choices[1] = _("Add last year's below it");
		if ((pick = tui_menu(tui, _("This item has a record:"),
		    choices, 2, 1)) < 0)
			return;
	}
	text = pick == 0 ? xstrdup(theirs) : xasprintf("%s\n%s", mine->record,
	    theirs);
	if (text_check(text, TEXT_NOTE, _("the record"), &cause) != 0 ||
	    store_set_note(tui->st, ly->sc, ly->item, SCORECARD_RECORD, text,
	    &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
	} else {
		tui->saved = true;
		tui_message(tui, false, _("last year's record copied into %s:"
		    " saved"), ly->sc->rubric->items[ly->item]->key);
	}
	free(text);
}

static enum tui_req
ly_request(struct tui *tui, struct tui_list *l, enum tui_req req, int key)
{
	struct lastyear *ly = l->data;

	(void)key;
	switch (req) {
	case REQ_COPY_RECORD:
		ly_copy(tui, ly);
		return REQ_NONE;
	case REQ_COMPARE:
		tui_compare_ids(tui, ly->prev->id, ly->sc->id);
		return REQ_NONE;
	default:
		return req;
	}
}

static void
ly_close(struct tui *tui, struct tui_list *l)
{
	struct lastyear *ly = l->data;

	(void)tui;
	ly_clear(ly);
	scorecard_free(ly->prev);
	free(ly);
}

/* C copies a record there is, into a card that can change. */
static const enum tui_req *
ly_hidden(struct tui *tui, struct tui_list *l)
{
	static const enum tui_req hidden[] = { REQ_COPY_RECORD, REQ_NONE };
	const struct lastyear *ly = l->data;

	(void)tui;
	return ly->sc->status == SCORECARD_FINAL || ly->prev_item < 0 ||
	    *ly->prev->entries[ly->prev_item].record == '\0' ? hidden : NULL;
}

static const struct tui_list_ops lastyear_ops = {
	.name = "lastyear", .scope = TUI_SCOPE_LASTYEAR,
	.flags = TUI_LIST_PAGER, .head = 1, .foot = 1,
	.count = ly_count, .draw_row = ly_draw_row,
	.draw_frame = ly_draw_frame, .request = ly_request,
	.row_text = ly_row_text, .hidden = ly_hidden, .close = ly_close,
};

void
tui_lastyear_open(struct tui *tui, struct scorecard *sc, size_t item)
{
	struct lastyear *ly;
	struct scorecard *prev = NULL;
	long long id = 0;
	char *cause = NULL;

	if (store_previous_final(tui->st, sc, &id, &cause) != 0 ||
	    (id != 0 && store_load(tui->st, id, &prev, &cause) != 0)) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		return;
	}
	if (id == 0) {
		tui_message(tui, false, _("%s has no earlier final card on"
		    " rubric %s"), sc->agency, sc->rubric->id);
		return;
	}
	ly = xcalloc(1, sizeof *ly);
	ly->sc = sc;
	ly->item = item;
	ly->prev = prev;
	ly->prev_item = rubric_item_index(prev->rubric,
	    sc->rubric->items[item]->key);
	tui_list_open(tui, &lastyear_ops, ly);
}
