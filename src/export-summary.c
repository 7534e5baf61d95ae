/*
 * The 評分總表 of a team card: a row per section and item with every
 * member's score, the team's, the spread and how the item was settled;
 * the subtotals and totals per member and for the team; the marked
 * differences and how each was handled; a signature line per member and
 * one for the 召集人. Text (aligned by display width) and CSV.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "export.h"
#include "export-summary.h"
#include "export-util.h"
#include "i18n.h"
#include "team.h"
#include "width.h"
#include "xalloc.h"

/* One member's figure for a node: a score, a subtotal, or nothing. */
struct figure {
	bool	 shown;		/* false: out of the member's scope */
	bool	 scored;	/* an item: did they score it */
	int	 value;
};

/* Member m's score of node: an item's mark, or a section's partial sum. */
static struct figure
member_figure(const struct team *t, size_t m, const struct rubric_node *n)
{
	struct figure f = { false, false, 0 };
	size_t i;

	for (i = n->item_first; i < n->item_first + n->item_count; i++) {
		const struct team_mark *k = &t->members[m].marks[i];

		if (!k->scored)
			continue;
		f.shown = f.scored = true;
		f.value += k->score;
	}
	return f;
}

static char *
figure_text(struct figure f)
{
	return f.shown ? xasprintf("%d", f.value) : xstrdup("—");
}

/* The team's cell: a score, a partial sum, or why there is none. */
static char *
team_text(const struct scorecard *sc, const struct rubric_node *n)
{
	struct scorecard_sum s;
	size_t i;

	if (rubric_node_is_item(n)) {
		i = n->item_first;
		if (team_unresolved(sc, i))
			return xstrdup(_("待處理"));
		if (!sc->entries[i].scored)
			return xstrdup("—");
		return xasprintf("%d", sc->entries[i].score);
	}
	s = scorecard_sum(sc, n);
	return xasprintf("%d", s.score);
}

static char *
spread_text(const struct scorecard *sc, const struct rubric_node *n)
{
	struct team_figures f;

	if (!rubric_node_is_item(n))
		return xstrdup("");
	f = team_figures(sc->team, n->item_first);
	return f.n > 1 ? xasprintf("%d", f.spread) : xstrdup("");
}

static char *
how_text(const struct scorecard *sc, const struct rubric_node *n)
{
	const struct team_item *it;

	if (!rubric_node_is_item(n))
		return xstrdup("");
	it = &sc->team->items[n->item_first];
	return xasprintf("%s%s", it->flagged ? "※" : "",
	    team_how_label(it->how));
}

static char *
range_text(const struct rubric_node *n)
{
	return rubric_node_is_item(n) ? xasprintf("%d~%d", n->min, n->max) :
	    xasprintf("%d", n->max);
}

/* The text layout's columns, in display columns. */
struct layout {
	size_t	 title;
	size_t	 range;
	size_t	 member;	/* each member's */
	size_t	 team;
	size_t	 spread;
	size_t	 how;
	char	**names;	/* each member's, cut to fit */
};

static void
put(FILE *out, const char *s, size_t cols, bool right)
{
	size_t w = width_of(s);
	char *padded;

	if (right && w < cols)
		fprintf(out, "%*s", (int)(cols - w), "");
	padded = width_pad(s, right && w < cols ? w : cols);
	fputs(padded, out);
	free(padded);
}

static void
layout_init(struct layout *l, const struct scorecard *sc, int width)
{
	const struct team *t = sc->team;
	size_t m, fixed, w;

	l->range = 6;
	l->member = 6;
	for (m = 0; m < t->nmembers; m++) {
		char *name = team_member_name(t, m);

		w = width_of(name);
		if (w > l->member)
			l->member = w > 10 ? 10 : w;
		free(name);
	}
	l->team = 6;
	l->spread = 4;
	l->how = 10;
	fixed = l->range + 1 + t->nmembers * (l->member + 1) + l->team + 1 +
	    l->spread + 1 + l->how;
	l->title = (size_t)width > fixed + 20 ? (size_t)width - fixed - 1 : 20;
	l->names = xcalloc(t->nmembers + 1, sizeof *l->names);
	for (m = 0; m < t->nmembers; m++) {
		char *name = team_member_name(t, m), *clean;

		clean = export_clean(name);
		l->names[m] = clean;
		free(name);
	}
}

