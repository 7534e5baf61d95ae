# Corrections and the review (issue 10): `check` on the replayed 臺南分署
# card, `edit`, `undo`, finalize's warnings, one rule for text in import,
# and notes stored the same way however they arrive.
. "$top_srcdir/tests/lib.sh"
data=$top_srcdir/tests/data
export KAOHE_TODAY=2026-12-01

id=$(KAOHE=$KAOHE sh "$data/tainan-110.sh" "$db") ||
	{ fail "replay"; finish; exit 1; }
# A copy of it a year later, for the swing check below (a second replay
# would take seconds): another UUID, another date, imported as a draft.
"$KAOHE" --db "$db" export "$id" --format json |
    sed -e 's/"uuid": "[^"]*"/"uuid": "00000000-0000-4000-8000-000000000001"/' \
    -e 's/"date": "2021-08-06"/"date": "2022-08-05"/' >"$tmp/later.json"
grep -q '"uuid": "00000000-0000-4000-8000-000000000001"' "$tmp/later.json" ||
	fail "the copy's UUID"

# check: exit 1, the findings exactly (a golden), JSON of the same.
run check "$id"
checks=$((checks + 1))
[ "$rc" -eq 1 ] || fail "check with findings exits 1, not $rc"
printf '%s\n' "$out" >"$tmp/check.txt"
golden check-tainan.txt "$tmp/check.txt"
# The items whose rationale names another score, read from the data
# files themselves (tests/data/README lists 2.1.4, 2.2.1 and 4.1.5).
tab=$(printf '\t')
grep -v '^#' "$data/tainan-110.tsv" | while IFS=$tab read -r key score tier; do
	[ -n "$key" ] || continue
	f=$data/tainan-110/$key.rationale
	[ -f "$f" ] || continue
	for n in $(grep -o '給予 *[0-9][0-9]* *分' "$f" | tr -dc '0-9\n'); do
		[ "$n" = "$score" ] || { echo "$key"; break; }
	done
done | sort >"$tmp/want-keys"
grep '  rationale-score  ' "$tmp/check.txt" | cut -d' ' -f1 | sort >"$tmp/got-keys"
same "$tmp/want-keys" "$tmp/got-keys" "rationale-score keys vs the data files"
checks=$((checks + 1))
[ "$(wc -l <"$tmp/got-keys")" -eq 3 ] || fail "3 rationale-score findings"
run check "$id" --format json
checks=$((checks + 1))
case $out in
'{'*'"findings": ['*'"key": "2.1.4"'*'"kind": "rationale-score"'*) ;;
*) fail "check --format json: $out" ;;
esac
expect 2 "--format is text or json" check "$id" --format csv

# Full-width digits count; a rationale that agrees is no finding.
expect 0 "" note "$id" 2.1.4 --rationale "經評核給予６分。"
expect 0 "" note "$id" 2.2.1 --rationale "經評核給予　２５　分。"
run check "$id"
checks=$((checks + 1))
case $out in
*"2.1.4  rationale-score"*) fail "给予６分 agrees with 6: $out" ;;
esac
case $out in
*"2.2.1  rationale-score  the rationale says 給予 25 分"*) ;;
*) fail "full-width 給予　２５　分 is read: $out" ;;
esac

# future-date, against the pinned today.
expect 0 "" edit "$id" --date 2026-12-02
run check "$id"
case $out in
"-  future-date  the inspection date 2026-12-02 is after today (2026-12-01)"*) ;;
*) fail "future-date first: $out" ;;
esac
checks=$((checks + 1))
expect 0 "" undo "$id"

# finalize: refuses only unscored items, warns of the rest.
expect 0 "" set "$id" 1.1.1 --clear
expect 1 "items are unscored" finalize "$id"
expect 0 "" undo "$id"
run finalize "$id"
checks=$((checks + 1))
[ "$rc" -eq 0 ] || fail "finalize with warnings: $rc $err"
case $err in
*"warning: scorecard $id has"*"4.1.4  no-rationale"*) ;;
*) fail "finalize prints the findings as warnings: $err" ;;
esac

# swing: a later card of the same agency against this final one.
expect 0 "imported 1" import "$tmp/later.json"
b=$("$KAOHE" --db "$db" list --format csv --sort id | tail -1 | cut -d, -f1)
expect 0 "" set "$b" 1.1.1 10
expect 0 "" set "$b" 1.1.3 20 --tier 3
run check "$b"
checks=$((checks + 1))
case $out in
*"1.1.1  swing  10 now, 28 on scorecard $id (2021-08-06)"*) ;;
*) fail "a swing of 18 in 1~30 is found: $out" ;;
esac
case $out in
*"1.1.3  swing"*) fail "a change of 8 in 1~30 is no swing: $out" ;;
esac
# A draft is no previous card: the later card still compares with $id.
c=$("$KAOHE" --db "$db" new --agency 臺南分署 --date 2023-01-01 --inspector 甲 --no-tui)
expect 0 "" set "$c" 1.1.1 1
run check "$c"
checks=$((checks + 1))
case $out in
*"1.1.1  swing  1 now, 28 on scorecard $id (2021-08-06)"*) ;;
*) fail "the previous card is the final $id, not draft $b: $out" ;;
esac
# Nor is another agency's final card.
o=$("$KAOHE" --db "$db" new --agency 臺中分署 --date 2023-01-01 --inspector 甲 --no-tui)
expect 0 "" set "$o" 1.1.1 1
run check "$o"
checks=$((checks + 1))
case $out in *"swing"*) fail "another agency's card is no previous card: $out" ;; esac

