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
wait_for "saved ✓"
expect "服務人員回應問題正確率達 90% 以上"
# Mid-item: a tier chosen and a score half typed, never acknowledged.
send t 1
type_text 2
wait_for "tier 1: 26~30"
pid=$(kaohe_pid)
[ -n "$pid" ] || fail "cannot find kaohe's PID"
kill -9 "$pid"
wait_for "[exit 137]"

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
exit 0
