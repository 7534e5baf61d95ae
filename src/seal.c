/*
 * The seal's canonical content (see seal.h for its definition). Every
 * field is length-prefixed, so no value can be mistaken for another's
 * end, whatever bytes a note holds.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "seal.h"
#include "xalloc.h"

/* The staged bytes into both hashes (and the copy, when kept). */
static void
sink_flush(struct seal_sink *s)
{
	size_t n = s->nstage;

	if (n == 0)
		return;
	sha256_update(&s->hash, s->stage, n);
	sha256_update(&s->part_hash, s->stage, n);
	s->nstage = 0;
	if (!s->keep)
		return;
	if (s->len + n + 1 > s->size) {
		s->size = (s->len + n + 1) * 2;
		s->text = xreallocarray(s->text, s->size, 1);
	}
	memcpy(s->text + s->len, s->stage, n);
	s->len += n;
	s->text[s->len] = '\0';
}

static void
sink_write(struct seal_sink *s, const char *p, size_t n)
{
	size_t k;

	while (n > 0) {
		if (s->nstage == SEAL_STAGE)
			sink_flush(s);
		k = SEAL_STAGE - s->nstage < n ? SEAL_STAGE - s->nstage : n;
		memcpy(s->stage + s->nstage, p, k);
		s->nstage += k;
		p += k;
		n -= k;
	}
}

/* Close the part being written, if any. */
static void
end_part(struct seal_sink *s)
{
	sink_flush(s);
	if (s->nparts == 0)
		return;
	sha256_final_hex(&s->part_hash, s->parts[s->nparts - 1].hex);
}

void
seal_part(struct seal_sink *s, const char *name)
{
	end_part(s);
	if (s->nparts == s->cap) {
		s->cap = s->cap == 0 ? 64 : s->cap * 2;
		s->parts = xreallocarray(s->parts, s->cap, sizeof *s->parts);
	}
	s->parts[s->nparts].name = xstrdup(name);
	s->parts[s->nparts].hex[0] = '\0';
	s->nparts++;
	sha256_init(&s->part_hash);
}

/* n in decimal, at the end of buf; returns where it starts. */
static char *
decimal(char *end, size_t n)
{
	do
		*--end = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	return end;
}

void
seal_field(struct seal_sink *s, const char *name, const char *value)
{
	char digits[24], *d;
	size_t n = value != NULL ? strlen(value) : 0;

	/* NAME SP LENGTH ":" VALUE LF, without printf: fields are many. */
	sink_write(s, name, strlen(name));
	sink_write(s, " ", 1);
	d = decimal(digits + sizeof digits, n);
	sink_write(s, d, (size_t)(digits + sizeof digits - d));
	sink_write(s, ":", 1);
	if (n > 0)
		sink_write(s, value, n);
	sink_write(s, "\n", 1);
}

void
seal_field_int(struct seal_sink *s, const char *name, long long value)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", value);
	seal_field(s, name, buf);
}

static void
seal_entry(struct seal_sink *s, const struct rubric_node *item,
    const struct scorecard_entry *e)
{
	seal_part(s, item->key);
	seal_field(s, "item", item->key);
	if (e->scored)
		seal_field_int(s, "score", e->score);
	else
		seal_field(s, "score", "");
	if (e->scored && e->tier > 0)
		seal_field_int(s, "tier", e->tier);
	else
		seal_field(s, "tier", "");
	seal_field(s, "record", e->record);
	seal_field(s, "rationale", e->rationale);
}

/*
 * The card's evidence documents, when it has any: each one's text (by its
 * SHA-256, computed here from the text, not read from the store), file
 * name, title and when it was added. Matches are not sealed: they are
 * the inspector's reading of a document, not the document.
 */
static void
seal_documents(struct seal_sink *s, const struct scorecard *sc)
{
	char name[32], hex[65];
	size_t i;

	if (sc->evidence == NULL)
		return;
	for (i = 0; i < sc->evidence->ndocs; i++) {
		const struct evidence_document *d = &sc->evidence->docs[i];

		snprintf(name, sizeof name, "document %zu", i + 1);
		seal_part(s, name);
		sha256_hex(d->text, d->len, hex);
		seal_field(s, "document", hex);
		seal_field(s, "file_name", d->file_name);
		seal_field(s, "title", d->title);
		seal_field(s, "added_at", d->added_at);
	}
}

