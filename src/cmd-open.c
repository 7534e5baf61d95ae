#include "config.h"

#include <stdlib.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "tui/tui.h"

static int	cmd_open_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_open = {
	"open",
	"ID",
	N_("open a scorecard in the UI at its first unscored item"),
	"",
	cmd_open_exec,
};

static int
cmd_open_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct scorecard *sc;
	struct store *st;
	const char *pos[1];
	long long id;
	size_t npos;
	const struct cli_opt opts[] = {
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	int rc;

	rc = cli_args_parse(&cli_cmd_open, argc, argv, opts, pos, 1, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 1)
		return cli_usage(&cli_cmd_open, _("needs a scorecard ID"));
	/* Fail before curses starts, so the error is readable. */
	rc = cli_load_to_view(ctx, pos[0], &st, &sc);
	if (rc != CLI_OK)
		return rc;
	id = sc->id;
	scorecard_free(sc);
	rc = tui_run(st, TUI_OPEN, id, NULL);
	store_close(st);
	return rc;
}
