# Hardening found while gathering (issue 11): what hostile text, odd
# files and careless options do to the command line, each refused or
# made harmless.
. "$top_srcdir/tests/lib.sh"

rubric=$top_srcdir/rubrics/110.yaml
esc=$(printf '\033')
bel=$(printf '\007')
csi=$(printf '\302\233')		# C1 CSI, U+009B
rlo=$(printf '\342\200\256')		# U+202E RIGHT-TO-LEFT OVERRIDE
zwsp=$(printf '\342\200\213')		# U+200B ZERO WIDTH SPACE

# lacks WHAT FILE BYTES...: FILE holds none of BYTES.
lacks() {
	local what=$1 file=$2 b
	shift 2
	checks=$((checks + 1))
	for b in "$@"; do
		if LC_ALL=C grep -qF "$b" "$file"; then
			fail "$what: a raw control or invisible character: $(od -c "$file" | head -5)"
			return
		fi
	done
}

id=$("$KAOHE" --db "$db" new --rubric "$rubric" --agency 宜蘭分署 \
    --date 2025-10-01 --inspector 王小明 --no-tui) || fail "new"
# What a hostile laptop could put in a field, written behind kaohe's back.
behind_kaohe "$db" "UPDATE scorecards SET agency = '=HYPERLINK(\"http://x\",\"y\")'
    || char(27) || ']52;c;aGk=' || char(7) || char(155) || '2J'
    || char(8238) || 'fdp.exe' || char(8203) || '分署' WHERE id = $id" ||
    fail "sqlite3 update"

# CSV: no controls, formulas quoted behind an apostrophe.
"$KAOHE" --db "$db" list --format csv >"$tmp/list.csv" 2>&1
lacks "list --format csv" "$tmp/list.csv" "$esc" "$bel" "$csi" "$rlo" "$zwsp"
checks=$((checks + 1))
grep -qF '"'"'"'=HYPERLINK(""http://x"",""y"")]52;c;aGk=2Jfdp.exe分署"' "$tmp/list.csv" ||
    fail "list --format csv quotes a formula: $(cat "$tmp/list.csv")"
"$KAOHE" --db "$db" stats --status draft --format csv >"$tmp/stats.csv" 2>&1
lacks "stats --format csv" "$tmp/stats.csv" "$esc" "$bel" "$csi" "$rlo" "$zwsp"
checks=$((checks + 1))
grep -qF '"'"'"'=HYPERLINK(' "$tmp/stats.csv" ||
    fail "stats --format csv quotes a formula: $(cat "$tmp/stats.csv")"
# Text output: bidi overrides and zero-width characters are gone too.
"$KAOHE" --db "$db" list >"$tmp/list.txt" 2>&1
lacks "list" "$tmp/list.txt" "$esc" "$bel" "$csi" "$rlo" "$zwsp"
"$KAOHE" --db "$db" show "$id" >"$tmp/show.txt" 2>&1
lacks "show" "$tmp/show.txt" "$esc" "$bel" "$csi" "$rlo" "$zwsp"
"$KAOHE" --db "$db" export "$id" --format csv >"$tmp/export.csv" 2>&1
lacks "export --format csv" "$tmp/export.csv" "$esc" "$bel" "$csi" "$rlo" "$zwsp"

# Options: a repeated one is an error (--inspector may repeat), a missing
# value is not taken from the next option, --db "" is not the default.
expect 2 "--agency is given twice" list --agency A --agency B
expect 2 "--format is given twice" export "$id" --format md --format csv
expect 2 "--reverse is given twice" list --reverse --reverse
expect 0 "" new --rubric "$rubric" --agency 臺南分署 --date 2021-08-06 \
    --inspector 王小明 --inspector 陳美玲 --no-tui
expect 2 "--rubric needs a value" new --rubric --no-tui --agency 臺南分署 \
    --date 2021-08-06 --inspector 王小明
