/*
 * The walk: one item at a time. The breadcrumb with subtotals, the item's
 * title and range, its guidance (scrollable), its tiers, the score field,
 * the record and the rationale; a status bar with the running total and
 * progress. A score is committed (store_set_score) before "saved ✓".
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "team.h"
#include "tui/tui-evidence.h"
#include "tui/tui-int.h"
#include "width.h"
#include "xalloc.h"

#define WALK_INPUT_MAX	6	/* digits: no range in a rubric is wider */

struct walk {
	struct scorecard	*sc;
	size_t			 item;
	int			 pending_tier;	/* chosen before a score, 1-based */
	char			 input[WALK_INPUT_MAX + 1];
	size_t			 ninput;
	bool			 refused;	/* input was refused: a digit replaces it */
	int			 scroll;	/* guidance lines scrolled off */
	int			 guide_rows;	/* as last drawn */
	char			*tampered;	/* what verify found, or NULL */
	char			*stale;		/* a team card: whose card changed */
	struct tui_evpane	*ev;		/* the evidence pane (v) */
};

static const struct tui_view_ops walk_ops, walk_team_ops;

/* What a final scorecard's hint line leaves out: it cannot change. */
static const enum tui_req walk_readonly_hidden[] = {
	REQ_SCORE, REQ_TIER, REQ_NEXT_UNSCORED, REQ_FINALIZE, REQ_REBUILD,
	REQ_NONE,
};

#define WALK_MAX_HIDDEN	4

/* A card that fails verification is shown, never changed. */
static bool
walk_readonly(const struct walk *w)
{
	return w->sc->status == SCORECARD_FINAL || w->tampered != NULL;
}

/* Why it cannot change, in the words the note screen repeats. */
static const char *
walk_readonly_why(const struct walk *w)
{
	return w->tampered != NULL ? _("failed verification: read-only") :
	    _("finalized: read-only");
}

/* Seals and the audit chain: what changed behind kaohe's back, if anything. */
static void
walk_verify(struct tui *tui, struct walk *w)
{
	char *problem = NULL, *cause = NULL;

	free(w->tampered);
	w->tampered = NULL;
	if (store_verify_loaded(tui->st, w->sc, &problem, &cause) != 0)
		problem = cause;
	w->tampered = problem;
}

static const struct rubric_node *
walk_node(const struct walk *w)
{
	return w->sc->rubric->items[w->item];
}

static const struct scorecard_entry *
walk_entry(const struct walk *w)
{
	return &w->sc->entries[w->item];
}

/* The tier shown as chosen: the one being chosen, else the recorded one. */
static int
walk_tier(const struct walk *w)
{
	if (w->pending_tier > 0)
		return w->pending_tier;
	return walk_entry(w)->scored ? walk_entry(w)->tier : 0;
}

/* Ancestors shown in the breadcrumb, outermost first; returns how many. */
static size_t
walk_ancestors(const struct rubric_node *item,
    const struct rubric_node **out, size_t max)
{
	const struct rubric_node *p, *all[RUBRIC_MAX_DEPTH + 2];
	size_t n = 0, i, k = 0;

	for (p = item->parent; p != NULL && p->depth >= 1 &&
	    n < RUBRIC_MAX_DEPTH + 2; p = p->parent)
		all[n++] = p;
	/* The dimension (個別評核構面) says little; keep it only when alone. */
	for (i = n; i > 0; i--) {
		if (all[i - 1]->depth == 1 && n > 1)
			continue;
		if (k < max)
			out[k++] = all[i - 1];
	}
	return k;
}

static void
walk_draw_header(struct tui *tui, struct walk *w, int cols)
{
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR);
	char *left, *right, *agency;
	int room;

	tui_fill(0, 0, cols, bar);
	right = w->sc->status == SCORECARD_FINAL ?
	    xasprintf(_("#%lld final: read-only "), w->sc->id) :
	    walk_readonly(w) ? xasprintf(_("#%lld draft: read-only "),
	    w->sc->id) : w->stale != NULL ?
	    xasprintf(_("#%lld draft, stale: B rebuilds "), w->sc->id) :
	    xasprintf(_("#%lld draft "), w->sc->id);
	/* A long agency is cut; the date and the rubric id stay. */
	left = xasprintf(" kaohe ·  · %s · %s", w->sc->date, w->sc->rubric->id);
	room = cols - (int)width_of(right) - 1 - (int)width_of(left);
	free(left);
	agency = tui_cut(w->sc->agency, room);
	left = xasprintf(" kaohe · %s · %s · %s", agency, w->sc->date,
	    w->sc->rubric->id);
	free(agency);
	tui_put(0, 0, cols - (int)width_of(right) - 1, left, bar);
	tui_put_right(0, cols, right, bar);
	free(left);
	free(right);
}

static void
walk_draw_breadcrumb(struct tui *tui, struct walk *w, int cols)
{
	const struct rubric_node *anc[RUBRIC_MAX_DEPTH + 2];
	const struct rubric_node *item = walk_node(w);
	struct scorecard_sum sum;
	size_t n = walk_ancestors(item, anc, RUBRIC_MAX_DEPTH + 2), i;
	int x = 1;
	char *name, *sub;

	/* The warning takes the breadcrumb's row: it must not be missed. */
	if (w->tampered != NULL) {
		name = xasprintf(_("TAMPERED: %s"), w->tampered);
		sub = width_sanitize(name);
		tui_put(1, 1, cols - 2, sub, tui_attr(tui, TUI_ROLE_ERROR) |
		    A_BOLD);
		free(sub);
		free(name);
		return;
	}
	for (i = 0; i < n && x < cols - 1; i++) {
		name = rubric_node_label(anc[i]);
		sum = scorecard_sum(w->sc, anc[i]);
		sub = xasprintf(" %d/%d", sum.score, sum.max);
		x += tui_put(1, x, cols - 1 - x, name, A_BOLD);
		x += tui_put(1, x, cols - 1 - x, sub,
		    tui_attr(tui, TUI_ROLE_DIM));
		x += tui_put(1, x, cols - 1 - x, " › ", A_NORMAL);
		free(name);
		free(sub);
	}
	tui_put(1, x, cols - 1 - x, *item->number != '\0' ? item->number :
	    item->key, A_BOLD);
}

