/*
 * kaohe stats: what a reviewer pastes into a report. Per section the mean,
 * min and max over the filtered scorecards; the agencies ranked by mean
 * total; the mean total per year. The report itself is stats-report.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "stats.h"
#include "width.h"

static int	cmd_stats_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_stats = {
	"stats",
	"[--agency A] [--year Y] [--status final|draft|all] [--rubric ID]"
	" [--format text|csv|json] [--ascii] [--raters]",
	N_("per-section mean, min and max; agencies ranked; the yearly trend"),
	N_("  --agency A      agencies whose name contains A\n"
	   "  --year Y        the year of the inspection date: 2021, or the\n"
	   "                  ROC year 110 (any Y below 1911 is read as ROC)\n"
	   "  --status S      final (the default), draft or all; drafts count\n"
	   "                  their partial sums\n"
	   "  --rubric ID     scorecards made with this rubric\n"
	   "  --format F      text (default, with bar charts), csv or json\n"
	   "  --ascii         draw bars with '#' (also when the locale is not"
	   " UTF-8)\n"
	   "  --raters        the inter-rater view instead: per item, over the\n"
	   "                  team cards selected, the members' mean spread\n"
	   "                  and how often the item was flagged, the most\n"
	   "                  disagreed first\n"),
	cmd_stats_exec,
};

struct stats_flags {
	const char	*year, *status, *format;
	bool		 ascii, raters;
};

/* What the flags chose beside the filter. */
struct stats_choice {
	enum stats_format	 format;
	bool			 ascii;
};

static int
parse_flags(const struct stats_flags *f, struct store_query *q,
    struct stats_choice *o)
{
	static const char *const formats[] = { "text", "csv", "json", NULL };
	static const char *const statuses[] = { "final", "draft", "all", NULL };
	const struct cli_command *cmd = &cli_cmd_stats;
	int i, status;

	/*
	 * Final cards by default: a 0/36 draft must not pull an agency's
	 * mean down unless the reviewer asks for drafts.
	 */
	if (cli_args_choice(cmd, "--status", f->status, statuses, &status) !=
	    CLI_OK)
		return CLI_USAGE;
	q->status = status == 0 ? SCORECARD_FINAL : status == 1 ?
	    SCORECARD_DRAFT : -1;
	if (cli_args_filters(cmd, f->year, NULL, q) != CLI_OK ||
	    cli_args_choice(cmd, "--format", f->format, formats, &i) != CLI_OK)
		return CLI_USAGE;
	/* formats is in enum stats_format's order. */
	o->format = (enum stats_format)i;
	o->ascii = f->ascii || !width_locale_utf8();
	return CLI_OK;
}

static int
cmd_stats_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct store_query q = { .status = -1 };
	struct stats_flags f = { 0 };
	struct stats_choice o;
	struct store *st;
	const char *pos[1];
	char *cause = NULL;
	size_t npos;
	int rc;
	const struct cli_opt opts[] = {
		{ "--agency", 0, true, &q.agency, NULL, NULL, NULL },
		{ "--year", 0, true, &f.year, NULL, NULL, NULL },
		{ "--status", 0, true, &f.status, NULL, NULL, NULL },
		{ "--rubric", 0, true, &q.rubric_id, NULL, NULL, NULL },
		{ "--format", 0, true, &f.format, NULL, NULL, NULL },
		{ "--ascii", 0, false, NULL, &f.ascii, NULL, NULL },
		{ "--raters", 0, false, NULL, &f.raters, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	memset(&o, 0, sizeof o);
	rc = cli_args_parse(&cli_cmd_stats, argc, argv, opts, pos, 0, &npos);
	if (rc != CLI_OK)
		return rc;
	rc = parse_flags(&f, &q, &o);
	if (rc != CLI_OK)
		return rc;
	if (cli_db_missing(ctx)) {
		puts(_("no scorecards yet"));
		return CLI_OK;
	}
	if (cli_open_store(ctx, STORE_READONLY, &st) != CLI_OK)
		return CLI_FAILED;
	if ((f.raters ? stats_raters(stdout, st, &q, o.format, &cause) :
	    stats_report(stdout, st, &q, o.format, o.ascii, &cause)) != 0) {
		cli_fail("%s", cause);
		free(cause);
		rc = CLI_FAILED;
	}
	store_close(st);
	return rc;
}
