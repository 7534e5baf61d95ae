#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "cli-item.h"
#include "i18n.h"
#include "scorecard.h"
#include "text.h"
#include "xalloc.h"

/* Evidence can be long, but a note over this is surely a mistake. */

static int	cmd_note_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_note = {
	"note",
	"ID ITEM (--record | --rationale) (TEXT | -)",
	N_("write an item's record (紀錄事項) or rationale (評分說明)"),
	N_("  --record     the evidence seen (紀錄事項)\n"
	   "  --rationale  why this score was given (評分說明)\n"
	   "  TEXT         the note; '-' reads it from standard input, so long\n"
	   "               evidence can be piped in; '' clears the note\n"),
	cmd_note_exec,
};

/*
 * All of stdin; NULL after printing why. A text file's last line ends in
 * a newline that is not part of the note: that one is dropped (so `echo
 * text | kaohe note ... -` stores what typing "text" stores), any other
 * blank line at the end is the writer's and is kept.
 */
static char *
read_stdin(void)
{
	size_t len = 0, cap = 8192, n;
	char *buf = xmalloc(cap + 1);

	while ((n = fread(buf + len, 1, cap - len, stdin)) > 0) {
		len += n;
		if (len > SCORECARD_NOTE_MAX)
			break;
		if (len == cap) {
			cap *= 2;
			buf = xreallocarray(buf, cap + 1, 1);
		}
	}
	if (ferror(stdin) || len > SCORECARD_NOTE_MAX) {
		cli_fail(ferror(stdin) ? _("cannot read the note from standard"
		    " input") : _("the note is over 1 MiB"));
		free(buf);
		return NULL;
	}
	/* A NUL would silently cut the note short: refuse it instead. */
	if (memchr(buf, '\0', len) != NULL) {
		cli_fail(_("the note holds a NUL byte; it must be text"));
		free(buf);
		return NULL;
	}
	if (len > 0 && buf[len - 1] == '\n')
		len--;
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	buf[len] = '\0';
	return buf;
}

static int
write_note(struct store *st, struct scorecard *sc, long item,
    enum scorecard_note kind, const char *text)
{
	char *cause = NULL, *note = text_normalize_note(text);
	int rc = CLI_OK;

	if (text_check(note, TEXT_NOTE, _("the note"), &cause) != 0 ||
	    store_set_note(st, sc, (size_t)item, kind, note, &cause) != 0) {
		cli_fail("%s", cause);
		free(cause);
		rc = CLI_FAILED;
	}
	free(note);
	return rc;
}

static int
cmd_note_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	bool record = false, rationale = false;
	const char *pos[3];
	struct scorecard *sc;
	struct store *st;
	char *text = NULL;
	size_t npos;
	long item;
	int rc;
	const struct cli_opt opts[] = {
		{ "--record", 0, false, NULL, &record, NULL, NULL },
		{ "--rationale", 0, false, NULL, &rationale, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	rc = cli_args_parse(&cli_cmd_note, argc, argv, opts, pos, 3, &npos);
	if (rc != CLI_OK)
		return rc;
	if (record == rationale)
		return cli_usage(&cli_cmd_note, _("choose one of --record and"
		    " --rationale"));
	if (npos != 3)
		return cli_usage(&cli_cmd_note, _("needs ID, ITEM and TEXT"
		    " (or - for standard input)"));
	if (strcmp(pos[2], "-") == 0 && (text = read_stdin()) == NULL)
		return CLI_FAILED;
	rc = cli_load(ctx, STORE_READWRITE, pos[0], &st, &sc);
	if (rc != CLI_OK) {
		free(text);
		return rc;
	}
	item = cli_item(sc, pos[1]);
	rc = item < 0 ? CLI_FAILED : write_note(st, sc, item,
	    record ? SCORECARD_RECORD : SCORECARD_RATIONALE,
	    text != NULL ? text : pos[2]);
	free(text);
	scorecard_free(sc);
	store_close(st);
	return rc;
}
