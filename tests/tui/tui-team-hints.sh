#!/bin/sh
# A team card's screens have their own keys in the key table: the hint
# line names only keys that work there (u goes to the flagged items, a
# typed score is settled, never merely set), the help lists them, and x
# and U, which a team card refuses, are not keys there. At 80x24, at
# 120x30, in English and in Chinese; read-only once final.
. "$top_srcdir/tests/tui/lib.sh"

tab=$(printf '\t')

# member NAME [KEY=SCORE[:TIER]...]: 臺南分署's scores with the member's own.
member() {
	_name=$1
	shift
	_id=$("$KAOHE" --db "$DB" new --agency 臺南分署 --date 2021-08-06 \
	    --inspector "$_name" --no-tui) || exit 99
	while IFS=$tab read -r key score tier; do
		case $key in '' | '#'*) continue ;; esac
		for kv in "$@"; do
			[ "${kv%%=*}" = "$key" ] || continue
			score=${kv#*=}
			tier=
			case $score in *:*) tier=${score#*:} score=${score%:*} ;; esac
		done
		"$KAOHE" --db "$DB" set "$_id" "$key" "$score" \
		    ${tier:+--tier "$tier"} >/dev/null || exit 99
	done <"$top_srcdir/tests/data/tainan-110.tsv"
	"$KAOHE" --db "$DB" finalize "$_id" >/dev/null 2>&1 || exit 99
}

# 1.2.1 at 8 in tier 2 (1~15), which tier 3 (1~10) holds too.
member 王小明 1.2.1=8:2
member 李大華 1.2.1=8:2 2.3.1=35
member 陳美玲 1.2.1=8:2 1.1.3=20
team=$("$KAOHE" --db "$DB" team 1 2 3 --lead 張召集 2>/dev/null) || exit 99

hint() { screen | sed -n "${1:-24}p"; }

start open "$team"
wait_for "Team's score"
expect "3. 服務人員專業度"
wait_for_line 24 "0-9 Enter:settle u:flagged r:record R:rationale o:outline"
expect "F:finalize"
expect "?:help"
expect_not "u:unscored"
expect_not "0-9 Enter:score"

# The help starts with the team card's keys; x and U are not among them.
send '?'
wait_for "Keys · kaohe"
screen | sed -n 2p | grep -F -q "Team card: every member's score" ||
	fail "the help does not start with the team card's keys"
expect "next flagged item not yet settled"
expect "type the team's score; Enter asks how it was settled"
expect_not "clear the item's score"
expect_not "undo the latest change"
expect_not "next unscored item"
send q
wait_for "Team's score"

# x and U are not keys here: nothing is refused, nothing is said.
send g
wait_for "1. 申辦業務標準作業流程訂定情形"
send x U
send '?'
wait_for "Keys · kaohe"
send q
wait_for "28 / 30"
expect_not "not saved"
expect_not "undo does not apply"

# t, which the hint line names, chooses the tier for the score typed
# next: the team's score is settled, never set, so nothing is refused.
send j j j
wait_for "1. 服務設施合宜程度"
expect "8 / 20"
send t 3
wait_for "tier 3: type 1~10, then Enter"
expect_not "not saved"
type_text 8
send Enter
wait_for "8 for the team: how was it settled?"
send Escape
wait_for "not saved: choose how it was settled"
send Escape
wait_gone "not saved: choose how it was settled"

# The outline of a team card: u goes to the flagged ones first.
send o
wait_for "! flagged, unresolved"
wait_for_line 24 "Enter:go to u:flagged"
expect_not "u:unscored"
expect_not "突破成長"
send u
wait_for "突破成長"
screen | grep -F "突破成長" | grep -F -q "flagged --/50" ||
	fail "u in the outline did not go to the flagged 2.3.1"
expect "row 30 of 54"
send q
wait_gone "! flagged, unresolved"

# Wider, the rest of the team card's keys.
T resize-window -t t -x 120 -y 30
wait_for_line 30 "F:finalize t 1-9:tier e:export v:evidence L:last year"
expect_not "u:unscored"
T resize-window -t t -x 80 -y 24
wait_for_line 24 "u:flagged"
send q
wait_for "[exit 0]"

# Final: nothing to settle, so the hint line offers none of it.
"$KAOHE" --db "$DB" set "$team" 1.1.3 26 --how consensus --reason 討論 \
    >/dev/null || exit 99
"$KAOHE" --db "$DB" set "$team" 2.3.1 43 --how mean --reason 平均 \
    >/dev/null || exit 99
"$KAOHE" --db "$DB" finalize "$team" >/dev/null 2>&1 || exit 99
start open "$team"
wait_for "final: read-only"
wait_for_line 24 "r:record R:rationale o:outline"
expect_not "settle"
expect_not "u:"
expect_not "F:"
send q
wait_for "[exit 0]"

if ! locale -a 2>/dev/null | grep -i -q -x 'zh_TW\.utf-*8'; then
	echo "SKIP: the zh_TW.UTF-8 locale is not installed" \
	    "(localedef -i zh_TW -f UTF-8 zh_TW.UTF-8)"
	exit 77
fi
team2=$("$KAOHE" --db "$DB" team 1 2 3 2>/dev/null) || exit 99
TUI_LANG=zh_TW.UTF-8
TUI_ENV="LANGUAGE="
start open "$team2"
wait_for "0-9 Enter:處理 u:差異過大"
expect "F:定稿"
send '?'
wait_for "小組評分表：逐項並列各成員評分"
expect "下一個差異過大尚未處理的項目"
send q
wait_for "0-9 Enter:處理 u:差異過大"
send q
wait_for "[exit 0]"
exit 0
