# Every refusal of the scoring commands: the exit status, a message that
# says what is wrong, and nothing written.
. "$top_srcdir/tests/lib.sh"

new() {
	"$KAOHE" --db "$db" new --agency 臺南分署 --date 2021-08-06 \
	    --inspector 甲 --no-tui
}
id=$(new) || { fail "new"; finish; exit 1; }

# Usage errors exit 2.
expect 2 "needs ID, ITEM and SCORE" set "$id" 1.1.1
expect 2 "unknown option '--bogus'" set "$id" 1.1.1 3 --bogus
expect 2 "--tier wants a whole number" set "$id" 1.1.1 3 --tier x
expect 2 "choose one of --record and --rationale" note "$id" 1.1.1 x
expect 2 "unknown command 'frobnicate'" frobnicate
expect 2 "--agency is required" new --inspector 甲 --no-tui
expect 2 "--inspector is required" new --agency 甲 --no-tui
expect 2 "is not a date" new --agency 甲 --inspector 乙 --date 2021-02-29 --no-tui
expect 2 "is not a date" new --agency 甲 --inspector 乙 --date 110-02-29 --no-tui
expect 2 "is not a date" new --agency 甲 --inspector 乙 --date 0-08-06 --no-tui
expect 2 "is not a date" new --agency 甲 --inspector 乙 --date 110-08-06x --no-tui
expect 2 "control character" new --agency "$(printf 'a\033[2Jb')" --inspector 乙 --no-tui
# The one text rule (text.c): one line, no bidi controls, not blank.
expect 2 "must be one line" new --agency "$(printf 'a\nb')" --inspector 乙 --no-tui
expect 2 "bidirectional" new --agency "$(printf 'a\342\200\256b')" --inspector 乙 --no-tui
expect 2 "--inspector is empty" new --agency 甲 --inspector "$(printf '\343\200\200 ')" --no-tui
expect 2 "--agency is empty" new --agency "$(printf '\342\200\213')" --inspector 乙 --no-tui
expect 1 "bidirectional" note "$id" 1.1.1 --record "$(printf 'x\342\201\246y')"
# ROC dates are read as the export prints them.
roc=$("$KAOHE" --db "$db" new --agency 甲 --inspector 乙 --date 115-11-20 --no-tui)
checks=$((checks + 1))
"$KAOHE" --db "$db" export "$roc" --format json | grep -q '"date": *"2026-11-20"' ||
	fail "new --date 115-11-20 is not stored as 2026-11-20"
roc=$("$KAOHE" --db "$db" new --agency 甲 --inspector 乙 --date 110年8月6日 --no-tui)
checks=$((checks + 1))
"$KAOHE" --db "$db" export "$roc" --format json | grep -q '"date": *"2021-08-06"' ||
	fail "new --date 110年8月6日 is not stored as 2021-08-06"
expect 2 "--format is text, csv or json" list --format xml
expect 2 "--format is text, md, csv, json, html or pdf, or jsonl for a bundle; not 'docx'" export "$id" --format docx

# Refused work exits 1 and writes nothing: the history stays as it was.
"$KAOHE" --db "$db" history "$id" >"$tmp/before"
expect 1 "1.1.3 服務人員專業度: 31 is out of range 1~30" set "$id" 1.1.3 31
expect 1 "1~30" set "$id" 1.1.3 0
expect 1 "1.1.3 服務人員專業度" set "$id" 1.1.3 -3
expect 1 "1.1.3 服務人員專業度" set "$id" 1.1.3 2.5
expect 1 "1.1.3 服務人員專業度" set "$id" 1.1.3 abc
expect 1 "1.1.3 服務人員專業度" set "$id" 1.1.3 99999999999999999999
expect 1 "no item '9.9.9'" set "$id" 9.9.9 3
expect 1 "is a section" set "$id" 1.1 30
expect 1 "no item" note "$id" 9.9.9 --record x
expect 1 "fits several tiers" set "$id" 1.2.1 8
expect 1 "1.1.3 服務人員專業度: 28 is outside tier 2 (21~25)" \
    set "$id" 1.1.3 28 --tier 2
expect 1 "1.1.3 服務人員專業度: there is no tier 9 (tiers 1~5)" \
    set "$id" 1.1.3 28 --tier 9
expect 1 "scorecard 999" set 999 1.1.1 3
expect 2 "not a scorecard ID" set abc 1.1.1 3
# A message that echoes what was typed shows it without its control
# characters, and on one line.
expect 2 "'1[2Jx' is not a scorecard ID" show "$(printf '1\033[2Jx')"
expect 2 "'1 x' is not a scorecard ID" history "$(printf '1\nx')"
expect 2 "not a scorecard ID" set 0 1.1.1 3
expect 2 "not a scorecard ID" history x
expect 2 "-o needs a file name" export "$id" -o ""
expect 1 "items are unscored" finalize "$id"
rc=0; printf 'a\000b' | "$KAOHE" --db "$db" note "$id" 1.1.1 --record - \
    2>"$tmp/err" || rc=$?
