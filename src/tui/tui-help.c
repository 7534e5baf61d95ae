/*
 * The help screen: every key, read from the key table (tui-keys.c), the
 * section of the screen it was asked from first.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/tui-list.h"
#include "width.h"
#include "xalloc.h"

#define HELP_KEY_COLS	18
#define HELP_TEXT_X	(3 + HELP_KEY_COLS + 1)

/* The text column: wrapped to the width it is drawn in, or CJK is cut. */
static int
help_text_cols(int cols)
{
	return cols - HELP_TEXT_X - 1;
}

struct help_line {
	char	*key;		/* NULL on a heading and a continuation */
	char	*text;
	bool	 heading;
};

struct help {
	struct help_line	*lines;
	size_t			 n;
	size_t			 cap;
	int			 built_cols;
	unsigned		 scope;		/* the asking screen's */
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
	size_t i, k, nw, before = h->n;

	help_add(h, NULL, xstrdup(_(sn->name)), true);
	for (i = 0; i < tui_nbindings; i++) {
		b = &tui_bindings[i];
		if ((b->scopes & sn->scope) == 0 || b->help == NULL)
			continue;
		wrapped = width_wrap(_(b->help), (size_t)help_text_cols(cols),
		    &nw);
		for (k = 0; k < nw; k++)
			help_add(h, k == 0 ? tui_keys_label(b) : NULL,
			    xstrdup(wrapped[k]), false);
		width_lines_free(wrapped);
	}
	if (h->n == before + 1) {	/* a screen with list keys only */
		free(h->lines[--h->n].text);
		return;
	}
	help_add(h, NULL, xstrdup(""), false);
}

/* Lay out for the current width: the asking screen's own keys first,
 * then the list's when it is a list, then the others. */
static void
help_build(struct help *h)
{
	const unsigned order[3] = { h->scope & ~(unsigned)TUI_SCOPE_LIST,
	    h->scope & TUI_SCOPE_LIST, ~h->scope };
	size_t i, p;

	help_clear(h);
	for (p = 0; p < 3; p++)
		for (i = 0; i < tui_nscope_names; i++)
			if ((tui_scope_names[i].scope & order[p]) != 0)
				help_add_scope(h, &tui_scope_names[i], COLS);
	h->built_cols = COLS;
}

static size_t
help_count(struct tui *tui, struct tui_list *l)
{
	struct help *h = l->data;

	(void)tui;
	if (h->built_cols != COLS)
		help_build(h);
	return h->n;
}

static void
help_draw_row(struct tui *tui, struct tui_list *l, size_t k, int y, attr_t a)
{
	const struct help_line *line = &((struct help *)l->data)->lines[k];

	if (line->heading) {
		tui_put(y, 1, COLS - 2, line->text, a | tui_attr(tui,
		    TUI_ROLE_TITLE));
		return;
	}
	if (line->key != NULL)
		tui_put(y, 3, HELP_KEY_COLS, line->key, a | A_BOLD);
	tui_put(y, HELP_TEXT_X, help_text_cols(COLS), line->text, a);
}

static char *
help_row_text(struct tui *tui, struct tui_list *l, size_t k)
{
	const struct help_line *line = &((struct help *)l->data)->lines[k];

	(void)tui;
	return xasprintf("%s %s", line->key != NULL ? line->key : "",
	    line->text);
}

static void
help_close(struct tui *tui, struct tui_list *l)
{
	struct help *h = l->data;

	(void)tui;
	help_clear(h);
	free(h->lines);
	free(h);
}

/* ? on the help screen does nothing more: its hint is not offered. */
static const enum tui_req *
help_hidden(struct tui *tui, struct tui_list *l)
{
	static const enum tui_req hidden[] = { REQ_HELP, REQ_NONE };

	(void)tui;
	(void)l;
	return hidden;
}

static const struct tui_list_ops help_ops = {
	.name = "help", .title = N_("Keys · kaohe"), .scope = TUI_SCOPE_HELP,
	.flags = TUI_LIST_PAGER, .head = 1, .foot = 1,
	.count = help_count, .draw_row = help_draw_row,
	.row_text = help_row_text, .hidden = help_hidden,
	.close = help_close,
};

void
tui_help_open(struct tui *tui, unsigned scope)
{
	struct tui_list *top = tui_list_top(tui);
	struct help *h;

	/* ? on the help screen itself does nothing more. */
	if (top != NULL && top->ops == &help_ops)
		return;
	h = xcalloc(1, sizeof *h);
	h->scope = scope;
	tui_list_open(tui, &help_ops, h);
}
