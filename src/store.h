/*
 * The store: SQLite, the only module that speaks SQL. WAL, synchronous=FULL,
 * foreign keys, BEGIN IMMEDIATE, migrations through user_version, an
 * application_id, an audit trail, and triggers that make a finalized
 * scorecard immutable. Every function returns 0 on success or -1 with
 * *cause set to a one-line message (caller frees).
 */
#ifndef KAOHE_STORE_H
#define KAOHE_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "scorecard.h"

/* 'KaOh' */
#define STORE_APPLICATION_ID	0x4b614f68

struct store;

enum store_mode {
	STORE_READWRITE = 0,	/* create the file (0600) and its directory */
	STORE_READONLY = 1,	/* never create, never write */
	/* Write, but only to a kaohe database that is there: a command on
	 * one scorecard never makes an empty file a database. */
	STORE_EXISTING = 2,
};

int	store_open(const char *path, enum store_mode, struct store **out,
	    char **cause);
void	store_close(struct store *);

/* Creates a draft; the rubric text is snapshotted with its SHA-256. */
int	store_create(struct store *, const char *rubric_text,
	    const struct rubric *rubric, const char *agency, const char *date,
	    char *const *inspectors, size_t ninspectors, long long *id,
	    char **cause);

/*
 * A member card (分工) that covers only scope's sections and items; with
 * nscope 0 it is store_create.
 */
int	store_create_member(struct store *, const char *rubric_text,
	    const struct rubric *rubric, const char *agency, const char *date,
	    char *const *inspectors, size_t ninspectors, char *const *scope,
	    size_t nscope, long long *id, char **cause);

/* Loads a whole scorecard, parsing its own rubric snapshot. */
int	store_load(struct store *, long long id, struct scorecard **out,
	    char **cause);

/*
 * Revisions. A final card reopened with a reason becomes a draft of the
 * next revision; the final revision is kept as it was, read-only, with
 * its seal. store_load_revision loads revision N (the current one, or a
 * kept one, which loads as final with its seal; 0 is the current one).
 */
int	store_load_revision(struct store *, long long id, int revision,
	    struct scorecard **out, char **cause);
int	store_reopen(struct store *, struct scorecard *sc, const char *reason,
	    char **cause);

/*
 * Seals and the audit chain (store-seal.c). *problem is NULL when the card
 * verifies, else what changed, one line (caller frees). A tampered card
 * still loads: the caller warns.
 */
int	store_verify(struct store *, long long id, char **problem,
	    char **cause);
/*
 * Without reading the card's content: its status against its seals and
 * its trail, its rubric snapshot, the audit chain. What list checks of
 * every row it prints; an edited entry needs store_verify.
 */
int	store_verify_quick(struct store *, long long id, char **problem,
	    char **cause);
/* store_verify_quick of many cards in one read transaction; fn gets each
 * card that fails (problem is freed after fn returns). */
typedef void (*store_problem_fn)(long long id, const char *problem,
	    void *arg);
int	store_verify_quick_many(struct store *, const long long *ids, size_t n,
	    store_problem_fn, void *arg, char **cause);
/* The same for a card just loaded (its current revision): not loaded again. */
int	store_verify_loaded(struct store *, const struct scorecard *,
	    char **problem, char **cause);
/* The schema differs from the one kaohe made: NULL, or what differs. */
const char *store_schema_problem(const struct store *);

/*
 * The one path that writes a score: it checks the rules (scorecard_check)
 * against sc's rubric, commits, and only then updates sc in memory. A
 * finalized scorecard is refused here and by triggers.
 */
int	store_set_score(struct store *, struct scorecard *sc, size_t item,
	    int score, int tier, char **cause);
int	store_clear_score(struct store *, struct scorecard *sc, size_t item,
	    char **cause);
int	store_set_note(struct store *, struct scorecard *sc, size_t item,
	    enum scorecard_note, const char *text, char **cause);
int	store_finalize(struct store *, struct scorecard *sc, char **cause);
/* Drafts only; a finalized scorecard is refused. */
int	store_delete(struct store *, long long id, char **cause);

/*
 * May sc's header be changed? Not a final card's, nor a team card's:
 * its agency, date and inspectors are its members' cards' (team_build),
 * and a rebuild makes them so again. -1 with *cause (one line) if not.
 */
int	store_header_editable(const struct scorecard *sc, char **cause);
/*
 * Change a draft's header: each non-NULL field (inspectors when non-NULL,
 * ninspectors of them) after the checks of `new` (text.c, a real date).
 * Each field is one row in the trail; sc is updated after the commit.
 * store_header_editable's refusals first.
 */
int	store_edit_header(struct store *, struct scorecard *sc,
	    const char *agency, const char *date, char *const *inspectors,
	    size_t ninspectors, char **cause);

/*
 * The same agency's previous final scorecard on the same rubric id: the
 * latest (by date, then by id) dated before sc's day; a card of the same
 * day is the same inspection, never a previous one. *prev is 0 when
 * there is none.
 */
