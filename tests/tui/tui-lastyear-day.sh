#!/bin/sh
# Last year's card (L) is of an earlier day: the cards of the same day
# are the same inspection. A member scoring blind never sees another
# member's final card of the day through L, nor does the team card show
# a member's card as last year's; an earlier inspection is still found.
. "$top_srcdir/tests/tui/lib.sh"

a=$(final_card 臺南分署 2021-08-06)
b=$(final_card 臺南分署 2021-08-06)
team=$("$KAOHE" --db "$DB" team "$a" "$b" 2>/dev/null) || exit 99
member=$("$KAOHE" --db "$DB" new --agency 臺南分署 --date 2021-08-06 \
    --inspector 林委員 --scope 1 --no-tui) || exit 99

start open "$member"
wait_for "1. 申辦業務標準作業流程訂定情形"
send L
wait_for "臺南分署 has no earlier final card on rubric 110"
expect_not "Last year ·"
send q
wait_for "[exit 0]"

start open "$team"
wait_for "Team's score"
send L
wait_for "臺南分署 has no earlier final card on rubric 110"
send q
wait_for "[exit 0]"

# A later inspection's card finds the earlier day's: the final team
# card, the latest final card of that day.
"$KAOHE" --db "$DB" finalize "$team" >/dev/null 2>&1 || exit 99
later=$("$KAOHE" --db "$DB" new --agency 臺南分署 --date 2022-08-06 \
    --inspector 甲 --no-tui) || exit 99
start open "$later"
wait_for "0/36 items"
send L
wait_for "Last year · #$team 臺南分署 · 2021-08-06"
send q
wait_for "0/36 items"
send q
wait_for "[exit 0]"
exit 0