void
seal_content(struct seal_sink *s, const struct scorecard *sc)
{
	size_t i;

	seal_part(s, "header");
	seal_field(s, "kaohe-seal", "1");
	seal_field(s, "uuid", sc->uuid);
	seal_field_int(s, "revision", sc->revision);
	seal_field(s, "agency", sc->agency);
	seal_field(s, "date", sc->date);
	for (i = 0; i < sc->ninspectors; i++)
		seal_field(s, "inspector", sc->inspectors[i]);
	seal_field(s, "rubric", sc->rubric_sha256);
	seal_field(s, "created_at", sc->created_at);
	seal_field(s, "finalized_at", sc->finalized_at);
	for (i = 0; i < sc->rubric->nitems; i++)
		seal_entry(s, sc->rubric->items[i], &sc->entries[i]);
	/* New parts go here, after the items; see seal.h. */
	seal_documents(s, sc);
}

/* Run seal_content into a fresh sink and finish it. */
static void
build(struct seal_sink *s, const struct scorecard *sc, int keep, char hex[65])
{
	memset(s, 0, sizeof *s);
	s->keep = keep;
	sha256_init(&s->hash);
	seal_content(s, sc);
	end_part(s);
	sha256_final_hex(&s->hash, hex);
}

static void
sink_free(struct seal_sink *s)
{
	size_t i;

	for (i = 0; i < s->nparts; i++)
		free(s->parts[i].name);
	free(s->parts);
	free(s->text);
}

void
seal_compute(const struct scorecard *sc, char hex[65])
{
	struct seal_sink s;

	build(&s, sc, 0, hex);
	sink_free(&s);
}

char *
seal_canonical(const struct scorecard *sc, size_t *len)
{
	struct seal_sink s;
	char hex[65], *text;

	build(&s, sc, 1, hex);
	text = s.text != NULL ? s.text : xstrdup("");
	if (len != NULL)
		*len = s.len;
	s.text = NULL;
	sink_free(&s);
	return text;
}

/* Append to a growing buffer: a 20,000-item rubric stays linear. */
static void
buf_add(char **buf, size_t *len, size_t *size, const char *p, size_t n)
{
	if (*len + n + 1 > *size) {
		*size = (*len + n + 1) * 2;
		*buf = xreallocarray(*buf, *size, 1);
	}
	memcpy(*buf + *len, p, n);
	*len += n;
	(*buf)[*len] = '\0';
}

/*
 * A part's digest is stored as its first SEAL_PART_HEX hex digits: it
 * only names what changed; the seal, whole, is what proves. 64 digits a
 * part made a seals row 2.7 KB, a page each, a fifth of an import's
 * writes. Rows written before hold all 64 digits; both are read.
 */
#define SEAL_PART_HEX	16

char *
seal_parts(const struct scorecard *sc, char hex[65])
{
	struct seal_sink s;
	char *text = NULL;
	size_t i, len = 0, size = 0;

	build(&s, sc, 0, hex);
	buf_add(&text, &len, &size, "", 0);
	for (i = 0; i < s.nparts; i++) {
		buf_add(&text, &len, &size, s.parts[i].name,
		    strlen(s.parts[i].name));
		buf_add(&text, &len, &size, " ", 1);
		buf_add(&text, &len, &size, s.parts[i].hex, SEAL_PART_HEX);
		buf_add(&text, &len, &size, "\n", 1);
	}
	sink_free(&s);
	return text;
}

/*
 * Does the line [p, eol) say name and the digest hex: either its first
 * SEAL_PART_HEX digits or, in a row written before, all 64?
 */
static bool
part_line_matches(const char *p, const char *eol, const char *name,
    size_t nlen, const char *hex)
{
	size_t digits = eol - p > (ptrdiff_t)(nlen + 1) ?
	    (size_t)(eol - p) - nlen - 1 : 0;

	return (digits == SEAL_PART_HEX || digits == 64) &&
	    strncmp(p, name, nlen) == 0 && p[nlen] == ' ' &&
	    strncmp(p + nlen + 1, hex, digits) == 0;
}

/*
 * The parts are compared in order, line by line: the part list follows
 * the rubric snapshot, which the seal pins.
 */
char *
seal_parts_changed(const struct scorecard *sc, const char *parts)
{
	struct seal_sink s;
	const char *p = parts != NULL ? parts : "", *eol;
	char hex[65], *list = NULL;
	size_t i, len = 0, size = 0, nlen;

	build(&s, sc, 0, hex);
	buf_add(&list, &len, &size, "", 0);
	for (i = 0; i < s.nparts; i++) {
		nlen = strlen(s.parts[i].name);
		eol = strchr(p, '\n');
		if (eol == NULL || !part_line_matches(p, eol, s.parts[i].name,
		    nlen, s.parts[i].hex)) {
			if (len > 0)
				buf_add(&list, &len, &size, ", ", 2);
			buf_add(&list, &len, &size, s.parts[i].name, nlen);
		}
		if (eol != NULL)
			p = eol + 1;
		else
			p += strlen(p);
	}
	sink_free(&s);
	return list;
}
