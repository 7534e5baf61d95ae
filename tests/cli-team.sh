# The 考核小組 end to end (issue 13's "done when"): three inspectors score
# the 110 rubric for 臺南分署 in three databases, the lead imports their
# cards, builds the team card, settles the flagged items and finalizes;
# then two inspectors split the rubric with --scope and their team card
# is complete with no flags, each item saying who scored it.
. "$top_srcdir/tests/lib.sh"

tsv=$top_srcdir/tests/data/tainan-110.tsv
tab=$(printf '\t')

normalize() {
	sed -E -e 's/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/UUID/g' \
	    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/TIME/g' \
	    -e 's/"fingerprint": "[0-9a-f]{64}"/"fingerprint": "FP"/'
}

# member DB NAME [KEY=SCORE...]: the 臺南分署 scores (seed 002) with the
# member's own differences, finalized; prints the card's ID.
member() {
	local mdb=$1 name=$2 id key score tier override kv own=28
	shift 2
	id=$("$KAOHE" --db "$mdb" new --agency 臺南分署 --date 2021-08-06 \
	    --inspector "$name" --no-tui) || return 1
	while IFS=$tab read -r key score tier; do
		case $key in '' | '#'*) continue ;; esac
		override=
		for kv in "$@"; do
			[ "${kv%%=*}" = "$key" ] && override=${kv#*=}
		done
		[ "$key" = 1.1.3 ] && own=${override:-$score}
		if [ -n "$override" ]; then
			"$KAOHE" --db "$mdb" set "$id" "$key" "$override" ||
			    return 1
		elif [ -n "$tier" ]; then
			"$KAOHE" --db "$mdb" set "$id" "$key" "$score" \
			    --tier "$tier" || return 1
		else
			"$KAOHE" --db "$mdb" set "$id" "$key" "$score" ||
			    return 1
		fi
	done <"$tsv"
	"$KAOHE" --db "$mdb" note "$id" 1.1.3 --rationale "給予 $own 分" ||
	    return 1
	"$KAOHE" --db "$mdb" finalize "$id" >/dev/null || return 1
	echo "$id"
}

# Three laptops. Flagged: 1.1.3 (28/28/20), 2.3.1 (47/35/47) and 4.2.1
# (22/22/16); within tolerance: 1.1.1, 4.1.5 and 5.2.
wang=$(member "$tmp/wang.db" 王小明) || fail "王小明's card"
li=$(member "$tmp/li.db" 李大華 1.1.1=22 2.3.1=35 4.1.5=12) ||
	fail "李大華's card"
chen=$(member "$tmp/chen.db" 陳美玲 1.1.3=20 4.2.1=16 5.2=44) ||
	fail "陳美玲's card"
for who in wang li chen; do
	"$KAOHE" --db "$tmp/$who.db" export 1 --format json -o "$tmp/$who.json" ||
		fail "export $who"
done
expect 0 "imported 3" import "$tmp/wang.json" "$tmp/li.json" "$tmp/chen.json"

# A mix is refused with the reason; a draft too.
other=$("$KAOHE" --db "$db" new --agency 臺北分署 --date 2021-08-06 \
    --inspector 林 --no-tui)
expect 1 "scorecard $other is a draft; a member card must be finalized" \
    team 1 "$other"
taipei=$("$KAOHE" --db "$db" new --agency 臺北分署 --date 2021-08-06 \
    --inspector 林 --scope 5 --no-tui)
"$KAOHE" --db "$db" set "$taipei" 5.1 40 && "$KAOHE" --db "$db" set "$taipei" 5.2 40 &&
	"$KAOHE" --db "$db" finalize "$taipei" >/dev/null || fail "臺北分署's card"
expect 1 "scorecard $taipei is for 臺北分署 but scorecard 1 is for 臺南分署; a team card is one agency's" \
    team 1 2 "$taipei"
