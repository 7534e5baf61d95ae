#!/bin/sh
# An out-of-range score is refused where it was typed, with a message
# naming the range, and nothing is saved.
. "$top_srcdir/tests/tui/lib.sh"

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
exit 0
