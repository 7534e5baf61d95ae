#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "json.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_history_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_history = {
	"history",
	"ID [--format text|json]",
	N_("the audit trail: every change of a score, tier, note or header,"
	   " every undo, every reopen and every rebuild of a team card"),
	N_("  --format F   text (default): a line a change, 'TIME  ITEM  FIELD"
	   "  OLD → NEW';\n"
	   "               json: {\"id\",\"changes\":[{\"id\",\"at\",\"item\","
	   "\"field\",\n"
	   "               \"old\",\"new\"}]}, item null for the card; a"
	   " rebuild adds\n"
	   "               \"rows\" (how many changes above are its) and"
	   " \"items\"\n"
	   "               (what it changed: header fields, then item keys)\n"),
	cmd_history_exec,
};

/* Long notes are cut in the trail; the export has them whole. */
#define HISTORY_VALUE_COLS	30

static void
print_value(const char *v)
{
	char *clean, *cut;
	size_t i;

	if (v == NULL) {
		fputs("-", stdout);
		return;
	}
	clean = width_sanitize(v);
	for (i = 0; clean[i] != '\0'; i++)
		if (clean[i] == '\n' || clean[i] == '\t')
			clean[i] = ' ';
	if (width_of(clean) > HISTORY_VALUE_COLS) {
		cut = width_pad(clean, HISTORY_VALUE_COLS - 1);
		printf("%s…", cut);
		free(cut);
	} else
		fputs(clean, stdout);
	free(clean);
}

static void
print_reason(const char *v)
{
	char *clean;
	size_t i;

	clean = width_sanitize(v != NULL ? v : "");
	for (i = 0; clean[i] != '\0'; i++)
		if (clean[i] == '\n' || clean[i] == '\t')
			clean[i] = ' ';
	fputs(clean, stdout);
	free(clean);
}

/*
 * A team card's rebuild: how many of the lines above are its (old), the
 * items they changed (new, keys space-separated), on one line.
 */
static void
print_rebuilt(const struct store_change *c)
{
	char *keys;

	keys = width_sanitize(c->new_value != NULL ? c->new_value : "");
	if (*keys == '\0')
		printf("%s\n", _("from its members' cards; it changed nothing"));
	else
		printf(_("from its members' cards; it changed %s (the %s lines"
		    " above)\n"), keys, c->old_value != NULL ? c->old_value :
		    "?");
	free(keys);
}

static int
print_change(const struct store_change *c, void *arg)
{
	char *clean;

	(void)arg;
	printf("%s  %-10s %-10s ", c->at, *c->item != '\0' ? c->item : "-",
	    c->field);
	/* An undo names the change it reverted, as `kaohe undo` said it. */
	if (strcmp(c->field, "undo") == 0) {
		clean = width_sanitize(c->new_value != NULL ? c->new_value :
		    "");
		printf("%s\n", clean);
		free(clean);
		return 0;
	}
	/* A reopen: the revision that stays final, then the reason whole. */
	if (strcmp(c->field, "reopened") == 0) {
		printf(_("revision %s kept final; reason: "),
		    c->old_value != NULL ? c->old_value : "?");
		print_reason(c->new_value);
		fputc('\n', stdout);
		return 0;
	}
	if (strcmp(c->field, "rebuilt") == 0) {
		print_rebuilt(c);
		return 0;
	}
	print_value(c->old_value);
	fputs(" → ", stdout);
	print_value(c->new_value);
	fputc('\n', stdout);
	return 0;
}

/* A rebuild's own row, as JSON: how many rows above, what they changed. */
static void
json_rebuilt(struct json_writer *w, const struct store_change *c)
{
	const char *p = c->new_value != NULL ? c->new_value : "", *q;
	char *key;

	json_int(w, "rows", c->old_value != NULL ? atoll(c->old_value) : 0);
	json_begin_array(w, "items");
	while (*p != '\0') {
		q = strchr(p, ' ');
		if (q == NULL)
			q = p + strlen(p);
		if (q > p) {
			key = xstrndup(p, (size_t)(q - p));
			json_string(w, NULL, key);
			free(key);
		}
		p = *q != '\0' ? q + 1 : q;
	}
	json_end_array(w);
}

static int
json_change(const struct store_change *c, void *arg)
{
	struct json_writer *w = arg;

	json_begin_object(w, NULL);
	json_int(w, "id", c->id);
	json_string(w, "at", c->at);
	json_string(w, "item", *c->item != '\0' ? c->item : NULL);
	json_string(w, "field", c->field);
	json_string(w, "old", c->old_value);
	json_string(w, "new", c->new_value);
	if (strcmp(c->field, "rebuilt") == 0)
		json_rebuilt(w, c);
	json_end_object(w);
	return 0;
}

/* Whole or nothing: the trail is written to memory, printed once read. */
static int
history_json(struct store *st, long long id, char **cause)
{
	struct json_writer w;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int rc;

	if ((mem = open_memstream(&buf, &len)) == NULL) {
		*cause = xstrdup(_("out of memory"));
		return -1;
	}
	json_init(&w, mem, true);
	json_begin_object(&w, NULL);
	json_int(&w, "id", id);
	json_begin_array(&w, "changes");
	rc = store_history(st, id, json_change, &w, cause);
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
	if (fclose(mem) != 0 && rc == 0) {
		*cause = xstrdup(_("out of memory"));
		rc = -1;
	}
	/* A lost write is cli.c's check_stdout's to report, as for all. */
	if (rc == 0)
		fputs(buf, stdout);
	free(buf);
	return rc;
}

static int
cmd_history_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct store *st;
	static const char *const formats[] = { "text", "json", NULL };
	const char *pos[1], *format = NULL;
	char *cause = NULL;
	long long id;
	size_t npos;
	const struct cli_opt opts[] = {
		{ "--format", 0, true, &format, NULL, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	int rc, fmt;

	rc = cli_args_parse(&cli_cmd_history, argc, argv, opts, pos, 1,
	    &npos);
	if (rc != CLI_OK)
		return rc;
	if (cli_args_choice(&cli_cmd_history, "--format", format, formats,
	    &fmt) != CLI_OK)
		return CLI_USAGE;
	if (npos != 1)
		return cli_usage(&cli_cmd_history, _("needs a scorecard ID"));
	if (!cli_parse_id(pos[0], &id)) {
		cli_fail(_("'%s' is not a scorecard ID (a positive number)"),
		    pos[0]);
		return CLI_USAGE;
	}
	if (cli_open_store(ctx, STORE_READONLY, &st) != CLI_OK)
		return CLI_FAILED;
	if ((fmt == 1 ? history_json(st, id, &cause) :
	    store_history(st, id, print_change, NULL, &cause)) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	}
	store_close(st);
	return rc;
}