expect 1 "scorecard 1 is given twice" team 1 2 1
expect 2 "needs two or more member cards" team 1
expect 2 "--tolerance wants a whole number from 0 to 100" team 1 2 --tolerance 101
expect 1 "there is no scorecard 99" team 1 99

run team 1 2 3 --lead 張召集
team=$out
checks=$((checks + 1))
[ "$rc" -eq 0 ] && [ "$team" = 6 ] || fail "team: exit $rc, ID '$team': $err"
case $err in
*"3 flagged items to settle"*"1.1.3, 2.3.1, 4.2.1"*) ;;
*) fail "team: the flagged items are not named: $err" ;;
esac

run show "$team"
printf '%s\n' "$out" | normalize >"$tmp/show-team.txt"
golden show-team.txt "$tmp/show-team.txt"

# check lists the unresolved items; undo does not unpick a team card.
run check "$team"
checks=$((checks + 1))
[ "$rc" = 1 ] && [ "$(printf '%s\n' "$out" | grep -c '  unresolved  ')" = 3 ] ||
	fail "check: want 3 unresolved findings: $out"
case $out in
*"1.1.3  unresolved  flagged, unresolved: members 20~28, a spread of 8 over 20% of 1~30"*) ;;
*) fail "check: 1.1.3's finding: $out" ;;
esac
expect 1 "is a team card: undo does not apply" undo "$team"

# Settling: the rules, then the three items.
expect 2 "is a team card: give --how and --reason" set "$team" 1.1.3 26
expect 2 "--how is consensus, mean, median or rescore" \
    set "$team" 1.1.3 26 --how vote --reason x
expect 1 "the members' mean is 43, not 40" \
    set "$team" 2.3.1 40 --how mean --reason 取平均
expect 1 "the reason is empty" set "$team" 1.1.3 26 --how consensus --reason " "
expect 2 "is not a team card; --how and --reason" \
    set "$other" 1.1.1 20 --how consensus --reason x
expect 1 "3 flagged items are unresolved: 1.1.3, 2.3.1, 4.2.1" finalize "$team"
expect 0 "" set "$team" 1.1.3 26 --how consensus --reason "討論後依現場訪查，取 26 分"
expect 0 "" set "$team" 2.3.1 43 --how mean --reason 差異過大，取三人平均
expect 1 "1 flagged items are unresolved: 4.2.1" finalize "$team"
expect 0 "" set "$team" 4.2.1 22 --how median --reason 取中位數
run history "$team"
checks=$((checks + 1))
case $out in *"4.2.1"*how*median*) ;; *) fail "history lacks the how: $out" ;; esac
expect 0 "finalized: 860 / 1000" finalize "$team"
expect 1 "finalized" set "$team" 1.1.3 27 --how rescore --reason 再議

# Reviewers count an inspection once: stats sees the team card (860), not
# the three member cards it was built from as well.
run stats --agency 臺南分署 --format json
checks=$((checks + 1))
printf '%s\n' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["cards"] == 1, d["cards"]
assert [round(a["mean"]) for a in d["agencies"]] == [860], d["agencies"]
' || fail "stats counted the team's member cards too"

# The 評分總表: all three and the team, and it adds up.
run export "$team" --summary --width 100
printf '%s\n' "$out" >"$tmp/summary.txt"
golden summary-team.txt "$tmp/summary.txt"
run export "$team" --summary --format csv -o "$tmp/summary.csv"
checks=$((checks + 1))
[ "$rc" = 0 ] || fail "export --summary --format csv: $err"
golden summary-team.csv "$tmp/summary.csv"
# The same 評分總表 as HTML: parsed, row by row equal to the CSV's figures.
expect 0 "" export "$team" --summary --format html -o "$tmp/summary.html"
golden summary-team.html "$tmp/summary.html"
python3 - "$tmp/summary.html" "$tmp/summary.csv" <<'EOF' ||
import csv, sys
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.cls = [], None, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        assert tag not in ("script", "img", "link"), tag
        if tag == "tr":
            self.rows.append([])
            self.cls.append(a.get("class", ""))
        if tag in ("td", "th"):
            self.cell = ""
    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None
    def handle_data(self, d):
        if self.cell is not None:
            self.cell += d

