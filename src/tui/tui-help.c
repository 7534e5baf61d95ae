/*
 * The help screen: every key, read from the key table (tui-keys.c), the
 * section of the screen it was asked from first.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/tui-int.h"
#include "width.h"
#include "xalloc.h"

#define HELP_KEY_COLS	18

struct help_line {
	char	*key;		/* NULL on a heading and a continuation */
	char	*text;
	bool	 heading;
};

struct help {
	struct help_line	*lines;
	size_t			 n;
	size_t			 cap;
	size_t			 top;
	int			 built_cols;
	unsigned		 first_scope;
};

static void
help_add(struct help *h, char *key, char *text, bool heading)
{
	if (h->n == h->cap) {
		h->cap = h->cap > 0 ? h->cap * 2 : 64;
		h->lines = xreallocarray(h->lines, h->cap, sizeof *h->lines);
	}
	h->lines[h->n].key = key;
	h->lines[h->n].text = text;
	h->lines[h->n].heading = heading;
	h->n++;
}

static void
help_clear(struct help *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->lines[i].key);
		free(h->lines[i].text);
	}
	h->n = 0;
}

static void
help_add_scope(struct help *h, const struct tui_scope_name *sn, int cols)
{
	const struct tui_binding *b;
	char **wrapped;
	size_t i, k, nw;

	help_add(h, NULL, xstrdup(_(sn->name)), true);
	for (i = 0; i < tui_nbindings; i++) {
		b = &tui_bindings[i];
		if ((b->scopes & sn->scope) == 0 || b->help == NULL)
			continue;
		wrapped = width_wrap(_(b->help), (size_t)(cols - HELP_KEY_COLS
		    - 4), &nw);
		for (k = 0; k < nw; k++)
			help_add(h, k == 0 ? tui_keys_label(b) : NULL,
			    xstrdup(wrapped[k]), false);
		width_lines_free(wrapped);
	}
	help_add(h, NULL, xstrdup(""), false);
}

/* Lay out for the current width: the asking screen's keys first. */
static void
help_build(struct help *h)
{
	size_t i;

	help_clear(h);
	for (i = 0; i < tui_nscope_names; i++)
		if (tui_scope_names[i].scope == h->first_scope)
			help_add_scope(h, &tui_scope_names[i], COLS);
	for (i = 0; i < tui_nscope_names; i++)
		if (tui_scope_names[i].scope != h->first_scope)
			help_add_scope(h, &tui_scope_names[i], COLS);
	h->built_cols = COLS;
	if (h->top >= h->n)
		h->top = 0;
}

static void
help_draw(struct tui *tui, struct tui_view *v)
{
	struct help *h = v->data;
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR);
	int rows = LINES - 3, i;
	const struct help_line *l;

	if (h->built_cols != COLS)
		help_build(h);
	tui_fill(0, 0, COLS, bar);
	tui_put(0, 1, COLS - 2, _("Keys · kaohe"), bar);
	for (i = 0; i < rows && h->top + (size_t)i < h->n; i++) {
		l = &h->lines[h->top + (size_t)i];
		if (l->heading)
			tui_put(1 + i, 1, COLS - 2, l->text, tui_attr(tui,
			    TUI_ROLE_TITLE));
		else {
			if (l->key != NULL)
				tui_put(1 + i, 3, HELP_KEY_COLS, l->key, A_BOLD);
			tui_put(1 + i, 3 + HELP_KEY_COLS + 1,
			    COLS - HELP_KEY_COLS - 5, l->text, A_NORMAL);
		}
	}
	tui_draw_bottom(tui, _("j/k scroll · Space/PgDn page · q back"));
}

static void
help_key(struct tui *tui, struct tui_view *v, int key, enum tui_req req)
{
	struct help *h = v->data;
	size_t page = (size_t)(LINES - 4), last = h->n > 0 ? h->n - 1 : 0;

	(void)key;
	switch (req) {
	case REQ_BACK:
		tui_pop(tui);
		break;
	default:
		tui_scroll(&h->top, last, page, req);
		break;
	}
}

static void
help_close(struct tui *tui, struct tui_view *v)
{
	struct help *h = v->data;

	(void)tui;
	help_clear(h);
	free(h->lines);
	free(h);
}

static const struct tui_view_ops help_ops = {
	"help", TUI_SCOPE_HELP, help_draw, help_key, NULL, NULL, NULL,
	help_close,
};

void
tui_help_open(struct tui *tui, unsigned scope)
{
	struct help *h = xcalloc(1, sizeof *h);
	struct tui_view *top = tui_top(tui);

	/* ? on the help screen itself does nothing more. */
	if (top != NULL && top->ops == &help_ops) {
		free(h);
		return;
	}
	h->first_scope = scope;
	tui_push(tui, &help_ops, h);
}
