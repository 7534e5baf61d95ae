/*
 * kaohe rubric list | check FILE... | show NAME|FILE: the rubric files
 * themselves, without a database. `check` is a linter: its error is the
 * loader's "FILE:LINE:COL: message" alone on a line, so editors jump to it.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "paths.h"
#include "rubric.h"
#include "rubric-show.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_rubric_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_rubric = {
	"rubric",
	"list | check FILE... | show NAME|FILE [--format text|json] [--width N]",
	N_("list, check or show rubrics (the YAML scoring forms)"),
	N_("  list          the rubrics in each rubric directory: NAME (what\n"
	   "                --rubric takes), id, items, total and title\n"
	   "  check FILE    validate FILE; prints 'FILE: ok (N items, total T)'\n"
	   "                or 'FILE:LINE:COL: problem' and exits 1\n"
	   "  show NAME|FILE\n"
	   "                the rubric as an outline, or as JSON\n"
	   "  --format F    text (default) or json\n"
	   "  --width N     the outline's width (default: the terminal's, or 80)\n"
	   "\n"
	   "$KAOHE_RUBRIC_PATH (colon-separated) is searched before the bundled\n"
	   "rubrics. The format is in kaohe-rubric(5).\n"),
	cmd_rubric_exec,
};

static const struct cli_opt no_opts[] = {
	{ NULL, 0, false, NULL, NULL, NULL, NULL },
};

static int
rubric_check(int argc, char **argv)
{
	const char *pos[64];
	struct rubric *r;
	char *cause, *name;
	size_t npos, i;
	int rc;

	rc = cli_args_parse(&cli_cmd_rubric, argc, argv, no_opts, pos, 64,
	    &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos == 0)
		return cli_usage(&cli_cmd_rubric, _("check needs a FILE"));
	for (i = 0; i < npos; i++) {
		if (paths_load_rubric_file(pos[i], NULL, &r, &cause) != 0) {
			cli_diagnostic("%s", cause);
			free(cause);
			rc = CLI_FAILED;
			continue;
		}
		name = width_sanitize(pos[i]);
		printf(_("%s: ok (%zu items, total %d)\n"), name, r->nitems,
		    r->total);
		free(name);
		/* Keep ok lines and error lines in order when both go to a file. */
		fflush(stdout);
		rubric_free(r);
	}
	return rc;
}

