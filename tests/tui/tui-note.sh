#!/bin/sh
# A Chinese record typed through the keyboard (as an IME sends it) is
# saved exactly, newline included, and edited by display column.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
start open "$id"
wait_for "0/36 items"
send r
wait_for "Record (紀錄事項)"
# The hint line fits 80 columns whole.
expect 'Esc: save and back · Ctrl-O: $EDITOR'
type_text "各科室業務承辦，均完成製作標準作業流程達 100%。"
send Enter
type_text "給予 29 分"
wait_for "給予 29 分"
# Two columns a character: Left twice lands before "分"'s space, and
# Backspace removes the whole "9".
send Left Left BSpace
type_text "8"
wait_for "給予 28 分"
send Escape
wait_for "0/36 items"
expect "saved ✓"
expect "各科室業務承辦，均完成製作標準作業流程達 100%。"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -F -q '"record": "各科室業務承辦，均完成製作標準作業流程達 100%。\n給予 28 分"' \
    "$tui_tmp/out.json" || fail "the record did not round-trip"

# The rationale, pasted fast as one burst of keys.
send R
wait_for "Rationale (評分說明)"
long="因民眾對於承辦人的問題回應正確率的滿意度達 97.87% 以上。給予 28 分。"
type_text "$long$long$long"
send Escape
wait_for "0/36 items"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -F -q "\"rationale\": \"$long$long$long\"" "$tui_tmp/out.json" ||
    fail "the pasted rationale lost characters"
exit 0
