#!/bin/sh
# The home screen: drafts first, open, search, filter, delete (confirmed by
# the agency's name; a finalized scorecard never), export with the path shown.
. "$top_srcdir/tests/tui/lib.sh"

final=$("$KAOHE" --db "$DB" new --agency 高雄分署 --date 2020-07-01 \
    --inspector 甲 --no-tui) || exit 99
tainan_scores | while IFS='	' read -r key score tier; do
	"$KAOHE" --db "$DB" set "$final" "$key" "$score" ${tier:+--tier "$tier"} ||
	    exit 1
done || exit 99
"$KAOHE" --db "$DB" finalize "$final" >/dev/null || exit 99
draft=$(new_card)
"$KAOHE" --db "$DB" note "$draft" 1.1.1 --record "設置親民交談室" || exit 99

start
wait_for "1 of 2 ·"
# Drafts first.
screen | grep -n -e 臺南分署 -e 高雄分署 | head -n 1 | grep -q 臺南分署 ||
    fail "the draft is not listed first"
expect "870/1000"
expect "36/36"
# A cut name says so; progress in block characters under UTF-8.
expect "為民服務不…"
expect "███████"
expect "░░░░░░░"

# Search the notes.
send /
wait_for "Notes or evidence contain"
type_text "交談室"
send Enter
wait_for "1 of 1 ·"
expect "臺南分署"
expect_not "高雄分署"
send /
wait_for "Notes or evidence contain"
send BSpace BSpace BSpace Enter
wait_for "1 of 2 ·"

# Filter by status: final.
send f
wait_for "Filter by:"
send 3
wait_for "Status:"
send 3
wait_for "1 of 1 ·"
expect "高雄分署"
expect "status=final"
# A finalized scorecard cannot be deleted.
send D
wait_for "is finalized: it cannot be deleted"
# Open it: read-only.
send Enter
wait_for "final: read-only"
send q
wait_for "1 of 1 ·"
send f 5
wait_for "1 of 2 ·"

# The reviewer's screens: m marks A, c compares with the selected, t stats.
send g m
wait_for "is A: c on another compares them"
send j c
wait_for "Compare · B - A"
expect "870"
send q
wait_for "2 of 2 ·"
send g
wait_for "1 of 2 ·"
send t
wait_for "Stats · kaohe"
expect "2 scorecards"
send q
wait_for "1 of 2 ·"

# Export the selected (the draft, first) as JSON to a typed path.
send g e
wait_for "Export as:"
send 4
wait_for "Write to:"
# The name offered says what it is: the agency and the ROC date.
wait_for "Write to: 臺南分署-110-08-06.json"
send BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
    BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
    BSpace BSpace
type_text "$tui_tmp/draft.json"
send Enter
wait_for "exported to $tui_tmp/draft.json"
grep -q '"agency": "臺南分署"' "$tui_tmp/draft.json" ||
    fail "the exported file is not the draft"

# Delete the draft: a wrong word keeps it, its agency deletes it.
send D
wait_for "Type its agency"
type_text "no"
send Enter
wait_for "not deleted"
expect "1 of 2 ·"
send D
wait_for "Type its agency"
type_text "臺南分署"
send Enter
wait_for "deleted #$draft 臺南分署"
wait_for "1 of 1 ·"
"$KAOHE" --db "$DB" show "$draft" >/dev/null 2>&1 &&
    fail "the draft still exists"

# n opens the form; Esc cancels it.
send n
wait_for "new scorecard"
send Escape
wait_for "1 of 1 ·"
send q
wait_for "[exit 0]"
exit 0
