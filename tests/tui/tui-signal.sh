#!/bin/sh
# Ctrl-C (and SIGTERM) leave kaohe cleanly: the terminal is restored
# (canonical mode and echo back on) and what was accepted is kept.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
start open "$id"
wait_for "0/36 items"
type_text 28
send Enter
wait_for "1/36 items"
send C-c
wait_for "[exit 130]"
wait_for "icanon"
expect_not "-icanon"
screen | grep -x -q "echo" || fail "echo was not restored"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -q '^  "score": 28,$' "$tui_tmp/out.json" || fail "the score was lost"

# SIGTERM from outside, from the home screen.
start
wait_for "臺南分署"
pid=$(kaohe_pid)
[ -n "$pid" ] || fail "cannot find kaohe's PID"
kill -TERM "$pid"
wait_for "[exit 143]"
wait_for "icanon"
expect_not "-icanon"
exit 0
