/*
 * The compare screen: two scorecards side by side, matched by item key
 * (compare.c), every row with both scores and B - A. A gain is drawn in
 * the OK role and a loss in the error role, so that without colour they
 * still stand out (bold, reverse); the sign is always printed too.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "compare.h"
#include "i18n.h"
#include "tui/tui-list.h"
#include "width.h"
#include "xalloc.h"

#define CMP_SCORE_COLS	10
#define CMP_DIFF_COLS	7
#define CMP_HEAD_LINES	4	/* bar, A, B, column titles */

struct cmp_view {
	struct scorecard	*a;
	struct scorecard	*b;
	struct compare		*c;
	size_t			 nlines;	/* rows, the total, unmatched */
};

static void
cmp_draw_card(struct tui *tui, int y, const char *label,
    const struct scorecard *sc)
{
	struct scorecard_sum t = scorecard_total(sc);
	char *line;

	line = xasprintf("%s  #%lld  %s  %s  %s %s  %s  %d/%d", label, sc->id,
	    sc->agency, sc->date, _("rubric"), sc->rubric->id,
	    sc->status == SCORECARD_FINAL ? _("final") : _("draft"), t.score,
	    t.max);
	tui_put(y, 1, COLS - 2, line, tui_attr(tui, TUI_ROLE_TITLE));
	free(line);
}

/* One row: the indented name, A, B, and B - A in its role. */
static void
cmp_draw_line(struct tui *tui, int y, int depth, const char *number,
    const char *title, const struct compare_side *a,
    const struct compare_side *b, bool section)
{
	int right = COLS - 1, namecols;
	char ca[32], cb[32], cd[32], *name;
	attr_t attr = section ? A_BOLD : A_NORMAL;
	int diff = b->score - a->score;

	namecols = right - 2 * (CMP_SCORE_COLS + 1) - CMP_DIFF_COLS - 2;
	name = xasprintf("%*s%s%s%s", depth > 0 ? (depth - 1) * 2 : 0, "",
	    number, *number != '\0' ? " " : "", title);
	tui_put(y, 1, namecols, name, attr);
	free(name);
	compare_side_text(a, ca, sizeof ca);
	compare_side_text(b, cb, sizeof cb);
	tui_put_right(y, right - CMP_DIFF_COLS - CMP_SCORE_COLS - 2, ca, attr);
	tui_put_right(y, right - CMP_DIFF_COLS - 1, cb, attr);
	if (!a->scored || !b->scored)
		return;
	snprintf(cd, sizeof cd, diff > 0 ? "+%d" : "%d", diff);
	tui_put_right(y, right, cd, diff > 0 ? tui_attr(tui, TUI_ROLE_OK) :
	    diff < 0 ? tui_attr(tui, TUI_ROLE_ERROR) : A_NORMAL);
}

static char *
cmp_keys(const char *label, const char **keys, size_t n)
{
	char *s = xstrdup(label), *t;
	size_t i;

	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s%s", s, i > 0 ? ", " : " ", keys[i]);
		free(s);
		s = t;
	}
	return s;
}

static size_t
cmp_count(struct tui *tui, struct tui_list *l)
{
	(void)tui;
	return ((struct cmp_view *)l->data)->nlines;
}

/* Line k of the body: a row, the total, or an unmatched list. */
static void
cmp_draw_row(struct tui *tui, struct tui_list *l, size_t k, int y, attr_t a)
{
	const struct compare *c = ((struct cmp_view *)l->data)->c;
	const struct compare_row *r;
	char *s;

	(void)a;
	if (k < c->nrows) {
		r = &c->rows[k];
		cmp_draw_line(tui, y, r->depth, r->number, r->title, &r->a,
		    &r->b, r->section);
		return;
	}
	k -= c->nrows;
	if (k == 0) {
		cmp_draw_line(tui, y, 0, "", _("TOTAL"), &c->total_a,
		    &c->total_b, true);
		return;
	}
	s = k == 1 ? cmp_keys(_("only in A:"), c->only_a, c->nonly_a) :
	    cmp_keys(_("only in B:"), c->only_b, c->nonly_b);
	tui_put(y, 1, COLS - 2, s, tui_attr(tui, TUI_ROLE_DIM));
	free(s);
}

static char *
cmp_row_text(struct tui *tui, struct tui_list *l, size_t k)
{
	const struct compare *c = ((struct cmp_view *)l->data)->c;

	(void)tui;
	if (k < c->nrows)
		return xasprintf("%s %s %s", c->rows[k].key,
		    c->rows[k].number, c->rows[k].title);
	return k == c->nrows ? xstrdup(_("TOTAL")) : NULL;
}

static void
cmp_draw_frame(struct tui *tui, struct tui_list *l)
{
	struct cmp_view *v = l->data;
	attr_t dim = tui_attr(tui, TUI_ROLE_DIM);
	int right = COLS - 1;

	tui_draw_title(tui, _("Compare · B - A · kaohe"));
	cmp_draw_card(tui, 1, "A", v->a);
	cmp_draw_card(tui, 2, "B", v->b);
	tui_put(3, 1, right - 2 * (CMP_SCORE_COLS + 1) - CMP_DIFF_COLS - 2,
	    _("ITEM (* a partial sum: items unscored)"), dim);
	tui_put_right(3, right - CMP_DIFF_COLS - CMP_SCORE_COLS - 2, "A", dim);
	tui_put_right(3, right - CMP_DIFF_COLS - 1, "B", dim);
	tui_put_right(3, right, "B-A", dim);
}

static void
cmp_close(struct tui *tui, struct tui_list *l)
{
	struct cmp_view *v = l->data;

	(void)tui;
	compare_free(v->c);
	scorecard_free(v->a);
	scorecard_free(v->b);
	free(v);
}

static const struct tui_list_ops cmp_ops = {
	.name = "compare", .scope = TUI_SCOPE_COMPARE, .flags = TUI_LIST_PAGER,
	.head = CMP_HEAD_LINES, .foot = 1,
	.count = cmp_count, .draw_row = cmp_draw_row,
	.draw_frame = cmp_draw_frame, .row_text = cmp_row_text,
	.close = cmp_close,
};

void
tui_compare_open(struct tui *tui, struct scorecard *a, struct scorecard *b)
{
	struct cmp_view *v = xcalloc(1, sizeof *v);

	v->a = a;
	v->b = b;
	v->c = compare_new(a, b);
	v->nlines = v->c->nrows + 1 + (v->c->nonly_a > 0 ||
	    v->c->nonly_b > 0 ? 2 : 0);
	tui_list_open(tui, &cmp_ops, v);
}

void
tui_compare_ids(struct tui *tui, long long ia, long long ib)
{
	struct scorecard *a = NULL, *b = NULL;
	char *cause = NULL;

	if (store_load(tui->st, ia, &a, &cause) != 0 ||
	    store_load(tui->st, ib, &b, &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		scorecard_free(a);
		return;
	}
	tui_compare_open(tui, a, b);
}
