#!/bin/sh
# Bracketed paste: pasted text on the item screen is not taken for keys;
# pasted into a note it arrives whole, line breaks and all.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
"$KAOHE" --db "$DB" set "$id" 1.1.1 28 || exit 99
start open "$id"
wait_for "1/36 items"
send k
wait_for "28 / 30"
# "x" would clear the score, "F" finalize, "q" quit: none may happen.
T set-buffer -b p "x F q 5 Enter"
T paste-buffer -p -b p -t t
wait_for "a paste is not keys"
expect "28 / 30"
expect "1/36 items"

send r
wait_for "Record (紀錄事項)"
printf '1. 各科室業務承辦人員依據「本分署 SOP 標準作業流程實施計畫」\n2. 設置中英文雙語標示服務流程圖 x F q' >"$tui_tmp/paste"
T load-buffer -b p "$tui_tmp/paste"
T paste-buffer -p -b p -t t
wait_for "設置中英文雙語標示服務流程圖 x F q"
send Escape
wait_for "1/36 items"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -F -q '"record": "1. 各科室業務承辦人員依據「本分署 SOP 標準作業流程實施計畫」\n2. 設置中英文雙語標示服務流程圖 x F q"' \
    "$tui_tmp/out.json" || fail "the pasted record is not exact"
grep -q '^  "score": 28,$' "$tui_tmp/out.json" || fail "the paste changed a score"
exit 0
