/*
 * The store's schema and its migrations. Schema version 1 (PRAGMA
 * user_version = 1, PRAGMA application_id = 0x4b614f68 'KaOh'):
 *
 * -- Each rubric text a scorecard was scored with, kept once by hash.
 * CREATE TABLE rubrics (
 *	sha256		TEXT PRIMARY KEY,	-- 64 hex digits of text
 *	rubric_id	TEXT NOT NULL,		-- the YAML's id: "110"
 *	title		TEXT NOT NULL,
 *	text		TEXT NOT NULL		-- the YAML, byte for byte
 * ) STRICT;
 *
 * -- One row per scorecard. score, max, scored, items and updated_at are
 * -- a summary kept current by triggers in the same transaction as every
 * -- write, so that listing 100,000 scorecards reads this table alone.
 * CREATE TABLE scorecards (
 *	id		INTEGER PRIMARY KEY AUTOINCREMENT,	-- never reused
 *	uuid		TEXT NOT NULL UNIQUE,	-- v4, tells laptops' copies apart
 *	rubric_sha256	TEXT NOT NULL REFERENCES rubrics(sha256),
 *	rubric_id	TEXT NOT NULL,		-- copied from rubrics, for filters
 *	agency		TEXT NOT NULL,
 *	date		TEXT NOT NULL,		-- YYYY-MM-DD
 *	year		INTEGER AS (CAST(substr(date, 1, 4) AS INTEGER)),
 *	inspectors	TEXT NOT NULL,		-- joined with '、' (display, sort)
 *	status		INTEGER NOT NULL,	-- 0 draft, 1 final
 *	created_at	TEXT NOT NULL,		-- ISO 8601 UTC, milliseconds
 *	updated_at	TEXT NOT NULL,
 *	finalized_at	TEXT NOT NULL,		-- '' while a draft
 *	score		INTEGER NOT NULL,	-- sum of scored entries
 *	max		INTEGER NOT NULL,	-- the rubric's total
 *	scored		INTEGER NOT NULL,	-- entries scored; -1: see sums_*
 *	items		INTEGER NOT NULL	-- the rubric's items
 * ) STRICT;
 *
 * -- The inspectors in order (scorecards.inspectors is for display).
 * CREATE TABLE inspectors (
 *	scorecard_id	INTEGER NOT NULL REFERENCES scorecards ON DELETE CASCADE,
 *	position	INTEGER NOT NULL,	-- 0-based
 *	name		TEXT NOT NULL,
 *	PRIMARY KEY (scorecard_id, position)
 * ) STRICT;
 *
 * -- One row per rubric item, created with the scorecard.
 * CREATE TABLE entries (
 *	scorecard_id	INTEGER NOT NULL REFERENCES scorecards ON DELETE CASCADE,
 *	position	INTEGER NOT NULL,	-- index in the rubric's items[]
 *	item		TEXT NOT NULL,		-- the item's key: "1.1.3"
 *	score		INTEGER,		-- NULL while unscored
 *	tier		INTEGER,		-- 1-based; NULL when none
 *	record		TEXT NOT NULL,		-- 紀錄事項, '' when empty
 *	rationale	TEXT NOT NULL,		-- 評分說明, '' when empty
 *	PRIMARY KEY (scorecard_id, position),
 *	UNIQUE (scorecard_id, item)
 * ) STRICT;
 *
 * -- One row per section below the root (dimensions and sections), kept
 * -- current by triggers; a reviewer's stats GROUP BY key. Its items are
 * -- the entries with item_first <= position < item_first + items.
 * CREATE TABLE section_scores (
 *	scorecard_id	INTEGER NOT NULL REFERENCES scorecards ON DELETE CASCADE,
 *	key		TEXT NOT NULL,		-- "1.2"
 *	title		TEXT NOT NULL,
 *	depth		INTEGER NOT NULL,	-- 1 for a dimension
 *	item_first	INTEGER NOT NULL,
 *	score		INTEGER NOT NULL,	-- partial sum: scored items only
 *	max		INTEGER NOT NULL,
 *	scored		INTEGER NOT NULL,
 *	items		INTEGER NOT NULL,
 *	PRIMARY KEY (scorecard_id, key)
 * ) STRICT;
 *
 * -- The audit trail, written only by triggers, append-only. No foreign
 * -- key: the trail of a deleted draft outlives it. field is one of
 * -- 'created', 'status', 'deleted' (card-level, item '') or 'score',
 * -- 'tier', 'record', 'rationale'. NULL values mean none / cleared.
 * CREATE TABLE audit (
 *	id		INTEGER PRIMARY KEY,
 *	scorecard_id	INTEGER NOT NULL,
 *	at		TEXT NOT NULL,		-- ISO 8601 UTC, milliseconds
 *	item		TEXT NOT NULL,
 *	field		TEXT NOT NULL,
 *	old_value	TEXT,
 *	new_value	TEXT
 * ) STRICT;
 *
 * Triggers (see schema_v1 below for their text):
 *  - final_*: BEFORE INSERT/UPDATE/DELETE on scorecards, entries,
 *    inspectors and section_scores RAISE(ABORT) when the scorecard is
 *    final. So import inserts entries first and sets status last.
 *  - audit_*: every change of score, tier, record or rationale, and a
 *    card's creation, status change and deletion, append an audit row.
 *    audit itself refuses UPDATE and DELETE.
 *  - sums_*: a change of an entry's score recomputes scorecards.score and
 *    .scored and the section_scores rows of the sections that hold it;
 *    any change of an entry touches scorecards.updated_at. An inserted
 *    entry is summed only when its card's scored is not -1: import
 *    (store_insert) writes its card with scored = -1, inserts all the
 *    entries without 36 recomputations, then sets the card's and every
 *    section's sums once, with the same formula, in the same transaction.
 *
 *  - rubrics_immutable: a snapshot is never updated (its hash is its key).
 *
 * Indexes: scorecards by agency, date, year, (status, updated_at DESC,
 * id DESC) for the default order, rubric_id, updated_at, score and
 * inspectors; section_scores by (key, score); audit by (scorecard_id, id).
 */
