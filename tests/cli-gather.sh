# Gathering from many laptops: bundles (export --format jsonl, each rubric
# snapshot once), import of bundles, and what import refuses.
. "$top_srcdir/tests/lib.sh"

data=$top_srcdir/tests/data
rubric=$top_srcdir/rubrics/110.yaml

new() {	# new AGENCY DATE: a draft; its ID in $id
	id=$("$KAOHE" --db "$db" new --rubric "$rubric" --agency "$1" \
	    --date "$2" --inspector 王小明 --no-tui) || fail "new $1 $2"
}

# Three cards on a laptop: two agencies, one of them final.
new 臺南分署 2021-08-06; a=$id
"$KAOHE" --db "$db" set "$a" 1.1.1 28 >/dev/null || fail "set"
new 宜蘭分署 2025-10-01; b=$id
new 臺南分署 2025-10-02; c=$id

# A bundle: one snapshot line for all three cards (they share the 110 text).
expect 0 "" export --all --format jsonl -o "$tmp/all.jsonl"
checks=$((checks + 1))
[ "$(wc -l <"$tmp/all.jsonl")" -eq 4 ] ||
    fail "three cards and one snapshot make four lines: $(wc -l <"$tmp/all.jsonl")"
checks=$((checks + 1))
[ "$(grep -c '"text":' "$tmp/all.jsonl")" -eq 1 ] ||
    fail "the rubric text is in the bundle once"
checks=$((checks + 1))
head -1 "$tmp/all.jsonl" | grep -q '^{"rubric":{"sha256":"[0-9a-f]\{64\}","id":"110","title":' ||
    fail "the first line is the snapshot: $(head -c 120 "$tmp/all.jsonl")"
checks=$((checks + 1))
sed -n 2p "$tmp/all.jsonl" | grep -q '"rubric":{"sha256":"[0-9a-f]\{64\}"}}$' ||
    fail "a card names its snapshot by sha256 alone"

# The filters of list choose the cards; several IDs make a bundle too.
run export --all --agency 臺南 --format jsonl
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c '"uuid"')" -eq 2 ] || fail "--agency 臺南: $out"
run export --all --year 114 --status draft --format jsonl
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c '"uuid"')" -eq 2 ] || fail "--year 114 --status draft"
run export --all --status final --format jsonl
checks=$((checks + 1))
[ -z "$out" ] || fail "--status final: no final card, an empty bundle: $out"
run export "$c" "$a" --format jsonl
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | sed -n 2p | grep -c "\"id\":$c,")" -eq 1 ] ||
    fail "IDs in the order given"
expect 1 "scorecard 99" export "$a" 99 --format jsonl
expect 2 "--all writes a bundle: add --format jsonl" export --all
expect 2 "several scorecards make a bundle" export "$a" "$b"
expect 2 "--all takes no scorecard ID" export "$a" --all --format jsonl
expect 2 "go with --all" export "$a" --agency 臺南 --format jsonl
expect 2 "or jsonl for a bundle; not 'xml'" export "$a" --format xml

# Into another laptop's database: all four, and the same bundle back out.
db2=$tmp/hq.db
checks=$((checks + 1))
"$KAOHE" --db "$db2" import "$tmp/all.jsonl" >"$tmp/out" 2>&1 ||
    fail "import the bundle: $(cat "$tmp/out")"
grep -q "imported 3, updated 0, skipped 0 already present, 0 conflicts" \
    "$tmp/out" || fail "import the bundle: $(cat "$tmp/out")"
"$KAOHE" --db "$db2" export --all --format jsonl -o "$tmp/again.jsonl"
same "$tmp/all.jsonl" "$tmp/again.jsonl" "a bundle after export, import, export"

# A rubric wider than one multi-row INSERT (64 rows): 150 items in 76
# sections. Every entry and section sum arrives, in order, and the seal
# over all 150 holds after the trip.
awk 'BEGIN {
	printf "kaohe-rubric: 1\nid: wide\ntitle: 寬評分表\ntotal: 1500\n"
	printf "children:\n  - key: D1\n    title: 個別評核構面\n    max: 1500\n"
	printf "    children:\n"
	for (i = 1; i <= 75; i++) {
		printf "      - {key: \"%d\", title: 構面 %d, max: 20, children: [", i, i
		printf "{key: \"%d.1\", title: 甲, min: 0, max: 10}, ", i
		printf "{key: \"%d.2\", title: 乙, min: 0, max: 10}]}\n", i
	}
}' >"$tmp/wide.yaml"
wdb=$tmp/wide.db
wide=$("$KAOHE" --db "$wdb" new --rubric "$tmp/wide.yaml" --agency 宜蘭分署 \
    --date 2025-10-01 --inspector 王小明 --no-tui) || fail "new on the wide rubric"
