#!/bin/sh
# A long Chinese paste (no bracketed paste: tmux paste-buffer without -p)
# arrives whole in the note editor. The terminal delivers it in pieces
# that may split a character's bytes; the bytes already read must wait
# for the rest, never be dropped with whatever follows them.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
start open "$id"
wait_for "0/36 items"
send r
wait_for "Record (紀錄事項)"

# The split made certain: "abc" and the first byte of 長 (e9 95 b7), then
# a pause long enough for the autosave (so the program has read the lone
# byte and found nothing after it), then the other two bytes and "def".
send -H 61 62 63 e9
wait_for "abc"
wait_for "saved ✓"
send -H 95 b7 64 65 66
wait_for "abc長def"
send Escape
wait_for "0/36 items"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -F -q '"record": "abc長def"' "$tui_tmp/out.json" ||
    fail "the split character was not put together"

# 33,000 characters (69,000 bytes) pasted at once into the rationale.
send R
wait_for "Rationale (評分說明)"
# shellcheck disable=SC2046
printf '%05d貼上的長文字' $(seq 0 2999) >"$tui_tmp/paste"
T load-buffer -b p "$tui_tmp/paste"
T paste-buffer -b p -t t
WAIT_STEPS=1200
wait_for "02999貼上的長文字"
WAIT_STEPS=
send Escape
wait_for "0/36 items"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
sed -n 's/^ *"rationale": "\(0.*\)",\{0,1\}$/\1/p' "$tui_tmp/out.json" \
    >"$tui_tmp/got"
printf '\n' >>"$tui_tmp/paste"
cmp "$tui_tmp/paste" "$tui_tmp/got" >/dev/null ||
    fail "the pasted rationale differs: $(wc -c <"$tui_tmp/got") bytes of $(wc -c <"$tui_tmp/paste")"
exit 0