static void
walk_draw_title(struct tui *tui, struct walk *w, int cols)
{
	const struct rubric_node *item = walk_node(w);
	int tier = walk_tier(w), x = 1;
	char *range = tui_range(item->min, item->max), *narrow, *name;

	name = rubric_node_label(item);
	x += tui_put(2, x, cols - 24, name, tui_attr(tui, TUI_ROLE_TITLE));
	free(name);
	x += tui_put(2, x + 2, cols - x - 3, range, A_BOLD) + 2;
	if (tier > 0 && (size_t)tier <= item->ntiers) {
		narrow = xasprintf(_("  tier %d: %d~%d"), tier,
		    item->tiers[tier - 1].min, item->tiers[tier - 1].max);
		tui_put(2, x, cols - x - 1, narrow, tui_attr(tui,
		    TUI_ROLE_CHOSEN));
		free(narrow);
	}
	free(range);
}

/*
 * The item's guidance, then its sections' (what the form prints above
 * the items), each named: most items of the 110 form have none of their
 * own. Caller frees.
 */
static char *
walk_guidance(const struct rubric_node *item)
{
	const struct rubric_node *p;
	char *g = xstrdup(item->guidance != NULL ? item->guidance : ""), *t;
	char *name;

	for (p = item->parent; p != NULL && p->depth >= 1; p = p->parent) {
		if (p->guidance == NULL || *p->guidance == '\0')
			continue;
		name = rubric_node_label(p);
		t = xasprintf("%s%s%s: %s", g, *g != '\0' ? "\n" : "", name,
		    p->guidance);
		free(name);
		free(g);
		g = t;
	}
	return g;
}

static void
walk_draw_guidance(struct tui *tui, struct walk *w, int top, int rows,
    int cols)
{
	char **lines, *clean, *g;
	size_t n, i;
	char *more;

	w->guide_rows = rows;
	if (rows <= 0)
		return;
	g = walk_guidance(walk_node(w));
	if (*g == '\0') {
		tui_put(top, 2, cols - 4, _("(no guidance in the rubric)"),
		    tui_attr(tui, TUI_ROLE_DIM));
		free(g);
		return;
	}
	clean = width_sanitize(g);
	free(g);
	lines = width_wrap(clean, (size_t)cols - 4, &n);
	free(clean);
	if (w->scroll > (int)n - rows)
		w->scroll = (int)n - rows;
	if (w->scroll < 0)
		w->scroll = 0;
	for (i = 0; i < (size_t)rows && (size_t)w->scroll + i < n; i++)
		tui_put(top + (int)i, 2, cols - 4, lines[(size_t)w->scroll + i],
		    A_NORMAL);
	if ((size_t)w->scroll + (size_t)rows < n || w->scroll > 0) {
		more = xasprintf(_("lines %d-%zu of %zu, PgDn/PgUp"),
		    w->scroll + 1, (size_t)w->scroll + i, n);
		tui_put_right(top + rows, cols - 1, more,
		    tui_attr(tui, TUI_ROLE_DIM));
		free(more);
	}
	width_lines_free(lines);
}

#define WALK_TIER_TEXT_X	9
#define WALK_MIN_GUIDANCE	3

/* The tiers' labels: between the mark and the range. */
static int
walk_tier_cols(int cols)
{
	return cols - WALK_TIER_TEXT_X - 16;
}

/* Rows the tiers take: wrapped in full when the guidance keeps room. */
static int
walk_tier_rows(const struct rubric_node *item, int room, int cols,
    bool *wrap)
{
	size_t i, n, full = 0;
	char **lines;

	for (i = 0; i < item->ntiers; i++) {
		lines = width_wrap(item->tiers[i].label,
		    (size_t)walk_tier_cols(cols), &n);
		full += n > 0 ? n : 1;
		width_lines_free(lines);
	}
	*wrap = (int)full <= room - WALK_MIN_GUIDANCE;
	return *wrap ? (int)full : (int)item->ntiers;
}

static void
walk_draw_tiers(struct tui *tui, struct walk *w, int top, bool wrap,
    int cols)
{
	const struct rubric_node *item = walk_node(w);
	int chosen = walk_tier(w), y = top;
	size_t i, k, n;
	char *mark, *range, **lines;
	attr_t a;

	for (i = 0; i < item->ntiers; i++) {
		bool on = (int)i + 1 == chosen;

		a = on ? tui_attr(tui, TUI_ROLE_CHOSEN) : A_NORMAL;
		mark = xasprintf("%s %zu", on ? "[x]" : "[ ]", i + 1);
		range = tui_range(item->tiers[i].min, item->tiers[i].max);
		tui_put(y, 2, WALK_TIER_TEXT_X - 3, mark, a);
		tui_put_right(y, cols - 2, range, a);
		lines = width_wrap(item->tiers[i].label,
		    (size_t)walk_tier_cols(cols), &n);
		for (k = 0; k < n && (k == 0 || wrap); k++)
			tui_put(y + (int)k, WALK_TIER_TEXT_X, walk_tier_cols(cols),
			    lines[k], a);
		y += wrap && n > 0 ? (int)n : 1;
		width_lines_free(lines);
		free(mark);
		free(range);
	}
}

/* A member card's item outside its scope: another member scores it. */
static void
walk_draw_out_of_scope(struct tui *tui, int y, int x, int cols,
    const char *scope)
{
	char *s = xasprintf(_("out of scope: this member card covers %s"),
	    scope);

	tui_put_cut(y, x, cols - x - 1, s, tui_attr(tui, TUI_ROLE_DIM));
	free(s);
}

