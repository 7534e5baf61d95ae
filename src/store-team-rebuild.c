/*
 * A team card made again from its members' cards as they are now: the
 * one path that `kaohe team --rebuild` and the UI's rebuild key both
 * take, so that they cannot differ. The members are found here by their
 * UUIDs, team_build makes the card again, team_carry_settlements keeps
 * the lead's settlements of the items whose scores did not change,
 * team_carry_notes the notes the lead wrote on the team card, and
 * store_team_rebuild writes it over the old card.
 *
 * A rebuild is in the card's trail: its entries (score, tier, notes) and
 * its items' settlements (how, reason) are written in place, so their
 * triggers log each change, and then one row of its own closes them:
 * field 'rebuilt', old_value how many rows above are the rebuild's,
 * new_value what they changed, space-separated: the header's fields
 * (agency, date, inspectors), then the items' keys in rubric order ("" when
 * it changed nothing). Undo stops at that row: a
 * team card is never undone (store_refuse_team_undo).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-private.h"
#include "store-team.h"
#include "team.h"
#include "xalloc.h"

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
		if (store_uuid_id(st, t->members[m].uuid, &id, cause) != 0)
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
	scorecard_free_array(mb, t->nmembers);	/* the unloaded are NULL */
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
	scorecard_free_array(mb, old->team->nmembers);
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

static int
rewrite_entries(struct store *st, const struct scorecard *sc, char **cause)
{
	const struct scorecard_entry *e;
	sqlite3_stmt *stmt;
	size_t i;
	int rc = 0;

	if (store_prepare(st, "UPDATE entries SET score = ?3, tier = ?4,"
	    " record = ?5, rationale = ?6 WHERE scorecard_id = ?1"
	    " AND position = ?2", &stmt, cause) != 0)
		return -1;
	for (i = 0; i < sc->rubric->nitems && rc == 0; i++) {
		e = &sc->entries[i];
		rc = store_bind(st, stmt, cause, "IIjjTT", sc->id, (long long)i,
		    e->score, (int)e->scored, e->tier, e->scored && e->tier > 0,
		    e->record, e->rationale);
		if (rc == 0)
			rc = store_step_done(st, stmt, "rebuild the team card's"
			    " entries", cause);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* The newest audit row's id, of any card (0 when there is none). */
static int
last_audit_id(struct store *st, long long *id, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	*id = 0;
	if (store_prepare(st, "SELECT coalesce(max(id), 0) FROM audit", &stmt,
	    cause) != 0)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	else
		*cause = store_errmsg(st, "read the audit trail");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

/*
 * The rebuild's own row, after the rows its writes logged (ids above
 * before: the write lock is held, so no other card's rows are among them).
 */
static int
write_rebuilt_row(struct store *st, long long id, long long before,
    char **cause)
{
	char now[32];

	store_now(now);
	return store_run(st, "INSERT INTO audit (scorecard_id, at, item, field,"
	    " old_value, new_value) VALUES (?1, ?2, '', 'rebuilt',"
	    " (SELECT CAST(count(*) AS TEXT) FROM audit WHERE scorecard_id = ?1"
	    "  AND id > ?3),"
	    " (SELECT coalesce(group_concat(k, ' '), '') FROM"
	    "  (SELECT field AS k, -1 AS o FROM audit WHERE scorecard_id = ?1"
	    "   AND id > ?3 AND item = '' AND field IN ('agency', 'date',"
	    "   'inspectors') GROUP BY field"
	    "   UNION ALL SELECT a.item, min(e.position) FROM audit AS a"
	    "   JOIN entries AS e"
	    "   ON e.scorecard_id = a.scorecard_id AND e.item = a.item"
	    "   WHERE a.scorecard_id = ?1 AND a.id > ?3"
	    "   GROUP BY a.item ORDER BY 2, 1)))",
	    "record the rebuild", cause, "ITI", id, now, before);
}

/*
 * The members, their marks and the items, replaced; the entries rewritten;
 * the header the members' cards' (team_build): where they changed it, the
 * team card's follows, a field at a time as `kaohe edit` writes it.
 */
static int
rebuild_locked(struct store *st, const struct scorecard *sc,
    const struct scorecard *old, char **cause)
{
	const struct team *t = sc->team;
	size_t nitems = sc->rubric->nitems;
	long long before;
	char now[32];

	if (last_audit_id(st, &before, cause) != 0 ||
	    store_run(st, "UPDATE teams SET lead = ?2, tolerance = ?3"
	    " WHERE scorecard_id = ?1", "rebuild the team card", cause, "ITi",
	    sc->id, t->lead, t->tolerance) != 0 ||
	    store_run(st, "DELETE FROM team_marks WHERE scorecard_id = ?1",
	    "rebuild the team card", cause, "I", sc->id) != 0 ||
	    store_run(st, "DELETE FROM team_members WHERE scorecard_id = ?1",
	    "rebuild the team card", cause, "I", sc->id) != 0 ||
	    store_insert_team_members(st, sc->id, t, nitems, cause) != 0 ||
	    store_team_update_items(st, sc->id, t, nitems, cause) != 0 ||
	    rewrite_entries(st, sc, cause) != 0 ||
	    store_write_header_from(st, sc->id, old, sc, cause) != 0)
		return -1;
	/*
	 * New marks are a change of the card even when its scores stay:
	 * re-import tells a later state of a card by updated_at.
	 */
	store_now(now);
	if (store_run(st, "UPDATE scorecards SET updated_at = ?2"
	    " WHERE id = ?1", "rebuild the team card", cause, "IT", sc->id,
	    now) != 0)
		return -1;
	return write_rebuilt_row(st, sc->id, before, cause);
}

int
store_team_rebuild(struct store *st, struct scorecard *fresh,
    const struct scorecard *old, char **cause)
{
	if (store_refuse_readonly(st, cause) != 0)
		return -1;
	if (old->status == SCORECARD_FINAL) {
		*cause = xasprintf(_("scorecard %lld is finalized; it cannot be"
		    " changed"), old->id);
		return -1;
	}
	fresh->id = old->id;
	memcpy(fresh->uuid, old->uuid, sizeof fresh->uuid);
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (rebuild_locked(st, fresh, old, cause) != 0 ||
	    store_write_commit(st, cause) != 0) {
		store_write_rollback(st);
		return -1;
	}
	return 0;
}
