-- A kaohe database of schema 5, from before seals (kaohe at 696852f):
-- `sqlite3 .dump` of a final card over tests/data/rubric-ok/small.yaml, a
-- draft with an edited header and a deleted draft. cli-seal.sh loads it,
-- sets user_version 5 and the application_id, and lets kaohe upgrade it.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE rubrics (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  rubric_id TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL
) STRICT;
INSERT INTO rubrics VALUES('283373daed9ec35fde2280d3691f78b62965c7ddf1f20933cea91d78e643751f','small','小考核',replace('# a small rubric\nkaohe-rubric: 1\nid: small\ntitle: 小考核\ntotal: 100\nchildren:\n  - key: D1\n    title: 構面一\n    max: 60\n    children:\n      - key: "1"\n        number: 一、\n        title: 基礎\n        max: 60\n        children:\n          - key: "1.1"\n            number: "1."\n            title: 正確\n            min: 1\n            max: 30\n            tiers:\n              - {label: 達 90% 以上。, min: 26, max: 30}\n              - {label: 其他, min: 1, max: 25}\n          - key: "1.2"\n            number: "2."\n            title: 及時\n            inferred: [title]\n            min: 0\n            max: 30\n  - key: D2\n    title: 構面二\n    max: 40\n    children:\n      - {key: "2.1", title: 開放, min: 1, max: 20}\n      - {key: "2.2", title: 創新, min: 1, max: 20, guidance: "多想想"}\n','\n',char(10)));
CREATE TABLE scorecards (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
  rubric_sha256 TEXT NOT NULL REFERENCES rubrics(sha256),
  rubric_id TEXT NOT NULL,
  agency TEXT NOT NULL,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  year INTEGER AS (CAST(substr(date, 1, 4) AS INTEGER)),
  inspectors TEXT NOT NULL,
  status INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finalized_at TEXT NOT NULL DEFAULT '',
  score INTEGER NOT NULL DEFAULT 0,
  max INTEGER NOT NULL,
  scored INTEGER NOT NULL DEFAULT 0,
  items INTEGER NOT NULL
) STRICT;
INSERT INTO scorecards VALUES(1,'3737d61a-6054-49ff-b912-9d3b7d26366c','283373daed9ec35fde2280d3691f78b62965c7ddf1f20933cea91d78e643751f','small','臺南分署','2021-08-06','甲、乙',1,'2026-12-01T09:20:44.538Z','2026-12-01T09:20:44.986Z','2026-12-01T09:20:44.986Z',58,100,4,4);
INSERT INTO scorecards VALUES(2,'3a200a6f-afa7-4067-8a0f-4c5afc718424','283373daed9ec35fde2280d3691f78b62965c7ddf1f20933cea91d78e643751f','small','宜蘭分署二','2021-09-01','丙',0,'2026-12-01T09:20:45.058Z','2026-12-01T09:20:45.210Z','',12,100,1,4);
CREATE TABLE inspectors (
  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (scorecard_id, position)
) STRICT;
INSERT INTO inspectors VALUES(1,0,'甲');
INSERT INTO inspectors VALUES(1,1,'乙');
INSERT INTO inspectors VALUES(2,0,'丙');
CREATE TABLE entries (
  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  item TEXT NOT NULL,
  score INTEGER,
  tier INTEGER CHECK (tier IS NULL OR tier >= 1),
  record TEXT NOT NULL DEFAULT '',
  rationale TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (scorecard_id, position),
  UNIQUE (scorecard_id, item)
) STRICT;
INSERT INTO entries VALUES(1,0,'1.1',28,1,'','給予 28 分');
INSERT INTO entries VALUES(1,1,'1.2',10,NULL,'','');
INSERT INTO entries VALUES(1,2,'2.1',10,NULL,'','');
INSERT INTO entries VALUES(1,3,'2.2',10,NULL,'','');
INSERT INTO entries VALUES(2,0,'1.1',NULL,NULL,'','');
INSERT INTO entries VALUES(2,1,'1.2',12,NULL,'紀錄','');
INSERT INTO entries VALUES(2,2,'2.1',NULL,NULL,'','');
INSERT INTO entries VALUES(2,3,'2.2',NULL,NULL,'','');
CREATE TABLE section_scores (
  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  title TEXT NOT NULL,
  depth INTEGER NOT NULL,
  item_first INTEGER NOT NULL,
  score INTEGER NOT NULL DEFAULT 0,
  max INTEGER NOT NULL,
  scored INTEGER NOT NULL DEFAULT 0,
  items INTEGER NOT NULL,
  PRIMARY KEY (scorecard_id, key)
) STRICT;
INSERT INTO section_scores VALUES(1,'D1','構面一',1,0,38,60,2,2);
INSERT INTO section_scores VALUES(1,'1','基礎',2,0,38,60,2,2);
INSERT INTO section_scores VALUES(1,'D2','構面二',1,2,20,40,2,2);
INSERT INTO section_scores VALUES(2,'D1','構面一',1,0,12,60,1,2);
INSERT INTO section_scores VALUES(2,'1','基礎',2,0,12,60,1,2);
INSERT INTO section_scores VALUES(2,'D2','構面二',1,2,0,40,0,2);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  scorecard_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  item TEXT NOT NULL DEFAULT '',
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
) STRICT;
INSERT INTO audit VALUES(1,1,'2026-12-01T09:20:44.538Z','','created',NULL,'3737d61a-6054-49ff-b912-9d3b7d26366c');
INSERT INTO audit VALUES(2,1,'2026-12-01T09:20:44.592Z','1.1','score',NULL,'10');
INSERT INTO audit VALUES(3,1,'2026-12-01T09:20:44.592Z','1.1','tier',NULL,'2');
INSERT INTO audit VALUES(4,1,'2026-12-01T09:20:44.649Z','1.2','score',NULL,'10');
INSERT INTO audit VALUES(5,1,'2026-12-01T09:20:44.704Z','2.1','score',NULL,'10');
INSERT INTO audit VALUES(6,1,'2026-12-01T09:20:44.754Z','2.2','score',NULL,'10');
INSERT INTO audit VALUES(7,1,'2026-12-01T09:20:44.814Z','1.1','score','10','28');
INSERT INTO audit VALUES(8,1,'2026-12-01T09:20:44.814Z','1.1','tier','2','1');
INSERT INTO audit VALUES(9,1,'2026-12-01T09:20:44.888Z','1.1','rationale','','給予 28 分');
INSERT INTO audit VALUES(10,1,'2026-12-01T09:20:44.986Z','','status','draft','final');
INSERT INTO audit VALUES(11,2,'2026-12-01T09:20:45.058Z','','created',NULL,'3a200a6f-afa7-4067-8a0f-4c5afc718424');
INSERT INTO audit VALUES(12,2,'2026-12-01T09:20:45.107Z','1.2','score',NULL,'12');
INSERT INTO audit VALUES(13,2,'2026-12-01T09:20:45.163Z','1.2','record','','紀錄');
INSERT INTO audit VALUES(14,2,'2026-12-01T09:20:45.210Z','','agency','宜蘭分署','宜蘭分署二');
INSERT INTO audit VALUES(15,3,'2026-12-01T09:20:45.256Z','','created',NULL,'4656066e-9e63-442d-8df8-efdfb8c46953');
INSERT INTO audit VALUES(16,3,'2026-12-01T09:20:45.308Z','','deleted','4656066e-9e63-442d-8df8-efdfb8c46953',NULL);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  file_name TEXT NOT NULL,
  title TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  added_at TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (scorecard_id, position),
  UNIQUE (scorecard_id, sha256)
) STRICT;
CREATE TABLE document_sections (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  parent INTEGER NOT NULL,
  depth INTEGER NOT NULL,
  line INTEGER NOT NULL,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  start INTEGER NOT NULL,
  body_end INTEGER NOT NULL,
  end INTEGER NOT NULL,
  UNIQUE (document_id, position)
) STRICT;
CREATE TABLE document_matches (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  node TEXT NOT NULL,
  section INTEGER,
  corrected INTEGER NOT NULL DEFAULT 0 CHECK (corrected IN (0, 1)),
  PRIMARY KEY (document_id, node)
) STRICT;
CREATE TABLE scopes (
  scorecard_id INTEGER PRIMARY KEY REFERENCES scorecards(id) ON DELETE CASCADE,
  keys TEXT NOT NULL CHECK (keys <> '')
) STRICT;
CREATE TABLE teams (
  scorecard_id INTEGER PRIMARY KEY REFERENCES scorecards(id) ON DELETE CASCADE,
  lead TEXT NOT NULL,
  tolerance INTEGER NOT NULL CHECK (tolerance BETWEEN 0 AND 100)
) STRICT;
CREATE TABLE team_members (
  scorecard_id INTEGER NOT NULL REFERENCES teams(scorecard_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  uuid TEXT NOT NULL CHECK (length(uuid) = 36),
  inspectors TEXT NOT NULL,
  fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
  PRIMARY KEY (scorecard_id, position),
  UNIQUE (scorecard_id, uuid)
) STRICT;
CREATE TABLE team_marks (
  scorecard_id INTEGER NOT NULL,
  member INTEGER NOT NULL,
  position INTEGER NOT NULL,
  score INTEGER NOT NULL,
  tier INTEGER CHECK (tier IS NULL OR tier >= 1),
  record TEXT NOT NULL,
  rationale TEXT NOT NULL,
  PRIMARY KEY (scorecard_id, member, position),
  FOREIGN KEY (scorecard_id, member) REFERENCES team_members(scorecard_id, position) ON DELETE CASCADE
) STRICT;
CREATE TABLE team_items (
  scorecard_id INTEGER NOT NULL REFERENCES teams(scorecard_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
  how TEXT CHECK (how IN ('single', 'mean', 'consensus', 'median', 'rescore')),
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (scorecard_id, position)
) STRICT;
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','notes_fts','notes_fts',0,'CREATE VIRTUAL TABLE notes_fts USING fts5(record, rationale, content = ''entries'', content_rowid = ''rowid'', tokenize = ''trigram'')');
CREATE TABLE IF NOT EXISTS 'notes_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO notes_fts_data VALUES(1,X'020005');
INSERT INTO notes_fts_data VALUES(10,X'000000000101010001010101');
INSERT INTO notes_fts_data VALUES(137438953473,X'0000003e043020323801060101040103323820010601010501053820e5888601060101060105e4ba88203201060101030107e7b5a6e4ba88200106010102040a0a0c0c');
CREATE TABLE IF NOT EXISTS 'notes_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO notes_fts_idx VALUES(1,X'',2);
CREATE TABLE IF NOT EXISTS 'notes_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO notes_fts_docsize VALUES(1,X'0005');
INSERT INTO notes_fts_docsize VALUES(6,X'0000');
CREATE TABLE IF NOT EXISTS 'notes_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO notes_fts_config VALUES('version',4);
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','evidence_fts','evidence_fts',0,'CREATE VIRTUAL TABLE evidence_fts USING fts5(body, tokenize = ''trigram'')');
CREATE TABLE IF NOT EXISTS 'evidence_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO evidence_fts_data VALUES(1,X'');
INSERT INTO evidence_fts_data VALUES(10,X'00000000000000');
CREATE TABLE IF NOT EXISTS 'evidence_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS 'evidence_fts_content'(id INTEGER PRIMARY KEY, c0);
CREATE TABLE IF NOT EXISTS 'evidence_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE IF NOT EXISTS 'evidence_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO evidence_fts_config VALUES('version',4);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('scorecards',3);
CREATE INDEX scorecards_by_agency ON scorecards(agency);
CREATE INDEX scorecards_by_date ON scorecards(date);
CREATE INDEX scorecards_by_year ON scorecards(year);
CREATE INDEX scorecards_by_status ON scorecards(status, updated_at DESC, id DESC);
CREATE INDEX scorecards_by_rubric ON scorecards(rubric_id);
CREATE INDEX scorecards_by_updated ON scorecards(updated_at);
CREATE INDEX scorecards_by_score ON scorecards(score);
CREATE INDEX scorecards_by_inspectors ON scorecards(inspectors);
CREATE INDEX section_scores_by_key ON section_scores(key, score);
CREATE INDEX audit_by_scorecard ON audit(scorecard_id, id);
CREATE TRIGGER final_scorecards_UPDATE BEFORE UPDATE ON scorecards
WHEN OLD.status = 1 BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_scorecards_DELETE BEFORE DELETE ON scorecards
WHEN OLD.status = 1 BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_entries_INSERT BEFORE INSERT ON entries
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_entries_UPDATE BEFORE UPDATE ON entries
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_entries_DELETE BEFORE DELETE ON entries
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_inspectors_INSERT BEFORE INSERT ON inspectors
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_inspectors_UPDATE BEFORE UPDATE ON inspectors
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_inspectors_DELETE BEFORE DELETE ON inspectors
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_section_scores_INSERT BEFORE INSERT ON section_scores
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_section_scores_UPDATE BEFORE UPDATE ON section_scores
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_section_scores_DELETE BEFORE DELETE ON section_scores
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER rubrics_immutable BEFORE UPDATE ON rubrics
BEGIN SELECT RAISE(ABORT, 'a rubric snapshot never changes'); END;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_created AFTER INSERT ON scorecards BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, new_value)
  VALUES (NEW.id, NEW.created_at, '', 'created', NEW.uuid);
END;
CREATE TRIGGER audit_status AFTER UPDATE OF status ON scorecards
WHEN OLD.status IS NOT NEW.status BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES (NEW.id, CASE WHEN NEW.finalized_at <> '' THEN NEW.finalized_at ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now') END, '', 'status',
    CASE OLD.status WHEN 1 THEN 'final' ELSE 'draft' END,
    CASE NEW.status WHEN 1 THEN 'final' ELSE 'draft' END);
END;
CREATE TRIGGER audit_deleted AFTER DELETE ON scorecards BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value)
  VALUES (OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '', 'deleted', OLD.uuid);
