#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "store-team.h"
#include "team.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_team_exec(struct cli_ctx *, int, char **);

/* More member cards than a team has members is a typing mistake. */
#define TEAM_MAX_MEMBERS	64

const struct cli_command cli_cmd_team = {
	"team",
	"ID ID... [--lead NAME] [--tolerance PCT] | --rebuild TEAM [--lead NAME] [--tolerance PCT]",
	N_("make a team card (考核小組) from final member cards; prints its ID"),
	N_("  --lead NAME       召集人, the team's lead, who signs the 評分總表\n"
	   "  --tolerance PCT   how far members may differ, in percent of an\n"
	   "                    item's range, before the item is flagged\n"
	   "                    (default: the rubric's tolerance, else 20)\n"
	   "  --rebuild TEAM    make draft team card TEAM again from its members'\n"
	   "                    cards as they are now (after one was reopened\n"
	   "                    and changed); settlements of items whose scores\n"
	   "                    did not change are kept, and the notes written\n"
	   "                    on the team card\n"
	   "\n"
	   "The member cards must be final and of one agency, date and rubric\n"
	   "snapshot. An item one member scored takes that score; several:\n"
	   "their mean, rounded half up, unless their spread exceeds the\n"
	   "tolerance: then it is flagged until settled with\n"
	   "  kaohe set TEAM ITEM SCORE --how consensus|mean|median|rescore"
	   " --reason TEXT\n"),
	cmd_team_exec,
};

static int
load_members(struct store *st, const char **ids, size_t n,
    struct scorecard ***out)
{
	struct scorecard **mb = xcalloc(n, sizeof *mb);
	char *cause = NULL;
	long long id;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!cli_parse_id(ids[i], &id) ||
		    store_load(st, id, &mb[i], &cause) != 0) {
			if (cause == NULL)
				cli_fail(_("'%s' is not a scorecard ID (a"
				    " positive number)"), ids[i]);
			else
				cli_fail("%s", cause);
			free(cause);
			scorecard_free_array(mb, i);
			return CLI_FAILED;
		}
	}
	*out = mb;
	return CLI_OK;
}

/* "1.1.2, 2.3.1" of the items that match; caller frees. */
static char *
keys_where(const struct scorecard *sc, bool (*match)(const struct
    scorecard *, size_t), size_t *n)
{
	char *keys = xstrdup(""), *next;
	size_t i;

	*n = 0;
	for (i = 0; i < sc->rubric->nitems; i++) {
		if (!match(sc, i))
			continue;
		next = xasprintf("%s%s%s", keys, (*n)++ > 0 ? ", " : "",
		    sc->rubric->items[i]->key);
		free(keys);
		keys = next;
	}
	return keys;
}

static bool
nobody_scored(const struct scorecard *sc, size_t i)
{
	return team_figures(sc->team, i).n == 0;
}

/* What the lead must do next, on stderr: stdout is the ID alone. */
static void
report(const struct scorecard *sc)
{
	char *keys;
	size_t n;

	keys = keys_where(sc, team_unresolved, &n);
	if (n > 0)
		fprintf(stderr, _("team card %lld: %zu flagged items to settle"
		    " (kaohe set %lld ITEM SCORE --how ... --reason ...): %s\n"),
		    sc->id, n, sc->id, keys);
	free(keys);
	keys = keys_where(sc, nobody_scored, &n);
	if (n > 0)
		fprintf(stderr, _("team card %lld: %zu items no member scored:"
		    " %s\n"), sc->id, n, keys);
	free(keys);
}

static int
build(struct cli_ctx *ctx, const char **ids, size_t n, const char *lead,
    int tolerance)
{
	struct scorecard **mb, *sc = NULL;
	struct store *st;
	char *cause = NULL;
	int rc = CLI_FAILED;

	if (cli_open_store(ctx, STORE_READWRITE, &st) != CLI_OK)
		return CLI_FAILED;
	if (load_members(st, ids, n, &mb) != CLI_OK) {
		store_close(st);
		return CLI_FAILED;
	}
	if (team_build((const struct scorecard *const *)mb, n, lead,
	    tolerance, &sc, &cause) != 0 ||
	    store_team_create(st, sc, &cause) != 0) {
		cli_fail("%s", cause);
		free(cause);
	} else {
		printf("%lld\n", sc->id);
		report(sc);
		rc = CLI_OK;
	}
	scorecard_free(sc);
	scorecard_free_array(mb, n);
	store_close(st);
	return rc;
}

/* --rebuild: the store's path, which the UI's rebuild key takes too. */
static int
rebuild(struct cli_ctx *ctx, const char *idtext, const char *lead,
    int tolerance)
{
	struct scorecard *old, *fresh = NULL;
	struct store *st;
	char *cause = NULL;
	size_t kept;
	int rc;

	if ((rc = cli_load(ctx, STORE_READWRITE, idtext, &st, &old)) != CLI_OK)
		return rc;
	if (store_team_prepare_rebuild(st, old, lead, tolerance, &fresh, &kept,
	    &cause) != 0 || store_team_rebuild(st, fresh, old, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	} else {
		printf("%lld\n", fresh->id);
		fprintf(stderr, _("team card %lld rebuilt from its members'"
		    " cards as they are now; %zu settlements kept\n"),
		    fresh->id, kept);
		report(fresh);
	}
	scorecard_free(fresh);
	scorecard_free(old);
	store_close(st);
	return rc;
}

static int
check_lead(const char *lead)
{
	const unsigned char *p;

	if (lead == NULL)
		return CLI_OK;
	if (!width_utf8_valid(lead, strlen(lead)))
		return cli_usage(&cli_cmd_team, _("--lead is not valid"
		    " UTF-8"));
	for (p = (const unsigned char *)lead; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return cli_usage(&cli_cmd_team, _("--lead holds a"
			    " control character"));
	if (lead[strspn(lead, " \t")] == '\0')
		return cli_usage(&cli_cmd_team, _("--lead is empty"));
	return CLI_OK;
}

static int
cmd_team_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *lead = NULL, *tol = NULL, *pos[TEAM_MAX_MEMBERS];
	const char *again = NULL;
	size_t npos;
	long pct = -1;
	int rc;
	const struct cli_opt opts[] = {
		{ "--lead", 0, true, &lead, NULL, NULL, NULL },
		{ "--tolerance", 0, true, &tol, NULL, NULL, NULL },
		{ "--rebuild", 0, true, &again, NULL, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	rc = cli_args_parse(&cli_cmd_team, argc, argv, opts, pos,
	    TEAM_MAX_MEMBERS, &npos);
	if (rc != CLI_OK)
		return rc;
	if (again != NULL && npos > 0)
		return cli_usage(&cli_cmd_team, _("--rebuild takes the team"
		    " card's ID alone"));
	if (again == NULL && npos < 2)
		return cli_usage(&cli_cmd_team, _("needs two or more member"
		    " cards' IDs"));
	if (tol != NULL && cli_args_int(&cli_cmd_team, "--tolerance", tol, 0,
	    100, &pct) != CLI_OK)
		return CLI_USAGE;
	if ((rc = check_lead(lead)) != CLI_OK)
		return rc;
	if (again != NULL)
		return rebuild(ctx, again, lead, (int)pct);
	return build(ctx, pos, npos, lead, (int)pct);
}
