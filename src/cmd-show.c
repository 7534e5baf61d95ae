#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "cli-show.h"
#include "store-team.h"
#include "team.h"
#include "i18n.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_show_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_show = {
	"show",
	"ID",
	N_("a reviewer's quick look: header, total, subtotals, unscored items"),
	"",
	cmd_show_exec,
};

/* The title column's width: the sections' names line up the scores. */
#define SHOW_NAME_COLS	44

static void
show_header(FILE *f, const struct scorecard *sc)
{
	struct scorecard_sum t = scorecard_total(sc);
	size_t i;
	char *s;

	s = width_sanitize(sc->agency);
	fprintf(f, _("scorecard %lld  %s  %s  (%s)\n"), sc->id, s, sc->date,
	    sc->status == SCORECARD_FINAL ? _("final") : _("draft"));
	free(s);
	s = width_sanitize(sc->rubric->title);
	fprintf(f, _("rubric:     %s %s\n"), sc->rubric->id, s);
	free(s);
	fputs(_("inspectors: "), f);
	for (i = 0; i < sc->ninspectors; i++) {
		s = width_sanitize(sc->inspectors[i]);
		fprintf(f, "%s%s", i > 0 ? "、" : "", s);
		free(s);
	}
	fputc('\n', f);
	fprintf(f, _("total:      %d / %d   scored %zu/%zu items\n"), t.score,
	    t.max, t.scored, t.items);
	if (sc->nscope > 0) {
		s = scorecard_scope_text(sc, ", ");
		fprintf(f, _("scope:      %s (a member card; the rest is out of"
		    " scope)\n"), s);
		free(s);
	}
	fprintf(f, "uuid:       %s\n\n", sc->uuid);
}

static void
show_sections(FILE *f, const struct scorecard *sc,
    const struct rubric_node *n)
{
	struct scorecard_sum sum;
	char *name, *clean, *padded, *label, figure[32];
	size_t i;

	if (rubric_node_is_item(n))
		return;
	if (n->depth > 0 && !scorecard_node_in_scope(sc, n)) {
		label = rubric_node_label(n);
		clean = width_sanitize(label);
		free(label);
		name = xasprintf("%*s%s", (n->depth - 1) * 2, "", clean);
		padded = width_pad(name, SHOW_NAME_COLS);
		fprintf(f, "%s %11s  %s\n", padded, "-", _("out of scope"));
		free(padded);
		free(name);
		free(clean);
		return;
	}
	if (n->depth > 0) {
		sum = scorecard_sum(sc, n);
		label = rubric_node_label(n);
		clean = width_sanitize(label);
		free(label);
		name = xasprintf("%*s%s", (n->depth - 1) * 2, "", clean);
		padded = width_pad(name, SHOW_NAME_COLS);
		snprintf(figure, sizeof figure, "%d / %d", sum.score,
		    sum.max);
		fprintf(f, "%s %11s", padded, figure);
		if (sum.scored < sum.items)
			fprintf(f, _("  scored %zu/%zu"), sum.scored,
			    sum.items);
		fputc('\n', f);
		free(padded);
		free(name);
		free(clean);
	}
	for (i = 0; i < n->nchildren; i++)
		show_sections(f, sc, &n->children[i]);
}

void
cli_show_unscored(FILE *f, const struct scorecard *sc)
{
	const struct rubric_node *item;
	size_t i, n = 0;
	char *title;

	for (i = 0; i < sc->rubric->nitems; i++) {
		if (sc->entries[i].scored || !scorecard_in_scope(sc, i) ||
		    team_unresolved(sc, i))
			continue;
		if (n++ == 0)
			fputs(_("unscored:\n"), f);
		item = sc->rubric->items[i];
		title = width_sanitize(item->title);
		fprintf(f, "  %-10s %s (%d~%d)\n", item->key, title, item->min,
		    item->max);
		free(title);
	}
	if (n == 0)
		fputs(_("unscored:   none\n"), f);
}

/* A conflict copy from import says whose copy it is. */
static void
show_conflict(FILE *f, struct store *st, const struct scorecard *sc)
{
	char uuid[37], *cause = NULL;

	if (store_import_conflict_of(st, sc->id, uuid, &cause) != 0) {
		free(cause);
		return;
	}
	if (uuid[0] != '\0')
		fprintf(f, _("conflict copy of %s: imported while the card here"
		    " had changed too; compare them and keep one\n\n"), uuid);
}

static int
cmd_show_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct scorecard *sc;
	struct store *st;
	const char *pos[1];
	size_t npos;
	const struct cli_opt opts[] = {
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	int rc;

	rc = cli_args_parse(&cli_cmd_show, argc, argv, opts, pos, 1, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 1)
		return cli_usage(&cli_cmd_show, _("needs a scorecard ID"));
	rc = cli_load(ctx, STORE_READONLY, pos[0], &st, &sc);
	if (rc != CLI_OK)
		return rc;
	show_header(stdout, sc);
	show_conflict(stdout, st, sc);
	if (sc->team != NULL)
		cli_show_team(stdout, st, sc);
	show_sections(stdout, sc, &sc->rubric->root);
	fputc('\n', stdout);
	if (sc->team != NULL)
		cli_show_flagged(stdout, sc);
	cli_show_unscored(stdout, sc);
	scorecard_free(sc);
	store_close(st);
	return CLI_OK;
}