END;
CREATE TRIGGER audit_rationale AFTER UPDATE OF rationale ON entries
WHEN OLD.rationale IS NOT NEW.rationale BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES (NEW.scorecard_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NEW.item, 'rationale', CAST(OLD.rationale AS TEXT), CAST(NEW.rationale AS TEXT));
END;
CREATE TRIGGER audit_record AFTER UPDATE OF record ON entries
WHEN OLD.record IS NOT NEW.record BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES (NEW.scorecard_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NEW.item, 'record', CAST(OLD.record AS TEXT), CAST(NEW.record AS TEXT));
END;
CREATE TRIGGER audit_tier AFTER UPDATE OF tier ON entries
WHEN OLD.tier IS NOT NEW.tier BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES (NEW.scorecard_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NEW.item, 'tier', CAST(OLD.tier AS TEXT), CAST(NEW.tier AS TEXT));
END;
CREATE TRIGGER audit_score AFTER UPDATE OF score ON entries
WHEN OLD.score IS NOT NEW.score BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES (NEW.scorecard_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NEW.item, 'score', CAST(OLD.score AS TEXT), CAST(NEW.score AS TEXT));
END;
CREATE TRIGGER sums_update AFTER UPDATE OF score ON entries
WHEN OLD.score IS NOT NEW.score BEGIN
  UPDATE scorecards SET
    score = (SELECT coalesce(sum(score), 0) FROM entries
             WHERE scorecard_id = NEW.scorecard_id),
    scored = (SELECT count(score) FROM entries
              WHERE scorecard_id = NEW.scorecard_id)
   WHERE id = NEW.scorecard_id;
  UPDATE section_scores SET
    score = (SELECT coalesce(sum(e.score), 0) FROM entries AS e
             WHERE e.scorecard_id = section_scores.scorecard_id
               AND e.position >= section_scores.item_first
               AND e.position < section_scores.item_first + section_scores.items),
    scored = (SELECT count(e.score) FROM entries AS e
             WHERE e.scorecard_id = section_scores.scorecard_id
               AND e.position >= section_scores.item_first
               AND e.position < section_scores.item_first + section_scores.items)
   WHERE scorecard_id = NEW.scorecard_id
     AND NEW.position >= item_first
     AND NEW.position < item_first + items;
