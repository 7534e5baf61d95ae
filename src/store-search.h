/*
 * Full-text search over notes (records, rationales) and evidence (the
 * sections of a card's documents): FTS5 trigram indexes for three
 * characters or more, a scan for shorter text, which a trigram cannot
 * find. Every function returns 0 or -1 with *cause (caller frees).
 */
#ifndef KAOHE_STORE_SEARCH_H
#define KAOHE_STORE_SEARCH_H

#include "rubric.h"
#include "store.h"

/*
 * The item of card whose note or evidence holds text: the first by
 * position whose record or rationale does, else the first item under the
 * node of the first section that does (a section's own node, or its
 * nearest matched ancestor's). *item is -1 when nothing matched.
 */
int	store_search_item(struct store *, long long card, const char *text,
	    const struct rubric *, long *item, char **cause);

#endif