static void
walk_draw_score(struct tui *tui, struct walk *w, int y, int cols)
{
	const struct rubric_node *item = walk_node(w);
	const struct scorecard_entry *e = walk_entry(w);
	int x = 1, tier = walk_tier(w), lo = item->min, hi = item->max;
	char *s;

	if (tier > 0 && (size_t)tier <= item->ntiers) {
		lo = item->tiers[tier - 1].min;
		hi = item->tiers[tier - 1].max;
	}
	x += tui_put(y, x, 16, w->sc->team != NULL ? _("Team's score") :
	    _("Score"), A_BOLD);
	x = x > 17 ? x + 1 : 18;
	if (!scorecard_in_scope(w->sc, w->item)) {
		s = scorecard_scope_text(w->sc, ", ");
		walk_draw_out_of_scope(tui, y, x, cols, s);
		free(s);
		return;
	}
	if (w->ninput > 0 || !e->scored) {
		tui_fill(y, x, 8, tui_attr(tui, TUI_ROLE_FIELD));
		tui_put(y, x, 8, w->input, tui_attr(tui, TUI_ROLE_FIELD) |
		    A_BOLD);
		if (!walk_readonly(w)) {
			tui->cursor_y = y;
			tui->cursor_x = x + (int)w->ninput;
		}
		x += 10;
		s = walk_readonly(w) ? xstrdup(_("unscored")) :
		    team_unresolved(w->sc, w->item) ?
		    xasprintf(_("flagged: type the team's score %d~%d, then"
		    " Enter"), lo, hi) :
		    xasprintf(_("type %d~%d, then Enter"), lo, hi);
		tui_put(y, x, cols - x - 1, s, e->scored ?
		    tui_attr(tui, TUI_ROLE_DIM) : tui_attr(tui,
		    TUI_ROLE_UNSCORED));
		free(s);
		return;
	}
	s = xasprintf("%d / %d", e->score, item->max);
	x += tui_put(y, x, 12, s, tui_attr(tui, TUI_ROLE_CHOSEN)) + 2;
	free(s);
	if (e->tier > 0) {
		s = xasprintf(_("tier %d"), e->tier);
		x += tui_put(y, x, 20, s, A_NORMAL) + 2;
		free(s);
	}
	if (w->sc->team != NULL) {
		s = tui_reconcile_how(w->sc, w->item);
		tui_put_cut(y, x, cols - x - 1, s, tui_attr(tui, TUI_ROLE_DIM));
		free(s);
	}
}

#define WALK_NOTE_X	18
#define WALK_NOTE_ROWS	2	/* each note's rows when room is short */

/* A note's lines as the item screen wraps them (caller frees). */
static char **
walk_note_lines(const char *text, int cols, size_t *n)
{
	char *clean, **lines;

	if (text == NULL || *text == '\0') {
		*n = 0;
		return NULL;
	}
	clean = width_sanitize(text);
	lines = width_wrap(clean, (size_t)(cols - WALK_NOTE_X - 2), n);
	free(clean);
	return lines;
}

/* Rows a note would like: all its lines, and never fewer than two. */
static int
walk_note_want(const char *text, int cols)
{
	size_t n;
	char **lines = walk_note_lines(text, cols, &n);

	width_lines_free(lines);
	return n > WALK_NOTE_ROWS ? (int)n : WALK_NOTE_ROWS;
}

/* A note's label and as many of its lines as rows allows, from row y. */
static void
walk_draw_note(struct tui *tui, const char *label, const char *text, int y,
    int rows, int cols)
{
	char **lines;
	size_t n, i;
	int x = 1, lw;

	lw = tui_put(y, x, 20, label, A_BOLD);
	x = lw > 16 ? lw + 2 : WALK_NOTE_X;
	if (text == NULL || *text == '\0') {
		tui_put(y, x, cols - x - 1, _("(empty)"),
		    tui_attr(tui, TUI_ROLE_DIM));
		return;
	}
	lines = walk_note_lines(text, cols, &n);
	for (i = 0; i < n && i < (size_t)rows; i++)
		tui_put(y + (int)i, x, cols - x - 2, lines[i], A_NORMAL);
	/* Only a note that truly has no more room is cut; r shows it all. */
	if (n > (size_t)rows)
		tui_put(y + rows - 1, cols - 2, 1, "…", A_BOLD);
	width_lines_free(lines);
}

/*
 * The rows under the score: the record's and the rationale's. Each has
 * two when they are short; a longer note takes every row the guidance
 * and the tiers leave (the guidance keeps its first lines and scrolls).
 */
static void
walk_note_rows(const struct scorecard_entry *e, int room, int cols,
    int *rec, int *rat)
{
	int want_rec = walk_note_want(e->record, cols);
	int want_rat = walk_note_want(e->rationale, cols);

	if (room < 2 * WALK_NOTE_ROWS)
		room = 2 * WALK_NOTE_ROWS;
	if (want_rec + want_rat <= room) {
		*rec = want_rec;
		*rat = want_rat;
		return;
	}
	*rat = want_rat < room / 2 ? want_rat : room / 2;
	if (*rat < WALK_NOTE_ROWS)
		*rat = WALK_NOTE_ROWS;
	*rec = want_rec < room - *rat ? want_rec : room - *rat;
	*rat = room - *rec;
}

static void
walk_draw_status(struct tui *tui, struct walk *w, int y, int cols)
{
	const struct rubric_node *anc[RUBRIC_MAX_DEPTH + 2];
	struct scorecard_sum total = scorecard_total(w->sc), sec;
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR);
	char *s, *name;
	int x = 1;

	tui_fill(y, 0, cols, bar);
	if (walk_ancestors(walk_node(w), anc, RUBRIC_MAX_DEPTH + 2) > 0) {
		sec = scorecard_sum(w->sc, anc[0]);
		name = rubric_node_label(anc[0]);
		s = xasprintf("%s %d/%d │ ", name, sec.score, sec.max);
		x += tui_put(y, x, cols / 3, s, bar);
		free(name);
		free(s);
	}
	s = xasprintf(_("total %d/%d │ %zu/%zu items "), total.score,
	    total.max, total.scored, total.items);
	x += tui_put(y, x, cols - x - 14, s, bar);
	free(s);
	if (cols - x - 12 > 4)
		tui_bar(y, x, cols - x - 12 > 20 ? 20 : cols - x - 12,
		    total.scored, total.items, bar);
	if (tui->saved)
		tui_put_right(y, cols - 1, _("saved ✓"), bar);
}

