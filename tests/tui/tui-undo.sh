#!/bin/sh
# Corrections in the walk (issue 10): U undoes the latest change step by
# step and says what it undid; H corrects the header from the walk and
# from home (a ROC date too); finalize shows the review's findings and
# Enter on one goes there; twelve tiers are all reachable.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
start open "$id"
wait_for "0/36 items"
type_text 28
send Enter
wait_for "saved 28 for 1.1.1"
send k
wait_for "1. 申辦業務標準作業流程訂定情形"
# x clears at once; U takes it back, and then the score itself.
send x
wait_for "score cleared · U undoes it"
expect "0/36 items"
send U
wait_for "undid 1.1.1 score 28 → -"
expect "1/36 items"
send U
wait_for "undid 1.1.1 score - → 28"
expect "0/36 items"
send U
wait_for "no change left to undo"

# H: the header from the walk; the date typed as the export prints it.
send H
wait_for "kaohe · header of scorecard #$id"
expect "Agency          臺南分署"
send End
type_text 甲
send Tab
send BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text 110-08-07
send Tab
send Enter
wait_for "saved the header's agency, date"
wait_for "kaohe · 臺南分署甲 · 2021-08-07"
send U
wait_for "undid date 2021-08-06 → 2021-08-07"
wait_for "kaohe · 臺南分署甲 · 2021-08-06"
"$KAOHE" --db "$DB" history "$id" >"$tui_tmp/history" || fail "history"
grep -q "agency     臺南分署 → 臺南分署甲" "$tui_tmp/history" ||
	fail "history lacks the agency: $(cat "$tui_tmp/history")"
grep -q "undo       date 2021-08-06 → 2021-08-07" "$tui_tmp/history" ||
	fail "history lacks the undo: $(cat "$tui_tmp/history")"
# A bad date is refused in the form, which stays.
send H
wait_for "kaohe · header of scorecard #$id"
send Tab
type_text x
send Tab
send Enter
wait_for "is not a date"
expect "kaohe · header of scorecard #$id"
send Escape
wait_for "0/36 items"
send q
wait_for "[exit 0]"

# H from home: the inspectors.
start
wait_for "臺南分署甲"
send H
wait_for "kaohe · header of scorecard #$id"
send Tab Tab
send C-a
send C-k
type_text "王小明、李大華"
send End
send BSpace
wait_for "王小明、李大"
send Enter
wait_for "saved the header's inspectors"
wait_for "王小明、李…"
send q
wait_for "[exit 0]"

# Finalize lists the findings; Enter on one goes to its item.
tainan_scores | while IFS='	' read -r key score tier; do
	"$KAOHE" --db "$DB" set "$id" "$key" "$score" ${tier:+--tier "$tier"} ||
	    exit 1
done || exit 99
"$KAOHE" --db "$DB" note "$id" 1.2.1 --rationale "給予 10 分" || exit 99
start open "$id"
wait_for "36/36 items"
send F
wait_for "findings (kaohe check): Enter on one goes there"
expect "1.2.1  rationale-score  the rationale says 給予 10 分; the score is 19"
send Down Down Down Down
send Enter
wait_for "1. 服務設施合宜程度"
expect_not "Finalize 臺南分署"
"$KAOHE" --db "$DB" export "$id" --format json | grep -q '"status": "draft"' ||
	fail "going to a finding finalized the card"
send q
wait_for "[exit 0]"

# Twelve tiers: t opens a menu, not a digit prompt.
many=$("$KAOHE" --db "$DB" new --rubric "$top_srcdir/tests/data/many-tiers.yaml" \
    --agency 甲 --inspector 乙 --no-tui) || exit 99
start open "$many"
wait_for "0/1 items"
send t
wait_for "which tier? (↑↓, Enter)"
expect "12  1~1  第十二級"
send G
send Enter
wait_for "tier 12: type 1~1, then Enter"
type_text 1
send Enter
wait_for "1/1 items"
"$KAOHE" --db "$DB" export "$many" --format json | grep -q '"tier": 12' ||
	fail "tier 12 was not saved"
exit 0