expect 2 "--tier needs a value" set "$id" 1.1.1 28 --tier --clear
checks=$((checks + 1))
rc=0; "$KAOHE" --db "" list >"$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 2 ] && grep -q -- "--db needs a FILE" "$tmp/out" ||
    fail "--db '': exit $rc: $(cat "$tmp/out")"
checks=$((checks + 1))
rc=0; "$KAOHE" --db= list >"$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "--db=: exit $rc"
checks=$((checks + 1))
rc=0; "$KAOHE" --db "$db" --db "$tmp/other.db" list >"$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 2 ] && grep -q -- "--db is given twice" "$tmp/out" ||
    fail "--db twice: exit $rc"

# export -o: a read-only file is left as it was (even for root, who
# passes access(2)), and a kill while writing leaves no temporary file.
echo "the old export" >"$tmp/ro.txt"
chmod 444 "$tmp/ro.txt"
expect 1 "ro.txt: the file is read-only" export "$id" -o "$tmp/ro.txt"
checks=$((checks + 1))
[ "$(cat "$tmp/ro.txt")" = "the old export" ] || fail "a read-only file was replaced"
mkdir "$tmp/out-dir"
echo "the old export" >"$tmp/out-dir/cards.jsonl"
i=0
while [ "$i" -lt 20 ]; do
	"$KAOHE" --db "$db" new --rubric "$rubric" --agency 宜蘭分署 \
	    --date 2025-10-01 --inspector 王小明 --no-tui >/dev/null
	i=$((i + 1))
done
"$KAOHE" --db "$db" list >/dev/null	# the -shm exists before the limit
checks=$((checks + 1))
# SIGXFSZ kills the process mid-write once the file passes 64 KiB.
rc=0
(ulimit -f 128; exec "$KAOHE" --db "$db" export --all --format jsonl \
    -o "$tmp/out-dir/cards.jsonl") 2>/dev/null || rc=$?
[ "$rc" -gt 128 ] || fail "export was not killed mid-write (exit $rc)"
checks=$((checks + 1))
[ "$(ls -A "$tmp/out-dir")" = cards.jsonl ] ||
    fail "a kill during export -o left: $(ls -A "$tmp/out-dir")"
checks=$((checks + 1))
[ "$(cat "$tmp/out-dir/cards.jsonl")" = "the old export" ] ||
    fail "a kill during export -o changed the file"

# rubric check: a FIFO is refused at once, never opened to block.
mkfifo "$tmp/rubric.fifo"
checks=$((checks + 1))
rc=0
timeout 10 "$KAOHE" rubric check "$tmp/rubric.fifo" >"$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] && grep -q "rubric.fifo: not a regular file" "$tmp/out" ||
    fail "rubric check on a FIFO: exit $rc (124 is a hang): $(cat "$tmp/out")"
# A NUL byte inside a field name ("\0" in a quoted YAML key) is refused,
# not read as the name before it.
printf 'kaohe-rubric: 1\n"id\\0x": t\ntitle: t\ntotal: 1\nchildren:\n  - {key: a, title: a, min: 0, max: 1}\n' >"$tmp/nul.yaml"
expect 1 "a field name may not contain a NUL character" rubric check "$tmp/nul.yaml"
printf 'kaohe-rubric: 1\nid: t\ntitle: t\ntotal: 1\ninferred: ["total\\0x"]\nchildren:\n  - {key: a, title: a, min: 0, max: 1}\n' >"$tmp/nul2.yaml"
expect 1 "NUL" rubric check "$tmp/nul2.yaml"
# Errors and names are printed without their controls: a C1 CSI in the
# text (from a YAML escape), an escape sequence in the file's name.
printf 'kaohe-rubric: 1\nid: t\ntitle: t\ntotal: 1\n"ti\\x9b2Jtle": x\nchildren:\n  - {key: a, title: a, min: 0, max: 1}\n' >"$tmp/c1.yaml"
"$KAOHE" rubric check "$tmp/c1.yaml" >"$tmp/out" 2>&1
lacks "a rubric error" "$tmp/out" "$csi"
checks=$((checks + 1))
grep -q "c1.yaml:5:1: unknown field" "$tmp/out" || fail "the C1 error: $(cat "$tmp/out")"
bad="$tmp/bad${esc}]0;owned${bel}.yaml"
cp "$tmp/c1.yaml" "$bad"
"$KAOHE" rubric check "$bad" >"$tmp/out" 2>&1
lacks "a file name in a rubric error" "$tmp/out" "$esc" "$bel"
good="$tmp/good${esc}[2J.yaml"
printf 'kaohe-rubric: 1\nid: t\ntitle: t\ntotal: 1\nchildren:\n  - {key: a, title: a, min: 0, max: 1}\n' >"$good"
"$KAOHE" rubric check "$good" >"$tmp/out" 2>&1
lacks "a file name in rubric check's ok line" "$tmp/out" "$esc"
checks=$((checks + 1))
grep -q "good\[2J.yaml: ok (1 items, total 1)" "$tmp/out" || fail "ok line: $(cat "$tmp/out")"

