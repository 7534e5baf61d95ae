/*
 * What the store's own files (src/store*.c) share: the connection, the
 * statement cache and the helpers that turn SQLite's codes into one-line
 * messages. Nothing outside src/store*.c includes this.
 */
#ifndef KAOHE_STORE_PRIVATE_H
#define KAOHE_STORE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include <sqlite3.h>

#include "store.h"
#include "store-rows.h"

/* The schema version this build writes (PRAGMA user_version). */
extern const int store_schema_version;
/* Run the migrations that bring user_version from to the current one. */
int	store_schema_migrate(struct store *, int from, char **cause);
/* Migration n's SQL (it brings user_version n to n + 1), or NULL. */
const char *store_schema_sql(int n);
/* The version whose migration added seals and the audit chain. */
#define STORE_SEALS_VERSION	6

/* Cached statements: the write path prepares each once per connection. */
enum store_stmt {
	STMT_ENTRY_SCORE,
	STMT_ENTRY_NOTE_RECORD,
	STMT_ENTRY_NOTE_RATIONALE,
	STMT_CARD_STATUS,
	STMT_CARD_UPDATED,
	/* store-create.c: import writes 100,000 cards through these. */
	STMT_RUBRIC_INSERT,
	STMT_CARD_INSERT,
	STMT_INSPECTOR_INSERT,
	STMT_CARD_RESTORE,
	STMT_CARD_BY_UUID,
	STMT_SEAL_INSERT,	/* store-seal.c: every final card imported */
	STMT_VERIFY_STATE,	/* store-seal.c: list verifies every row */
	STMT_VERIFY_SEALS,
	STMT_VERIFY_CHAIN,
	STMT__COUNT
};

struct store {
	sqlite3		*db;
	char		*path;
	bool		 readonly;
	/* The schema differs from kaohe's own: reads warn, writes refuse. */
	char		*schema_problem;
	bool		 in_transaction;	/* store_begin was called */
	sqlite3_stmt	*stmts[STMT__COUNT];
	/* store-rows.c's INSERTs: of STORE_ROWS_MAX rows, and of the last
	 * other count. */
	sqlite3_stmt	*rows[STORE_ROWS__COUNT][2];
	size_t		 rows_n[STORE_ROWS__COUNT][2];
	/* The last snapshot hashed (store_snapshot_hash), and parsed once
	 * a load needed it: an import, a verify or a list goes through
	 * 100,000 cards of one snapshot, and comparing bytes is cheaper than
	 * hashing and parsing them again for each. */
	char		*snapshot_text;
	size_t		 snapshot_len;
	char		 snapshot_sha256[65];
	struct rubric	*snapshot;
	/* Inside store_begin: the notes store_insert left for store_commit
	 * to index, the entries of cards from fts_card on. */
	bool		 fts_pending;
	long long	 fts_card;
};

/* The cached statement, reset and unbound; NULL with *cause. */
sqlite3_stmt *store_stmt(struct store *, enum store_stmt, char **cause);
/* Prepare a one-off statement; -1 with *cause. */
int	store_prepare(struct store *, const char *sql, sqlite3_stmt **,
	    char **cause);
/* A one-line message for the connection's last error, naming what failed. */
char	*store_errmsg(struct store *, const char *what);
/* Run SQL without results; -1 with *cause. */
int	store_exec(struct store *, const char *sql, char **cause);

/*
 * Write transactions: BEGIN IMMEDIATE unless store_begin already opened
 * one. The write helpers refuse a read-only store with the message
 * "the database is read-only: PATH".
 */
int	store_write_begin(struct store *, char **cause);
int	store_write_commit(struct store *, char **cause);
void	store_write_rollback(struct store *);
int	store_refuse_readonly(struct store *, char **cause);

/* The inspectors as scorecards.inspectors keeps them: joined with "、". */
char	*store_join_inspectors(char *const *names, size_t n);
/* Inside a write transaction: write each non-NULL header field (store-header.c). */
int	store_write_header(struct store *, long long id, const char *agency,
	    const char *date, char *const *inspectors, size_t ninspectors,
	    char **cause);