static void
layout_free(struct layout *l, size_t n)
{
	size_t m;

	for (m = 0; m < n; m++)
		free(l->names[m]);
	free(l->names);
}

static void
text_columns(FILE *out, const struct layout *l, size_t nmembers)
{
	size_t m;

	put(out, _("項目"), l->title, false);
	fputc(' ', out);
	put(out, _("配分"), l->range, true);
	for (m = 0; m < nmembers; m++) {
		fputc(' ', out);
		put(out, l->names[m], l->member, true);
	}
	fputc(' ', out);
	put(out, _("小組"), l->team, true);
	fputc(' ', out);
	put(out, _("差距"), l->spread, true);
	fputc(' ', out);
	fputs(_("處理方式"), out);
	fputc('\n', out);
}

/* Columns padded to their width leave blanks at the end of a line. */
static void
put_line(FILE *out, char *line, size_t len)
{
	while (len > 0 && line[len - 1] == ' ')
		len--;
	fwrite(line, 1, len, out);
	fputc('\n', out);
}

static void text_row_cells(FILE *, const struct scorecard *,
    const struct layout *, const struct rubric_node *, const char *);

static void
text_row(FILE *out, const struct scorecard *sc, const struct layout *l,
    const struct rubric_node *n, const char *label)
{
	char *buf = NULL, *p, *nl;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	if (mem == NULL) {
		text_row_cells(out, sc, l, n, label);
		return;
	}
	text_row_cells(mem, sc, l, n, label);
	fclose(mem);
	for (p = buf; p < buf + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(buf + len - p));
		if (nl == NULL)
			nl = buf + len;
		put_line(out, p, (size_t)(nl - p));
	}
	free(buf);
}

/* The title wraps below its first line; the figures are on the first. */
static void
text_row_cells(FILE *out, const struct scorecard *sc, const struct layout *l,
    const struct rubric_node *n, const char *label)
{
	size_t indent = n->depth > 0 ? (size_t)(n->depth - 1) * 2 : 0;
	size_t nlines, i, m;
	char **lines, *cell, *clean;

	clean = export_clean(label);
	lines = width_wrap(clean, l->title - indent, &nlines);
	free(clean);
	for (i = 0; i < (nlines > 0 ? nlines : 1); i++) {
		fprintf(out, "%*s", (int)indent, "");
		put(out, nlines > 0 ? lines[i] : "", l->title - indent, false);
		if (i > 0) {
			fputc('\n', out);
			continue;
		}
		fputc(' ', out);
		cell = range_text(n);
		put(out, cell, l->range, true);
		free(cell);
		for (m = 0; m < sc->team->nmembers; m++) {
			fputc(' ', out);
			cell = figure_text(member_figure(sc->team, m, n));
			put(out, cell, l->member, true);
			free(cell);
		}
		fputc(' ', out);
		cell = team_text(sc, n);
		put(out, cell, l->team, true);
		free(cell);
		fputc(' ', out);
		cell = spread_text(sc, n);
		put(out, cell, l->spread, true);
		free(cell);
		fputc(' ', out);
		cell = how_text(sc, n);
		fputs(cell, out);
		free(cell);
		fputc('\n', out);
	}
	width_lines_free(lines);
}

static void
text_rows(FILE *out, const struct scorecard *sc, const struct layout *l,
    const struct rubric_node *parent)
{
	const struct rubric_node *n;
	char *label;
	size_t i;

	for (i = 0; i < parent->nchildren; i++) {
		n = &parent->children[i];
		label = rubric_node_label(n);
		text_row(out, sc, l, n, label);
		free(label);
		text_rows(out, sc, l, n);
	}
}

static void
rule(FILE *out, int width)
{
	int i;

	for (i = 0; i < width; i++)
		fputs("─", out);
	fputc('\n', out);
}

static void summary_facts(struct summary *, const struct scorecard *);

static void
text_header(FILE *out, const struct scorecard *sc)
{
	struct summary S = { 0 };
	size_t i;
	char *s;

	s = export_clean(sc->rubric->title);
	fprintf(out, _("%s　評分總表\n"), s);
	free(s);
	summary_facts(&S, sc);
	for (i = 0; i < S.nfacts; i++) {
		fprintf(out, "%s\n", S.facts[i]);
		free(S.facts[i]);
	}
	free(S.facts);
}

