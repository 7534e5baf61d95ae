/*
 * Seals and the audit chain in the store. A finalized revision's seal is
 * stored with it (seals); every audit row's hash chains it to the row
 * before it in its card's trail (audit.hash, set by the audit_chain
 * trigger through kaohe_audit_hash(), registered here). Verifying a card
 * recomputes both and compares them with what the file holds, and checks
 * that the card's status agrees with its trail and its seals.
 *
 * Without a secret nothing on one laptop can stop an attacker who
 * recomputes every hash; what this gives is that a change made with SQL
 * alone (sqlite3's shell, a dropped trigger) is seen, and that a seal
 * copied elsewhere (the JSON export, the printed form) pins the content.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "seal.h"
#include "sha256.h"
#include "store-private.h"
#include "xalloc.h"

static void
hash_value(struct sha256 *h, const char *v)
{
	char head[32];
	int n;

	if (v == NULL) {
		sha256_update(h, "N\n", 2);
		return;
	}
	n = snprintf(head, sizeof head, "T%zu:", strlen(v));
	sha256_update(h, head, (size_t)n);
	sha256_update(h, v, strlen(v));
	sha256_update(h, "\n", 1);
}

void
store_audit_hash(const char *prev, const char *const v[7], char hex[65])
{
	struct sha256 h;
	int i;

	sha256_init(&h);
	sha256_update(&h, "kaohe-audit 1\n", 14);
	hash_value(&h, prev);
	for (i = 0; i < 7; i++)
		hash_value(&h, v[i]);
	sha256_final_hex(&h, hex);
}

/* kaohe_audit_hash(prev, id, scorecard_id, at, item, field, old, new) */
static void
audit_hash_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *v[8];
	char hex[65];
	int i;

	for (i = 0; i < 8 && i < argc; i++) {
		v[i] = NULL;
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			continue;
		v[i] = (const char *)sqlite3_value_text(argv[i]);
		if (v[i] == NULL) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	store_audit_hash(v[0], v + 1, hex);
	sqlite3_result_text(ctx, hex, 64, SQLITE_TRANSIENT);
}

int
store_register_functions(sqlite3 *db)
{
	return sqlite3_create_function(db, "kaohe_audit_hash", 8,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    audit_hash_fn, NULL, NULL);
}

int
store_seal_write(struct store *st, const struct scorecard *sc, char **cause)
{
	char hex[65], *parts = seal_parts(sc, hex);
	int rc = store_seal_write_parts(st, sc, hex, parts, cause);

	free(parts);
	return rc;
}

int
store_seal_write_parts(struct store *st, const struct scorecard *sc,
    const char *hex, const char *parts, char **cause)
{
	sqlite3_stmt *stmt;
	int rc = -1;

	if ((stmt = store_stmt(st, STMT_SEAL_INSERT, cause)) == NULL)
		return -1;
	if (store_bind(st, stmt, cause, "IiTTT", sc->id, sc->revision, hex,
	    parts, sc->finalized_at) == 0)
		rc = store_step_done(st, stmt, "save the seal", cause);
	sqlite3_reset(stmt);
	return rc;
}

/* The text columns of an audit row, NULL where SQL holds NULL. */
static void
audit_values(sqlite3_stmt *stmt, const char *v[7])
{
	int i;

	for (i = 0; i < 7; i++)
		v[i] = sqlite3_column_type(stmt, i) == SQLITE_NULL ? NULL :
		    store_column_text(stmt, i);
}

