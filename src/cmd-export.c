#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "cli-show.h"
#include "export.h"
#include "i18n.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_export_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_export = {
	"export",
	"ID[@N] [--revision N] [--format text|md|csv|json|html|pdf]"
	" [--width N] [--paper a4] [--ambiguous narrow|wide] [-o FILE]\n"
	"       kaohe export TEAM --summary [--format text|csv|html|pdf] [--width N] [-o FILE]\n"
	"       kaohe export (ID... | --all [--agency A] [--year Y]"
	" [--status S]) --format jsonl [-o FILE]",
	N_("write a scorecard as text like the paper form, Markdown, CSV, JSON,"
	   " HTML or PDF"),
	N_("  --revision N a kept final revision (also ID@N); default: the\n"
	   "               current one\n"
	   "  --format F   text (default), md, csv, json, html or pdf (the form\n"
	   "               to print or hand in, A4 landscape; pdf needs -o\n"
	   "               on a terminal), or jsonl: a bundle\n"
	   "               of many cards for `kaohe import`, one card a line,\n"
	   "               each rubric snapshot once, on a line before the\n"
	   "               cards that use it\n"
	   "  --all        a bundle of every scorecard, or of those that match\n"
	   "               --agency A (a substring), --year Y (2021 or 110) and\n"
	   "               --status draft|final\n"
	   "  --summary    a team card's 評分總表: every member's score per item,\n"
	   "               the team's, the spread and how it was settled, the\n"
	   "               totals and a signature line per member and for the\n"
	   "               召集人 (text, csv, html or pdf)\n"
	   "  --width N    the text layout's width in columns (default: the\n"
	   "               terminal's width, or 120 when not a terminal;\n"
	   "               132 with --paper a4); below 100 the items are\n"
	   "               listed instead of drawn as the form's table\n"
	   "  --paper a4   text: pages of 44 lines for A4 landscape, separated\n"
	   "               by form feeds, the table header on every page and\n"
	   "               '第 N 頁／共 M 頁' at the foot\n"
	   "  --ambiguous W  narrow (default, as wcwidth counts) or wide: lay\n"
	   "               out for a font that draws ■ □ ①–⑫ — two columns wide\n"
	   "  -o FILE      write FILE atomically instead of standard output\n"),
	cmd_export_exec,
};

struct export_job {
	const struct scorecard	*sc;
	enum export_format	 format;
	struct export_options	 opts;
	bool			 summary;	/* a team card's 評分總表 */
	/* A bundle: the cards, loaded one at a time as they are written. */
	struct store		*st;
	long long		*ids;
	size_t			 nids;
};

static int
write_bundle(FILE *out, struct export_job *job, char **cause)
{
	struct export_bundle *b = export_bundle_new(out);
	struct scorecard *sc;
	size_t i;
	int rc = 0;

	for (i = 0; i < job->nids && rc == 0; i++) {
		if ((rc = store_load(job->st, job->ids[i], &sc, cause)) != 0)
			break;
		rc = export_bundle_add(b, sc, cause);
		scorecard_free(sc);
	}
	export_bundle_free(b);
	return rc;
}

static int
write_job(FILE *out, void *arg, char **cause)
{
	struct export_job *job = arg;

	if (job->ids != NULL)
		return write_bundle(out, job, cause);
	if (job->summary)
		return export_summary(out, job->sc, job->format,
		    job->opts.width, cause);
	return export_write_opts(out, job->sc, job->format, &job->opts,
	    cause);
}

/* The paper form's widths: A4 pages, else a file's or a pipe's 120. */
static int
export_default_width(bool to_file, bool paper)
{
	if (paper)
		return 132;
	return to_file ? 120 : cli_args_width(120);
}

/*
 * To a terminal, the export is built in memory and its control characters
 * stripped, so a hostile note cannot drive the terminal.
 */
static int
to_terminal(struct export_job *job, char **cause)
{
	char *buf = NULL, *clean;
	size_t len = 0;
	FILE *mem;
	int rc;

	mem = open_memstream(&buf, &len);
	if (mem == NULL) {
		*cause = xstrdup(_("out of memory"));
		return -1;
	}
	rc = write_job(mem, job, cause);
	if (fclose(mem) != 0 && rc == 0) {
		*cause = xstrdup(_("out of memory"));
		rc = -1;
	}
	if (rc == 0) {
		clean = width_sanitize(buf);
		fputs(clean, stdout);
		free(clean);
	}
	free(buf);
	return rc;
}