/* "1.1.1 申辦…：委員評分 20~28，差距 8；以共識定為 26 分。理由" */
static char *
flagged_line(const struct scorecard *sc, size_t i)
{
	const struct rubric_node *item = sc->rubric->items[i];
	const struct team_item *it = &sc->team->items[i];
	struct team_figures f = team_figures(sc->team, i);
	char *clean, *line;

	clean = export_clean(it->reason);
	if (it->how == TEAM_HOW_NONE)
		line = xasprintf(_("%s %s：委員評分 %d~%d，差距 %d；尚未處理"),
		    item->key, item->title, f.low, f.high, f.spread);
	else
		line = xasprintf(_("%s %s：委員評分 %d~%d，差距 %d；以%s定為"
		    " %d 分。%s"), item->key, item->title, f.low,
		    f.high, f.spread, team_how_label(it->how),
		    sc->entries[i].score, clean);
	free(clean);
	return line;
}

/* The marked differences, and how the team settled each. */
static void
text_flagged(FILE *out, const struct scorecard *sc, int width)
{
	size_t i, n = 0, nlines, j;
	char *line, **lines, *clean;

	for (i = 0; i < sc->rubric->nitems; i++) {
		if (!sc->team->items[i].flagged)
			continue;
		if (n++ == 0)
			fputs(_("\n評分差異過大之項目及處理情形：\n"), out);
		line = flagged_line(sc, i);
		clean = export_clean(line);
		lines = width_wrap(clean, (size_t)width - 2, &nlines);
		for (j = 0; j < nlines; j++)
			fprintf(out, "%s%s\n", j == 0 ? "  " : "    ", lines[j]);
		width_lines_free(lines);
		free(clean);
		free(line);
	}
	if (n == 0)
		fputs(_("\n評分差異過大之項目：無\n"), out);
}

static void
text_signatures(FILE *out, const struct scorecard *sc)
{
	const struct team *t = sc->team;
	size_t m, i;
	char *name;

	fputs(_("\n評分委員簽章：\n"), out);
	for (m = 0; m < t->nmembers; m++)
		for (i = 0; i < t->members[m].ninspectors; i++) {
			name = export_clean(t->members[m].inspectors[i]);
			fprintf(out, "  %s  %s\n", name,
			    "________________________");
			free(name);
		}
	name = export_clean(*t->lead != '\0' ? t->lead : "");
	fprintf(out, _("召集人簽章：\n  %s  %s\n"), name,
	    "________________________");
	free(name);
}

static void
summary_text(FILE *out, const struct scorecard *sc, int width)
{
	struct layout l;
	struct scorecard_sum t = scorecard_total(sc);

	layout_init(&l, sc, width);
	text_header(out, sc);
	rule(out, width);
	text_columns(out, &l, sc->team->nmembers);
	rule(out, width);
	text_rows(out, sc, &l, &sc->rubric->root);
	rule(out, width);
	text_row(out, sc, &l, &sc->rubric->root, _("總分"));
	if (t.scored < t.items)
		fprintf(out, _("（小組已評 %zu/%zu 項，總分為部分合計）\n"),
		    t.scored, t.items);
	text_flagged(out, sc, width);
	text_signatures(out, sc);
	layout_free(&l, sc->team->nmembers);
}

static void
csv_row(FILE *out, const struct scorecard *sc, const struct rubric_node *n,
    const char *key, const char *label)
{
	const struct team_item *it = NULL;
	size_t m;
	char *cell;

	if (rubric_node_is_item(n))
		it = &sc->team->items[n->item_first];
	csv_field(out, key, ',');
	csv_field(out, label, ',');
	cell = range_text(n);
	csv_field(out, cell, ',');
	free(cell);
	for (m = 0; m < sc->team->nmembers; m++) {
		struct figure f = member_figure(sc->team, m, n);

		cell = f.shown ? xasprintf("%d", f.value) : xstrdup("");
		csv_field(out, cell, ',');
		free(cell);
	}
	cell = team_text(sc, n);
	csv_field(out, strcmp(cell, "—") == 0 ? "" : cell, ',');
	free(cell);
	cell = spread_text(sc, n);
	csv_field(out, cell, ',');
	free(cell);
	csv_field(out, it != NULL && it->flagged ? _("是") : "", ',');
	csv_field(out, it != NULL ? team_how_label(it->how) : "", ',');
	csv_field(out, it != NULL ? it->reason : "", '\n');
}

