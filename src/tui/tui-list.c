/*
 * The list layer's driver (tui-list.h): selection, scrolling, paging,
 * first/last, find and back for every list, and the view that puts a
 * list on the screen stack with its hint line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/tui-list.h"
#include "xalloc.h"

static bool
list_pager(const struct tui_list *l)
{
	return (l->ops->flags & TUI_LIST_PAGER) != 0;
}

/* One line of context is kept when paging. */
static size_t
list_page(const struct tui_list *l)
{
	return l->lines > 1 ? (size_t)l->lines - 1 : 1;
}

/* The highest top that still fills the rows area. */
static size_t
list_last_top(const struct tui_list *l)
{
	size_t rows = l->lines > 0 ? (size_t)l->lines : 1;

	return l->n > rows ? l->n - rows : 0;
}

void
tui_list_init(struct tui_list *l, const struct tui_list_ops *ops, void *data)
{
	memset(l, 0, sizeof *l);
	l->found = (size_t)-1;
	l->ops = ops;
	l->data = data;
}

void
tui_list_free(struct tui_list *l)
{
	free(l->find);
	l->find = NULL;
}

void
tui_list_select(struct tui_list *l, size_t k)
{
	l->sel = k;
	if (list_pager(l))
		l->top = k;
}

void
tui_list_settle(struct tui *tui, struct tui_list *l)
{
	size_t rows = l->lines > 0 ? (size_t)l->lines : 1;

	l->n = l->ops->count(tui, l);
	if (list_pager(l)) {
		if (l->top > list_last_top(l))
			l->top = list_last_top(l);
		l->sel = l->top;
		return;
	}
	if (l->sel >= l->n)
		l->sel = l->n > 0 ? l->n - 1 : 0;
	if (l->top > list_last_top(l))
		l->top = list_last_top(l);
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
}

void
tui_list_draw(struct tui *tui, struct tui_list *l)
{
	attr_t a;
	size_t k;
	int i;

	for (i = 0; i < l->lines; i++) {
		k = l->top + (size_t)i;
		if (k >= l->n)
			break;
		/* A pager shows the row it found the way a list shows its
		 * selection. */
		a = (!list_pager(l) && k == l->sel) || (list_pager(l) &&
		    l->find != NULL && k == l->found) ?
		    tui_attr(tui, TUI_ROLE_SELECT) : A_NORMAL;
		tui_fill(l->y + i, l->x, l->cols, a);
		l->ops->draw_row(tui, l, k, l->y + i, a);
	}
}

static void
list_move(struct tui_list *l, enum tui_req req)
{
	size_t page = list_page(l), last = l->n > 0 ? l->n - 1 : 0;

	if (list_pager(l)) {
		/* A pager's position is its top line: "last" is the last page. */
		last = list_last_top(l);
		l->sel = l->top;
	}
	switch (req) {
	case REQ_DOWN:
		l->sel += l->sel < last;
		break;
	case REQ_UP:
		l->sel -= l->sel > 0;
		break;
	case REQ_PAGE_DOWN:
		l->sel = l->sel + page < last ? l->sel + page : last;
		if (!list_pager(l))	/* the page turns with the selection */
			l->top += page;
		break;
	case REQ_PAGE_UP:
		l->sel = l->sel > page ? l->sel - page : 0;
		l->top = l->top > page ? l->top - page : 0;
		break;
	case REQ_FIRST:
		l->sel = 0;
		break;
	case REQ_LAST:
		l->sel = last;
		break;
	default:
		return;
	}
	if (list_pager(l))
		l->top = l->sel;
}

static bool
list_matches(struct tui *tui, struct tui_list *l, size_t k)
{
	char *text = l->ops->row_text(tui, l, k);
	bool hit = text != NULL && strcasestr(text, l->find) != NULL;

	free(text);
	return hit;
}

/*
 * Look for l->find from the row after (or before) the last one found. A
 * pager starts from the row found last, not from its top: the last page
 * cannot scroll down to a row, so its top would find the same row again.
 */
static void
list_find_from(struct tui *tui, struct tui_list *l, bool forward)
{
	size_t from, i, k;

	if (l->find == NULL || l->n == 0) {
		tui_message(tui, false, _("nothing to find: / finds a text"));
		return;
	}
	from = list_pager(l) && l->found < l->n ? l->found : l->sel;
	for (i = 1; i <= l->n; i++) {
		k = forward ? (from + i) % l->n : (from + l->n - i) % l->n;
		if (list_matches(tui, l, k)) {
			tui_list_select(l, k);
			l->found = k;
			return;
		}
	}
	tui_message(tui, true, _("not found: %s"), l->find);
}

static void
list_find(struct tui *tui, struct tui_list *l)
{
	char *answer = NULL;

	if (tui_prompt(tui, _("Find:"), l->find != NULL ? l->find : "",
	    &answer) != 0)
		return;
	if (*answer == '\0') {
		free(answer);
		return;
	}
	free(l->find);
	l->find = answer;
	/* In a pager the top line shown may be the one. */
	if (list_pager(l) && list_matches(tui, l, l->top)) {
		l->found = l->top;
		return;
	}
	list_find_from(tui, l, true);
}

