/*
 * kaohe evidence add | list | show | match: the agency's report kept
 * with a card, split by its headings and matched to the rubric; the
 * passage for an item; the inspector's corrections.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "evidence.h"
#include "evidence-read.h"
#include "i18n.h"
#include "store-evidence.h"
#include "text.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_evidence_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_evidence = {
	"evidence",
	"add ID FILE [--title T] | list ID | show ID KEY |"
	" match ID KEY DOC:SECTION|none",
	N_("keep the agency's report with a card; show an item's passage"),
	N_("  add ID FILE     store FILE (UTF-8 text, Markdown, or PDF through\n"
	   "                  pdftotext) with draft ID, split it by its headings\n"
	   "                  and match its sections to the rubric\n"
	   "  --title T       the document's title (default: its first line)\n"
	   "  list ID         each document, and per rubric node the heading\n"
	   "                  matched to it (DOC:SECTION), then the sections\n"
	   "                  that matched nothing\n"
	   "  show ID KEY     the passage for item or section KEY: its own\n"
	   "                  section, else its nearest matched section's\n"
	   "  match ID KEY DOC:SECTION\n"
	   "                  correct a match: KEY's passage is that section\n"
	   "                  ('none': KEY has no section in any document);\n"
	   "                  the correction is kept when documents are added\n"),
	cmd_evidence_exec,
};

/* Headings are cut to this many columns in `list`. */
#define HEADING_COLS	56

/* s for a terminal: no control characters, on one line. Caller frees. */
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

/* s in at most cols columns, a cut marked with "…". Caller frees. */
static char *
cut(const char *s, size_t cols)
{
	char *clean = one_line(s), *cell, *out;
	size_t n;

	if (width_of(clean) <= cols)
		return clean;
	cell = width_pad(clean, cols - 1);
	n = strlen(cell);
	while (n > 0 && cell[n - 1] == ' ')
		cell[--n] = '\0';
	out = xasprintf("%s…", cell);
	free(cell);
	free(clean);
	return out;
}

static void
print_cut(const char *s, size_t cols)
{
	char *c = cut(s, cols);

	fputs(c, stdout);
	free(c);
}

/* The first non-blank line of text, as a default title. Caller frees. */
static char *
first_line(const char *text, const char *fallback)
{
	const char *p = text, *end;
	char *line;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (*p == '\0')
			return xstrdup(fallback);
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		line = xstrndup(p, (size_t)(end - p));
		if (*line != '\0')
			break;
		free(line);
		p = end;
	}
	while (strlen(line) > 0 && line[strlen(line) - 1] == ' ')
		line[strlen(line) - 1] = '\0';
	return line;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/*
 * The title a document gets without --title: its first line, stripped of
 * control characters (a document may hold any); the file name when that
 * does not make a title. Caller frees.
 */
static char *
default_title(const char *text, const char *file_name)
{
	char *line = first_line(text, file_name), *clean, *cause = NULL;

	clean = width_sanitize(line);
	free(line);
	if (text_check(clean, TEXT_LINE, "title", &cause) == 0)
		return clean;
	free(cause);
	free(clean);
	return width_sanitize(file_name);
}

/* Say why path was not added; frees cause. Returns -1. */
static int
add_refused(const char *path, char *cause)
{
	if (cause == NULL)
		cause = xstrdup(path);
	cli_fail(_("%s; nothing was added"), cause);
	free(cause);
	return -1;
}

/* Read, check, normalize and split path; match against the card's rubric. */
static int
prepare(const char *path, const char *title, const struct rubric *r,
    struct evidence_document *d)
{
	char *raw, *cause = NULL;
	size_t len;

