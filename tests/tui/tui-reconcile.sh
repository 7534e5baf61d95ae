# The reconcile screen at 80x24: a team card's walk shows every member's
# score, tier, record and rationale, the spread and the flag; the lead
# types the team's score, picks how and writes why; u goes to the next
# unresolved item; the outline marks flagged items; finalize refuses
# while one is left. Then a member card (分工): out-of-scope items are
# skipped and said to be so, and the member never sees another's scores.
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
		_over=
		for kv in "$@"; do
			[ "${kv%%=*}" = "$key" ] && _over=${kv#*=}
		done
		if [ -n "$_over" ]; then
			"$KAOHE" --db "$DB" set "$_id" "$key" "$_over" || exit 99
		elif [ -n "$tier" ]; then
			"$KAOHE" --db "$DB" set "$_id" "$key" "$score" --tier "$tier" ||
			    exit 99
		else
			"$KAOHE" --db "$DB" set "$_id" "$key" "$score" || exit 99
		fi
	done <"$top_srcdir/tests/data/tainan-110.tsv"
	"$KAOHE" --db "$DB" note "$_id" 1.1.3 --rationale "$_name 的評分說明" ||
	    exit 99
	"$KAOHE" --db "$DB" note "$_id" 1.1.3 --record "$_name 的紀錄" ||
	    exit 99
	"$KAOHE" --db "$DB" note "$_id" 3.1.1 --rationale "$_name 的說明" ||
	    exit 99
	"$KAOHE" --db "$DB" finalize "$_id" >/dev/null 2>&1 || exit 99
}

member 王小明
member 李大華 2.3.1=35
member 陳美玲 1.1.3=20 4.2.1=16
team=$("$KAOHE" --db "$DB" team 1 2 3 --lead 張召集 2>/dev/null) || exit 99

start open "$team"
wait_for "Team's score"
# It opens at the first flagged item, every member side by side.
expect "3. 服務人員專業度"
expect "spread 8 > 6"
expect "flagged, unresolved"
expect "王小明"
expect "28  tier 1"
expect "20  tier 3"
expect "陳美玲 的評分說明"
expect "李大華 的紀錄"
expect "flagged: type the team's score"

# A mean that is not the members' is refused by the rules.
type_text "24"
send Enter
wait_for "how was it settled?"
send Down Enter
wait_for "Why (1.1.3 平均)?"
type_text "取平均"
send Enter
wait_for "the members' mean is 25, not 24"
expect "flagged, unresolved"
# The menu's box cut wide characters beneath it; they are whole again.
expect "李大華 的紀錄"
expect "陳美玲 的紀錄"

# 共識 at 26, with its reason: saved, and on to the next flagged item.
type_text "26"
send Enter
wait_for "how was it settled?"
send Enter
wait_for "Why (1.1.3 共識)?"
type_text "討論後取 26 分"
send Enter
wait_for "settled 1.1.3: 26 · now at 2.3.1, flagged"
expect "1. 突破成長"
expect "spread 12 > 10"

# F refuses while two are left, and lists them.
send F
wait_for "cannot finalize: 2 flagged items are unresolved"
send Escape
wait_gone "cannot finalize"

# The outline marks the flagged items and the settled one.
send o
wait_for "! flagged, unresolved"
screen | grep -F "突破成長" | grep -F -q "flagged --/50" ||
	fail "the outline does not mark 2.3.1 as flagged"
screen | grep -F "突破成長" | grep -q "^!" ||
	fail "the outline's margin does not mark 2.3.1"
send g
wait_for "26/30 ※共識"
send q
wait_gone "! flagged, unresolved"

# u goes round the unresolved ones: 2.3.1 → 4.2.1.
send u
wait_for "1. 民眾意見回應處理機制"
expect "spread 6 > 5"
type_text "22"
send Enter
wait_for "how was it settled?"
send Down Down Enter
wait_for "Why (4.2.1 中位數)?"
type_text "取中位數"
send Enter
wait_for "settled 4.2.1: 22 · now at 2.3.1, flagged"
type_text "43"
send Enter
wait_for "how was it settled?"
send Down Enter
wait_for "Why (2.3.1 平均)?"
type_text "三人平均"
send Enter
wait_for "no flagged item is left: F finalizes"
expect "43 / 50"
expect "平均: 三人平均"

# Finalize: the review first (the members left most 評分說明 empty), then
# the typed confirmation.
send F
wait_for "findings (kaohe check)"
send Enter
wait_for "Type yes:"
type_text "yes"
send Enter
wait_for "finalized: the scorecard is now read-only"
send q
wait_for "[exit 0]"
out=$("$KAOHE" --db "$DB" show "$team")
case $out in
*"(final)"*"total:      864 / 1000   scored 36/36 items"*"flagged:    0 unresolved"*) ;;
*) fail "show after reconciling: $out" ;;
esac

# A member card over sections 3 and 4: the walk covers only them, and a
# member sees no other member's scores or notes (blind scoring).
li=$("$KAOHE" --db "$DB" new --agency 臺南分署 --date 2021-08-06 \
    --inspector 林委員 --scope 3,4 --no-tui) || exit 99
"$KAOHE" --db "$DB" set "$li" 3.2.2 40 >/dev/null || exit 99
start open "$li"
wait_for "1. 機關運用多元管道蒐集機關成員意見"
expect "total 40/400"
expect "1/13 items"
# The other members scored 3.1.1 with notes: none of it shows here.
expect_not "的說明"
expect_not "王小明"
expect_not "45 / 50"
# Up from the scope's first item stays there: 2.3.2 is not this card's.
send k Enter
wait_for "type a score first (1~50)"
expect "1. 機關運用多元管道蒐集機關成員意見"
send o
wait_for "out of scope"
screen | grep -F "二、服務遞送" | grep -F -q "out of scope" ||
	fail "the outline does not say 二、服務遞送 is out of scope"
# Row 4 is 1.1.1: the walk says it is out of scope and takes no score.
send g j j j Enter
wait_for "out of scope: this member card covers 3, 4"
expect "1. 申辦業務標準作業流程訂定情形"
type_text "2"
wait_for "1.1.1 is out of this member card's scope"
send q
wait_for "[exit 0]"

# new --scope without --no-tui makes the member card and opens its walk.
start new --agency 臺東分署 --date 2025-03-03 --inspector 丙 --scope 4.1
wait_for "1. 洽公環境適切程度"
expect "total 0/100"
expect "0/5 items"
send q
wait_for "[exit 0]"
out=$("$KAOHE" --db "$DB" show 6)
case $out in
*"臺東分署"*"scope:      4.1 (a member card"*) ;;
*) fail "new --scope in the UI: $out" ;;
esac
echo "PASS"
