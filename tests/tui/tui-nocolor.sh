#!/bin/sh
# NO_COLOR: no colour at all, yet the bars, the selection and the chosen
# tier stay visible through reverse and bold.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
"$KAOHE" --db "$DB" set "$id" 1.1.3 28 --tier 1 || exit 99

# With colour allowed, there is colour: the check below can fail.
TUI_TERM=tmux-256color
start open "$id"
wait_for "1/36 items"
T capture-pane -p -e -t t | grep -E -q '\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5;[0-9]+)m' ||
    fail "no colour without NO_COLOR"

TUI_ENV="NO_COLOR=1"
start open "$id"
wait_for "1/36 items"
send j j
wait_for "[x] 1  服務人員回應問題正確率達 90% 以上"
T capture-pane -p -e -t t >"$tui_tmp/esc"
if grep -E -q '\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)m' "$tui_tmp/esc"; then
	fail "colour under NO_COLOR"
fi
grep -q '\[7m' "$tui_tmp/esc" || fail "no reverse video for the bars"
grep -q '\[1m' "$tui_tmp/esc" || fail "no bold"
expect "28 / 30"
send o
wait_for "Outline"
T capture-pane -p -e -t t | grep -q '\[7m' || fail "no reverse selection"
exit 0