i=1
while [ "$i" -le 75 ]; do
	"$KAOHE" --db "$wdb" set "$wide" "$i.1" $((i % 11)) >/dev/null &&
	"$KAOHE" --db "$wdb" set "$wide" "$i.2" $(((i * 3) % 11)) >/dev/null ||
	    fail "set $i on the wide card"
	i=$((i + 1))
done
"$KAOHE" --db "$wdb" note "$wide" 75.2 --record "最後一項的紀錄" >/dev/null || fail "note 75.2"
"$KAOHE" --db "$wdb" finalize "$wide" >/dev/null 2>&1 || fail "finalize the wide card"
"$KAOHE" --db "$wdb" export --all --format jsonl -o "$tmp/wide.jsonl"
"$KAOHE" --db "$tmp/wide2.db" import "$tmp/wide.jsonl" >/dev/null || fail "import the wide card"
"$KAOHE" --db "$tmp/wide2.db" export --all --format jsonl -o "$tmp/wide-again.jsonl"
same "$tmp/wide.jsonl" "$tmp/wide-again.jsonl" "the wide card after export, import, export"
q() { sqlite3 "$1" "$2"; }
checks=$((checks + 1))
[ "$(q "$wdb" "SELECT group_concat(position || item || score || record, ',')
    FROM (SELECT * FROM entries ORDER BY position)")" = \
  "$(q "$tmp/wide2.db" "SELECT group_concat(position || item || score || record, ',')
    FROM (SELECT * FROM entries ORDER BY position)")" ] || fail "the wide card's entries"
checks=$((checks + 1))
[ "$(q "$tmp/wide2.db" "SELECT count(*), max(position) FROM entries")" = "150|149" ] ||
    fail "150 entries: $(q "$tmp/wide2.db" "SELECT count(*), max(position) FROM entries")"
checks=$((checks + 1))
[ "$(q "$wdb" "SELECT group_concat(key || ':' || score || '/' || scored, ' ')
    FROM (SELECT * FROM section_scores ORDER BY item_first, depth)")" = \
  "$(q "$tmp/wide2.db" "SELECT group_concat(key || ':' || score || '/' || scored, ' ')
    FROM (SELECT * FROM section_scores ORDER BY item_first, depth)")" ] ||
    fail "the wide card's 76 section sums"
checks=$((checks + 1))
[ "$(q "$tmp/wide2.db" "SELECT count(*) FROM section_scores")" -eq 76 ] ||
    fail "76 sections: $(q "$tmp/wide2.db" "SELECT count(*) FROM section_scores")"
checks=$((checks + 1))
"$KAOHE" --db "$tmp/wide2.db" verify >"$tmp/out" 2>&1 || fail "verify the wide card: $(cat "$tmp/out")"

# A bundle's card whose snapshot line is missing is refused, by line.
sed 1d "$tmp/all.jsonl" >"$tmp/headless.jsonl"
expect 1 "headless.jsonl:1: the rubric snapshot" import "$tmp/headless.jsonl"
case $err in
*"is neither in the card nor on a line before it"*) ;;
*) fail "a missing snapshot line: $err" ;;
esac
# A snapshot line whose text was changed does not hash to its sha256.
sed '1s/"title":"110/"title":"111/' "$tmp/all.jsonl" >"$tmp/retitled.jsonl"
expect 1 "retitled.jsonl:1: the rubric's id and title" import "$tmp/retitled.jsonl"
sed '1s/服務及時性/服務及時性X/' "$tmp/all.jsonl" >"$tmp/edited.jsonl"
expect 1 "sha256 does not match its text" import "$tmp/edited.jsonl"
# Two laptops' bundles bring the same snapshot: both import in one batch.
checks=$((checks + 1))
"$KAOHE" --db "$tmp/two-laptops.db" import "$tmp/all.jsonl" "$tmp/all.jsonl" \
    >"$tmp/out" 2>&1 && grep -q "imported 3, updated 0, skipped 3 already present" "$tmp/out" ||
    fail "the same snapshot in two bundles: $(cat "$tmp/out")"

# Two snapshots (the 110 rubric and a variant): two snapshot lines.
db3=$tmp/two.db
"$KAOHE" --db "$db3" import "$data/import-review/set.jsonl" >/dev/null ||
    fail "import set.jsonl"
