# kaohe evidence: seed 000 added to a new 110 card, its passages for
# chosen items, list, corrections, PDF, and the hostile documents that
# must be refused with the card left as it was.
. "$top_srcdir/tests/lib.sh"

data=$top_srcdir/tests/data/evidence
seed000=$data/000_db66db9cab79e5c1.txt

id=$("$KAOHE" --db "$db" new --agency 法務部行政執行署宜蘭分署 \
    --date 2025-12-01 --inspector 甲 --no-tui) || { fail new; finish; exit 1; }

expect 0 "document 1 of scorecard $id: 114 年度服務躍升執行成果報告 (000_db66db9cab79e5c1.txt)" \
    evidence add "$id" "$seed000"
case $out in
*"132 sections found, 19 of 36 items matched, 98 sections unmatched"*) ;;
*) fail "evidence add: counts: $out" ;;
esac
checks=$((checks + 1))
expect 1 "already has this document (document 1" evidence add "$id" "$seed000"

# show: the heading line, whose section it is, and the passage's text.
expect 0 "114 年度服務躍升執行成果報告 › 2. 服務及時性" evidence show "$id" 1.1.2
case $out in
*"(document 1, section 4, line 17: the section of 1.1.2)"*"合計能在 30 分鐘內完成者達 96.15%"*) ;;
*) fail "show 1.1.2: $out" ;;
esac
case $out in *"3. 服務人員專業度"*) fail "show 1.1.2 ran into 1.1.3" ;; esac
checks=$((checks + 2))
expect 0 "› （2）資料開放" evidence show "$id" 1.2.4.2
expect 0 "› 1. 不同義務人類型的客製化方案" evidence show "$id" 2.2.1
expect 0 "3.1.1 has no section of its own; this is the section of 3.1" \
    evidence show "$id" 3.1.1
case $out in *"定期召開主管會議"*) ;; *) fail "show 3.1.1: $out" ;; esac
checks=$((checks + 1))
expect 1 "has no passage for 5.1" evidence show "$id" 5.1
expect 1 "no item '9.9'" evidence show "$id" 9.9

# list: per node the heading matched, then the unmatched sections.
expect 0 "1.1.1      1:3      1. 申辦業務標準作業流程訂定情形" evidence list "$id"
case $out in
*"1.2.2.1    -        (the passage of 1.2.2)"*"unmatched sections of document 1:"*"1:5        line 19    (1)為方便民眾"*) ;;
*) fail "list: $out" ;;
esac
checks=$((checks + 1))

# A correction is stored and outlives a later document.
expect 0 "1.2.2.1: document 1, section 34 (corrected)" \
    evidence match "$id" 1.2.2.1 1:34
expect 0 "› (3)在網站首頁下方建置胖頁尾" evidence show "$id" 1.2.2.1
expect 0 "1.1.1: no section in any document (corrected)" \
    evidence match "$id" 1.1.1 none
expect 0 "1.1.1 has no section of its own; this is the section of 1.1" \
    evidence show "$id" 1.1.1
expect 1 "has no section 999" evidence match "$id" 1.1.1 1:999
expect 1 "has no document 7" evidence match "$id" 1.1.1 7:1
expect 2 "is not DOC:SECTION" evidence match "$id" 1.1.1 x
for s in 001_0c8826c442bd94ee 003_09e07fdb46c4e1ce 004_ad876cbefe0a0732; do
	expect 0 "sections found" evidence add "$id" "$data/$s.txt"
done
expect 0 "1.2.2.1    1:34     (3)在網站首頁" evidence list "$id"
case $out in *"1.2.2.1    1:34"*"(corrected)"*) ;; *) fail "list corrected: $out" ;; esac
checks=$((checks + 1))
expect 0 "1.1.1 has no section of its own" evidence show "$id" 1.1.1
# 004, an older framework, names 1.2.1 exactly: its own section there too.
expect 0 "1.2.1      4:25     1、服務設施合宜程度" evidence list "$id"

# PDF through pdftotext; without it the message names the package.
if command -v pdftotext >/dev/null 2>&1; then
	expect 0 "2 sections found" evidence add "$id" "$data/report.pdf"
