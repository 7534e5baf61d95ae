#!/bin/sh
# A hint line names only keys that do something in the state the screen
# is in: an empty home offers no opening, marking or exporting; c
# appears once a card is marked; a final card is not offered for delete;
# the help does not offer ? again; a final card's note, read only, is
# not "save and back" nor $EDITOR; the evidence screen offers y and m
# only with documents (y only where there is a passage) on a draft; last
# year's screen offers C only when there is a record to copy into a draft.
# The walk offers t only on an item with tiers and u only while an item
# is unscored; the room goes to F. Under a menu, the hint line is the
# menu's: the walk's keys wait while it is open.
. "$top_srcdir/tests/tui/lib.sh"

seed=$top_srcdir/tests/data/evidence/000_db66db9cab79e5c1.txt

# Nothing listed yet.
start
wait_for "0 of 0"
wait_for_line 24 "n:new /:notes f:filter s:sort t:stats"
expect_not "Enter:open"
expect_not "m:mark"
expect_not "c:compare"
send '?'
wait_for "Keys · kaohe"
wait_for_line 24 "PgDn:page /:find q:back"
expect_not "?:help"
send q
wait_for "0 of 0"
send q
wait_for "[exit 0]"

# Last year's final card with a record for 1.1.1, this year's draft
# with the agency's report.
last=$("$KAOHE" --db "$DB" new --agency 宜蘭分署 --date 2024-11-20 \
    --inspector 甲 --no-tui) || exit 99
tainan_scores | while IFS='	' read -r key score tier; do
	"$KAOHE" --db "$DB" set "$last" "$key" "$score" ${tier:+--tier "$tier"} ||
	    exit 1
done || exit 99
"$KAOHE" --db "$DB" note "$last" 1.1.1 --record "去年：各科室均完成標準作業流程" ||
    exit 99
"$KAOHE" --db "$DB" finalize "$last" >/dev/null || exit 99
card=$("$KAOHE" --db "$DB" new --agency 宜蘭分署 --date 2025-12-01 \
    --inspector 甲 --no-tui) || exit 99
"$KAOHE" --db "$DB" evidence add "$card" "$seed" >/dev/null || exit 99

# Home at 120 columns, where every home key fits: the draft is first.
start
T resize-window -t t -x 120 -y 30
wait_for "1 of 2 · sort"
wait_for_line 30 "Enter:open n:new /:notes f:filter s:sort m:mark t:stats e:export D:delete"
expect_not "c:compare"
send m
wait_for "is A: c on another compares them"
send j
wait_for_line 30 "m:mark c:compare t:stats e:export q:quit"
# The final card: never deleted.
expect_not "D:delete"
send q
wait_for "[exit 0]"

# A final card's record, read only.
start open "$last"
wait_for "final: read-only"
send r
wait_for "finalized: read-only. Esc goes back."
wait_for_line 24 "Esc:back PgDn:page F1:help"
expect_not "save and back"
expect_not "EDITOR"
send Escape
wait_for "final: read-only"
# Its evidence: none, and a final card takes no quote.
send v
wait_for "No documents"
expect_not "y:quote"
expect_not "m:correct"
send q
wait_for "final: read-only"
send q
wait_for "[exit 0]"

# The draft: its evidence has 1.1.1's passage, 5.2 has none.
start open "$card"
wait_for "0/36 items"
# 1.1.1 has no tiers, 1.1.3 has five.
wait_for_line 24 "0-9 Enter:score r:record R:rationale u:unscored o:outline F:finalize"
expect_not "t 1-9:tier"
send j j
wait_for "3. 服務人員專業度"
wait_for_line 24 "0-9 Enter:score t 1-9:tier r:record"
send g
wait_for "1. 申辦業務標準作業流程訂定情形"
send E
wait_for "Edit in \$VISUAL or \$EDITOR:"
wait_for_line 24 "Enter:choose Esc:cancel PgDn:page /:find"
expect_not "0-9 Enter:score"
expect_not "?:help"
send Escape
wait_gone "Edit in"
wait_for_line 24 "0-9 Enter:score"
send v
wait_for "Evidence · 1.1.1"
wait_for_line 24 "y:quote into the record m:correct the match"
send q
wait_for "0/36 items"
send G v
wait_for "No passage for this item"
wait_for_line 24 "m:correct the match"
expect_not "y:quote"
send q
wait_for "0/36 items"
# Last year's 1.1.1 has a record to copy, its 1.1.2 none.
send g L
wait_for "去年：各科室均完成標準作業流程"
wait_for_line 24 "C:copy the record c:compare"
send q
send j L
wait_for "Last year · #$last"
wait_for "1.1.2 服務及時性"
wait_for_line 24 "c:compare"
expect_not "C:copy"
send q
wait_for "0/36 items"
send q
wait_for "[exit 0]"

# Every item scored, not yet final: nothing for u to go to.
done=$("$KAOHE" --db "$DB" new --agency 臺南分署 --date 2021-08-06 \
    --inspector 甲 --no-tui) || exit 99
tainan_scores | while IFS='	' read -r key score tier; do
	"$KAOHE" --db "$DB" set "$done" "$key" "$score" ${tier:+--tier "$tier"} ||
	    exit 1
done || exit 99
start open "$done"
wait_for "36/36 items"
wait_for_line 24 "o:outline F:finalize"
expect_not "u:unscored"
send o
wait_for_line 24 "Enter:go to PgDn:page /:find q:back"
expect_not "u:unscored"
send q
wait_for_line 24 "o:outline F:finalize"
send q
wait_for "[exit 0]"
exit 0
