#!/bin/sh
# The list layer under every list screen: the same keys move, page, find
# and go back in the outline, the help, compare, stats and the menus;
# "last" is the last row everywhere; the hint lines come from the key
# table; home shows the ID the command line takes.
. "$top_srcdir/tests/tui/lib.sh"

a=$(new_card)
b=$("$KAOHE" --db "$DB" new --agency 法務部行政執行署宜蘭分署 --date 2022-05-01 \
    --inspector 甲 --no-tui) || exit 99
"$KAOHE" --db "$DB" set "$b" 1.1.1 27 >/dev/null || exit 99

start
wait_for "1 of 2 ·"
# Home: an ID column, the hint line from the key table.
expect "ID Agency"
screen | grep -q "^ *$b 法務部行政…" || fail "home lacks the ID $b"
# c compares once a card is marked (m): until then it is not offered.
expect "Enter:open n:new /:notes f:filter s:sort m:mark t:stats e:export"
expect "?:help"
# Esc never quits from home (q does, below): the G after it still moves.
# G is the last row, g the first; j/k move one.
# Paced as typed: an Esc with a key right behind it is how terminals send
# Alt and that key, which is dropped (tui-input.c).
send Escape
sleep 0.2
send G
wait_for "2 of 2 ·"
send k
wait_for "1 of 2 ·"

# The outline: / finds a row, n the next, N the previous, G the last.
send Enter
wait_for "1/36 items"
send o
# It opens on the walk's item, 1.1.2.
wait_for "row 5 of 54"
expect "Enter:go to u:unscored PgDn:page /:find q:back ?:help"
send /
wait_for "Find:"
type_text "其他服務作法"
send Enter
# 2.1.4 is row 23, 2.2.4 row 28.
wait_for "row 23 of 54"
send n
wait_for "row 28 of 54"
send n
wait_for "row 23 of 54"
send N
wait_for "row 28 of 54"
send /
wait_for "Find:"
send BSpace BSpace BSpace BSpace BSpace BSpace
type_text "沒有這一項"
send Enter
wait_for "not found: 沒有這一項"
expect "row 28 of 54"
send G
wait_for "row 54 of 54"
send g
wait_for "row 1 of 54"
send PageDown
wait_for "row 21 of 54"
send q
wait_for "1/36 items"

# The help is a pager: G shows the last page, / finds and marks a line.
send '?'
wait_for "Keys · kaohe"
# ? on the help does nothing more: it is not offered there.
expect "PgDn:page /:find q:back"
expect_not "?:help"
send /
wait_for "Find:"
type_text "redraw"
send Enter
wait_for "redraw the screen"
screen | sed -n 2p | grep -q "redraw the screen" ||
    fail "the found line is not at the top of the help"
send G
wait_for "quit from anywhere"
send q
wait_for "1/36 items"
send q
wait_for "1 of 2 ·"

# A menu: the list's keys, q cancels, End is the last entry.
send s
wait_for "Sort by:"
send End Enter
wait_for "sort: ID"
send s
wait_for "Sort by:"
send q
wait_gone "Sort by:"
expect "sort: ID"

# Compare and stats: read-only pagers with the list's keys.
send g m j c
wait_for "Compare · B - A"
expect "ITEM (* a partial sum"
send /
wait_for "Find:"
type_text "TOTAL"
send Enter
# The total is the last rows' neighbour: the pager scrolled to its last
# page, and the first rows are gone.
wait_gone "個別評核構面"
expect "TOTAL"
send q
wait_for "2 of 2 ·"
send t
wait_for "Stats · kaohe"
expect "Sections of rubric 110: mean, min-max"
send q
wait_for "2 of 2 ·"
send q
wait_for "[exit 0]"

# A menu longer than its box pages by the box (16 rows: 15 and one kept),
# not by 10, and says what is below; the rubrics are listed by name.
mkdir -p "$tui_tmp/rubrics"
for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
	cp "$top_srcdir/rubrics/110.yaml" "$tui_tmp/rubrics/r$i.yaml" || exit 99
done
TUI_ENV="KAOHE_RUBRIC_PATH=$tui_tmp/rubrics"
start new
wait_for "Tab:next"
send F2
wait_for "… and 5 more (↓)"
first=$(screen | grep -o "│   [r0-9][0-9]* " | head -n 4 | tr -d '│ \n')
[ "$first" = 110r01r02r03 ] || fail "the rubrics are not listed by name: $first"
send PageDown Enter
wait_gone "… and 5 more"
screen | grep -q "Rubric  *r15" || fail "PgDn did not move by the box's page"
send F2
wait_for "… and 5 more (↓)"
send End
wait_for "6-21 of 21"
send Enter
wait_gone "6-21 of 21"
screen | grep -q "Rubric  *r20" || fail "End did not choose the last rubric"
exit 0