fi
checks=$((checks + 1))
rc=0
PATH=/nonexistent "$KAOHE" --db "$db" evidence add "$id" "$data/report.pdf" \
    >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" -eq 1 ] && grep -q "install poppler-utils" "$tmp/err" ||
    fail "a PDF without pdftotext: exit $rc: $(cat "$tmp/err")"

# Hostile documents: a clear error, and the card as it was.
"$KAOHE" --db "$db" evidence list "$id" >"$tmp/before"
printf '一、甲\n乙\000丙\n' >"$tmp/nul.txt"
expect 1 "nul.txt:2:2: a NUL byte: this is a binary file" \
    evidence add "$id" "$tmp/nul.txt"
printf '一、甲\n乙\377丙\n' >"$tmp/bad.txt"
expect 1 "bad.txt:2:2: not valid UTF-8" evidence add "$id" "$tmp/bad.txt"
truncate -s 100M "$tmp/big.txt"
expect 1 "file is too large" evidence add "$id" "$tmp/big.txt"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "(%d)標題\n", i % 99 + 1 }' \
    >"$tmp/flood.txt"
expect 1 "flood.txt:5001: more than 5000 headings" \
    evidence add "$id" "$tmp/flood.txt"
printf '\211PNG\r\n\032\n\000\000' >"$tmp/x.png"
expect 1 "x.png:1:1: not valid UTF-8" evidence add "$id" "$tmp/x.png"
expect 2 "--title holds a control character" evidence add "$id" "$seed000" --title "$(printf 'a\033b')"
"$KAOHE" --db "$db" evidence list "$id" >"$tmp/after"
same "$tmp/before" "$tmp/after" "the card after refused documents"

# Control characters in a document never reach the terminal.
printf '一、甲\n\033[2J清除\n' >"$tmp/esc.txt"
id2=$("$KAOHE" --db "$db" new --agency 乙 --date 2025-12-01 --inspector 甲 --no-tui)
expect 0 "1 sections found" evidence add "$id2" "$tmp/esc.txt" --title 測試
expect 0 "1.1.1: document 1, section 1" evidence match "$id2" 1.1.1 1:1
expect 0 "測試 › 一、甲" evidence show "$id2" 1.1.1
checks=$((checks + 1))
case $out in *"$(printf '\033')"*) fail "show printed an ESC" ;; esac

# Evidence travels in the JSON export and back through import, one card
# or a bundle, corrections included; a text that is not its SHA-256's is
# refused.
"$KAOHE" --db "$db" export "$id" --format json -o "$tmp/card.json"
"$KAOHE" --db "$db" evidence list "$id" >"$tmp/list.before"
db2=$tmp/other.db
# on DB EXPECT-ARGS...: expect, against another database.
on() {
	_saved=$db; db=$1; shift
	expect "$@"
	db=$_saved
}
on "$db2" 0 "imported 1" import "$tmp/card.json"
"$KAOHE" --db "$db2" evidence list 1 >"$tmp/list.after"
same "$tmp/list.before" "$tmp/list.after" "evidence list after import"
"$KAOHE" --db "$db2" export 1 --format json | sed 1,2d >"$tmp/again.json"
sed 1,2d "$tmp/card.json" >"$tmp/card.tail"
same "$tmp/card.tail" "$tmp/again.json" "export, import, export again"
on "$db2" 0 "skipped 1 already present" import "$tmp/card.json"
"$KAOHE" --db "$db" export "$id" --format jsonl -o "$tmp/bundle.jsonl"
on "$tmp/third.db" 0 "imported 1" import "$tmp/bundle.jsonl"
"$KAOHE" --db "$tmp/third.db" evidence list 1 >"$tmp/list.bundle"
same "$tmp/list.before" "$tmp/list.bundle" "evidence list after a bundle"
sed 's/本分署設有各項標準作業流程標示/本分署改過/' "$tmp/card.json" >"$tmp/tampered.json"
on "$tmp/fourth.db" 1 "evidence: the text does not match its sha256" \
    import "$tmp/tampered.json"
