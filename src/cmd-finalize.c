#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli-args.h"
#include "cli-check.h"
#include "cli-commands.h"
#include "cli-show.h"
#include "team.h"
#include "i18n.h"

static int	cmd_finalize_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_finalize = {
	"finalize",
	"ID",
	N_("lock a complete scorecard; it is read-only for ever after"),
	"",
	cmd_finalize_exec,
};

/*
 * The review's other findings do not stop finalize, but they are said
 * before the card is locked, on stderr, so that a script sees them too.
 */
static void
warn(struct store *st, const struct scorecard *sc)
{
	struct check_findings fs;
	char *cause = NULL;

	if (check_with_store(st, sc, &fs, &cause) != 0) {
		cli_fail("%s", cause);
		free(cause);
		return;
	}
	if (fs.n > 0)
		fprintf(stderr, _("kaohe: warning: scorecard %lld has %zu"
		    " findings ('kaohe check %lld'):\n"), sc->id, fs.n, sc->id);
	cli_check_print(stderr, &fs, true);
	check_findings_free(&fs);
}

static int
cmd_finalize_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct scorecard *sc;
	struct scorecard_sum t;
	struct store *st;
	const char *pos[1];
	char *cause = NULL;
	size_t npos;
	const struct cli_opt opts[] = {
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	int rc;

	rc = cli_args_parse(&cli_cmd_finalize, argc, argv, opts, pos, 1,
	    &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 1)
		return cli_usage(&cli_cmd_finalize, _("needs a scorecard ID"));
	rc = cli_load(ctx, STORE_READWRITE, pos[0], &st, &sc);
	if (rc != CLI_OK)
		return rc;
	/*
	 * The rules first: an incomplete card is refused with its list
	 * before the store is asked, so that the list is the whole answer.
	 */
	if (sc->status == SCORECARD_DRAFT &&
	    team_check_finalize(sc, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
		cli_show_flagged(stderr, sc);
	} else if (sc->status == SCORECARD_DRAFT && !scorecard_complete(sc)) {
		rc = cli_fail(_("scorecard %lld cannot be finalized: items are"
		    " unscored"), sc->id);
		cli_show_unscored(stderr, sc);
	} else if (warn(st, sc), store_finalize(st, sc, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	} else {
		t = scorecard_total(sc);
		printf(_("scorecard %lld finalized: %d / %d\n"), sc->id,
		    t.score, t.max);
	}
	scorecard_free(sc);
	store_close(st);
	return rc;
}