bool
tui_list_request(struct tui *tui, struct tui_list *l, enum tui_req req)
{
	l->n = l->ops->count(tui, l);
	switch (req) {
	case REQ_DOWN:
	case REQ_UP:
	case REQ_PAGE_DOWN:
	case REQ_PAGE_UP:
	case REQ_FIRST:
	case REQ_LAST:
		list_move(l, req);
		return true;
	case REQ_FIND:
		if (l->ops->row_text == NULL)
			return false;
		list_find(tui, l);
		return true;
	case REQ_FIND_NEXT:
	case REQ_FIND_PREV:
		if (l->ops->row_text == NULL)
			return false;
		list_find_from(tui, l, req == REQ_FIND_NEXT);
		return true;
	default:
		return false;
	}
}

/* The view that puts a list on the screen stack. */

static void
list_layout(struct tui_list *l)
{
	l->y = l->ops->head;
	l->x = 0;
	l->cols = COLS;
	l->lines = LINES - l->ops->head - l->ops->foot;
	if (l->lines < 1)
		l->lines = 1;
}

static void
list_view_draw(struct tui *tui, struct tui_view *v)
{
	struct tui_list *l = v->data;

	list_layout(l);
	tui_list_settle(tui, l);
	if (l->ops->draw_frame != NULL)
		l->ops->draw_frame(tui, l);
	else if (l->ops->title != NULL)
		tui_draw_title(tui, _(l->ops->title));
	tui_list_draw(tui, l);
	tui_draw_hints(tui, v->ops->scope, l->ops->hidden != NULL ?
	    l->ops->hidden(tui, l) : NULL);
}

static void
list_view_key(struct tui *tui, struct tui_view *v, int key, enum tui_req req)
{
	struct tui_list *l = v->data;

	list_layout(l);
	tui_list_settle(tui, l);
	if (l->ops->request != NULL)
		req = l->ops->request(tui, l, req, key);
	if (req == REQ_NONE || tui_list_top(tui) != l)
		return;		/* used, or the screen has gone */
	if (req == REQ_BACK)
		tui_pop(tui);
	else
		tui_list_request(tui, l, req);
}

static void
list_view_resume(struct tui *tui, struct tui_view *v)
{
	struct tui_list *l = v->data;

	if (l->ops->resume != NULL)
		l->ops->resume(tui, l);
}

static void
list_view_close(struct tui *tui, struct tui_view *v)
{
	struct tui_list *l = v->data;

	l->ops->close(tui, l);
	tui_list_free(l);
	free(l);
}

/*
 * One tui_view_ops per list screen, so that each view keeps its own scope
 * (the key table, the help screen's first section). TUI_MAX_VIEWS bounds
 * the stack, and no two lists of one kind are open at once but through
 * the same ops, so a small table of them is enough.
 */
#define LIST_KINDS	16

static struct {
	const struct tui_list_ops	*ops;
	struct tui_view_ops		 view;
} list_kinds[LIST_KINDS];

static const struct tui_view_ops *
list_view_ops(const struct tui_list_ops *ops)
{
	size_t i;

	for (i = 0; i < LIST_KINDS && list_kinds[i].ops != NULL; i++)
		if (list_kinds[i].ops == ops)
			return &list_kinds[i].view;
	if (i == LIST_KINDS)
		abort();	/* more kinds of list than screens: a bug */
	list_kinds[i].ops = ops;
	list_kinds[i].view = (struct tui_view_ops){
		ops->name, ops->scope | TUI_SCOPE_LIST, list_view_draw,
		list_view_key, NULL, NULL, list_view_resume, list_view_close,
	};
	return &list_kinds[i].view;
}

static struct tui_list *
list_new(const struct tui_list_ops *ops, void *data)
{
	struct tui_list *l = xmalloc(sizeof *l);

	tui_list_init(l, ops, data);
	return l;
}

struct tui_list *
tui_list_open(struct tui *tui, const struct tui_list_ops *ops, void *data)
{
	tui_push(tui, list_view_ops(ops), list_new(ops, data));
	return tui_list_top(tui) != NULL && tui_list_top(tui)->data == data ?
	    tui_list_top(tui) : NULL;
}

struct tui_list *
tui_list_replace(struct tui *tui, const struct tui_list_ops *ops, void *data)
{
	tui_replace(tui, list_view_ops(ops), list_new(ops, data));
	return tui_list_top(tui) != NULL && tui_list_top(tui)->data == data ?
	    tui_list_top(tui) : NULL;
}

struct tui_list *
tui_list_top(struct tui *tui)
{
	struct tui_view *v = tui_top(tui);

	if (v == NULL || v->ops->draw != list_view_draw)
		return NULL;
	return v->data;
}
