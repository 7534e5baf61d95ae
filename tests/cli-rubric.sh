# kaohe rubric list | check | show: golden output and exit codes.
# UPDATE=1 rewrites the golden files (read the diff before committing).
. "$top_srcdir/tests/lib.sh"

# Paths in messages are as given, so run from the source tree with
# relative names: the output is then the same on every machine.
cd "$top_srcdir" || exit 1

# transcript FILE ARGS...: append "$ kaohe ARGS", its stdout and stderr,
# and its exit status to FILE.
transcript() {
	local file=$1 rc=0
	shift
	printf '$ kaohe %s\n' "$*" >>"$file"
	"$KAOHE" "$@" >>"$file" 2>&1 || rc=$?
	printf '[exit %d]\n' "$rc" >>"$file"
}

# check: the bundled rubric passes; each bad file fails with one line.
: >"$tmp/check.txt"
transcript "$tmp/check.txt" rubric check rubrics/110.yaml
transcript "$tmp/check.txt" rubric check tests/data/rubric-ok/small.yaml
for f in tests/data/rubric-bad/*.yaml; do
	transcript "$tmp/check.txt" rubric check "$f"
done
transcript "$tmp/check.txt" rubric check rubrics/110.yaml \
    tests/data/rubric-bad/bad-sum.yaml
golden rubric-check.txt "$tmp/check.txt"

# The status is what scripts see, so it is asserted outright as well.
expect 0 "rubrics/110.yaml: ok (36 items, total 1000)" \
    rubric check rubrics/110.yaml
expect 1 "tests/data/rubric-bad/bad-sum.yaml:8:10: section 1.1" \
    rubric check tests/data/rubric-bad/bad-sum.yaml
checks=$((checks + 1))
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] ||
	fail "check: the error is not exactly one line: $err"
checks=$((checks + 1))
[ -z "$out" ] || fail "check: a failed check printed on stdout: $out"

# A file over the cap is refused before it is parsed.
awk 'BEGIN { for (i = 0; i < 70000; i++) printf "# %061d\n", i }' \
    >"$tmp/big.yaml"
expect 1 "too large" rubric check "$tmp/big.yaml"
expect 1 "No such file" rubric check "$tmp/none.yaml"
expect 1 "not a regular file" rubric check "$tmp"

# show: the outline and the JSON of the bundled rubric, and of a small one
# with inferred marks and a narrow width that wraps.
run rubric show 110
checks=$((checks + 1))
[ "$rc" -eq 0 ] || fail "rubric show 110: exit $rc: $err"
printf '%s\n' "$out" >"$tmp/show.txt"
golden rubric-show-110.txt "$tmp/show.txt"
for line in "合計" "36 items"; do
	checks=$((checks + 1))
	grep -q "^$line" "$tmp/show.txt" || fail "show lacks '$line'"
done
checks=$((checks + 1))
grep -q '^合計  *\*1000$' "$tmp/show.txt" ||
	fail "show: no total line of 1000 marked inferred"
# Each inferred-from is listed under the legend, after its key.
checks=$((checks + 1))
grep -q '^1\.1\.2  *評分表缺此項目列' "$tmp/show.txt" ||
	fail "show: 1.1.2's inferred-from is not under the legend"

run rubric show 110 --format json
checks=$((checks + 1))
[ "$rc" -eq 0 ] || fail "rubric show 110 --format json: exit $rc: $err"
printf '%s\n' "$out" >"$tmp/show.json"
golden rubric-show-110.json "$tmp/show.json"
checks=$((checks + 1))
[ "$(grep -c '"guidance"' "$tmp/show.json")" -ge 36 ] ||
	fail "show json: fewer than 36 guidance members"
# inferred: on the total and the eight nodes the seed does not print, with
# where each came from.
checks=$((checks + 1))
[ "$(grep -c '"inferred": \[' "$tmp/show.json")" -eq 9 ] ||
	fail "show json: want 9 inferred lists"
checks=$((checks + 1))
[ "$(grep -c '"inferred_from": ' "$tmp/show.json")" -eq 9 ] ||
	fail "show json: want 9 inferred_from texts"

run rubric show tests/data/rubric-ok/small.yaml --width 40
printf '%s\n' "$out" >"$tmp/small.txt"
golden rubric-show-small.txt "$tmp/small.txt"
run rubric show tests/data/rubric-ok/small.yaml --format=json
printf '%s\n' "$out" >"$tmp/small.json"
golden rubric-show-small.json "$tmp/small.json"

# Every line of the outline fits its width in display columns (GNU wc -L
# measures with wcwidth, as kaohe does).
for w in 40 80; do
	"$KAOHE" rubric show 110 --width "$w" >"$tmp/w.txt"
	checks=$((checks + 1))
	widest=$(wc -L <"$tmp/w.txt")
	[ "$widest" -le "$w" ] ||
		fail "show --width $w: a line is $widest columns wide"
done

# list: a rubric directory from the test data, then the bundled one.
KAOHE_RUBRIC_PATH=$top_srcdir/tests/data/rubric-ok "$KAOHE" rubric list \
    >"$tmp/list.raw" 2>&1 || fail "rubric list: exit $?"
sed "s|$top_srcdir|\$top_srcdir|g" "$tmp/list.raw" >"$tmp/list.txt"
golden rubric-list.txt "$tmp/list.txt"
checks=$((checks + 1))
KAOHE_RUBRIC_PATH=$top_srcdir/tests/data/rubric-bad "$KAOHE" rubric list \
    >/dev/null 2>&1 && fail "rubric list of bad rubrics: exit 0"

# A name found on $KAOHE_RUBRIC_PATH is shown by NAME.
KAOHE_RUBRIC_PATH=$top_srcdir/tests/data/rubric-ok "$KAOHE" rubric show \
    small >"$tmp/byname.txt" 2>&1 || fail "rubric show small: exit $?"
"$KAOHE" rubric show tests/data/rubric-ok/small.yaml >"$tmp/small80.txt"
same "$tmp/byname.txt" "$tmp/small80.txt" "show small by name and by file"

# Usage errors exit 2.
expect 2 "rubric needs list, check or show" rubric
expect 2 "unknown rubric command 'frob'" rubric frob
expect 2 "check needs a FILE" rubric check
expect 2 "show needs a NAME or FILE" rubric show
expect 2 "--format is text or json, not 'xml'" rubric show 110 --format xml
expect 2 "--width wants a whole number" rubric show 110 --width 5
expect 2 "unexpected argument 'x'" rubric list x
expect 1 "no rubric named 'nope'" rubric show nope
expect 0 "usage: kaohe rubric" rubric --help

finish
