#!/bin/sh
# A long agency name (法務部行政執行署臺南分署 and longer) is cut where it
# stands; it never pushes the rubric id, the date, a prompt's question or
# the key hint off an 80-column screen.
. "$top_srcdir/tests/tui/lib.sh"

long=法務部行政執行署臺南分署為民服務中心櫃台及聯合服務中心
id=$("$KAOHE" --db "$DB" new --agency "$long" --date 2021-08-06 \
    --inspector 為民服務不定期考核小組 --no-tui) || exit 99

start
wait_for "1 of 1 ·"
expect "Enter:open n:new"
expect "?:help"
# The delete question wraps: its end, what to type, is on the screen.
send D
wait_for "Delete draft #$id"
expect "yes):"
send Escape
wait_for "not deleted"

send Enter
wait_for "0/36 items"
# The walk's header: the agency cut, the date, the rubric id and the ID kept.
expect "… · 2021-08-06 · 110"
expect "#$id draft"
expect "0-9 Enter:score"
send o
wait_for "row 4 of 54"
expect "… · 2021-08-06"
expect "total 0/1000 · 0/36 items"
exit 0
