#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"

static int	cmd_reopen_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_reopen = {
	"reopen",
	"ID --reason TEXT",
	N_("make a final scorecard a draft again, as a new revision"),
	N_("  --reason TEXT  why it is reopened (required; kept in history)\n"
	   "The final revision is kept as it was, sealed: export ID --revision N\n"
	   "writes it, compare ID@N ID compares it with the new one.\n"),
	cmd_reopen_exec,
};

/* A reason says something: not empty, not only spaces. */
static bool
reason_says_something(const char *r)
{
	for (; *r != '\0'; r++)
		if (strchr(" \t\n\r", *r) == NULL)
			return true;
	return false;
}

static int
cmd_reopen_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct scorecard *sc;
	struct store *st;
	const char *pos[1], *reason = NULL;
	char *cause = NULL;
	size_t npos;
	const struct cli_opt opts[] = {
		{ "--reason", 0, true, &reason, NULL, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	int rc;

	rc = cli_args_parse(&cli_cmd_reopen, argc, argv, opts, pos, 1, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 1)
		return cli_usage(&cli_cmd_reopen, _("needs a scorecard ID"));
	if (reason == NULL || !reason_says_something(reason))
		return cli_usage(&cli_cmd_reopen, _("--reason is required: say"
		    " why the final scorecard is reopened"));
	rc = cli_load(ctx, STORE_READWRITE, pos[0], &st, &sc);
	if (rc != CLI_OK)
		return rc;
	if (store_reopen(st, sc, reason, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	} else
		printf(_("scorecard %lld reopened: revision %d is a draft;"
		    " revision %d stays final\n"), sc->id, sc->revision,
		    sc->revision - 1);
	scorecard_free(sc);
	store_close(st);
	return rc;
}