#include "config.h"

#include <sqlite3.h>

#include "store-private.h"

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/* Refuses any change to a final scorecard's rows in table t. */
#define FINAL_GUARD(t, op, row, idcol)					\
	"CREATE TRIGGER final_" t "_" op " BEFORE " op " ON " t "\n"	\
	"WHEN (SELECT status FROM scorecards WHERE id = " row "." idcol	\
	") = 1\nBEGIN SELECT RAISE(ABORT, "				\
	"'scorecard is finalized; it cannot be changed'); END;\n"

#define AUDIT_ENTRY(col)						\
	"CREATE TRIGGER audit_" col " AFTER UPDATE OF " col " ON entries\n" \
	"WHEN OLD." col " IS NOT NEW." col " BEGIN\n"			\
	"  INSERT INTO audit (scorecard_id, at, item, field, old_value,"	\
	" new_value)\n  VALUES (NEW.scorecard_id, " NOW_SQL ", NEW.item, '" \
	col "', CAST(OLD." col " AS TEXT), CAST(NEW." col " AS TEXT));\n" \
	"END;\n"

/* The sums of the card and of the sections that hold entry NEW. */
#define SUMS_BODY							\
	"  UPDATE scorecards SET\n"					\
	"    score = (SELECT coalesce(sum(score), 0) FROM entries\n"	\
	"             WHERE scorecard_id = NEW.scorecard_id),\n"	\
	"    scored = (SELECT count(score) FROM entries\n"		\
	"              WHERE scorecard_id = NEW.scorecard_id)\n"	\
	"   WHERE id = NEW.scorecard_id;\n"				\
	"  UPDATE section_scores SET\n"					\
	"    score = (SELECT coalesce(sum(e.score), 0) FROM entries AS e\n" \
	"             WHERE e.scorecard_id = section_scores.scorecard_id\n" \
	"               AND e.position >= section_scores.item_first\n"	\
	"               AND e.position < section_scores.item_first"	\
	" + section_scores.items),\n"					\
	"    scored = (SELECT count(e.score) FROM entries AS e\n"	\
	"             WHERE e.scorecard_id = section_scores.scorecard_id\n" \
	"               AND e.position >= section_scores.item_first\n"	\
	"               AND e.position < section_scores.item_first"	\
	" + section_scores.items)\n"					\
	"   WHERE scorecard_id = NEW.scorecard_id\n"			\
	"     AND NEW.position >= item_first\n"				\
	"     AND NEW.position < item_first + items;\n"

