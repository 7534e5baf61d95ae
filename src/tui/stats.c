/*
 * The stats screen: the very report `kaohe stats` prints (stats-report.c),
 * bar charts and all, to scroll through. It is built once when the screen
 * opens: SQLite sums 100,000 scorecards in well under a second.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "stats.h"
#include "tui/review.h"
#include "width.h"
#include "xalloc.h"

struct stats_view {
	char		**lines;
	size_t		 n;
	size_t		 top;
	char		*title;
};

static int
stats_visible(void)
{
	return LINES - 2;
}

static void
stats_split(struct stats_view *v, char *text, size_t len)
{
	char *p = text, *end = text + len, *nl;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		v->lines = xreallocarray(v->lines, v->n + 1, sizeof *v->lines);
		v->lines[v->n++] = xstrndup(p, (size_t)(nl - p));
		p = nl + 1;
	}
}

static char *
stats_title(const struct store_query *q)
{
	char *s = xstrdup(_("Stats · kaohe")), *t;

	if (q->agency != NULL) {
		t = xasprintf("%s · %s", s, q->agency);
		free(s);
		s = t;
	}
	if (q->year > 0) {
		t = xasprintf("%s · %d", s, q->year);
		free(s);
		s = t;
	}
	if (q->status >= 0) {
		t = xasprintf("%s · %s", s, q->status == SCORECARD_FINAL ?
		    _("final") : _("draft"));
		free(s);
		s = t;
	}
	return s;
}

static void
stats_draw(struct tui *tui, struct tui_view *view)
{
	struct stats_view *v = view->data;
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR);
	const char *l;
	int i;

	tui_fill(0, 0, COLS, bar);
	tui_put(0, 1, COLS - 2, v->title, bar);
	for (i = 0; i < stats_visible() && v->top + (size_t)i < v->n; i++) {
		l = v->lines[v->top + (size_t)i];
		/* Headings are the lines that do not start with a label. */
		tui_put(1 + i, 1, COLS - 2, l, *l != ' ' && strstr(l, "  ") ==
		    NULL ? tui_attr(tui, TUI_ROLE_TITLE) : A_NORMAL);
	}
	tui_draw_bottom(tui, _("j/k scroll · Space/PgDn page · q back"));
}

static void
stats_key(struct tui *tui, struct tui_view *view, int key, enum tui_req req)
{
	struct stats_view *v = view->data;
	size_t page = (size_t)(stats_visible() > 1 ? stats_visible() - 1 : 1);
	size_t last = v->n > (size_t)stats_visible() ?
	    v->n - (size_t)stats_visible() : 0;

	(void)key;
	switch (req) {
	case REQ_BACK:
		tui_pop(tui);
		return;
	default:
		tui_scroll(&v->top, last, page, req);
		break;
	}
}

static void
stats_close(struct tui *tui, struct tui_view *view)
{
	struct stats_view *v = view->data;
	size_t i;

	(void)tui;
	for (i = 0; i < v->n; i++)
		free(v->lines[i]);
	free(v->lines);
	free(v->title);
	free(v);
}

static const struct tui_view_ops stats_ops = {
	"stats", TUI_SCOPE_HELP, stats_draw, stats_key, NULL, NULL, NULL,
	stats_close,
};

void
tui_stats_open(struct tui *tui, const struct store_query *q)
{
	struct stats_view *v;
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc;

	if (f == NULL) {
		tui_message(tui, true, _("cannot make the stats: out of"
		    " memory"));
		return;
	}
	rc = stats_report(f, tui->st, q, STATS_TEXT, !stats_locale_utf8(),
	    &cause);
	fclose(f);
	if (rc != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		free(text);
		return;
	}
	v = xcalloc(1, sizeof *v);
	v->title = stats_title(q);
	stats_split(v, text, len);
	free(text);
	tui_push(tui, &stats_ops, v);
}
