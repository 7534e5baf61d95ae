#!/bin/sh
# One answer to "is this terminal UTF-8?" (width_locale_utf8): with the C
# locale every screen draws ASCII, home's progress and the stats screen's
# bars alike, as `kaohe stats` does; under UTF-8 they draw blocks.
. "$top_srcdir/tests/tui/lib.sh"

final=$("$KAOHE" --db "$DB" new --agency 高雄分署 --date 2020-07-01 \
    --inspector 為民服務不定期考核小組 --no-tui) || exit 99
tainan_scores | while IFS='	' read -r key score tier; do
	"$KAOHE" --db "$DB" set "$final" "$key" "$score" ${tier:+--tier "$tier"} ||
	    exit 1
done || exit 99
"$KAOHE" --db "$DB" finalize "$final" >/dev/null 2>&1 || exit 99

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
