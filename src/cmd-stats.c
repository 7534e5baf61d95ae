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

static int	cmd_stats_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_stats = {
	"stats",
	"[--agency A] [--year Y] [--status draft|final] [--rubric ID]"
	" [--format text|csv|json] [--ascii]",
	N_("per-section mean, min and max; agencies ranked; the yearly trend"),
	N_("  --agency A      agencies whose name contains A\n"
	   "  --year Y        the year of the inspection date: 2021, or the\n"
	   "                  ROC year 110 (any Y below 1911 is read as ROC)\n"
	   "  --status S      draft or final (drafts count their partial sums)\n"
	   "  --rubric ID     scorecards made with this rubric\n"
	   "  --format F      text (default, with bar charts), csv or json\n"
	   "  --ascii         draw bars with '#' (also when the locale is not"
	   " UTF-8)\n"),
	cmd_stats_exec,
};

struct stats_flags {
	const char	*year, *status, *format;
	bool		 ascii;
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
	const struct cli_command *cmd = &cli_cmd_stats;
	long v;

	if (f->year != NULL) {
		if (cli_args_int(cmd, "--year", f->year, 1, 9999, &v) !=
		    CLI_OK)
			return CLI_USAGE;
		q->year = v < STATS_ROC_OFFSET ? (int)v + STATS_ROC_OFFSET :
		    (int)v;
	}
	if (f->status != NULL) {
		if (strcmp(f->status, "draft") == 0)
			q->status = SCORECARD_DRAFT;
		else if (strcmp(f->status, "final") == 0)
			q->status = SCORECARD_FINAL;
		else
			return cli_usage(cmd, _("--status is draft or final,"
			    " not '%s'"), f->status);
	}
	if (f->format == NULL || strcmp(f->format, "text") == 0)
		o->format = STATS_TEXT;
	else if (strcmp(f->format, "csv") == 0)
		o->format = STATS_CSV;
	else if (strcmp(f->format, "json") == 0)
		o->format = STATS_JSON;
	else
		return cli_usage(cmd, _("--format is text, csv or json, not"
		    " '%s'"), f->format);
	o->ascii = f->ascii || !stats_locale_utf8();
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
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	memset(&o, 0, sizeof o);
	rc = cli_args_parse(&cli_cmd_stats, argc, argv, opts, pos, 0, &npos);
	if (rc != CLI_OK)
		return rc;
	rc = parse_flags(&f, &q, &o);
	if (rc != CLI_OK)
		return rc;
	if (cli_open_store(ctx, STORE_READONLY, &st) != CLI_OK)
		return CLI_FAILED;
	if (stats_report(stdout, st, &q, o.format, o.ascii, &cause) != 0) {
		cli_fail("%s", cause);
		free(cause);
		rc = CLI_FAILED;
	}
	store_close(st);
	return rc;
}
