#!/bin/sh
# The layers, enforced: SQL (sqlite3) only in src/store*, curses only in
# src/tui/, and the core (rubric, scorecard and what they use) free of
# both and of the store and UI headers. No file writes curses' COLS or
# LINES: they are the terminal's, read-only in the curses API (a screen
# is given the width it may draw in). Comments are stripped first, so a
# comment that says "no curses here" is not a violation. The core's link
# (test-rubric, test-scorecard against libkaohe-core.a alone) proves the
# same for what the core calls.
set -u
: "${top_srcdir:?top_srcdir must be set}"
src=$top_srcdir/src
failures=0
checks=0

# The code of a C file without its comments.
code() {
	perl -0777 -pe 's{/\*.*?\*/}{ }gs; s{//[^\n]*}{}g' "$1"
}

bad() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# check FILE PATTERN WHY: FILE's code must not match the extended PATTERN.
check() {
	checks=$((checks + 1))
	if code "$1" | grep -n -E -- "$2" >"${TMPDIR:-/tmp}/layers.$$"; then
		bad "${1#$top_srcdir/}: $3: $(head -n 1 "${TMPDIR:-/tmp}/layers.$$")"
	fi
	rm -f "${TMPDIR:-/tmp}/layers.$$"
}

curses='#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|term\.h|panel\.h)'
sql='sqlite3'
core_headers='#[[:space:]]*include[[:space:]]*"(store[^"]*|tui/[^"]*|export[^"]*|import\.h|check\.h|paths\.h)"'

for f in "$src"/*.c "$src"/*.h; do
	case ${f##*/} in
	store*) ;;
	*) check "$f" "$sql" "sqlite3 outside src/store*" ;;
	esac
	check "$f" "$curses" "curses outside src/tui/"
done
# COLS = ..., COLS -= ..., COLS++ and the like; COLS == ... is a read.
set_size='(^|[^[:alnum:]_])(COLS|LINES)[[:space:]]*([-+*/%&|^]?=[^=]|\+\+|--)|(\+\+|--)[[:space:]]*(COLS|LINES)([^[:alnum:]_]|$)'
for f in "$src"/tui/*.c "$src"/tui/*.h; do
	check "$f" "$sql" "sqlite3 in the UI (it asks the store)"
	check "$f" "$set_size" "curses' COLS or LINES written"
done
# The core: no SQL, no curses, no store, UI, export or file-path headers.
for f in "$src"/rubric*.c "$src"/rubric*.h "$src"/scorecard.c \
    "$src"/scorecard.h "$src"/width.c "$src"/text.c "$src"/json.c \
    "$src"/json-read.c "$src"/sha256.c "$src"/csv.c "$src"/team.c; do
	[ -f "$f" ] || { bad "${f#$top_srcdir/}: the core file is missing"; continue; }
	check "$f" "$core_headers" "the core includes a header of an outer layer"
done

# The checks can fail: a planted violation must be found.
planted=${TMPDIR:-/tmp}/layers-planted.$$.c
printf '/* sqlite3 in a comment is fine */\n#include <sqlite3.h>\n' >"$planted"
checks=$((checks + 1))
code "$planted" | grep -q -E "$sql" || bad "the check misses a planted sqlite3"
code "$planted" | grep -c -E "$sql" | grep -qx 1 ||
    bad "the check reads comments"
printf 'int f(void) { if (COLS == 80) COLS = 100; return LINES; }\n' >"$planted"
checks=$((checks + 1))
code "$planted" | grep -c -E "$set_size" | grep -qx 1 ||
    bad "the check misses a planted COLS = or reads COLS == as a write"
printf 'int f(void) { return COLS == 80 || LINES >= 24 || MY_COLS = 1; }\n' >"$planted"
checks=$((checks + 1))
code "$planted" | grep -q -E "$set_size" &&
    bad "the check takes a read of COLS for a write"
rm -f "$planted"

echo "$checks checks, $failures failures"
[ "$failures" -eq 0 ]
