/*
 * What re-import compares: a card's content as one hash (import-merge.h).
 *
 * Version 2 is everything that travels in an export. The seal covers the
 * header, the entries and the documents themselves (seal.c); it leaves
 * out the inspector's reading of the documents (which section is whose,
 * and the corrections) and a team card's rows (members, their marks, how
 * each item was settled). Version 2 adds both, after the seal:
 *
 *	kaohe-content 2, seal, status,
 *	then per document, in order: document (its text's SHA-256),
 *	file_name, title, added_at (the seal has them too; here they
 *	let import_same_evidence compare documents alone), and its matches sorted by the heading's line, then node: match, line,
 *	corrected; then its nodes corrected to "none", sorted: cleared;
 *	then, for a team card: lead, tolerance, per member: member (uuid),
 *	fingerprint, inspector..., and per item it scored: mark (the
 *	item's index), score, tier, record, rationale; then per item:
 *	item (index), flagged, how, reason.
 *
 * Each field is NAME SP LENGTH ":" VALUE LF, as in the seal, so that no
 * value can pass for another's end. Lines, not section numbers: a line
 * is what the export carries, and it stays true if a later kaohe splits
 * a document differently. Version 1 (kaohe before version 2) was the
 * seal and the status alone; imports rows written then still hold it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "import-merge.h"
#include "seal.h"
#include "sha256.h"
#include "team.h"
#include "xalloc.h"

static void
field(struct sha256 *h, const char *name, const char *value)
{
	char len[24];
	size_t n = value != NULL ? strlen(value) : 0;

	snprintf(len, sizeof len, " %zu:", n);
	sha256_update(h, name, strlen(name));
	sha256_update(h, len, strlen(len));
	if (n > 0)
		sha256_update(h, value, n);
	sha256_update(h, "\n", 1);
}

static void
field_int(struct sha256 *h, const char *name, long long value)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", value);
	field(h, name, buf);
}

/* One match, as it is compared: the heading's line, the node, corrected. */
struct match_key {
	size_t		 line;
	const char	*node;
	int		 corrected;
};

static int
by_line_node(const void *a, const void *b)
{
	const struct match_key *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->node, y->node);
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
hash_document(struct sha256 *h, const struct evidence_document *d)
{
	struct match_key *keys = xcalloc(d->nmatches + 1, sizeof *keys);
	char **cleared = xcalloc(d->ncleared + 1, sizeof *cleared);
	char hex[65];
	size_t i;

	sha256_hex(d->text, d->len, hex);
	field(h, "document", hex);
	field(h, "file_name", d->file_name);
	field(h, "title", d->title);
	field(h, "added_at", d->added_at);
	for (i = 0; i < d->nmatches; i++)
		keys[i] = (struct match_key){ d->matches[i].section <
		    d->nsections ? d->sections[d->matches[i].section].line : 0,
		    d->matches[i].node->key, d->matches[i].corrected != 0 };
	if (d->nmatches > 1)
		qsort(keys, d->nmatches, sizeof *keys, by_line_node);
	for (i = 0; i < d->nmatches; i++) {
		field(h, "match", keys[i].node);
		field_int(h, "line", (long long)keys[i].line);
		field_int(h, "corrected", keys[i].corrected);
	}
	for (i = 0; i < d->ncleared; i++)
		cleared[i] = d->cleared[i];
	if (d->ncleared > 1)
		qsort(cleared, d->ncleared, sizeof *cleared, by_string);
	for (i = 0; i < d->ncleared; i++)
		field(h, "cleared", cleared[i]);
	free(keys);
	free(cleared);
}

static void
hash_evidence(struct sha256 *h, const struct scorecard *sc)
{
	size_t i;

	for (i = 0; sc->evidence != NULL && i < sc->evidence->ndocs; i++)
		hash_document(h, &sc->evidence->docs[i]);
}

static void
hash_member(struct sha256 *h, const struct team_member *m, size_t nitems)
{
	size_t i;

	field(h, "member", m->uuid);
	field(h, "fingerprint", m->fingerprint);
	for (i = 0; i < m->ninspectors; i++)
		field(h, "inspector", m->inspectors[i]);
	for (i = 0; i < nitems; i++) {
		if (!m->marks[i].scored)
			continue;
		field_int(h, "mark", (long long)i);
		field_int(h, "score", m->marks[i].score);
		field_int(h, "tier", m->marks[i].tier);
		field(h, "record", m->marks[i].record);
		field(h, "rationale", m->marks[i].rationale);
	}
}

static void
hash_team(struct sha256 *h, const struct scorecard *sc)
{
	const struct team *t = sc->team;
	size_t i;

	if (t == NULL)
		return;
	field(h, "lead", t->lead);
	field_int(h, "tolerance", t->tolerance);
	for (i = 0; i < t->nmembers; i++)
		hash_member(h, &t->members[i], sc->rubric->nitems);
	for (i = 0; i < sc->rubric->nitems; i++) {
		field_int(h, "item", (long long)i);
		field_int(h, "flagged", t->items[i].flagged);
		field(h, "how", team_how_name(t->items[i].how));
		field(h, "reason", t->items[i].reason);
	}
}

/* The seal sc has (sealed, as stored) or would have. */
static void
seal_of(const struct scorecard *sc, bool sealed, char seal[65])
{
	if (sealed && sc->seal[0] != '\0')
		memcpy(seal, sc->seal, 65);
	else
		seal_compute(sc, seal);
}

void
import_content_hash(const struct scorecard *sc, bool sealed, char out[65])
{
	struct sha256 h;
	char seal[65];

	seal_of(sc, sealed, seal);
	sha256_init(&h);
	field(&h, "kaohe-content", "2");
	field(&h, "seal", seal);
	field_int(&h, "status", (int)sc->status);
	hash_evidence(&h, sc);
	hash_team(&h, sc);
	sha256_final_hex(&h, out);
}

void
import_content_hash_v1(const struct scorecard *sc, bool sealed,
    char out[65])
{
	char seal[65], text[128];
	int n;

	seal_of(sc, sealed, seal);
	n = snprintf(text, sizeof text, "kaohe-content 1\nseal %s\nstatus %d\n",
	    seal, (int)sc->status);
	sha256_hex(text, (size_t)n, out);
}

/* One part of the content alone, to tell whether it differs. */
static void
part_hash(const struct scorecard *sc,
    void (*part)(struct sha256 *, const struct scorecard *), char out[65])
{
	struct sha256 h;

	sha256_init(&h);
	part(&h, sc);
	sha256_final_hex(&h, out);
}

bool
import_same_evidence(const struct scorecard *a, const struct scorecard *b)
{
	char x[65], y[65];

	part_hash(a, hash_evidence, x);
	part_hash(b, hash_evidence, y);
	return strcmp(x, y) == 0;
}

bool
import_same_team(const struct scorecard *a, const struct scorecard *b)
{
	char x[65], y[65];

	if ((a->team == NULL) != (b->team == NULL))
		return false;
	part_hash(a, hash_team, x);
	part_hash(b, hash_team, y);
	return strcmp(x, y) == 0;
}

const char *
import_recorded(const char *stored, const struct scorecard *in,
    const struct scorecard *here, const char *in_hash,
    const char *here_hash)
{
	char v1[65];

	if (stored == NULL || strcmp(stored, here_hash) == 0 ||
	    strcmp(stored, in_hash) == 0)
		return stored;
	import_content_hash_v1(here, true, v1);
	if (strcmp(stored, v1) == 0)
		return here_hash;
	import_content_hash_v1(in, false, v1);
	if (strcmp(stored, v1) == 0)
		return in_hash;
	return stored;
}