static const char schema_v1[] =
	"CREATE TABLE rubrics (\n"
	"  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),\n"
	"  rubric_id TEXT NOT NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  text TEXT NOT NULL\n"
	") STRICT;\n"
	"CREATE TABLE scorecards (\n"
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),\n"
	"  rubric_sha256 TEXT NOT NULL REFERENCES rubrics(sha256),\n"
	"  rubric_id TEXT NOT NULL,\n"
	"  agency TEXT NOT NULL,\n"
	"  date TEXT NOT NULL CHECK (date GLOB"
	" '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
	"  year INTEGER AS (CAST(substr(date, 1, 4) AS INTEGER)),\n"
	"  inspectors TEXT NOT NULL,\n"
	"  status INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1)),\n"
	"  created_at TEXT NOT NULL,\n"
	"  updated_at TEXT NOT NULL,\n"
	"  finalized_at TEXT NOT NULL DEFAULT '',\n"
	"  score INTEGER NOT NULL DEFAULT 0,\n"
	"  max INTEGER NOT NULL,\n"
	"  scored INTEGER NOT NULL DEFAULT 0,\n"
	"  items INTEGER NOT NULL\n"
	") STRICT;\n"
	"CREATE TABLE inspectors (\n"
	"  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id)"
	" ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  PRIMARY KEY (scorecard_id, position)\n"
	") STRICT;\n"
	"CREATE TABLE entries (\n"
	"  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id)"
	" ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  item TEXT NOT NULL,\n"
	"  score INTEGER,\n"
	"  tier INTEGER CHECK (tier IS NULL OR tier >= 1),\n"
	"  record TEXT NOT NULL DEFAULT '',\n"
	"  rationale TEXT NOT NULL DEFAULT '',\n"
	"  PRIMARY KEY (scorecard_id, position),\n"
	"  UNIQUE (scorecard_id, item)\n"
	") STRICT;\n"
	"CREATE TABLE section_scores (\n"
	"  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id)"
	" ON DELETE CASCADE,\n"
	"  key TEXT NOT NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  depth INTEGER NOT NULL,\n"
	"  item_first INTEGER NOT NULL,\n"
	"  score INTEGER NOT NULL DEFAULT 0,\n"
	"  max INTEGER NOT NULL,\n"
	"  scored INTEGER NOT NULL DEFAULT 0,\n"
	"  items INTEGER NOT NULL,\n"
	"  PRIMARY KEY (scorecard_id, key)\n"
	") STRICT;\n"
	"CREATE TABLE audit (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  scorecard_id INTEGER NOT NULL,\n"
	"  at TEXT NOT NULL,\n"
	"  item TEXT NOT NULL DEFAULT '',\n"
	"  field TEXT NOT NULL,\n"
	"  old_value TEXT,\n"
	"  new_value TEXT\n"
	") STRICT;\n"
	"CREATE INDEX scorecards_by_agency ON scorecards(agency);\n"
	"CREATE INDEX scorecards_by_date ON scorecards(date);\n"
	"CREATE INDEX scorecards_by_year ON scorecards(year);\n"
	"CREATE INDEX scorecards_by_status ON scorecards(status,"
	" updated_at DESC, id DESC);\n"
	"CREATE INDEX scorecards_by_rubric ON scorecards(rubric_id);\n"
	"CREATE INDEX scorecards_by_updated ON scorecards(updated_at);\n"
	"CREATE INDEX scorecards_by_score ON scorecards(score);\n"
	"CREATE INDEX scorecards_by_inspectors ON scorecards(inspectors);\n"
	"CREATE INDEX section_scores_by_key ON section_scores(key, score);\n"
	"CREATE INDEX audit_by_scorecard ON audit(scorecard_id, id);\n"
	"CREATE TRIGGER final_scorecards_UPDATE BEFORE UPDATE ON scorecards\n"
	"WHEN OLD.status = 1 BEGIN SELECT RAISE(ABORT,"
	" 'scorecard is finalized; it cannot be changed'); END;\n"
	"CREATE TRIGGER final_scorecards_DELETE BEFORE DELETE ON scorecards\n"
	"WHEN OLD.status = 1 BEGIN SELECT RAISE(ABORT,"
	" 'scorecard is finalized; it cannot be changed'); END;\n"
	FINAL_GUARD("entries", "INSERT", "NEW", "scorecard_id")
	FINAL_GUARD("entries", "UPDATE", "OLD", "scorecard_id")
	FINAL_GUARD("entries", "DELETE", "OLD", "scorecard_id")
	FINAL_GUARD("inspectors", "INSERT", "NEW", "scorecard_id")
	FINAL_GUARD("inspectors", "UPDATE", "OLD", "scorecard_id")
	FINAL_GUARD("inspectors", "DELETE", "OLD", "scorecard_id")
	FINAL_GUARD("section_scores", "INSERT", "NEW", "scorecard_id")
	FINAL_GUARD("section_scores", "UPDATE", "OLD", "scorecard_id")
	FINAL_GUARD("section_scores", "DELETE", "OLD", "scorecard_id")
	"CREATE TRIGGER rubrics_immutable BEFORE UPDATE ON rubrics\n"
	"BEGIN SELECT RAISE(ABORT, 'a rubric snapshot never changes'); END;\n"
	"CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit\n"
	"BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;\n"
	"CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit\n"
	"BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;\n"
	"CREATE TRIGGER audit_created AFTER INSERT ON scorecards BEGIN\n"
	"  INSERT INTO audit (scorecard_id, at, item, field, new_value)\n"
	"  VALUES (NEW.id, NEW.created_at, '', 'created', NEW.uuid);\n"
	"END;\n"
	"CREATE TRIGGER audit_status AFTER UPDATE OF status ON scorecards\n"
	"WHEN OLD.status IS NOT NEW.status BEGIN\n"
	"  INSERT INTO audit (scorecard_id, at, item, field, old_value,"
	" new_value)\n"
	"  VALUES (NEW.id, CASE WHEN NEW.finalized_at <> ''"
	" THEN NEW.finalized_at ELSE " NOW_SQL " END, '', 'status',\n"
	"    CASE OLD.status WHEN 1 THEN 'final' ELSE 'draft' END,\n"
	"    CASE NEW.status WHEN 1 THEN 'final' ELSE 'draft' END);\n"
	"END;\n"
	"CREATE TRIGGER audit_deleted AFTER DELETE ON scorecards BEGIN\n"
	"  INSERT INTO audit (scorecard_id, at, item, field, old_value)\n"
	"  VALUES (OLD.id, " NOW_SQL ", '', 'deleted', OLD.uuid);\n"
	"END;\n"
	/* SQLite fires the newest trigger first: score is logged before tier. */
	AUDIT_ENTRY("rationale")
	AUDIT_ENTRY("record")
	AUDIT_ENTRY("tier")
	AUDIT_ENTRY("score")
	"CREATE TRIGGER sums_update AFTER UPDATE OF score ON entries\n"
	"WHEN OLD.score IS NOT NEW.score BEGIN\n"
	SUMS_BODY
	"END;\n"
	"CREATE TRIGGER sums_insert AFTER INSERT ON entries\n"
	"WHEN NEW.score IS NOT NULL AND (SELECT scored FROM scorecards\n"
	"  WHERE id = NEW.scorecard_id) >= 0 BEGIN\n"
	SUMS_BODY
	"END;\n"
	"CREATE TRIGGER touch_entry AFTER UPDATE ON entries\n"
	"WHEN OLD.score IS NOT NEW.score OR OLD.tier IS NOT NEW.tier\n"
	"  OR OLD.record IS NOT NEW.record"
	" OR OLD.rationale IS NOT NEW.rationale BEGIN\n"
	"  UPDATE scorecards SET updated_at = " NOW_SQL "\n"
	"   WHERE id = NEW.scorecard_id;\n"
	"END;\n";