p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
csvrows = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig")))
head = csvrows[0]
n = len(head) - 8
html = p.rows
assert html[0] == ["項目", "配分"] + head[3:3 + n] + ["小組", "差距", "處理方式"], html[0]
body = [r for r in csvrows[1:] if r[0] != "簽章"]
assert len(body) > 40, len(body)
for c, h in zip(body, html[1:1 + len(body)]):
    assert h[0] == c[1], (h[0], c[1])
    assert h[1] == c[2], (h, c)
    for m in range(n):
        assert h[2 + m] == (c[3 + m] or "—"), (h, c)
    assert h[2 + n] == (c[3 + n] or "—"), (h, c)
    assert h[3 + n] == c[4 + n], (h, c)
    assert h[4 + n] == ("※" if c[5 + n] else "") + c[6 + n], (h, c)
flagged = [k for k in p.cls if "flagged" in k]
assert len(flagged) == sum(1 for c in body if c[5 + n]) == 3, flagged
signs = [r for r in html if len(r) == 3 and r[2] == "　　年　　月　　日"]
assert len(signs) == len(csvrows) - 1 - len(body), signs
assert signs[-1][0].startswith("召集人"), signs
EOF
	fail "the HTML 評分總表 differs from the CSV"
# And as PDF (where the build has pangocairo and poppler-utils is here).
if [ "${KAOHE_HAVE_PDF:-}" = yes ] && command -v pdftotext >/dev/null 2>&1; then
	expect 0 "" export "$team" --summary --format pdf -o "$tmp/summary.pdf"
	pdftotext "$tmp/summary.pdf" "$tmp/summary-pdf.txt"
	for s in "評分總表" 王小明 李大華 陳美玲 "召集人 張召集" "評分委員 王小明" \
	    "※共識" "※平均" "※中位數" "第 1 頁／共" 評分差異過大之項目及處理情形 \
	    "討論後依現場訪查，取 26 分" 860 870 849 854; do
		checks=$((checks + 1))
		grep -qF -- "$s" "$tmp/summary-pdf.txt" ||
			fail "the PDF 評分總表 lacks '$s'"
	done
	checks=$((checks + 1))
	pdffonts "$tmp/summary.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { b++ }
	    END { exit b > 0 }' || fail "the PDF 評分總表 has a font not embedded"
elif [ "${KAOHE_HAVE_PDF:-}" != yes ]; then
	expect 1 "install the Debian packages libpango1.0-dev" \
	    export "$team" --summary --format pdf -o "$tmp/summary.pdf"
fi
python3 - "$tmp/summary.csv" <<'EOF' || fail "the summary does not add up"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
head = rows[0]
assert head[3:7] == ["王小明", "李大華", "陳美玲", "小組"], head
body = [r for r in rows[1:] if r[0] != "簽章"]
total = body[-1]
assert total[1] == "總分" and total[3:7] == ["870", "849", "854", "860"], total
nodes = body[:-1]
keys = {r[0]: r for r in nodes}
# Each row's children are the rows below it one level deeper, up to the
# next row at its own level or above (the CSV is in document order).
def depth(r):
    return 0 if r[0].startswith("D") else r[0].count(".") + 1
for i, r in enumerate(nodes):
    kids = []
    for s in nodes[i + 1:]:
        if depth(s) <= depth(r):
            break
        if depth(s) == depth(r) + 1:
            kids.append(s)
    if not kids:
        continue
    for col in range(3, 7):
        assert int(r[col]) == sum(int(k[col]) for k in kids), (r[0], col)
tops = [r for r in nodes if depth(r) == 0]
for col in range(3, 7):
    assert sum(int(r[col]) for r in tops) == int(total[col]), col
