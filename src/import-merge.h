/*
 * Re-import: what to do with an incoming card whose UUID is here already.
 * Pure: the two cards, their content hashes, and the content as it last
 * came in (if it came in at all) decide; no SQL.
 *
 *  - the same content: skip it;
 *  - a later state of the card (a later revision, or the final of the
 *    draft here, or a draft edited later) that loses nothing here:
 *    update the card here to it. Nothing is lost when the card here has
 *    not changed since it came in, when the incoming card holds every
 *    score, note, document, correction and settlement here, or when the
 *    card here is final (a reopen keeps its revision);
 *  - the card here already holds everything the incoming one does, or the
 *    incoming is the very copy that came in before: skip it;
 *  - else both changed: a conflict, and both are kept.
 */
#ifndef KAOHE_IMPORT_MERGE_H
#define KAOHE_IMPORT_MERGE_H

#include <stdbool.h>

#include "scorecard.h"

enum import_action {
	IMPORT_SKIP,
	IMPORT_UPDATE,
	IMPORT_CONFLICT,
};

/*
 * in and here are the same card (one UUID). imported is the content hash
 * recorded when the card here last came in, NULL when it was made here.
 */
enum import_action import_decide(const struct scorecard *in,
	    const struct scorecard *here, const char *in_hash,
	    const char *here_hash, const char *imported);

/*
 * import-content.c. What a card holds, as one hash (version 2): its
 * seal's canonical content (header, rubric snapshot, times, every entry,
 * its documents: seal.c), its status, its documents' matches and the
 * inspector's corrections, and a team card's team rows. The same card on
 * two machines hashes alike; the local id does not count.
 * sealed: sc->seal was computed from sc (store_insert): it is taken as is.
 */
void	import_content_hash(const struct scorecard *sc, bool sealed,
	    char out[65]);
/* Version 1, kaohe's before version 2: the seal and the status alone. */
void	import_content_hash_v1(const struct scorecard *sc, bool sealed,
	    char out[65]);

/*
 * The content recorded when the card here came in, as import_decide
 * wants it. A row written before version 2 holds version 1: when it is
 * here's (or in's) version 1, here's (in's) version 2 stands for it, so
 * that a card unchanged since it came in is still known as unchanged.
 * (Version 1 never saw the evidence: a match corrected here before the
 * upgrade passes for unchanged.) Else, and NULL, stored itself.
 */
const char *import_recorded(const char *stored, const struct scorecard *in,
	    const struct scorecard *here, const char *in_hash,
	    const char *here_hash);

/* Do a and b hold the same documents, matches and corrections? */
bool	import_same_evidence(const struct scorecard *a,
	    const struct scorecard *b);
/* Are a's team rows (lead, tolerance, members, marks, items) b's? */
bool	import_same_team(const struct scorecard *a, const struct scorecard *b);

/*
 * Does a hold every fact of b: header, scores, tiers, notes, b's
 * documents and the inspector's corrections of them, and b's team rows
 * with the lead's settlements?
 */
bool	import_covers(const struct scorecard *a, const struct scorecard *b);

#endif
