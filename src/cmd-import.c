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
#include "export.h"
#include "import.h"
#include "import-merge.h"
#include "json-read.h"
#include "seal.h"
#include "store-review.h"
#include "uuid.h"
#include "xalloc.h"

/* SQLite's page cache for the batch; see store_review_bulk_cache. */
#define IMPORT_CACHE_MIB	256

static int	cmd_import_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_import = {
	"import",
	"[--dry-run] FILE...",
	N_("add scorecards from JSON exports (or JSON Lines) of other machines"),
	N_("FILE is `kaohe export ID --format json` output, a bundle (`kaohe\n"
	   "export --all --format jsonl`) or JSON Lines (one compact export a\n"
	   "line); - reads standard input. Everything is checked; one bad\n"
	   "record refuses the whole batch, and nothing is written.\n"
	   "A card already here (same UUID) with the same content (scores,\n"
	   "notes, evidence and its corrections, team rows) is skipped; a\n"
	   "later state of it (a later revision, its final) updates it when\n"
	   "it has not changed here since it came in; changed on both sides,\n"
	   "both are kept: the incoming card as a new conflict copy.\n"
	   "  --dry-run    say what would happen; write nothing\n"),
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
	bool		 dry_run;	/* rolled back at the end */
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

/*
 * A new card: inserted, and its content remembered for re-imports (a
 * conflict copy's as it came in, under the UUID it conflicts with).
 */
static int
insert_new(struct batch *b, struct scorecard *sc, const char *conflict_of,
    const char *came_in, char **cause)
{
	char hash[65];

	if (store_insert(b->st, sc, cause) != 0)
		return -1;
	if (came_in == NULL)
		import_content_hash(sc, true, hash);
	return store_import_mark(b->st, sc->id, came_in != NULL ? came_in :
	    hash, conflict_of, cause);
}

/*
 * A final card's seal covers its UUID: the seal it came with is checked
 * here, under the UUID it was made for, and the copy (a UUID of its own)
 * is sealed anew as it is stored.
 */
static int
copy_seal(struct scorecard *in, char **cause)
{
	char hex[65];

	if (in->seal[0] == '\0')
		return 0;
	seal_compute(in, hex);
	if (strcmp(hex, in->seal) != 0) {
		*cause = xasprintf(_("scorecard %s: its seal does not match its"
		    " content (it was changed after it was finalized)"),
		    in->uuid);
		return -1;
	}
	in->seal[0] = '\0';
	return 0;
}

/*
 * Both changed: the incoming card is kept beside the one here, as a new
 * scorecard with a UUID of its own, marked as a conflict copy; the same
 * incoming card again is not copied twice.
 */
static int
keep_conflict(struct batch *b, struct scorecard *in, const char *in_hash,
    const struct scorecard *here, const char *where, char **cause)
{
	char uuid[37], v1[65];
	bool seen;

	/* A copy kept before the content hash's version 2 holds version 1. */
	if (store_import_has_copy(b->st, in->uuid, in_hash, &seen, cause) != 0)
		return -1;
	if (!seen) {
		import_content_hash_v1(in, false, v1);
		if (store_import_has_copy(b->st, in->uuid, v1, &seen,
		    cause) != 0)
			return -1;
	}
	if (seen) {
		b->skipped++;
		return 0;
	}
	memcpy(uuid, in->uuid, sizeof uuid);
	if (copy_seal(in, cause) != 0 || uuid_v4(in->uuid, cause) != 0 ||
	    insert_new(b, in, uuid, in_hash, cause) != 0)
		return -1;
	printf(_("%sconflict: %s changed here (#%lld) and in %s; the incoming"
	    " card is kept as #%lld, a conflict copy\n"), b->dry_run ?
	    _("would be a ") : "", uuid, here->id, where, in->id);
	b->conflicts++;
	return 0;
}

static int
update_here(struct batch *b, struct scorecard *in, struct scorecard *here,
    const char *where, char **cause)
{
	char *reason = xasprintf(_("imported revision %d from %s"),
	    in->revision, where);
	char hash[65];
	int rc;

	rc = store_import_update(b->st, here, in, reason, cause);
	free(reason);
	if (rc != 0)
		return -1;
	import_content_hash(in, true, hash);
	if (store_import_mark(b->st, here->id, hash, NULL, cause) != 0)
		return -1;
	printf(_("%supdated #%lld (%s) to revision %d, %s, from %s\n"),
	    b->dry_run ? _("would be ") : "", here->id, here->uuid,
	    in->revision, in->status == SCORECARD_FINAL ? _("final") :
	    _("draft"), where);
	b->updated++;
	return 0;
}

/* A UUID here already: skip, update or keep both (import-merge.h). */
static int
take_present(struct batch *b, struct scorecard *in, long long id,
    const char *where, char **cause)
{
	struct scorecard *here;
	char in_hash[65], here_hash[65], imported[65];
	bool found;
	int rc = -1;

	if (store_load(b->st, id, &here, cause) != 0)
		return -1;
	import_content_hash(in, false, in_hash);
	import_content_hash(here, true, here_hash);
	if (store_import_hash(b->st, id, imported, &found, cause) == 0) {
		switch (import_decide(in, here, in_hash, here_hash, found ?
		    import_recorded(imported, in, here, in_hash, here_hash) :
		    NULL)) {
		case IMPORT_SKIP:
			b->skipped++;
			rc = 0;
			break;
		case IMPORT_UPDATE:
			rc = update_here(b, in, here, where, cause);
			break;
		case IMPORT_CONFLICT:
			rc = keep_conflict(b, in, in_hash, here, where, cause);
			break;
		}
	}
	scorecard_free(here);
	return rc;
}

/* Check one record and take it in (inside the batch). */
static void
take_record(struct batch *b, const struct json_value *v, const char *name)
{
	struct scorecard *sc;
	char *cause = NULL, *where;
	long long id;
	int rc;

	if (import_record(v, name, &b->cache, &sc, &cause) != 0) {
		report_bad(b, cause);
		return;
	}
	/* After a refusal the batch is lost: check the rest, insert nothing. */
	if (b->bad > 0) {
		scorecard_free(sc);
		return;
	}
	where = xasprintf("%s:%zu", name, v->line);
	if ((rc = store_uuid_id(b->st, sc->uuid, &id, &cause)) == 0) {
		if (id > 0)
			rc = take_present(b, sc, id, where, &cause);
		else if ((rc = insert_new(b, sc, NULL, NULL, &cause)) == 0)
			b->imported++;
	}
	if (rc != 0) {
		report_bad(b, xasprintf("%s: %s", where, cause));
		free(cause);
	}
	free(where);
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
	if (b->dry_run)
		store_rollback(b->st);
	else if (store_commit(b->st, &cause) != 0) {
		store_rollback(b->st);
		cli_fail("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	if (b->dry_run)
		fputs(_("dry run, nothing was written: "), stdout);
	printf(_("imported %zu, updated %zu, skipped %zu already present,"
	    " %zu conflicts\n"), b->imported, b->updated, b->skipped,
	    b->conflicts);
	return CLI_OK;
}

/*
 * A dry run with no database yet runs against a scratch one: the
 * transaction is rolled back either way, and the scratch file removed.
 */
static int
open_batch_store(struct cli_ctx *ctx, struct batch *b, char **scratch)
{
	struct cli_ctx tmp = *ctx;
	int fd, rc;

	*scratch = NULL;
	if (!b->dry_run || !cli_db_missing(ctx))
		return cli_open_store(ctx, STORE_READWRITE, &b->st);
	*scratch = xasprintf("%s/kaohe-dry-run.XXXXXX", getenv("TMPDIR") !=
	    NULL && *getenv("TMPDIR") != '\0' ? getenv("TMPDIR") : "/tmp");
	if ((fd = mkstemp(*scratch)) < 0) {
		rc = cli_fail("%s: %s", *scratch, strerror(errno));
		free(*scratch);
		*scratch = NULL;
		return rc;
	}
	close(fd);
	tmp.db_flag = *scratch;
	return cli_open_store(&tmp, STORE_READWRITE, &b->st);
}

static void
remove_scratch(char *scratch)
{
	char *side;

	if (scratch == NULL)
		return;
	(void)unlink(scratch);
	side = xasprintf("%s-wal", scratch);
	(void)unlink(side);
	free(side);
	side = xasprintf("%s-shm", scratch);
	(void)unlink(side);
	free(side);
	free(scratch);
}

static int
cmd_import_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct batch b;
	const char **files = xcalloc((size_t)argc, sizeof *files);
	char *cause = NULL, *scratch = NULL;
	size_t nfiles, i;
	int rc;
	const struct cli_opt opts[] = {
		{ "--dry-run", 0, false, NULL, &b.dry_run, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	memset(&b, 0, sizeof b);

	rc = cli_args_parse(&cli_cmd_import, argc, argv, opts, files,
	    (size_t)argc, &nfiles);
	if (rc == CLI_OK && nfiles == 0)
		rc = cli_usage(&cli_cmd_import, _("import needs a FILE"));
	if (rc == CLI_OK && open_batch_store(ctx, &b, &scratch) != CLI_OK)
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
	remove_scratch(scratch);
	import_cache_clear(&b.cache);
	free(files);
	return rc;
}
