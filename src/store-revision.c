/*
 * Revisions: reopening a final card, and reading a kept revision. A
 * reopen copies the final revision into revisions and revision_entries
 * (insert-only tables), logs the reason in the audit trail, and makes the
 * card a draft of the next revision: the one change final_scorecards_UPDATE
 * lets through a final card, and only once the copy exists.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-private.h"
#include "xalloc.h"

static int
current_revision(struct store *st, long long id, int *revision, int *status,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, "SELECT revision, status FROM scorecards"
	    " WHERE id = ?1", &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*revision = sqlite3_column_int(stmt, 0);
		*status = sqlite3_column_int(stmt, 1);
	} else
		*cause = rc == SQLITE_DONE ?
		    xasprintf(_("there is no scorecard %lld"), id) :
		    store_errmsg(st, "read the scorecard");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* A prepared statement with (id, revision) bound. */
static int
prepare_kept(struct store *st, const char *sql, long long id, int revision,
    sqlite3_stmt **stmt, char **cause)
{
	if (store_prepare(st, sql, stmt, cause) != 0)
		return -1;
	if (store_bind(st, *stmt, cause, "Ii", id, revision) != 0) {
		sqlite3_finalize(*stmt);
		return -1;
	}
	return 0;
}

static void
replace(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

static int
kept_header(struct store *st, long long id, int revision,
    struct scorecard **out, char **cause)
{
	struct rubric *rubric;
	struct scorecard *sc;
	sqlite3_stmt *stmt;
	int rc;

	if (prepare_kept(st, "SELECT s.uuid, r.agency, r.date, r.created_at,"
	    " r.finalized_at, r.rubric_sha256, b.text FROM revisions AS r"
	    " JOIN scorecards AS s ON s.id = r.scorecard_id"
	    " LEFT JOIN rubrics AS b ON b.sha256 = r.rubric_sha256"
	    " WHERE r.scorecard_id = ?1 AND r.revision = ?2", id, revision,
	    &stmt, cause) != 0)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		*cause = rc == SQLITE_DONE ? xasprintf(_("revision %d of"
		    " scorecard %lld is missing (deleted outside kaohe)"),
		    revision, id) : store_errmsg(st, "read the revision");
		sqlite3_finalize(stmt);
		return -1;
	}
	if (store_parse_snapshot(st, id,
	    (const char *)sqlite3_column_text(stmt, 6),
	    (size_t)sqlite3_column_bytes(stmt, 6), store_column_text(stmt, 5),
	    &rubric, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	sc = scorecard_new(rubric, xstrdup(store_column_text(stmt, 6)));
	sc->id = id;
	sc->revision = revision;
	sc->status = SCORECARD_FINAL;
	store_column_copy(stmt, 0, sc->uuid, sizeof sc->uuid);
	replace(&sc->agency, store_column_text(stmt, 1));
	replace(&sc->date, store_column_text(stmt, 2));
	replace(&sc->created_at, store_column_text(stmt, 3));
	replace(&sc->finalized_at, store_column_text(stmt, 4));
	replace(&sc->updated_at, store_column_text(stmt, 4));
	sqlite3_finalize(stmt);
	*out = sc;
	return 0;
}

static int
kept_inspectors(struct store *st, struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt;

	if (prepare_kept(st, "SELECT j.value FROM revisions AS r,"
	    " json_each(r.inspectors) AS j WHERE r.scorecard_id = ?1"
	    " AND r.revision = ?2 ORDER BY j.key", sc->id, sc->revision,
	    &stmt, cause) != 0)
		return -1;
	return store_read_inspectors(st, stmt, sc,
	    "read the revision's inspectors", cause);
}

static int
kept_entries(struct store *st, struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt;
	size_t n;

	if (prepare_kept(st, "SELECT position, item, score, tier, record,"
	    " rationale FROM revision_entries WHERE scorecard_id = ?1"
	    " AND revision = ?2 ORDER BY position", sc->id, sc->revision,
	    &stmt, cause) != 0)
		return -1;
	if (store_read_entries(st, stmt, sc, "read the revision's entries",
	    &n, cause) != 0)
		return -1;
	if (n == sc->rubric->nitems)
		return 0;
	*cause = xasprintf(_("revision %d of scorecard %lld has %zu entries"
	    " for %zu items"), sc->revision, sc->id, n, sc->rubric->nitems);
	return -1;
}

static int
kept_seal(struct store *st, struct scorecard *sc, char **cause)
{
	sqlite3_stmt *stmt;

	if (prepare_kept(st, "SELECT seal FROM seals WHERE scorecard_id = ?1"
	    " AND revision = ?2", sc->id, sc->revision, &stmt, cause) != 0)
		return -1;
	return store_read_seal(st, stmt, sc, cause);
}

static int
load_kept(struct store *st, long long id, int revision,
    struct scorecard **out, char **cause)
{
	struct scorecard *sc = NULL;

	if (kept_header(st, id, revision, &sc, cause) != 0)
		return -1;
	if (kept_inspectors(st, sc, cause) != 0 ||
	    kept_entries(st, sc, cause) != 0 || kept_seal(st, sc, cause) != 0 ||
	    store_evidence_attach_until(st, sc, sc->finalized_at,
	    cause) != 0) {
		scorecard_free(sc);
		return -1;
	}
	*out = sc;
	return 0;
}

int
store_load_revision(struct store *st, long long id, int revision,
    struct scorecard **out, char **cause)
{
	bool own = sqlite3_get_autocommit(st->db);
	int current, status, rc;

	/* 0: the current revision. */
	if (revision == 0)
		return store_load(st, id, out, cause);
	if (own && store_exec(st, "BEGIN", cause) != 0)
		return -1;
	rc = current_revision(st, id, &current, &status, cause);
	if (rc == 0 && (revision < 1 || revision > current)) {
		*cause = xasprintf(_("scorecard %lld has no revision %d (it has"
		    " revisions 1~%d)"), id, revision, current);
		rc = -1;
	}
	if (rc == 0)
		rc = revision == current ? store_load(st, id, out, cause) :
		    load_kept(st, id, revision, out, cause);
	if (own)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

/*
 * Each step of a reopen, bound to ?1 id, ?2 now, ?3 revision, ?4 reason
 * (as many of them as the step has parameters: reopen_types).
 */
static const char *const reopen_types[] = { "ITiT", "ITi", "ITiT", "ITi" };
static const char *const reopen_sql[] = {
	"INSERT INTO revisions (scorecard_id, revision, rubric_sha256,"
	" agency, date, inspectors, created_at, finalized_at, reopened_at,"
	" reason) SELECT id, revision, rubric_sha256, agency, date,"
	" (SELECT json_group_array(name) FROM (SELECT name FROM inspectors"
	" WHERE scorecard_id = ?1 ORDER BY position)), created_at,"
	" finalized_at, ?2, ?4 FROM scorecards WHERE id = ?1"
	" AND revision = ?3 AND status = 1",
	"INSERT INTO revision_entries (scorecard_id, revision, position, item,"
	" score, tier, record, rationale) SELECT scorecard_id, ?3, position,"
	" item, score, tier, record, rationale FROM entries"
	" WHERE scorecard_id = ?1",
	"INSERT INTO audit (scorecard_id, at, item, field, old_value,"
	" new_value) VALUES (?1, ?2, '', 'reopened', CAST(?3 AS TEXT), ?4)",
	"UPDATE scorecards SET status = 0, revision = ?3 + 1,"
	" finalized_at = '', updated_at = ?2 WHERE id = ?1",
};

static int
reopen_steps(struct store *st, const struct scorecard *sc, const char *now,
    const char *reason, char **cause)
{
	sqlite3_stmt *stmt;
	size_t i;
	int rc = 0;

	for (i = 0; i < sizeof reopen_sql / sizeof reopen_sql[0] && rc == 0;
	    i++) {
		if (store_prepare(st, reopen_sql[i], &stmt, cause) != 0)
			return -1;
		rc = store_bind(st, stmt, cause, reopen_types[i], sc->id, now,
		    sc->revision, reason);
		if (rc == 0)
			rc = store_step_done(st, stmt, "reopen", cause);
		if (rc == 0 && i == 0 && sqlite3_changes(st->db) != 1) {
			*cause = xasprintf(_("scorecard %lld changed in the"
			    " meantime; load it again"), sc->id);
			rc = -1;
		}
		sqlite3_finalize(stmt);
	}
	return rc;
}

/* A tampered card is not reopened: its copy would carry the change. */
static int
refuse_tampered(struct store *st, long long id, char **cause)
{
	char *problem;

	if (store_verify(st, id, &problem, cause) != 0)
		return -1;
	if (problem == NULL)
		return 0;
	*cause = xasprintf(_("scorecard %lld is TAMPERED: %s; it is not"
	    " reopened"), id, problem);
	free(problem);
	return -1;
}

int
store_reopen(struct store *st, struct scorecard *sc, const char *reason,
    char **cause)
{
	char now[32];

	if (store_refuse_readonly(st, cause) != 0)
		return -1;
	if (sc->status != SCORECARD_FINAL) {
		*cause = xasprintf(_("scorecard %lld is a draft; only a final"
		    " scorecard is reopened"), sc->id);
		return -1;
	}
	if (reason == NULL || *reason == '\0') {
		*cause = xstrdup(_("a reopen needs a reason"));
		return -1;
	}
	store_now(now);
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (refuse_tampered(st, sc->id, cause) != 0 ||
	    reopen_steps(st, sc, now, reason, cause) != 0) {
		store_write_rollback(st);
		return -1;
	}
	if (store_write_commit(st, cause) != 0)
		return -1;
	sc->status = SCORECARD_DRAFT;
	sc->revision++;
	sc->seal[0] = '\0';
	replace(&sc->finalized_at, "");
	replace(&sc->updated_at, now);
	return 0;
}
