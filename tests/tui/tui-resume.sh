#!/bin/sh
# kill -9 in the middle of an item, then `kaohe open ID`: the walk resumes
# at the first unscored item and nothing that was acknowledged is lost.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
start open "$id"
wait_for "0/36 items"
type_text 28
send Enter
wait_for "1/36 items"
type_text 36
send Enter
wait_for "2/36 items"
send r
wait_for "Record (紀錄事項)"
type_text "服務人員回應問題正確率達 90% 以上"
send Escape
# The editor's own status line says "saved ✓" too: wait until it is gone.
wait_gone "Record (紀錄事項)"
wait_for "saved ✓"
expect "服務人員回應問題正確率達 90% 以上"
# A rationale being typed is saved after a pause, before it is left.
send R
wait_for "Rationale (評分說明)"
type_text "給予 36 分"
wait_for "editing: saved when you pause or leave"
wait_for "saved ✓"
send Escape
wait_for "2/36 items"
# Mid-item: a tier chosen and a score half typed, never acknowledged.
send t 1
type_text 2
wait_for "tier 1: 26~30"
pid=$(kaohe_pid)
[ -n "$pid" ] || fail "cannot find kaohe's PID"
kill -9 "$pid"
wait_dead "$pid"

start open "$id"
wait_for "2/36 items"
expect "3. 服務人員專業度"
expect "服務人員回應問題正確率達 90% 以上"
expect "total 64/1000"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -q '^  "score": 64,$' "$tui_tmp/out.json" || fail "a score was lost"
grep -F -q '"record": "服務人員回應問題正確率達 90% 以上"' "$tui_tmp/out.json" ||
    fail "the record was lost"
grep -F -q '"rationale": "給予 36 分"' "$tui_tmp/out.json" ||
    fail "the rationale was lost"

# Killed while writing a note: what was saved after the pause survives.
send R
wait_for "Rationale (評分說明)"
type_text "，理由充分"
wait_for "saved ✓"
pid=$(kaohe_pid)
[ -n "$pid" ] || fail "cannot find kaohe's PID"
kill -9 "$pid"
wait_dead "$pid"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -F -q '"rationale": "給予 36 分，理由充分"' "$tui_tmp/out.json" ||
    fail "the paused note was lost"
exit 0
