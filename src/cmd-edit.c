#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

static int	cmd_edit_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_edit = {
	"edit",
	"ID [--agency A] [--date YYYY-MM-DD] [--inspector P]...",
	N_("correct a draft's header: agency, date, inspectors"),
	N_("  --agency A          受考核機關\n"
	   "  --date YYYY-MM-DD   考核日期; a ROC date such as 110-08-06 or\n"
	   "                      110年8月6日 is read as 2021-08-06\n"
	   "  --inspector P...    考核人員: the whole new list; repeat it\n"
	   "\n"
	   "Each changed field is a line of 'kaohe history' and can be undone\n"
	   "with 'kaohe undo'. A finalized scorecard is refused, and so is a\n"
	   "team card: its header is its members' cards' (correct one, then\n"
	   "'kaohe team --rebuild TEAM').\n"),
	cmd_edit_exec,
};

static int
apply(struct cli_ctx *ctx, const char *idtext, const char *agency,
    const char *date, const char **inspectors, size_t ninspectors)
{
	struct scorecard *sc;
	struct store *st;
	char *cause = NULL;
	int rc;

	rc = cli_load(ctx, STORE_READWRITE, idtext, &st, &sc);
	if (rc != CLI_OK)
		return rc;
	if (store_edit_header(st, sc, agency, date,
	    (char *const *)inspectors, ninspectors, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	}
	scorecard_free(sc);
	store_close(st);
	return rc;
}

static int
cmd_edit_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *agency = NULL, *date = NULL, **inspectors = NULL, *pos[1];
	size_t ninspectors = 0, npos, i;
	char day[11], *cause = NULL;
	int rc;
	const struct cli_opt opts[] = {
		{ "--agency", 0, true, &agency, NULL, NULL, NULL },
		{ "--date", 0, true, &date, NULL, NULL, NULL },
		{ "--inspector", 0, true, NULL, NULL, &inspectors,
		    &ninspectors },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	rc = cli_args_parse(&cli_cmd_edit, argc, argv, opts, pos, 1, &npos);
	if (rc == CLI_OK && npos != 1)
		rc = cli_usage(&cli_cmd_edit, _("needs a scorecard ID"));
	if (rc == CLI_OK && agency == NULL && date == NULL &&
	    ninspectors == 0)
		rc = cli_usage(&cli_cmd_edit, _("nothing to change: give"
		    " --agency, --date or --inspector"));
	/* The text rule before the store is opened: a usage error, as new's. */
	if (rc == CLI_OK && agency != NULL && text_check(agency, TEXT_LINE,
	    "--agency", &cause) != 0) {
		rc = cli_usage(&cli_cmd_edit, "%s", cause);
		free(cause);
	}
	for (i = 0; rc == CLI_OK && i < ninspectors; i++)
		if (text_check(inspectors[i], TEXT_LINE, "--inspector",
		    &cause) != 0) {
			rc = cli_usage(&cli_cmd_edit, "%s", cause);
			free(cause);
		}
	if (rc == CLI_OK && date != NULL) {
		if (scorecard_parse_date(date, day, &cause) == 0)
			date = day;
		else {
			rc = cli_usage(&cli_cmd_edit, "%s", cause);
			free(cause);
		}
	}
	if (rc == CLI_OK)
		rc = apply(ctx, pos[0], agency, date, ninspectors > 0 ?
		    inspectors : NULL, ninspectors);
	free(inspectors);
	return rc;
}