END;
CREATE TRIGGER sums_insert AFTER INSERT ON entries
WHEN NEW.score IS NOT NULL AND (SELECT scored FROM scorecards
  WHERE id = NEW.scorecard_id) >= 0 BEGIN
  UPDATE scorecards SET
    score = (SELECT coalesce(sum(score), 0) FROM entries
             WHERE scorecard_id = NEW.scorecard_id),
    scored = (SELECT count(score) FROM entries
              WHERE scorecard_id = NEW.scorecard_id)
   WHERE id = NEW.scorecard_id;
  UPDATE section_scores SET
    score = (SELECT coalesce(sum(e.score), 0) FROM entries AS e
             WHERE e.scorecard_id = section_scores.scorecard_id
               AND e.position >= section_scores.item_first
               AND e.position < section_scores.item_first + section_scores.items),
    scored = (SELECT count(e.score) FROM entries AS e
             WHERE e.scorecard_id = section_scores.scorecard_id
               AND e.position >= section_scores.item_first
               AND e.position < section_scores.item_first + section_scores.items)
   WHERE scorecard_id = NEW.scorecard_id
     AND NEW.position >= item_first
     AND NEW.position < item_first + items;
END;
CREATE TRIGGER touch_entry AFTER UPDATE ON entries
WHEN OLD.score IS NOT NEW.score OR OLD.tier IS NOT NEW.tier
  OR OLD.record IS NOT NEW.record OR OLD.rationale IS NOT NEW.rationale BEGIN
  UPDATE scorecards SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
   WHERE id = NEW.scorecard_id;