"$KAOHE" --db "$db3" export --all --format jsonl >"$tmp/two.jsonl"
checks=$((checks + 1))
[ "$(grep -c '^{"rubric":' "$tmp/two.jsonl")" -eq 2 ] || fail "two snapshots, two lines"
checks=$((checks + 1))
[ "$(grep -c '"uuid"' "$tmp/two.jsonl")" -eq 10 ] || fail "ten cards"

# The imported notes are searchable: import indexes a batch's notes once,
# at its commit, and the index is whole (FTS5's own integrity check).
draft=$("$KAOHE" --db "$db3" list --status draft --format csv | sed -n 2p | cut -d, -f1)
"$KAOHE" --db "$db3" note "$draft" 1.1.1 --record "匯入後補記的單一窗口紀錄" >/dev/null ||
    fail "note after import"
checks=$((checks + 1))
"$KAOHE" --db "$db3" list --search 單一窗口紀錄 --format csv >"$tmp/found.csv"
[ "$(wc -l <"$tmp/found.csv")" -eq 2 ] || fail "search after import: $(cat "$tmp/found.csv")"
checks=$((checks + 1))
n=$(sqlite3 "$db3" "SELECT count(*) FROM entries WHERE record <> '' OR rationale <> ''")
m=$(sqlite3 "$db3" "SELECT count(*) FROM notes_fts_docsize")
[ "$n" -gt 0 ] && [ "$n" -eq "$m" ] || fail "notes indexed: $m of $n"
checks=$((checks + 1))
sqlite3 "$db3" "INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check')" ||
    fail "notes_fts integrity after a bulk import"

# Import is as strict as new: every fact of the export is checked.
good=$data/import-good/tainan-110.json
mutate() {	# mutate NAME SED-SCRIPT: a copy of the 臺南分署 export, changed
	sed "$2" "$good" >"$tmp/$1.json"
}
db4=$tmp/strict.db
strict() {	# strict NAME MESSAGE: refused, with MESSAGE, and nothing written
	checks=$((checks + 1))
	rc=0
	"$KAOHE" --db "$db4" import "$tmp/$1.json" >"$tmp/out" 2>"$tmp/err" || rc=$?
	[ "$rc" -eq 1 ] || fail "$1: exit $rc, want 1"
	grep -qF "$2" "$tmp/err" || fail "$1: wants '$2': $(cat "$tmp/err")"
}
mutate feb30 's/"created_at": "2026-11-23T/"created_at": "2026-02-30T/'
strict feb30 '"created_at" is not an ISO 8601 UTC time'
mutate hour24 's/"updated_at": "2026-11-23T10:/"updated_at": "2026-11-23T24:/'
strict hour24 '"updated_at" is not an ISO 8601 UTC time'
mutate early 's/"finalized_at": "2026-11-23T10:57:51.917Z"/"finalized_at": "2026-11-23T10:57:44.3Z"/'
strict early 'finalized_at (2026-11-23T10:57:44.3Z) is before created_at (2026-11-23T10:57:44.349Z)'
mutate scored 's/"scored": 36,/"scored": 35,/'
strict scored '"scored" says 35 but 36 items are scored'
mutate items 's/"items": 36,/"items": 37,/'
strict items '"items" must be the rubric'"'"'s 36 items'
mutate title 's/"title": "服務一致及正確"/"title": "服務一致"/'
strict title '"1.1" is titled "服務一致及正確" in the rubric'
mutate min '56s/"min": 1,/"min": 0,/'
strict min 'has min 1 in the rubric'
mutate tier '97s/達 85% 以上/達 80% 以上/'
strict tier 'tier 2 is not the rubric'"'"'s'
mutate twice 's/"key": "1.2",/"key": "1.1",/'
strict twice '"1.1" appears twice'
checks=$((checks + 1))
[ ! -e "$db4" ] || [ "$("$KAOHE" --db "$db4" list --format csv | wc -l)" -eq 1 ] ||
    fail "refused imports wrote nothing"

# Messages are sanitized like every other error: an escape sequence in a
# field (OSC 52 would set the clipboard) never reaches the terminal raw.
mutate osc 's/"date": "2021-08-06"/"date": "\u001b]52;c;aGk=\u0007\u009b2J"/'
strict osc 'is not a date'
checks=$((checks + 1))
if LC_ALL=C grep -q "$(printf '\033')" "$tmp/err" ||
    LC_ALL=C grep -q "$(printf '\007')" "$tmp/err" ||
    LC_ALL=C grep -q "$(printf '\302\233')" "$tmp/err"; then
	fail "raw control characters in import's message: $(od -c "$tmp/err" | head)"