# edit: each field a line of history, ROC dates, the text rule.
expect 0 "" edit "$c" --agency 法務部行政執行署臺南分署 --date 112-02-03 \
    --inspector 王小明 --inspector 李大華
run history "$c"
for want in "agency     臺南分署 → 法務部行政執行署臺南分署" \
    "date       2023-01-01 → 2023-02-03" "inspectors 甲 → 王小明、李大華"; do
	checks=$((checks + 1))
	case $out in *"$want"*) ;; *) fail "history lacks '$want': $out" ;; esac
done
expect 2 "must be one line" edit "$c" --agency "$(printf 'a\nb')"
expect 2 "control character" edit "$c" --inspector "$(printf 'a\033[2J')"
expect 2 "is not a date" edit "$c" --date 112-02-30
expect 2 "nothing to change" edit "$c"
expect 1 "finalized" edit "$id" --agency 乙

# undo: one change at a time, back to the start, each said and logged.
for want in "undid inspectors 甲 → 王小明、李大華" \
    "undid date 2023-01-01 → 2023-02-03" \
    "undid agency 臺南分署 → 法務部行政執行署臺南分署" \
    "undid 1.1.1 score - → 1"; do
	expect 0 "$want" undo "$c"
done
expect 1 "no change left to undo" undo "$c"
run history "$c"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c ' undo ')" -eq 4 ] ||
	fail "history shows 4 undos: $out"
run show "$c"
case $out in
*"scorecard $c  臺南分署  2023-01-01  (draft)"*"inspectors: 甲"*"scored 0/36"*) ;;
*) fail "after undoing everything the card is as created: $out" ;;
esac
checks=$((checks + 1))
expect 1 "finalized" undo "$id"
# A change after undos is the next one undone; the undone ones stay so.
expect 0 "" set "$c" 1.1.3 28
expect 0 "" set "$c" 1.1.3 --clear
expect 0 "undid 1.1.3 score 28 → -, tier 1 → -" undo "$c"
expect 0 "undid 1.1.3 score - → 28, tier - → 1" undo "$c"
expect 1 "no change left to undo" undo "$c"

# Notes: CRLF, a trailing newline of a file, and typed text agree.
printf 'line 1\r\nline 2\r\n' | "$KAOHE" --db "$db" note "$c" 1.1.1 --record -
"$KAOHE" --db "$db" note "$c" 1.1.2 --record "line 1
line 2"
printf 'kept\n\n' | "$KAOHE" --db "$db" note "$c" 1.1.3 --record -
"$KAOHE" --db "$db" export "$c" --format json >"$tmp/c.json"
checks=$((checks + 1))
[ "$(grep -c '"record": "line 1\\nline 2"' "$tmp/c.json")" -eq 2 ] ||
	fail "CRLF from a pipe is stored as typed text: $(grep record "$tmp/c.json" | head -3)"
checks=$((checks + 1))
grep -q '"record": "kept\\n"' "$tmp/c.json" ||
	fail "a blank last line given on purpose is kept"
expect 1 "control character" note "$c" 1.1.1 --record "$(printf 'a\033[31m')"

# import: the same text rule as new (an agency with ESC and a newline).
sed 's/"agency": "臺南分署"/"agency": "臺南\\u001b[2J\\n分署"/' \
    "$data/import-good/tainan-110.json" >"$tmp/esc.json"
expect 1 "the agency holds a control character" import "$tmp/esc.json"
sed 's/"agency": "臺南分署"/"agency": "臺南\\n分署"/' \
    "$data/import-good/tainan-110.json" >"$tmp/esc.json"
expect 1 "the agency must be one line" import "$tmp/esc.json"
sed 's/"agency": "臺南分署"/"agency": "臺南\\u001b[2J分署"/' \
    "$data/import-good/tainan-110.json" >"$tmp/esc.json"
expect 1 "the agency holds a control character" import "$tmp/esc.json"
sed 's/"agency": "臺南分署"/"agency": "臺南\\u202e分署"/' \
    "$data/import-good/tainan-110.json" >"$tmp/esc.json"
expect 1 "bidirectional" import "$tmp/esc.json"

finish
