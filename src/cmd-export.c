#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "export.h"
#include "i18n.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_export_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_export = {
	"export",
	"ID [--format text|md|csv|json] [--width N] [-o FILE]",
	N_("write a scorecard as text like the paper form, Markdown, CSV or JSON"),
	N_("  --format F   text (default), md, csv or json\n"
	   "  --width N    the text layout's width in columns (default: the\n"
	   "               terminal's width, or 120 when not a terminal)\n"
	   "  -o FILE      write FILE atomically instead of standard output\n"),
	cmd_export_exec,
};

struct export_job {
	const struct scorecard	*sc;
	enum export_format	 format;
	int			 width;
};

static int
write_job(FILE *out, void *arg, char **cause)
{
	struct export_job *job = arg;

	return export_write(out, job->sc, job->format, job->width, cause);
}

static int
default_width(bool to_file)
{
	struct winsize ws;

	if (!to_file && isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 120;
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

static int
cmd_export_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *format = NULL, *widthtext = NULL, *file = NULL, *pos[1];
	struct export_job job = { 0 };
	struct scorecard *sc;
	struct store *st;
	char *cause = NULL, *names;
	size_t npos;
	long width;
	int rc, f;
	const struct cli_opt opts[] = {
		{ "--format", 0, true, &format, NULL, NULL, NULL },
		{ "--width", 0, true, &widthtext, NULL, NULL, NULL },
		{ "--output", 'o', true, &file, NULL, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	rc = cli_args_parse(&cli_cmd_export, argc, argv, opts, pos, 1, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 1)
		return cli_usage(&cli_cmd_export, _("needs a scorecard ID"));
	if (file != NULL && *file == '\0')
		return cli_usage(&cli_cmd_export, _("-o needs a file name"));
	f = export_format_parse(format != NULL ? format : "text");
	if (f < 0) {
		names = export_format_names();
		rc = cli_usage(&cli_cmd_export, _("--format is %s, not '%s'"),
		    names, format);
		free(names);
		return rc;
	}
	if (widthtext != NULL) {
		if (cli_args_int(&cli_cmd_export, "--width", widthtext, 40,
		    1000, &width) != CLI_OK)
			return CLI_USAGE;
	} else
		width = default_width(file != NULL && strcmp(file, "-") != 0);
	rc = cli_load(ctx, STORE_READONLY, pos[0], &st, &sc);
	if (rc != CLI_OK)
		return rc;
	job.sc = sc;
	job.format = (enum export_format)f;
	job.width = (int)width;
	if (run(&job, file, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	}
	scorecard_free(sc);
	store_close(st);
	return rc;
}
