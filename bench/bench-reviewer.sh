#!/bin/sh
# The reviewer's bench: N plausible scorecards over the 110 rubric (13 分署,
# years 105-114), written as JSON Lines by gen-scorecards and driven
# through `kaohe import`; then the times of `kaohe list --format csv`
# beside a raw `sqlite3 -csv` dump of the scorecards table, of `kaohe
# stats`, and the browse screen's time to first rows and its peak RSS.
#
# usage: sh bench/bench-reviewer.sh [N]        (N defaults to 100000)
# from the build directory (it needs ./kaohe and ./gen-scorecards), or with
# KAOHE, GEN and RUBRIC set. WORK (default a temporary directory) keeps
# the files; KEEP=1 leaves them there. Figures only: nothing is asserted.
set -eu
n=${1:-100000}
here=$(cd "$(dirname "$0")" && pwd)
: "${KAOHE:=./kaohe}"
: "${GEN:=./gen-scorecards}"
: "${RUBRIC:=$here/../rubrics/110.yaml}"
: "${WORK:=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-bench.XXXXXX")}"
export LC_ALL=C.UTF-8 TZ=UTC
unset KAOHE_DB XDG_DATA_HOME NO_COLOR
db=$WORK/bench.db
session=kaohe-bench-$$
cleanup() {
	tmux kill-session -t "$session" 2>/dev/null || true
	[ "${KEEP:-}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
ratio() { echo "scale=2; $1 / $2" | bc; }

# Generate in as many files as there are CPUs, in parallel, each its seed.
# REUSE=1 takes the files a KEEP=1 run left in WORK.
jobs=$(nproc 2>/dev/null || echo 2)
per=$(( (n + jobs - 1) / jobs ))
t0=$(now)
i=0; left=$n; files=
while [ "$left" -gt 0 ]; do
	k=$per; [ "$k" -gt "$left" ] && k=$left
	if [ "${REUSE:-}" != 1 ] || [ ! -s "$WORK/cards-$i.jsonl" ]; then
		"$GEN" -n "$k" -s "$i" "$RUBRIC" >"$WORK/cards-$i.jsonl" &
	fi
	files="$files $WORK/cards-$i.jsonl"
	left=$((left - k)); i=$((i + 1))
done
wait
t1=$(now)
bytes=$(cat $files | wc -c)
echo "generate: $n scorecards, $((bytes / 1048576)) MiB of JSON Lines in $(elapsed "$t0" "$t1") s ($i files)"

rm -f "$db" "$db-wal" "$db-shm"
t0=$(now)
# shellcheck disable=SC2086
/usr/bin/time -f "%M" -o "$WORK/import.rss" "$KAOHE" --db "$db" import $files
t1=$(now)
echo "import: $(elapsed "$t0" "$t1") s, peak RSS $(cat "$WORK/import.rss") KiB, database $(( $(stat -c %s "$db") / 1048576 )) MiB"

best() {	# best of three runs of "$@" >/dev/null, in seconds
	b=
	for r in 1 2 3; do
		t0=$(now); "$@" >/dev/null; t1=$(now)
		t=$(elapsed "$t0" "$t1")
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
	done
	echo "$b"
}
list=$(best "$KAOHE" --db "$db" list --format csv)
raw=
if command -v sqlite3 >/dev/null; then
	raw=$(best sqlite3 -csv -header "$db" "SELECT * FROM scorecards ORDER BY status, updated_at DESC")
	echo "list --format csv: $list s; sqlite3 -csv of the scorecards table: $raw s; ratio $(ratio "$list" "$raw") (aim: within 1.5)"
else
	echo "list --format csv: $list s (no sqlite3 to compare with)"
fi
rows=$("$KAOHE" --db "$db" list --format csv | wc -l)
echo "list rows: $((rows - 1))"
echo "stats: $(best "$KAOHE" --db "$db" stats) s; stats --year 110: $(best "$KAOHE" --db "$db" stats --year 110) s; stats --agency 臺南: $(best "$KAOHE" --db "$db" stats --agency 臺南) s"

# The browse screen: time from start to the first row of scorecards on
# screen, polled from tmux, and the peak RSS (VmHWM) of the process.
if command -v tmux >/dev/null; then
	t0=$(now)
	tmux new-session -d -s "$session" -x 120 -y 40 "$KAOHE --db $db"
	pid=$(tmux display -p -t "$session" '#{pane_pid}')
	seen=
	tries=0
	while [ "$tries" -lt 3000 ]; do
		if tmux capture-pane -p -t "$session" | grep -q '分署'; then
			seen=1; break
		fi
		tries=$((tries + 1))
		sleep 0.01
	done
	t1=$(now)
	hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo '?')
	if [ -n "$seen" ]; then
		echo "browse: first rows after $(elapsed "$t0" "$t1") s, VmHWM $hwm KiB"
	else
		echo "browse: no row on screen after 30 s; screen was:"
		tmux capture-pane -p -t "$session" | head -10
	fi
	tmux kill-session -t "$session" 2>/dev/null || true
else
	echo "browse: tmux not found, skipped"
fi
