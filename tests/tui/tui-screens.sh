#!/bin/sh
# Whole-screen goldens at 80x24 with a pinned environment (LANG=C.UTF-8,
# TERM=screen, TZ=UTC, no colour in the capture): home, the walk and the
# outline. A change of layout shows as a diff of the screen.
. "$top_srcdir/tests/tui/lib.sh"

final=$(final_card 臺南分署 2021-08-06) || exit 99
draft=$("$KAOHE" --db "$DB" new --agency 法務部行政執行署宜蘭分署 \
    --date 2022-05-01 --inspector 王小明 --inspector 陳美玲 --no-tui) || exit 99
"$KAOHE" --db "$DB" set "$draft" 1.1.1 27 >/dev/null || exit 99
"$KAOHE" --db "$DB" note "$draft" 1.1.1 --record "已訂定標準作業流程" || exit 99

start
golden_screen tui-home "1 of 2 ·"
send Enter
golden_screen tui-walk "1/36 items"
send o
golden_screen tui-outline "row 5 of 54"
exit 0
