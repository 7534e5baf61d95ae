/*
 * kaohe import FILE...: JSON exports from other laptops. A file holds one
 * export (pretty or compact) or JSON Lines, one compact export a line;
 * which, is told by content: when the first non-blank line is a whole JSON
 * value by itself, the file is JSON Lines.
 *
 * All or nothing: every record is checked and inserted inside one
 * transaction, and one bad record anywhere rolls the whole batch back and
 * lists every bad record found. A UUID already present is skipped, never
 * duplicated; so importing the same file twice is harmless.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "import.h"
#include "json-read.h"
#include "store-review.h"
#include "xalloc.h"

/* SQLite's page cache for the batch; see store_review_bulk_cache. */
#define IMPORT_CACHE_MIB	256

static int	cmd_import_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_import = {
	"import",
	"FILE...",
	N_("add scorecards from JSON exports (or JSON Lines) of other machines"),
	N_("FILE is `kaohe export ID --format json` output, or JSON Lines\n"
	   "(one compact export a line); - reads standard input. Everything is\n"
	   "checked; one bad record refuses the whole batch, and nothing is\n"
	   "written. Scorecards already present (same UUID) are skipped.\n"),
	cmd_import_exec,
};

/* The buffer of a file read a chunk at a time: never mapped. */
#define IMPORT_CHUNK	(1u << 20)

/*
 * A file read with read(2), never mapped: a file that shrinks or grows
 * while it is read gives what read returns, never a SIGBUS.
 */
struct input {
	const char	*name;
	int		 fd;
	char		*buf;
	size_t		 pos;		/* buf[pos, len) is not consumed yet */
	size_t		 len;
	size_t		 cap;
	bool		 eof;
	size_t		 line;		/* of the next line */
	char		*cause;
};

struct batch {
	struct store	*st;
	struct import_cache cache;
	size_t		 imported;
	size_t		 updated;
	size_t		 skipped;
	size_t		 conflicts;
	size_t		 bad;
	size_t		 records;
};

/* Read more into the buffer; 0 at the end, -1 on an error (in->cause). */
static int
input_fill(struct input *in)
{
	ssize_t n;

	if (in->pos > 0) {
		memmove(in->buf, in->buf + in->pos, in->len - in->pos);
		in->len -= in->pos;
		in->pos = 0;
	}
	if (in->len + IMPORT_CHUNK > in->cap) {
		in->cap = in->len + IMPORT_CHUNK;
		in->buf = xreallocarray(in->buf, in->cap, 1);
	}
	do
		n = read(in->fd, in->buf + in->len, in->cap - in->len);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		in->cause = xasprintf("%s: %s", in->name, strerror(errno));
		return -1;
	}
	in->eof = n == 0;
	in->len += (size_t)n;
	return n > 0 ? 1 : 0;
}

enum line_kind { LINE_END, LINE_OK, LINE_LONG, LINE_ERROR };

/*
 * The next line, without its newline, in *text (valid until the next
 * call). A line longer than IMPORT_MAX_BYTES is skipped: LINE_LONG.
 */
static enum line_kind
input_line(struct input *in, const char **text, size_t *len)
{
	size_t scanned = 0;
	bool too_long = false;
	char *nl;
	int rc;

	for (;;) {
		/* Before the first read there is no buffer to search. */
		nl = in->buf == NULL ? NULL : memchr(in->buf + in->pos +
		    scanned, '\n', in->len - in->pos - scanned);
		if (nl != NULL || in->eof)
			break;
		scanned = in->len - in->pos;
		if (scanned > IMPORT_MAX_BYTES) {
			too_long = true;	/* drop what is held, go on */
			in->pos = in->len;
			scanned = 0;
		}
		if ((rc = input_fill(in)) < 0)
			return LINE_ERROR;
	}
	if (nl == NULL && in->pos == in->len && !too_long)
		return LINE_END;
	*text = in->buf + in->pos;
	*len = nl != NULL ? (size_t)(nl - *text) : in->len - in->pos;
	in->pos = nl != NULL ? (size_t)(nl - in->buf) + 1 : in->len;
	in->line++;
	return too_long || *len > IMPORT_MAX_BYTES ? LINE_LONG : LINE_OK;
}