flagged = [r[0] for r in nodes if r[8] == "是"]
assert flagged == ["1.1.3", "2.3.1", "4.2.1"], flagged
assert keys["1.1.3"][9] == "共識" and keys["2.3.1"][9] == "平均" and keys["4.2.1"][9] == "中位數"
assert keys["4.2.1"][10] == "取中位數", keys["4.2.1"]
assert keys["1.1.1"][3:9] == ["28", "22", "28", "26", "6", ""], keys["1.1.1"]
assert keys["1.1.1"][9:] == ["平均", ""], keys["1.1.1"]
signs = [r[1:] for r in rows if r[0] == "簽章"]
assert signs == [["評分委員", "王小明"], ["評分委員", "李大華"], ["評分委員", "陳美玲"], ["召集人", "張召集"]], signs
EOF
expect 1 "is not a team card; the 評分總表 (--summary) is a team card's" \
    export 1 --summary
expect 2 "--summary writes text, csv, html or pdf" export "$team" --summary --format json

# The JSON: the team, and per leaf who scored it and how it was settled.
run export "$team" --format json
printf '%s\n' "$out" >"$tmp/team.json"
python3 - "$tmp/team.json" <<'EOF' || fail "team JSON"
import json, sys
d = json.load(open(sys.argv[1]))
t = d["team"]
assert t["lead"] == "張召集" and t["tolerance"] == 20, t
assert [m["inspectors"] for m in t["members"]] == [["王小明"], ["李大華"], ["陳美玲"]]
leaves = {}
def walk(ns):
    for n in ns:
        if "children" in n: walk(n["children"])
        else: leaves[n["key"]] = n
walk(d["nodes"])
assert len(leaves) == 36
l = leaves["1.1.3"]
assert l["flagged"] and l["how"] == "consensus" and l["score"] == 26, l
assert [m["score"] for m in l["members"]] == [28, 28, 20], l
assert l["members"][2]["rationale"] == "給予 20 分", l
assert l["rationale"] == "王小明：給予 28 分\n李大華：給予 28 分\n陳美玲：給予 20 分", l
assert leaves["1.1.1"]["how"] == "mean" and leaves["1.1.1"]["score"] == 26
assert leaves["5.2"]["score"] == 45 and not leaves["5.2"]["flagged"]
assert leaves["4.2.1"]["how"] == "median" and leaves["4.2.1"]["reason"] == "取中位數"
assert d["score"] == 860 and d["status"] == "final"
EOF

# The team card travels: import elsewhere gives the same export.
checks=$((checks + 1))
"$KAOHE" --db "$tmp/elsewhere.db" import "$tmp/team.json" >/dev/null ||
	fail "the team card does not import elsewhere"
"$KAOHE" --db "$tmp/elsewhere.db" export 1 --format json |
	sed 's/^  "id": 1,$/  "id": 6,/' >"$tmp/team-again.json"
same "$tmp/team.json" "$tmp/team-again.json" "the team card's round trip"

# 分工: two inspectors split the rubric; no flags, each item one member's.
a=$("$KAOHE" --db "$db" new --agency 宜蘭分署 --date 2025-05-01 \
    --inspector 甲 --scope 1,2 --no-tui)
b=$("$KAOHE" --db "$db" new --agency 宜蘭分署 --date 2025-05-01 \
    --inspector 乙 --scope 3 --scope 4,5 --no-tui)
expect 1 "is outside scorecard $a's scope (1, 2)" set "$a" 3.1.1 40
run check "$b"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c '  unscored  ')" = 15 ] ||
	fail "check of a member card: want its 15 items in scope: $out"
while IFS=$tab read -r key score tier; do
	case $key in '' | '#'*) continue ;; esac
	case $key in 1.* | 2.*) card=$a ;; *) card=$b ;; esac
	if [ -n "$tier" ]; then
		"$KAOHE" --db "$db" set "$card" "$key" "$score" --tier "$tier"
	else
		"$KAOHE" --db "$db" set "$card" "$key" "$score"
	fi
