/*
 * Import of "evidence" (export-json-evidence.c): each document's text is
 * checked as `evidence add` checks a file, against its SHA-256, split
 * again, and its matches found by their headings' lines. A match whose
 * line is no heading, an unknown node or a node twice refuses the card.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "i18n.h"
#include "import.h"
#include "sha256.h"
#include "text.h"
#include "xalloc.h"

struct ereading {
	const char		*name;
	const struct rubric	*rubric;
	char			*cause;
};

static int
ebad(struct ereading *rd, const struct json_value *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
ebad(struct ereading *rd, const struct json_value *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	json_vfail_at(&rd->cause, rd->name, at, fmt, ap);
	va_end(ap);
	return -1;
}

/* A string member that passes the text rule as one line. */
static const char *
line_of(struct ereading *rd, const struct json_value *obj, const char *key)
{
	const struct json_value *v = json_get(obj, key);
	char *cause = NULL;

	if (v == NULL || v->type != JSON_STRING) {
		ebad(rd, v != NULL ? v : obj, _("evidence: \"%s\" must be a"
		    " string"), key);
		return NULL;
	}
	if (text_check(v->text, TEXT_LINE, key, &cause) != 0) {
		ebad(rd, v, "evidence: %s", cause);
		free(cause);
		return NULL;
	}
	return v->text;
}

static int
read_text(struct ereading *rd, const struct json_value *doc,
    struct evidence_document *d)
{
	const struct json_value *v = json_get(doc, "text");
	const char *sha = line_of(rd, doc, "sha256");
	char *cause = NULL, hex[65];

