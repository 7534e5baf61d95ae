#!/bin/sh
# The home screen's / searches notes and evidence (FTS5 trigram, and a
# scan for two characters); Enter on a hit opens the walk at the item
# whose note or passage matched.
. "$top_srcdir/tests/tui/lib.sh"

yilan=$("$KAOHE" --db "$DB" new --agency 宜蘭分署 --date 2025-12-01 \
    --inspector 甲 --no-tui) || exit 99
"$KAOHE" --db "$DB" evidence add "$yilan" \
    "$top_srcdir/tests/data/evidence/000_db66db9cab79e5c1.txt" >/dev/null ||
    exit 99
tainan=$(new_card)
"$KAOHE" --db "$DB" note "$tainan" 2.1.3 --rationale "行動支付上線" || exit 99

start
wait_for "1 of 2 ·"

# A phrase of seed 000's 2. 優質服務 section, (3) 啟動「偏鄉行動服務站」.
send /
wait_for "Notes or evidence contain"
type_text "偏鄉行動服務站"
send Enter
wait_for "1 of 1 ·"
expect "宜蘭分署"
expect_not "臺南分署"
send Enter
wait_for "2. 優質服務"
send q
wait_for "1 of 1 ·"

# A rationale: the walk opens at its item.
send /
wait_for "Notes or evidence contain"
send BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "行動支付上線"
send Enter
wait_for "1 of 1 ·"
expect "臺南分署"
send Enter
wait_for "3. 開發線上申辦或跨平台通用服務"
send q
wait_for "1 of 1 ·"

# Two characters: too short for a trigram, found by the scan.
send /
wait_for "Notes or evidence contain"
send BSpace BSpace BSpace BSpace BSpace BSpace
type_text "支付"
send Enter
wait_for 'notes~"支付"'
expect "1 of 2 ·"
send q
wait_gone "1 of 2 ·"