checks=$((checks + 1))
[ "$rc" -eq 1 ] && grep -q "NUL" "$tmp/err" || fail "a NUL in a note: exit $rc"
rc=0; printf 'a\377b' | "$KAOHE" --db "$db" note "$id" 1.1.1 --record - \
    2>"$tmp/err" || rc=$?
checks=$((checks + 1))
[ "$rc" -eq 1 ] && grep -q "UTF-8" "$tmp/err" || fail "invalid UTF-8 note: exit $rc"
"$KAOHE" --db "$db" history "$id" >"$tmp/after"
same "$tmp/before" "$tmp/after" "history after refused writes"

# An ambiguous score is accepted once its tier is chosen.
expect 0 "" set "$id" 1.2.1 8 --tier 3

# A first run has no database: reading shows nothing, and creates nothing.
rc=0; "$KAOHE" --db "$tmp/none.db" list --format json >"$tmp/out" || rc=$?
checks=$((checks + 1))
[ "$rc" -eq 0 ] && [ "$(cat "$tmp/out")" = "[]" ] || fail "list, no db: $rc"
rc=0; "$KAOHE" --db "$tmp/none.db" show 1 2>"$tmp/err" || rc=$?
checks=$((checks + 1))
[ "$rc" -eq 1 ] && grep -q "kaohe new" "$tmp/err" || fail "show, no db: $rc"
checks=$((checks + 1))
[ ! -e "$tmp/none.db" ] || fail "reading created $tmp/none.db"

# Files that are not kaohe databases are refused and left untouched.
printf 'not a database, just text\n' >"$tmp/junk.db"
cp "$tmp/junk.db" "$tmp/junk.orig"
rc=0; "$KAOHE" --db "$tmp/junk.db" list >/dev/null 2>"$tmp/err" || rc=$?
checks=$((checks + 1)); [ "$rc" -eq 1 ] || fail "junk file: exit $rc"
rc=0; "$KAOHE" --db "$tmp/junk.db" new --agency a --inspector b --no-tui \
    >/dev/null 2>>"$tmp/err" || rc=$?
checks=$((checks + 1)); [ "$rc" -eq 1 ] || fail "junk file new: exit $rc"
same "$tmp/junk.db" "$tmp/junk.orig" "a junk file after kaohe"

if command -v sqlite3 >/dev/null; then
	sqlite3 "$tmp/other.db" 'CREATE TABLE t(x); INSERT INTO t VALUES (1);'
	cp "$tmp/other.db" "$tmp/other.orig"
	rc=0; "$KAOHE" --db "$tmp/other.db" new --agency a --inspector b \
	    --no-tui >/dev/null 2>"$tmp/err" || rc=$?
	checks=$((checks + 1)); [ "$rc" -eq 1 ] || fail "foreign db: exit $rc"
	same "$tmp/other.db" "$tmp/other.orig" "another program's database"
fi

# A read-only database can be read, and writing to it is refused. Root
# ignores file modes, so as root the check runs as nobody.
as_user=""
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv >/dev/null &&
	    as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
	mkdir "$tmp/ro"
	"$KAOHE" --db "$db" export "$id" --format json >"$tmp/ro-before.json"
	cp "$db" "$tmp/ro/ro.db"
	chmod 0444 "$tmp/ro/ro.db"; chmod 0555 "$tmp/ro"; chmod 0755 "$tmp"
	rc=0; $as_user "$KAOHE" --db "$tmp/ro/ro.db" export "$id" \
	    --format json >"$tmp/ro-after.json" 2>"$tmp/err" || rc=$?
	checks=$((checks + 1))
	[ "$rc" -eq 0 ] || fail "read-only export: exit $rc: $(cat "$tmp/err")"
	same "$tmp/ro-before.json" "$tmp/ro-after.json" "read-only export"
	rc=0; $as_user "$KAOHE" --db "$tmp/ro/ro.db" set "$id" 1.1.1 3 \
	    2>"$tmp/err" || rc=$?
	checks=$((checks + 1))
	[ "$rc" -eq 1 ] || fail "read-only set: exit $rc"
	grep -q "read-only" "$tmp/err" || fail "read-only set: $(cat "$tmp/err")"
	chmod 0700 "$tmp" "$tmp/ro"
else
	echo "SKIP: read-only checks (root without setpriv)"
fi

# A report lost to a full disk is an error, not exit 0.
if [ -w /dev/full ]; then
	for args in "show $id" "history $id" "stats" "compare $id $id" \
	    "rubric list"; do
		checks=$((checks + 1))
		rc=0
		# shellcheck disable=SC2086
		"$KAOHE" --db "$db" $args >/dev/full 2>"$tmp/err" || rc=$?
		[ "$rc" -eq 1 ] || fail "$args >/dev/full: exit $rc"
		grep -q "cannot write" "$tmp/err" ||
		    fail "$args >/dev/full: $(cat "$tmp/err")"
	done
fi

# The database file is private.
mode=$(stat -c %a "$db")
checks=$((checks + 1)); [ "$mode" = 600 ] || fail "database mode $mode"

finish
