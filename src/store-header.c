/*
 * A scorecard's header after it was created: `kaohe edit` and the TUI's
 * header form change the agency, the date and the inspectors of a draft
 * (not of a team card: they are its members' cards', and a rebuild
 * writes them from those again, through store_write_header),
 * each field one UPDATE so that the trail (the triggers of schema v2) has
 * one row per field; and the question the review and the evidence ask of
 * the past: the same agency's previous final card on the same rubric.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-private.h"
#include "text.h"
#include "xalloc.h"

static int
update_field(struct store *st, long long id, const char *column,
    const char *value, char **cause)
{
	sqlite3_stmt *stmt;
	char *sql, now[32];
	int rc;

	store_now(now);
	sql = xasprintf("UPDATE scorecards SET %s = ?2, updated_at = ?3"
	    " WHERE id = ?1", column);
	rc = store_prepare(st, sql, &stmt, cause);
	free(sql);
	if (rc != 0)
		return -1;
	rc = store_bind(st, stmt, cause, "ITT", id, value, now);
	if (rc == 0)
		rc = store_step_done(st, stmt, "change the header", cause);
	sqlite3_finalize(stmt);
	return rc;
}

static int
replace_inspectors(struct store *st, long long id, char *const *names,
    size_t n, char **cause)
{
	sqlite3_stmt *stmt;
	size_t i;
	int rc;

	if (store_prepare(st, "DELETE FROM inspectors WHERE scorecard_id = ?1",
	    &stmt, cause) != 0)
		return -1;
	rc = store_bind_int64(st, stmt, 1, id, cause);
	if (rc == 0)
		rc = store_step_done(st, stmt, "change the inspectors", cause);
	sqlite3_finalize(stmt);
	if (rc != 0 || store_prepare(st, "INSERT INTO inspectors"
	    " (scorecard_id, position, name) VALUES (?1, ?2, ?3)", &stmt,
	    cause) != 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		rc = store_bind(st, stmt, cause, "IIT", id, (long long)i,
		    names[i]);
		if (rc == 0)
			rc = store_step_done(st, stmt, "change the inspectors",
			    cause);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	return rc;
}

int
store_write_header(struct store *st, long long id, const char *agency,
    const char *date, char *const *inspectors, size_t ninspectors,
    char **cause)
{
	char *joined;
	int rc = 0;

	if (agency != NULL)
		rc = update_field(st, id, "agency", agency, cause);
	if (rc == 0 && date != NULL)
		rc = update_field(st, id, "date", date, cause);
	if (rc == 0 && inspectors != NULL) {
		joined = store_join_inspectors(inspectors, ninspectors);
		rc = replace_inspectors(st, id, inspectors, ninspectors,
		    cause);
		if (rc == 0)
			rc = update_field(st, id, "inspectors", joined, cause);
		free(joined);
	}
	return rc;
}

int
store_write_header_from(struct store *st, long long id,
    const struct scorecard *from, const struct scorecard *to, char **cause)
{
	return store_write_header(st, id,
	    strcmp(from->agency, to->agency) != 0 ? to->agency : NULL,
	    strcmp(from->date, to->date) != 0 ? to->date : NULL,
	    scorecard_same_inspectors(from, to) ? NULL : to->inspectors,
	    to->ninspectors, cause);
}

/* The rules of `new`: one rule for text, a real date. */
static int
check_header(const char *agency, const char *date, char *const *inspectors,
    size_t ninspectors, char **cause)
{
	size_t i;

	if (agency != NULL && text_check(agency, TEXT_LINE, _("the agency"),
	    cause) != 0)
		return -1;
	if (date != NULL && !scorecard_date_valid(date)) {
		*cause = xasprintf(_("'%s' is not a date (want YYYY-MM-DD)"),
		    date);
		return -1;
	}
	if (inspectors != NULL && ninspectors == 0) {
		*cause = xstrdup(_("a scorecard needs at least one inspector"));
		return -1;
	}
	for (i = 0; inspectors != NULL && i < ninspectors; i++)
		if (text_check(inspectors[i], TEXT_LINE, _("an inspector"),
		    cause) != 0)
			return -1;
	return 0;
}

static void
replace(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

static void
replace_names(struct scorecard *sc, char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < sc->ninspectors; i++)
		free(sc->inspectors[i]);
	free(sc->inspectors);
	sc->inspectors = xcalloc(n > 0 ? n : 1, sizeof *sc->inspectors);
	for (i = 0; i < n; i++)
		sc->inspectors[i] = xstrdup(names[i]);
	sc->ninspectors = n;
}

int
store_header_editable(const struct scorecard *sc, char **cause)
{
	if (sc->status == SCORECARD_FINAL) {
		*cause = xasprintf(_("scorecard %lld is finalized; it cannot be"
		    " changed"), sc->id);
		return -1;
	}
	if (sc->team != NULL) {
		*cause = xasprintf(_("scorecard %lld is a team card: its agency,"
		    " date and inspectors are its members' cards'; correct a"
		    " member's card (kaohe reopen), then rebuild it (kaohe team"
		    " --rebuild %lld)"), sc->id, sc->id);
		return -1;
	}
	return 0;
}

int
store_edit_header(struct store *st, struct scorecard *sc, const char *agency,
    const char *date, char *const *inspectors, size_t ninspectors,
    char **cause)
{
	if (store_refuse_readonly(st, cause) != 0 ||
	    store_header_editable(sc, cause) != 0)
		return -1;
	if (check_header(agency, date, inspectors, ninspectors, cause) != 0 ||
	    store_write_begin(st, cause) != 0)
		return -1;
	if (store_card_draft(st, sc->id, cause) != 0 ||
	    store_write_header(st, sc->id, agency, date, inspectors,
	    ninspectors, cause) != 0 || store_write_commit(st, cause) != 0) {
		store_write_rollback(st);
		return -1;
	}
	if (agency != NULL)
		replace(&sc->agency, agency);
	if (date != NULL)
		replace(&sc->date, date);
	if (inspectors != NULL)
		replace_names(sc, inspectors, ninspectors);
	return 0;
}

int
store_previous_final(struct store *st, const struct scorecard *sc,
    long long *prev, char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	*prev = 0;
	/*
	 * An earlier day only: the cards of the same day are the same
	 * inspection (a team's members, its team card), which a member
	 * must not see while scoring and which are no previous card.
	 */
	if (store_prepare(st, "SELECT id FROM scorecards WHERE agency = ?1"
	    " AND rubric_id = ?2 AND status = 1 AND id <> ?3 AND date < ?4"
	    " ORDER BY date DESC, id DESC LIMIT 1", &stmt, cause) != 0)
		return -1;
	if (store_bind(st, stmt, cause, "TTIT", sc->agency, sc->rubric->id,
	    sc->id, sc->date) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*prev = sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, "find the previous final card");
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}
