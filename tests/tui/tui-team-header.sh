#!/bin/sh
# A team card's header (agency, date, inspectors) is its members' cards':
# its walk does not offer H, and H there and at home says why in one
# line instead of opening the header form, which an ordinary draft's H
# still opens. In English and in Chinese.
. "$top_srcdir/tests/tui/lib.sh"

# member NAME 5.1 5.2: a 分工 card of 開放創新 alone, finalized.
member() {
	_id=$("$KAOHE" --db "$DB" new --agency 宜蘭分署 --date 2021-09-01 \
	    --inspector "$1" --scope 5 --no-tui) || exit 99
	"$KAOHE" --db "$DB" set "$_id" 5.1 "$2" >/dev/null &&
	"$KAOHE" --db "$DB" set "$_id" 5.2 "$3" >/dev/null &&
	"$KAOHE" --db "$DB" finalize "$_id" >/dev/null 2>&1 || exit 99
}
member 王小明 40 40
member 李大華 42 38
team=$("$KAOHE" --db "$DB" team 1 2 --lead 張召集 2>/dev/null) || exit 99

refusal="a team card's header is its members' cards': correct one, then rebuild"

# The walk: no H on the hint line nor in the help, and H refuses.
start open "$team"
wait_for "Team's score"
wait_for_line 24 "r:record"
expect_not "H:header"
# The help, which starts with the team card's keys, names no H there.
send '?'
wait_for "Keys · kaohe"
wait_for "next flagged item not yet settled"
expect_not "correct a draft's header"
send q
wait_for "Team's score"
send H
wait_for "$refusal"
expect_not "kaohe · header of scorecard"
send q
wait_for "[exit 0]"

# Home (whose hint line names no H): H on the team card refuses too.
# At 120 columns, where every home key fits.
start
T resize-window -t t -x 120 -y 30
wait_for "1 of 3 · sort"
screen | sed -n 4p | grep -q "^ *$team 宜蘭分署 " || fail "home's first row is not the team card"
wait_for_line 30 "e:export D:delete"
send H
wait_for "$refusal"
expect_not "kaohe · header of scorecard"
send q
wait_for "[exit 0]"
"$KAOHE" --db "$DB" show "$team" | grep -q "^scorecard $team  宜蘭分署  2021-09-01" ||
	fail "the team card's header changed"

# An ordinary draft, listed first now: H opens its header form.
draft=$(new_card)
start
T resize-window -t t -x 120 -y 30
wait_for "1 of 4 · sort"
screen | sed -n 4p | grep -q "^ *$draft 臺南分署 " || fail "home's first row is not the draft"
wait_for_line 30 "e:export D:delete"
send H
wait_for "kaohe · header of scorecard #$draft"
send Escape
wait_for "1 of 4 · sort"
send q
wait_for "[exit 0]"

if ! locale -a 2>/dev/null | grep -i -q -x 'zh_TW\.utf-*8'; then
	echo "SKIP: the zh_TW.UTF-8 locale is not installed" \
	    "(localedef -i zh_TW -f UTF-8 zh_TW.UTF-8)"
	exit 77
fi
TUI_LANG=zh_TW.UTF-8
TUI_ENV="LANGUAGE="
start open "$team"
wait_for "小組分數"
send H
wait_for "小組評分表的表頭來自成員評分表：請更正成員評分表，再重建"
send q
wait_for "[exit 0]"
exit 0
