#!/bin/sh
# The evidence pane in the walk: a new 110 card with seed 000 added shows
# the passage of chosen items beside the item at 160x45, full screen on v
# at 80x24, where / and n find and y quotes a paragraph into the record
# (saved). Last year's card for the item on L: C copies its record
# (saved), c opens the compare screen.
. "$top_srcdir/tests/tui/lib.sh"

seed=$top_srcdir/tests/data/evidence/000_db66db9cab79e5c1.txt
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

start open "$card"
T resize-window -t t -x 160 -y 45
# Beside the item: 1.1.1's own section.
wait_for "114 年度服務躍升執行成果報告 › 1. 申辦業務標準作業流程訂定情形"
expect "its own section"
expect "本分署設有各項標準作業流程標示"
expect "1. 申辦業務標準作業流程訂定情形  1~30"
# 1.1.2: its section runs to the end of (5), not into 3. 服務人員專業度.
send j
wait_for "› 2. 服務及時性"
expect "合計能在 30 分鐘內完成者達"
expect_not "每月執行之星"
# 1.2.4.2, a full-width （2）.
send j j j j j j j j
wait_for "› （2）資料開放"
expect "公開各項服務標準作業程序資訊"
# 3.1.1 has no heading of its own in seed 000: the section's passage.
send j j j j j j j j j j j j
wait_for "1. 機關運用多元管道蒐集機關成員意見  1~50"
wait_for "› (一)內部作業簡化"
expect "no section of its own: that of 3.1"
expect "定期召開主管會議"

# 80x24: no room beside; v shows it full screen.
T resize-window -t t -x 80 -y 24
send g
wait_for "1. 申辦業務標準作業流程訂定情形  1~30"
expect_not "its own section"
send j v
wait_for "Evidence · 1.1.2 服務及時性"
expect "114 年度服務躍升執行成果報告 › 2. 服務及時性"
send /
wait_for "Find"
type_text "96.15"
send Enter
wait_for "合計能在 30 分鐘內完成者達 96.15%"
# Back to the top, then quote (1), the third line.
send g j j y
wait_for "quoted into the record of 1.1.2: saved"
send v
wait_for "Record (r)       (1)為方便民眾對申請案件之查詢"
"$KAOHE" --db "$DB" export "$card" --format json >"$tui_tmp/card.json" ||
    fail "export"
grep -F -q '(1)為方便民眾對申請案件之查詢' "$tui_tmp/card.json" &&
    grep -F -q '(from 〈114 年度服務躍升執行成果報告〉 2. 服務及時性)' \
    "$tui_tmp/card.json" || fail "the quote is not in the saved record"

# m corrects a match: 1.2.2.1 has no heading of its own; its passage is
# made seed 000's (3)在網站首頁下方建置胖頁尾, stored as a correction.
send j j j v
wait_for "Evidence · 1.2.2.1 機關網站應方便瀏覽查詢"
expect "no section of its own: that of 1.2.2"
send m
wait_for "The passage of 1.2.2.1 is:"
send /
wait_for "Find"
type_text "胖頁尾"
send Enter Enter
wait_for "the match of 1.2.2.1 is corrected: saved"
wait_for "› (3)在網站首頁下方建置胖頁尾"
expect "its own section"
"$KAOHE" --db "$DB" evidence list "$card" | grep -q "^1.2.2.1    1:34 .*(corrected)" ||
    fail "the correction is not stored"
send v

# Last year: 1.1.1 of the final card of 2024-11-20.
send g L
wait_for "Last year · #$last 宜蘭分署 · 2024-11-20 · final"
expect "Score: 28 (1~30)"
expect "去年：各科室均完成標準作業流程"
send C
wait_for "last year's record copied into 1.1.1: saved"
send c
wait_for "#$last"
wait_for "#$card"
send q
wait_for "Last year · #$last"
send q
wait_for "Record (r)       去年：各科室均完成標準作業流程"
"$KAOHE" --db "$DB" export "$card" --format json >"$tui_tmp/card.json"
grep -F -q '"record": "去年：各科室均完成標準作業流程"' "$tui_tmp/card.json" ||
    fail "last year's record was not saved"
send Q
wait_for "[exit 0]"