/* A header field's change, for history and undo (`kaohe edit`). */
#define AUDIT_HEADER(col)						\
	"CREATE TRIGGER audit_" col " AFTER UPDATE OF " col " ON scorecards\n" \
	"WHEN OLD." col " IS NOT NEW." col " BEGIN\n"			\
	"  INSERT INTO audit (scorecard_id, at, item, field, old_value,"	\
	" new_value)\n  VALUES (NEW.id, " NOW_SQL ", '', '" col "', OLD." \
	col ", NEW." col ");\n"						\
	"END;\n"

/*
 * Version 2: the header (agency, date, inspectors) can be edited, and
 * each change is in the audit trail like a score's. An undo is an audit
 * row too (field 'undo', written by store-undo.c after the rows of the
 * change that reverts: old_value the id of the first row undone).
 */
static const char schema_v2_header[] =
	AUDIT_HEADER("agency")
	AUDIT_HEADER("date")
	AUDIT_HEADER("inspectors");

/*
 * Evidence: documents stored with a card (the agency's report), split
 * into sections by their headings, and which rubric node each section
 * matched. A row of document_matches with section NULL is the
 * inspector's "no section of this document is this node's". Sections
 * are byte ranges of documents.text; parent and section are positions.
 *
 * CREATE TABLE documents (
 *	id		INTEGER PRIMARY KEY,
 *	scorecard_id	INTEGER NOT NULL REFERENCES scorecards ON DELETE CASCADE,
 *	position	INTEGER NOT NULL,	-- 1-based on its card
 *	file_name	TEXT NOT NULL,
 *	title		TEXT NOT NULL,
 *	sha256		TEXT NOT NULL,		-- of text
 *	added_at	TEXT NOT NULL,		-- ISO 8601 UTC
 *	text		TEXT NOT NULL		-- normalized UTF-8
 * ) STRICT;
 * CREATE TABLE document_sections (
 *	id, document_id, position (1-based), parent (0 at the top), depth,
 *	line, number, title, start, body_end, end (byte offsets)
 * ) STRICT;
 * CREATE TABLE document_matches (
 *	document_id, node (a rubric key), section (a position or NULL),
 *	corrected (1 when the inspector set it)
 * ) STRICT;
 *
 * A final card's documents, sections and matches never change (final_*
 * triggers, as for entries).
 */
#define FINAL_DOC_GUARD(t, op, row)					\
	"CREATE TRIGGER final_" t "_" op " BEFORE " op " ON " t "\n"	\
	"WHEN (SELECT s.status FROM scorecards AS s JOIN documents AS d"	\
	" ON d.scorecard_id = s.id WHERE d.id = " row ".document_id) = 1\n" \
	"BEGIN SELECT RAISE(ABORT, "					\
	"'scorecard is finalized; it cannot be changed'); END;\n"

static const char schema_evidence[] =
	"CREATE TABLE documents (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id)"
	" ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL CHECK (position >= 1),\n"
	"  file_name TEXT NOT NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),\n"
	"  added_at TEXT NOT NULL,\n"
	"  text TEXT NOT NULL,\n"
	"  UNIQUE (scorecard_id, position),\n"
	"  UNIQUE (scorecard_id, sha256)\n"
	") STRICT;\n"
	"CREATE TABLE document_sections (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  document_id INTEGER NOT NULL REFERENCES documents(id)"
	" ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL CHECK (position >= 1),\n"
	"  parent INTEGER NOT NULL,\n"
	"  depth INTEGER NOT NULL,\n"
	"  line INTEGER NOT NULL,\n"
	"  number TEXT NOT NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  start INTEGER NOT NULL,\n"
	"  body_end INTEGER NOT NULL,\n"
	"  end INTEGER NOT NULL,\n"
	"  UNIQUE (document_id, position)\n"
	") STRICT;\n"
	"CREATE TABLE document_matches (\n"
	"  document_id INTEGER NOT NULL REFERENCES documents(id)"
	" ON DELETE CASCADE,\n"
	"  node TEXT NOT NULL,\n"
	"  section INTEGER,\n"
	"  corrected INTEGER NOT NULL DEFAULT 0 CHECK (corrected IN (0, 1)),\n"
	"  PRIMARY KEY (document_id, node)\n"
	") STRICT;\n"
	"CREATE INDEX documents_by_scorecard ON documents(scorecard_id,"
	" position);\n"
	FINAL_GUARD("documents", "INSERT", "NEW", "scorecard_id")
	FINAL_GUARD("documents", "UPDATE", "OLD", "scorecard_id")
	FINAL_GUARD("documents", "DELETE", "OLD", "scorecard_id")
	FINAL_DOC_GUARD("document_sections", "INSERT", "NEW")
	FINAL_DOC_GUARD("document_sections", "UPDATE", "OLD")
	FINAL_DOC_GUARD("document_sections", "DELETE", "OLD")
	FINAL_DOC_GUARD("document_matches", "INSERT", "NEW")
	FINAL_DOC_GUARD("document_matches", "UPDATE", "OLD")
	FINAL_DOC_GUARD("document_matches", "DELETE", "OLD");