sed 's/"line": 88,/"line": 85,/' "$tmp/card.json" >"$tmp/badline.json"
on "$tmp/fourth.db" 1 "evidence: the match of '1.2.2.1' is not at a heading's line" \
    import "$tmp/badline.json"

# Search: evidence and notes through FTS5 (three characters or more),
# shorter text by a scan; the index follows every change of a note.
other=$("$KAOHE" --db "$db" new --agency 臺南分署 --date 2025-12-02 --inspector 甲 --no-tui)
"$KAOHE" --db "$db" note "$other" 2.1.3 --record "啟用行動支付上線" >/dev/null
expect 0 "宜蘭分署" list --search 偏鄉行動服務站 --format csv
case $out in *臺南分署*) fail "list --search 偏鄉行動服務站 lists 臺南分署" ;; esac
expect 0 "臺南分署" list --search 行動支付上線 --format csv
case $out in *宜蘭分署*) fail "list --search 行動支付上線 lists 宜蘭分署" ;; esac
expect 0 "宜蘭分署" list --search 支付 --format csv
case $out in *臺南分署*) ;; *) fail "list --search 支付 misses the note" ;; esac
"$KAOHE" --db "$db" note "$other" 2.1.3 --record "改寫" >/dev/null
run list --search 行動支付上線 --format csv
case $out in *臺南分署*) fail "a rewritten note is still found" ;; esac
expect 0 'AGENCY' list --search '"quote" OR x'
checks=$((checks + 5))

# A finalized card's documents are sealed with it: verify sees a changed
# document; after a reopen a new document leaves revision 1 verifying,
# and revision 1 exports with the documents it had.
sealed=$("$KAOHE" --db "$db" new --agency 宜蘭分署 --date 2025-12-03 --inspector 甲 --no-tui)
grep -v '^#' "$top_srcdir/tests/data/tainan-110.tsv" |
while IFS='	' read -r key score tier; do
	"$KAOHE" --db "$db" set "$sealed" "$key" "$score" ${tier:+--tier "$tier"} >/dev/null
done
"$KAOHE" --db "$db" evidence add "$sealed" "$seed000" >/dev/null
"$KAOHE" --db "$db" finalize "$sealed" >/dev/null 2>&1
expect 0 "$sealed  ok" verify "$sealed"
expect 1 "is finalized; it cannot be changed" evidence add "$sealed" \
    "$data/001_0c8826c442bd94ee.txt"
"$KAOHE" --db "$db" reopen "$sealed" --reason 補充報告 >/dev/null
expect 0 "document 2 of scorecard $sealed" evidence add "$sealed" \
    "$data/001_0c8826c442bd94ee.txt"
expect 0 "$sealed  ok" verify "$sealed"
"$KAOHE" --db "$db" export "$sealed" --revision 1 --format json >"$tmp/rev1.json"
checks=$((checks + 1))
[ "$(grep -c '"file_name"' "$tmp/rev1.json")" = 1 ] ||
    fail "revision 1 exports $(grep -c '"file_name"' "$tmp/rev1.json") documents, not 1"
cp "$db" "$tmp/tampered.db"
sqlite3 "$tmp/tampered.db" "DROP TRIGGER final_documents_UPDATE;
    UPDATE documents SET title = '改過的標題' WHERE scorecard_id = $sealed AND position = 1;" ||
    fail "sqlite3 could not tamper"
rc=0
"$KAOHE" --db "$tmp/tampered.db" verify "$sealed" >"$tmp/out" 2>/dev/null || rc=$?
checks=$((checks + 1))
[ "$rc" -eq 1 ] && grep -q "^$sealed  TAMPERED: revision 1 changed since it was sealed: document 1" "$tmp/out" ||
    fail "verify of a changed document: exit $rc: $(cat "$tmp/out")"