done <"$tsv"
run show "$a"
printf '%s\n' "$out" | normalize >"$tmp/show-scope.txt"
golden show-scope.txt "$tmp/show-scope.txt"
expect 0 "finalized: 434 / 500" finalize "$a"
expect 0 "finalized: 436 / 500" finalize "$b"
run team "$a" "$b"
split=$out
checks=$((checks + 1))
[ "$rc" -eq 0 ] && [ -z "$err" ] || fail "split team: exit $rc: $err"
run show "$split"
checks=$((checks + 1))
case $out in
*"total:      870 / 1000   scored 36/36 items"*"flagged:    none"*) ;;
*) fail "the split team card is not complete and unflagged: $out" ;;
esac
run export "$split" --format json
printf '%s\n' "$out" >"$tmp/split.json"
python3 - "$tmp/split.json" <<'EOF' || fail "split team JSON"
import json, sys
d = json.load(open(sys.argv[1]))
uuids = [m["uuid"] for m in d["team"]["members"]]
def walk(ns):
    for n in ns:
        if "children" in n: yield from walk(n["children"])
        else: yield n
n = 0
for l in walk(d["nodes"]):
    n += 1
    assert len(l["members"]) == 1 and l["how"] == "single", l["key"]
    want = uuids[0] if l["key"][0] in "12" else uuids[1]
    assert l["members"][0]["uuid"] == want and not l["flagged"], l["key"]
    assert l["score"] == l["members"][0]["score"]
assert n == 36 and d["score"] == 870
EOF
run export "$split" --summary --width 80
printf '%s\n' "$out" >"$tmp/summary-split.txt"
golden summary-split.txt "$tmp/summary-split.txt"
expect 0 "finalized: 870 / 1000" finalize "$split"

# Member cards travel: the lead makes a blank card per member (分工) and
# sends it, as JSON or as a bundle; each member imports it on their own
# laptop, scores their scope, finalizes and sends it back; the lead
# imports them and makes the team card. The scope goes both ways.
blanks=$tmp/blanks.db
ba=$("$KAOHE" --db "$blanks" new --agency 花蓮分署 --date 2025-06-02 \
    --inspector 甲 --scope 1,2 --no-tui)
bb=$("$KAOHE" --db "$blanks" new --agency 花蓮分署 --date 2025-06-02 \
    --inspector 乙 --scope 3,4,5 --no-tui)
"$KAOHE" --db "$blanks" export "$ba" --format json -o "$tmp/blank-a.json" &&
"$KAOHE" --db "$blanks" export "$bb" --format jsonl -o "$tmp/blank-b.jsonl" ||
	fail "exporting the blank member cards"
for who in a b; do
	f=$tmp/blank-$who.json
	[ "$who" = b ] && f=$tmp/blank-b.jsonl
	"$KAOHE" --db "$tmp/laptop-$who.db" import "$f" >/dev/null ||
		fail "member $who imports the blank card"
done
run_on() {
	rc=0
	_db=$1
	shift
	"$KAOHE" --db "$_db" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	out=$(cat "$tmp/out") err=$(cat "$tmp/err")
}
run_on "$tmp/laptop-a.db" show 1
checks=$((checks + 1))
case $out in
*"scope:      1, 2"*"三、服務量能"*"out of scope"*) ;;
*) fail "the imported blank card lost its scope: $out" ;;
esac
run_on "$tmp/laptop-b.db" set 1 1.1.1 20
checks=$((checks + 1))
case $rc:$err in 1:*"outside scorecard 1's scope (3, 4, 5)"*) ;;
*) fail "member b scored outside the scope: $rc $err" ;; esac
while IFS=$tab read -r key score tier; do
	case $key in '' | '#'*) continue ;; esac
	case $key in 1.* | 2.*) mdb=$tmp/laptop-a.db ;; *) mdb=$tmp/laptop-b.db ;; esac
	if [ -n "$tier" ]; then
		"$KAOHE" --db "$mdb" set 1 "$key" "$score" --tier "$tier"
	else
		"$KAOHE" --db "$mdb" set 1 "$key" "$score"
	fi