int	store_previous_final(struct store *, const struct scorecard *sc,
	    long long *prev, char **cause);

/*
 * Revert the latest change to draft id not yet undone (a score and its
 * tier, a clear, a note, a header field) and record the undo in the
 * trail. *what (caller frees) names what was undone, e.g. "1.1.1 score
 * 28 → 27". Nothing to undo is an error that says so.
 */
int	store_undo(struct store *, long long id, char **what, char **cause);

/* One audit row: a change of a score, tier or note. */
struct store_change {
	long long	 id;
	const char	*at;		/* ISO 8601 UTC */
	const char	*item;		/* item key, "" for card-level events */
	const char	*field;		/* "score", "tier", "record", "rationale",
					   "agency", "date", "inspectors", "undo",
					   "status", "created", "deleted",
					   "reopened" (old: the revision
					   reopened, new: the reason),
					   "how", "reason" (a team card's
					   item), "rebuilt" (old: how many
					   rows above are the rebuild's,
					   new: the keys they changed) */
	const char	*old_value;	/* NULL when there was none */
	const char	*new_value;	/* NULL when cleared */
};
typedef int (*store_change_fn)(const struct store_change *, void *arg);
/* Oldest first. A callback that returns non-zero stops the walk; not an error. */
int	store_history(struct store *, long long id, store_change_fn, void *arg,
	    char **cause);

/* A list row: the denormalized summary kept current by the store. */
struct store_summary {
	long long	 id;
	const char	*uuid;
	const char	*agency;
	const char	*date;
	const char	*rubric_id;
	const char	*inspectors;	/* joined with "、" */
	enum scorecard_status status;
	int		 score;
	int		 max;
	int		 scored;
	int		 items;
	const char	*updated_at;
};

enum store_sort {
	STORE_SORT_UPDATED = 0,	/* default: drafts first, newest first */
	STORE_SORT_ID,
	STORE_SORT_AGENCY,
	STORE_SORT_DATE,
	STORE_SORT_RUBRIC,
	STORE_SORT_INSPECTORS,
	STORE_SORT_STATUS,
	STORE_SORT_SCORE,
	STORE_SORT_PROGRESS,
};

struct store_query {
	const char	*agency;	/* substring, NULL for any */
	int		 year;		/* 0 for any */
	int		 status;	/* -1 any, else enum scorecard_status */
	const char	*rubric_id;	/* exact, NULL for any */
	const char	*rubric_sha256;	/* one snapshot (stats), NULL for any */
	const char	*text;		/* substring of any record/rationale */
	enum store_sort	 sort;
	bool		 descending;
	size_t		 limit;		/* 0 for no limit */
	size_t		 offset;
};
typedef int (*store_summary_fn)(const struct store_summary *, void *arg);
/*
 * Rows are stepped one at a time from SQLite, never gathered. A callback
 * that returns non-zero stops the walk; not an error. store_count counts
 * the matches of the filters, ignoring sort, limit and offset.
 */
int	store_list(struct store *, const struct store_query *,
	    store_summary_fn, void *arg, char **cause);
int	store_count(struct store *, const struct store_query *, size_t *count,
	    char **cause);

/*
 * Import: whole scorecards in one transaction. A write that fails inside
 * it leaves rows behind: the caller then rolls the whole batch back.
 */
int	store_begin(struct store *, char **cause);
int	store_commit(struct store *, char **cause);
void	store_rollback(struct store *);
/* Is a scorecard with this UUID present? */
int	store_has_uuid(struct store *, const char *uuid, bool *present,
	    char **cause);
/* The ID of the scorecard with this UUID, 0 when there is none. */
int	store_uuid_id(struct store *, const char *uuid, long long *id,
	    char **cause);
/*
 * Re-import (store-import.c), inside store_begin. store_import_hash gives
 * the content hash recorded when card id last came in (*found false when
 * it was made here); store_import_mark records it (conflict_of: the UUID
 * a conflict copy conflicts with, or NULL). store_import_update brings
 * here up to in, a later state of the same card and rubric snapshot: a
 * final card is reopened with reason (its revision kept), the header and
 * every entry that differs are written (audited), and a final in is
 * sealed and finalized as it came.
 */
int	store_import_hash(struct store *, long long id, char hash[65],
	    bool *found, char **cause);
int	store_import_mark(struct store *, long long id, const char *hash,
	    const char *conflict_of, char **cause);
/*
 * Is there a conflict copy of uuid that came in with content hash (the
 * incoming card's, under its own UUID)? Then it is not copied again.
 */
int	store_import_has_copy(struct store *, const char *uuid,
	    const char *hash, bool *found, char **cause);
/* The UUID card id is a conflict copy of, "" when it is none. */
int	store_import_conflict_of(struct store *, long long id, char uuid[37],
	    char **cause);
int	store_import_update(struct store *, struct scorecard *here,
	    struct scorecard *in, const char *reason, char **cause);
/* Insert a complete scorecard as it is (status, uuid, times kept); sets sc->id. */
int	store_insert(struct store *, struct scorecard *sc, char **cause);

#endif
