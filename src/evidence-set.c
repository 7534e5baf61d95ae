/* A card's documents: which one holds an item's passage. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "evidence-int.h"
#include "xalloc.h"

void
evidence_document_clear(struct evidence_document *d)
{
	size_t i;

	free(d->file_name);
	free(d->title);
	free(d->added_at);
	free(d->text);
	evidence_sections_free(d->sections, d->nsections);
	free(d->matches);
	for (i = 0; i < d->ncleared; i++)
		free(d->cleared[i]);
	free(d->cleared);
	memset(d, 0, sizeof *d);
}

void
evidence_set_free(struct evidence_set *set)
{
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->ndocs; i++)
		evidence_document_clear(&set->docs[i]);
	free(set->docs);
	set->docs = NULL;
	set->ndocs = 0;
}

int
evidence_set_find(const struct evidence_set *set,
    const struct rubric_node *node, struct evidence_passage *out)
{
	const struct evidence_match *best = NULL;
	const struct evidence_document *best_doc = NULL;
	size_t i;
	long k;
	int own;

	for (i = 0; i < set->ndocs; i++) {
		const struct evidence_document *d = &set->docs[i];

		k = evidence_find(d->matches, d->nmatches, node, &own);
		if (k < 0)
			continue;
		if (best == NULL || own ||
		    d->matches[k].node->depth > best->node->depth) {
			best = &d->matches[k];
			best_doc = d;
		}
		if (own)
			break;
	}
	if (best == NULL)
		return -1;
	out->doc = best_doc;
	out->section = &best_doc->sections[best->section];
	out->node = best->node;
	out->own = best->node == node;
	return 0;
}

size_t
evidence_items_matched(const struct evidence_document *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nmatches; i++)
		if (rubric_node_is_item(d->matches[i].node))
			n++;
	return n;
}

char *
evidence_heading(const struct evidence_document *d,
    const struct evidence_section *s)
{
	const char *line = d->text + s->start, *nl;
	size_t len, skip;

	nl = memchr(line, '\n', s->end - s->start);
	len = nl != NULL ? (size_t)(nl - line) : s->end - s->start;
	skip = evidence_skip_markers(line, len);
	while (len > skip && (line[len - 1] == ' ' || line[len - 1] == '*'))
		len--;
	return xstrndup(line + skip, len - skip);
}
