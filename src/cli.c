#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli-commands.h"
#include "i18n.h"
#include "paths.h"
#include "tui/tui.h"
#include "width.h"
#include "xalloc.h"

static void
print_help(FILE *f)
{
	const struct cli_command *const *c;

	fprintf(f, _("usage: kaohe [--db FILE] [COMMAND [ARG...]]\n"
	    "\n"
	    "Score a public-service (為民服務) inspection against a YAML rubric.\n"
	    "With no command, kaohe opens the terminal UI.\n"
	    "\n"
	    "Options:\n"
	    "  --db FILE      the database (else $KAOHE_DB, else\n"
	    "                 $XDG_DATA_HOME/kaohe/kaohe.db)\n"
	    "  -h, --help     show this help\n"
	    "  -V, --version  show the version\n"
	    "\n"
	    "Commands:\n"));
	for (c = cli_commands; *c != NULL; c++)
		fprintf(f, "  %-10s %s\n", (*c)->name, _((*c)->summary));
	fprintf(f, _("\n'kaohe COMMAND --help' shows a command's options;"
	    " man kaohe has the rest.\n"));
}

/*
 * Messages echo what the user typed and what the database holds (an
 * agency, a path): strip control characters so that they cannot drive
 * the terminal, and fold newlines so that the message stays one line.
 */
static void
print_line(const char *prefix, const char *fmt, va_list ap)
{
	char *raw = xvasprintf(fmt, ap), *clean, *p;

	clean = width_sanitize(raw);
	free(raw);
	for (p = clean; *p != '\0'; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	fprintf(stderr, "%s%s\n", prefix, clean);
	free(clean);
}

static void
print_error(const char *fmt, va_list ap)
{
	print_line("kaohe: ", fmt, ap);
}

void
cli_diagnostic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_line("", fmt, ap);
	va_end(ap);
}

int
cli_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_error(fmt, ap);
	va_end(ap);
	return CLI_FAILED;
}

int
cli_usage(const struct cli_command *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_error(fmt, ap);
	va_end(ap);
	if (cmd != NULL)
		fprintf(stderr, _("usage: kaohe %s %s\n"), cmd->name,
		    cmd->usage);
	else
		fputs(_("usage: kaohe [--db FILE] [COMMAND [ARG...]]\n"),
		    stderr);
	return CLI_USAGE;
}

/* Does argv hold -h or --help before "--"? Then print the command's help. */
static bool
cli_wants_help(const struct cli_command *cmd, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			printf(_("usage: kaohe %s %s\n\n%s\n"), cmd->name,
			    cmd->usage, _(cmd->summary));
			if (cmd->help != NULL && *cmd->help != '\0')
				printf("\n%s", _(cmd->help));
			return true;
		}
	}
	return false;
}

bool
cli_db_missing(struct cli_ctx *ctx)
{
	char *path = paths_db(ctx->db_flag);
	struct stat sb;
	bool missing;

	missing = stat(path, &sb) == -1 && errno == ENOENT;
	free(path);
	return missing;
}

