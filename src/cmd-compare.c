/*
 * kaohe compare A B: two scorecards side by side, matched by item key.
 * The difference is always B - A, so "year over year" reads A = older.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "compare.h"
#include "i18n.h"
#include "json.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_compare_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_compare = {
	"compare",
	"A[@N] B[@N] [--format text|json]",
	N_("two scorecards side by side: every item, subtotals, B - A"),
	N_("  --format F      text (default) or json\n"
	   "A or B as ID@N is revision N of the card (see kaohe reopen).\n"
	   "Items are matched by key; items only one rubric has are listed.\n"
	   "On a terminal differences are coloured, unless NO_COLOR is set.\n"),
	cmd_compare_exec,
};

/* Columns: the indented name, then A, B and B - A. */
#define COMPARE_NAME_COLS	44
#define COMPARE_SCORE_COLS	9
#define COMPARE_DIFF_COLS	6

struct paint {
	bool	 on;
};

static void
paint_begin(const struct paint *p, const char *sgr)
{
	if (p->on)
		printf("\033[%sm", sgr);
}

static void
paint_end(const struct paint *p)
{
	if (p->on)
		fputs("\033[0m", stdout);
}

static bool
want_colour(void)
{
	const char *nc = getenv("NO_COLOR");

	return isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0');
}

/* A name column: the depth's indent, the printed ordinal, the title. */
static void
name_cell(int depth, const char *number, const char *title)
{
	char *clean = width_sanitize(title), *name, *padded;

	name = xasprintf("%*s%s%s%s", depth > 0 ? (depth - 1) * 2 : 0, "",
	    number, *number != '\0' ? " " : "", clean);
	padded = width_pad(name, COMPARE_NAME_COLS);
	fputs(padded, stdout);
	free(padded);
	free(name);
	free(clean);
}

static void
diff_cell(const struct paint *p, bool has, int diff)
{
	char buf[32];

	if (!has)
		return;		/* the last column: no trailing blanks */
	snprintf(buf, sizeof buf, diff > 0 ? "+%d" : "%d", diff);
	fputc(' ', stdout);
	if (diff != 0)
		paint_begin(p, diff > 0 ? "1;32" : "1;31");
	printf("%*s", COMPARE_DIFF_COLS, buf);
	if (diff != 0)
		paint_end(p);
}

static void
text_line(const struct paint *p, int depth, const char *number,
    const char *title, const struct compare_side *a,
    const struct compare_side *b, bool section)
{
	char ca[32], cb[32];
	bool has = a->scored && b->scored;

	compare_side_text(a, ca, sizeof ca);
	compare_side_text(b, cb, sizeof cb);
	if (section)
		paint_begin(p, "1");
	name_cell(depth, number, title);
	printf(" %*s %*s", COMPARE_SCORE_COLS, ca, COMPARE_SCORE_COLS, cb);
	if (section)
		paint_end(p);
	diff_cell(p, has, b->score - a->score);
	fputc('\n', stdout);
}

static void
text_card(const char *label, const struct scorecard *sc)
{
	struct scorecard_sum t = scorecard_total(sc);
	char *agency = width_sanitize(sc->agency), rev[16] = "";

	/* A reopened card's revision: "#1@2" (compare 1@1 1 shows both). */
	if (sc->revision > 1)
		snprintf(rev, sizeof rev, "@%d", sc->revision);
	printf("%s  #%lld%s  %s  %s  %s %s  %s  %d/%d\n", label, sc->id, rev,
	    agency, sc->date, _("rubric"), sc->rubric->id,
	    sc->status == SCORECARD_FINAL ? _("final") : _("draft"), t.score,
	    t.max);
	free(agency);
}

/*
 * One rubric id, two snapshots: two different rubrics that share a name
 * (a 1270-point "110" beside the real 1000-point one). Say so.
 */
static void
text_snapshots(const struct scorecard *a, const struct scorecard *b)
{
	if (strcmp(a->rubric->id, b->rubric->id) != 0 ||
	    strcmp(a->rubric_sha256, b->rubric_sha256) == 0)
		return;
	printf(_("note: A and B were scored with different snapshots of rubric"
	    " %s (%.12s and %.12s): items are matched by key, and the totals"
	    " are out of %d and %d\n"), a->rubric->id, a->rubric_sha256,
	    b->rubric_sha256, a->rubric->total, b->rubric->total);
}

static void
text_keys(const char *label, const char **keys, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	fputs(label, stdout);
	for (i = 0; i < n; i++)
		printf("%s%s", i > 0 ? ", " : " ", keys[i]);
	fputc('\n', stdout);
}

static void
text_out(const struct compare *c)
{
	struct paint p = { want_colour() };
	char *head;
	size_t i;

	text_card("A", c->a);
	text_card("B", c->b);
	text_snapshots(c->a, c->b);
	fputc('\n', stdout);
	head = width_pad(_("ITEM"), COMPARE_NAME_COLS);
	printf("%s %*s %*s %*s\n", head, COMPARE_SCORE_COLS, "A",
	    COMPARE_SCORE_COLS, "B", COMPARE_DIFF_COLS, "B-A");
	free(head);
	for (i = 0; i < c->nrows; i++)
		text_line(&p, c->rows[i].depth, c->rows[i].number,
		    c->rows[i].title, &c->rows[i].a, &c->rows[i].b,
		    c->rows[i].section);
	text_line(&p, 0, "", _("TOTAL"), &c->total_a, &c->total_b, true);
	if (!c->total_a.complete || !c->total_b.complete)
		fputs(_("* a partial sum: not every item below is scored\n"),
		    stdout);
	if (c->nonly_a > 0 || c->nonly_b > 0)
		fputc('\n', stdout);
	text_keys(_("only in A:"), c->only_a, c->nonly_a);
	text_keys(_("only in B:"), c->only_b, c->nonly_b);
}