static void
csv_rows(FILE *out, const struct scorecard *sc,
    const struct rubric_node *parent)
{
	const struct rubric_node *n;
	char *label;
	size_t i;

	for (i = 0; i < parent->nchildren; i++) {
		n = &parent->children[i];
		label = rubric_node_label(n);
		csv_row(out, sc, n, n->key, label);
		free(label);
		csv_rows(out, sc, n);
	}
}

static void
summary_csv(FILE *out, const struct scorecard *sc)
{
	const struct team *t = sc->team;
	size_t m, i;
	char *name;

	fputs("\xef\xbb\xbf", out);
	csv_field(out, _("代號"), ',');
	csv_field(out, _("項目"), ',');
	csv_field(out, _("配分"), ',');
	for (m = 0; m < t->nmembers; m++) {
		name = team_member_name(t, m);
		csv_field(out, name, ',');
		free(name);
	}
	csv_field(out, _("小組"), ',');
	csv_field(out, _("差距"), ',');
	csv_field(out, _("差異過大"), ',');
	csv_field(out, _("處理方式"), ',');
	csv_field(out, _("理由"), '\n');
	csv_rows(out, sc, &sc->rubric->root);
	csv_row(out, sc, &sc->rubric->root, "", _("總分"));
	for (m = 0; m < t->nmembers; m++)
		for (i = 0; i < t->members[m].ninspectors; i++) {
			csv_field(out, _("簽章"), ',');
			csv_field(out, _("評分委員"), ',');
			csv_field(out, t->members[m].inspectors[i], '\n');
		}
	csv_field(out, _("簽章"), ',');
	csv_field(out, _("召集人"), ',');
	csv_field(out, t->lead, '\n');
}

/* The header facts as text_header prints them. */
static void
summary_facts(struct summary *S, const struct scorecard *sc)
{
	char *s, *who;

	S->facts = xcalloc(5, sizeof *S->facts);
	s = export_clean(sc->agency);
	S->facts[S->nfacts++] = xasprintf(_("受考核機關：%s"), s);
	free(s);
	s = export_date(sc->date);
	S->facts[S->nfacts++] = xasprintf(_("考核日期：%s"), s);
	free(s);
	who = export_inspectors(sc, "、");
	s = export_clean(*sc->team->lead != '\0' ? sc->team->lead :
	    _("（未指定）"));
	S->facts[S->nfacts++] = xasprintf(_("考核小組：召集人 %s；評分委員 %s"),
	    s, who);
	free(s);
	free(who);
	S->facts[S->nfacts++] = xasprintf(_("容許差距：各項配分範圍的 %d%%，"
	    "超過者標示 ※"), sc->team->tolerance);
	S->facts[S->nfacts++] = xasprintf(_("狀態：%s"), export_status(sc));
}

static void
summary_row_add(struct summary *S, const struct scorecard *sc,
    const struct rubric_node *n, const char *label)
{
	struct summary_row *r;
	size_t m, k = 0;
	char *clean;

	S->rows = xreallocarray(S->rows, S->nrows + 1, sizeof *S->rows);
	r = &S->rows[S->nrows++];
	r->node = n;
	r->depth = n->depth;
	clean = export_clean(label);
	r->label = clean;
	r->cell = xcalloc(S->ncols, sizeof *r->cell);
	r->cell[k++] = range_text(n);
	for (m = 0; m < sc->team->nmembers; m++)
		r->cell[k++] = figure_text(member_figure(sc->team, m, n));
	r->cell[k++] = team_text(sc, n);
	r->cell[k++] = spread_text(sc, n);
	r->cell[k++] = how_text(sc, n);
	r->flagged = rubric_node_is_item(n) &&
	    sc->team->items[n->item_first].flagged;
}

static void
summary_rows(struct summary *S, const struct scorecard *sc,
    const struct rubric_node *parent)
{
	char *label;
	size_t i;

	for (i = 0; i < parent->nchildren; i++) {
		label = rubric_node_label(&parent->children[i]);
		summary_row_add(S, sc, &parent->children[i], label);
		free(label);
		summary_rows(S, sc, &parent->children[i]);
	}
}