/* Everything not consumed yet, to the end, after prefix (one value). */
static int
input_rest(struct input *in, const char *prefix, size_t plen, char **out,
    size_t *len)
{
	int rc;

	while (!in->eof) {
		if (in->len - in->pos > IMPORT_MAX_BYTES) {
			in->cause = xasprintf(_("%s: larger than %u bytes"),
			    in->name, IMPORT_MAX_BYTES);
			return -1;
		}
		if ((rc = input_fill(in)) < 0)
			return -1;
	}
	*len = plen + 1 + in->len - in->pos;
	*out = xmalloc(*len + 1);
	memcpy(*out, prefix, plen);
	(*out)[plen] = '\n';
	memcpy(*out + plen + 1, in->buf + in->pos, in->len - in->pos);
	(*out)[*len] = '\0';
	return 0;
}

static int
input_open(const char *path, struct input *in, char **cause)
{
	struct stat sb;

	memset(in, 0, sizeof *in);
	in->line = 1;
	in->name = strcmp(path, "-") == 0 ? _("standard input") : path;
	in->fd = strcmp(path, "-") == 0 ? STDIN_FILENO :
	    open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (in->fd < 0 || fstat(in->fd, &sb) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		if (in->fd > STDIN_FILENO)
			close(in->fd);
		return -1;
	}
	/* Not a FIFO or device to hang on: a file, or standard input. */
	if (in->fd != STDIN_FILENO && !S_ISREG(sb.st_mode)) {
		*cause = xasprintf(S_ISDIR(sb.st_mode) ? _("%s: is a"
		    " directory") : _("%s: not a regular file"), path);
		close(in->fd);
		return -1;
	}
	if (in->fd != STDIN_FILENO)
		(void)fcntl(in->fd, F_SETFL, 0);	/* blocking again */
	return 0;
}

static void
input_close(struct input *in)
{
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	free(in->buf);
	free(in->cause);
}

/* The message goes through cli_fail's sanitizer: a field may hold escapes. */
static void
report_bad(struct batch *b, char *cause)
{
	cli_fail("%s", cause);
	free(cause);
	b->bad++;
}

/* Check one record and, when it is new, insert it (inside the batch). */
static void
take_record(struct batch *b, const struct json_value *v, const char *name)
{
	struct scorecard *sc;
	char *cause = NULL;
	bool present;

	if (import_record(v, name, &b->cache, &sc, &cause) != 0) {
		report_bad(b, cause);
		return;
	}
	/* After a refusal the batch is lost: check the rest, insert nothing. */
	if (b->bad > 0) {
		scorecard_free(sc);
		return;
	}
	if (store_has_uuid(b->st, sc->uuid, &present, &cause) != 0)
		report_bad(b, cause);
	else if (present)
		b->skipped++;
	else if (store_insert(b->st, sc, &cause) != 0) {
		report_bad(b, xasprintf("%s:%zu: %s", name, v->line, cause));
		free(cause);
	} else
		b->imported++;
	scorecard_free(sc);
}

/* A parsed line or file: a bundle's snapshot line, or a card. */
static void
take_parsed(struct batch *b, const struct json_value *v, const char *name)
{
	char *cause = NULL;

	if (!import_is_snapshot(v))
		take_record(b, v, name);
	else if (import_snapshot(v, name, &b->cache, &cause) != 0)
		report_bad(b, cause);
}

static void
take_value(struct batch *b, const char *text, size_t len, const char *name,
    size_t line)
{
	struct json_value *v;
	char *cause = NULL;

	b->records++;
	if (json_read(text, len, name, line, &v, &cause) != 0) {
		report_bad(b, cause);
		return;
	}
	take_parsed(b, v, name);
	json_value_free(v);
}

static bool
cmd_import_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Each non-blank line one record, named by its own line number. */
static void
take_lines(struct batch *b, struct input *in)
{
	const char *text;
	size_t len;
	enum line_kind k;

	while ((k = input_line(in, &text, &len)) != LINE_END) {
		if (k == LINE_ERROR) {
			b->records++;
			report_bad(b, in->cause);
			in->cause = NULL;
			return;
		}
		if (k == LINE_LONG) {
			b->records++;
			report_bad(b, xasprintf(_("%s:%zu: a line longer than"
			    " %u bytes"), in->name, in->line - 1,
			    IMPORT_MAX_BYTES));
		} else if (!cmd_import_blank(text, len))
			take_value(b, text, len, in->name, in->line - 1);
	}
}

