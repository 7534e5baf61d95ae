#!/bin/sh
# One answer to "is this terminal UTF-8?" (width_locale_utf8): with the C
# locale every screen draws ASCII, home's progress and the stats screen's
# bars alike, as `kaohe stats` does; under UTF-8 they draw blocks.
. "$top_srcdir/tests/tui/lib.sh"

final=$(final_card 高雄分署 2020-07-01) || exit 99

TUI_LANG=C
start
wait_for "1 of 1 ·"
expect "36/36 #######"
expect "為民服務不~"
expect_not "█"
send t
wait_for "Stats · kaohe"
expect "##########"
expect_not "█"
send q
wait_for "1 of 1 ·"
send q
wait_for "[exit 0]"

TUI_LANG=C.UTF-8
start
wait_for "1 of 1 ·"
expect "36/36 ███████"
expect "為民服務不…"
send t
wait_for "Stats · kaohe"
expect "██████████"
expect_not "###"
exit 0