int
cli_open_store(struct cli_ctx *ctx, enum store_mode mode, struct store **st)
{
	char *path = paths_db(ctx->db_flag), *cause = NULL;
	int rc;

	/* Reading never creates the file; say what a new user should do. */
	if (mode != STORE_READWRITE && cli_db_missing(ctx)) {
		cli_fail(_("there is no database at %s yet; 'kaohe new' starts"
		    " one"), path);
		free(path);
		return CLI_FAILED;
	}
	rc = store_open(path, mode, st, &cause);
	if (rc != 0) {
		free(path);
		cli_fail("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	if (store_schema_problem(*st) != NULL)
		cli_warn(_("%s: its schema was changed outside kaohe (%s);"
		    " kaohe reads it but will not write to it"), path,
		    store_schema_problem(*st));
	free(path);
	return CLI_OK;
}

bool
cli_parse_id(const char *s, long long *id)
{
	char *end;
	long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v <= 0)
		return false;
	*id = v;
	return true;
}

bool
cli_parse_ref(const char *s, long long *id, int *revision)
{
	const char *at = s != NULL ? strchr(s, '@') : NULL;
	long long rev;
	char *head;
	bool ok;

	*revision = 0;
	if (at == NULL)
		return cli_parse_id(s, id);
	head = xstrndup(s, (size_t)(at - s));
	ok = cli_parse_id(head, id) && cli_parse_id(at + 1, &rev) &&
	    rev <= INT_MAX;
	free(head);
	if (ok)
		*revision = (int)rev;
	return ok;
}

int
cli_warn(const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	cli_fail(_("warning: %s"), msg);
	free(msg);
	return CLI_OK;
}

/* sc: the card's current revision, just loaded, or NULL. */
static int
check_seal(struct store *st, long long id, const struct scorecard *sc)
{
	char *problem = NULL, *cause = NULL;
	int rc;

	rc = sc != NULL ? store_verify_loaded(st, sc, &problem, &cause) :
	    store_verify(st, id, &problem, &cause);
	if (rc != 0) {
		cli_warn(_("scorecard %lld could not be verified: %s"), id,
		    cause);
		free(cause);
		return -1;
	}
	if (problem == NULL)
		return 0;
	cli_warn(_("scorecard %lld is TAMPERED: %s"), id, problem);
	free(problem);
	return -1;
}

int
cli_check_seal(struct store *st, long long id)
{
	return check_seal(st, id, NULL);
}

static int
load(struct cli_ctx *ctx, enum store_mode mode, const char *idtext,
    int revision, bool refuse_tampered, struct store **st,
    struct scorecard **sc)
{
	long long id;
	char *cause = NULL;
	int rev = 0, rc;

	/* A malformed ID is a usage error; an unknown one is refused work. */
	if (!cli_parse_ref(idtext, &id, &rev)) {
		cli_fail(_("'%s' is not a scorecard ID (a positive number, or"
		    " ID@REVISION)"), idtext);
		return CLI_USAGE;
	}
	if (revision > 0 && rev > 0 && revision != rev) {
		cli_fail(_("'%s' names revision %d, --revision %d"), idtext,
		    rev, revision);
		return CLI_USAGE;
	}
	if (revision > 0)
		rev = revision;
	if (cli_db_missing(ctx)) {
		cause = paths_db(ctx->db_flag);
		cli_fail(_("there is no scorecard %lld: there is no database at"
		    " %s yet; 'kaohe new' starts one"), id, cause);
		free(cause);
		return CLI_FAILED;
	}
	/* A card is read or changed: an empty file is not made a database. */
	if (cli_open_store(ctx, mode == STORE_READWRITE ? STORE_EXISTING :
	    mode, st) != CLI_OK)
		return CLI_FAILED;
	rc = rev > 0 ? store_load_revision(*st, id, rev, sc, &cause) :
	    store_load(*st, id, sc, &cause);
	if (rc != 0) {
		cli_fail("%s", cause);
		free(cause);
		/* Why a card does not load may be tampering: say what. */
		check_seal(*st, id, NULL);
		store_close(*st);
		*st = NULL;
		return CLI_FAILED;
	}
	/* A tampered card is shown with its warning, never changed. */
	if (check_seal(*st, id, rev > 0 ? NULL : *sc) != 0 &&
	    mode == STORE_READWRITE && refuse_tampered) {
		cli_fail(_("scorecard %lld failed verification; kaohe will not"
		    " change it"), id);
		scorecard_free(*sc);
		*sc = NULL;
		store_close(*st);
		*st = NULL;
		return CLI_FAILED;
	}
	return CLI_OK;
}

int
cli_load_revision(struct cli_ctx *ctx, enum store_mode mode,
    const char *idtext, int revision, struct store **st,
    struct scorecard **sc)
{
	return load(ctx, mode, idtext, revision, true, st, sc);
}

int
cli_load(struct cli_ctx *ctx, enum store_mode mode, const char *idtext,
    struct store **st, struct scorecard **sc)
{
	return load(ctx, mode, idtext, 0, true, st, sc);
}

int
cli_load_to_view(struct cli_ctx *ctx, const char *idtext, struct store **st,
    struct scorecard **sc)
{
	return load(ctx, STORE_READWRITE, idtext, 0, false, st, sc);
}

static const struct cli_command *
find_command(const char *name)
{
	const struct cli_command *const *c;

	for (c = cli_commands; *c != NULL; c++)
		if (strcmp((*c)->name, name) == 0)
			return *c;
	return NULL;
}

static int
run_home(struct cli_ctx *ctx)
{
	struct store *st;
	int rc;

	if (cli_open_store(ctx, STORE_READWRITE, &st) != CLI_OK)
		return CLI_FAILED;
	rc = tui_run(st, TUI_HOME, 0, NULL);
	store_close(st);
	return rc;
}

/*
 * stdio reports a full disk only when it flushes: a command that printed
 * a report must not exit 0 when the report was lost on the way.
 */
static int
check_stdout(int rc)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	if (rc == CLI_OK)
		rc = cli_fail(_("cannot write to standard output: %s"),
		    strerror(errno));
	return rc;
}

int
cli_main(int argc, char **argv)
{
	struct cli_ctx ctx = { NULL };
	const struct cli_command *cmd;
	int i = 1;

	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 ||
		    strncmp(argv[i], "--db=", 5) == 0) {
			if (ctx.db_flag != NULL)
				return cli_usage(NULL, _("--db is given"
				    " twice"));
			/* --db "" must not mean the default database. */
			ctx.db_flag = argv[i][4] == '=' ? argv[i] + 5 :
			    i + 1 < argc ? argv[i + 1] : NULL;
			if (ctx.db_flag == NULL || *ctx.db_flag == '\0')
				return cli_usage(NULL, _("--db needs a FILE"));
			i += argv[i][4] == '=' ? 1 : 2;
		} else if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			print_help(stdout);
			return CLI_OK;
		} else if (strcmp(argv[i], "-V") == 0 ||
		    strcmp(argv[i], "--version") == 0) {
			printf("kaohe %s\n", PACKAGE_VERSION);
			return CLI_OK;
		} else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else
			return cli_usage(NULL, _("unknown option '%s'"),
			    argv[i]);
	}
	if (i >= argc)
		return run_home(&ctx);
	cmd = find_command(argv[i]);
	if (cmd == NULL)
		return cli_usage(NULL, _("unknown command '%s' (see kaohe"
		    " --help)"), argv[i]);
	if (cli_wants_help(cmd, argc - i, argv + i))
		return CLI_OK;
	return check_stdout(cmd->exec(&ctx, argc - i, argv + i));
}
