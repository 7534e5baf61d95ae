#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-check.h"
#include "cli-commands.h"
#include "i18n.h"
#include "json.h"
#include "width.h"

static int	cmd_check_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_check = {
	"check",
	"ID [--format text|json]",
	N_("the review before finalize: what a colleague would point out"),
	N_("  --format F   text (default): one finding a line, 'KEY  KIND"
	   "  message';\n"
	   "               json: {\"findings\":[{\"key\",\"kind\",\"message\"}]}\n"
	   "\n"
	   "Kinds: unscored; no-rationale (scored, 評分說明 empty);\n"
	   "rationale-score (the rationale's 給予 N 分 is not the score);\n"
	   "future-date (the date is after today); swing (more than a third\n"
	   "of the item's range away from the same agency's previous final\n"
	   "card on the same rubric); unresolved (a team card's flagged item\n"
	   "not yet settled). KEY is '-' for the card itself.\n"
	   "Exits 1 when there are findings, 0 when there are none.\n"),
	cmd_check_exec,
};

void
cli_check_print(FILE *f, const struct check_findings *fs, bool skip_unscored)
{
	char *clean;
	size_t i;

	for (i = 0; i < fs->n; i++) {
		if (skip_unscored && strcmp(fs->v[i].kind, "unscored") == 0)
			continue;
		clean = width_sanitize(fs->v[i].message);
		fprintf(f, "%s  %s  %s\n", fs->v[i].key, fs->v[i].kind, clean);
		free(clean);
	}
}

static void
print_json(const struct check_findings *fs)
{
	struct json_writer w;
	size_t i;

	json_init(&w, stdout, true);
	json_begin_object(&w, NULL);
	json_begin_array(&w, "findings");
	for (i = 0; i < fs->n; i++) {
		json_begin_object(&w, NULL);
		json_string(&w, "key", fs->v[i].key);
		json_string(&w, "kind", fs->v[i].kind);
		json_string(&w, "message", fs->v[i].message);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
}

static int
cmd_check_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", NULL };
	const char *format = NULL, *pos[1];
	struct check_findings fs;
	struct scorecard *sc;
	struct store *st;
	char *cause = NULL;
	size_t npos;
	int rc, fmt;
	const struct cli_opt opts[] = {
		{ "--format", 0, true, &format, NULL, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	rc = cli_args_parse(&cli_cmd_check, argc, argv, opts, pos, 1, &npos);
	if (rc != CLI_OK)
		return rc;
	if (cli_args_choice(&cli_cmd_check, "--format", format, formats,
	    &fmt) != CLI_OK)
		return CLI_USAGE;
	if (npos != 1)
		return cli_usage(&cli_cmd_check, _("needs a scorecard ID"));
	rc = cli_load(ctx, STORE_READONLY, pos[0], &st, &sc);
	if (rc != CLI_OK)
		return rc;
	if (check_with_store(st, sc, &fs, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	} else {
		if (fmt == 1)
			print_json(&fs);
		else
			cli_check_print(stdout, &fs, false);
		rc = fs.n > 0 ? CLI_FAILED : CLI_OK;
		check_findings_free(&fs);
	}
	scorecard_free(sc);
	store_close(st);
	return rc;
}
