/*
 * Undo: revert the latest change to a draft that is not undone yet. The
 * trail is the only record of what changed, so undo reads it backwards:
 *
 *  - a change is one audit row, or for a score the "score" row and the
 *    "tier" row that one UPDATE wrote (same time, same item, score first);
 *  - an undo writes the reverting change through the same triggers, then
 *    a row of its own (field "undo", old_value the id of the first row it
 *    undid, new_value what it undid). Reading backwards, an undo row
 *    names its target and hides the change just before it (its revert);
 *  - card-level rows other than header fields (created, status, and any
 *    later kind) end the search: there is nothing before them to undo.
 *
 * So undo, undo, undo goes further back one change at a time, and a new
 * change after an undo is the next thing undone.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-private.h"
#include "width.h"
#include "xalloc.h"

struct trail_row {
	long long	 id;
	char		*at;
	char		*item;
	char		*field;
	char		*old_value;	/* NULL: none */
	char		*new_value;
};

struct trail {
	struct trail_row	*rows;
	size_t			 n;
};

static char *
column_or_null(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return s != NULL ? xstrdup((const char *)s) : NULL;
}

static void
trail_free(struct trail *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->rows[i].at);
		free(t->rows[i].item);
		free(t->rows[i].field);
		free(t->rows[i].old_value);
		free(t->rows[i].new_value);
	}
	free(t->rows);
}

