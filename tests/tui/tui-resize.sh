#!/bin/sh
# A window smaller than 80x24 shows a plain message, not a broken layout;
# enlarged again, the layout comes back.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
start open "$id"
wait_for "0/36 items"
T resize-window -t t -x 40 -y 10
wait_for "terminal too small: 40x10, need 80x24"
expect_not "0/36 items"
# Keys typed meanwhile do nothing.
type_text 5
send Enter
T resize-window -t t -x 80 -y 24
wait_for "0/36 items"
expect "申辦業務標準作業流程訂定情形"
# The score field is empty: the 5 typed while too small went nowhere.
screen | grep -q "Score  *type 1~30, then Enter" ||
    fail "the score field is not empty"
expect_not "terminal too small"
expect_not "saved ✓"
# Bigger is fine too, and the status bar follows the bottom.
# The old layout's status line is still on screen until the redraw, so
# poll for it on line 39 itself.
T resize-window -t t -x 120 -y 40
_i=0
until screen | sed -n 39p | grep -F -q "0/36 items"; do
	_i=$((_i + 1))
	[ $_i -lt 200 ] ||
	    fail "the status bar is not on the second-to-last line"
	sleep 0.05
done
exit 0
