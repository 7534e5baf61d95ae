/*
 * The store of the 考核小組: a member card's scope, and a team card's
 * members, their marks and how each item was settled (schema version 2,
 * see store-schema.c). The rules are team.c's; this file only keeps and
 * reads what they decided.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-private.h"
#include "store-team.h"
#include "team.h"
#include "uuid.h"
#include "xalloc.h"

static int
run(struct store *st, sqlite3_stmt *stmt, const char *what, char **cause)
{
	int rc = sqlite3_step(stmt);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		*cause = store_errmsg(st, what);
		return -1;
	}
	sqlite3_reset(stmt);
	return 0;
}

static char *
join(char *const *parts, size_t n, const char *sep)
{
	char *s = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < n; i++) {
		next = xasprintf("%s%s%s", s, i > 0 ? sep : "", parts[i]);
		free(s);
		s = next;
	}
	return s;
}

/* Split s at every c into a new array; caller frees. */
static char **
split(const char *s, char c, size_t *n)
{
	char **parts = NULL;
	const char *p = s, *q;

	*n = 0;
	if (*s == '\0')
		return NULL;
	for (;;) {
		q = strchr(p, c);
		parts = xreallocarray(parts, *n + 1, sizeof *parts);
		parts[(*n)++] = q != NULL ? xstrndup(p, (size_t)(q - p)) :
		    xstrdup(p);
		if (q == NULL)
			return parts;
		p = q + 1;
	}
}

static void
free_parts(char **parts, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(parts[i]);
	free(parts);
}

int
store_insert_scope(struct store *st, long long id, char *const *keys,
    size_t n, char **cause)
{
	sqlite3_stmt *stmt;
	char *joined;
	int rc;

	if (store_prepare(st, "INSERT INTO scopes (scorecard_id, keys)"
	    " VALUES (?1, ?2)", &stmt, cause) != 0)
		return -1;
	joined = join(keys, n, ",");
	rc = store_bind(st, stmt, cause, "IT", id, joined);
	if (rc == 0)
		rc = run(st, stmt, "save the scope", cause);
	sqlite3_finalize(stmt);
	free(joined);
	return rc;
}