static int
trail_read(struct store *st, long long id, struct trail *t, char **cause)
{
	sqlite3_stmt *stmt;
	struct trail_row *r;
	int rc;

	t->rows = NULL;
	t->n = 0;
	if (store_prepare(st, "SELECT id, at, item, field, old_value,"
	    " new_value FROM audit WHERE scorecard_id = ?1 ORDER BY id",
	    &stmt, cause) != 0)
		return -1;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_finalize(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		t->rows = xreallocarray(t->rows, t->n + 1, sizeof *t->rows);
		r = &t->rows[t->n++];
		r->id = sqlite3_column_int64(stmt, 0);
		r->at = column_or_null(stmt, 1);
		r->item = column_or_null(stmt, 2);
		r->field = column_or_null(stmt, 3);
		r->old_value = column_or_null(stmt, 4);
		r->new_value = column_or_null(stmt, 5);
		if (r->at == NULL || r->item == NULL || r->field == NULL) {
			rc = SQLITE_CORRUPT;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		*cause = store_errmsg(st, "read the audit trail");
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

static bool
is_field(const struct trail_row *r, const char *f)
{
	return strcmp(r->field, f) == 0;
}

/* Can this row's change be undone? */
static bool
undoable(const struct trail_row *r)
{
	static const char *const fields[] = { "score", "tier", "record",
	    "rationale", "agency", "date", "inspectors" };
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (is_field(r, fields[i]))
			return true;
	return false;
}

/* The first row of the change that ends at row i. */
static size_t
change_start(const struct trail *t, size_t i)
{
	const struct trail_row *r = &t->rows[i], *p;

	if (i == 0 || !is_field(r, "tier"))
		return i;
	p = &t->rows[i - 1];
	if (is_field(p, "score") && strcmp(p->at, r->at) == 0 &&
	    strcmp(p->item, r->item) == 0)
		return i - 1;
	return i;
}

static bool
in_list(const long long *ids, size_t n, long long id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* The latest change not yet undone: rows [*first, *last]; -1 if none. */
static int
find_target(const struct trail *t, size_t *first, size_t *last)
{
	long long *undone = NULL;
	size_t nundone = 0, i = t->n, start;
	int rc = -1;

	while (i > 0) {
		const struct trail_row *r = &t->rows[--i];

		if (is_field(r, "undo")) {
			undone = xreallocarray(undone, nundone + 1,
			    sizeof *undone);
			undone[nundone++] = r->old_value != NULL ?
			    atoll(r->old_value) : 0;
			/*
			 * Skip the revert the undo wrote just before it: rows
			 * of the same item, after the change it undid.
			 */
			if (i > 0 && undoable(&t->rows[i - 1]) &&
			    strcmp(t->rows[i - 1].item, r->item) == 0 &&
			    t->rows[i - 1].id > undone[nundone - 1])
				i = change_start(t, i - 1);
			continue;
		}
		if (!undoable(r))
			break;
		start = change_start(t, i);
		if (!in_list(undone, nundone, t->rows[start].id)) {
			*first = start;
			*last = i;
			rc = 0;
			break;
		}
		i = start;
	}
	free(undone);
	return rc;
}

/* "28", "-" for none, a note cut to a few columns on one line. */
static char *
describe_value(const char *v, bool note)
{
	char *flat, *cut, *p;

	if (v == NULL || (*v == '\0' && note))
		return xstrdup(note ? _("(empty)") : "-");
	flat = width_sanitize(v);
	for (p = flat; *p != '\0'; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	if (!note || width_of(flat) <= 16)
		return flat;
	cut = width_pad(flat, 15);
	free(flat);
	flat = xasprintf("%s…", cut);
	free(cut);
	return flat;
}

/* "1.1.1 score 28 → 27, tier 1 → 2": the change as it was made. */
static char *
describe(const struct trail *t, size_t first, size_t last)
{
	char *s = xstrdup(t->rows[first].item), *next, *o, *n;
	size_t i;
	bool note;

	for (i = first; i <= last; i++) {
		const struct trail_row *r = &t->rows[i];

		note = is_field(r, "record") || is_field(r, "rationale");
		o = describe_value(r->old_value, note);
		n = describe_value(r->new_value, note);
		next = xasprintf("%s%s%s %s → %s", s, i > first ? ", " :
		    *s != '\0' ? " " : "", r->field, o, n);
		free(o);
		free(n);
		free(s);
		s = next;
	}
	return s;
}

static int
revert_score(struct store *st, long long id, const struct trail *t,
    size_t first, size_t last, char **cause)
{
	const struct trail_row *score = NULL, *tier = NULL;
	sqlite3_stmt *stmt;
	size_t i;
	int rc;

	for (i = first; i <= last; i++) {
		if (is_field(&t->rows[i], "score"))
			score = &t->rows[i];
		else
			tier = &t->rows[i];
	}
	/* Only the columns this change wrote go back; the other stays. */
	if (store_prepare(st, score != NULL && tier != NULL ?
	    "UPDATE entries SET score = CAST(?3 AS INTEGER),"
	    " tier = CAST(?4 AS INTEGER) WHERE scorecard_id = ?1 AND item = ?2" :
	    score != NULL ? "UPDATE entries SET score = CAST(?3 AS INTEGER)"
	    " WHERE scorecard_id = ?1 AND item = ?2" :
	    "UPDATE entries SET tier = CAST(?4 AS INTEGER)"
	    " WHERE scorecard_id = ?1 AND item = ?2", &stmt, cause) != 0)
		return -1;
	/* ?4 only where the statement has it (a NULL text binds NULL). */
	rc = store_bind(st, stmt, cause, tier != NULL ? "ITTT" : "ITT", id,
	    t->rows[first].item, score != NULL ? score->old_value : NULL,
	    tier != NULL ? tier->old_value : NULL);
	if (rc == 0)
		rc = store_step_done(st, stmt, "undo the score", cause);
	sqlite3_finalize(stmt);
	return rc;
}

static int
revert_note(struct store *st, long long id, const struct trail_row *r,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, is_field(r, "record") ?
	    "UPDATE entries SET record = ?3 WHERE scorecard_id = ?1 AND"
	    " item = ?2" : "UPDATE entries SET rationale = ?3 WHERE"
	    " scorecard_id = ?1 AND item = ?2", &stmt, cause) != 0)
		return -1;
	rc = store_bind(st, stmt, cause, "ITT", id, r->item,
	    r->old_value != NULL ? r->old_value : "");
	if (rc == 0)
		rc = store_step_done(st, stmt, "undo the note", cause);
	sqlite3_finalize(stmt);
	return rc;
}

/* The inspectors are kept joined with "、" in the trail. */
static int
revert_inspectors(struct store *st, long long id, const char *joined,
    char **cause)
{
	char *copy = xstrdup(joined != NULL ? joined : ""), *p, *sep;
	char **names = NULL;
	size_t n = 0, i;
	int rc;

	for (p = copy; ; p = sep + strlen("、")) {
		sep = strstr(p, "、");
		if (sep != NULL)
			*sep = '\0';
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(p);
		if (sep == NULL)
			break;
	}
	rc = store_write_header(st, id, NULL, NULL, names, n, cause);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(copy);
	return rc;
}

static int
revert(struct store *st, long long id, const struct trail *t, size_t first,
    size_t last, char **cause)
{
	const struct trail_row *r = &t->rows[first];

	if (is_field(r, "score") || is_field(r, "tier"))
		return revert_score(st, id, t, first, last, cause);
	if (is_field(r, "record") || is_field(r, "rationale"))
		return revert_note(st, id, r, cause);
	if (is_field(r, "inspectors"))
		return revert_inspectors(st, id, r->old_value, cause);
	return store_write_header(st, id,
	    is_field(r, "agency") ? r->old_value : NULL,
	    is_field(r, "date") ? r->old_value : NULL, NULL, 0, cause);
}

static int
write_undo_row(struct store *st, long long id, const struct trail_row *r,
    const char *what, char **cause)
{
	sqlite3_stmt *stmt;
	char now[32], *target;
	int rc;

	if (store_prepare(st, "INSERT INTO audit (scorecard_id, at, item,"
	    " field, old_value, new_value) VALUES (?1, ?2, ?3, 'undo', ?4, ?5)",
	    &stmt, cause) != 0)
		return -1;
	store_now(now);
	target = xasprintf("%lld", r->id);
	rc = store_bind(st, stmt, cause, "ITTTT", id, now, r->item, target,
	    what);
	if (rc == 0)
		rc = store_step_done(st, stmt, "record the undo", cause);
	sqlite3_finalize(stmt);
	free(target);
	return rc;
}

int
store_undo(struct store *st, long long id, char **what, char **cause)
{
	struct trail t = { NULL, 0 };
	size_t first, last;

	*what = NULL;
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (store_card_draft(st, id, cause) != 0 ||
	    store_refuse_team_undo(st, id, cause) != 0 ||
	    trail_read(st, id, &t, cause) != 0)
		goto fail;
	if (find_target(&t, &first, &last) != 0) {
		*cause = xasprintf(_("scorecard %lld has no change left to"
		    " undo"), id);
		goto fail;
	}
	*what = describe(&t, first, last);
	if (revert(st, id, &t, first, last, cause) != 0 ||
	    write_undo_row(st, id, &t.rows[first], *what, cause) != 0 ||
	    store_write_commit(st, cause) != 0)
		goto fail;
	trail_free(&t);
	return 0;
fail:
	store_write_rollback(st);
	trail_free(&t);
	free(*what);
	*what = NULL;
	return -1;
}
