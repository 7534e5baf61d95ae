/*
 * Showing a rubric: the outline people read at a terminal, and the JSON
 * that scripts read. Rubric text comes from a file someone else wrote, so
 * the outline strips control characters before it reaches a tty.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "rubric-show.h"
#include "width.h"
#include "xalloc.h"

#define INFERRED_MARK	"*"

struct outline {
	FILE	*out;
	size_t	 width;		/* of the whole line */
	size_t	 rangew;	/* of the right-aligned range column */
	size_t	 keyw;		/* of the key column, gap included */
	bool	 inferred;	/* was any mark printed: explain it */
};

static bool
has_inferred(const struct rubric_node *n, unsigned bits)
{
	return (n->inferred & bits) != 0;
}

/* "(100)" for a section, "1~30分" for an item; "*" when not printed. */
static char *
range_text(const struct rubric_node *n)
{
	const char *mark = has_inferred(n, RUBRIC_INFERRED_MAX |
	    RUBRIC_INFERRED_MIN) ? INFERRED_MARK : "";

	if (n->nchildren > 0)
		return xasprintf("%s(%d)", mark, n->max);
	return xasprintf("%s%d~%d分", mark, n->min, n->max);
}

/* "一、基礎服務", "(一) 服務一致及正確", "1. 申辦…"; sanitized. */
static char *
label_text(const struct rubric_node *n)
{
	char *raw, *clean, *label = rubric_node_label(n);

	if (has_inferred(n, RUBRIC_INFERRED_TITLE | RUBRIC_INFERRED_NUMBER))
		raw = xasprintf("%s %s", label, INFERRED_MARK);
	else
		raw = xstrdup(label);
	clean = width_sanitize(raw);
	free(raw);
	free(label);
	return clean;
}

static void
spaces(FILE *out, size_t n)
{
	while (n-- > 0)
		fputc(' ', out);
}

/* The lines of s wrapped to cols (at least one, maybe empty). */
static char **
wrap(const char *s, size_t cols, size_t *n)
{
	char **lines = width_wrap(s, cols < 8 ? 8 : cols, n);

	if (*n == 0) {
		width_lines_free(lines);
		lines = xcalloc(2, sizeof *lines);
		lines[0] = xstrdup("");
		*n = 1;
	}
	return lines;
}

/*
 * The key (what `kaohe set` takes) in the first column, then label at
 * indent, wrapped; right ends at the last column of line one.
 */
static void
row(struct outline *o, const char *key, size_t indent, const char *label,
    const char *right)
{
	size_t avail, n, i, rw = width_of(right);
	char **lines, *padded;

	indent += o->keyw;
	avail = o->width > indent + o->rangew + 2 + 8 ?
	    o->width - indent - o->rangew - 2 : 8;
	lines = wrap(label, avail, &n);
	padded = width_pad(key, o->keyw);
	fputs(padded, o->out);
	free(padded);
	spaces(o->out, indent - o->keyw);
	padded = width_pad(lines[0], avail);
	fprintf(o->out, "%s  ", padded);
	free(padded);
	spaces(o->out, o->rangew > rw ? o->rangew - rw : 0);
	fprintf(o->out, "%s\n", right);
	for (i = 1; i < n; i++) {
		spaces(o->out, indent + 2);
		fprintf(o->out, "%s\n", lines[i]);
	}
	width_lines_free(lines);
}

/* "26~30", "*11~15" when the tiers were inferred. Caller frees. */
static char *
band_text(const struct rubric_node *n, size_t i)
{
	return xasprintf("%s%d~%d", has_inferred(n, RUBRIC_INFERRED_TIERS) ?
	    INFERRED_MARK : "", n->tiers[i].min, n->tiers[i].max);
}

static size_t
band_width(const struct rubric_node *n)
{
	size_t i, w, most = 0;
	char *band;

	for (i = 0; i < n->ntiers; i++) {
		band = band_text(n, i);
		w = width_of(band);
		most = w > most ? w : most;
		free(band);
	}
	return most;
}

/* "- 26~30 服務人員回應問題正確率達 90% 以上。", wrapped under the label. */
static void
tiers(struct outline *o, const struct rubric_node *n, size_t indent)
{
	size_t bw, lead, i, j, nl;
	char *band, *label, **lines;

	indent += o->keyw;
	bw = band_width(n);
	lead = indent + 2 + bw + 1;
	for (i = 0; i < n->ntiers; i++) {
		band = band_text(n, i);
		label = width_sanitize(n->tiers[i].label);
		lines = wrap(label, o->width > lead + 8 ? o->width - lead : 8,
		    &nl);
		spaces(o->out, indent);
		fputs("- ", o->out);
		spaces(o->out, bw - width_of(band));
		fprintf(o->out, "%s %s\n", band, lines[0]);
		for (j = 1; j < nl; j++) {
			spaces(o->out, lead);
			fprintf(o->out, "%s\n", lines[j]);
		}
		width_lines_free(lines);
		free(label);
		free(band);
	}
}

static void
node(struct outline *o, const struct rubric_node *n)
{
	size_t indent = 2 * (size_t)(n->depth - 1), i;
	char *label = label_text(n), *range = range_text(n);

	if (n->inferred != 0)
		o->inferred = true;
	row(o, n->key, indent, label, range);
	free(label);
	free(range);
	tiers(o, n, indent + 2);
	for (i = 0; i < n->nchildren; i++)
		node(o, &n->children[i]);
}

