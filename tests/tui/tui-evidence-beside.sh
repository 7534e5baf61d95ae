#!/bin/sh
# The walk beside the evidence pane: at 160x45 and 120x30 the item is
# drawn in the columns left of the pane (its right-aligned tier ranges end
# two columns before the pane's rule, on the same lines as the passage),
# and at 80x24, where the pane is hidden, the item takes the whole width.
# A team card's walk (every member's score and notes) keeps to the same
# columns. Whole-screen goldens, so that a layout change shows as a diff.
. "$top_srcdir/tests/tui/lib.sh"

seed=$top_srcdir/tests/data/evidence/000_db66db9cab79e5c1.txt
card=$("$KAOHE" --db "$DB" new --agency 法務部行政執行署宜蘭分署 \
    --date 2025-12-01 --inspector 甲 --no-tui) || exit 99
"$KAOHE" --db "$DB" evidence add "$card" "$seed" >/dev/null || exit 99
"$KAOHE" --db "$DB" set "$card" 1.1.3 27 >/dev/null || exit 99
"$KAOHE" --db "$DB" note "$card" 1.1.3 --record "已訂定標準作業流程" ||
    exit 99

# The line of tier 1 as it must be: the range ends at column 78 of the
# walk's 80, then the pane's rule at column 80 and its text from 82.
tier1="  [x] 1  服務人員回應問題正確率達 90% 以上。                      26~30 points"

start open "$card"
T resize-window -t t -x 160 -y 45
wait_for "its own section"
send j j
wait_for "› 3. 服務人員專業度"
golden_screen tui-walk-beside-160 "1/36 items"
screen | grep -F -x -q -- "$tier1  │ 之處理時程及品質。" ||
    fail "tier 1 and the passage are not side by side at 160x45"
screen | grep -F -q -- " Score            27 / 30  tier 1                                               │ 為，強化行政執行目標之達成。" ||
    fail "the score line and the passage are not side by side at 160x45"

T resize-window -t t -x 120 -y 30
# Redrawn at the new width: the passage wraps at the pane's 37 columns.
wait_for "1 名獎勵，並於 1 樓走廊明顯處，"
golden_screen tui-walk-beside-120 "1/36 items"
screen | grep -F -x -q -- "$tier1  │" ||
    fail "tier 1 does not end beside the pane at 120x30"

T resize-window -t t -x 80 -y 24
# Redrawn at the new width: the header bar ends at column 80.
wait_for "110                   #1 draft"
golden_screen tui-walk-beside-80 "1/36 items"
screen | grep -F -x -q -- "$tier1" ||
    fail "tier 1 does not take the whole width at 80x24"
expect_not "points  │"
expect_not "its own section"
send Q
wait_for "[exit 0]"

# member NAME SCORE: 臺南分署's final card with SCORE for 1.1.3 and a
# record too long for the walk's columns.
member() {
	_id=$("$KAOHE" --db "$DB" new --agency 臺南分署 --date 2021-08-06 \
	    --inspector "$1" --no-tui) || exit 99
	tainan_scores | while IFS='	' read -r key score tier; do
		[ "$key" = 1.1.3 ] && score=$2 tier=
		"$KAOHE" --db "$DB" set "$_id" "$key" "$score" \
		    ${tier:+--tier "$tier"} || exit 1
	done || exit 99
	"$KAOHE" --db "$DB" note "$_id" 1.1.3 --record "$1 的紀錄：抽查櫃台人員回應民眾詢問之正確率，並檢視服務人員教育訓練紀錄與考核結果" ||
	    exit 99
	"$KAOHE" --db "$DB" finalize "$_id" >/dev/null 2>&1 || exit 99
	echo "$_id"
}
a=$(member 王委員 29) || exit 99
b=$(member 李委員 12) || exit 99
team=$("$KAOHE" --db "$DB" team "$a" "$b" --lead 召集人) || exit 99
"$KAOHE" --db "$DB" evidence add "$team" "$seed" >/dev/null || exit 99
start open "$team"
T resize-window -t t -x 160 -y 45
# It opens on the flagged item, 1.1.3.
wait_for "› 3. 服務人員專業度"
golden_screen tui-walk-beside-team "35/36 items"
screen | grep -F -x -q -- "      Record 王委員 的紀錄：抽查櫃台人員回應民眾詢問之正確率，並檢視服務人員教… │ (1)每月辦理執行工作考核" ||
    fail "a member's record is not cut at the pane"
send Q
wait_for "[exit 0]"