	memset(d, 0, sizeof *d);
	if (evidence_read_file(path, &raw, &len, &cause) != 0)
		return add_refused(path, cause);
	if (evidence_check_text(raw, len, path, &cause) != 0) {
		free(raw);
		return add_refused(path, cause);
	}
	d->text = evidence_normalize(raw, len, &d->len);
	free(raw);
	if (evidence_split(d->text, d->len, path, &d->sections, &d->nsections,
	    &cause) != 0) {
		cli_fail(_("%s; nothing was added"), cause);
		free(cause);
		free(d->text);
		return -1;
	}
	evidence_match(r, d->sections, d->nsections, &d->matches,
	    &d->nmatches);
	d->file_name = xstrdup(base_name(path));
	d->title = title != NULL ? xstrdup(title) :
	    default_title(d->text, d->file_name);
	return 0;
}

static void
print_added(const struct scorecard *sc, const struct evidence_document *d)
{
	char *t = one_line(d->title), *f = one_line(d->file_name);

	printf(_("document %d of scorecard %lld: %s (%s)\n"), d->position,
	    sc->id, t, f);
	printf(_("%zu sections found, %zu of %zu items matched, %zu sections"
	    " unmatched\n"), d->nsections, evidence_items_matched(d),
	    sc->rubric->nitems, d->nsections - d->nmatches);
	free(t);
	free(f);
}

static int
evidence_add(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *pos[2], *title = NULL;
	const struct cli_opt opts[] = {
		{ "--title", 0, true, &title, NULL, NULL, NULL },
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	struct evidence_document d;
	struct scorecard *sc;
	struct store *st;
	char *cause = NULL;
	size_t npos;
	int rc;

	rc = cli_args_parse(&cli_cmd_evidence, argc, argv, opts, pos, 2, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 2)
		return cli_usage(&cli_cmd_evidence, _("add needs ID and FILE"));
	if (title != NULL && text_check(title, TEXT_LINE, "--title",
	    &cause) != 0) {
		rc = cli_usage(&cli_cmd_evidence, "%s", cause);
		free(cause);
		return rc;
	}
	if ((rc = cli_load(ctx, STORE_READWRITE, pos[0], &st, &sc)) != CLI_OK)
		return rc;
	rc = CLI_FAILED;
	if (sc->status == SCORECARD_FINAL)
		cli_fail(_("scorecard %lld is finalized; it cannot be changed"),
		    sc->id);
	else if (prepare(pos[1], title, sc->rubric, &d) == 0) {
		if (store_evidence_add(st, sc->id, &d, &cause) != 0) {
			cli_fail("%s", cause);
			free(cause);
		} else {
			print_added(sc, &d);
			rc = CLI_OK;
		}
		evidence_document_clear(&d);
	}
	scorecard_free(sc);
	store_close(st);
	return rc;
}

static void
list_document(const struct scorecard *sc, const struct evidence_document *d)
{
	char *t = one_line(d->title), *f = one_line(d->file_name);

	printf(_("document %d: %s\n"), d->position, t);
	printf(_("  file %s  sha256 %s  added %s\n"), f, d->sha256,
	    d->added_at);
	printf(_("  %zu sections, %zu of %zu items matched, %zu sections"
	    " unmatched\n"), d->nsections, evidence_items_matched(d),
	    sc->rubric->nitems, d->nsections - d->nmatches);
	free(t);
	free(f);
}

static void
list_node_row(const struct evidence_set *set, const struct rubric_node *n)
{
	struct evidence_passage p;
	size_t i, k, rows = 0;

	for (i = 0; i < set->ndocs; i++)
		for (k = 0; k < set->docs[i].nmatches; k++) {
			const struct evidence_match *m = &set->docs[i].matches[k];
			char *h, *ref;

			if (m->node != n)
				continue;
			h = evidence_heading(&set->docs[i],
			    &set->docs[i].sections[m->section]);
			ref = xasprintf("%d:%zu", set->docs[i].position,
			    m->section + 1);
			printf("%-10s %-8s ", n->key, ref);
			print_cut(h, HEADING_COLS);
			fputs(m->corrected ? _(" (corrected)\n") : "\n", stdout);
			free(ref);
			free(h);
			rows++;
		}
	if (rows > 0)
		return;
	printf("%-10s %-8s ", n->key, "-");
	if (evidence_set_find(set, n, &p) == 0)
		printf(_("(the passage of %s)\n"), p.node->key);
	else
		fputs(_("(no passage)\n"), stdout);
}

static void
list_nodes(const struct evidence_set *set, const struct rubric_node *n)
{
	size_t i;

	if (n->parent != NULL)
		list_node_row(set, n);
	for (i = 0; i < n->nchildren; i++)
		list_nodes(set, &n->children[i]);
}

static void
list_unmatched(const struct evidence_document *d)
{
	bool *matched = xcalloc(d->nsections + 1, sizeof *matched);
	size_t i, n = 0;

	for (i = 0; i < d->nmatches; i++)
		matched[d->matches[i].section] = true;
	for (i = 0; i < d->nsections; i++) {
		char *h, *ref;

		if (matched[i])
			continue;
		if (n++ == 0)
			printf(_("\nunmatched sections of document %d:\n"),
			    d->position);
		h = evidence_heading(d, &d->sections[i]);
		ref = xasprintf("%d:%zu", d->position, i + 1);
		printf(_("%-10s line %-5zu "), ref, d->sections[i].line);
		print_cut(h, HEADING_COLS);
		putchar('\n');
		free(ref);
		free(h);
	}
	free(matched);
}

static int
load_set(struct cli_ctx *ctx, const char *idtext, struct store **st,
    struct scorecard **sc, struct evidence_set *set)
{
	char *cause = NULL;
	int rc;

	if ((rc = cli_load(ctx, STORE_READONLY, idtext, st, sc)) != CLI_OK)
		return rc;
	if (store_evidence_load(*st, (*sc)->id, (*sc)->rubric, set,
	    &cause) != 0) {
		cli_fail("%s", cause);
		free(cause);
		scorecard_free(*sc);
		store_close(*st);
		return CLI_FAILED;
	}
	return CLI_OK;
}

static int
evidence_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	const char *pos[1];
	struct evidence_set set;
	struct scorecard *sc;
	struct store *st;
	size_t npos, i;
	int rc;

	rc = cli_args_parse(&cli_cmd_evidence, argc, argv, opts, pos, 1, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 1)
		return cli_usage(&cli_cmd_evidence, _("list needs an ID"));
	if ((rc = load_set(ctx, pos[0], &st, &sc, &set)) != CLI_OK)
		return rc;
	if (set.ndocs == 0)
		printf(_("scorecard %lld has no documents ('kaohe evidence add"
		    " %lld FILE' adds one)\n"), sc->id, sc->id);
	for (i = 0; i < set.ndocs; i++)
		list_document(sc, &set.docs[i]);
	if (set.ndocs > 0) {
		printf("\n%-10s %-8s %s\n", _("NODE"), _("SECTION"),
		    _("HEADING"));
		list_nodes(&set, &sc->rubric->root);
		for (i = 0; i < set.ndocs; i++)
			list_unmatched(&set.docs[i]);
	}
	evidence_set_free(&set);
	scorecard_free(sc);
	store_close(st);
	return CLI_OK;
}

