#!/bin/sh
# An out-of-range score is refused where it was typed, with a message
# naming the range, and nothing is saved.
. "$top_srcdir/tests/tui/lib.sh"

# An unknown ID is a plain error before the screen is taken over.
if "$KAOHE" --db "$DB" open 999 </dev/null >"$tui_tmp/out" 2>"$tui_tmp/err"; then
	echo "FAIL: open of an unknown ID succeeded"
	exit 1
fi
grep -q "999" "$tui_tmp/err" || { echo "FAIL: no message for ID 999"; exit 1; }
[ ! -s "$tui_tmp/out" ] || { echo "FAIL: open 999 wrote to stdout"; exit 1; }

id=$(new_card)
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/before.json" ||
    exit 99
start open "$id"
wait_for "0/36 items"
expect "申辦業務標準作業流程訂定情形"
type_text 99
send Enter
wait_for "99 is out of range"
expect "1~30"
expect "nothing saved"
# Still on the same item, the typed score still there to correct.
expect "申辦業務標準作業流程訂定情形"
expect "0/36 items"
expect_not "saved ✓"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/after.json" ||
    fail "export failed"
cmp -s "$tui_tmp/before.json" "$tui_tmp/after.json" ||
    fail "the refused score changed the scorecard"

# A tier narrows the range: 20 fits the item but not tier 1 (26~30).
send j j
wait_for "服務人員專業度"
send t 1
wait_for "tier 1: 26~30"
type_text 20
send Enter
wait_for "20 is out of range"
expect "26~30"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/after.json" ||
    fail "export failed"
cmp -s "$tui_tmp/before.json" "$tui_tmp/after.json" ||
    fail "the refused tier score changed the scorecard"

# Corrected, it is saved and the walk moves on.
send BSpace BSpace
type_text 28
send Enter
wait_for "1/36 items"
expect "saved ✓"
expect "服務設施合宜程度"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/after.json" ||
    fail "export failed"
grep -q '^  "score": 28,$' "$tui_tmp/after.json" || fail "28 was not saved"

# 5 fits two tiers of 服務設施合宜程度 (1~15 and 1~10): the walk asks which.
wait_for "服務設施合宜程度"
type_text 5
send Enter
wait_for "5 fits tiers 2, 3: which one?"
expect "1~15"
expect "1~10"
send 3
wait_for "2/36 items"
expect "saved 5 (tier 3) for 1.2.1 · now at 1.2.2.1"
exit 0