	if (sha == NULL)
		return -1;
	if (v == NULL || v->type != JSON_STRING)
		return ebad(rd, doc, _("evidence: \"text\" must be a string"));
	d->len = strlen(v->text);
	if (evidence_check_text(v->text, d->len, "text", &cause) != 0) {
		ebad(rd, v, "evidence: %s", cause);
		free(cause);
		return -1;
	}
	sha256_hex(v->text, d->len, hex);
	if (strcmp(hex, sha) != 0)
		return ebad(rd, v, _("evidence: the text does not match its"
		    " sha256"));
	d->text = xstrdup(v->text);
	if (evidence_split(d->text, d->len, "text", &d->sections,
	    &d->nsections, &cause) != 0) {
		ebad(rd, v, "evidence: %s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

static long
section_at_line(const struct evidence_document *d, int line)
{
	size_t i;

	for (i = 0; i < d->nsections; i++)
		if (d->sections[i].line == (size_t)line)
			return (long)i;
	return -1;
}

static bool
node_seen(const struct evidence_document *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->nmatches; i++)
		if (strcmp(d->matches[i].node->key, key) == 0)
			return true;
	for (i = 0; i < d->ncleared; i++)
		if (strcmp(d->cleared[i], key) == 0)
			return true;
	return false;
}

static int
read_match(struct ereading *rd, const struct json_value *m,
    struct evidence_document *d)
{
	const struct json_value *line = json_get(m, "line");
	const struct json_value *corr = json_get(m, "corrected");
	const struct rubric_node *n;
	const char *key = line_of(rd, m, "node");
	long sec;
	int ln;

	if (key == NULL)
		return -1;
	n = rubric_find(rd->rubric, key);
	if (n == NULL || n == &rd->rubric->root)
		return ebad(rd, m, _("evidence: the rubric has no node '%s'"),
		    key);
	if (node_seen(d, key))
		return ebad(rd, m, _("evidence: node '%s' is matched twice"),
		    key);
	if (corr == NULL || (corr->type != JSON_TRUE && corr->type != JSON_FALSE))
		return ebad(rd, m, _("evidence: \"corrected\" must be true or"
		    " false"));
	if (line != NULL && line->type == JSON_NULL && corr->type == JSON_TRUE) {
		d->cleared = xreallocarray(d->cleared, d->ncleared + 1,
		    sizeof *d->cleared);
		d->cleared[d->ncleared++] = xstrdup(key);
		return 0;
	}
	if (line == NULL || !json_as_int(line, &ln) ||
	    (sec = section_at_line(d, ln)) < 0)
		return ebad(rd, line != NULL ? line : m, _("evidence: the match"
		    " of '%s' is not at a heading's line"), key);
	d->matches = xreallocarray(d->matches, d->nmatches + 1,
	    sizeof *d->matches);
	d->matches[d->nmatches++] = (struct evidence_match){ n, (size_t)sec,
	    corr->type == JSON_TRUE };
	return 0;
}

static int
by_section(const void *a, const void *b)
{
	const struct evidence_match *x = a, *y = b;

	return x->section < y->section ? -1 : x->section > y->section;
}

static int
read_document(struct ereading *rd, const struct json_value *doc,
    struct evidence_document *d)
{
	const struct json_value *ms;
	const char *f, *t, *at;
	size_t i;

	if (doc->type != JSON_OBJECT)
		return ebad(rd, doc, _("evidence: a document must be an"
		    " object"));
	if ((f = line_of(rd, doc, "file_name")) == NULL ||
	    (t = line_of(rd, doc, "title")) == NULL ||
	    (at = line_of(rd, doc, "added_at")) == NULL ||
	    read_text(rd, doc, d) != 0)
		return -1;
	d->file_name = xstrdup(f);
	d->title = xstrdup(t);
	d->added_at = xstrdup(at);
	ms = json_get(doc, "matches");
	if (ms == NULL || ms->type != JSON_ARRAY)
		return ebad(rd, doc, _("evidence: \"matches\" must be an"
		    " array"));
	for (i = 0; i < ms->n; i++)
		if (ms->items[i].type != JSON_OBJECT ||
		    read_match(rd, &ms->items[i], d) != 0)
			return ebad(rd, &ms->items[i], _("evidence: a match"
			    " must be an object"));
	/* No matches: matches is NULL, which qsort may not be given. */
	if (d->nmatches > 1)
		qsort(d->matches, d->nmatches, sizeof *d->matches,
		    by_section);
	return 0;
}

/* Two documents of one card with the same text are one document. */
static int
check_distinct(struct ereading *rd, const struct json_value *v,
    const struct evidence_set *set)
{
	size_t i, j;
	char a[65], b[65];

	for (i = 0; i < set->ndocs; i++) {
		sha256_hex(set->docs[i].text, set->docs[i].len, a);
		for (j = 0; j < i; j++) {
			sha256_hex(set->docs[j].text, set->docs[j].len, b);
			if (strcmp(a, b) == 0)
				return ebad(rd, &v->items[i], _("evidence:"
				    " documents %zu and %zu have the same"
				    " text"), j + 1, i + 1);
		}
	}
	return 0;
}

int
import_evidence(const struct json_value *v, const char *name,
    struct scorecard *sc, char **cause)
{
	const struct json_value *ev = json_get(v, "evidence");
	struct ereading rd = { name, sc->rubric, NULL };
	struct evidence_set *set;
	size_t i;

	if (ev == NULL)
		return 0;
	if (ev->type != JSON_ARRAY) {
		ebad(&rd, ev, _("\"evidence\" must be an array"));
		*cause = rd.cause;
		return -1;
	}
	set = xcalloc(1, sizeof *set);
	set->docs = xcalloc(ev->n + 1, sizeof *set->docs);
	for (i = 0; i < ev->n && rd.cause == NULL; i++) {
		set->ndocs++;
		read_document(&rd, &ev->items[i], &set->docs[i]);
	}
	if (rd.cause == NULL)
		check_distinct(&rd, ev, set);
	if (rd.cause != NULL || set->ndocs == 0) {
		evidence_set_free(set);
		free(set);
		*cause = rd.cause;
		return rd.cause != NULL ? -1 : 0;
	}
	sc->evidence = set;
	return 0;
}