static int
run(struct export_job *job, const char *file, char **cause)
{
	if (file != NULL && strcmp(file, "-") != 0)
		return export_atomic(file, write_job, job, cause);
	if (isatty(STDOUT_FILENO))
		return to_terminal(job, cause);
	if (write_job(stdout, job, cause) != 0)
		return -1;
	if (fflush(stdout) != 0) {
		*cause = xstrdup(_("cannot write the export"));
		return -1;
	}
	return 0;
}

struct export_flags {
	const char	*format, *width, *file, *agency, *year, *status;
	const char	*paper, *ambiguous;
	const char	*revision;
	bool		 all, summary;
	const char	**pos;
	size_t		 npos;
};

static int
collect_id(const struct store_summary *r, void *arg)
{
	struct export_job *job = arg;

	job->ids = xreallocarray(job->ids, job->nids + 1, sizeof *job->ids);
	job->ids[job->nids++] = r->id;
	return 0;
}

/* The bundle's cards: the IDs given (each must exist), or --all's matches. */
static int
bundle_ids(struct cli_ctx *ctx, const struct export_flags *f,
    struct export_job *job)
{
	struct store_query q = { .status = -1, .sort = STORE_SORT_ID };
	char *cause = NULL;
	size_t i;

	if (f->all && cli_args_filters(&cli_cmd_export, f->year, f->status,
	    &q) != CLI_OK)
		return CLI_USAGE;
	q.agency = f->agency;
	if (cli_open_store(ctx, STORE_READONLY, &job->st) != CLI_OK)
		return CLI_FAILED;
	job->ids = xcalloc(f->npos + 1, sizeof *job->ids);
	for (i = 0; i < f->npos; i++)
		if (!cli_parse_id(f->pos[i], &job->ids[job->nids++]))
			return cli_usage(&cli_cmd_export, _("'%s' is not a"
			    " scorecard ID (a positive number)"), f->pos[i]);
	if (f->all && store_list(job->st, &q, collect_id, job, &cause) != 0) {
		cli_fail("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	return CLI_OK;
}

/* Which flags go with which form: one card, or a bundle. */
static int
check_forms(const struct export_flags *f, bool bundle)
{
	const struct cli_command *cmd = &cli_cmd_export;

	if (f->all && f->npos > 0)
		return cli_usage(cmd, _("--all takes no scorecard ID"));
	if ((f->agency != NULL || f->year != NULL || f->status != NULL) &&
	    !f->all)
		return cli_usage(cmd, _("--agency, --year and --status go with"
		    " --all"));
	if (f->all && !bundle)
		return cli_usage(cmd, _("--all writes a bundle: add --format"
		    " jsonl"));
	if (!bundle && f->npos > 1)
		return cli_usage(cmd, _("several scorecards make a bundle: add"
		    " --format jsonl"));
	if (!f->all && f->npos == 0)
		return cli_usage(cmd, _("needs a scorecard ID"));
	if (bundle && f->width != NULL)
		return cli_usage(cmd, _("--width is for the text format"));
	if (bundle && (f->paper != NULL || f->ambiguous != NULL))
		return cli_usage(cmd, _("--paper and --ambiguous are for the"
		    " text format"));
	if (bundle && f->revision != NULL)
		return cli_usage(cmd, _("--revision is for one scorecard, not"
		    " a bundle"));
	if (f->file != NULL && *f->file == '\0')
		return cli_usage(cmd, _("-o needs a file name"));
	if (f->summary && (bundle || f->all || (f->format != NULL &&
	    strcmp(f->format, "text") != 0 && strcmp(f->format, "csv") != 0 &&
	    strcmp(f->format, "html") != 0 && strcmp(f->format, "pdf") != 0)))
		return cli_usage(cmd, _("--summary writes text, csv, html or"
		    " pdf"));
	if (f->summary && f->paper != NULL)
		return cli_usage(cmd, _("--paper pages the form, not"
		    " --summary"));
	return CLI_OK;
}

/* --paper and --ambiguous: how the text is laid out. */
static int
layout_options(const struct export_flags *f, struct export_options *o)
{
	static const char *const papers[] = { "a4", NULL };
	static const char *const ambiguous[] = { "narrow", "wide", NULL };
	int i;

	if (f->paper != NULL) {
		if (cli_args_choice(&cli_cmd_export, "--paper", f->paper,
		    papers, &i) != CLI_OK)
			return CLI_USAGE;
		o->paper = EXPORT_PAPER_A4;
	}
	if (cli_args_choice(&cli_cmd_export, "--ambiguous", f->ambiguous,
	    ambiguous, &i) != CLI_OK)
		return CLI_USAGE;
	o->ambiguous_wide = i == 1;
	return CLI_OK;
}

static int
export_bundle_run(struct cli_ctx *ctx, const struct export_flags *f)
{
	struct export_job job = { 0 };
	char *cause = NULL;
	int rc;

	rc = bundle_ids(ctx, f, &job);
	if (rc == CLI_OK && run(&job, f->file, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	}
	free(job.ids);
	store_close(job.st);
	return rc;
}

static int
cmd_export_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct export_flags f = { 0 };
	long revision = 0;
	struct export_job job = { 0 };
	struct scorecard *sc;
	struct store *st;
	char *cause = NULL, *names;
	long width;
	bool bundle;
	int rc, fmt;
	const struct cli_opt opts[] = {
		{ "--format", 0, true, &f.format, NULL, NULL, NULL },
		{ "--width", 0, true, &f.width, NULL, NULL, NULL },
		{ "--paper", 0, true, &f.paper, NULL, NULL, NULL },
		{ "--ambiguous", 0, true, &f.ambiguous, NULL, NULL, NULL },
		{ "--output", 'o', true, &f.file, NULL, NULL, NULL },
		{ "--all", 0, false, NULL, &f.all, NULL, NULL },
		{ "--summary", 0, false, NULL, &f.summary, NULL, NULL },
		{ "--agency", 0, true, &f.agency, NULL, NULL, NULL },
		{ "--year", 0, true, &f.year, NULL, NULL, NULL },
		{ "--status", 0, true, &f.status, NULL, NULL, NULL },
		{ "--revision", 0, true, &f.revision, NULL, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	f.pos = xcalloc((size_t)argc, sizeof *f.pos);
	rc = cli_args_parse(&cli_cmd_export, argc, argv, opts, f.pos,
	    (size_t)argc, &f.npos);
	bundle = f.format != NULL && strcmp(f.format, "jsonl") == 0;
	if (rc == CLI_OK)
		rc = check_forms(&f, bundle);
	if (rc == CLI_OK && bundle)
		rc = export_bundle_run(ctx, &f);
	if (rc != CLI_OK || bundle)
		goto out;
	fmt = export_format_parse(f.format != NULL ? f.format : "text");
	if (fmt < 0) {
		names = export_format_names();
		rc = cli_usage(&cli_cmd_export, _("--format is %s, or jsonl"
		    " for a bundle; not '%s'"), names, f.format);
		free(names);
		goto out;
	}
	if ((rc = layout_options(&f, &job.opts)) != CLI_OK)
		goto out;
	/* A PDF's bytes on a terminal are noise, and stripping their control
	 * characters would break the file: ask for a file instead. */
	if (export_format_get((enum export_format)fmt)->binary &&
	    (f.file == NULL || strcmp(f.file, "-") == 0) &&
	    isatty(STDOUT_FILENO)) {
		rc = cli_usage(&cli_cmd_export, _("--format %s is not for a"
		    " terminal: write it with -o FILE"), f.format);
		goto out;
	}
	if (f.width != NULL) {
		if ((rc = cli_args_int(&cli_cmd_export, "--width", f.width, 40,
		    1000, &width)) != CLI_OK)
			goto out;
	} else
		width = export_default_width(f.file != NULL &&
		    strcmp(f.file, "-") != 0,
		    job.opts.paper != EXPORT_PAPER_NONE);
	if (f.revision != NULL && (rc = cli_args_int(&cli_cmd_export,
	    "--revision", f.revision, 1, 1000000, &revision)) != CLI_OK)
		goto out;
	if ((rc = cli_load_revision(ctx, STORE_READONLY, f.pos[0],
	    (int)revision, &st, &sc)) != CLI_OK)
		goto out;
	cli_warn_stale(st, sc);
	job.sc = sc;
	job.format = (enum export_format)fmt;
	job.opts.width = (int)width;
	job.summary = f.summary;
	if (run(&job, f.file, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	}
	scorecard_free(sc);
	store_close(st);
out:
	free(f.pos);
	return rc;
}