/* The file is one value: its first line (copied), then all the rest. */
static void
take_whole(struct batch *b, struct input *in, const char *text, size_t len,
    size_t first)
{
	char *head = xmalloc(len + 1), *whole;

	memcpy(head, text, len);	/* input_rest moves the buffer */
	if (input_rest(in, head, len, &whole, &len) != 0) {
		b->records++;
		report_bad(b, in->cause);
		in->cause = NULL;
	} else {
		take_value(b, whole, len, in->name, first);
		free(whole);
	}
	free(head);
}

/*
 * One export (pretty JSON) or JSON Lines: when the first non-blank line
 * is a whole JSON value by itself, the file is JSON Lines.
 */
static void
take_file(struct batch *b, const char *path)
{
	struct json_value *v;
	struct input in;
	char *cause = NULL;
	const char *text = NULL;
	size_t len = 0;
	enum line_kind k;

	if (input_open(path, &in, &cause) != 0) {
		b->records++;	/* a file that cannot be read counts as bad */
		report_bad(b, cause);
		return;
	}
	while ((k = input_line(&in, &text, &len)) == LINE_OK &&
	    cmd_import_blank(text, len))
		continue;
	if (k == LINE_OK && json_read(text, len, in.name, in.line - 1, &v,
	    &cause) == 0) {
		b->records++;
		take_parsed(b, v, in.name);
		json_value_free(v);
		take_lines(b, &in);
	} else if (k == LINE_OK) {
		free(cause);
		take_whole(b, &in, text, len, in.line - 1);
	} else {
		b->records++;
		if (k == LINE_END)
			report_bad(b, xasprintf(_("%s: no records (the file is"
			    " empty)"), in.name));
		else if (k == LINE_ERROR) {
			report_bad(b, in.cause);
			in.cause = NULL;
		} else {
			report_bad(b, xasprintf(_("%s:%zu: a line longer than"
			    " %u bytes"), in.name, in.line - 1,
			    IMPORT_MAX_BYTES));
			take_lines(b, &in);
		}
	}
	input_close(&in);
}

static int
cmd_import_finish(struct batch *b)
{
	char *cause = NULL;

	if (b->bad > 0) {
		store_rollback(b->st);
		return cli_fail(_("refused: %zu bad record%s of %zu; nothing"
		    " was imported"), b->bad, b->bad == 1 ? "" : "s",
		    b->records);
	}
	if (store_commit(b->st, &cause) != 0) {
		store_rollback(b->st);
		cli_fail("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	printf(_("imported %zu, updated %zu, skipped %zu already present,"
	    " %zu conflicts\n"), b->imported, b->updated, b->skipped,
	    b->conflicts);
	return CLI_OK;
}

static int
cmd_import_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct batch b;
	const char **files = xcalloc((size_t)argc, sizeof *files);
	char *cause = NULL;
	size_t nfiles, i;
	int rc;
	const struct cli_opt opts[] = {
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	memset(&b, 0, sizeof b);

	rc = cli_args_parse(&cli_cmd_import, argc, argv, opts, files,
	    (size_t)argc, &nfiles);
	if (rc == CLI_OK && nfiles == 0)
		rc = cli_usage(&cli_cmd_import, _("import needs a FILE"));
	if (rc == CLI_OK && cli_open_store(ctx, STORE_READWRITE, &b.st) !=
	    CLI_OK)
		rc = CLI_FAILED;
	if (rc == CLI_OK && (store_review_bulk_cache(b.st, IMPORT_CACHE_MIB,
	    &cause) != 0 || store_begin(b.st, &cause) != 0)) {
		rc = cli_fail("%s", cause);
		free(cause);
		store_close(b.st);
	} else if (rc == CLI_OK) {
		for (i = 0; i < nfiles; i++)
			take_file(&b, files[i]);
		rc = cmd_import_finish(&b);
		store_close(b.st);
	}
	import_cache_clear(&b.cache);
	free(files);
	return rc;
}