/* Version 1's trail had no hashes: chain it as it stands, in order. */
static int
chain_legacy(struct store *st, char **cause)
{
	sqlite3_stmt *rows, *set;
	long long card = -1;
	char prev[65] = "", hex[65];
	const char *v[7];
	int rc;

	if (store_prepare(st, "SELECT id, scorecard_id, at, item, field,"
	    " old_value, new_value FROM audit WHERE hash IS NULL"
	    " ORDER BY scorecard_id, id", &rows, cause) != 0)
		return -1;
	if (store_prepare(st, "UPDATE audit SET hash = ?2 WHERE id = ?1",
	    &set, cause) != 0) {
		sqlite3_finalize(rows);
		return -1;
	}
	while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
		if (sqlite3_column_int64(rows, 1) != card)
			prev[0] = '\0';
		card = sqlite3_column_int64(rows, 1);
		audit_values(rows, v);
		store_audit_hash(prev[0] != '\0' ? prev : NULL, v, hex);
		memcpy(prev, hex, sizeof prev);
		if (store_bind(st, set, cause, "IT",
		    (long long)sqlite3_column_int64(rows, 0), hex) != 0 ||
		    store_step_done(st, set, "chain the audit trail",
		    cause) != 0)
			break;
		sqlite3_reset(set);
	}
	sqlite3_finalize(set);
	sqlite3_finalize(rows);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		*cause = store_errmsg(st, "chain the audit trail");
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The final cards of version 1 had no seals: seal them as they stand. */
static int
seal_legacy_cards(struct store *st, char **cause)
{
	struct scorecard *sc;
	sqlite3_stmt *stmt;
	long long *ids = NULL;
	size_t n = 0, i;
	int rc;

	if (store_prepare(st, "SELECT id FROM scorecards WHERE status = 1"
	    " AND NOT EXISTS (SELECT 1 FROM seals WHERE scorecard_id = id)",
	    &stmt, cause) != 0)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		ids = xreallocarray(ids, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "find the final cards");
		free(ids);
		return -1;
	}
	for (i = 0, rc = 0; i < n && rc == 0; i++) {
		if ((rc = store_load(st, ids[i], &sc, cause)) != 0)
			break;
		rc = store_seal_write(st, sc, cause);
		scorecard_free(sc);
	}
	free(ids);
	return rc;
}

int
store_seal_legacy(struct store *st, char **cause)
{
	if (chain_legacy(st, cause) != 0 || seal_legacy_cards(st, cause) != 0)
		return -1;
	return 0;
}

/* What verify found, joined with "; ". */
struct findings {
	char	*text;
};

static void __attribute__((format(printf, 2, 3)))
found(struct findings *f, const char *fmt, ...)
{
	va_list ap;
	char *one, *next;

	va_start(ap, fmt);
	one = xvasprintf(fmt, ap);
	va_end(ap);
	if (f->text == NULL) {
		f->text = one;
		return;
	}
	next = xasprintf("%s; %s", f->text, one);
	free(f->text);
	free(one);
	f->text = next;
}

/* The card's row as stored: what the other checks compare with. */
struct card_state {
	int		 status;
	int		 revision;
	long long	 score;
	long long	 scored;
	bool		 has_rubric;
	long long	 entries_score;		/* the entries' own sums */
	long long	 entries_scored;
};

static int
read_state(struct store *st, long long id, struct card_state *cs,
    char **cause)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((stmt = store_stmt(st, STMT_VERIFY_STATE, cause)) == NULL)
		return -1;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_reset(stmt);
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		cs->status = sqlite3_column_int(stmt, 0);
		cs->revision = sqlite3_column_int(stmt, 1);
		cs->score = sqlite3_column_int64(stmt, 2);
		cs->scored = sqlite3_column_int64(stmt, 3);
		cs->has_rubric = sqlite3_column_int(stmt, 4) != 0;
		cs->entries_score = sqlite3_column_int64(stmt, 5);
		cs->entries_scored = sqlite3_column_int64(stmt, 6);
	} else
		*cause = rc == SQLITE_DONE ?
		    xasprintf(_("there is no scorecard %lld"), id) :
		    store_errmsg(st, "read the scorecard");
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* sc against the seal stored for its revision. */
static void
compare_seal(struct findings *f, const struct scorecard *sc,
    const char *seal, const char *parts, bool current)
{
	char hex[65], *changed;

	seal_compute(sc, hex);
	if (strcmp(hex, seal) == 0)
		return;
	changed = seal_parts_changed(sc, parts);
	if (current)
		found(f, _("changed since it was sealed: %s"),
		    *changed != '\0' ? changed : _("its content"));
	else
		found(f, _("revision %d changed since it was sealed: %s"),
		    sc->revision, *changed != '\0' ? changed : _("its content"));
	free(changed);
}