/* Lines of the item's guidance in cols columns. */
static int
walk_guidance_lines(const struct rubric_node *item, int cols)
{
	char *g = walk_guidance(item), *clean, **lines;
	size_t n = 0;

	if (*g != '\0') {
		clean = width_sanitize(g);
		lines = width_wrap(clean, (size_t)cols - 4, &n);
		free(clean);
		width_lines_free(lines);
	}
	free(g);
	return n > 0 ? (int)n : 1;
}

/* The next item u goes to from the one after from, or -1: none is left. */
static long
walk_next_open(const struct walk *w, size_t from)
{
	return w->sc->team != NULL ? tui_reconcile_next(w->sc, from) :
	    scorecard_next_unscored(w->sc, from);
}

/*
 * What a draft's hint line leaves out now: t on an item without tiers,
 * u when nothing is left to score or settle, B on a team card none of
 * whose members' cards changed. What makes room for F at 80 columns.
 */
static void
walk_hidden(const struct walk *w, enum tui_req *out)
{
	size_t n = 0;

	if (walk_node(w)->ntiers == 0)
		out[n++] = REQ_TIER;
	if (walk_next_open(w, 0) < 0)
		out[n++] = REQ_NEXT_UNSCORED;
	if (w->stale == NULL)
		out[n++] = REQ_REBUILD;
	out[n] = REQ_NONE;
}

/*
 * At 120 columns or more the evidence pane is beside the item, and the
 * item is drawn in the columns left of it: every walk_draw_* is given the
 * width it may use (cols), never the terminal's (COLS), so nothing of the
 * item reaches into the pane. The bars and the hint line span the screen.
 */
static void
walk_draw(struct tui *tui, struct tui_view *v)
{
	struct walk *w = v->data;
	const struct rubric_node *item = walk_node(w);
	const struct scorecard_entry *e = walk_entry(w);
	int L = LINES, tiers, score_y, tier_top, guide, room, rec, rat;
	enum tui_req hidden[WALK_MAX_HIDDEN + 1];
	bool wrap;

	/* A card without documents keeps the whole width. */
	int full = COLS, pane = w->sc->evidence != NULL ?
	    tui_evpane_beside(full) : 0, cols = full - pane;

	walk_draw_header(tui, w, full);
	/* Shown or not, the pane's place is this item's passage's. */
	tui_evpane_follow(w->ev, w->item);
	if (pane > 0) {
		tui_evpane_set(w->ev, w->sc, w->item, pane - 3);
		tui_evpane_draw(tui, w->ev, 1, cols, L - 3, pane);
	}
	walk_draw_breadcrumb(tui, w, cols);
	walk_draw_title(tui, w, cols);
	/*
	 * From the top: rows 3 .. the guidance, a row that says "lines 1-5
	 * of 9", the tiers, the score, a blank row, the notes, then the
	 * status bar at L-2. The tiers are laid out for the notes' least.
	 */
	score_y = L - 4 - 2 * WALK_NOTE_ROWS;
	if (w->sc->team != NULL) {
		/* The reconcile screen: the members take the room. */
		rec = rat = WALK_NOTE_ROWS;
		tui_reconcile_draw(tui, w->sc, w->item, 3, score_y - 4, cols);
	} else {
		tiers = walk_tier_rows(item, score_y - 1 - 3 - 1, cols, &wrap);
		guide = walk_guidance_lines(item, cols);
		if (guide > WALK_MIN_GUIDANCE)
			guide = WALK_MIN_GUIDANCE;
		/* What the notes may take: all but the guidance's first lines. */
		room = (L - 2) - 3 - (guide + 1) - tiers - (tiers > 0) - 2;
		walk_note_rows(e, room, cols, &rec, &rat);
		score_y = L - 2 - rec - rat - 2;
		tier_top = score_y - 1 - tiers;
		walk_draw_guidance(tui, w, 3, (tiers > 0 ? tier_top : score_y) -
		    4, cols);
		walk_draw_tiers(tui, w, tier_top, wrap, cols);
	}
	walk_draw_note(tui, _("Record (r)"), e->record, score_y + 2, rec,
	    cols);
	walk_draw_note(tui, _("Rationale (R)"), e->rationale,
	    score_y + 2 + rec, rat, cols);
	walk_draw_status(tui, w, L - 2, full);
	/* A team card's walk has its own keys (TUI_SCOPE_TEAM). */
	walk_hidden(w, hidden);
	tui_draw_hints(tui, v->ops->scope, walk_readonly(w) ?
	    walk_readonly_hidden : hidden);
	walk_draw_score(tui, w, score_y, cols);	/* last: it leaves the cursor */
}

static void
walk_reset_input(struct walk *w)
{
	w->ninput = 0;
	w->input[0] = '\0';
	w->refused = false;
	w->pending_tier = 0;
	w->scroll = 0;
}

static void
walk_go(struct tui *tui, struct walk *w, size_t item)
{
	if (w->ninput > 0)
		tui_message(tui, false, _("the typed score %s was not saved"),
		    w->input);
	if (item < w->sc->rubric->nitems)
		w->item = item;
	walk_reset_input(w);
}

static void
walk_next_unscored(struct tui *tui, struct walk *w)
{
	long next = walk_next_open(w, (w->item + 1) % w->sc->rubric->nitems);

	if (next < 0)
		tui_message(tui, false, walk_readonly(w) ?
		    _("every item is scored") :
		    _("every item is scored: F finalizes"));
	else
		walk_go(tui, w, (size_t)next);
}

