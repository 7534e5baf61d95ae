#!/bin/sh
# The search bench: N scorecards (default 100,000) of 36 entries, each
# with a record and a rationale, and the agency's report (seed 000) on
# every 100th card, in kaohe's own schema; then the first page of
# `kaohe list --search` (50 rows, what the home screen shows first)
# beside the raw FTS5 query it rests on, and the instr scan that search
# was before. Figures only: nothing is asserted.
#
# usage: sh bench/bench-search.sh [N]   from the build directory (it needs
# ./kaohe), or with KAOHE set. WORK (default a temporary directory) keeps
# the files; KEEP=1 leaves them there, and REUSE=1 times a database that
# a KEEP=1 run left.
set -eu
n=${1:-100000}
here=$(cd "$(dirname "$0")" && pwd)
: "${KAOHE:=./kaohe}"
: "${WORK:=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-bench.XXXXXX")}"
export LC_ALL=C.UTF-8 TZ=UTC
unset KAOHE_DB XDG_DATA_HOME NO_COLOR
db=$WORK/search.db
seed=$here/../tests/data/evidence/000_db66db9cab79e5c1.txt
cleanup() { [ "${KEEP:-}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT
command -v sqlite3 >/dev/null || { echo "bench-search needs sqlite3"; exit 1; }

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
best() {	# best of five runs of "$@" >/dev/null, in milliseconds
	b=
	for r in 1 2 3 4 5; do
		t0=$(now); "$@" >/dev/null; t1=$(now)
		t=$(echo "($t1 - $t0) * 1000" | bc)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
	done
	printf '%.1f' "$b"
}

t0=$(now)
if [ "${REUSE:-}" = 1 ] && [ -s "$db" ]; then
	echo "setup: reusing $db"
else
rm -f "$db" "$db-wal" "$db-shm"
first=$("$KAOHE" --db "$db" new --agency 宜蘭分署 --date 2025-12-01 \
    --inspector 甲 --no-tui)
"$KAOHE" --db "$db" evidence add "$first" "$seed" >/dev/null
# The other cards are copies of the first, made in SQL through the same
# triggers import fires (FTS included): 20 records in turn, and a case
# number of its own on each card for a search that hits one card.
sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE c(k) AS (SELECT 2 UNION ALL SELECT k + 1 FROM c WHERE k < $n)
INSERT INTO scorecards (id, uuid, rubric_sha256, rubric_id, agency, date,
  inspectors, status, created_at, updated_at, max, items)
SELECT k, printf('%08x-0000-4000-8000-%012x', k, k), s.rubric_sha256, '110',
  (k % 13) || '分署', printf('%04d-%02d-%02d', 2016 + k % 10, 1 + k % 12,
  1 + k % 28), '甲', 0, s.created_at, printf('2025-%02d-%02dT08:00:00.000Z',
  1 + k % 12, 1 + k % 28), s.max, s.items
FROM c, scorecards AS s WHERE s.id = $first;
INSERT INTO entries (scorecard_id, position, item, record, rationale)
SELECT c.id, e.position, e.item,
  CASE (c.id * 31 + e.position) % 20
    WHEN 0 THEN '抽查臨櫃服務，民眾平均等候 5 分鐘。'
    WHEN 1 THEN '設置單一窗口，整合各項申辦業務。'
    WHEN 2 THEN '網站提供線上申辦及進度查詢。'
    WHEN 3 THEN '辦理在職訓練，每季至少 8 小時。'
    WHEN 4 THEN '電話禮貌測試成績優良。'
    ELSE '檢視相關資料，執行情形良好，案號 K' || c.id || '-' || e.position || '。'
  END,
  '給予 ' || (1 + (c.id + e.position) % 20) || ' 分。'
FROM scorecards AS c, entries AS e WHERE e.scorecard_id = $first AND c.id > $first;
INSERT INTO section_scores (scorecard_id, key, title, depth, item_first, max, items)
SELECT c.id, s.key, s.title, s.depth, s.item_first, s.max, s.items
FROM scorecards AS c, section_scores AS s WHERE s.scorecard_id = $first AND c.id > $first;
COMMIT;
SQL
# The report on every 100th card.
k=100
while [ "$k" -le "$n" ]; do
	"$KAOHE" --db "$db" evidence add "$k" "$seed" >/dev/null
	k=$((k + 100))
done
t1=$(now)
echo "setup: $n scorecards, $((n / 100)) with seed 000, in $(elapsed "$t0" "$t1") s; database $(( $(stat -c %s "$db") / 1048576 )) MiB"
fi

page() {	# label, text, raw FTS table
	q=$2
	fts=$(best "$KAOHE" --db "$db" list --search "$q" --limit 50)
	raw=$(best sqlite3 "$db" "SELECT rowid FROM $3 WHERE $3 MATCH '\"$q\"' LIMIT 50")
	scan=$(best sqlite3 "$db" "SELECT id FROM scorecards WHERE EXISTS (SELECT 1 FROM entries AS e WHERE e.scorecard_id = scorecards.id AND (instr(lower(e.record), lower('$q')) > 0 OR instr(lower(e.rationale), lower('$q')) > 0)) OR EXISTS (SELECT 1 FROM documents AS d WHERE d.scorecard_id = scorecards.id AND instr(lower(d.text), lower('$q')) > 0) ORDER BY status, updated_at DESC LIMIT 50")
	hits=$("$KAOHE" --db "$db" list --search "$q" --format csv | wc -l)
	echo "$1 \"$q\" ($((hits - 1)) cards): list --search --limit 50 $fts ms; raw FTS5 first 50 rows $raw ms; instr scan (search before FTS) $scan ms"
}
page "one card's note" "K$((n / 2))-7" notes_fts
page "the report's text" "偏鄉行動服務站" evidence_fts
page "a common record" "單一窗口" notes_fts
printf 'kaohe startup (list --limit 1): %s ms\n' "$(best "$KAOHE" --db "$db" list --limit 1)"
