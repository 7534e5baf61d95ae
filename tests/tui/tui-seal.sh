#!/bin/sh
# A card changed behind kaohe's back opens with a warning line that names
# what changed, and read-only.
. "$top_srcdir/tests/tui/lib.sh"

command -v sqlite3 >/dev/null || { echo "SKIP: no sqlite3"; exit 77; }
small=$top_srcdir/tests/data/rubric-ok/small.yaml
id=$("$KAOHE" --db "$DB" new --rubric "$small" --agency 臺南分署 \
    --date 2021-08-06 --inspector 甲 --no-tui) || exit 99
for k in 1.1 1.2 2.1 2.2; do
	"$KAOHE" --db "$DB" set "$id" "$k" 10 >/dev/null || exit 99
done
"$KAOHE" --db "$DB" set "$id" 1.1 28 >/dev/null || exit 99
"$KAOHE" --db "$DB" note "$id" 2.1 --rationale "原本的說明" || exit 99
start open "$id"
wait_for "#$id draft"
expect_not "TAMPERED"
send q
wait_for "[exit 0]"

# A draft's rationale rewritten with its triggers dropped and put back: the
# draft is not sealed, but its summary no longer agrees once a score moves.
sqlite3 "$DB" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger'" \
    >"$tui_tmp/triggers.sql" || exit 99
sqlite3 "$DB" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master
    WHERE type = 'trigger'" | sqlite3 "$DB" || exit 99
sqlite3 "$DB" "UPDATE entries SET score = 30 WHERE item = '2.1'" || exit 99
sqlite3 "$DB" <"$tui_tmp/triggers.sql" || exit 99
start open "$id"
wait_for "TAMPERED: its summary says 58 points"
expect "#$id draft: read-only"
type_text 5
wait_for "failed verification: read-only"
# Its note opens read-only, and says why: not "finalized", it is not.
send g R
wait_for "failed verification: read-only. Esc goes back."
expect_not "finalized"
type_text x
wait_for "failed verification: read-only"
send Escape
wait_for "#$id draft: read-only"
send q
wait_for "[exit 0]"
"$KAOHE" --db "$DB" export "$id" --format json 2>/dev/null |
    grep -q '"score": 30,' || fail "the test's edit did not happen"
exit 0