/* The same, of the fields in which to differs from from (card id's). */
int	store_write_header_from(struct store *, long long id,
	    const struct scorecard *from, const struct scorecard *to,
	    char **cause);
/* Inside a write transaction: is scorecard id there and a draft? */
int	store_card_draft(struct store *, long long id, char **cause);

/*
 * Index the notes of cards from..to for search: what notes_fts_insert
 * skipped while store_insert wrote them (store-create.c).
 */
int	store_index_notes(struct store *, long long from, long long to,
	    char **cause);

/*
 * store-create.c, for import's updates too: the card's status, times and
 * sums as sc has them (status last: the triggers want it), and the seal
 * of a final sc, checked against the seal it carries, stored for card id.
 */
int	store_restore_status(struct store *, const struct scorecard *sc,
	    long long id, const char *updated_at, char **cause);
int	store_seal_imported(struct store *, struct scorecard *sc, long long id,
	    char **cause);

/* Now as ISO 8601 UTC with milliseconds: "2026-11-23T10:40:00.123Z". */
void	store_now(char buf[32]);

/*
 * store-team.c: what a member card's scope and a team card add to the
 * rows of store-create.c and store-load.c, in the same transaction.
 */
int	store_insert_scope(struct store *, long long id, char *const *keys,
	    size_t n, char **cause);
int	store_insert_team(struct store *, long long id, const struct team *,
	    size_t nitems, char **cause);
/* Its members and their marks alone (after the teams row). */
int	store_insert_team_members(struct store *, long long id,
	    const struct team *, size_t nitems, char **cause);
/*
 * store-import-rows.c, for import's updates: draft card id's documents
 * (sections, matches, corrections) and team rows made in's, inside the
 * caller's write. Nothing is written when they are the same already.
 */
int	store_import_evidence(struct store *, long long id,
	    const struct scorecard *here, struct scorecard *in, char **cause);
int	store_import_team(struct store *, long long id,
	    const struct scorecard *here, const struct scorecard *in,
	    char **cause);
/*
 * Each item's flag and settlement of team card id made t's, row by row
 * in place, so that the trail (audit_team_how, _reason) sees each change:
 * re-import and a rebuild (store-team-rebuild.c) write them so.
 */
int	store_team_update_items(struct store *, long long id,
	    const struct team *t, size_t nitems, char **cause);
int	store_load_team_parts(struct store *, struct scorecard *,
	    char **cause);
/* A team card's settlements are not undone one row at a time: refused. */
int	store_refuse_team_undo(struct store *, long long id, char **cause);

/*
 * The reviewers' filter (a store_query's agency, year, status, rubric id
 * and snapshot) over scorecards AS s, with parameters ?1 to ?5 that
 * switch themselves off: store_bind_filter binds them. An inspection
 * counts once: a 分工 member card (it has a scope) covers only part of
 * the rubric, and a member card that a team card here was built from is
 * counted through that team card, so neither is a card of its own here.
 */
#define FILTER_SQL							\
	" (?1 IS NULL OR instr(s.agency, ?1) > 0)"			\
	" AND (?2 = 0 OR s.year = ?2)"					\
	" AND (?3 < 0 OR s.status = ?3)"				\
	" AND (?4 IS NULL OR s.rubric_id = ?4)"				\
	" AND (?5 IS NULL OR s.rubric_sha256 = ?5)"			\
	" AND s.id NOT IN (SELECT scorecard_id FROM scopes)"		\
	" AND s.uuid NOT IN (SELECT uuid FROM team_members)"
int	store_bind_filter(struct store *, sqlite3_stmt *,
	    const struct store_query *, char **cause);

/* Step a bound statement once; SQLite's error onto *cause. */
int	store_step_done(struct store *, sqlite3_stmt *, const char *what,
	    char **cause);

/* store-evidence.c: a loaded card's documents (sc->evidence, NULL when
 * none), and inserting an imported card's, inside store_insert's write. */
