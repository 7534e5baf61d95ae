/*
 * Re-import's update of what a card holds beside its entries: its
 * evidence documents (with their sections, matches and the inspector's
 * corrections) and a team card's rows. The card is a draft here when
 * these run (a final one was reopened first), so the final_* triggers
 * let them through; on a final card they refuse, as for any other write.
 *
 * Documents are replaced whole: their rows are the card's own and no
 * other row points at them (the search index follows its triggers). A
 * kept revision reads the documents added before it was finalized, so
 * store_import_update verifies the card after the update: a replacement
 * that would change what a kept revision sealed is refused.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "import-merge.h"
#include "store-private.h"
#include "team.h"

int
store_import_evidence(struct store *st, long long id,
    const struct scorecard *here, struct scorecard *in, char **cause)
{
	static const char *const drop[] = {
		"DELETE FROM document_matches WHERE document_id IN"
		" (SELECT id FROM documents WHERE scorecard_id = ?1)",
		"DELETE FROM document_sections WHERE document_id IN"
		" (SELECT id FROM documents WHERE scorecard_id = ?1)",
		"DELETE FROM documents WHERE scorecard_id = ?1",
	};
	size_t i;

	if (import_same_evidence(here, in))
		return 0;
	for (i = 0; i < sizeof drop / sizeof drop[0]; i++)
		if (store_run(st, drop[i], "replace the documents", cause, "I",
		    id) != 0)
			return -1;
	if (in->evidence == NULL)
		return 0;
	return store_evidence_insert(st, id, in->evidence, cause);
}

/* Item i's flag and settlement, updated in place: the audit sees it. */
int
store_team_update_items(struct store *st, long long id, const struct team *t,
    size_t nitems, char **cause)
{
	const struct team_item *it;
	size_t i;

	for (i = 0; i < nitems; i++) {
		it = &t->items[i];
		if (store_run(st, "UPDATE team_items SET flagged = ?3, how = ?4,"
		    " reason = ?5 WHERE scorecard_id = ?1 AND position = ?2",
		    "save the team's items", cause, "IIiTT", id, (long long)i,
		    (int)it->flagged, it->how != TEAM_HOW_NONE ?
		    team_how_name(it->how) : NULL, it->reason) != 0)
			return -1;
	}
	return 0;
}

static int
drop_team(struct store *st, long long id, bool all, char **cause)
{
	static const char *const drop[] = {
		"DELETE FROM team_marks WHERE scorecard_id = ?1",
		"DELETE FROM team_members WHERE scorecard_id = ?1",
		"DELETE FROM team_items WHERE scorecard_id = ?1",
		"DELETE FROM teams WHERE scorecard_id = ?1",
	};
	size_t i, n = all ? 4 : 2;

	for (i = 0; i < n; i++)
		if (store_run(st, drop[i], "replace the team", cause, "I",
		    id) != 0)
			return -1;
	return 0;
}

int
store_import_team(struct store *st, long long id,
    const struct scorecard *here, const struct scorecard *in, char **cause)
{
	size_t nitems = in->rubric->nitems;

	if (import_same_team(here, in))
		return 0;
	if (here->team == NULL || in->team == NULL) {
		if (here->team != NULL && drop_team(st, id, true, cause) != 0)
			return -1;
		return in->team == NULL ? 0 : store_insert_team(st, id,
		    in->team, nitems, cause);
	}
	/* The members and marks are what the team card was built from. */
	if (store_run(st, "UPDATE teams SET lead = ?2, tolerance = ?3"
	    " WHERE scorecard_id = ?1", "save the team", cause, "ITi", id,
	    in->team->lead, in->team->tolerance) != 0 ||
	    drop_team(st, id, false, cause) != 0 ||
	    store_insert_team_members(st, id, in->team, nitems, cause) != 0)
		return -1;
	return store_team_update_items(st, id, in->team, nitems, cause);
}