/*
 * An ambiguous score: ask which tier, listing only the tiers that hold
 * it, each under its own number, the ranges padded so the labels line
 * up. 0 when they cancelled.
 */
static int
walk_ask_tier(struct tui *tui, const struct rubric_node *item, int score,
    const int *holding, size_t n)
{
	char **choices, *title, *list = xstrdup(""), *t, *range;
	size_t i, rw = 0, w;
	int pick;

	for (i = 0; i < n; i++) {
		range = xasprintf("%d~%d", item->tiers[holding[i] - 1].min,
		    item->tiers[holding[i] - 1].max);
		if (strlen(range) > rw)
			rw = strlen(range);
		free(range);
	}
	choices = xreallocarray(NULL, n, sizeof *choices);
	for (i = 0; i < n; i++) {
		const struct rubric_tier *tier = &item->tiers[holding[i] - 1];

		range = xasprintf("%d~%d", tier->min, tier->max);
		w = strlen(range);	/* digits and '~': a column each */
		choices[i] = xasprintf("%s%*s  %s", range, (int)(rw - w), "",
		    tier->label);
		free(range);
		t = xasprintf("%s%s%d", list, i > 0 ? ", " : "", holding[i]);
		free(list);
		list = t;
	}
	title = xasprintf(_("%d fits tiers %s: which one?"), score, list);
	/* A digit picks a tier only while tiers have one digit each. */
	pick = tui_menu_numbered(tui, title, choices, n, 0,
	    holding[n - 1] <= 9 ? holding : NULL);
	for (i = 0; i < n; i++)
		free(choices[i]);
	free(choices);
	free(title);
	free(list);
	return pick < 0 ? 0 : holding[pick];
}

/*
 * The typed score stays to be read, but the next digit replaces it: the
 * natural next move is to type the right number. "saved ✓" went with
 * the previous save; next to "nothing saved" it read as a contradiction.
 */
static void
walk_refuse(struct tui *tui, struct walk *w)
{
	w->refused = true;
	tui->saved = false;
}

/* The core judges the range (scorecard_in_range); this only says so. */
static bool
walk_in_range(struct tui *tui, struct walk *w, int score, int tier)
{
	const struct rubric_node *item = walk_node(w);
	bool by_tier;
	char *range;

	if (scorecard_in_range(item, score, tier))
		return true;
	/* The item is on screen; the message names the range it broke. */
	by_tier = tier > 0 && scorecard_in_range(item, score, 0);
	range = by_tier ? tui_range(item->tiers[tier - 1].min,
	    item->tiers[tier - 1].max) : tui_range(item->min, item->max);
	walk_refuse(tui, w);
	if (by_tier)
		tui_message(tui, true, _("%d is out of range: tier %d takes %s;"
		    " nothing saved"), score, tier, range);
	else
		tui_message(tui, true, _("%d is out of range: this item takes"
		    " %s; nothing saved"), score, range);
	free(range);
	return false;
}

/*
 * Read the scorecard again: another process (kaohe set in a shell, a
 * second UI) may have written it, and a stale copy refuses to finalize
 * and shows wrong totals. The walk stays on its item: the rubric is the
 * scorecard's own snapshot, so the items are the same.
 */
static void
walk_reload(struct tui *tui, struct walk *w)
{
	struct scorecard *sc = NULL;
	char *cause = NULL;

	if (store_load(tui->st, w->sc->id, &sc, &cause) != 0) {
		if (tui->message == NULL)
			tui_message(tui, true, _("cannot reload scorecard %lld:"
			    " %s"), w->sc->id, cause);
		free(cause);
		return;
	}
	if (sc->rubric->nitems != w->sc->rubric->nitems) {
		scorecard_free(sc);	/* cannot happen: a snapshot is fixed */
		return;
	}
	scorecard_free(w->sc);
	w->sc = sc;
	walk_verify(tui, w);
	tui_evpane_forget(w->ev);	/* it pointed into the old card */
}

static int
walk_commit(struct tui *tui, struct walk *w, int score, int tier)
{
	char *cause = NULL;

	if (store_set_score(tui->st, w->sc, w->item, score, tier, &cause)
	    != 0) {
		tui_message(tui, true, _("not saved: %s"), cause);
		free(cause);
		tui->saved = false;
		walk_reload(tui, w);
		return -1;
	}
	tui->saved = true;
	walk_reload(tui, w);	/* the totals count others' writes too */
	return 0;
}

/*
 * "saved 28 for 1.1.1 · now at 1.1.2": Enter moves on, and a note typed
 * next (r, R) goes to the item now shown, not to the one just scored.
 */
static void
walk_saved_message(struct tui *tui, struct walk *w, size_t scored, int score)
{
	const struct scorecard_entry *e = &w->sc->entries[scored];
	const char *key = w->sc->rubric->items[scored]->key;
	const char *now = walk_node(w)->key;

	if (e->tier > 0)
		tui_message(tui, false, _("saved %d (tier %d) for %s · now at %s"),
		    score, e->tier, key, now);
	else
		tui_message(tui, false, _("saved %d for %s · now at %s"), score,
		    key, now);
}

/* A team card's item: how and why, then on to the next unresolved. */
static void
walk_settle(struct tui *tui, struct walk *w, int score, int tier)
{
	size_t done = w->item;
	long next;

	if (tui_reconcile_settle(tui, w->sc, w->item, score, tier) != 0) {
		walk_refuse(tui, w);
		walk_reload(tui, w);
		return;
	}
	walk_reload(tui, w);
	walk_reset_input(w);
	next = team_next_unresolved(w->sc, done);
	if (next >= 0) {
		walk_go(tui, w, (size_t)next);
		tui_message(tui, false, _("settled %s: %d · now at %s, flagged"),
		    w->sc->rubric->items[done]->key, score, walk_node(w)->key);
	} else
		tui_message(tui, false, _("settled %s: %d · no flagged item is"
		    " left: F finalizes"), w->sc->rubric->items[done]->key,
		    score);
}