static int
rubric_show(int argc, char **argv)
{
	const char *format = NULL, *widthtext = NULL, *pos[1];
	const struct cli_opt opts[] = {
		{ "--format", 0, true, &format, NULL, NULL, NULL },
		{ "--width", 0, true, &widthtext, NULL, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	struct rubric *r;
	char *cause = NULL;
	size_t npos;
	long width = 0;
	int rc;

	rc = cli_args_parse(&cli_cmd_rubric, argc, argv, opts, pos, 1, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 1)
		return cli_usage(&cli_cmd_rubric, _("show needs a NAME or FILE"));
	if (format == NULL)
		format = "text";
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return cli_usage(&cli_cmd_rubric, _("--format is text or json,"
		    " not '%s'"), format);
	if (widthtext != NULL && cli_args_int(&cli_cmd_rubric, "--width",
	    widthtext, 40, 1000, &width) != CLI_OK)
		return CLI_USAGE;
	if (widthtext == NULL)
		width = cli_args_width(80);
	if (paths_load_rubric(pos[0], NULL, &r, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
		return rc;
	}
	if (strcmp(format, "json") == 0)
		rc = rubric_show_json(stdout, r, &cause);
	else
		rc = rubric_show_text(stdout, r, (int)width, &cause);
	rubric_free(r);
	if (rc != 0) {
		cli_fail("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	return CLI_OK;
}

/* One row of `rubric list`. */
struct listing {
	char	*cell[5];	/* NAME, ID, ITEMS, TOTAL, TITLE */
};

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.yaml names in dir, sorted; NULL when it cannot be read. */
static char **
yaml_files(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t len;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 5 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		names = xreallocarray(names, *n + 1, sizeof *names);
		names[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 0)
		qsort(names, *n, sizeof *names, by_name);
	return names;
}

static bool
seen_before(char **seen, size_t nseen, const char *name)
{
	size_t i;

	for (i = 0; i < nseen; i++)
		if (strcmp(seen[i], name) == 0)
			return true;
	return false;
}

static void
list_row(struct listing *row, const char *dir, const char *file,
    bool hidden, bool *bad)
{
	char *path = xasprintf("%s/%s", dir, file), *cause, *title;
	struct rubric *r;

	row->cell[0] = xstrndup(file, strlen(file) - 5);
	if (paths_load_rubric_file(path, NULL, &r, &cause) != 0) {
		cli_diagnostic("%s", cause);
		free(cause);
		*bad = true;
		row->cell[1] = xstrdup("-");
		row->cell[2] = xstrdup("-");
		row->cell[3] = xstrdup("-");
		row->cell[4] = xstrdup(_("(invalid: see the message above)"));
	} else {
		title = width_sanitize(r->title);
		row->cell[1] = width_sanitize(r->id);
		row->cell[2] = xasprintf("%zu", r->nitems);
		row->cell[3] = xasprintf("%d", r->total);
		row->cell[4] = hidden ? xasprintf(_("%s (hidden by the one"
		    " above)"), title) : xstrdup(title);
		free(title);
		rubric_free(r);
	}
	free(path);
}

/* The table, columns aligned by display width; counts right-aligned. */
static void
print_table(struct listing *rows, size_t n)
{
	static const bool right[5] = { false, false, true, true, false };
	size_t w[5] = { 0 }, i, c, cw;

	for (i = 0; i < n; i++)
		for (c = 0; c < 4; c++) {
			cw = width_of(rows[i].cell[c]);
			w[c] = cw > w[c] ? cw : w[c];
		}
	for (i = 0; i < n; i++) {
		for (c = 0; c < 5; c++) {
			cw = width_of(rows[i].cell[c]);
			if (right[c])
				printf("%*s", (int)(w[c] - cw), "");
			fputs(rows[i].cell[c], stdout);
			if (c == 4)
				break;
			printf("%*s", (int)((right[c] ? 0 : w[c] - cw) + 2),
			    "");
		}
		fputc('\n', stdout);
	}
}

static void
list_dir(const char *dir, char ***seen, size_t *nseen, bool *bad)
{
	struct listing *rows;
	char **files;
	size_t n, i, c;

	files = yaml_files(dir, &n);
	if (n == 0) {
		free(files);
		return;
	}
	rows = xcalloc(n + 1, sizeof *rows);
	rows[0] = (struct listing){ { xstrdup("NAME"), xstrdup("ID"),
	    xstrdup("ITEMS"), xstrdup("TOTAL"), xstrdup("TITLE") } };
	for (i = 0; i < n; i++) {
		list_row(&rows[i + 1], dir, files[i],
		    seen_before(*seen, *nseen, files[i]), bad);
		*seen = xreallocarray(*seen, *nseen + 1, sizeof **seen);
		(*seen)[(*nseen)++] = files[i];
	}
	printf("%s%s:\n", *nseen > n ? "\n" : "", dir);
	print_table(rows, n + 1);
	for (i = 0; i <= n; i++)
		for (c = 0; c < 5; c++)
			free(rows[i].cell[c]);
	free(rows);
	free(files);
}

static int
rubric_list(int argc, char **argv)
{
	const char *const *dir;
	char **seen = NULL;
	size_t nseen = 0, npos, i;
	bool bad = false;
	int rc;

	rc = cli_args_parse(&cli_cmd_rubric, argc, argv, no_opts, NULL, 0,
	    &npos);
	if (rc != CLI_OK)
		return rc;
	for (dir = paths_rubric_dirs(); *dir != NULL; dir++)
		list_dir(*dir, &seen, &nseen, &bad);
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
	if (nseen == 0)
		return cli_fail(_("no rubrics found (see 'kaohe rubric"
		    " --help' for where kaohe looks)"));
	return bad ? CLI_FAILED : CLI_OK;
}

static const struct {
	const char	*name;
	int		(*exec)(int, char **);
} subcommands[] = {
	{ "list", rubric_list },
	{ "check", rubric_check },
	{ "show", rubric_show },
};

static int
cmd_rubric_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	size_t i;

	(void)ctx;	/* rubrics live in files, not in the database */
	if (argc < 2)
		return cli_usage(&cli_cmd_rubric, _("rubric needs list, check"
		    " or show"));
	for (i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].exec(argc - 1, argv + 1);
	return cli_usage(&cli_cmd_rubric, _("unknown rubric command '%s'"
	    " (list, check or show)"), argv[1]);
}
