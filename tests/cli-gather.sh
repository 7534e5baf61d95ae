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
expect 2 "--format is text, md, csv or json, or jsonl for a bundle" export "$a" --format xml

# Into another laptop's database: all four, and the same bundle back out.
db2=$tmp/hq.db
checks=$((checks + 1))
"$KAOHE" --db "$db2" import "$tmp/all.jsonl" >"$tmp/out" 2>&1 ||
    fail "import the bundle: $(cat "$tmp/out")"
grep -q "imported 3, updated 0, skipped 0 already present, 0 conflicts" \
    "$tmp/out" || fail "import the bundle: $(cat "$tmp/out")"
"$KAOHE" --db "$db2" export --all --format jsonl -o "$tmp/again.jsonl"
same "$tmp/all.jsonl" "$tmp/again.jsonl" "a bundle after export, import, export"

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
# The same snapshot line twice is a mistake worth naming.
{ head -1 "$tmp/all.jsonl"; cat "$tmp/all.jsonl"; } >"$tmp/twice.jsonl"
expect 1 "twice.jsonl:2: the rubric snapshot" import "$tmp/twice.jsonl"

# Two snapshots (the 110 rubric and a variant): two snapshot lines.
db3=$tmp/two.db
"$KAOHE" --db "$db3" import "$data/import-review/set.jsonl" >/dev/null ||
    fail "import set.jsonl"
"$KAOHE" --db "$db3" export --all --format jsonl >"$tmp/two.jsonl"
checks=$((checks + 1))
[ "$(grep -c '^{"rubric":' "$tmp/two.jsonl")" -eq 2 ] || fail "two snapshots, two lines"
checks=$((checks + 1))
[ "$(grep -c '"uuid"' "$tmp/two.jsonl")" -eq 10 ] || fail "ten cards"

finish