static int
insert_members(struct store *st, long long id, const struct team *t,
    char **cause)
{
	sqlite3_stmt *stmt;
	char *names;
	size_t m;
	int rc = 0;

	if (store_prepare(st, "INSERT INTO team_members (scorecard_id,"
	    " position, uuid, inspectors, fingerprint)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)", &stmt, cause) != 0)
		return -1;
	for (m = 0; m < t->nmembers && rc == 0; m++) {
		names = join(t->members[m].inspectors,
		    t->members[m].ninspectors, "\n");
		rc = store_bind(st, stmt, cause, "IITTT", id, (long long)m,
		    t->members[m].uuid, names, t->members[m].fingerprint);
		if (rc == 0)
			rc = run(st, stmt, "save the team's members", cause);
		free(names);
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int
insert_marks(struct store *st, long long id, const struct team *t,
    size_t nitems, char **cause)
{
	const struct team_mark *k;
	sqlite3_stmt *stmt;
	size_t m, i;
	int rc = 0;

	if (store_prepare(st, "INSERT INTO team_marks (scorecard_id, member,"
	    " position, score, tier, record, rationale)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &stmt, cause) != 0)
		return -1;
	for (m = 0; m < t->nmembers && rc == 0; m++) {
		for (i = 0; i < nitems && rc == 0; i++) {
			k = &t->members[m].marks[i];
			if (!k->scored)
				continue;
			rc = store_bind(st, stmt, cause, "IIIijTT", id,
			    (long long)m, (long long)i, k->score, k->tier,
			    k->tier > 0, k->record, k->rationale);
			if (rc == 0)
				rc = run(st, stmt, "save the members' scores",
				    cause);
		}
	}
	sqlite3_finalize(stmt);
	return rc;
}

static int
insert_items(struct store *st, long long id, const struct team *t,
    size_t nitems, char **cause)
{
	const struct team_item *it;
	sqlite3_stmt *stmt;
	size_t i;
	int rc = 0;

	if (store_prepare(st, "INSERT INTO team_items (scorecard_id, position,"
	    " flagged, how, reason) VALUES (?1, ?2, ?3, ?4, ?5)", &stmt,
	    cause) != 0)
		return -1;
	for (i = 0; i < nitems && rc == 0; i++) {
		it = &t->items[i];
		rc = store_bind(st, stmt, cause, "IIiTT", id, (long long)i,
		    (int)it->flagged, it->how != TEAM_HOW_NONE ?
		    team_how_name(it->how) : NULL, it->reason);
		if (rc == 0)
			rc = run(st, stmt, "save the team's items", cause);
	}
	sqlite3_finalize(stmt);
	return rc;
}

int
store_insert_team(struct store *st, long long id, const struct team *t,
    size_t nitems, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, "INSERT INTO teams (scorecard_id, lead,"
	    " tolerance) VALUES (?1, ?2, ?3)", &stmt, cause) != 0)
		return -1;
	rc = store_bind(st, stmt, cause, "ITi", id, t->lead, t->tolerance);
	if (rc == 0)
		rc = run(st, stmt, "save the team", cause);
	sqlite3_finalize(stmt);
	if (rc != 0 || store_insert_team_members(st, id, t, nitems,
	    cause) != 0)
		return -1;
	return insert_items(st, id, t, nitems, cause);
}

int
store_insert_team_members(struct store *st, long long id,
    const struct team *t, size_t nitems, char **cause)
{
	if (insert_members(st, id, t, cause) != 0)
		return -1;
	return insert_marks(st, id, t, nitems, cause);
}

static int
load_scope(struct store *st, struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt;
	char **keys, *why = NULL;
	size_t n;
	int rc;

	if (store_prepare(st, "SELECT keys FROM scopes WHERE scorecard_id = ?1",
	    &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, sc->id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(stmt);
		return 0;
	}
	if (rc != SQLITE_ROW) {
		*cause = store_errmsg(st, "read the scope");
		sqlite3_finalize(stmt);
		return -1;
	}
	keys = split(store_column_text(stmt, 0), ',', &n);
	sqlite3_finalize(stmt);
	rc = scorecard_set_scope(sc, keys, n, &why);
	free_parts(keys, n);
	if (rc != 0) {
		*cause = xasprintf(_("scorecard %lld: its scope does not"
		    " match its rubric snapshot: %s"), sc->id, why);
		free(why);
	}
	return rc;
}

/* The teams row; *found is false for an ordinary card. */
static int
load_team_row(struct store *st, struct scorecard *sc, bool *found,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	*found = false;
	if (store_prepare(st, "SELECT lead, tolerance FROM teams"
	    " WHERE scorecard_id = ?1", &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, sc->id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*found = true;
		sc->team = team_new(sc->rubric->nitems);
		free(sc->team->lead);
		sc->team->lead = xstrdup(store_column_text(stmt, 0));
		sc->team->tolerance = sqlite3_column_int(stmt, 1);
	} else if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, "read the team");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static void
add_member(struct team *t, sqlite3_stmt *stmt, size_t nitems)
{
	struct team_member *m;
	size_t i;

	t->members = xreallocarray(t->members, t->nmembers + 1,
	    sizeof *t->members);
	m = &t->members[t->nmembers++];
	memset(m, 0, sizeof *m);
	snprintf(m->uuid, sizeof m->uuid, "%s",
	    store_column_text(stmt, 1));
	m->inspectors = split(store_column_text(stmt, 2), '\n',
	    &m->ninspectors);
	snprintf(m->fingerprint, sizeof m->fingerprint, "%s",
	    store_column_text(stmt, 3));
	m->marks = xcalloc(nitems > 0 ? nitems : 1, sizeof *m->marks);
	for (i = 0; i < nitems; i++) {
		m->marks[i].record = xstrdup("");
		m->marks[i].rationale = xstrdup("");
	}
}

static int
load_members(struct store *st, struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, "SELECT position, uuid, inspectors, fingerprint"
	    " FROM team_members WHERE scorecard_id = ?1 ORDER BY position",
	    &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, sc->id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (sqlite3_column_int64(stmt, 0) !=
		    (sqlite3_int64)sc->team->nmembers) {
			*cause = xasprintf(_("scorecard %lld: its team's"
			    " members are out of order"), sc->id);
			sqlite3_finalize(stmt);
			return -1;
		}
		add_member(sc->team, stmt, sc->rubric->nitems);
	}
	if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, "read the team's members");
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
load_mark(struct scorecard *sc, sqlite3_stmt *stmt, char **cause)
{
	sqlite3_int64 m = sqlite3_column_int64(stmt, 0);
	sqlite3_int64 i = sqlite3_column_int64(stmt, 1);
	struct team_mark *k;

	if (m < 0 || (size_t)m >= sc->team->nmembers || i < 0 ||
	    (size_t)i >= sc->rubric->nitems) {
		*cause = xasprintf(_("scorecard %lld: a member's score does"
		    " not match its rubric snapshot"), sc->id);
		return -1;
	}
	k = &sc->team->members[m].marks[i];
	k->scored = true;
	k->score = sqlite3_column_int(stmt, 2);
	k->tier = sqlite3_column_int(stmt, 3);
	free(k->record);
	k->record = xstrdup(store_column_text(stmt, 4));
	free(k->rationale);
	k->rationale = xstrdup(store_column_text(stmt, 5));
	return 0;
}

static int
load_marks(struct store *st, struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, "SELECT member, position, score, tier, record,"
	    " rationale FROM team_marks WHERE scorecard_id = ?1", &stmt,
	    cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, sc->id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if (load_mark(sc, stmt, cause) != 0) {
			sqlite3_finalize(stmt);
			return -1;
		}
	if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, "read the members' scores");
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
load_items(struct store *st, struct scorecard *sc, char **cause)
{
	struct team_item *it;
	sqlite3_stmt *stmt;
	sqlite3_int64 i;
	const char *how;
	int rc;

	if (store_prepare(st, "SELECT position, flagged, how, reason"
	    " FROM team_items WHERE scorecard_id = ?1", &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, sc->id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		i = sqlite3_column_int64(stmt, 0);
		if (i < 0 || (size_t)i >= sc->rubric->nitems)
			continue;
		it = &sc->team->items[i];
		it->flagged = sqlite3_column_int(stmt, 1) != 0;
		how = store_column_text(stmt, 2);
		it->how = how != NULL && team_how_parse(how) > 0 ?
		    (enum team_how)team_how_parse(how) : TEAM_HOW_NONE;
		free(it->reason);
		it->reason = xstrdup(store_column_text(stmt, 3));
	}
	if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, "read the team's items");
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_load_team_parts(struct store *st, struct scorecard *sc, char **cause)
{
	bool found;

	if (load_scope(st, sc, cause) != 0 ||
	    load_team_row(st, sc, &found, cause) != 0)
		return -1;
	if (!found)
		return 0;
	if (load_members(st, sc, cause) != 0 || load_marks(st, sc, cause) != 0)
		return -1;
	return load_items(st, sc, cause);
}

int
store_refuse_team_undo(struct store *st, long long id, char **cause)
{
	sqlite3_stmt *stmt;
	char *at;
	int rc;

	/* A team card, and the time of its rebuild if that is its latest row. */
	if (store_prepare(st, "SELECT (SELECT at FROM audit WHERE id ="
	    " (SELECT max(id) FROM audit WHERE scorecard_id = ?1)"
	    " AND field = 'rebuilt') FROM teams WHERE scorecard_id = ?1",
	    &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(stmt);
		return 0;
	}
	if (rc != SQLITE_ROW)
		*cause = store_errmsg(st, "read the team");
	else if (sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		at = xstrdup(store_column_text(stmt, 0));
		*cause = xasprintf(_("scorecard %lld is a team card: undo does"
		    " not apply to it, nor to its rebuild at %s, which is one"
		    " step; settle an item again with --how and --reason"), id,
		    at);
		free(at);
	} else
		*cause = xasprintf(_("scorecard %lld is a team card: undo does"
		    " not apply to it; settle the item again with --how and"
		    " --reason"), id);
	sqlite3_finalize(stmt);
	return -1;
}

int
store_team_create(struct store *st, struct scorecard *sc, char **cause)
{
	char now[32];

	if (uuid_v4(sc->uuid, cause) != 0)
		return -1;
	store_now(now);
	free(sc->created_at);
	sc->created_at = xstrdup(now);
	free(sc->updated_at);
	sc->updated_at = xstrdup(now);
	sc->status = SCORECARD_DRAFT;
	return store_insert(st, sc, cause);
}

static int
write_settle(struct store *st, const struct scorecard *sc, size_t item,
    int score, int tier, enum team_how how, const char *reason,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, "UPDATE entries SET score = ?3, tier = ?4"
	    " WHERE scorecard_id = ?1 AND position = ?2", &stmt, cause) != 0)
		return -1;
	rc = store_bind(st, stmt, cause, "IIij", sc->id, (long long)item,
	    score, tier, tier > 0);
	if (rc == 0)
		rc = run(st, stmt, "save the team's score", cause);
	sqlite3_finalize(stmt);
	if (rc != 0 || store_prepare(st, "UPDATE team_items SET how = ?3,"
	    " reason = ?4 WHERE scorecard_id = ?1 AND position = ?2", &stmt,
	    cause) != 0)
		return -1;
	rc = store_bind(st, stmt, cause, "IITT", sc->id, (long long)item,
	    team_how_name(how), reason);
	if (rc == 0)
		rc = run(st, stmt, "save how the item was settled", cause);
	if (rc == 0 && sqlite3_changes(st->db) != 1) {
		*cause = xasprintf(_("scorecard %lld is not a team card"),
		    sc->id);
		rc = -1;
	}
	sqlite3_finalize(stmt);
	return rc;
}

int
store_team_settle(struct store *st, struct scorecard *sc, size_t item,
    int score, int tier, enum team_how how, const char *reason,
    char **cause)
{
	int chosen = tier;

	if (store_refuse_readonly(st, cause) != 0 || item >=
	    sc->rubric->nitems || team_check_settle(sc, item, score, how,
	    reason, &chosen, cause) != 0)
		return -1;
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (write_settle(st, sc, item, score, chosen, how, reason,
	    cause) != 0 || store_write_commit(st, cause) != 0) {
		store_write_rollback(st);
		return -1;
	}
	team_apply_settle(sc, item, score, chosen, how, reason);
	return 0;
}

int
store_team_stale(struct store *st, const struct scorecard *sc, bool *stale,
    char **cause)
{
	struct scorecard *member;
	char hex[65];
	long long id;
	size_t m;

	for (m = 0; sc->team != NULL && m < sc->team->nmembers; m++) {
		stale[m] = false;
		if (store_uuid_id(st, sc->team->members[m].uuid, &id,
		    cause) != 0)
			return -1;
		if (id == 0)
			continue;	/* not here: nothing to compare with */
		if (store_load(st, id, &member, cause) != 0)
			return -1;
		team_fingerprint(member, hex);
		stale[m] = strcmp(hex, sc->team->members[m].fingerprint) != 0;
		scorecard_free(member);
	}
	return 0;
}

/*
 * Per item of each rubric snapshot, over the filtered team cards: how
 * many had two members or more score it, their mean spread, and how
 * often it was flagged. In document order.
 */
int
store_team_raters(struct store *st, const struct store_query *q,
    store_rater_fn fn, void *arg, char **cause)
{
	struct store_rater_stat r;
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, "WITH spreads AS (SELECT m.scorecard_id AS card,"
	    " m.position AS pos, max(m.score) - min(m.score) AS spread"
	    " FROM team_marks AS m JOIN scorecards AS s"
	    " ON s.id = m.scorecard_id WHERE" FILTER_SQL
	    " GROUP BY m.scorecard_id, m.position HAVING count(*) >= 2)"
	    " SELECT s.rubric_sha256, e.item, min(e.position), count(*),"
	    " avg(sp.spread), max(sp.spread), sum(ti.flagged)"
	    " FROM spreads AS sp JOIN scorecards AS s ON s.id = sp.card"
	    " JOIN entries AS e ON e.scorecard_id = sp.card"
	    " AND e.position = sp.pos"
	    " JOIN team_items AS ti ON ti.scorecard_id = sp.card"
	    " AND ti.position = sp.pos"
	    " GROUP BY s.rubric_sha256, e.item"
	    " ORDER BY s.rubric_sha256, min(e.position)", &stmt, cause) != 0)
		return -1;
	if (store_bind_filter(st, stmt, q, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r.rubric_sha256 = store_column_text(stmt, 0);
		r.key = store_column_text(stmt, 1);
		r.position = (size_t)sqlite3_column_int64(stmt, 2);
		r.teams = (size_t)sqlite3_column_int64(stmt, 3);
		r.mean_spread = sqlite3_column_double(stmt, 4);
		r.max_spread = sqlite3_column_int(stmt, 5);
		r.flagged = (size_t)sqlite3_column_int64(stmt, 6);
		if (fn(&r, arg) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		*cause = store_errmsg(st, "the inter-rater view");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int
store_rubric_snapshot(struct store *st, const char *sha256, char **text,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	*text = NULL;
	if (store_prepare(st, "SELECT text FROM rubrics WHERE sha256 = ?1",
	    &stmt, cause) != 0)
		return -1;
	if (store_bind(st, stmt, cause, "T", sha256) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*text = xstrdup(store_column_text(stmt, 0));
	else
		*cause = rc == SQLITE_DONE ? xasprintf(_("there is no rubric"
		    " snapshot %s"), sha256) : store_errmsg(st, "read a rubric"
		    " snapshot");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}
