/*
 * The store's evidence: documents kept with a card, their sections and
 * the matches of sections to rubric nodes, corrections included. Every
 * function returns 0 or -1 with *cause set (caller frees).
 */
#ifndef KAOHE_STORE_EVIDENCE_H
#define KAOHE_STORE_EVIDENCE_H

#include "evidence.h"
#include "store.h"

/*
 * Store doc (file_name, title, text, sections and matches filled in) with
 * draft card id in one transaction; sets doc->id, ->position, ->sha256
 * and ->added_at (unless added_at is already set: import keeps it). The
 * same text twice on one card is refused, naming the first.
 */
int	store_evidence_add(struct store *, long long card,
	    struct evidence_document *doc, char **cause);

/* Load card id's documents, matches resolved against rubric (the card's). */
int	store_evidence_load(struct store *, long long card,
	    const struct rubric *, struct evidence_set *out, char **cause);

/*
 * The inspector's correction: node's passage is section (1-based) of
 * document position doc, or, with doc 0, in no document. Stored, it
 * outlives later additions.
 */
int	store_evidence_correct(struct store *, long long card,
	    const char *node, int doc, int section, char **cause);

#endif