fi

# A file that shrinks while import reads it is read, never mapped: no
# SIGBUS, an answer (1 or 0) whatever was left. Truncated 20 times at once.
"$KAOHE" --db "$db" export --all --format jsonl >"$tmp/big.jsonl"
for i in 1 2 3 4 5 6 7 8; do cat "$tmp/big.jsonl"; done >"$tmp/shrink.jsonl"
checks=$((checks + 1))
i=0
while [ "$i" -lt 20 ]; do
	cp "$tmp/shrink.jsonl" "$tmp/s.jsonl"
	rc=0
	{ "$KAOHE" --db "$tmp/shrink.db" import "$tmp/s.jsonl" >/dev/null 2>&1 || rc=$?; } &
	pid=$!
	: >"$tmp/s.jsonl"
	wait "$pid" || rc=$?
	[ "$rc" -le 1 ] || { fail "import of a shrinking file: exit $rc"; break; }
	i=$((i + 1))
done

# Not a regular file: refused before it is opened for reading (a FIFO
# would block forever).
mkfifo "$tmp/fifo"
expect 1 "fifo: not a regular file" import "$tmp/fifo"
expect 1 "is a directory" import "$tmp"

# One rubric id, two snapshots: a 1270-point "110" is another rubric. stats
# reports each snapshot apart (never one mean over both), compare says so.
db5=$tmp/fake110.db
cat >"$tmp/fake110.yaml" <<'YAML'
kaohe-rubric: 1
id: "110"
title: 另一份 110 評分表
total: 1270
children:
  - {key: "1.1.1", title: 申辦業務標準作業流程訂定情形, min: 1, max: 1270}
YAML
real=$("$KAOHE" --db "$db5" new --rubric "$rubric" --agency 臺南分署 \
    --date 2021-08-06 --inspector 王小明 --no-tui)
fake=$("$KAOHE" --db "$db5" new --rubric "$tmp/fake110.yaml" --agency 臺南分署 \
    --date 2021-08-07 --inspector 王小明 --no-tui)
"$KAOHE" --db "$db5" set "$real" 1.1.1 20 >/dev/null || fail "set real"
"$KAOHE" --db "$db5" set "$fake" 1.1.1 1200 >/dev/null || fail "set fake"
"$KAOHE" --db "$db5" stats --status draft >"$tmp/stats.txt" 2>&1
checks=$((checks + 1))
grep -q "^2 rubric snapshots: each is reported apart" "$tmp/stats.txt" &&
    grep -q "^== rubric 110@[0-9a-f]\{8\}: 另一份 110 評分表, total 1270" "$tmp/stats.txt" &&
    grep -q "^== rubric 110@[0-9a-f]\{8\}: 110年度.*, total 1000" "$tmp/stats.txt" ||
    fail "stats over two snapshots of 110: $(cat "$tmp/stats.txt")"
checks=$((checks + 1))
# 臺南分署 has one card in each: two rows of one card, never a mean of 610.
[ "$(grep -c '^臺南分署 .*(1)$' "$tmp/stats.txt")" -eq 2 ] &&
    ! grep -q '610.0' "$tmp/stats.txt" ||
    fail "an agency's mean mixes two rubrics: $(cat "$tmp/stats.txt")"
"$KAOHE" --db "$db5" stats --status draft --format csv >"$tmp/stats.csv"
checks=$((checks + 1))
[ "$(grep -c '^agency,110@' "$tmp/stats.csv")" -eq 2 ] ||
    fail "stats csv names each snapshot: $(cat "$tmp/stats.csv")"
