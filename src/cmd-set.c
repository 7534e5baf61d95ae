#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "cli-item.h"
#include "i18n.h"
#include "xalloc.h"

static int	cmd_set_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_set = {
	"set",
	"ID ITEM SCORE [--tier N] | ID ITEM --clear",
	N_("score an item (or clear it with --clear)"),
	N_("  --tier N   the tier (1-based) that the score falls in; needed only\n"
	   "             when the item's tiers overlap at SCORE\n"
	   "  --clear    remove the item's score instead (ID ITEM --clear)\n"),
	cmd_set_exec,
};

static int
apply(struct store *st, struct scorecard *sc, long item, const char *text,
    const char *tiertext, bool clear)
{
	char *cause = NULL;
	long tier = 0;
	int score, rc;

	if (clear)
		rc = store_clear_score(st, sc, (size_t)item, &cause);
	else {
		if (tiertext != NULL && cli_args_int(&cli_cmd_set, "--tier",
		    tiertext, 1, 99, &tier) != CLI_OK)
			return CLI_USAGE;
		if (scorecard_parse_score(text, &score, &cause) != 0) {
			char *name = cli_item_name(sc->rubric->items[item]);

			cli_fail("%s: %s", name, cause);
			free(name);
			free(cause);
			return CLI_FAILED;
		}
		rc = store_set_score(st, sc, (size_t)item, score, (int)tier,
		    &cause);
	}
	if (rc != 0) {
		cli_fail("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int
cmd_set_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *tier = NULL, *pos[3];
	struct scorecard *sc;
	struct store *st;
	bool clear = false;
	size_t npos;
	long item;
	int rc;
	const struct cli_opt opts[] = {
		{ "--tier", 0, true, &tier, NULL, NULL, NULL },
		{ "--clear", 0, false, NULL, &clear, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	rc = cli_args_parse(&cli_cmd_set, argc, argv, opts, pos, 3, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != (clear ? 2u : 3u))
		return cli_usage(&cli_cmd_set, clear ?
		    _("--clear takes ID and ITEM only") :
		    _("needs ID, ITEM and SCORE"));
	if (clear && tier != NULL)
		return cli_usage(&cli_cmd_set, _("--clear and --tier do not"
		    " go together"));
	rc = cli_load(ctx, STORE_READWRITE, pos[0], &st, &sc);
	if (rc != CLI_OK)
		return rc;
	item = cli_item(sc, pos[1]);
	rc = item < 0 ? CLI_FAILED :
	    apply(st, sc, item, clear ? NULL : pos[2], tier, clear);
	scorecard_free(sc);
	store_close(st);
	return rc;
}
