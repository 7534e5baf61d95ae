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
#include <sys/mman.h>
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

/* A whole file in memory: mapped when it is a regular file. */
struct input {
	const char	*name;
	char		*data;
	size_t		 len;
	bool		 mapped;
};

struct batch {
	struct store	*st;
	struct import_cache cache;
	size_t		 imported;
	size_t		 skipped;
	size_t		 bad;
	size_t		 records;
};

static int
read_stream(int fd, struct input *in, char **cause)
{
	size_t cap = 65536;
	ssize_t n;

	in->data = xmalloc(cap);
	in->len = 0;
	for (;;) {
		if (in->len == cap) {
			if (cap >= IMPORT_MAX_BYTES) {
				*cause = xasprintf(_("%s: larger than %u bytes"),
				    in->name, IMPORT_MAX_BYTES);
				return -1;
			}
			cap *= 2;
			in->data = xreallocarray(in->data, cap, 1);
		}
		n = read(fd, in->data + in->len, cap - in->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*cause = xasprintf("%s: %s", in->name, strerror(errno));
			return -1;
		}
		if (n == 0)
			return 0;
		in->len += (size_t)n;
	}
}

static int
input_open(const char *path, struct input *in, char **cause)
{
	struct stat sb;
	int fd, rc = 0;
	void *p;

	memset(in, 0, sizeof *in);
	in->name = strcmp(path, "-") == 0 ? _("standard input") : path;
	fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &sb) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (S_ISREG(sb.st_mode) && sb.st_size > 0) {
		p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd,
		    0);
		if (p == MAP_FAILED) {
			*cause = xasprintf("%s: %s", path, strerror(errno));
			rc = -1;
		} else {
			in->data = p;
			in->len = (size_t)sb.st_size;
			in->mapped = true;
		}
	} else if (S_ISDIR(sb.st_mode)) {
		*cause = xasprintf(_("%s: is a directory"), path);
		rc = -1;
	} else
		rc = read_stream(fd, in, cause);
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

static void
input_close(struct input *in)
{
	if (in->mapped)
		munmap(in->data, in->len);
	else
		free(in->data);
}

static void
report_bad(struct batch *b, char *cause)
{
	fprintf(stderr, "kaohe: %s\n", cause);
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
	take_record(b, v, name);
	json_value_free(v);
}

static bool
blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/*
 * A mapped file's pages already read are given back now and then, so a
 * file of gigabytes does not stay resident (they are re-read if touched).
 */
#define IMPORT_RELEASE_BYTES	(64u * 1024u * 1024u)

static void
release_read(const struct input *in, const char *upto, size_t *released)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t done = (size_t)(upto - in->data) / page * page;

	if (!in->mapped || done < *released + IMPORT_RELEASE_BYTES)
		return;
	/* Advice only: a failure changes nothing but the memory used. */
	(void)madvise(in->data, done, MADV_DONTNEED);
	*released = done;
}

/* Each non-blank line one record, named by its own line number. */
static void
take_lines(struct batch *b, const struct input *in)
{
	const char *p = in->data, *end = in->data + in->len, *nl;
	size_t line = 1, released = 0;

	for (; p < end; p = nl + 1, line++) {
		release_read(in, p, &released);
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (blank(p, (size_t)(nl - p)))
			continue;
		if ((size_t)(nl - p) > IMPORT_MAX_BYTES) {
			b->records++;
			report_bad(b, xasprintf(_("%s:%zu: a line longer than"
			    " %u bytes"), in->name, line, IMPORT_MAX_BYTES));
		} else
			take_value(b, p, (size_t)(nl - p), in->name, line);
	}
}

/* Is the first non-blank line a whole JSON value by itself? */
static bool
is_json_lines(const struct input *in)
{
	const char *p = in->data, *end = in->data + in->len, *nl;
	struct json_value *v;
	char *cause = NULL;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (blank(p, (size_t)(nl - p)))
			continue;
		if (json_read(p, (size_t)(nl - p), "", 1, &v, &cause) != 0) {
			free(cause);
			return false;
		}
		json_value_free(v);
		return true;
	}
	return false;
}

static void
take_file(struct batch *b, const char *path)
{
	struct input in;
	char *cause = NULL;

	if (input_open(path, &in, &cause) != 0) {
		b->records++;	/* a file that cannot be read counts as bad */
		report_bad(b, cause);
		return;
	}
	/* JSON Lines are read a line at a time: only a line has a cap. */
	if (blank(in.data, in.len)) {
		b->records++;
		report_bad(b, xasprintf(_("%s: no records (the file is"
		    " empty)"), in.name));
	} else if (is_json_lines(&in))
		take_lines(b, &in);
	else if (in.len > IMPORT_MAX_BYTES) {
		b->records++;
		report_bad(b, xasprintf(_("%s: larger than %u bytes"), in.name,
		    IMPORT_MAX_BYTES));
	} else
		take_value(b, in.data, in.len, in.name, 1);
	input_close(&in);
}

static int
finish(struct batch *b)
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
	printf(_("imported %zu, skipped %zu already present\n"), b->imported,
	    b->skipped);
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
		rc = finish(&b);
		store_close(b.st);
	}
	import_cache_clear(&b.cache);
	free(files);
	return rc;
}