/*
 * Search: SQLite FTS5 with the trigram tokenizer, which finds Chinese
 * substrings of three characters or more without a word segmenter.
 * notes_fts indexes the non-empty records and rationales of entries (its
 * content is entries itself, rowid for rowid); evidence_fts holds each
 * document section's own text (its heading to its first sub-heading),
 * rowid = document_sections.id. Triggers keep both current in the
 * transaction of every write.
 */
#define NOTES_FTS_ROW(row)						\
	"INSERT INTO notes_fts (rowid, record, rationale) SELECT " row	\
	".rowid, " row ".record, " row ".rationale WHERE " row		\
	".record <> '' OR " row ".rationale <> '';\n"
#define NOTES_FTS_UNROW(row)						\
	"INSERT INTO notes_fts (notes_fts, rowid, record, rationale)"	\
	" SELECT 'delete', " row ".rowid, " row ".record, " row		\
	".rationale WHERE " row ".record <> '' OR " row			\
	".rationale <> '';\n"

static const char schema_search[] =
	"CREATE VIRTUAL TABLE notes_fts USING fts5(record, rationale,"
	" content = 'entries', content_rowid = 'rowid',"
	" tokenize = 'trigram');\n"
	"INSERT INTO notes_fts (rowid, record, rationale) SELECT rowid,"
	" record, rationale FROM entries WHERE record <> ''"
	" OR rationale <> '';\n"
	"CREATE TRIGGER notes_fts_insert AFTER INSERT ON entries BEGIN\n"
	NOTES_FTS_ROW("NEW")
	"END;\n"
	"CREATE TRIGGER notes_fts_delete AFTER DELETE ON entries BEGIN\n"
	NOTES_FTS_UNROW("OLD")
	"END;\n"
	"CREATE TRIGGER notes_fts_update AFTER UPDATE OF record, rationale"
	" ON entries\nWHEN OLD.record IS NOT NEW.record"
	" OR OLD.rationale IS NOT NEW.rationale BEGIN\n"
	NOTES_FTS_UNROW("OLD")
	NOTES_FTS_ROW("NEW")
	"END;\n"
	"CREATE VIRTUAL TABLE evidence_fts USING fts5(body,"
	" tokenize = 'trigram');\n"
	"INSERT INTO evidence_fts (rowid, body) SELECT s.id,"
	" CAST(substr(CAST(d.text AS BLOB), s.start + 1,"
	" s.body_end - s.start) AS TEXT) FROM document_sections AS s"
	" JOIN documents AS d ON d.id = s.document_id;\n"
	"CREATE TRIGGER evidence_fts_insert AFTER INSERT ON document_sections"
	" BEGIN\n"
	"  INSERT INTO evidence_fts (rowid, body) SELECT NEW.id,"
	" CAST(substr(CAST(d.text AS BLOB), NEW.start + 1,"
	" NEW.body_end - NEW.start) AS TEXT) FROM documents AS d"
	" WHERE d.id = NEW.document_id;\n"
	"END;\n"
	"CREATE TRIGGER evidence_fts_delete AFTER DELETE ON document_sections"
	" BEGIN\n"
	"  DELETE FROM evidence_fts WHERE rowid = OLD.id;\n"
	"END;\n";

/*
 * The 考核小組 (see src/team.h): schema_team.
 *
 * -- 分工: a member card that covers only some sections or items.
 * CREATE TABLE scopes (
 *	scorecard_id	INTEGER PRIMARY KEY REFERENCES scorecards ON DELETE CASCADE,
 *	keys		TEXT NOT NULL		-- the --scope keys, joined with ','
 * ) STRICT;
 *
 * -- A team card: a scorecards row whose scores reconcile its members'.
 * CREATE TABLE teams (
 *	scorecard_id	INTEGER PRIMARY KEY REFERENCES scorecards ON DELETE CASCADE,
 *	lead		TEXT NOT NULL,		-- 召集人, '' when not named
 *	tolerance	INTEGER NOT NULL	-- percent of an item's range
 * ) STRICT;
 * -- The member cards it was built from, as they were then.
 * CREATE TABLE team_members (
 *	scorecard_id	INTEGER NOT NULL REFERENCES teams ON DELETE CASCADE,
 *	position	INTEGER NOT NULL,	-- 0-based
 *	uuid		TEXT NOT NULL,		-- the member card's
 *	inspectors	TEXT NOT NULL,		-- its inspectors, joined with '\n'
 *	fingerprint	TEXT NOT NULL,		-- team_fingerprint of it then
 *	PRIMARY KEY (scorecard_id, position)
 * ) STRICT;
 * -- Each member's score of each item they scored.
 * CREATE TABLE team_marks (
 *	scorecard_id	INTEGER NOT NULL,
 *	member		INTEGER NOT NULL,	-- team_members.position
 *	position	INTEGER NOT NULL,	-- the item's index
 *	score		INTEGER NOT NULL,
 *	tier		INTEGER,
 *	record		TEXT NOT NULL,
 *	rationale	TEXT NOT NULL,
 *	PRIMARY KEY (scorecard_id, member, position)
 * ) STRICT;
 * -- Per item: was it flagged, and how was it settled (NULL: unresolved).
 * CREATE TABLE team_items (
 *	scorecard_id	INTEGER NOT NULL REFERENCES teams ON DELETE CASCADE,
 *	position	INTEGER NOT NULL,
 *	flagged		INTEGER NOT NULL,
 *	how		TEXT,			-- single, mean, consensus, median, rescore
 *	reason		TEXT NOT NULL,
 *	PRIMARY KEY (scorecard_id, position)
 * ) STRICT;
 *
 * All five are guarded like entries (final_*), and a change of how or
 * reason is audited (fields 'how', 'reason') and touches updated_at.
 */