static void
json_card(struct json_writer *w, const char *key, const struct scorecard *sc)
{
	struct scorecard_sum t = scorecard_total(sc);

	json_begin_object(w, key);
	json_int(w, "id", sc->id);
	json_int(w, "revision", sc->revision);
	json_string(w, "uuid", sc->uuid);
	json_string(w, "agency", sc->agency);
	json_string(w, "date", sc->date);
	json_string(w, "rubric", sc->rubric->id);
	json_string(w, "rubric_sha256", sc->rubric_sha256);
	json_string(w, "status", sc->status == SCORECARD_FINAL ? "final" :
	    "draft");
	json_int(w, "score", t.score);
	json_int(w, "max", t.max);
	json_end_object(w);
}

static void
json_side(struct json_writer *w, const char *key, const char *maxkey,
    const struct compare_side *s)
{
	if (s->scored)
		json_int(w, key, s->score);
	else
		json_null(w, key);
	if (s->present)
		json_int(w, maxkey, s->max);
	else
		json_null(w, maxkey);
}

static void
json_complete(struct json_writer *w, const char *key,
    const struct compare_side *s)
{
	if (s->present)
		json_bool(w, key, s->complete);
	else
		json_null(w, key);
}

static void
json_row(struct json_writer *w, const struct compare_row *r)
{
	json_begin_object(w, NULL);
	json_string(w, "key", r->key);
	json_string(w, "title", r->title);
	json_side(w, "a", "max_a", &r->a);
	json_side(w, "b", "max_b", &r->b);
	if (r->section) {
		json_complete(w, "complete_a", &r->a);
		json_complete(w, "complete_b", &r->b);
	}
	if (compare_has_diff(r))
		json_int(w, "diff", compare_diff(r));
	else
		json_null(w, "diff");
	json_end_object(w);
}

static void
json_rows(struct json_writer *w, const struct compare *c, bool sections)
{
	size_t i;

	json_begin_array(w, sections ? "sections" : "items");
	for (i = 0; i < c->nrows; i++)
		if (c->rows[i].section == sections)
			json_row(w, &c->rows[i]);
	json_end_array(w);
}

static void
json_keys(struct json_writer *w, const char *key, const char **keys,
    size_t n)
{
	size_t i;

	json_begin_array(w, key);
	for (i = 0; i < n; i++)
		json_string(w, NULL, keys[i]);
	json_end_array(w);
}

static void
json_out(const struct compare *c)
{
	struct json_writer w;

	json_init(&w, stdout, true);
	json_begin_object(&w, NULL);
	json_card(&w, "a", c->a);
	json_card(&w, "b", c->b);
	json_bool(&w, "same_snapshot", strcmp(c->a->rubric_sha256,
	    c->b->rubric_sha256) == 0);
	json_int(&w, "diff", c->total_b.score - c->total_a.score);
	json_rows(&w, c, false);
	json_rows(&w, c, true);
	json_begin_object(&w, "unmatched");
	json_keys(&w, "only_a", c->only_a, c->nonly_a);
	json_keys(&w, "only_b", c->only_b, c->nonly_b);
	json_end_object(&w);
	json_end_object(&w);
	json_finish(&w);
}

static int
load_pair(struct cli_ctx *ctx, const char *ta, const char *tb,
    struct scorecard **a, struct scorecard **b)
{
	struct store *st;
	long long ia, ib;
	char *cause = NULL;
	int rc = CLI_OK, ra, rb;

	if (!cli_parse_ref(ta, &ia, &ra) || !cli_parse_ref(tb, &ib, &rb))
		return cli_usage(&cli_cmd_compare, _("A and B are scorecard"
		    " IDs (positive numbers), or ID@N for revision N"));
	if (cli_open_store(ctx, STORE_READONLY, &st) != CLI_OK)
		return CLI_FAILED;
	if (store_load_revision(st, ia, ra, a, &cause) != 0 ||
	    store_load_revision(st, ib, rb, b, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	}
	cli_check_seal(st, ia);
	if (ib != ia)
		cli_check_seal(st, ib);
	store_close(st);
	return rc;
}

static int
cmd_compare_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct scorecard *a = NULL, *b = NULL;
	struct compare *c;
	const char *pos[2], *format = NULL;
	size_t npos;
	int rc;
	const struct cli_opt opts[] = {
		{ "--format", 0, true, &format, NULL, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	rc = cli_args_parse(&cli_cmd_compare, argc, argv, opts, pos, 2,
	    &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 2)
		return cli_usage(&cli_cmd_compare, _("compare needs two"
		    " scorecard IDs"));
	if (format != NULL && strcmp(format, "text") != 0 &&
	    strcmp(format, "json") != 0)
		return cli_usage(&cli_cmd_compare, _("--format is text or"
		    " json, not '%s'"), format);
	rc = load_pair(ctx, pos[0], pos[1], &a, &b);
	if (rc == CLI_OK) {
		c = compare_new(a, b);
		if (format != NULL && strcmp(format, "json") == 0)
			json_out(c);
		else
			text_out(c);
		compare_free(c);
	}
	if (a != NULL)
		scorecard_free(a);
	if (b != NULL)
		scorecard_free(b);
	return rc;
}
