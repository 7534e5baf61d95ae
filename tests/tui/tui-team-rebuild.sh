#!/bin/sh
# A stale team card (a member's card changed after it was built) is
# rebuilt from the walk: B asks, then does what kaohe team --rebuild
# does (the store's one path), keeping the settlements of the items
# whose scores did not change, and says what it did. The hint line
# offers B only while the card is stale and a draft; the help lists it.
. "$top_srcdir/tests/tui/lib.sh"

tab=$(printf '\t')

# member NAME [KEY=SCORE...]: 臺南分署's scores with the member's own.
member() {
	_name=$1
	shift
	_id=$("$KAOHE" --db "$DB" new --agency 臺南分署 --date 2021-08-06 \
	    --inspector "$_name" --no-tui) || exit 99
	while IFS=$tab read -r key score tier; do
		case $key in '' | '#'*) continue ;; esac
		for kv in "$@"; do
			[ "${kv%%=*}" = "$key" ] && score=${kv#*=} tier=
		done
		"$KAOHE" --db "$DB" set "$_id" "$key" "$score" \
		    ${tier:+--tier "$tier"} >/dev/null || exit 99
	done <"$top_srcdir/tests/data/tainan-110.tsv"
	"$KAOHE" --db "$DB" finalize "$_id" >/dev/null 2>&1 || exit 99
}

# change ID KEY SCORE: a member's final card reopened, changed, final again.
change() {
	"$KAOHE" --db "$DB" reopen "$1" --reason 更正 >/dev/null || exit 99
	"$KAOHE" --db "$DB" set "$1" "$2" "$3" >/dev/null || exit 99
	"$KAOHE" --db "$DB" finalize "$1" >/dev/null 2>&1 || exit 99
}

member 王小明
member 李大華 2.3.1=35
member 陳美玲 1.1.3=20 4.2.1=16
team=$("$KAOHE" --db "$DB" team 1 2 3 --lead 張召集 2>/dev/null) || exit 99
"$KAOHE" --db "$DB" set "$team" 2.3.1 43 --how mean --reason 三人平均 \
    >/dev/null || exit 99
# The lead's own record on the team card: a rebuild keeps it.
"$KAOHE" --db "$DB" note "$team" 1.1.2 --record "召集人：現場抽查三件" ||
    exit 99

# Fresh: nothing to rebuild, and the hint line does not offer it.
start open "$team"
wait_for "Team's score"
wait_for_line 24 "u:flagged"
expect_not "B:rebuild"
expect_not "stale"
send q
wait_for "[exit 0]"

# 陳美玲 corrects 1.1.3 to 28: the team card is stale, and says so.
change 3 1.1.3 28
start open "$team"
wait_for "stale: 陳美玲's card changed after the team card was built; B rebuilds it"
expect "#$team draft, stale: B rebuilds"
# The message lasts until the next key (Ctrl-L); then the hint line.
send C-l
wait_for_line 24 "0-9 Enter:settle u:flagged B:rebuild"
expect_not "kaohe team --rebuild"
send '?'
wait_for "Keys · kaohe"
expect "rebuild the team card from its members' cards as they are"
send q
wait_for "B:rebuild"

# B asks; Esc and the first choice keep the card as it is.
send B
wait_for "Rebuild team card #$team from its members' cards as they are now?"
expect "no, keep the team card as it is"
expect "rebuild (陳美玲's changed): keeps 1 settled, 1 flagged to settle"
send Escape
wait_for "not rebuilt: the team card is as it was"
expect "stale: B rebuilds"
send B
wait_for "Rebuild team card #$team"
send Enter
wait_for "not rebuilt: the team card is as it was"
"$KAOHE" --db "$DB" show "$team" | grep -q "^STALE:" ||
	fail "declining the rebuild changed the team card"

# The second choice rebuilds: 1.1.3 is no longer flagged, 2.3.1's
# settlement is kept, 4.2.1 is left to settle.
send B
wait_for "Rebuild team card #$team"
send Down Enter
wait_for "rebuilt #$team from the members' cards: kept 1 settled, 1 flagged to settle"
expect "saved ✓"
wait_gone "stale"
expect "within tolerance: 平均"
expect "28 / 30"
expect_not "B:rebuild"
send k
wait_for "2. 服務及時性"
expect "Record (r)       召集人：現場抽查三件"
send q
wait_for "[exit 0]"
out=$("$KAOHE" --db "$DB" show "$team")
case $out in
*STALE:*) fail "show after the rebuild: still stale: $out" ;;
*"flagged:    1 unresolved"*"4.2.1"*) ;;
*) fail "show after the rebuild: $out" ;;
esac
case $out in
*"settled: 43 by mean"*) ;;
*) fail "the rebuild lost 2.3.1's settlement: $out" ;;
esac
# B's rebuild is in the trail as kaohe team --rebuild's is: 1.1.3's
# score and how, then the rebuild's own line.
out=$("$KAOHE" --db "$DB" history "$team")
case $out in
*"  1.1.3      how        - → mean"*"  1.1.3      score      - → 28"*"  1.1.3      tier       - → 1"*"rebuilt    from its members' cards; it changed 1.1.3 (the "*" lines above)") ;;
*) fail "history after B: $out" ;;
esac

# Final, then stale: B cannot rebuild it; the message says how.
"$KAOHE" --db "$DB" set "$team" 4.2.1 22 --how median --reason 取中位數 \
    >/dev/null || exit 99
"$KAOHE" --db "$DB" finalize "$team" >/dev/null 2>&1 || exit 99
change 1 1.1.1 27
start open "$team"
wait_for "stale: 王小明's card changed; kaohe reopen $team --reason TEXT, then B rebuilds"
expect "final: read-only"
expect_not "B:rebuild"
send B
wait_for "finalized: read-only"
send q
wait_for "[exit 0]"

if ! locale -a 2>/dev/null | grep -i -q -x 'zh_TW\.utf-*8'; then
	echo "SKIP: the zh_TW.UTF-8 locale is not installed" \
	    "(localedef -i zh_TW -f UTF-8 zh_TW.UTF-8)"
	exit 77
fi
"$KAOHE" --db "$DB" reopen "$team" --reason 成員更正 >/dev/null || exit 99
TUI_LANG=zh_TW.UTF-8
TUI_ENV="LANGUAGE="
start open "$team"
wait_for "已過時：王小明 的評分表在小組評分表建立後有變更；按 B 重建"
send C-l
wait_for "B:重建"
send B
wait_for "要以成員評分表目前的內容重建小組評分表 #$team 嗎？"
send Down Enter
wait_for "已依成員評分表重建 #$team：保留"
send q
wait_for "[exit 0]"
exit 0