#define TEAM_GUARDS(t)							\
	FINAL_GUARD(t, "INSERT", "NEW", "scorecard_id")			\
	FINAL_GUARD(t, "UPDATE", "OLD", "scorecard_id")			\
	FINAL_GUARD(t, "DELETE", "OLD", "scorecard_id")

#define AUDIT_TEAM(col)							\
	"CREATE TRIGGER audit_team_" col " AFTER UPDATE OF " col		\
	" ON team_items\nWHEN OLD." col " IS NOT NEW." col " BEGIN\n"	\
	"  INSERT INTO audit (scorecard_id, at, item, field, old_value,"	\
	" new_value)\n  VALUES (NEW.scorecard_id, " NOW_SQL ",\n"		\
	"    (SELECT item FROM entries WHERE scorecard_id ="		\
	" NEW.scorecard_id AND position = NEW.position), '" col "',"	\
	" OLD." col ", NEW." col ");\n"					\
	"  UPDATE scorecards SET updated_at = " NOW_SQL			\
	" WHERE id = NEW.scorecard_id;\n"					\
	"END;\n"

static const char schema_team[] =
	"CREATE TABLE scopes (\n"
	"  scorecard_id INTEGER PRIMARY KEY REFERENCES scorecards(id)"
	" ON DELETE CASCADE,\n"
	"  keys TEXT NOT NULL CHECK (keys <> '')\n"
	") STRICT;\n"
	"CREATE TABLE teams (\n"
	"  scorecard_id INTEGER PRIMARY KEY REFERENCES scorecards(id)"
	" ON DELETE CASCADE,\n"
	"  lead TEXT NOT NULL,\n"
	"  tolerance INTEGER NOT NULL CHECK (tolerance BETWEEN 0 AND 100)\n"
	") STRICT;\n"
	"CREATE TABLE team_members (\n"
	"  scorecard_id INTEGER NOT NULL REFERENCES teams(scorecard_id)"
	" ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  uuid TEXT NOT NULL CHECK (length(uuid) = 36),\n"
	"  inspectors TEXT NOT NULL,\n"
	"  fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),\n"
	"  PRIMARY KEY (scorecard_id, position),\n"
	"  UNIQUE (scorecard_id, uuid)\n"
	") STRICT;\n"
	"CREATE TABLE team_marks (\n"
	"  scorecard_id INTEGER NOT NULL,\n"
	"  member INTEGER NOT NULL,\n"
	"  position INTEGER NOT NULL,\n"
	"  score INTEGER NOT NULL,\n"
	"  tier INTEGER CHECK (tier IS NULL OR tier >= 1),\n"
	"  record TEXT NOT NULL,\n"
	"  rationale TEXT NOT NULL,\n"
	"  PRIMARY KEY (scorecard_id, member, position),\n"
	"  FOREIGN KEY (scorecard_id, member) REFERENCES"
	" team_members(scorecard_id, position) ON DELETE CASCADE\n"
	") STRICT;\n"
	"CREATE TABLE team_items (\n"
	"  scorecard_id INTEGER NOT NULL REFERENCES teams(scorecard_id)"
	" ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),\n"
	"  how TEXT CHECK (how IN ('single', 'mean', 'consensus', 'median',"
	" 'rescore')),\n"
	"  reason TEXT NOT NULL DEFAULT '',\n"
	"  PRIMARY KEY (scorecard_id, position)\n"
	") STRICT;\n"
	"CREATE INDEX team_members_by_uuid ON team_members(uuid);\n"
	TEAM_GUARDS("scopes")
	TEAM_GUARDS("teams")
	TEAM_GUARDS("team_members")
	TEAM_GUARDS("team_marks")
	TEAM_GUARDS("team_items")
	AUDIT_TEAM("reason")
	AUDIT_TEAM("how");

#define REFUSE_ALWAYS(name, op, t, why)					\
	"CREATE TRIGGER " name " BEFORE " op " ON " t "\n"		\
	"BEGIN SELECT RAISE(ABORT, '" why "'); END;\n"

