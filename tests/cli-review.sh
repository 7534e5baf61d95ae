# The reviewer's commands on a small fixed data set: import (and its
# refusals), compare, stats and list's filters, with golden output, and
# the round trip export -> import -> export, byte for byte.
#
# The data set: tests/data/import-review/set.jsonl (gen-scorecards -n 8
# -s 42 -d 25 over rubrics/110.yaml, then -n 2 -s 43 -d 0 over the test
# variant rubric-t111.yaml), then the real 臺南分署 110 scorecard.
. "$top_srcdir/tests/lib.sh"

data=$top_srcdir/tests/data

# import: 10 records of JSON Lines, then one pretty export.
expect 0 "imported 10, updated 0, skipped 0 already present, 0 conflicts" \
    import "$data/import-review/set.jsonl"
expect 0 "imported 1, updated 0, skipped 0 already present, 0 conflicts" \
    import "$data/import-good/tainan-110.json"
# Again: every UUID is present, nothing is duplicated.
expect 0 "imported 0, updated 0, skipped 11 already present, 0 conflicts" \
    import "$data/import-review/set.jsonl" "$data/import-good/tainan-110.json"
run list --format csv
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | wc -l)" -eq 12 ] || fail "11 scorecards after a second import: $out"
"$KAOHE" --db "$db" list --format csv >"$tmp/list-before"

# One bad record refuses the batch: every bad record is named, nothing lands.
expect 1 "nothing was imported" import "$data/import-good/two.jsonl" \
    "$data/import-bad/bad-lines.jsonl"
case $err in
*"bad-lines.jsonl:2: "*"1.1.1"*"0 is out of range 1~30"*) ;;
*) fail "the bad JSON Lines record is named by its line: $err" ;;
esac
case $err in
*"bad-lines.jsonl:3:14: a trailing comma before '}'"*) ;;
*) fail "the syntax error is named by line and column: $err" ;;
esac
case $err in
*"refused: 2 bad records of 5; nothing was imported"*) ;;
*) fail "the batch's summary: $err" ;;
esac
# The same scorecard twice in one batch goes in once.
checks=$((checks + 1))
"$KAOHE" --db "$tmp/twice.db" import "$data/import-good/tainan-110.json" \
    "$data/import-good/tainan-110.json" >"$tmp/out" 2>&1
grep -q "imported 1, updated 0, skipped 1 already present, 0 conflicts" "$tmp/out" ||
    fail "one batch, one UUID twice: $(cat "$tmp/out")"
expect 1 "wrong-sum.json:" import "$data/import-bad/wrong-sum.json"
# Standard input, named as such; all present already, so all skipped.
checks=$((checks + 1))
"$KAOHE" --db "$db" import - <"$data/import-good/tainan-110.json" \
    >"$tmp/out" 2>&1 || fail "import - : $(cat "$tmp/out")"
grep -q "imported 0, updated 0, skipped 1 already present, 0 conflicts" "$tmp/out" ||
    fail "import - : $(cat "$tmp/out")"
expect 1 "standard input: no records (the file is empty)" import - </dev/null
expect 1 "sha256 does not match" import "$data/import-bad/tampered-sha.json"
expect 1 "nosuch.json: No such file" import "$tmp/nosuch.json"
expect 2 "import needs a FILE" import
"$KAOHE" --db "$db" list --format csv >"$tmp/list-after"
same "$tmp/list-before" "$tmp/list-after" "the list after refused imports"