static void
print_passage(const struct rubric_node *n, const struct evidence_passage *p)
{
	const struct evidence_section *s = p->section;
	char *t = one_line(p->doc->title), *h = evidence_heading(p->doc, s), *hl = one_line(h);
	char *body = xstrndup(p->doc->text + s->start, s->end - s->start);
	char *clean = width_sanitize(body);

	printf("%s › %s\n", t, hl);
	if (p->own)
		printf(_("(document %d, section %zu, line %zu: the section of"
		    " %s)\n\n"), p->doc->position, (size_t)(s - p->doc->sections)
		    + 1, s->line, n->key);
	else
		printf(_("(document %d, section %zu, line %zu: %s has no"
		    " section of its own; this is the section of %s)\n\n"),
		    p->doc->position, (size_t)(s - p->doc->sections) + 1,
		    s->line, n->key, p->node->key);
	fputs(clean, stdout);
	if (*clean != '\0' && clean[strlen(clean) - 1] != '\n')
		putchar('\n');
	free(clean);
	free(body);
	free(hl);
	free(h);
	free(t);
}

static int
evidence_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	const char *pos[2];
	const struct rubric_node *n;
	struct evidence_passage p;
	struct evidence_set set;
	struct scorecard *sc;
	struct store *st;
	size_t npos;
	int rc;

	rc = cli_args_parse(&cli_cmd_evidence, argc, argv, opts, pos, 2, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 2)
		return cli_usage(&cli_cmd_evidence, _("show needs ID and KEY"));
	if ((rc = load_set(ctx, pos[0], &st, &sc, &set)) != CLI_OK)
		return rc;
	n = rubric_find(sc->rubric, pos[1]);
	if (n == NULL || n == &sc->rubric->root)
		rc = cli_fail(_("rubric %s has no item '%s' (see 'kaohe rubric"
		    " show %s')"), sc->rubric->id, pos[1], sc->rubric->id);
	else if (evidence_set_find(&set, n, &p) != 0)
		rc = cli_fail(set.ndocs == 0 ? _("scorecard %lld has no"
		    " documents, so no passage for %s") : _("scorecard %lld"
		    " has no passage for %s: no section matched it or a"
		    " section above it (see kaohe evidence list)"), sc->id,
		    n->key);
	else
		print_passage(n, &p);
	evidence_set_free(&set);
	scorecard_free(sc);
	store_close(st);
	return rc;
}

