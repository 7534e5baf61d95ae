#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "paths.h"
#include "rubric.h"
#include "text.h"
#include "tui/tui.h"
#include "xalloc.h"

static int	cmd_new_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_new = {
	"new",
	"[--rubric NAME|FILE] --agency A [--date YYYY-MM-DD] --inspector P... [--scope KEY[,KEY...]] [--no-tui]",
	N_("start a scorecard (prints its ID with --no-tui)"),
	N_("  --rubric NAME|FILE  the rubric (default: 110)\n"
	   "  --agency A          受考核機關, the agency inspected\n"
	   "  --date YYYY-MM-DD   考核日期 (default: today); a ROC date such as\n"
	   "                      110-08-06 or 110年8月6日 is read as 2021-08-06\n"
	   "  --inspector P...    考核人員; repeat it or list several names\n"
	   "  --scope KEY[,KEY...]  a member card (分工) that covers only these\n"
	   "                      sections or items; the rest is out of scope\n"
	   "  --no-tui            create it and print its ID, without the UI\n"),
	cmd_new_exec,
};

static void
today(char buf[11])
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(buf, 11, "%Y-%m-%d", &tm) != 10)
		strcpy(buf, "1970-01-01");
}

/* Read, parse and hand back the rubric text (caller frees both). */
static int
load_rubric(const char *name, char **text, struct rubric **rubric)
{
	char *cause = NULL;

	if (paths_load_rubric(name, text, rubric, &cause) == 0)
		return CLI_OK;
	cli_fail("%s", cause);
	free(cause);
	return CLI_FAILED;
}

/* "1.1,2" and "3" → "1.1", "2", "3"; empty parts are refused. */
static int
split_scope(const char **given, size_t n, char ***keys, size_t *nkeys)
{
	const char *p, *q;
	size_t i;

	*keys = NULL;
	*nkeys = 0;
	for (i = 0; i < n; i++) {
		for (p = given[i];; p = q + 1) {
			q = strchr(p, ',');
			if (q == p || *p == '\0')
				return cli_usage(&cli_cmd_new, _("--scope '%s'"
				    " has an empty key"), given[i]);
			*keys = xreallocarray(*keys, *nkeys + 1,
			    sizeof **keys);
			(*keys)[(*nkeys)++] = q != NULL ?
			    xstrndup(p, (size_t)(q - p)) : xstrdup(p);
			if (q == NULL)
				break;
		}
	}
	return CLI_OK;
}

static void
free_keys(char **keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

/* With --scope but without --no-tui, the new member card opens in the UI. */
static int
create(struct cli_ctx *ctx, const char *rubric_name, const char *agency,
    const char *date, const char **inspectors, size_t ninspectors,
    char **scope, size_t nscope, bool open_ui)
{
	struct rubric *rubric = NULL;
	struct store *st;
	char *text = NULL, *cause = NULL;
	long long id;
	int rc = CLI_FAILED;

	if (load_rubric(rubric_name, &text, &rubric) != CLI_OK)
		return CLI_FAILED;
	if (cli_open_store(ctx, STORE_READWRITE, &st) != CLI_OK)
		goto out;
	if (store_create_member(st, text, rubric, agency, date,
	    (char *const *)inspectors, ninspectors, scope, nscope, &id,
	    &cause) != 0) {
		cli_fail("%s", cause);
		free(cause);
	} else if (open_ui)
		rc = tui_run(st, TUI_OPEN, id, NULL);
	else {
		printf("%lld\n", id);
		rc = CLI_OK;
	}
	store_close(st);
out:
	rubric_free(rubric);
	free(text);
	return rc;
}

/* A header field is one line of plain text: it is printed everywhere. */
static int
check_header(const char *what, const char *s)
{
	char *cause = NULL;

	if (text_check(s, TEXT_LINE, what, &cause) == 0)
		return CLI_OK;
	cli_usage(&cli_cmd_new, "%s", cause);
	free(cause);
	return CLI_USAGE;
}

static int
cmd_new_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *rubric = NULL, *agency = NULL, *date = NULL;
	const char **inspectors = NULL, *pos[64], **scopes = NULL;
	size_t ninspectors = 0, npos, i, nscopes = 0, nkeys = 0;
	char **keys = NULL;
	bool no_tui = false;
	char day[11], *cause = NULL;
	int rc;
	const struct cli_opt opts[] = {
		{ "--rubric", 0, true, &rubric, NULL, NULL, NULL },
		{ "--agency", 0, true, &agency, NULL, NULL, NULL },
		{ "--date", 0, true, &date, NULL, NULL, NULL },
		{ "--inspector", 0, true, NULL, NULL, &inspectors,
		    &ninspectors },
		{ "--scope", 0, true, NULL, NULL, &scopes, &nscopes },
		{ "--no-tui", 0, false, NULL, &no_tui, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	rc = cli_args_parse(&cli_cmd_new, argc, argv, opts, pos, 64, &npos);
	if (rc == CLI_OK && npos > 0 && ninspectors == 0)
		rc = cli_usage(&cli_cmd_new, _("unexpected argument '%s'"),
		    pos[0]);
	for (i = 0; rc == CLI_OK && i < npos; i++) {
		inspectors = xreallocarray(inspectors, ninspectors + 1,
		    sizeof *inspectors);
		inspectors[ninspectors++] = pos[i];
	}
	if (rc == CLI_OK && !no_tui && nscopes == 0) {
		struct store *st;

		free(inspectors);
		if (cli_open_store(ctx, STORE_READWRITE, &st) != CLI_OK)
			return CLI_FAILED;
		rc = tui_run(st, TUI_NEW, 0, rubric);
		store_close(st);
		return rc;
	}
	if (rc == CLI_OK && agency == NULL)
		rc = cli_usage(&cli_cmd_new, _("--agency is required"));
	if (rc == CLI_OK)
		rc = check_header("--agency", agency);
	for (i = 0; rc == CLI_OK && i < ninspectors; i++)
		rc = check_header("--inspector", inspectors[i]);
	if (rc == CLI_OK && ninspectors == 0)
		rc = cli_usage(&cli_cmd_new, _("--inspector is required"));
	if (rc == CLI_OK && date == NULL) {
		today(day);
		date = day;
	}
	if (rc == CLI_OK && scorecard_parse_date(date, day, &cause) != 0) {
		rc = cli_usage(&cli_cmd_new, "%s", cause);
		free(cause);
	}
	if (rc == CLI_OK)
		rc = split_scope(scopes, nscopes, &keys, &nkeys);
	if (rc == CLI_OK)
		rc = create(ctx, rubric, agency, day, inspectors,
		    ninspectors, keys, nkeys, !no_tui);
	free_keys(keys, nkeys);
	free(scopes);
	free(inspectors);
	return rc;
}
