/*
 * A team card made again from its members' cards as they are now: the
 * one path that `kaohe team --rebuild` and the UI's rebuild key both
 * take, so that they cannot differ. The members are found here by their
 * UUIDs, team_build makes the card again, team_carry_settlements keeps
 * the lead's settlements of the items whose scores did not change,
 * team_carry_notes the notes the lead wrote on the team card, and
 * store_team_rebuild writes it over the old card.
 */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "store-team.h"
#include "team.h"
#include "xalloc.h"

static void
free_members(struct scorecard **mb, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		scorecard_free(mb[i]);
	free(mb);
}

/* The member cards of team card old, loaded by their UUIDs. */
static int
load_members(struct store *st, const struct scorecard *old,
    struct scorecard ***out, char **cause)
{
	const struct team *t = old->team;
	struct scorecard **mb = xcalloc(t->nmembers + 1, sizeof *mb);
	char *name;
	long long id;
	size_t m;

	for (m = 0; m < t->nmembers; m++) {
		if (store_find_uuid(st, t->members[m].uuid, &id, cause) != 0)
			goto fail;
		if (id == 0) {
			name = team_member_name(t, m);
			*cause = xasprintf(_("team card %lld: %s's card %s is"
			    " not in this database; import it first"), old->id,
			    name, t->members[m].uuid);
			free(name);
			goto fail;
		}
		if (store_load(st, id, &mb[m], cause) != 0)
			goto fail;
	}
	*out = mb;
	return 0;
fail:
	free_members(mb, t->nmembers);	/* the unloaded are NULL */
	return -1;
}

int
store_team_prepare_rebuild(struct store *st, const struct scorecard *old,
    const char *lead, int tolerance, struct scorecard **fresh, size_t *kept,
    char **cause)
{
	struct scorecard **mb;
	char *why = NULL;
	int rc;

	*fresh = NULL;
	*kept = 0;
	if (old->team == NULL) {
		*cause = xasprintf(_("scorecard %lld is not a team card"),
		    old->id);
		return -1;
	}
	if (load_members(st, old, &mb, cause) != 0)
		return -1;
	rc = team_build((const struct scorecard *const *)mb,
	    old->team->nmembers, lead != NULL ? lead : old->team->lead,
	    tolerance >= 0 ? tolerance : old->team->tolerance, fresh, &why);
	free_members(mb, old->team->nmembers);
	if (rc != 0) {
		*cause = xasprintf(_("team card %lld cannot be rebuilt: %s"),
		    old->id, why);
		free(why);
		return -1;
	}
	*kept = team_carry_settlements(*fresh, old);
	(void)team_carry_notes(*fresh, old);	/* the lead's notes stay */
	return 0;
}