static void
check_old_revision(struct store *st, struct findings *f, long long id,
    int revision, const char *seal, const char *parts)
{
	struct scorecard *old;
	char *why = NULL;

	if (store_load_revision(st, id, revision, &old, &why) != 0) {
		found(f, _("revision %d is sealed, but it cannot be read: %s"),
		    revision, why);
		free(why);
		return;
	}
	compare_seal(f, old, seal, parts, false);
	scorecard_free(old);
}

/* quick: kept revisions are not loaded (list's check of every row). */
static int
check_seals(struct store *st, struct findings *f, long long id,
    const struct card_state *cs, const struct scorecard *sc, bool quick,
    char **cause)
{
	sqlite3_stmt *stmt;
	bool current = false;
	int rc, rev;

	if ((stmt = store_stmt(st, STMT_VERIFY_SEALS, cause)) == NULL)
		return -1;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_reset(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		rev = sqlite3_column_int(stmt, 0);
		if (rev > cs->revision)
			found(f, _("revision %d is sealed, but the card is at"
			    " revision %d"), rev, cs->revision);
		else if (rev < cs->revision && !quick)
			check_old_revision(st, f, id, rev,
			    store_column_text(stmt, 1),
			    store_column_text(stmt, 2));
		else if (rev < cs->revision)
			continue;
		else if (cs->status != SCORECARD_FINAL) {
			current = true;
			found(f, _("revision %d was finalized and sealed, but"
			    " the card says draft (its status was changed"
			    " outside kaohe)"), rev);
		} else {
			current = true;
			if (sc != NULL)
				compare_seal(f, sc, store_column_text(stmt, 1),
				    store_column_text(stmt, 2), true);
		}
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "read the seals");
		return -1;
	}
	if (cs->status == SCORECARD_FINAL && !current)
		found(f, _("it is final, but revision %d has no seal (finalized"
		    " outside kaohe)"), cs->revision);
	return 0;
}

/* Walks the card's trail: every row's hash, its first row, its status. */
struct chain_walk {
	char		 prev[65];
	bool		 have_prev;
	size_t		 rows;
	long long	 bad_row;	/* the first row that fails, or 0 */
	const char	*bad_why;
	char		 status[8];	/* the last status the trail set */
	bool		 starts_created;
};

static void
walk_row(struct chain_walk *w, sqlite3_stmt *stmt)
{
	const char *v[7], *stored;
	char hex[65];

	audit_values(stmt, v);
	if (w->rows++ == 0)
		w->starts_created = v[4] != NULL && strcmp(v[4], "created") == 0;
	if (v[4] != NULL && strcmp(v[4], "status") == 0 && v[6] != NULL)
		snprintf(w->status, sizeof w->status, "%s", v[6]);
	stored = sqlite3_column_type(stmt, 7) == SQLITE_NULL ? NULL :
	    store_column_text(stmt, 7);
	store_audit_hash(w->have_prev ? w->prev : NULL, v, hex);
	if (stored == NULL) {
		if (w->bad_row == 0) {
			w->bad_row = sqlite3_column_int64(stmt, 0);
			w->bad_why = _("was added by hand (it has no hash)");
		}
		return;
	}
	if (strcmp(stored, hex) != 0 && w->bad_row == 0) {
		w->bad_row = sqlite3_column_int64(stmt, 0);
		w->bad_why = _("does not match its hash: it was edited or"
		    " forged, or a row before it was deleted");
	}
	/* Chain on what is stored: one bad row does not taint the rest. */
	snprintf(w->prev, sizeof w->prev, "%s", stored);
	w->have_prev = true;
}

