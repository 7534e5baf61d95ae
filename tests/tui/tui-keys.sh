#!/bin/sh
# Keys as real terminals send them (issue 10). Each sequence goes in raw
# with send-keys -H, whatever TERM says, into every field that takes text
# or digits: the note editor, the new-scorecard form, the score field and
# a prompt. It does what its key means or nothing: no stray character
# reaches a field, nothing is saved that was not typed. An unknown
# sequence is dropped whole with a hint; a lone Esc still means back.
. "$top_srcdir/tests/tui/lib.sh"

# name:hex. Sequences that move or edit, as xterm (CSI and SS3), PuTTY,
# the Linux console, rxvt/urxvt, VTE, tmux/screen, Windows Terminal send.
LEFTS="xterm-left:1b5b44 ss3-left:1b4f44"
HOMES="xterm-home:1b5b48 ss3-home:1b4f48 putty-home:1b5b317e rxvt-home:1b5b377e"
ENDS="xterm-end:1b5b46 ss3-end:1b4f46 putty-end:1b5b347e rxvt-end:1b5b387e"
# Keys that mean nothing in a one-line field at its end, and sequences
# nobody binds (modifiers, rxvt's shifted and control keys, Alt).
NOOPS="xterm-right:1b5b43 ss3-right:1b4f43 insert:1b5b327e delete:1b5b337e \
f2-ss3:1b4f51 f3-ss3:1b4f52 f4-ss3:1b4f53 f2-vt:1b5b31327e f3-vt:1b5b31337e \
f4-vt:1b5b31347e f5:1b5b31357e f6:1b5b31377e f7:1b5b31387e f8:1b5b31397e \
f9:1b5b32307e f11:1b5b32337e f12:1b5b32347e linux-f2:1b5b5b42 \
linux-f3:1b5b5b43 linux-f4:1b5b5b44 linux-f5:1b5b5b45 keypad-5:1b5b45 \
putty-keypad-5:1b5b47 ctrl-right:1b5b313b3543 shift-home:1b5b313b3248 \
ctrl-delete:1b5b333b357e ctrl-f5:1b5b31353b357e rxvt-shift-up:1b5b61 \
rxvt-ctrl-left:1b4f64 rxvt-shift-delete:1b5b3324 rxvt-ctrl-delete:1b5b335e \
alt-x:1b78 alt-up:1b1b5b41 old-xterm-ctrl-right:1b4f3543 \
osc-reply:1b5d313b7807"
UNKNOWN="ctrl-right:1b5b313b3543 rxvt-shift-up:1b5b61 alt-x:1b78"
# The form and the prompt take a sample of each kind (the editor and the
# score field take them all).
SOME="insert:1b5b327e delete:1b5b337e f5:1b5b31357e f12:1b5b32347e \
linux-f3:1b5b5b43 $UNKNOWN rxvt-shift-delete:1b5b3324 osc-reply:1b5d313b7807"

hex_of() { echo "${1#*:}" | sed 's/../& /g'; }
name_of() { echo "${1%%:*}"; }
raw() { T send-keys -t t -H $(hex_of "$1"); }

record_of() {
	sqlite3 "$DB" "SELECT record FROM entries WHERE scorecard_id = $1
	    AND item = '$2'"
}
score_of() {
	sqlite3 "$DB" "SELECT coalesce(score, '-') FROM entries
	    WHERE scorecard_id = $1 AND item = '$2'"
}

id=$(new_card)
start open "$id"
wait_for "0/36 items"

# The note editor: each sequence between two typed characters, each on a
# line of its own. Left and Home put the second before the first.
want=""
for s in $NOOPS $ENDS $LEFTS $HOMES; do
	case " $LEFTS $HOMES " in
	*" $s "*) line=乙甲 ;;
	*) line=甲乙 ;;
	esac
	send r
	wait_for "Record (紀錄事項) ·"
	send Enter
	type_text 甲
	raw "$s"
	case " $UNKNOWN " in
	*" $s "*) wait_for "unknown key (ESC" ;;
	esac
	type_text 乙
	wait_for "$line"
	send Escape
	wait_for "Record (r)"
	want="$want
$line"
	got=$(record_of "$id" 1.1.1)
	[ "$got" = "$want" ] || fail "note editor, $(name_of "$s"): the record is" \
	    "'$got', want '$want'"
done
[ "$(score_of "$id" 1.1.1)" = - ] || fail "a sequence in the editor scored 1.1.1"

