#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "width.h"

static int	cmd_undo_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_undo = {
	"undo",
	"ID",
	N_("revert a draft's latest change not yet undone"),
	N_("A score and its tier, a clear, a note or a header field goes back\n"
	   "to what it was; the undo itself is in 'kaohe history'. Repeat it\n"
	   "to go further back, one change at a time.\n"),
	cmd_undo_exec,
};

static int
cmd_undo_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct store *st;
	const char *pos[1];
	char *cause = NULL, *what = NULL, *clean;
	long long id;
	size_t npos;
	const struct cli_opt opts[] = {
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	int rc;

	rc = cli_args_parse(&cli_cmd_undo, argc, argv, opts, pos, 1, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 1)
		return cli_usage(&cli_cmd_undo, _("needs a scorecard ID"));
	if (!cli_parse_id(pos[0], &id)) {
		cli_fail(_("'%s' is not a scorecard ID (a positive number)"),
		    pos[0]);
		return CLI_USAGE;
	}
	if (cli_open_store(ctx, STORE_READWRITE, &st) != CLI_OK)
		return CLI_FAILED;
	if (store_undo(st, id, &what, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	} else {
		clean = width_sanitize(what);
		printf(_("undid %s\n"), clean);
		free(clean);
		free(what);
	}
	store_close(st);
	return rc;
}
