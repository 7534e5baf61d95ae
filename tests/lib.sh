# Shared helpers for the command-line tests. Sourced by tests/cli-*.sh.
# The harness exports KAOHE (the built binary) and top_srcdir.
set -u
: "${KAOHE:?KAOHE must name the kaohe binary}"
: "${top_srcdir:?top_srcdir must be set}"
export LC_ALL=${LC_ALL:-C.UTF-8} TZ=UTC
unset KAOHE_DB XDG_DATA_HOME KAOHE_RUBRIC_PATH

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-test.XXXXXX")
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
db=$tmp/kaohe.db
failures=0
checks=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# run CMD...: runs kaohe with the test db; sets $out, $err and $rc.
run() {
	rc=0
	"$KAOHE" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# expect RC SUBSTRING CMD...: exit status RC and SUBSTRING in stderr (or
# stdout when RC is 0).
expect() {
	local want=$1 text=$2
	shift 2
	checks=$((checks + 1))
	run "$@"
	if [ "$rc" -ne "$want" ]; then
		fail "kaohe $*: exit $rc, want $want (stderr: $err)"
		return
	fi
	local where=$err
	[ "$want" -eq 0 ] && where=$out
	case $where in
	*"$text"*) ;;
	*) fail "kaohe $*: output lacks '$text': $where" ;;
	esac
}

# same FILE1 FILE2 WHAT: byte-for-byte equality.
same() {
	checks=$((checks + 1))
	cmp -s "$1" "$2" || fail "$3: $1 and $2 differ"
}

# golden NAME FILE: compare FILE with tests/golden/NAME; UPDATE=1 rewrites.
golden() {
	local want=$top_srcdir/tests/golden/$1
	checks=$((checks + 1))
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$2" "$want"
		return
	fi
	if ! diff -u "$want" "$2" >"$tmp/diff"; then
		fail "golden $1 differs:"
		head -40 "$tmp/diff" >&2
	fi
}

# behind_kaohe DB SQL: run SQL with sqlite3 as a hostile laptop would. The
# triggers are dropped first (the audit trail's hash is a function only
# kaohe has, so sqlite3 cannot write through them) and put back exactly
# after, so that the schema is kaohe's again and only the seals and the
# chain can tell.
behind_kaohe() {
	local rc=0
	sqlite3 "$1" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger'" \
	    >"$tmp/behind.sql" || return 1
	sqlite3 "$1" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master
	    WHERE type = 'trigger'" | sqlite3 "$1" || return 1
	sqlite3 "$1" "$2" || rc=1
	sqlite3 "$1" <"$tmp/behind.sql" || rc=1
	return $rc
}

finish() {
	echo "$checks checks, $failures failures"
	[ "$failures" -eq 0 ]
}
