#!/bin/sh
# One place in an item's passage for both evidence views: scrolled on the
# full screen (v), the pane beside the item shows the same line on top,
# and v shows it on top again; at another width (a resize, the pane
# hidden at 80x24) the line that holds it is on top. Another item's
# passage starts at its top.
. "$top_srcdir/tests/tui/lib.sh"

seed=$top_srcdir/tests/data/evidence/000_db66db9cab79e5c1.txt
card=$("$KAOHE" --db "$DB" new --agency 宜蘭分署 --date 2025-12-01 \
    --inspector 甲 --no-tui) || exit 99
"$KAOHE" --db "$DB" evidence add "$card" "$seed" >/dev/null || exit 99

# 1.2.2.1 has no section of its own: the passage is 1.2.2's, long enough
# to scroll at 120x30. Its first lines, then the paragraph (2) a page on.
first=" 2. 網站使用便利性"
two=" - (2)為建立政府與民眾雙向溝通平台，本分署於機關臉書粉絲專頁建立溝通平台、YouTube 上置放宣傳影片及配合 MyEGov 政策設立"

start open "$card"
T resize-window -t t -x 120 -y 30
wait_for "its own section"
send j j j j
wait_for "(1) 機關網站應方便瀏覽查詢  1~5 points"
wait_for "no section of its own: that of 1.2.2"
# Row 4 is the passage's first line beside the item, as on the full screen.
wait_for_line 4 "│$first"

send v
wait_for "Evidence · 1.2.2.1 機關網站應方便瀏覽查詢"
wait_for_line 4 "$first"
send PgDn
# A page on: the blank line before (2) on top, (2) under it.
wait_for_line 5 "$two"
screen | sed -n 4p | grep -q -x "" || fail "the line on top is not the blank before (2)"

# Back beside the item: the same place, wrapped at the pane's width.
send v
wait_for "(1) 機關網站應方便瀏覽查詢  1~5 points"
wait_for_line 5 "│ - (2)為建立政府與民眾雙向溝通平台，本"
screen | sed -n 4p | grep -q "│$" || fail "the pane's top line is not the blank before (2)"

# And on the full screen again.
send v
wait_for "Evidence · 1.2.2.1 機關網站應方便瀏覽查詢"
wait_for_line 5 "$two"

# A resize on the full screen wraps again and keeps the place.
T resize-window -t t -x 80 -y 24
wait_for_line 5 " - (2)為建立政府與民眾雙向溝通平台，本分署於機關臉書粉絲專頁建立溝通平台、"
send q
wait_for "(1) 機關網站應方便瀏覽查詢  1~5 points"
expect_not "no section of its own"
# The pane is hidden at 80x24; v shows the place again.
send v
wait_for "Evidence · 1.2.2.1 機關網站應方便瀏覽查詢"
wait_for_line 5 " - (2)為建立政府與民眾雙向溝通平台，本分署於機關臉書粉絲專頁建立溝通平台、"

# Another item: its passage (the same section here) starts at the top,
# and so does this one's when the walk comes back to it.
send q
wait_for "(1) 機關網站應方便瀏覽查詢  1~5 points"
send j
wait_for "(2) 提供多元及便利的資訊檢索服務  1~10 points"
send k
wait_for "(1) 機關網站應方便瀏覽查詢  1~5 points"
send v
wait_for "Evidence · 1.2.2.1 機關網站應方便瀏覽查詢"
wait_for_line 4 "$first"
T resize-window -t t -x 120 -y 30
wait_for_line 30 "y:quote into the record"
send q
wait_for "(1) 機關網站應方便瀏覽查詢  1~5 points"
wait_for_line 4 "│$first"
send Q
wait_for "[exit 0]"
