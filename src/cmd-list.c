#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "csv.h"
#include "i18n.h"
#include "json.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_list_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_list = {
	"list",
	"[--agency A] [--year Y] [--status draft|final] [--rubric ID]"
	" [--search TEXT] [--sort COLUMN] [--reverse] [--limit N] [--offset N]"
	" [--format text|csv|json]",
	N_("list scorecards, drafts first, newest first"),
	N_("  --agency A      agencies whose name contains A\n"
	   "  --year Y        the year of the inspection date: 2021, or the\n"
	   "                  ROC year 110 (any Y below 1911 is read as ROC)\n"
	   "  --status S      draft or final\n"
	   "  --rubric ID     scorecards made with this rubric\n"
	   "  --search TEXT   scorecards whose records, rationales or evidence\n"
	   "                  documents contain TEXT\n"
	   "  --sort COLUMN   updated (default), id, agency, date, rubric,\n"
	   "                  inspectors, status, score or progress\n"
	   "  --reverse       reverse the order\n"
	   "  --limit N, --offset N   a page of the list\n"
	   "  --format F      text (default), csv or json\n"),
	cmd_list_exec,
};

/* Wide enough for a full name such as 法務部行政執行署臺南分署. */
#define AGENCY_COLS	24

enum list_format { LIST_TEXT, LIST_CSV, LIST_JSON };
static const char *const formats[] = { "text", "csv", "json", NULL };

struct list_out {
	enum list_format	 format;
	size_t			 rows;
	struct json_writer	 json;
	long long		*ids;	/* the rows printed, to verify */
	size_t			 nids, cap;
};

static const char *const sort_names[] = {
	"updated", "id", "agency", "date", "rubric", "inspectors", "status",
	"score", "progress", NULL
};

/* s sanitized for a terminal, on one line. Caller frees. */
static char *
one_line(const char *s)
{
	char *clean = width_sanitize(s);
	size_t i;

	for (i = 0; clean[i] != '\0'; i++)
		if (clean[i] == '\n' || clean[i] == '\t')
			clean[i] = ' ';
	return clean;
}

/* s in exactly cols columns; a cut is marked with "…", never silent. */
static void
text_cell(const char *s, size_t cols)
{
	char *clean = one_line(s), *cell, *cut;
	size_t n;

	if (width_of(clean) > cols) {
		cell = width_pad(clean, cols - 1);
		/* A wide character that did not fit left a blank: drop it. */
		n = strlen(cell);
		while (n > 0 && cell[n - 1] == ' ')
			cell[--n] = '\0';
		cut = xasprintf("%s…", cell);
		free(cell);
		cell = width_pad(cut, cols);
		free(cut);
	} else
		cell = width_pad(clean, cols);
	fputs(cell, stdout);
	fputc(' ', stdout);
	free(cell);
	free(clean);
}

/* The last column is neither cut nor padded: no trailing blanks. */
static void
last_cell(const char *s)
{
	char *clean = one_line(s);

	printf("%s\n", clean);
	free(clean);
}

static void
text_header(void)
{
	printf("%6s ", "ID");
	text_cell(_("AGENCY"), AGENCY_COLS);
	text_cell(_("DATE"), 10);
	text_cell(_("RUBRIC"), 6);
	text_cell(_("STATUS"), 6);
	printf("%9s %7s  %s\n", _("SCORE"), _("SCORED"), _("INSPECTORS"));
}

static void
text_row(const struct store_summary *r)
{
	char score[32], scored[32];

	snprintf(score, sizeof score, "%d/%d", r->score, r->max);
	snprintf(scored, sizeof scored, "%d/%d", r->scored, r->items);
	printf("%6lld ", r->id);
	text_cell(r->agency, AGENCY_COLS);
	text_cell(r->date, 10);
	text_cell(r->rubric_id, 6);
	text_cell(r->status == SCORECARD_FINAL ? _("final") : _("draft"), 6);
	printf("%9s %7s  ", score, scored);
	last_cell(r->inspectors);
}

static void
csv_row(const struct store_summary *r)
{
	printf("%lld,", r->id);
	csv_field(stdout, r->uuid, ',');
	csv_field(stdout, r->agency, ',');
	csv_field(stdout, r->date, ',');
	csv_field(stdout, r->rubric_id, ',');
	csv_field(stdout, r->inspectors, ',');
	printf("%s,%d,%d,%d,%d,", r->status == SCORECARD_FINAL ? "final" :
	    "draft", r->score, r->max, r->scored, r->items);
	csv_field(stdout, r->updated_at, '\n');
}

static void
json_row(struct json_writer *w, const struct store_summary *r)
{
	json_begin_object(w, NULL);
	json_int(w, "id", r->id);
	json_string(w, "uuid", r->uuid);
	json_string(w, "agency", r->agency);
	json_string(w, "date", r->date);
	json_string(w, "rubric", r->rubric_id);
	json_string(w, "inspectors", r->inspectors);
	json_string(w, "status", r->status == SCORECARD_FINAL ? "final" :
	    "draft");
	json_int(w, "score", r->score);
	json_int(w, "max", r->max);
	json_int(w, "scored", r->scored);
	json_int(w, "items", r->items);
	json_string(w, "updated_at", r->updated_at);
	json_end_object(w);
}