# compare: one agency year over year (2018 then 2021, one rubric) ...
"$KAOHE" --db "$db" compare 1 11 >"$tmp/out" 2>&1
golden review-compare-tainan.txt "$tmp/out"
checks=$((checks + 1))
if grep -q "$(printf '\033')" "$tmp/out"; then fail "colour when not a tty"; fi
# ... two agencies, where one is a draft (partial sums marked) ...
"$KAOHE" --db "$db" compare 2 3 >"$tmp/out" 2>&1
golden review-compare-draft.txt "$tmp/out"
# ... and across rubrics: unmatched items on both sides.
"$KAOHE" --db "$db" compare 8 9 >"$tmp/out" 2>&1
golden review-compare-rubrics.txt "$tmp/out"
"$KAOHE" --db "$db" compare 8 9 --format json >"$tmp/out" 2>&1
golden review-compare-rubrics.json "$tmp/out"
# On a terminal (a tmux pane) a gain is green and a loss red, unless
# NO_COLOR is set. capture-pane -e shows the attributes as escapes.
tmux_bin=${TMUX_BIN:-$(command -v tmux 2>/dev/null || true)}
if [ -n "$tmux_bin" ]; then
	colour_run() {	# colour_run ENV: the pane's screen, escapes kept
		"$tmux_bin" -L "kaohe-review-$$" -f /dev/null kill-server \
		    >/dev/null 2>&1
		"$tmux_bin" -L "kaohe-review-$$" -f /dev/null new-session -d \
		    -x 100 -y 80 "env -u NO_COLOR $1 TERM=screen '$KAOHE' \
		    --db '$db' compare 1 11; echo '[done]'; sleep 60"
		tries=0
		while [ "$tries" -lt 600 ]; do	# 60 s at most, for ASan
			"$tmux_bin" -L "kaohe-review-$$" capture-pane -p -e -t 0 \
			    >"$tmp/pane" 2>/dev/null
			grep -q '\[done\]' "$tmp/pane" && break
			tries=$((tries + 1)); sleep 0.1
		done
		"$tmux_bin" -L "kaohe-review-$$" -f /dev/null kill-server \
		    >/dev/null 2>&1
	}
	esc=$(printf '\033')
	colour_run ""
	checks=$((checks + 1))
	grep -q "${esc}\[[0-9;]*32m *+150" "$tmp/pane" ||
	    fail "a gain is green on a tty: $(head -8 "$tmp/pane")"
	colour_run "NO_COLOR=1"
	checks=$((checks + 1))
	grep -q '+150' "$tmp/pane" || fail "compare ran under NO_COLOR"
	checks=$((checks + 1))
	if grep -q "${esc}\[[0-9;]*3[12]m" "$tmp/pane"; then
		fail "colour under NO_COLOR"
	fi
fi
expect 2 "compare needs two scorecard IDs" compare 1
expect 2 "--format is text or json" compare 1 2 --format xml
expect 1 "999" compare 1 999

# stats: the whole set, filtered, each format, and an honest empty result.
"$KAOHE" --db "$db" stats --status all >"$tmp/out" 2>&1
golden review-stats.txt "$tmp/out"
"$KAOHE" --db "$db" stats --ascii --status final >"$tmp/out" 2>&1
golden review-stats-final-ascii.txt "$tmp/out"
# Final cards are the default: a draft's partial sum does not count.
"$KAOHE" --db "$db" stats --ascii >"$tmp/out" 2>&1
golden review-stats-final-ascii.txt "$tmp/out"
LC_ALL=C "$KAOHE" --db "$db" stats --agency 花蓮 >"$tmp/out" 2>&1
golden review-stats-hualien-c-locale.txt "$tmp/out"
"$KAOHE" --db "$db" stats --year 110 --format csv >"$tmp/out" 2>&1
golden review-stats-110.csv "$tmp/out"
"$KAOHE" --db "$db" stats --rubric t111 --format json >"$tmp/out" 2>&1
golden review-stats-t111.json "$tmp/out"
expect 0 "no scorecards match the filter" stats --agency 金門
expect 0 "no scorecards match the filter" stats --year 2001
expect 2 "--status is final, draft or all" stats --status done
expect 2 "--format is text, csv or json" stats --format xml

# list's filters on the same data.
"$KAOHE" --db "$db" list --agency 臺中 >"$tmp/out" 2>&1
golden review-list-taichung.txt "$tmp/out"
"$KAOHE" --db "$db" list --year 110 --format csv >"$tmp/out" 2>&1
golden review-list-110.csv "$tmp/out"
"$KAOHE" --db "$db" list --status draft --format json >"$tmp/out" 2>&1
golden review-list-draft.json "$tmp/out"
"$KAOHE" --db "$db" list --rubric t111 --sort score >"$tmp/out" 2>&1
golden review-list-t111.txt "$tmp/out"

# Round trip: export every scorecard, import them all into a new database
# in the same order, export again: the same bytes.
db2=$tmp/other.db
for id in 1 2 3 4 5 6 7 8 9 10 11; do
	"$KAOHE" --db "$db" export "$id" --format json >"$tmp/a-$id.json"
done
"$KAOHE" --db "$db2" import "$tmp"/a-1.json "$tmp"/a-2.json "$tmp"/a-3.json \
    "$tmp"/a-4.json "$tmp"/a-5.json "$tmp"/a-6.json "$tmp"/a-7.json \
    "$tmp"/a-8.json "$tmp"/a-9.json "$tmp"/a-10.json "$tmp"/a-11.json \
    >/dev/null
for id in 1 2 3 4 5 6 7 8 9 10 11; do
	"$KAOHE" --db "$db2" export "$id" --format json >"$tmp/b-$id.json"
	same "$tmp/a-$id.json" "$tmp/b-$id.json" "export of $id after the round trip"
done

finish