# The score field: 1, the sequence, 0, Enter saves 10, never 1 and a
# stray digit of the sequence (PuTTY's End left its 4 here once).
for s in $NOOPS; do
	type_text 1
	raw "$s"
	type_text 0
	send Enter
	wait_for "saved 10 for 1.1.1 · now at 1.1.2"
	[ "$(score_of "$id" 1.1.1)" = 10 ] ||
		fail "score field, $(name_of "$s"): 1.1.1 is $(score_of "$id" 1.1.1)"
	send k
	wait_for "1. 申辦業務標準作業流程訂定情形"
done
[ "$(score_of "$id" 1.1.2)" = - ] || fail "a sequence scored 1.1.2"

# What the keys mean on the item screen, in every terminal's form.
for s in $ENDS; do
	send g
	wait_for "1. 申辦業務標準作業流程訂定情形"
	raw "$s"
	wait_for "(二) 創新性"
done
for s in $HOMES; do
	send G
	wait_for "(二) 創新性"
	raw "$s"
	wait_for "1. 申辦業務標準作業流程訂定情形"
done
for s in f1-ss3:1b4f50 f1-vt:1b5b31317e linux-f1:1b5b5b41; do
	raw "$s"
	wait_for "Keys"
	send q
	wait_for "Rationale (R)"
done
# F10 in the editor saves and goes back; Delete deletes under the cursor.
send r
wait_for "Record (紀錄事項) ·"
raw ss3-end:1b4f46
type_text 丙丁
raw xterm-left:1b5b44
raw delete:1b5b337e
raw f10:1b5b32317e
wait_for "Record (r)"
case $(record_of "$id" 1.1.1) in
*乙甲丙) ;;
*) fail "Delete and F10 in the editor: $(record_of "$id" 1.1.1)" ;;
esac
# The walk is still open: nothing above quit it or went back.
expect "Rationale (R)"
send q
wait_for "[exit 0]"
start
wait_for "kaohe · scorecards"

# The new-scorecard form's agency field.
for s in $SOME $ENDS $LEFTS $HOMES; do
	case " $LEFTS $HOMES " in
	*" $s "*) line=乙甲 ;;
	*) line=甲乙 ;;
	esac
	send n
	wait_for "kaohe · new scorecard"
	type_text 甲
	raw "$s"
	type_text 乙
	wait_for "Agency          $line"
	expect "kaohe · new scorecard"
	send Escape
	wait_for "kaohe · scorecards"
done

# A prompt: the search of notes.
for s in $SOME $ENDS $LEFTS $HOMES; do
	case " $LEFTS " in *" $s "*) line=acdb ;; *) line=abcd ;; esac
	case " $HOMES " in *" $s "*) line=cdab ;; esac
	send /
	wait_for "contain (empty for any)"
	type_text ab
	raw "$s"
	type_text cd
	send Enter
	wait_for "filters: notes~\"$line\""
	send /
	wait_for "contain (empty for any)"
	send BSpace BSpace BSpace BSpace
	send Enter
	wait_gone "filters: notes~"
done

# A lone Esc is still back: from home it leaves nothing typed anywhere.
send n
wait_for "kaohe · new scorecard"
send Escape
wait_for "kaohe · scorecards"
[ "$("$KAOHE" --db "$DB" list --format csv | wc -l)" -eq 2 ] ||
	fail "a scorecard was created by keys alone"

# Whatever TERM says: PuTTY's, rxvt's and the console's Home and End in
# the editor and on the item screen, under each terminal's own entry.
for term in xterm rxvt-unicode linux; do
	infocmp "$term" >/dev/null 2>&1 || continue
	TUI_TERM=$term start open "$id"
	wait_for "Rationale (R)"
	for s in $ENDS; do
		send g
		wait_for "1. 申辦業務標準作業流程訂定情形"
		raw "$s"
		wait_for "(二) 創新性"
	done
	for s in $HOMES; do
		raw "$s"
		wait_for "1. 申辦業務標準作業流程訂定情形"
		send G
		wait_for "(二) 創新性"
	done
	send g
	send R
	wait_for "Rationale (評分說明) ·"
	for s in $HOMES $ENDS; do
		type_text 甲
		raw "$s"
	done
	send Escape
	wait_for "Rationale (R)"
	got=$(sqlite3 "$DB" "SELECT rationale FROM entries
	    WHERE scorecard_id = $id AND item = '1.1.1'")
	[ "$got" = 甲甲甲甲甲甲甲甲 ] || fail "TERM=$term: the rationale is '$got'"
	"$KAOHE" --db "$DB" note "$id" 1.1.1 --rationale ''
	send q
	wait_for "[exit 0]"
done
exit 0
