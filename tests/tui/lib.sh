# Shared helpers for the TUI tests: drive the real binary ($KAOHE) in a
# private tmux server at 80x24, send keys, and wait for text on the screen
# by polling capture-pane in a bounded loop. Sourced by tests/tui/*.sh.

: "${KAOHE:?KAOHE must name the built binary}"
: "${top_srcdir:?top_srcdir must be set}"

# configure's KAOHE_TMUX, else the one on PATH (never $TMUX: inside a
# tmux session that names the session's socket, not the program).
[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] ||
    TMUX_BIN=$(command -v tmux 2>/dev/null)
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "SKIP: tmux is not installed; the TUI tests need it"
	exit 77
fi

tui_tmp=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-tui.XXXXXX") || exit 99
DB=$tui_tmp/kaohe.db
tui_run=0
tui_sock=$tui_tmp/tmux-$tui_run
TUI_TERM=${TUI_TERM:-screen}
TUI_LANG=${TUI_LANG:-C.UTF-8}

# The server's socket lives in the temporary directory, so that nothing
# is left behind in /tmp/tmux-UID.
T() {
	"$TMUX_BIN" -S "$tui_sock" -f /dev/null "$@"
}

tui_cleanup() {
	T kill-server >/dev/null 2>&1
	rm -rf "$tui_tmp"
}
trap tui_cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() {
	echo "FAIL: $*"
	echo "--- screen:"
	screen
	echo "---"
	exit 1
}

# Start kaohe in a fresh 80x24 session; arguments go after --db. The pane
# stays after kaohe exits ("[exit N]"), so a test can read what is left.
# Extra environment: TUI_ENV="NO_COLOR=1 ...".
start() {
	# A fresh server each time: a dying one may refuse the new session.
	T kill-server >/dev/null 2>&1
	tui_run=$((tui_run + 1))
	tui_sock=$tui_tmp/tmux-$tui_run
	T new-session -d -s t -x 80 -y 24 \
	    "cd '$tui_tmp' && env -u NO_COLOR LANG=$TUI_LANG LC_ALL=$TUI_LANG \
	    TERM=$TUI_TERM TZ=UTC HOME='$tui_tmp' EDITOR=false VISUAL= \
	    ${TUI_ENV:-} '$KAOHE' --db '$DB' $*; \
	    echo \"[exit \$?]\"; stty -a | tr ' ' '\n' | grep -x -e '-*icanon' -e '-*echo'; \
	    sleep 3600" || exit 99
}

screen() {
	T capture-pane -p -t t 2>/dev/null
}

# Send tmux key names (Enter, Escape, C-c, Up...).
send() {
	T send-keys -t t "$@"
}

# Type text literally, UTF-8 and all.
type_text() {
	T send-keys -t t -l "$1"
}

# Wait (at most 30 s, in 0.05 s steps; WAIT_STEPS steps when set) until
# the screen shows text. The bound only says when to give up: an ASan
# build on a loaded 2-core machine can take seconds to draw a screen.
wait_for() {
	_i=0
	while [ $_i -lt "${WAIT_STEPS:-600}" ]; do
		if screen | grep -F -q -- "$1"; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	fail "the screen never showed: $1"
}

# Wait until line LINE of the screen (1 is the top) shows text: after a
# resize, the hint line has moved to the new last line once it is redrawn.
wait_for_line() {
	_i=0
	while [ $_i -lt "${WAIT_STEPS:-600}" ]; do
		if screen | sed -n "$1p" | grep -F -q -- "$2"; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	fail "line $1 never showed: $2"
}

# Wait until the screen no longer shows text.
wait_gone() {
	_i=0
	while [ $_i -lt 600 ]; do
		if ! screen | grep -F -q -- "$1"; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	fail "the screen kept showing: $1"
}

# The screen must show text now (after a wait_for has synchronised).
expect() {
	screen | grep -F -q -- "$1" || fail "the screen does not show: $1"
}

expect_not() {
	if screen | grep -F -q -- "$1"; then
		fail "the screen shows: $1"
	fi
}

# A new draft through the CLI; prints its ID.
new_card() {
	"$KAOHE" --db "$DB" new --agency 臺南分署 --date 2021-08-06 \
	    --inspector 為民服務不定期考核小組 --no-tui || exit 99
}

# The scores of the 臺南分署 form, in rubric order: KEY SCORE TIER.
tainan_scores() {
	grep -v '^#' "$top_srcdir/tests/data/tainan-110.tsv"
}

# A final card with the 臺南分署 form's scores (870/1000) for AGENCY and
# DATE, through the CLI; prints its ID.
final_card() {
	_id=$("$KAOHE" --db "$DB" new --agency "$1" --date "$2" \
	    --inspector 為民服務不定期考核小組 --no-tui) || exit 99
	tainan_scores | while IFS='	' read -r _key _score _tier; do
		"$KAOHE" --db "$DB" set "$_id" "$_key" "$_score" \
		    ${_tier:+--tier "$_tier"} || exit 1
	done || exit 99
	"$KAOHE" --db "$DB" finalize "$_id" >/dev/null 2>&1 || exit 99
	echo "$_id"
}

# Wait until process PID has gone (after a kill).
wait_dead() {
	_i=0
	while [ $_i -lt 200 ]; do
		if ! kill -0 "$1" 2>/dev/null; then
			return 0
		fi
		sleep 0.05
		_i=$((_i + 1))
	done
	fail "process $1 is still running"
}

# The PID of kaohe running in the pane (the pane's shell's child).
kaohe_pid() {
	_pane=$(T display-message -p -t t '#{pane_pid}')
	if command -v pgrep >/dev/null 2>&1; then
		pgrep -P "$_pane" | head -n 1
	else
		ps -o pid= --ppid "$_pane" | tr -d ' ' | head -n 1
	fi
}

# Wait until the screen shows text and has stopped changing (two captures
# in a row agree), then compare the whole screen with
# tests/golden/NAME.screen, as tig's tests do: a layout change shows as a
# diff, which a substring check cannot. UPDATE=1 rewrites the golden.
golden_screen() {
	_name=$1 _text=$2
	wait_for "$_text"
	_prev= _i=0
	while [ $_i -lt 200 ]; do
		_now=$(screen)
		[ -n "$_prev" ] && [ "$_now" = "$_prev" ] && break
		_prev=$_now
		sleep 0.05
		_i=$((_i + 1))
	done
	printf '%s\n' "$_now" >"$tui_tmp/$_name.screen"
	_want=$top_srcdir/tests/golden/$_name.screen
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$tui_tmp/$_name.screen" "$_want"
		return 0
	fi
	if ! diff -u "$_want" "$tui_tmp/$_name.screen" >"$tui_tmp/diff"; then
		cat "$tui_tmp/diff"
		fail "the screen differs from tests/golden/$_name.screen" \
		    "(UPDATE=1 rewrites it when the change is meant)"
	fi
}