/*
 * Version 6: revisions, seals and the audit chain.
 *  - scorecards.revision counts reopenings (1 for a card never reopened).
 *  - revisions and revision_entries keep each finalized revision that was
 *    reopened, as it was; seals holds the SHA-256 of every finalized
 *    revision's canonical content (src/seal.c), and each part's digest
 *    ("header HEX\n1.1.1 HEX\n..."), so that verify can name what
 *    changed. All three tables are insert-only.
 *  - final_scorecards_UPDATE now lets exactly one change through a final
 *    card: the reopen (status 1 -> 0, revision + 1, nothing else), and
 *    only once the revision is archived. A card becomes final only when
 *    its revision's seal is stored (final_needs_seal).
 *  - final_scorecards_INSERT: INSERT OR REPLACE cannot turn a card into
 *    another (REPLACE deletes without firing delete triggers), and no
 *    card is inserted final.
 *  - rubrics_in_use: a snapshot that a card or a revision uses is never
 *    deleted, even with foreign_keys off (sqlite3's shell).
 *  - audit.hash chains each card's trail: the SHA-256 of the previous
 *    row's hash and this row's content, computed by kaohe_audit_hash(), a
 *    function each kaohe connection registers (src/store-seal.c). The
 *    row's hash is set once, by audit_chain, and never changed.
 */
static const char schema_seals[] =
	"ALTER TABLE scorecards ADD COLUMN revision INTEGER NOT NULL"
	" DEFAULT 1 CHECK (revision >= 1);\n"
	"CREATE TABLE revisions (\n"
	"  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id),\n"
	"  revision INTEGER NOT NULL,\n"
	"  rubric_sha256 TEXT NOT NULL REFERENCES rubrics(sha256),\n"
	"  agency TEXT NOT NULL,\n"
	"  date TEXT NOT NULL,\n"
	"  inspectors TEXT NOT NULL CHECK (json_valid(inspectors)),\n"
	"  created_at TEXT NOT NULL,\n"
	"  finalized_at TEXT NOT NULL,\n"
	"  reopened_at TEXT NOT NULL,\n"
	"  reason TEXT NOT NULL,\n"
	"  PRIMARY KEY (scorecard_id, revision)\n"
	") STRICT;\n"
	"CREATE TABLE revision_entries (\n"
	"  scorecard_id INTEGER NOT NULL,\n"
	"  revision INTEGER NOT NULL,\n"
	"  position INTEGER NOT NULL,\n"
	"  item TEXT NOT NULL,\n"
	"  score INTEGER,\n"
	"  tier INTEGER,\n"
	"  record TEXT NOT NULL,\n"
	"  rationale TEXT NOT NULL,\n"
	"  PRIMARY KEY (scorecard_id, revision, position),\n"
	"  FOREIGN KEY (scorecard_id, revision) REFERENCES revisions\n"
	") STRICT;\n"
	"CREATE TABLE seals (\n"
	"  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id),\n"
	"  revision INTEGER NOT NULL,\n"
	"  seal TEXT NOT NULL CHECK (length(seal) = 64),\n"
	"  parts TEXT NOT NULL,\n"
	"  sealed_at TEXT NOT NULL,\n"
	"  PRIMARY KEY (scorecard_id, revision)\n"
	") STRICT;\n"
	"CREATE INDEX scorecards_by_rubric_sha256 ON scorecards(rubric_sha256);\n"
	REFUSE_ALWAYS("revisions_immutable_UPDATE", "UPDATE", "revisions",
	    "a finalized revision never changes")
	REFUSE_ALWAYS("revisions_immutable_DELETE", "DELETE", "revisions",
	    "a finalized revision never changes")
	REFUSE_ALWAYS("revision_entries_immutable_UPDATE", "UPDATE",
	    "revision_entries", "a finalized revision never changes")
	REFUSE_ALWAYS("revision_entries_immutable_DELETE", "DELETE",
	    "revision_entries", "a finalized revision never changes")
	REFUSE_ALWAYS("seals_immutable_UPDATE", "UPDATE", "seals",
	    "a seal never changes")
	REFUSE_ALWAYS("seals_immutable_DELETE", "DELETE", "seals",
	    "a seal never changes")
	"DROP TRIGGER final_scorecards_UPDATE;\n"
	"CREATE TRIGGER final_scorecards_UPDATE BEFORE UPDATE ON scorecards\n"
	"WHEN OLD.status = 1 AND NOT (NEW.status = 0\n"
	"  AND NEW.revision = OLD.revision + 1\n"
	"  AND NEW.finalized_at = ''\n"
	"  AND NEW.id = OLD.id AND NEW.uuid = OLD.uuid\n"
	"  AND NEW.rubric_sha256 = OLD.rubric_sha256\n"
	"  AND NEW.rubric_id = OLD.rubric_id AND NEW.agency = OLD.agency\n"
	"  AND NEW.date = OLD.date AND NEW.inspectors = OLD.inspectors\n"
	"  AND NEW.created_at = OLD.created_at AND NEW.score = OLD.score\n"
	"  AND NEW.max = OLD.max AND NEW.scored = OLD.scored\n"
	"  AND NEW.items = OLD.items\n"
	"  AND EXISTS (SELECT 1 FROM revisions WHERE scorecard_id = OLD.id\n"
	"              AND revision = OLD.revision))\n"
	"BEGIN SELECT RAISE(ABORT,"
	" 'scorecard is finalized; it cannot be changed'); END;\n"
	"CREATE TRIGGER final_needs_seal BEFORE UPDATE OF status ON scorecards\n"
	"WHEN NEW.status = 1 AND NOT EXISTS (SELECT 1 FROM seals\n"
	"  WHERE scorecard_id = NEW.id AND revision = NEW.revision)\n"
	"BEGIN SELECT RAISE(ABORT,"
	" 'a scorecard is finalized only with its seal'); END;\n"
	"CREATE TRIGGER final_scorecards_INSERT BEFORE INSERT ON scorecards\n"
	"WHEN NEW.status IS NOT 0 OR EXISTS (SELECT 1 FROM scorecards\n"
	"  WHERE id = NEW.id OR uuid = NEW.uuid)\n"
	"BEGIN SELECT RAISE(ABORT, 'a scorecard is inserted as a new draft;"
	" it never replaces another'); END;\n"
	"CREATE TRIGGER scorecards_keep_sealed BEFORE DELETE ON scorecards\n"
	"WHEN OLD.status = 0 AND EXISTS (SELECT 1 FROM seals"
	" WHERE scorecard_id = OLD.id)\n"
	"BEGIN SELECT RAISE(ABORT, 'a scorecard with a finalized revision"
	" is never deleted'); END;\n"
	"CREATE TRIGGER rubrics_in_use BEFORE DELETE ON rubrics\n"
	"WHEN EXISTS (SELECT 1 FROM scorecards"
	" WHERE rubric_sha256 = OLD.sha256)\n"
	"  OR EXISTS (SELECT 1 FROM revisions"
	" WHERE rubric_sha256 = OLD.sha256)\n"
	"BEGIN SELECT RAISE(ABORT, 'a rubric snapshot in use is never"
	" deleted'); END;\n"
	"ALTER TABLE audit ADD COLUMN hash TEXT;\n"
	"DROP TRIGGER audit_append_only_update;\n"
	"CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit\n"
	"WHEN OLD.hash IS NOT NULL OR NEW.hash IS NULL\n"
	"  OR NEW.id IS NOT OLD.id OR NEW.scorecard_id IS NOT OLD.scorecard_id\n"
	"  OR NEW.at IS NOT OLD.at OR NEW.item IS NOT OLD.item\n"
	"  OR NEW.field IS NOT OLD.field OR NEW.old_value IS NOT OLD.old_value\n"
	"  OR NEW.new_value IS NOT OLD.new_value\n"
	"BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;\n"
	"CREATE TRIGGER audit_unhashed BEFORE INSERT ON audit\n"
	"WHEN NEW.hash IS NOT NULL\n"
	"BEGIN SELECT RAISE(ABORT, 'an audit row is hashed by kaohe'); END;\n"
	"CREATE TRIGGER audit_chain AFTER INSERT ON audit BEGIN\n"
	"  UPDATE audit SET hash = kaohe_audit_hash(\n"
	"    (SELECT hash FROM audit WHERE scorecard_id = NEW.scorecard_id\n"
	"     AND id < NEW.id ORDER BY id DESC LIMIT 1),\n"
	"    NEW.id, NEW.scorecard_id, NEW.at, NEW.item, NEW.field,\n"
	"    NEW.old_value, NEW.new_value)\n"
	"   WHERE id = NEW.id;\n"
	"END;\n";

