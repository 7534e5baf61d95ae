#!/bin/sh
# Gathering's figures, each beside a raw baseline (nothing is asserted):
#  1. N cards as bundles (gen-scorecards -b, one per CPU, as laptops would
#     send them): `kaohe import` beside python3's json.loads of every line
#     of the same files, the parse alone;
#  2. `kaohe stats` over them beside the raw sqlite3 GROUP BY queries it
#     runs (the same three, over the same tables);
#  3. a 20,000-item rubric: import of one card, and compare of two, beside
#     json.loads of the same file and `kaohe rubric check` of the rubric.
#
# usage: sh bench/bench-gather.sh [N]      (N defaults to 100000)
# from the build directory, or with KAOHE, GEN and RUBRIC set. Run it once
# on a shared machine: the 100,000 figures take minutes, not loops.
set -eu
n=${1:-100000}
here=$(cd "$(dirname "$0")" && pwd)
: "${KAOHE:=./kaohe}"
: "${GEN:=./gen-scorecards}"
: "${RUBRIC:=$here/../rubrics/110.yaml}"
: "${WORK:=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-bench.XXXXXX")}"
export LC_ALL=C.UTF-8 TZ=UTC
unset KAOHE_DB XDG_DATA_HOME NO_COLOR
trap '[ "${KEEP:-}" = 1 ] || rm -rf "$WORK"' EXIT

# cpu CMD...: user+system seconds of CMD (its output discarded); wall too.
cpu() {
	/usr/bin/time -f "%U %S %e" -o "$WORK/time" "$@" >/dev/null
	awk '{ printf "%.2f s CPU (%.2f s wall)", $1 + $2, $3 }' "$WORK/time"
}
secs() { awk '{ printf "%.2f", $1 + $2 }' "$WORK/time"; }
ratio() { echo "scale=2; $1 / $2" | bc; }

cat >"$WORK/loads.py" <<'PY'
import json, sys
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        for line in f:
            json.loads(line)
PY

# 1. Bundles.
jobs=$(nproc 2>/dev/null || echo 2)
per=$(( (n + jobs - 1) / jobs ))
i=0; left=$n; files=
while [ "$left" -gt 0 ]; do
	k=$per; [ "$k" -gt "$left" ] && k=$left
	"$GEN" -b -n "$k" -s "$i" "$RUBRIC" >"$WORK/laptop-$i.jsonl" &
	files="$files $WORK/laptop-$i.jsonl"
	left=$((left - k)); i=$((i + 1))
done
wait
# The bundles' 1.6 GB reach the disk first: their writeback, throttling
# the import's own writes, is no part of an import.
sync
bytes=$(cat $files | wc -c)
echo "bundles: $n cards in $i files, $((bytes / 1048576)) MiB"
db=$WORK/gather.db
# shellcheck disable=SC2086
imp=$(cpu "$KAOHE" --db "$db" import $files); ti=$(secs)
# shellcheck disable=SC2086
py=$(cpu python3 "$WORK/loads.py" $files); tp=$(secs)
echo "import: $imp; python3 json.loads of the same lines: $py; ratio $(ratio "$ti" "$tp") (aim: within 5)"

# 2. stats beside its own three GROUP BYs, run raw.
st=$(cpu "$KAOHE" --db "$db" stats --status all); ts=$(secs)
if command -v sqlite3 >/dev/null; then
	raw=$(cpu sqlite3 "$db" "SELECT s.rubric_sha256, ss.key, min(ss.title),
	    count(*), avg(ss.score), min(ss.score), max(ss.score), max(ss.max)
	    FROM section_scores AS ss JOIN scorecards AS s ON s.id = ss.scorecard_id
	    GROUP BY s.rubric_sha256, ss.key;
	    SELECT rubric_sha256, agency, count(*), avg(score), min(score), max(score)
	    FROM scorecards GROUP BY rubric_sha256, agency;
	    SELECT rubric_sha256, year, count(*), avg(score), min(score), max(score)
	    FROM scorecards GROUP BY rubric_sha256, year"); tr=$(secs)
	echo "stats: $st; the raw sqlite3 GROUP BYs: $raw; ratio $(ratio "$ts" "$tr") (aim: within 2)"
else
	echo "stats: $st (no sqlite3 to compare with)"
fi

# 3. A 20,000-item rubric (the cap), as bench-rubric.sh makes it.
awk -v n=20000 'BEGIN {
	s = int((n + 9) / 10)
	printf "kaohe-rubric: 1\nid: gen%d\ntitle: 產生的評分表 %d 項\n", n, n
	printf "total: %d\nchildren:\n  - key: D1\n    title: 個別評核構面\n", n * 30
	printf "    max: %d\n    children:\n", n * 30
	left = n
	for (i = 1; i <= s; i++) {
		k = left < 10 ? left : 10; left -= k
		printf "      - key: \"%d\"\n        number: (%d)\n", i, i
		printf "        title: 服務構面 %d\n        max: %d\n", i, k * 30
		printf "        children:\n"
		for (j = 1; j <= k; j++)
			printf "          - {key: \"%d.%d\", number: \"%d.\", title: 服務人員專業度, min: 1, max: 30, tiers: [{label: 達 90%%, min: 16, max: 30}, {label: 其他, min: 1, max: 15}]}\n", i, j, j
	}
}' >"$WORK/big.yaml"
"$GEN" -n 2 -d 0 "$WORK/big.yaml" >"$WORK/big.jsonl"
head -1 "$WORK/big.jsonl" >"$WORK/big-1.jsonl"
big=$WORK/big.db
one=$(cpu "$KAOHE" --db "$big" import "$WORK/big-1.jsonl"); t1=$(secs)
pyone=$(cpu python3 "$WORK/loads.py" "$WORK/big-1.jsonl"); tpy=$(secs)
chk=$(cpu "$KAOHE" rubric check "$WORK/big.yaml")
echo "20,000 items: import of one card $one; json.loads of it $pyone (ratio $(ratio "$t1" "$tpy")); rubric check $chk"
sed -n 2p "$WORK/big.jsonl" >"$WORK/big-2.jsonl"
"$KAOHE" --db "$big" import "$WORK/big-2.jsonl" >/dev/null
cmp=$(cpu "$KAOHE" --db "$big" compare 1 2)
echo "20,000 items: compare of two cards $cmp"
