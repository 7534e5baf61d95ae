#!/bin/sh
# Without a usable terminal the UI refuses plainly, before taking it over:
# no tty at all, TERM=dumb (no cursor addressing), an unknown TERM.
. "$top_srcdir/tests/tui/lib.sh"

if "$KAOHE" --db "$DB" </dev/null >"$tui_tmp/out" 2>"$tui_tmp/err"; then
	echo "FAIL: the UI started without a terminal"
	exit 1
fi
grep -q "needs a terminal" "$tui_tmp/err" ||
    { echo "FAIL: no message without a terminal"; cat "$tui_tmp/err"; exit 1; }

TUI_TERM=dumb
start
wait_for "[exit 1]"
expect "TERM=dumb cannot move the cursor"

TUI_TERM=no-such-terminal
start
wait_for "[exit 1]"
expect "cannot start the terminal UI on TERM=no-such-terminal"
exit 0