"$KAOHE" --db "$db5" stats --status draft --format json >"$tmp/stats.json"
checks=$((checks + 1))
[ "$(grep -c '"label": "110@' "$tmp/stats.json")" -eq 2 ] ||
    fail "stats json lists the snapshots: $(head -30 "$tmp/stats.json")"
checks=$((checks + 1))
"$KAOHE" --db "$db5" compare "$real" "$fake" >"$tmp/out" 2>&1
grep -q "^note: A and B were scored with different snapshots of rubric 110 .*totals are out of 1000 and 1270" "$tmp/out" ||
    fail "compare over two snapshots: $(cat "$tmp/out")"
checks=$((checks + 1))
"$KAOHE" --db "$db5" compare "$real" "$fake" --format json >"$tmp/out" 2>&1
grep -q '"same_snapshot": false' "$tmp/out" || fail "compare json: same_snapshot"

# Re-import: a card travels laptop -> headquarters several times.
lap=$tmp/laptop.db
hq=$tmp/hq2.db
L() { "$KAOHE" --db "$lap" "$@"; }
H() { "$KAOHE" --db "$hq" "$@"; }
summary() {	# summary WANT FILE...: import into hq and check the last line
	local want=$1
	shift
	checks=$((checks + 1))
	H import "$@" >"$tmp/imp.out" 2>&1 || fail "import $*: $(cat "$tmp/imp.out")"
	[ "$(tail -1 "$tmp/imp.out")" = "$want" ] ||
	    fail "import $*: want '$want': $(cat "$tmp/imp.out")"
}
card=$(L new --rubric "$rubric" --agency 宜蘭分署 --date 2025-10-01 \
    --inspector 王小明 --no-tui)
L set "$card" 1.1.1 28 >/dev/null
L export --all --format jsonl -o "$tmp/r1.jsonl"
summary "imported 1, updated 0, skipped 0 already present, 0 conflicts" "$tmp/r1.jsonl"
# The same file again: identical content, skipped.
summary "imported 0, updated 0, skipped 1 already present, 0 conflicts" "$tmp/r1.jsonl"
# Scored on further on the laptop: a later draft of a card unchanged at
# headquarters since it came in updates it there, audited.
L set "$card" 1.1.2 36 >/dev/null
L note "$card" 1.1.2 --record "抽查 20 件，均於時限內辦結" >/dev/null
L export --all --format jsonl -o "$tmp/r2.jsonl"
# --dry-run says so and writes nothing.
before=$(H export --all --format jsonl | sha256sum)
audit_before=$(sqlite3 "$hq" "SELECT count(*) FROM audit")
checks=$((checks + 1))
H import --dry-run "$tmp/r2.jsonl" >"$tmp/imp.out" 2>&1 || fail "dry run"
grep -q "^would be updated #1 " "$tmp/imp.out" &&
    grep -q "^dry run, nothing was written: imported 0, updated 1, skipped 0 already present, 0 conflicts$" "$tmp/imp.out" ||
    fail "dry run: $(cat "$tmp/imp.out")"
checks=$((checks + 1))
[ "$(H export --all --format jsonl | sha256sum)" = "$before" ] &&
    [ "$(sqlite3 "$hq" "SELECT count(*) FROM audit")" = "$audit_before" ] ||
    fail "a dry run wrote"
checks=$((checks + 1))
"$KAOHE" --db "$tmp/none.db" import --dry-run "$tmp/r2.jsonl" >"$tmp/out" 2>&1 &&
    grep -q "nothing was written: imported 1, updated 0" "$tmp/out" ||
    fail "a dry run without a database: $(cat "$tmp/out")"
checks=$((checks + 1))
[ ! -e "$tmp/none.db" ] || fail "a dry run made a database"
summary "imported 0, updated 1, skipped 0 already present, 0 conflicts" "$tmp/r2.jsonl"
checks=$((checks + 1))
grep -q "^updated #1 ([0-9a-f-]*) to revision 1, draft, from .*r2.jsonl:2$" "$tmp/imp.out" ||
    fail "the update is named: $(cat "$tmp/imp.out")"
checks=$((checks + 1))
H history 1 | grep -q "1.1.2 .*抽查 20 件" || fail "the update is in history: $(H history 1)"
L export --all --format jsonl >"$tmp/lap.jsonl"
H export --all --format jsonl >"$tmp/hq.jsonl"
same "$tmp/lap.jsonl" "$tmp/hq.jsonl" "the card at headquarters after the update"

# Finalized on the laptop: the final card replaces its draft there.
L rubric show 110 --format json >/dev/null
"$KAOHE" rubric show "$rubric" --format json | awk '/"key":/ {k=$2; gsub(/[",]/,"",k); st=0}
    /"min":/ && st==0 && k!="" {st=1; next}
    /"max":/ && st==1 {m=$2; gsub(/,/,"",m); print k, m; st=2}' >"$tmp/keys"
while read -r key max; do
	case $key in 1.1.1|1.1.2) continue ;; esac
	L set "$card" "$key" "$max" >/dev/null || fail "set $key $max"