# Evidence travels laptop -> headquarters more than once: a correction and
# a second document made on the laptop reach headquarters, whole.
lap=$tmp/lap.db
hq=$tmp/hq.db
L() { "$KAOHE" --db "$lap" "$@"; }
H() { "$KAOHE" --db "$hq" "$@"; }
imports() {	# imports WANT FILE: import into headquarters, the summary is WANT
	checks=$((checks + 1))
	H import "$2" >"$tmp/imp.out" 2>&1 || fail "import $2: $(cat "$tmp/imp.out")"
	[ "$(tail -1 "$tmp/imp.out")" = "$1" ] ||
	    fail "import $2: want '$1': $(cat "$tmp/imp.out")"
}
alike() {	# alike WHAT: the card's evidence and bundle at both ends are one
	L evidence list "$card" >"$tmp/lap.list"
	H evidence list "$hqcard" >"$tmp/hq.list"
	same "$tmp/lap.list" "$tmp/hq.list" "evidence list at both ends, $1"
	L export "$card" --format jsonl | sed 's/^{"id":[0-9]*,/{/' >"$tmp/lap.jsonl"
	H export "$hqcard" --format jsonl | sed 's/^{"id":[0-9]*,/{/' >"$tmp/hq.jsonl"
	same "$tmp/lap.jsonl" "$tmp/hq.jsonl" "the bundle at both ends but the local id, $1"
}
L new --agency 宜蘭分署 --date 2025-10-01 --inspector 王 --no-tui >/dev/null
card=$(L new --agency 宜蘭分署 --date 2025-10-01 --inspector 王 --no-tui)
L evidence add "$card" "$seed000" >/dev/null || fail "add on the laptop"
L export "$card" --format json -o "$tmp/a.json"
imports "imported 1, updated 0, skipped 0 already present, 0 conflicts" "$tmp/a.json"
hqcard=$(H list --format csv | sed -n 2p | cut -d, -f1)
alike "after the first import"
L evidence match "$card" 1.1.1 none >/dev/null || fail "correct on the laptop"
L export "$card" --format json -o "$tmp/b.json"
checks=$((checks + 1))
H import --dry-run "$tmp/b.json" >"$tmp/imp.out" 2>&1 &&
    grep -q "^dry run, nothing was written: imported 0, updated 1, skipped 0" "$tmp/imp.out" ||
    fail "a dry run of the correction: $(cat "$tmp/imp.out")"
checks=$((checks + 1))
H evidence list "$hqcard" | grep -q '^1\.1\.1 .*1:3 ' ||
    fail "the dry run wrote: $(H evidence list "$hqcard" | grep '^1\.1\.1')"
imports "imported 0, updated 1, skipped 0 already present, 0 conflicts" "$tmp/b.json"
alike "after the correction"
L evidence add "$card" "$data/003_09e07fdb46c4e1ce.txt" >/dev/null ||
    fail "a second document on the laptop"
L export "$card" --format json -o "$tmp/c.json"
imports "imported 0, updated 1, skipped 0 already present, 0 conflicts" "$tmp/c.json"
checks=$((checks + 1))
[ "$(sqlite3 "$hq" "SELECT count(*) FROM documents")" = 2 ] ||
    fail "two documents at headquarters: $(sqlite3 "$hq" "SELECT count(*) FROM documents")"
alike "after the second document"
imports "imported 0, updated 0, skipped 1 already present, 0 conflicts" "$tmp/c.json"
checks=$((checks + 1))
[ "$(sqlite3 "$hq" "SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH '單一窗口'")" = \
  "$(sqlite3 "$lap" "SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH '單一窗口'")" ] ||
    fail "the search index follows the replaced documents"
checks=$((checks + 1))
H verify "$hqcard" >"$tmp/out" 2>&1 || fail "verify at headquarters: $(cat "$tmp/out")"

# The same match corrected on both sides: a conflict, both kept.
H evidence match "$hqcard" 1.1.2 1:3 >/dev/null || fail "correct at headquarters"
L evidence match "$card" 1.1.2 none >/dev/null || fail "correct on the laptop again"
L export "$card" --format json -o "$tmp/d.json"
imports "imported 0, updated 0, skipped 0 already present, 1 conflicts" "$tmp/d.json"
copy=$(sed -n 's/.*kept as #\([0-9]*\), a conflict copy$/\1/p' "$tmp/imp.out")
checks=$((checks + 1))
H evidence list "$hqcard" | grep -q '^1\.1\.2 .*1:3 ' && [ -n "$copy" ] &&
    H evidence list "$copy" | grep -q '^1\.1\.2 *- ' ||
    fail "both corrections kept: $(H evidence list "$hqcard" | grep '^1\.1\.2'); copy #$copy: $(H evidence list "$copy" | grep '^1\.1\.2')"