/* "2:15" is section 15 of document 2; "none" is 0:0. */
static bool
parse_ref(const char *s, int *doc, int *section)
{
	char *end;
	long d, k;

	if (strcmp(s, "none") == 0) {
		*doc = *section = 0;
		return true;
	}
	d = strtol(s, &end, 10);
	if (end == s || *end != ':' || d < 1 || d > 100000)
		return false;
	s = end + 1;
	k = strtol(s, &end, 10);
	if (end == s || *end != '\0' || k < 1 || k > EVIDENCE_MAX_SECTIONS)
		return false;
	*doc = (int)d;
	*section = (int)k;
	return true;
}

static int
evidence_correct(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	const char *pos[3];
	const struct rubric_node *n;
	struct scorecard *sc;
	struct store *st;
	char *cause = NULL;
	size_t npos;
	int rc, doc, section;

	rc = cli_args_parse(&cli_cmd_evidence, argc, argv, opts, pos, 3, &npos);
	if (rc != CLI_OK)
		return rc;
	if (npos != 3)
		return cli_usage(&cli_cmd_evidence, _("match needs ID, KEY and"
		    " DOC:SECTION or none"));
	if (!parse_ref(pos[2], &doc, &section))
		return cli_usage(&cli_cmd_evidence, _("'%s' is not DOC:SECTION"
		    " (such as 1:12) or none"), pos[2]);
	if ((rc = cli_load(ctx, STORE_READWRITE, pos[0], &st, &sc)) != CLI_OK)
		return rc;
	n = rubric_find(sc->rubric, pos[1]);
	if (n == NULL || n == &sc->rubric->root)
		rc = cli_fail(_("rubric %s has no item '%s' (see 'kaohe rubric"
		    " show %s')"), sc->rubric->id, pos[1], sc->rubric->id);
	else if (store_evidence_correct(st, sc->id, n->key, doc, section,
	    &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	} else if (doc == 0)
		printf(_("%s: no section in any document (corrected)\n"),
		    n->key);
	else
		printf(_("%s: document %d, section %d (corrected)\n"), n->key,
		    doc, section);
	scorecard_free(sc);
	store_close(st);
	return rc;
}

static int
cmd_evidence_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*fn)(struct cli_ctx *, int, char **);
	} subs[] = {
		{ "add", evidence_add },
		{ "list", evidence_list },
		{ "show", evidence_show },
		{ "match", evidence_correct },
	};
	size_t i;

	if (argc < 2)
		return cli_usage(&cli_cmd_evidence, _("evidence needs add,"
		    " list, show or match"));
	for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].fn(ctx, argc - 1, argv + 1);
	return cli_usage(&cli_cmd_evidence, _("unknown evidence command"
	    " '%s'"), argv[1]);
}