/* Under the legend: each inferred-from, after the key it explains. */
static void
sources(struct outline *o, const struct rubric_node *n)
{
	char *text, *key, **lines;
	size_t i, nl;

	if (n->inferred != 0 && *n->inferred_from != '\0') {
		text = width_sanitize(n->inferred_from);
		lines = wrap(text, o->width > o->keyw + 8 ? o->width -
		    o->keyw : 8, &nl);
		key = width_pad(n->parent == NULL ? "合計" : n->key, o->keyw);
		for (i = 0; i < nl; i++) {
			if (i == 0)
				fputs(key, o->out);
			else
				spaces(o->out, o->keyw);
			fprintf(o->out, "%s\n", lines[i]);
		}
		free(key);
		width_lines_free(lines);
		free(text);
	}
	for (i = 0; i < n->nchildren; i++)
		sources(o, &n->children[i]);
}

static size_t
widest_range(const struct rubric_node *n, size_t most)
{
	char *range = range_text(n);
	size_t w = width_of(range), i;

	free(range);
	most = w > most ? w : most;
	for (i = 0; i < n->nchildren; i++)
		most = widest_range(&n->children[i], most);
	return most;
}

/* The widest key, so that keys make a column of their own. */
static size_t
widest_key(const struct rubric_node *n, size_t most)
{
	size_t w = width_of(n->key), i;

	most = w > most ? w : most;
	for (i = 0; i < n->nchildren; i++)
		most = widest_key(&n->children[i], most);
	return most;
}

static int
rubric_show_finish(FILE *out, char **cause)
{
	if (fflush(out) == 0 && !ferror(out))
		return 0;
	*cause = xasprintf("cannot write the rubric: %s", strerror(errno));
	return -1;
}

int
rubric_show_text(FILE *out, const struct rubric *r, int width, char **cause)
{
	struct outline o = { out, width < 40 ? 40 : (size_t)width, 0, 0, false };
	char *title, *total, **lines;
	size_t i, n;

	total = xasprintf("%s%d", has_inferred(&r->root, RUBRIC_INFERRED_MAX) ?
	    INFERRED_MARK : "", r->total);
	o.rangew = width_of(total);
	for (i = 0; i < r->root.nchildren; i++) {
		o.rangew = widest_range(&r->root.children[i], o.rangew);
		o.keyw = widest_key(&r->root.children[i], o.keyw);
	}
	o.keyw = (o.keyw > width_of("合計") ? o.keyw : width_of("合計")) + 2;
	title = width_sanitize(r->title);
	lines = wrap(title, o.width, &n);
	for (i = 0; i < n; i++)
		fprintf(out, "%s\n", lines[i]);
	width_lines_free(lines);
	free(title);
	fputc('\n', out);
	for (i = 0; i < r->root.nchildren; i++)
		node(&o, &r->root.children[i]);
	/* The total's name sits in the key column, at the left edge. */
	row(&o, "合計", 0, "", total);
	free(total);
	fprintf(out, "%zu %s\n", r->nitems, r->nitems == 1 ? "item" : "items");
	if (o.inferred || r->root.inferred != 0) {
		fputs(INFERRED_MARK " inferred: not on the source form"
		    "\n", out);
		sources(&o, &r->root);
	}
	return rubric_show_finish(out, cause);
}

void
rubric_json_inferred(struct json_writer *w, const struct rubric_node *n)
{
	const char *names[RUBRIC_INFERRED_MAXN];
	size_t i, k;

	if (n->inferred == 0)
		return;
	k = rubric_inferred_names(n, names);
	json_begin_array(w, "inferred");
	for (i = 0; i < k; i++)
		json_string(w, NULL, names[i]);
	json_end_array(w);
	if (*n->inferred_from != '\0')
		json_string(w, "inferred_from", n->inferred_from);
}

static void
json_node(struct json_writer *w, const struct rubric_node *n)
{
	size_t i;

	json_begin_object(w, NULL);
	json_string(w, "key", n->key);
	json_string(w, "number", n->number);
	json_string(w, "title", n->title);
	if (n->nchildren == 0)
		json_int(w, "min", n->min);
	json_int(w, "max", n->max);
	if (n->nchildren == 0) {
		json_begin_array(w, "tiers");
		for (i = 0; i < n->ntiers; i++) {
			json_begin_object(w, NULL);
			json_string(w, "label", n->tiers[i].label);
			json_int(w, "min", n->tiers[i].min);
			json_int(w, "max", n->tiers[i].max);
			json_end_object(w);
		}
		json_end_array(w);
	}
	json_string(w, "guidance", n->guidance);
	rubric_json_inferred(w, n);
	if (n->nchildren > 0) {
		json_begin_array(w, "children");
		for (i = 0; i < n->nchildren; i++)
			json_node(w, &n->children[i]);
		json_end_array(w);
	}
	json_end_object(w);
}

int
rubric_show_json(FILE *out, const struct rubric *r, char **cause)
{
	struct json_writer w;
	size_t i;

	json_init(&w, out, true);
	json_begin_object(&w, NULL);
	json_string(&w, "id", r->id);
	json_string(&w, "title", r->title);
	json_int(&w, "max", r->total);
	rubric_json_inferred(&w, &r->root);
	json_begin_array(&w, "nodes");
	for (i = 0; i < r->root.nchildren; i++)
		json_node(&w, &r->root.children[i]);
	json_end_array(&w);
	json_end_object(&w);
	json_finish(&w);
	return rubric_show_finish(out, cause);
}
