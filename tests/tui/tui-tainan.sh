#!/bin/sh
# The whole 臺南分署 form entered through keys: the new-scorecard form,
# then every item's tier and score, ending at 870/1000 with the section
# totals on the outline and in the JSON export.
. "$top_srcdir/tests/tui/lib.sh"

start
wait_for "No scorecards yet"
send n
wait_for "new scorecard"
type_text "臺南分署"
send Tab
# The date field starts at today: erase it.
send BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "2021-08-06"
send Tab
type_text "為民服務不定期考核小組"
send Enter
wait_for "0/36 items"
expect "臺南分署 · 2021-08-06 · 110"
expect "申辦業務標準作業流程訂定情形"

n=0
tainan_scores | while IFS='	' read -r key score tier; do
	n=$((n + 1))
	if [ -n "$tier" ]; then
		send t "$tier"
	fi
	type_text "$score"
	send Enter
	wait_for " $n/36 items"
done || exit 1
wait_for "total 870/1000"
expect "saved ✓"

# The outline, row by row from the top: every section's subtotal.
send o
wait_for "Outline"
send g
wait_for "row 1 of"
seen=$tui_tmp/outline
: >"$seen"
i=1
while [ $i -le 60 ]; do
	screen >>"$seen"
	if screen | grep -q "row $i of $i "; then
		break
	fi
	send j
	i=$((i + 1))
	wait_for "row $i of"
done
grep -q "total 870/1000 · 36/36 items" "$seen" || fail "no outline total"
for row in "一、基礎服務 174/200" "二、服務遞送 260/300" \
    "三、服務量能 172/200" "四、服務評價 173/200" "開放創新 91/100" \
    "(一) 服務一致及正確 92/100" "(1) 機關網站應方便瀏覽查詢 5/5"; do
	title=${row% *}
	total=${row##* }
	awk -v t="$title" -v s="$total" \
	    'index($0, t) && $NF == s { found = 1 } END { exit !found }' \
	    "$seen" || fail "outline row '$title' does not end with $total"
done
if grep -q "unscored)" "$seen"; then
	fail "the outline still marks sections unscored"
fi

send q
wait_for "#1 draft"
"$KAOHE" --db "$DB" export 1 --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -q '^  "score": 870,$' "$tui_tmp/out.json" ||
    fail "the export's score is not 870"
grep -q '^  "agency": "臺南分署",$' "$tui_tmp/out.json" ||
    fail "the export's agency is not 臺南分署"
grep -q '^  "scored": 36,$' "$tui_tmp/out.json" ||
    fail "the export does not have 36 items scored"
exit 0