# Finalized, reopened and given a document on the laptop: revision 2 with
# it updates headquarters, and the kept revision 1 still verifies there.
fin=$(L new --agency 宜蘭分署 --date 2025-10-02 --inspector 王 --no-tui)
"$KAOHE" rubric show 110 --format json | awk '/"key":/ {k=$2; gsub(/[",]/,"",k); st=0}
    /"min":/ && st==0 && k!="" {st=1; next}
    /"max":/ && st==1 {m=$2; gsub(/,/,"",m); print k, m; st=2}' >"$tmp/maxes"
while read -r key max; do
	L set "$fin" "$key" "$max" >/dev/null || fail "set $key $max"
done <"$tmp/maxes"
L evidence add "$fin" "$seed000" >/dev/null
L finalize "$fin" >/dev/null 2>&1 || fail "finalize on the laptop"
L export "$fin" --format json -o "$tmp/f1.json"
imports "imported 1, updated 0, skipped 0 already present, 0 conflicts" "$tmp/f1.json"
hqfin=$(H list --format csv | grep ',2025-10-02,' | cut -d, -f1)
L reopen "$fin" --reason 補充報告 >/dev/null
L evidence add "$fin" "$data/001_0c8826c442bd94ee.txt" >/dev/null
L export "$fin" --format json -o "$tmp/f2.json"
# Document 2 dated before revision 1 was final would slip into revision 1
# at headquarters: the update is refused, and nothing written.
awk '/"added_at":/ && ++n == 2 { sub(/"added_at": "[^"]*"/, "\"added_at\": \"2020-01-01T00:00:00.000Z\"") } 1' \
    "$tmp/f2.json" >"$tmp/f3.json"
checks=$((checks + 1))
cmp -s "$tmp/f2.json" "$tmp/f3.json" && fail "f3.json is f2.json"
before=$(H export --all --format jsonl | sha256sum)
checks=$((checks + 1))
rc=0
H import "$tmp/f3.json" >"$tmp/imp.out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] && grep -q "would no longer verify after the update (revision 1 changed since it was sealed: document 2" "$tmp/imp.out" ||
    fail "a document slipped into a kept revision: exit $rc: $(cat "$tmp/imp.out")"
checks=$((checks + 1))
[ "$(H export --all --format jsonl | sha256sum)" = "$before" ] || fail "the refused update wrote"
imports "imported 0, updated 1, skipped 0 already present, 0 conflicts" "$tmp/f2.json"
checks=$((checks + 1))
H verify "$hqfin" >"$tmp/out" 2>&1 || fail "verify revision 2 at headquarters: $(cat "$tmp/out")"
checks=$((checks + 1))
[ "$(H export "$hqfin" --revision 1 --format json | grep -c '"file_name"')" = 1 ] &&
    [ "$(H export "$hqfin" --format json | grep -c '"file_name"')" = 2 ] ||
    fail "revision 1 keeps one document, revision 2 has two"
# Finalized there, the documents and their matches are the triggers' again.
H finalize "$hqfin" >/dev/null 2>&1 || fail "finalize revision 2 at headquarters"
docs="document_id IN (SELECT id FROM documents WHERE scorecard_id = $hqfin)"
for sql in "DELETE FROM document_matches WHERE $docs" \
    "UPDATE document_matches SET corrected = 1 WHERE $docs" \
    "DELETE FROM document_sections WHERE $docs" \
    "UPDATE documents SET title = 'x' WHERE scorecard_id = $hqfin"; do
	checks=$((checks + 1))
	sqlite3 "$hq" "$sql" 2>"$tmp/err" && fail "$sql: on a final card"
	grep -q "scorecard is finalized; it cannot be changed" "$tmp/err" ||
	    fail "$sql: $(cat "$tmp/err")"
done

expect 2 "evidence needs add, list, show or match" evidence
expect 2 "unknown evidence command 'frob'" evidence frob
expect 1 "there is no scorecard 999" evidence add 999 "$seed000"
finish