int	store_evidence_attach(struct store *, struct scorecard *, char **cause);
/* The same for a kept revision: the documents added before until. */
int	store_evidence_attach_until(struct store *, struct scorecard *,
	    const char *until, char **cause);
int	store_evidence_insert(struct store *, long long card,
	    struct evidence_set *, char **cause);

/* store-search.c: the WHERE fragment that finds text, and its bindings. */
const char *store_search_where(struct store *, const char *text, bool page);
int	store_search_bind(sqlite3_stmt *, const char *text);

/*
 * Bind parameters 1, 2, ... of stmt from the arguments, one letter of
 * types each: 'I' a long long, 'i' an int, 'T' a const char * (NULL binds
 * NULL; the text must outlive the step), 'j' an int and then an int that
 * says whether it is there (0 binds NULL). Every bind's result is checked;
 * on the first failure returns -1 with *cause and the statement must not
 * be stepped.
 */
int	store_bind(struct store *, sqlite3_stmt *, char **cause,
	    const char *types, ...);
/* The same from parameter first on: a row of a multi-row INSERT. */
int	store_bind_at(struct store *, sqlite3_stmt *, int first,
	    char **cause, const char *types, ...);
/*
 * One statement that returns no rows: prepare sql, bind types (as
 * store_bind), step it to the end and finalize it; on failure what names
 * the work in *cause.
 */
int	store_run(struct store *, const char *sql, const char *what,
	    char **cause, const char *types, ...);
/* An int64 parameter alone (the most common case). */
int	store_bind_int64(struct store *, sqlite3_stmt *, int index,
	    long long value, char **cause);

/* A text column, "" when NULL (SQLite returns NULL for NULL and on OOM). */
const char *store_column_text(sqlite3_stmt *, int col);
/* Copy a text column into buf (size bytes, always terminated). */
void	store_column_copy(sqlite3_stmt *, int col, char *buf, size_t size);

/* store-load.c, shared with revisions and verify. */
int	store_parse_snapshot(struct store *, long long id, const char *text,
	    size_t len, const char *sha, struct rubric **, char **cause);
/* The SHA-256 of a snapshot's text, the last one's when it is the same. */
void	store_snapshot_hash(struct store *, const char *text, size_t len,
	    char sha[65]);
/* The last snapshot, at store_close. */
void	store_snapshot_forget(struct store *);
int	store_load_entry(struct scorecard *, sqlite3_stmt *, char **cause);
/*
 * Steps stmt to its end and finalizes it: each row's first column, a
 * name, onto sc's inspectors; each row an entry (store_load_entry), *n
 * of them; the seal of its one row, if any. what names the work.
 */
int	store_read_inspectors(struct store *, sqlite3_stmt *,
	    struct scorecard *, const char *what, char **cause);
int	store_read_entries(struct store *, sqlite3_stmt *, struct scorecard *,
	    const char *what, size_t *n, char **cause);
int	store_read_seal(struct store *, sqlite3_stmt *, struct scorecard *,
	    char **cause);

/* store-seal.c */
/* Registers kaohe_audit_hash() (audit_chain's hash) on a connection. */
int	store_register_functions(sqlite3 *);
/*
 * The chain hash of one audit row: SHA-256 over the previous row's hash
 * (prev, NULL for a card's first row) and the row's id, scorecard_id, at,
 * item, field, old_value and new_value (v[0..6], NULL when none).
 */
void	store_audit_hash(const char *prev, const char *const v[7],
	    char hex[65]);
/* Seal sc's revision, in the caller's write transaction. */
int	store_seal_write(struct store *, const struct scorecard *,
	    char **cause);
/* The same with the seal and parts seal_parts already gave (import). */
int	store_seal_write_parts(struct store *, const struct scorecard *,
	    const char *hex, const char *parts, char **cause);
/* After migrating from before seals: chain the old trail, seal the final cards. */
int	store_seal_legacy(struct store *, char **cause);
/* Verify one card; sc is the loaded card or NULL. */
int	store_verify_card(struct store *, long long id,
	    const struct scorecard *sc, char **problem, char **cause);


#endif