done <"$tsv"
for who in a b; do
	"$KAOHE" --db "$tmp/laptop-$who.db" finalize 1 >/dev/null 2>&1 &&
	"$KAOHE" --db "$tmp/laptop-$who.db" export 1 --format json \
	    -o "$tmp/back-$who.json" || fail "member $who's finished card"
done
lead=$tmp/lead.db
"$KAOHE" --db "$lead" import "$tmp/back-a.json" "$tmp/back-b.json" >/dev/null ||
	fail "the lead imports the members' cards"
run_on "$lead" team 1 2 --lead 召集人甲
checks=$((checks + 1))
[ "$rc" = 0 ] && [ -z "$err" ] || fail "the travelled cards' team card: $rc $err"
run_on "$lead" show "$out"
checks=$((checks + 1))
case $out in
*"花蓮分署"*"total:      870 / 1000   scored 36/36 items"*"flagged:    none"*) ;;
*) fail "the travelled cards' team card: $out" ;;
esac

# The inter-rater view: which items do the members disagree on?
run stats --raters
printf '%s\n' "$out" >"$tmp/raters.txt"
golden stats-raters.txt "$tmp/raters.txt"
run stats --raters --format json
printf '%s\n' "$out" >"$tmp/raters.json"
python3 - "$tmp/raters.json" <<'EOF' || fail "stats --raters --format json"
import json, sys
items = json.load(open(sys.argv[1]))["items"]
assert [i["key"] for i in items[:4]] == ["1.1.3", "2.3.1", "4.2.1", "1.1.1"], items[:4]
assert len(items) == 36 and all(i["teams"] == 1 for i in items)
top = items[0]
assert top["mean_spread"] == 8.0 and top["flagged"] == 1 and top["max_spread"] == 8, top
assert sum(i["flagged"] for i in items) == 3
EOF


# Staleness: a member card changed after the team card was built, the
# audited way: reopened with a reason, corrected and finalized again.
run team 1 2 3 --lead 張召集
team2=$out
expect 0 "" set "$team2" 1.1.3 26 --how consensus --reason 共識
run show "$team2"
checks=$((checks + 1))
case $out in *STALE*) fail "a fresh team card says it is stale" ;; esac
expect 0 "revision 2 is a draft" reopen 2 --reason "1.1.1 應為 28 分"
expect 0 "" set 2 1.1.1 28
run show "$team2"
checks=$((checks + 1))
case $out in *"STALE:      李大華's card"*) ;; *) fail "a reopened, changed member card does not make it stale" ;; esac
expect 1 "cannot be rebuilt: scorecard 2 is a draft; a member card must be finalized first" \
    team --rebuild "$team2"
expect 0 "finalized" finalize 2
run show "$team2"
checks=$((checks + 1))
case $out in
*"STALE:      李大華's card ("*") changed after this team card was built; rebuild it: kaohe team --rebuild $team2"*) ;;
*) fail "show does not say the team card is stale: $out" ;;
esac
expect 0 "" export "$team2" --summary
case $err in
*"warning: team card $team2 is stale: 李大華's card changed after it was built"*) ;;
*) fail "export of a stale team card does not warn: $err" ;;
esac
expect 2 "--rebuild takes the team card's ID alone" team --rebuild "$team2" 1
expect 1 "scorecard 1 is not a team card" team --rebuild 1
run team --rebuild "$team2"
checks=$((checks + 1))
[ "$rc" = 0 ] && [ "$out" = "$team2" ] || fail "rebuild: exit $rc, '$out': $err"
case $err in
*"1 settlements kept"*"2 flagged items to settle"*"2.3.1, 4.2.1"*) ;;
*) fail "rebuild: what was kept and what is left: $err" ;;
esac
run show "$team2"
checks=$((checks + 1))
case $out in *STALE*) fail "a rebuilt team card still says it is stale" ;; esac
run export "$team2" --format json
printf '%s\n' "$out" >"$tmp/team2.json"
python3 - "$tmp/team2.json" <<'EOF' || fail "the rebuilt team card"
import json, sys
d = json.load(open(sys.argv[1]))
def walk(ns):
    for n in ns:
        if "children" in n: yield from walk(n["children"])
        else: yield n