static int
check_chain(struct store *st, struct findings *f, long long id,
    const struct card_state *cs, char **cause)
{
	struct chain_walk w = { .status = "draft" };
	sqlite3_stmt *stmt;
	const char *now;
	int rc;

	if ((stmt = store_stmt(st, STMT_VERIFY_CHAIN, cause)) == NULL)
		return -1;
	if (store_bind_int64(st, stmt, 1, id, cause) != 0) {
		sqlite3_reset(stmt);
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		walk_row(&w, stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "read the audit trail");
		return -1;
	}
	if (w.rows == 0) {
		found(f, _("its audit trail was deleted"));
		return 0;
	}
	if (!w.starts_created)
		found(f, _("the first rows of its audit trail were deleted"));
	if (w.bad_row != 0)
		found(f, _("audit row %lld %s"), w.bad_row, w.bad_why);
	now = cs->status == SCORECARD_FINAL ? "final" : "draft";
	if (strcmp(w.status, now) != 0)
		found(f, _("its audit trail says %s, the card says %s"),
		    w.status, now);
	return 0;
}

/* The summary list and stats read must be the entries' own sums. */
static void
check_summary(struct findings *f, const struct card_state *cs)
{
	if (cs->entries_score != cs->score || cs->entries_scored != cs->scored)
		found(f, _("its summary says %lld points (%lld scored), its"
		    " entries hold %lld (%lld scored)"), cs->score, cs->scored,
		    cs->entries_score, cs->entries_scored);
}

static int
verify_in(struct store *st, long long id, const struct scorecard *given,
    bool quick, struct findings *f, char **cause)
{
	struct scorecard *loaded = NULL;
	const struct scorecard *sc = given;
	struct card_state cs;
	char *why = NULL;
	int rc;

	if (read_state(st, id, &cs, cause) != 0)
		return -1;
	if (!cs.has_rubric)
		found(f, _("its rubric snapshot was deleted"));
	if (!quick && (sc == NULL || sc->revision != cs.revision)) {
		sc = NULL;
		if (store_load(st, id, &loaded, &why) == 0)
			sc = loaded;
		else if (cs.has_rubric)
			found(f, "%s", why);
		free(why);
	}
	check_summary(f, &cs);
	rc = check_seals(st, f, id, &cs, sc, quick, cause);
	if (rc == 0)
		rc = check_chain(st, f, id, &cs, cause);
	scorecard_free(loaded);
	return rc;
}

static int
verify(struct store *st, long long id, const struct scorecard *sc,
    bool quick, char **problem, char **cause)
{
	struct findings f = { NULL };
	bool own = sqlite3_get_autocommit(st->db);
	int rc;

	*problem = NULL;
	/* One read transaction: the checks see one state of the file. */
	if (own && store_exec(st, "BEGIN", cause) != 0)
		return -1;
	rc = verify_in(st, id, sc, quick, &f, cause);
	if (own)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != 0) {
		free(f.text);
		return -1;
	}
	*problem = f.text;
	return 0;
}

int
store_verify_card(struct store *st, long long id, const struct scorecard *sc,
    char **problem, char **cause)
{
	return verify(st, id, sc, false, problem, cause);
}

int
store_verify(struct store *st, long long id, char **problem, char **cause)
{
	return verify(st, id, NULL, false, problem, cause);
}

int
store_verify_quick(struct store *st, long long id, char **problem,
    char **cause)
{
	return verify(st, id, NULL, true, problem, cause);
}

int
store_verify_quick_many(struct store *st, const long long *ids, size_t n,
    store_problem_fn fn, void *arg, char **cause)
{
	bool own = sqlite3_get_autocommit(st->db);
	char *problem;
	size_t i;
	int rc = 0;

	if (own && store_exec(st, "BEGIN", cause) != 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		rc = verify(st, ids[i], NULL, true, &problem, cause);
		if (rc == 0 && problem != NULL)
			fn(ids[i], problem, arg);
		free(problem);
	}
	if (own)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

const char *
store_schema_problem(const struct store *st)
{
	return st->schema_problem;
}

int
store_verify_loaded(struct store *st, const struct scorecard *sc,
    char **problem, char **cause)
{
	return store_verify_card(st, sc->id, sc, problem, cause);
}
