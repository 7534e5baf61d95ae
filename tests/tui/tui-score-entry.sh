#!/bin/sh
# Typing scores: Enter saves and says where the walk went; a refused
# score stays visible but the next digit replaces it, and "saved ✓" goes;
# an ambiguous score lists only the tiers that hold it.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
start open "$id"
wait_for "0/36 items"
type_text 28
send Enter
# A note typed next goes to the item shown: the message names it.
wait_for "saved 28 for 1.1.1 · now at 1.1.2"
expect "1/36 items"
expect "saved ✓"

# 1.1.2 takes 1~40: 41 is refused, and the bar no longer says "saved ✓".
type_text 41
send Enter
wait_for "41 is out of range"
expect "nothing saved"
expect_not "saved ✓"
# The refused 41 is replaced, not appended to (it would be 4135).
type_text 35
send Enter
wait_for "saved 35 for 1.1.2 · now at 1.1.3"
expect "2/36 items"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -q '"score": 35,' "$tui_tmp/out.json" || fail "35 was not saved"

# Backspace after a refusal corrects the typed text instead.
type_text 31
send Enter
wait_for "31 is out of range"
send BSpace
type_text 0
send Enter
wait_for "saved 30 (tier 1) for 1.1.3 · now at 1.2.1"

# 8 fits tiers 2 (1~15) and 3 (1~10) of 1.2.1, not tier 1 (16~20).
type_text 8
send Enter
wait_for "8 fits tiers 2, 3: which one?"
expect "2 1~15  提供「核心設施」"
expect "3 1~10  提供「核心設施」"
expect_not "16~20  除提供"
# 1 is not a choice: the menu stays. Keys are read in order, so the find
# prompt that / opens in the menu shows that 1 was read first, and that
# the menu was still there to take the /.
send 1 /
wait_for "Find:"
send Escape
wait_gone "Find:"
expect "8 fits tiers 2, 3: which one?"
send 3
wait_for "saved 8 (tier 3) for 1.2.1 · now at 1.2.2.1"
expect "4/36 items"
exit 0
