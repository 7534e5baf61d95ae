#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "cli-item.h"
#include "store-team.h"
#include "team.h"
#include "width.h"
#include "i18n.h"
#include "xalloc.h"

static int	cmd_set_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_set = {
	"set",
	"ID ITEM SCORE [--tier N] | ID ITEM --clear | TEAM ITEM SCORE --how HOW --reason TEXT",
	N_("score an item (or clear it with --clear)"),
	N_("  --tier N       the tier (1-based) that the score falls in; needed\n"
	   "                 only when the item's tiers overlap at SCORE\n"
	   "  --clear        remove the item's score instead (ID ITEM --clear)\n"
	   "  --how HOW      on a team card: how the team's score was reached:\n"
	   "                 consensus (共識), mean (平均), median (中位數) or\n"
	   "                 rescore (複評); a mean or median must be the\n"
	   "                 members' own\n"
	   "  --reason TEXT  on a team card: why it was settled so\n"),
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

/* A team card's item: settled with how and why, never just set. */
static int
settle(struct store *st, struct scorecard *sc, long item, const char *text,
    const char *tiertext, const char *howtext, const char *reason)
{
	char *cause = NULL;
	long tier = 0;
	int score, how;

	if (howtext == NULL || reason == NULL)
		return cli_usage(&cli_cmd_set, _("scorecard %lld is a team"
		    " card: give --how and --reason"), sc->id);
	how = team_how_parse(howtext);
	if (how != TEAM_HOW_CONSENSUS && how != TEAM_HOW_MEAN &&
	    how != TEAM_HOW_MEDIAN && how != TEAM_HOW_RESCORE)
		return cli_usage(&cli_cmd_set, _("--how is consensus, mean,"
		    " median or rescore, not '%s'"), howtext);
	if (tiertext != NULL && cli_args_int(&cli_cmd_set, "--tier",
	    tiertext, 1, 99, &tier) != CLI_OK)
		return CLI_USAGE;
	if (scorecard_parse_score(text, &score, &cause) != 0 ||
	    store_team_settle(st, sc, (size_t)item, score, (int)tier,
	    (enum team_how)how, reason, &cause) != 0) {
		cli_fail("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int
cmd_set_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *tier = NULL, *pos[3], *how = NULL, *reason = NULL;
	struct scorecard *sc;
	struct store *st;
	bool clear = false;
	size_t npos;
	long item;
	int rc;
	const struct cli_opt opts[] = {
		{ "--tier", 0, true, &tier, NULL, NULL, NULL },
		{ "--clear", 0, false, NULL, &clear, NULL, NULL },
		{ "--how", 0, true, &how, NULL, NULL, NULL },
		{ "--reason", 0, true, &reason, NULL, NULL, NULL },
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
	if (clear && (how != NULL || reason != NULL))
		return cli_usage(&cli_cmd_set, _("--clear does not go with --how"
		    " or --reason"));
	if (reason != NULL && !width_utf8_valid(reason, strlen(reason)))
		return cli_usage(&cli_cmd_set, _("--reason is not valid UTF-8"));
	rc = cli_load(ctx, STORE_READWRITE, pos[0], &st, &sc);
	if (rc != CLI_OK)
		return rc;
	item = cli_item(sc, pos[1]);
	if (item < 0)
		rc = CLI_FAILED;
	else if (sc->team != NULL && !clear)
		rc = settle(st, sc, item, pos[2], tier, how, reason);
	else if (how != NULL || reason != NULL)
		rc = cli_usage(&cli_cmd_set, _("scorecard %lld is not a team"
		    " card; --how and --reason settle a team card's items"),
		    sc->id);
	else
		rc = apply(st, sc, item, clear ? NULL : pos[2], tier, clear);
	scorecard_free(sc);
	store_close(st);
	return rc;
}
