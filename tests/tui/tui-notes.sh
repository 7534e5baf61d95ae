#!/bin/sh
# Reading and writing notes (issue 10): on the item screen a note takes
# every free row, not two rows and '…'; the read-only view opens at the
# top; the editor breaks lines by the export's rules (width.c); CRLF
# pasted is one line end, stored as `kaohe note` stores it.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
rec=$(printf '第%s點紀錄。\n' 1 2 3 4 5 6 7 8 9 10)
"$KAOHE" --db "$DB" note "$id" 1.1.1 --record "$rec" || exit 99
"$KAOHE" --db "$DB" note "$id" 1.1.1 --rationale "給予 28 分" || exit 99
start open "$id"
wait_for "0/36 items"
# All ten lines are on the screen at 80x24, and nothing is cut.
wait_for "第10點紀錄。"
expect "第1點紀錄。"
expect "給予 28 分"
expect_not "…"
screen | grep -q "^ Record (r)       第1點紀錄。" || fail "the record's first row"

# The editor: 39 wide characters and 。 in 78 columns; the export's rule
# keeps 。 off the start of a row (it takes a character with it), and a
# digit run is not split.
send j
wait_for "2. 服務及時性"
send r
wait_for "Record (紀錄事項) ·"
type_text "甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲。"
wait_for "甲。"
screen | grep -q "^ 。" && fail "a row starts with 。"
send Enter
type_text "乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙1234"
wait_for "1234"
screen | grep -q "^ 1234" || fail "the digits 1234 were split"
# A CRLF paste: one line end each, as `note -` stores it.
send Enter
T send-keys -t t -H 61 0d 0a 62 0d 0a 63
wait_for " c"
send Escape
wait_for "Rationale (R)"
got=$(sqlite3 "$DB" "SELECT hex(record) FROM entries WHERE scorecard_id = $id
    AND item = '1.1.2'")
case $got in
*0A610A620A63) ;;
*) fail "CRLF in the editor: the record ends in ${got#"${got%??????????????}"}" ;;
esac

# Read-only: the note view of a final card opens at its top.
long=$(for i in $(seq 1 40); do echo "第${i}行"; done)
"$KAOHE" --db "$DB" note "$id" 1.1.1 --record "$long" || exit 99
send q
wait_for "[exit 0]"
tainan_scores | while IFS='	' read -r key score tier; do
	"$KAOHE" --db "$DB" set "$id" "$key" "$score" ${tier:+--tier "$tier"} ||
	    exit 1
done || exit 99
"$KAOHE" --db "$DB" finalize "$id" >/dev/null 2>&1 || exit 99
start open "$id"
wait_for "final: read-only"
expect "…"
send r
wait_for "finalized: read-only. Esc goes back."
expect "第1行"
expect_not "第40行"
send PageDown PageDown PageDown
wait_for "第40行"
exit 0
