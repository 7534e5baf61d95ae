#!/bin/sh
# Another process (kaohe set in a shell) writes the scorecard the UI has
# open: the walk reads it again before finalizing and when it comes back
# from another screen, staying on its item.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
start open "$id"
wait_for "0/36 items"
expect "申辦業務標準作業流程訂定情形"
# 36 unscored in a box of 16 rows: the list says there are more.
send F
wait_for "cannot finalize: 36 unscored"
expect "… and 20 more (↓)"
send Escape
wait_for "0/36 items"

tainan_scores | while IFS='	' read -r key score tier; do
	"$KAOHE" --db "$DB" set "$id" "$key" "$score" ${tier:+--tier "$tier"} ||
	    exit 1
done || exit 99
send F
wait_for "36 findings (kaohe check)"
send Enter
wait_for "Finalize 臺南分署 at 870/1000?"
send Escape
wait_for "not finalized"
expect "36/36 items"
expect "total 870/1000"
expect "申辦業務標準作業流程訂定情形"

# Cleared from the shell while the record editor is open.
send r
wait_for "Record (紀錄事項)"
"$KAOHE" --db "$DB" set "$id" 1.1.2 --clear || exit 99
send Escape
wait_for "35/36 items"
expect "total 834/1000"
expect "申辦業務標準作業流程訂定情形"
exit 0