static void
walk_submit(struct tui *tui, struct walk *w)
{
	const struct rubric_node *item = walk_node(w);
	int score, tier = w->pending_tier, *holding;
	char *cause = NULL;
	size_t n;

	if (w->ninput == 0) {
		tui_message(tui, false, _("type a score first (%d~%d)"),
		    item->min, item->max);
		return;
	}
	if (scorecard_parse_score(w->input, &score, &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		walk_refuse(tui, w);
		return;
	}
	if (!walk_in_range(tui, w, score, tier))
		return;
	if (w->sc->team != NULL) {
		walk_settle(tui, w, score, tier);
		return;
	}
	if (tier == 0 && item->ntiers > 0) {
		n = scorecard_tiers_holding(item, score, &holding);
		if (n > 1)
			tier = walk_ask_tier(tui, item, score, holding, n);
		free(holding);
		if (n > 1 && tier == 0) {
			tui_message(tui, true, _("not saved: choose a tier"
			    " for %d"), score);
			walk_refuse(tui, w);
			return;
		}
		if (n > 1 && !walk_in_range(tui, w, score, tier))
			return;
	}
	if (walk_commit(tui, w, score, tier) != 0)
		return;
	w->ninput = 0;
	w->input[0] = '\0';
	if (w->item + 1 < w->sc->rubric->nitems) {
		walk_go(tui, w, w->item + 1);
		walk_saved_message(tui, w, w->item - 1, score);
	} else {
		walk_reset_input(w);
		tui_message(tui, false, scorecard_complete(w->sc) ?
		    _("last item: every item is scored, F finalizes") :
		    _("last item: u goes to the unscored ones"));
	}
}

/* Every tier in a menu, and "no tier" first; -1 when cancelled. */
static int
walk_menu_tier(struct tui *tui, const struct rubric_node *item)
{
	char **choices = xreallocarray(NULL, item->ntiers + 1,
	    sizeof *choices);
	size_t i;
	int pick;

	choices[0] = xstrdup(_("no tier (clear the choice)"));
	for (i = 0; i < item->ntiers; i++)
		choices[i + 1] = xasprintf("%zu  %d~%d  %s", i + 1,
		    item->tiers[i].min, item->tiers[i].max,
		    item->tiers[i].label);
	pick = tui_menu(tui, _("which tier? (↑↓, Enter)"), choices,
	    item->ntiers + 1, 1);
	for (i = 0; i <= item->ntiers; i++)
		free(choices[i]);
	free(choices);
	return pick;
}

static void
walk_choose_tier(struct tui *tui, struct walk *w)
{
	const struct rubric_node *item = walk_node(w);
	const struct scorecard_entry *e = walk_entry(w);
	int key, tier;

	if (item->ntiers == 0) {
		tui_message(tui, false, _("this item has no tiers"));
		return;
	}
	if (item->ntiers > 9) {
		/* Ten tiers or more: one key each cannot reach them. */
		if ((tier = walk_menu_tier(tui, item)) < 0)
			return;
	} else {
		tui_message(tui, false, _("tier: press 1-%zu (0 clears the"
		    " choice)"), item->ntiers);
		key = tui_getkey(tui);
		tui_clear_message(tui);
		if (key < '0' || key > '0' + (int)item->ntiers) {
			tui_message(tui, false, _("no tier chosen"));
			return;
		}
		tier = key - '0';
	}
	w->pending_tier = tier;
	if (tier == 0)
		return;
	/*
	 * A scored item keeps its score if the new tier holds it; a team
	 * card's score is only ever settled, so there the tier waits for
	 * the score typed next and goes with it.
	 */
	if (w->sc->team == NULL && e->scored && w->ninput == 0 &&
	    e->score >= item->tiers[tier - 1].min
	    && e->score <= item->tiers[tier - 1].max && e->tier != tier) {
		if (walk_commit(tui, w, e->score, tier) == 0)
			w->pending_tier = 0;
	} else if (w->ninput == 0)
		tui_message(tui, false, _("tier %d: type %d~%d, then Enter"),
		    tier, item->tiers[tier - 1].min, item->tiers[tier - 1].max);
}

static void
walk_clear(struct tui *tui, struct walk *w)
{
	char *cause = NULL;

	if (!walk_entry(w)->scored) {
		walk_reset_input(w);
		return;
	}
	if (store_clear_score(tui->st, w->sc, w->item, &cause) != 0) {
		tui_message(tui, true, _("not saved: %s"), cause);
		free(cause);
		tui->saved = false;
		walk_reload(tui, w);
		return;
	}
	tui->saved = true;
	walk_reload(tui, w);
	tui_message(tui, false, _("score cleared · U undoes it"));
}

/*
 * U: the store reverts the latest change not undone yet, whatever it
 * was (this item's or another's, a note, the header), the walk goes to
 * the item it touched and says what was undone.
 */
static void
walk_undo(struct tui *tui, struct walk *w)
{
	char *what = NULL, *cause = NULL, *key;
	long item;

	walk_reset_input(w);
	if (store_undo(tui->st, w->sc->id, &what, &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		walk_reload(tui, w);
		return;
	}
	tui->saved = true;
	walk_reload(tui, w);
	key = xstrndup(what, strcspn(what, " "));
	item = rubric_item_index(w->sc->rubric, key);
	if (item >= 0)
		w->item = (size_t)item;
	free(key);
	tui_message(tui, false, _("undid %s"), what);
	free(what);
}

static void
walk_external(struct tui *tui, struct walk *w)
{
	char *choices[2];
	int pick;

	choices[0] = _("Record (紀錄事項)");
	choices[1] = _("Rationale (評分說明)");
	pick = tui_menu(tui, _("Edit in $VISUAL or $EDITOR:"), choices, 2, 0);
	if (pick >= 0)
		tui_note_external(tui, w->sc, w->item, pick == 0 ?
		    SCORECARD_RECORD : SCORECARD_RATIONALE);
}

/* "(二) 服務友善 › 1. 服務設施合宜程度": enough to tell two items apart. */
static char *
walk_item_path(const struct rubric_node *item)
{
	char *name = rubric_node_label(item), *parent, *s;

	if (item->parent == NULL || item->parent->depth < 1)
		return name;
	parent = rubric_node_label(item->parent);
	s = xasprintf("%s › %s", parent, name);
	free(parent);
	free(name);
	return s;
}

/*
 * The review before the confirmation (what `kaohe check` prints): none of
 * it stops finalize, but each is shown, and Enter on one goes to its item
 * instead. True to go on to the confirmation.
 */
static bool
walk_review(struct tui *tui, struct walk *w)
{
	struct check_findings fs;
	char *cause = NULL, **choices, *title;
	size_t i;
	long item;
	int pick;

	if (check_with_store(tui->st, w->sc, &fs, &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		return true;
	}
	if (fs.n == 0)
		return true;
	choices = xreallocarray(NULL, fs.n + 1, sizeof *choices);
	choices[0] = xstrdup(_("finalize anyway"));
	for (i = 0; i < fs.n; i++)
		choices[i + 1] = xasprintf("%s  %s  %s", fs.v[i].key,
		    fs.v[i].kind, fs.v[i].message);
	title = xasprintf(_("%zu findings (kaohe check): Enter on one goes"
	    " there"), fs.n);
	pick = tui_menu(tui, title, choices, fs.n + 1, 0);
	item = pick > 0 ? rubric_item_index(w->sc->rubric,
	    fs.v[pick - 1].key) : -1;
	if (item >= 0)
		walk_go(tui, w, (size_t)item);
	else if (pick < 0)
		tui_message(tui, false, _("not finalized"));
	for (i = 0; i <= fs.n; i++)
		free(choices[i]);
	free(choices);
	free(title);
	check_findings_free(&fs);
	return pick == 0;
}

/* A team card with flagged items left: list them, Enter goes to one. */
static void
walk_unresolved_menu(struct tui *tui, struct walk *w)
{
	size_t i, n = 0, *at;
	char **choices, *title;
	int pick;

	at = xcalloc(w->sc->rubric->nitems, sizeof *at);
	choices = xcalloc(w->sc->rubric->nitems, sizeof *choices);
	for (i = 0; i < w->sc->rubric->nitems; i++)
		if (team_unresolved(w->sc, i)) {
			at[n] = i;
			choices[n++] = walk_item_path(w->sc->rubric->items[i]);
		}
	title = xasprintf(_("cannot finalize: %zu flagged items are"
	    " unresolved (Enter goes to one)"), n);
	pick = tui_menu(tui, title, choices, n, 0);
	if (pick >= 0)
		walk_go(tui, w, at[pick]);
	for (i = 0; i < n; i++)
		free(choices[i]);
	free(choices);
	free(at);
	free(title);
}

static void
walk_finalize(struct tui *tui, struct walk *w)
{
	size_t *unscored = NULL, n = 0, i;
	char *cause = NULL, **choices, *title, *q;
	struct scorecard_sum total;
	int pick;

	walk_reload(tui, w);
	if (w->sc->team != NULL && team_check_finalize(w->sc, &cause) != 0) {
		free(cause);
		walk_unresolved_menu(tui, w);
		return;
	}
	if (scorecard_check_finalize(w->sc, &unscored, &n, &cause) != 0) {
		free(cause);
		choices = xreallocarray(NULL, n > 0 ? n : 1, sizeof *choices);
		for (i = 0; i < n; i++)
			choices[i] = walk_item_path(w->sc->rubric->items[unscored[i]]);
		title = xasprintf(_("cannot finalize: %zu unscored (Enter goes"
		    " to one)"), n);
		pick = tui_menu(tui, title, choices, n, 0);
		if (pick >= 0)
			walk_go(tui, w, unscored[pick]);
		for (i = 0; i < n; i++)
			free(choices[i]);
		free(choices);
		free(title);
		free(unscored);
		return;
	}
	free(unscored);
	if (!walk_review(tui, w))
		return;
	total = scorecard_total(w->sc);
	q = xasprintf(_("Finalize %s at %d/%d? It locks the scorecard."
	    " Type yes:"), w->sc->agency, total.score, total.max);
	if (!tui_confirm_typed(tui, q, NULL)) {
		free(q);
		tui_message(tui, false, _("not finalized"));
		return;
	}
	free(q);
	if (store_finalize(tui->st, w->sc, &cause) != 0) {
		tui_message(tui, true, _("not finalized: %s"), cause);
		free(cause);
		walk_reload(tui, w);
		return;
	}
	tui->saved = true;
	tui_message(tui, false, _("finalized: the scorecard is now read-only"));
}

/* Whose card changed since the team card was built, as the store says now. */
static void
walk_check_stale(struct tui *tui, struct walk *w)
{
	free(w->stale);
	w->stale = tui_rebuild_stale_names(tui, w->sc);
}

/* B: the team card made again; the walk stays on its item. */
static void
walk_rebuild(struct tui *tui, struct walk *w)
{
	walk_reset_input(w);
	if (tui_rebuild(tui, w->sc) == 0)
		walk_reload(tui, w);
	walk_check_stale(tui, w);
}

static bool
walk_is_edit(enum tui_req req)
{
	switch (req) {
	case REQ_SCORE:
	case REQ_TIER:
	case REQ_CLEAR:
	case REQ_UNDO:
	case REQ_HEADER:
	case REQ_EXTERNAL:
	case REQ_FINALIZE:
	case REQ_REBUILD:
	case REQ_DELETE_BACK:
		return true;
	case REQ_SUBMIT:
		return true;
	default:
		return false;
	}
}

/* The next item up or down that is in the card's scope (all, usually). */
static void
walk_step(struct tui *tui, struct walk *w, int dir)
{
	long i = (long)w->item;

	do
		i += dir;
	while (i >= 0 && (size_t)i < w->sc->rubric->nitems &&
	    !scorecard_in_scope(w->sc, (size_t)i));
	if (i >= 0 && (size_t)i < w->sc->rubric->nitems)
		walk_go(tui, w, (size_t)i);
}

static void
walk_key(struct tui *tui, struct tui_view *v, int key, enum tui_req req)
{
	struct walk *w = v->data;
	size_t n = w->sc->rubric->nitems;

	if (walk_readonly(w) && walk_is_edit(req)) {
		tui_message(tui, true, "%s", walk_readonly_why(w));
		return;
	}
	switch (req) {
	case REQ_SCORE:
		if (!scorecard_in_scope(w->sc, w->item)) {
			tui_message(tui, true, _("%s is out of this member"
			    " card's scope"), walk_node(w)->key);
			break;
		}
		if (w->refused) {
			w->ninput = 0;
			w->refused = false;
		}
		if (w->ninput < WALK_INPUT_MAX) {
			w->input[w->ninput++] = (char)key;
			w->input[w->ninput] = '\0';
		}
		break;
	case REQ_DELETE_BACK:
		w->refused = false;	/* they correct it instead */
		if (w->ninput > 0)
			w->input[--w->ninput] = '\0';
		break;
	case REQ_SUBMIT:
		walk_submit(tui, w);
		break;
	case REQ_BACK:
		if (w->ninput > 0 || w->pending_tier > 0)
			walk_reset_input(w);
		else
			tui_pop(tui);
		break;
	case REQ_DOWN:
	case REQ_UP:
		walk_step(tui, w, req == REQ_DOWN ? 1 : -1);
		break;
	case REQ_FIRST:
		walk_go(tui, w, 0);
		break;
	case REQ_LAST:
		walk_go(tui, w, n - 1);
		break;
	case REQ_NEXT_UNSCORED:
		walk_next_unscored(tui, w);
		break;
	case REQ_PAGE_DOWN:
		w->scroll += w->guide_rows > 2 ? w->guide_rows - 1 : 1;
		break;
	case REQ_PAGE_UP:
		w->scroll -= w->guide_rows > 2 ? w->guide_rows - 1 : 1;
		if (w->scroll < 0)
			w->scroll = 0;
		break;
	case REQ_TIER:
		walk_choose_tier(tui, w);
		break;
	case REQ_CLEAR:
		walk_clear(tui, w);
		break;
	case REQ_UNDO:
		walk_undo(tui, w);
		break;
	case REQ_HEADER:
		walk_reset_input(w);
		tui_form_edit(tui, w->sc, false);
		break;
	case REQ_RECORD:
	case REQ_RATIONALE:
		/* A read-only note says so itself; its keys are the hint. */
		tui_note_open(tui, w->sc, w->item, req == REQ_RECORD ?
		    SCORECARD_RECORD : SCORECARD_RATIONALE, walk_readonly(w) ?
		    walk_readonly_why(w) : NULL);
		break;
	case REQ_EXTERNAL:
		walk_external(tui, w);
		break;
	case REQ_OUTLINE:
		walk_go(tui, w, w->item);
		tui_outline_open(tui, w->sc, &w->item);
		break;
	case REQ_FINALIZE:
		walk_finalize(tui, w);
		break;
	case REQ_REBUILD:
		walk_rebuild(tui, w);
		break;
	case REQ_EXPORT:
		tui_export(tui, w->sc);
		break;
	case REQ_EVIDENCE:
		walk_go(tui, w, w->item);
		tui_evpane_open(tui, w->ev, w->sc, w->item);
		break;
	case REQ_LAST_YEAR:
		walk_go(tui, w, w->item);
		tui_lastyear_open(tui, w->sc, w->item);
		break;
	default:
		break;
	}
}

static void
walk_resume(struct tui *tui, struct tui_view *v)
{
	struct walk *w = v->data;

	w->scroll = 0;
	/* The screens above held w->sc; they are closed now. */
	walk_reload(tui, w);
	if (w->sc->team != NULL)
		walk_check_stale(tui, w);
}

static void
walk_close(struct tui *tui, struct tui_view *v)
{
	struct walk *w = v->data;

	(void)tui;
	tui_evpane_free(w->ev);
	scorecard_free(w->sc);
	free(w->tampered);
	free(w->stale);
	free(w);
}

static const struct tui_view_ops walk_ops = {
	"walk", TUI_SCOPE_WALK, walk_draw, walk_key, NULL, NULL, walk_resume,
	walk_close,
};

/* The same walk over a team card: the key table gives it other keys. */
static const struct tui_view_ops walk_team_ops = {
	"team", TUI_SCOPE_TEAM, walk_draw, walk_key, NULL, NULL, walk_resume,
	walk_close,
};

void
tui_walk_open(struct tui *tui, struct scorecard *sc, size_t item,
    bool replace)
{
	struct walk *w;

	if (sc->rubric->nitems == 0) {	/* nothing to walk: say so, stay */
		tui_message(tui, true, _("the rubric has no items"));
		scorecard_free(sc);
		return;
	}
	w = xcalloc(1, sizeof *w);
	w->sc = sc;
	w->ev = tui_evpane_new();
	w->item = item < sc->rubric->nitems ? item : 0;
	walk_verify(tui, w);
	/* Before the push: a full stack of views closes (frees) w. */
	if (sc->team != NULL) {
		walk_check_stale(tui, w);
		if (w->stale != NULL)
			tui_rebuild_say_stale(tui, sc, w->stale);
	}
	if (replace)
		tui_replace(tui, sc->team != NULL ? &walk_team_ops : &walk_ops,
		    w);
	else
		tui_push(tui, sc->team != NULL ? &walk_team_ops : &walk_ops, w);
}
