#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "width.h"

static int	cmd_history_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_history = {
	"history",
	"ID",
	N_("the audit trail: every change of a score, tier, note or header,"
	   " every undo, every reopen and every rebuild of a team card"),
	"",
	cmd_history_exec,
};

/* Long notes are cut in the trail; the export has them whole. */
#define HISTORY_VALUE_COLS	30

static void
print_value(const char *v)
{
	char *clean, *cut;
	size_t i;

	if (v == NULL) {
		fputs("-", stdout);
		return;
	}
	clean = width_sanitize(v);
	for (i = 0; clean[i] != '\0'; i++)
		if (clean[i] == '\n' || clean[i] == '\t')
			clean[i] = ' ';
	if (width_of(clean) > HISTORY_VALUE_COLS) {
		cut = width_pad(clean, HISTORY_VALUE_COLS - 1);
		printf("%s…", cut);
		free(cut);
	} else
		fputs(clean, stdout);
	free(clean);
}

static void
print_reason(const char *v)
{
	char *clean;
	size_t i;

	clean = width_sanitize(v != NULL ? v : "");
	for (i = 0; clean[i] != '\0'; i++)
		if (clean[i] == '\n' || clean[i] == '\t')
			clean[i] = ' ';
	fputs(clean, stdout);
	free(clean);
}

/*
 * A team card's rebuild: how many of the lines above are its (old), the
 * items they changed (new, keys space-separated), on one line.
 */
static void
print_rebuilt(const struct store_change *c)
{
	char *keys;

	keys = width_sanitize(c->new_value != NULL ? c->new_value : "");
	if (*keys == '\0')
		printf("%s\n", _("from its members' cards; it changed nothing"));
	else
		printf(_("from its members' cards; it changed %s (the %s lines"
		    " above)\n"), keys, c->old_value != NULL ? c->old_value :
		    "?");
	free(keys);
}

static int
print_change(const struct store_change *c, void *arg)
{
	char *clean;

	(void)arg;
	printf("%s  %-10s %-10s ", c->at, *c->item != '\0' ? c->item : "-",
	    c->field);
	/* An undo names the change it reverted, as `kaohe undo` said it. */
	if (strcmp(c->field, "undo") == 0) {
		clean = width_sanitize(c->new_value != NULL ? c->new_value :
		    "");
		printf("%s\n", clean);
		free(clean);
		return 0;
	}
	/* A reopen: the revision that stays final, then the reason whole. */
	if (strcmp(c->field, "reopened") == 0) {
		printf(_("revision %s kept final; reason: "),
		    c->old_value != NULL ? c->old_value : "?");
		print_reason(c->new_value);
		fputc('\n', stdout);
		return 0;
	}
	if (strcmp(c->field, "rebuilt") == 0) {
		print_rebuilt(c);
		return 0;
	}
	print_value(c->old_value);
	fputs(" → ", stdout);
	print_value(c->new_value);
	fputc('\n', stdout);
	return 0;
}

static int
cmd_history_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct store *st;
	const char *pos[1];
	char *cause = NULL;
	long long id;
	size_t npos;
	const struct cli_opt opts[] = {
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	int rc;

	rc = cli_args_parse(&cli_cmd_history, argc, argv, opts, pos, 1,
	    &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 1)
		return cli_usage(&cli_cmd_history, _("needs a scorecard ID"));
	if (!cli_parse_id(pos[0], &id)) {
		cli_fail(_("'%s' is not a scorecard ID (a positive number)"),
		    pos[0]);
		return CLI_USAGE;
	}
	if (cli_open_store(ctx, STORE_READONLY, &st) != CLI_OK)
		return CLI_FAILED;
	if (store_history(st, id, print_change, NULL, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	}
	store_close(st);
	return rc;
}