END;
CREATE TRIGGER audit_agency AFTER UPDATE OF agency ON scorecards
WHEN OLD.agency IS NOT NEW.agency BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '', 'agency', OLD.agency, NEW.agency);
END;
CREATE TRIGGER audit_date AFTER UPDATE OF date ON scorecards
WHEN OLD.date IS NOT NEW.date BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '', 'date', OLD.date, NEW.date);
END;
CREATE TRIGGER audit_inspectors AFTER UPDATE OF inspectors ON scorecards
WHEN OLD.inspectors IS NOT NEW.inspectors BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES (NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), '', 'inspectors', OLD.inspectors, NEW.inspectors);
END;
CREATE INDEX documents_by_scorecard ON documents(scorecard_id, position);
CREATE TRIGGER final_documents_INSERT BEFORE INSERT ON documents
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_documents_UPDATE BEFORE UPDATE ON documents
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_documents_DELETE BEFORE DELETE ON documents
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_document_sections_INSERT BEFORE INSERT ON document_sections
WHEN (SELECT s.status FROM scorecards AS s JOIN documents AS d ON d.scorecard_id = s.id WHERE d.id = NEW.document_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_document_sections_UPDATE BEFORE UPDATE ON document_sections
WHEN (SELECT s.status FROM scorecards AS s JOIN documents AS d ON d.scorecard_id = s.id WHERE d.id = OLD.document_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_document_sections_DELETE BEFORE DELETE ON document_sections
WHEN (SELECT s.status FROM scorecards AS s JOIN documents AS d ON d.scorecard_id = s.id WHERE d.id = OLD.document_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_document_matches_INSERT BEFORE INSERT ON document_matches
WHEN (SELECT s.status FROM scorecards AS s JOIN documents AS d ON d.scorecard_id = s.id WHERE d.id = NEW.document_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_document_matches_UPDATE BEFORE UPDATE ON document_matches
WHEN (SELECT s.status FROM scorecards AS s JOIN documents AS d ON d.scorecard_id = s.id WHERE d.id = OLD.document_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_document_matches_DELETE BEFORE DELETE ON document_matches
WHEN (SELECT s.status FROM scorecards AS s JOIN documents AS d ON d.scorecard_id = s.id WHERE d.id = OLD.document_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE INDEX team_members_by_uuid ON team_members(uuid);
CREATE TRIGGER final_scopes_INSERT BEFORE INSERT ON scopes
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_scopes_UPDATE BEFORE UPDATE ON scopes
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_scopes_DELETE BEFORE DELETE ON scopes
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_teams_INSERT BEFORE INSERT ON teams
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_teams_UPDATE BEFORE UPDATE ON teams
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_teams_DELETE BEFORE DELETE ON teams
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_team_members_INSERT BEFORE INSERT ON team_members
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_team_members_UPDATE BEFORE UPDATE ON team_members
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_team_members_DELETE BEFORE DELETE ON team_members
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_team_marks_INSERT BEFORE INSERT ON team_marks
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_team_marks_UPDATE BEFORE UPDATE ON team_marks
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_team_marks_DELETE BEFORE DELETE ON team_marks
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_team_items_INSERT BEFORE INSERT ON team_items
WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_team_items_UPDATE BEFORE UPDATE ON team_items
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER final_team_items_DELETE BEFORE DELETE ON team_items
WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 1
BEGIN SELECT RAISE(ABORT, 'scorecard is finalized; it cannot be changed'); END;
CREATE TRIGGER audit_team_reason AFTER UPDATE OF reason ON team_items
WHEN OLD.reason IS NOT NEW.reason BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES (NEW.scorecard_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    (SELECT item FROM entries WHERE scorecard_id = NEW.scorecard_id AND position = NEW.position), 'reason', OLD.reason, NEW.reason);
  UPDATE scorecards SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.scorecard_id;
END;
CREATE TRIGGER audit_team_how AFTER UPDATE OF how ON team_items
WHEN OLD.how IS NOT NEW.how BEGIN
  INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES (NEW.scorecard_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    (SELECT item FROM entries WHERE scorecard_id = NEW.scorecard_id AND position = NEW.position), 'how', OLD.how, NEW.how);
  UPDATE scorecards SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.scorecard_id;
END;
CREATE TRIGGER notes_fts_insert AFTER INSERT ON entries BEGIN
INSERT INTO notes_fts (rowid, record, rationale) SELECT NEW.rowid, NEW.record, NEW.rationale WHERE NEW.record <> '' OR NEW.rationale <> '';
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON entries BEGIN
INSERT INTO notes_fts (notes_fts, rowid, record, rationale) SELECT 'delete', OLD.rowid, OLD.record, OLD.rationale WHERE OLD.record <> '' OR OLD.rationale <> '';
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF record, rationale ON entries
WHEN OLD.record IS NOT NEW.record OR OLD.rationale IS NOT NEW.rationale BEGIN
INSERT INTO notes_fts (notes_fts, rowid, record, rationale) SELECT 'delete', OLD.rowid, OLD.record, OLD.rationale WHERE OLD.record <> '' OR OLD.rationale <> '';
INSERT INTO notes_fts (rowid, record, rationale) SELECT NEW.rowid, NEW.record, NEW.rationale WHERE NEW.record <> '' OR NEW.rationale <> '';
END;
CREATE TRIGGER evidence_fts_insert AFTER INSERT ON document_sections BEGIN
  INSERT INTO evidence_fts (rowid, body) SELECT NEW.id, CAST(substr(CAST(d.text AS BLOB), NEW.start + 1, NEW.body_end - NEW.start) AS TEXT) FROM documents AS d WHERE d.id = NEW.document_id;
END;
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON document_sections BEGIN
  DELETE FROM evidence_fts WHERE rowid = OLD.id;
END;
PRAGMA writable_schema=OFF;
COMMIT;