done <"$tmp/keys"
L finalize "$card" >/dev/null 2>&1 || fail "finalize on the laptop"
L export --all --format jsonl -o "$tmp/r3.jsonl"
summary "imported 0, updated 1, skipped 0 already present, 0 conflicts" "$tmp/r3.jsonl"
checks=$((checks + 1))
H list --format csv | grep -q ",final," || fail "final at headquarters: $(H list --format csv)"
checks=$((checks + 1))
H verify >"$tmp/out" 2>&1 || fail "verify at headquarters: $(cat "$tmp/out")"
L export --all --format jsonl >"$tmp/lap.jsonl"
H export --all --format jsonl >"$tmp/hq.jsonl"
same "$tmp/lap.jsonl" "$tmp/hq.jsonl" "the final card at headquarters, seal and all"
# An old copy arriving late changes nothing.
summary "imported 0, updated 0, skipped 1 already present, 0 conflicts" "$tmp/r1.jsonl"

# Reopened and corrected on the laptop: revision 2 updates headquarters,
# and revision 1 stays there as it was.
L reopen "$card" --reason "1.1.1 筆誤" >/dev/null || fail "reopen"
L set "$card" 1.1.1 27 >/dev/null
L finalize "$card" >/dev/null 2>&1 || fail "finalize revision 2"
L export --all --format jsonl -o "$tmp/r4.jsonl"
summary "imported 0, updated 1, skipped 0 already present, 0 conflicts" "$tmp/r4.jsonl"
checks=$((checks + 1))
H export 1 --revision 1 --format json | grep -q '"revision": 1' ||
    fail "revision 1 is kept at headquarters"
checks=$((checks + 1))
H verify >"$tmp/out" 2>&1 || fail "verify after the update to revision 2: $(cat "$tmp/out")"

# Changed on both sides: both kept, the incoming card as a conflict copy.
two=$(L new --rubric "$rubric" --agency 花蓮分署 --date 2025-10-02 \
    --inspector 陳美玲 --no-tui)
L set "$two" 1.1.1 20 >/dev/null
L export "$two" --format jsonl -o "$tmp/c1.jsonl"
summary "imported 1, updated 0, skipped 0 already present, 0 conflicts" "$tmp/c1.jsonl"
hqtwo=$(H list --agency 花蓮 --format csv | sed -n 2p | cut -d, -f1)
H set "$hqtwo" 1.1.1 25 >/dev/null
L set "$two" 1.1.1 21 >/dev/null
L export "$two" --format jsonl -o "$tmp/c2.jsonl"
summary "imported 0, updated 0, skipped 0 already present, 1 conflicts" "$tmp/c2.jsonl"
checks=$((checks + 1))
grep -q "^conflict: [0-9a-f-]* changed here (#$hqtwo) and in .*c2.jsonl:2; the incoming card is kept as #[0-9]*, a conflict copy$" "$tmp/imp.out" ||
    fail "the conflict is reported: $(cat "$tmp/imp.out")"
checks=$((checks + 1))
[ "$(H list --agency 花蓮 --format csv | wc -l)" -eq 3 ] || fail "both versions kept"
copy=$(sed -n 's/.*kept as #\([0-9]*\), a conflict copy$/\1/p' "$tmp/imp.out")
checks=$((checks + 1))
H show "$copy" | grep -q "^conflict copy of [0-9a-f-]*: imported while the card here had changed too" ||
    fail "show marks the conflict copy: $(H show "$copy" | head -8)"
checks=$((checks + 1))
! H show "$hqtwo" | grep -q "conflict copy" || fail "the card here is not a copy"
checks=$((checks + 1))
H show "$hqtwo" | grep -q "25" || fail "the card here keeps its own score"
# The same conflicting file again makes no second copy.
summary "imported 0, updated 0, skipped 1 already present, 0 conflicts" "$tmp/c2.jsonl"
# Finalized on the laptop while headquarters still differs: the final card
# is kept as a copy too, sealed anew under its own UUID (a seal covers it).
while read -r key max; do
	case $key in 1.1.1) continue ;; esac
	L set "$two" "$key" "$max" >/dev/null || fail "set $key $max"
done <"$tmp/keys"
L finalize "$two" >/dev/null 2>&1 || fail "finalize the conflicting card"
L export "$two" --format jsonl -o "$tmp/c3.jsonl"
summary "imported 0, updated 0, skipped 0 already present, 1 conflicts" "$tmp/c3.jsonl"
fcopy=$(sed -n 's/.*kept as #\([0-9]*\), a conflict copy$/\1/p' "$tmp/imp.out")
checks=$((checks + 1))
[ -n "$fcopy" ] && H list --format csv | grep -q "^$fcopy,.*,final," &&
    H verify "$fcopy" >"$tmp/out" 2>&1 || fail "the final conflict copy '#$fcopy': $(cat "$tmp/out")"