leaves = {l["key"]: l for l in walk(d["nodes"])}
assert [m["score"] for m in leaves["1.1.1"]["members"]] == [28, 28, 28]
assert leaves["1.1.1"]["score"] == 28 and leaves["1.1.1"]["how"] == "mean"
assert leaves["1.1.3"]["how"] == "consensus" and leaves["1.1.3"]["score"] == 26
assert leaves["2.3.1"]["how"] is None and leaves["2.3.1"]["score"] is None
EOF
expect 1 "is finalized" team --rebuild "$team"

# The rebuild is in the trail: the rows it wrote (1.1.1's mean moved),
# then its own line naming the items it changed and counting those rows;
# undo refuses it as one step, and leaves the card and its trail as they
# were.
run history "$team2"
printf '%s\n' "$out" >"$tmp/history2.txt"
checks=$((checks + 1))
last=$(tail -n 1 "$tmp/history2.txt")
case $last in
*"  -          rebuilt    from its members' cards; it changed 1.1.1 (the "[0-9]*" lines above)") ;;
*) fail "history does not show the rebuild: $out" ;;
esac
rows=${last##*(the }
rows=${rows%% lines above)}
checks=$((checks + 1))
tail -n $((rows + 1)) "$tmp/history2.txt" | head -n "$rows" >"$tmp/rebuilt-rows.txt"
grep -q '  1\.1\.1  *score      26 → 28$' "$tmp/rebuilt-rows.txt" &&
	! grep -q '  -  ' "$tmp/rebuilt-rows.txt" ||
	fail "the rebuild's $rows rows above its line: $(cat "$tmp/rebuilt-rows.txt")"
expect 1 "scorecard $team2 is a team card: undo does not apply to it, nor to its rebuild at " \
    undo "$team2"
run history "$team2"
checks=$((checks + 1))
[ "$out" = "$(cat "$tmp/history2.txt")" ] || fail "a refused undo changed the trail: $out"
run team --rebuild "$team2"
run history "$team2"
checks=$((checks + 1))
case $out in
*"rebuilt    from its members' cards; it changed nothing") ;;
*) fail "a rebuild that changed nothing: $out" ;;
esac
expect 0 "$team2  ok" verify "$team2"

# A settlement the rebuild drops is in the trail too: its how and its
# reason as they were, and the score it leaves unset.
mini() {
	local id
	id=$("$KAOHE" --db "$db" new --agency 宜蘭分署 --date 2021-09-01 \
	    --inspector "$1" --scope 5 --no-tui) &&
	"$KAOHE" --db "$db" set "$id" 5.1 40 && "$KAOHE" --db "$db" set "$id" 5.2 "$2" &&
	"$KAOHE" --db "$db" finalize "$id" >/dev/null 2>&1 && echo "$id"
}
ma=$(mini 甲 40) && mb=$(mini 乙 20) || fail "the small team's cards"
run team "$ma" "$mb"
team3=$out
expect 0 "" set "$team3" 5.2 30 --how consensus --reason 共識三十
expect 0 "revision 2 is a draft" reopen "$mb" --reason "5.2 應為 25 分"
expect 0 "" set "$mb" 5.2 25
expect 0 "finalized" finalize "$mb"
run team --rebuild "$team3"
run history "$team3"
checks=$((checks + 1))
case $out in
*"  5.2        how        consensus → -"*) ;;
*) fail "history does not show the settlement the rebuild dropped: $out" ;;
esac
checks=$((checks + 1))
case $out in
*"  5.2        reason     共識三十 → "*"  5.2        score      30 → -"*"rebuilt    from its members' cards; it changed 5.2 (the 3 lines above)") ;;
*) fail "history of the dropped settlement: $out" ;;
esac