static void
summary_head(struct summary *S, const struct team *t)
{
	size_t m, k = 0;

	S->ncols = t->nmembers + 5;
	S->head = xcalloc(S->ncols + 1, sizeof *S->head);
	S->head[k++] = xstrdup(_("項目"));
	S->head[k++] = xstrdup(_("配分"));
	for (m = 0; m < t->nmembers; m++) {
		char *name = team_member_name(t, m);

		S->head[k++] = export_clean(name);
		free(name);
	}
	S->head[k++] = xstrdup(_("小組"));
	S->head[k++] = xstrdup(_("差距"));
	S->head[k++] = xstrdup(_("處理方式"));
}

static void
summary_signers(struct summary *S, const struct team *t)
{
	size_t m, i;

	for (m = 0; m < t->nmembers; m++)
		for (i = 0; i < t->members[m].ninspectors; i++) {
			S->signers = xreallocarray(S->signers, S->nsigners + 1,
			    sizeof *S->signers);
			S->signers[S->nsigners++] =
			    export_clean(t->members[m].inspectors[i]);
		}
	S->signers = xreallocarray(S->signers, S->nsigners + 1,
	    sizeof *S->signers);
	S->signers[S->nsigners++] = export_clean(t->lead);
}

int
summary_build(struct summary *S, const struct scorecard *sc, char **cause)
{
	struct scorecard_sum t;
	char *s;
	size_t i;

	memset(S, 0, sizeof *S);
	if (sc->team == NULL) {
		*cause = xasprintf(_("scorecard %lld is not a team card; the"
		    " 評分總表 (--summary) is a team card's"), sc->id);
		return -1;
	}
	s = export_clean(sc->rubric->title);
	S->title = xasprintf(_("%s　評分總表"), s);
	free(s);
	summary_facts(S, sc);
	summary_head(S, sc->team);
	summary_rows(S, sc, &sc->rubric->root);
	summary_row_add(S, sc, &sc->rubric->root, _("總分"));
	S->rows[S->nrows - 1].depth = 0;
	t = scorecard_total(sc);
	if (t.scored < t.items)
		S->partial = xasprintf(_("（小組已評 %zu/%zu 項，總分為部分合計）"),
		    t.scored, t.items);
	for (i = 0; i < sc->rubric->nitems; i++) {
		if (!sc->team->items[i].flagged)
			continue;
		S->flagged = xreallocarray(S->flagged, S->nflagged + 1,
		    sizeof *S->flagged);
		s = flagged_line(sc, i);
		S->flagged[S->nflagged++] = export_clean(s);
		free(s);
	}
	S->flagged_title = xstrdup(S->nflagged > 0 ?
	    _("評分差異過大之項目及處理情形：") : _("評分差異過大之項目：無"));
	summary_signers(S, sc->team);
	return 0;
}

static void
strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
summary_free(struct summary *S)
{
	size_t r;

	for (r = 0; r < S->nrows; r++) {
		strv_free(S->rows[r].cell, S->ncols - 1);
		free(S->rows[r].label);
	}
	free(S->rows);
	strv_free(S->head, S->ncols);
	strv_free(S->facts, S->nfacts);
	strv_free(S->flagged, S->nflagged);
	strv_free(S->signers, S->nsigners);
	free(S->title);
	free(S->partial);
	free(S->flagged_title);
	memset(S, 0, sizeof *S);
}

int
export_summary(FILE *out, const struct scorecard *sc,
    enum export_format format, int width, char **cause)
{
	struct summary S;

	if (format == EXPORT_HTML || format == EXPORT_PDF) {
		if (summary_build(&S, sc, cause) != 0)
			return -1;
		if (format == EXPORT_HTML)
			summary_html(out, &S);
		else if (summary_pdf(out, &S, cause) != 0) {
			summary_free(&S);
			return -1;
		}
		summary_free(&S);
	} else if (sc->team == NULL) {
		*cause = xasprintf(_("scorecard %lld is not a team card; the"
		    " 評分總表 (--summary) is a team card's"), sc->id);
		return -1;
	} else if (format == EXPORT_CSV)
		summary_csv(out, sc);
	else
		summary_text(out, sc, width);
	if (ferror(out)) {
		*cause = xstrdup(_("cannot write the export"));
		return -1;
	}
	return 0;
}
