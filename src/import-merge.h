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
 *    score and note here, or when the card here is final (a reopen keeps
 *    its revision);
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
 * What a card holds, as one hash: its seal's canonical content (header,
 * rubric snapshot, times, every entry: seal.c) and its status. The same
 * card on two machines hashes alike; the local id does not count.
 * sealed: sc->seal was computed from sc (store_insert): it is taken as is.
 */
void	import_content_hash(const struct scorecard *sc, bool sealed,
	    char out[65]);

/* Does a hold every fact of b: header, scores, tiers and notes? */
bool	import_covers(const struct scorecard *a, const struct scorecard *b);

#endif
