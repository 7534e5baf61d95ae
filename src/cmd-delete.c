#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"

static int	cmd_delete_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_delete = {
	"delete",
	"ID --yes",
	N_("delete a draft scorecard (a finalized one cannot be deleted)"),
	N_("  --yes   confirm; without it nothing is deleted\n"),
	cmd_delete_exec,
};

static int
cmd_delete_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct scorecard *sc;
	struct store *st;
	const char *pos[1];
	char *cause = NULL;
	bool yes = false;
	size_t npos;
	const struct cli_opt opts[] = {
		{ "--yes", 0, false, NULL, &yes, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	int rc;

	rc = cli_args_parse(&cli_cmd_delete, argc, argv, opts, pos, 1, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 1)
		return cli_usage(&cli_cmd_delete, _("needs a scorecard ID"));
	rc = cli_load(ctx, STORE_READWRITE, pos[0], &st, &sc);
	if (rc != CLI_OK)
		return rc;
	if (!yes)
		rc = cli_fail(_("add --yes to delete draft %lld (%s, %s)"),
		    sc->id, sc->agency, sc->date);
	else if (store_delete(st, sc->id, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	} else
		printf(_("deleted scorecard %lld\n"), sc->id);
	scorecard_free(sc);
	store_close(st);
	return rc;
}