# A refused foreign or corrupt file gains no -wal or -shm beside it.
mkdir "$tmp/files"
sqlite3 "$tmp/files/foreign.db" "PRAGMA journal_mode = WAL; CREATE TABLE t (x);
    INSERT INTO t VALUES (1)" >/dev/null
head -c 8192 /dev/urandom >"$tmp/files/junk.db"
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$db" "$tmp/files/corrupt.db"
# kaohe's header (magic, application_id, user_version) stays; the rest of
# the first page, the schema's, is noise.
dd if=/dev/urandom of="$tmp/files/corrupt.db" bs=1 seek=100 count=3996 conv=notrunc 2>/dev/null
for f in foreign junk corrupt; do
	for cmd in list "new --agency 宜蘭分署 --date 2025-10-01 --inspector 王小明 --no-tui"; do
		checks=$((checks + 1))
		rc=0
		# shellcheck disable=SC2086
		"$KAOHE" --db "$tmp/files/$f.db" $cmd >"$tmp/out" 2>&1 || rc=$?
		[ "$rc" -eq 1 ] || fail "$f.db $cmd: exit $rc: $(cat "$tmp/out")"
		checks=$((checks + 1))
		[ ! -e "$tmp/files/$f.db-wal" ] && [ ! -e "$tmp/files/$f.db-shm" ] ||
		    fail "$f.db $cmd left: $(ls "$tmp/files")"
	done
done

# A 0-byte file: not called read-only when it is not, and a failing
# command on a scorecard does not make it a database.
: >"$tmp/empty.db"
checks=$((checks + 1))
rc=0; "$KAOHE" --db "$tmp/empty.db" list >"$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] && grep -q "empty.db is empty: it is not a kaohe database yet" "$tmp/out" &&
    ! grep -q "read-only" "$tmp/out" || fail "list on a 0-byte file: $(cat "$tmp/out")"
for cmd in "set 1 1.1.1 28" "note 1 1.1.1 --record x" "finalize 1" "show 1"; do
	checks=$((checks + 1))
	rc=0
	# shellcheck disable=SC2086
	"$KAOHE" --db "$tmp/empty.db" $cmd >"$tmp/out" 2>&1 || rc=$?
	[ "$rc" -eq 1 ] && [ ! -s "$tmp/empty.db" ] ||
	    fail "$cmd on a 0-byte file: exit $rc, now $(wc -c <"$tmp/empty.db") bytes: $(cat "$tmp/out")"
done
chmod 444 "$tmp/empty.db"
checks=$((checks + 1))
rc=0; "$KAOHE" --db "$tmp/empty.db" list >"$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] && grep -q "empty and read-only" "$tmp/out" ||
    fail "list on a read-only 0-byte file: $(cat "$tmp/out")"
chmod 644 "$tmp/empty.db"
# new may start a database in it, as it always could.
checks=$((checks + 1))
"$KAOHE" --db "$tmp/empty.db" new --rubric "$rubric" --agency 宜蘭分署 \
    --date 2025-10-01 --inspector 王小明 --no-tui >/dev/null 2>&1 ||
    fail "new in a 0-byte file"

finish