/*
 * Migration n brings user_version n to n + 1. A later version appends its
 * step here and never edits an earlier one: old files upgrade in order.
 */
/*
 * Gathering (import):
 *  - notes_fts_insert skips the entries of a card that import is writing
 *    (its scorecards.scored is -1 until the card is whole): store_insert
 *    indexes a batch's notes in one statement at its commit. Indexed by
 *    the trigger an entry at a time, 100,000 cards took three times as
 *    long as all the rest of an import, since FTS5 flushes its pending
 *    terms at every statement.
 *  - imports remembers each imported card's content as it came in (its
 *    import_content_hash, src/import-content.c: version 2 since it counts
 *    evidence and team rows, version 1 in rows written before), so that
 *    a re-import can tell whether the card changed here since;
 *    conflict_of marks a conflict copy with the UUID it conflicts with.
 */
static const char schema_gather[] =
	"DROP TRIGGER notes_fts_insert;\n"
	"CREATE TRIGGER notes_fts_insert AFTER INSERT ON entries\n"
	"WHEN (SELECT scored FROM scorecards WHERE id = NEW.scorecard_id)"
	" IS NOT -1 BEGIN\n"
	NOTES_FTS_ROW("NEW")
	"END;\n"
	"CREATE TABLE imports (\n"
	"  scorecard_id INTEGER PRIMARY KEY REFERENCES scorecards(id)"
	" ON DELETE CASCADE,\n"
	"  content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),\n"
	"  imported_at TEXT NOT NULL,\n"
	"  conflict_of TEXT\n"
	") STRICT;\n";

/*
 * Version 8: section_scores_by_key goes. No query of kaohe's uses it
 * (stats reaches a card's sections by their primary key), and its
 * inserts, 17 a card all over the index, were a sixth of gathering
 * 100,000 cards.
 */
static const char schema_lean[] =
	"DROP INDEX section_scores_by_key;\n";

static const char *const migrations[] = {
	schema_v1,
	schema_v2_header,
	schema_evidence,
	schema_team,
	schema_search,
	schema_seals,
	schema_gather,
	schema_lean,
};

const int store_schema_version = sizeof migrations / sizeof migrations[0];

int
store_schema_migrate(struct store *st, int from, char **cause)
{
	int v;

	for (v = from; v < store_schema_version; v++)
		if (store_exec(st, migrations[v], cause) != 0)
			return -1;
	return 0;
}

const char *
store_schema_sql(int version)
{
	return version >= 0 && version < store_schema_version ?
	    migrations[version] : NULL;
}
