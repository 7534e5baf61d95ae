#!/bin/sh
# Finalize refuses an incomplete scorecard and lists what is unscored;
# a complete one is finalized after typing yes, then opens read-only.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
"$KAOHE" --db "$DB" set "$id" 1.1.1 28 || exit 99
start open "$id"
wait_for "1/36 items"
send F
wait_for "cannot finalize: 35 unscored"
expect "服務及時性"
expect "服務人員專業度"
# Enter goes to the first unscored item.
send Enter
wait_for "2. 服務及時性"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -q '^  "status": "draft",$' "$tui_tmp/out.json" ||
    fail "an incomplete scorecard was finalized"
send q
wait_for "[exit 0]"

tainan_scores | while IFS='	' read -r key score tier; do
	"$KAOHE" --db "$DB" set "$id" "$key" "$score" ${tier:+--tier "$tier"} ||
	    exit 1
done || exit 99
start open "$id"
wait_for "36/36 items"
send F
# The review comes first (kaohe check): no rationale was written here.
wait_for "36 findings (kaohe check): Enter on one goes there"
expect "1.1.1  no-rationale  scored, but the rationale (評分說明) is empty"
send Enter
wait_for "Finalize 臺南分署 at 870/1000?"
type_text yes
send Enter
wait_for "finalized: the scorecard is now read-only"
expect "final: read-only"
type_text 5
wait_for "finalized: read-only"
send r
wait_for "Record (紀錄事項)"
type_text x
wait_for "finalized: read-only"
send Escape
wait_for "36/36 items"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -q '^  "status": "final",$' "$tui_tmp/out.json" ||
    fail "the scorecard was not finalized"
# Reopened, it is read-only from the start.
send q
wait_for "[exit 0]"
start open "$id"
wait_for "final: read-only"
# The hint line (from the key table) leaves out what a final card refuses.
expect "r:record R:rationale o:outline e:export v:evidence L:last year ?:help"
expect_not "0-9 Enter:score"
expect_not "t 1-9:tier"
exit 0