# A team card's header is its members' cards': edit refuses it, each
# field, in one line, and writes nothing.
run history "$team3"
before=$out
for opt in "--agency 他署" "--date 2021-09-02" "--inspector 某人"; do
	# shellcheck disable=SC2086
	expect 1 "scorecard $team3 is a team card: its agency, date and inspectors are its members' cards'; correct a member's card (kaohe reopen), then rebuild it (kaohe team --rebuild $team3)" \
	    edit "$team3" $opt
	checks=$((checks + 1))
	case $err in *"
"*) fail "edit's refusal is more than one line: $err" ;; esac
done
run history "$team3"
checks=$((checks + 1))
[ "$out" = "$before" ] || fail "a refused edit of a team card wrote: $out"
# Corrected on the members' cards, the header follows them at the
# rebuild, in the trail as the rebuild's.
for m in "$ma" "$mb"; do
	"$KAOHE" --db "$db" reopen "$m" --reason 機關名稱更正 >/dev/null &&
	"$KAOHE" --db "$db" edit "$m" --agency 宜蘭縣分署 &&
	"$KAOHE" --db "$db" finalize "$m" >/dev/null 2>&1 ||
	    fail "correct member card $m's agency"
done
run team --rebuild "$team3"
run show "$team3"
checks=$((checks + 1))
case $out in "scorecard $team3  宜蘭縣分署  2021-09-01  (draft)"*) ;;
*) fail "the rebuilt team card's header: $out" ;; esac
run history "$team3"
checks=$((checks + 1))
case $out in
*"  -          agency     宜蘭分署 → 宜蘭縣分署"*"rebuilt    from its members' cards; it changed agency (the 1 lines above)") ;;
*) fail "history of the header the rebuild changed: $out" ;;
esac

# history --format json carries the same trail: a change an object, in
# order, a line of the text each; a rebuild adds how many changes above
# are its and what they changed.
run history "$team3"
printf '%s\n' "$out" >"$tmp/history3.txt"
run history "$team3" --format json
printf '%s\n' "$out" >"$tmp/history3.json"
python3 - "$tmp/history3.json" "$tmp/history3.txt" "$team3" <<'EOF2' || fail "history --format json"
import json, sys
d = json.load(open(sys.argv[1]))
lines = open(sys.argv[2]).read().splitlines()
assert d["id"] == int(sys.argv[3]), d["id"]
ch = d["changes"]
assert len(ch) == len(lines), (len(ch), len(lines))
assert [c["id"] for c in ch] == sorted(c["id"] for c in ch)
assert ch[0]["field"] == "created" and ch[0]["item"] is None
rebuilds = [i for i, c in enumerate(ch) if c["field"] == "rebuilt"]
assert len(rebuilds) == 2, rebuilds
first, last = (ch[i] for i in rebuilds)
assert first["rows"] == 3 and first["items"] == ["5.2"], first
assert [(c["item"], c["field"]) for c in ch[rebuilds[0] - 3:rebuilds[0]]] == \
    [("5.2", "how"), ("5.2", "reason"), ("5.2", "score")]
assert ch[rebuilds[0] - 3]["old"] == "consensus" and ch[rebuilds[0] - 3]["new"] is None
assert last["rows"] == 1 and last["items"] == ["agency"] and last["item"] is None, last
prev = ch[rebuilds[1] - 1]
assert (prev["item"], prev["field"], prev["old"], prev["new"]) == \
    (None, "agency", "宜蘭分署", "宜蘭縣分署"), prev
assert all("rows" not in c for c in ch if c["field"] != "rebuilt")
EOF2
expect 2 "--format is text or json, not 'xml'" history "$team3" --format xml

finish