static int
emit(const struct store_summary *r, void *arg)
{
	struct list_out *o = arg;

	if (o->nids == o->cap) {
		o->cap = o->cap > 0 ? o->cap * 2 : 64;
		o->ids = xreallocarray(o->ids, o->cap, sizeof *o->ids);
	}
	o->ids[o->nids++] = r->id;
	o->rows++;
	switch (o->format) {
	case LIST_TEXT:
		text_row(r);
		break;
	case LIST_CSV:
		csv_row(r);
		break;
	case LIST_JSON:
		json_row(&o->json, r);
		break;
	}
	return 0;
}

static void
warn_one(long long id, const char *problem, void *arg)
{
	(void)arg;
	cli_warn(_("scorecard %lld is TAMPERED: %s"), id, problem);
}

/* After the list, on stderr: the rows that fail the quick verification. */
static void
warn_tampered(struct store *st, const struct list_out *o)
{
	char *cause = NULL;

	if (store_verify_quick_many(st, o->ids, o->nids, warn_one, NULL,
	    &cause) != 0) {
		cli_warn("%s", cause);
		free(cause);
	}
}

static void
begin(struct list_out *o)
{
	switch (o->format) {
	case LIST_TEXT:
		text_header();
		break;
	case LIST_CSV:
		fputs("id,uuid,agency,date,rubric,inspectors,status,score,max,"
		    "scored,items,updated_at\n", stdout);
		break;
	case LIST_JSON:
		json_init(&o->json, stdout, true);
		json_begin_array(&o->json, NULL);
		break;
	}
}

static void
end(struct list_out *o)
{
	if (o->format == LIST_JSON) {
		json_end_array(&o->json);
		json_finish(&o->json);
	}
}

struct list_flags {
	const char	*year, *status, *sort, *limit, *offset, *format;
	bool		 reverse;
};

static int
parse_query(const struct list_flags *f, struct store_query *q,
    struct list_out *o)
{
	const struct cli_command *cmd = &cli_cmd_list;
	long v;
	int i;

	if (cli_args_filters(cmd, f->year, f->status, q) != CLI_OK)
		return CLI_USAGE;
	/* sort_names is in enum store_sort's order. */
	if (cli_args_choice(cmd, "--sort", f->sort, sort_names, &i) != CLI_OK)
		return CLI_USAGE;
	q->sort = (enum store_sort)i;
	q->descending = f->reverse;
	if (f->limit != NULL) {
		if (cli_args_int(cmd, "--limit", f->limit, 1, 1000000000, &v)
		    != CLI_OK)
			return CLI_USAGE;
		q->limit = (size_t)v;
	}
	if (f->offset != NULL) {
		if (cli_args_int(cmd, "--offset", f->offset, 0, 1000000000,
		    &v) != CLI_OK)
			return CLI_USAGE;
		q->offset = (size_t)v;
	}
	if (cli_args_choice(cmd, "--format", f->format, formats, &i) !=
	    CLI_OK)
		return CLI_USAGE;
	o->format = (enum list_format)i;
	return CLI_OK;
}

static int
cmd_list_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct store_query q = { .status = -1 };
	struct list_flags f = { 0 };
	struct list_out o = { 0 };
	struct store *st;
	const char *pos[1];
	char *cause = NULL;
	size_t npos;
	int rc;
	const struct cli_opt opts[] = {
		{ "--agency", 0, true, &q.agency, NULL, NULL, NULL },
		{ "--year", 0, true, &f.year, NULL, NULL, NULL },
		{ "--status", 0, true, &f.status, NULL, NULL, NULL },
		{ "--rubric", 0, true, &q.rubric_id, NULL, NULL, NULL },
		{ "--search", 0, true, &q.text, NULL, NULL, NULL },
		{ "--sort", 0, true, &f.sort, NULL, NULL, NULL },
		{ "--reverse", 0, false, NULL, &f.reverse, NULL, NULL },
		{ "--limit", 0, true, &f.limit, NULL, NULL, NULL },
		{ "--offset", 0, true, &f.offset, NULL, NULL, NULL },
		{ "--format", 0, true, &f.format, NULL, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};

	rc = cli_args_parse(&cli_cmd_list, argc, argv, opts, pos, 0, &npos);
	if (rc == CLI_OK)
		rc = parse_query(&f, &q, &o);
	if (rc != CLI_OK)
		return rc;
	/* Before the first scorecard there is no file: an empty list. */
	if (cli_db_missing(ctx)) {
		begin(&o);
		end(&o);
		return CLI_OK;
	}
	if (cli_open_store(ctx, STORE_READONLY, &st) != CLI_OK)
		return CLI_FAILED;
	begin(&o);
	if (store_list(st, &q, emit, &o, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	} else
		end(&o);
	warn_tampered(st, &o);
	free(o.ids);
	store_close(st);
	if (rc == CLI_OK && fflush(stdout) != 0)
		rc = cli_fail(_("cannot write the list"));
	return rc;
}