# A final card whose seal does not match is still refused, by its own UUID.
sed 's/"record":""/"record":"改過"/' "$tmp/c3.jsonl" >"$tmp/c4.jsonl"
checks=$((checks + 1))
rc=0
H import "$tmp/c4.jsonl" >"$tmp/imp.out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] && grep -q "scorecard $(L show "$two" | sed -n 's/^uuid: *//p'): its seal does not match its content" "$tmp/imp.out" ||
    fail "a tampered final card in conflict: exit $rc: $(cat "$tmp/imp.out")"

# A card imported before the content hash counted evidence and team rows
# (imports holds its version 1: the seal and the status) is still known:
# the very copy that came in, arriving again after the card changed here,
# is skipped, not a conflict.
old=$(L new --rubric "$rubric" --agency 臺東分署 --date 2025-10-03 \
    --inspector 王小明 --no-tui)
while read -r key max; do
	L set "$old" "$key" "$max" >/dev/null || fail "set $key $max"
done <"$tmp/keys"
L finalize "$old" >/dev/null 2>&1 || fail "finalize the old card"
L export "$old" --format json -o "$tmp/old.json"
summary "imported 1, updated 0, skipped 0 already present, 0 conflicts" "$tmp/old.json"
hqold=$(H list --agency 臺東 --format csv | sed -n 2p | cut -d, -f1)
seal=$(sed -n 's/^  "seal": "\([0-9a-f]*\)",*$/\1/p' "$tmp/old.json")
v1=$(printf 'kaohe-content 1\nseal %s\nstatus 1\n' "$seal" | sha256sum | cut -c1-64)
checks=$((checks + 1))
[ ${#seal} -eq 64 ] && sqlite3 "$hq" "UPDATE imports SET content_sha256 = '$v1'
    WHERE scorecard_id = $hqold" || fail "record version 1 (seal '$seal')"
H reopen "$hqold" --reason 更正 >/dev/null || fail "reopen at headquarters"
H set "$hqold" 1.1.1 29 >/dev/null || fail "set at headquarters"
summary "imported 0, updated 0, skipped 1 already present, 0 conflicts" "$tmp/old.json"

# A team card travels too: its members' marks and the lead's settlements.
tl=$tmp/team-lap.db
thq=$tmp/team-hq.db
T() { "$KAOHE" --db "$tl" "$@"; }
TH() { "$KAOHE" --db "$thq" "$@"; }
team_import() {	# team_import WANT FILE: into thq, the summary is WANT
	checks=$((checks + 1))
	TH import "$2" >"$tmp/imp.out" 2>&1 || fail "import $2: $(cat "$tmp/imp.out")"
	[ "$(tail -1 "$tmp/imp.out")" = "$1" ] ||
	    fail "import $2: want '$1': $(cat "$tmp/imp.out")"
}
team_alike() {	# team_alike WHAT: the team card is the same at both ends
	T export "$tc" --format json | sed '/^  "id": /d' >"$tmp/team-lap.json"
	TH export "$htc" --format json | sed '/^  "id": /d' >"$tmp/team-hq.json"
	same "$tmp/team-lap.json" "$tmp/team-hq.json" "the team card at both ends, $1"
}
m1=$(T new --rubric "$rubric" --agency 臺南分署 --date 2021-08-06 \
    --inspector 甲 --scope 5 --no-tui)
m2=$(T new --rubric "$rubric" --agency 臺南分署 --date 2021-08-06 \
    --inspector 乙 --scope 5 --no-tui)
T set "$m1" 5.1 40 >/dev/null && T set "$m1" 5.2 30 >/dev/null &&
    T set "$m2" 5.1 42 >/dev/null && T set "$m2" 5.2 45 >/dev/null &&
    T note "$m2" 5.2 --rationale 初評 >/dev/null || fail "score the members"
T finalize "$m1" >/dev/null 2>&1 && T finalize "$m2" >/dev/null 2>&1 ||
    fail "finalize the members"
tc=$(T team "$m1" "$m2" --lead 丙 2>/dev/null) || fail "team"
T export "$tc" --format json -o "$tmp/t1.json"
team_import "imported 1, updated 0, skipped 0 already present, 0 conflicts" "$tmp/t1.json"
htc=$(TH list --format csv | sed -n 2p | cut -d, -f1)
# Member 1 rescores 5.1 from 40 to 39 and the team card is rebuilt: the
# mean of 39 and 42 is still 41, so only the team rows (the marks, the
# member's fingerprint) differ; the seal's content does not.
T reopen "$m1" --reason 複查 >/dev/null && T set "$m1" 5.1 39 >/dev/null &&
    T finalize "$m1" >/dev/null 2>&1 || fail "rescore member 1"
T team --rebuild "$tc" >/dev/null 2>&1 || fail "rebuild the team card"
T export "$tc" --format json -o "$tmp/t2.json"
checks=$((checks + 1))
diff "$tmp/t1.json" "$tmp/t2.json" | grep '^>' | grep -v -e '"updated_at"' \
    -e '"fingerprint"' >"$tmp/t.diff"
[ "$(cat "$tmp/t.diff")" = '>                   "score": 39,' ] ||
    fail "t2.json differs in a mark alone: $(cat "$tmp/t.diff")"
team_import "imported 0, updated 1, skipped 0 already present, 0 conflicts" "$tmp/t2.json"
team_alike "after the rebuild"
# The lead settles the flagged item: how and reason travel, audited there.
T set "$tc" 5.2 40 --how consensus --reason "討論後取 40 分" >/dev/null ||
    fail "settle 5.2"
T export "$tc" --format json -o "$tmp/t3.json"
team_import "imported 0, updated 1, skipped 0 already present, 0 conflicts" "$tmp/t3.json"
team_alike "after the settlement"
checks=$((checks + 1))
TH history "$htc" | grep -q "討論後取 40 分" || fail "the settlement is in history there: $(TH history "$htc")"
team_import "imported 0, updated 0, skipped 1 already present, 0 conflicts" "$tmp/t3.json"
# Settled again on both sides, to the same score for other reasons: the
# team rows alone differ, and both changed: a conflict, both kept.
TH set "$htc" 5.2 40 --how consensus --reason "總部複核後再議定" >/dev/null ||
    fail "settle again at headquarters"
T set "$tc" 5.2 40 --how rescore --reason "複評後取 40 分" >/dev/null ||
    fail "settle again on the laptop"
T export "$tc" --format json -o "$tmp/t4.json"
team_import "imported 0, updated 0, skipped 0 already present, 1 conflicts" "$tmp/t4.json"
tcopy=$(sed -n 's/.*kept as #\([0-9]*\), a conflict copy$/\1/p' "$tmp/imp.out")
checks=$((checks + 1))
TH export "$htc" --format json | grep -q '"reason": "總部複核後再議定"' &&
    TH export "$tcopy" --format json | grep -q '"reason": "複評後取 40 分"' ||
    fail "both settlements kept (copy '#$tcopy')"
checks=$((checks + 1))
TH verify "$htc" >"$tmp/out" 2>&1 || fail "verify the team card there: $(cat "$tmp/out")"

# A team card's final replaces its draft there, and its team rows are then
# the final_* triggers' like its entries.
f1=$(T new --rubric "$rubric" --agency 臺中分署 --date 2021-08-07 \
    --inspector 丁 --no-tui)
f2=$(T new --rubric "$rubric" --agency 臺中分署 --date 2021-08-07 \
    --inspector 戊 --no-tui)
while read -r key max; do
	T set "$f1" "$key" "$max" >/dev/null && T set "$f2" "$key" "$max" >/dev/null ||
	    fail "set $key $max on the members"
done <"$tmp/keys"
T finalize "$f1" >/dev/null 2>&1 && T finalize "$f2" >/dev/null 2>&1 ||
    fail "finalize the full members"
tc=$(T team "$f1" "$f2" --lead 己 2>/dev/null) || fail "the full team card"
T export "$tc" --format json -o "$tmp/t5.json"
team_import "imported 1, updated 0, skipped 0 already present, 0 conflicts" "$tmp/t5.json"
htc=$(TH list --agency 臺中 --format csv | sed -n 2p | cut -d, -f1)
T finalize "$tc" >/dev/null 2>&1 || fail "finalize the team card"
T export "$tc" --format json -o "$tmp/t6.json"
team_import "imported 0, updated 1, skipped 0 already present, 0 conflicts" "$tmp/t6.json"
team_alike "final"
for sql in "DELETE FROM team_marks" "UPDATE team_items SET flagged = 1 - flagged" \
    "DELETE FROM team_members" "UPDATE teams SET lead = 'x'"; do
	checks=$((checks + 1))
	sqlite3 "$thq" "$sql WHERE scorecard_id = $htc" 2>"$tmp/err" &&
	    fail "$sql: on a final team card"
	grep -q "scorecard is finalized; it cannot be changed" "$tmp/err" ||
	    fail "$sql: $(cat "$tmp/err")"
done

finish
