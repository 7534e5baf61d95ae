# `kaohe export`: every format through the real binary, -o written
# atomically, layouts at several widths, hostile notes, refusals, and
# export → import → export giving the same bytes.
. "$top_srcdir/tests/lib.sh"

id=$("$KAOHE" --db "$db" new --agency 臺南分署 --date 2021-08-06 \
    --inspector 為民服務不定期考核小組 --inspector 王小明 --no-tui) ||
	{ fail "new"; finish; exit 1; }
expect 0 "" set "$id" 1.1.1 28
expect 0 "" set "$id" 1.1.3 28
expect 0 "" note "$id" 1.1.1 --record \
    "各科室完成 SOP, \"100%\" | 達標
第二行 <b>粗體</b> 26~30 清除鈴"
expect 0 "" note "$id" 1.1.1 --rationale "給予 28 分。"
# The text rule refuses a note that would drive a terminal...
expect 1 "control character" note "$id" 1.1.3 --record \
    "$(printf '\033[2J清除\007鈴')"
# ...but a database written before the rule may hold one: every export
# but JSON must still strip it.
hostile=$("$KAOHE" --db "$db" new --agency 臺南分署 --date 2021-08-06 \
    --inspector 王小明 --no-tui)
behind_kaohe "$db" "UPDATE entries SET record = 'a' || char(27) || '[2J清除' ||
    char(7) || '鈴' WHERE scorecard_id = $hostile AND item = '1.1.1'" ||
    fail "sqlite3 update"
for f in text md csv json; do
	"$KAOHE" --db "$db" export "$hostile" --format "$f" --width 120 \
	    -o "$tmp/hostile.$f"
done

# Each format: exit 0, and -o writes the very bytes of standard output.
for f in text md csv json; do
	run export "$id" --format "$f" --width 120
	checks=$((checks + 1))
	[ "$rc" -eq 0 ] || fail "export --format $f: exit $rc: $err"
	"$KAOHE" --db "$db" export "$id" --format "$f" --width 120 \
	    >"$tmp/stdout.$f"
	run export "$id" --format "$f" --width 120 -o "$tmp/file.$f"
	same "$tmp/stdout.$f" "$tmp/file.$f" "export --format $f -o"
done

# No raw terminal control reaches any export but JSON (which escapes it).
for f in text md csv json; do
	checks=$((checks + 1))
	if LC_ALL=C grep -q "$(printf '[\033\007]')" "$tmp/hostile.$f"; then
		fail "export --format $f holds a raw control character"
	fi
done
checks=$((checks + 1))
grep -q '\\u001b\[2J清除\\u0007鈴' "$tmp/hostile.json" ||
	fail "export json lost the record's control characters"

# The header facts as the form prints them.
for want in "受考核機關名稱：臺南分署" "考核日期：110 年 8 月 6 日（2021-08-06）" \
    "總分：已評 2/36，部分合計 56 / 1000" \
    "考核人員：為民服務不定期考核小組、王小明" "狀態：草稿"; do
	checks=$((checks + 1))
	grep -qF "$want" "$tmp/file.text" || fail "text lacks '$want'"
done

# Every line exactly N columns (wc -L counts display width in a UTF-8
# locale): the table from 100 columns, the list below.
for w in 40 60 80 99 100 120 160; do
	"$KAOHE" --db "$db" export "$id" --width "$w" >"$tmp/w.txt"
	checks=$((checks + 1))
	bad=$(while IFS= read -r line; do
		printf '%s\n' "$line" | wc -L
	    done <"$tmp/w.txt" | grep -cvx "$w")
	[ "$bad" -eq 0 ] || fail "--width $w: $bad lines are not $w columns"
	checks=$((checks + 1))
	if [ "$w" -lt 100 ]; then
		grep -q '^  評分：28 *$' "$tmp/w.txt" ||
			fail "--width $w: not listed"
	else
		grep -q '^| 評核構面 ' "$tmp/w.txt" ||
			fail "--width $w: not the table"
	fi
done

# --paper a4: 132 columns, pages of 44 lines, form feeds between them.
run export "$id" --paper a4 -o "$tmp/a4.txt"
checks=$((checks + 1))
[ "$rc" -eq 0 ] || fail "export --paper a4: exit $rc: $err"
pages=$(($(tr -cd '\f' <"$tmp/a4.txt" | wc -c) + 1))
checks=$((checks + 1))
[ "$(wc -l <"$tmp/a4.txt")" -eq $((pages * 44)) ] ||
	fail "--paper a4: $(wc -l <"$tmp/a4.txt") lines for $pages pages"
checks=$((checks + 1))
[ "$(tr -d '\f' <"$tmp/a4.txt" | wc -L)" -eq 132 ] ||
	fail "--paper a4: not 132 columns"
checks=$((checks + 1))
grep -q "第 $pages 頁／共 $pages 頁" "$tmp/a4.txt" ||
	fail "--paper a4: no foot on the last page"

# --ambiguous wide: ■ and □ take two columns, so their lines are laid out
# one column narrower by wcwidth's count.
run export "$id" --width 120 --ambiguous wide -o "$tmp/wide.txt"
checks=$((checks + 1))
[ "$rc" -eq 0 ] || fail "export --ambiguous wide: exit $rc: $err"
checks=$((checks + 1))
n=$(grep '■' "$tmp/wide.txt" | head -1 | wc -L)
[ "$n" -eq 119 ] || fail "--ambiguous wide: a ■ line is $n columns by wcwidth"
checks=$((checks + 1))
cmp -s "$tmp/wide.txt" "$tmp/file.text" && fail "--ambiguous wide changed nothing"

# CSV: a BOM, CRLF records, the card's record, then one per item.
checks=$((checks + 1))
[ "$(head -c 3 "$tmp/file.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
	fail "csv has no BOM"
checks=$((checks + 1))
n=$(grep -c "$(printf '\r')\$" "$tmp/file.csv")
[ "$n" -eq 38 ] || fail "csv: $n CRLF-ended lines, want 38 (names, card, 36 items)"

# Refusals: a usage error is 2, a failed write 1, and nothing is left.
expect 2 "--format" export "$id" --format xml
expect 2 "--width" export "$id" --width abc
expect 2 "--paper is a4, not 'letter'" export "$id" --paper letter
expect 2 "--ambiguous is narrow or wide" export "$id" --ambiguous both
expect 1 "" export 999
expect 1 "$tmp/nodir/out.txt" export "$id" -o "$tmp/nodir/out.txt"
checks=$((checks + 1))
[ ! -e "$tmp/nodir" ] || fail "a failed export created its directory"

# Rewriting keeps the old file's mode and leaves no temporary behind.
chmod 600 "$tmp/file.text"
expect 0 "" export "$id" -o "$tmp/file.text"
checks=$((checks + 1))
[ "$(stat -c %a "$tmp/file.text")" = 600 ] || fail "export -o changed the mode"
checks=$((checks + 1))
[ -z "$(find "$tmp" -name '.kaohe-export.*')" ] || fail "a temporary remains"

# Round trip: export → import into a fresh database → export, same bytes.
"$KAOHE" --db "$db" export "$id" --format json -o "$tmp/a.json"
checks=$((checks + 1))
"$KAOHE" --db "$tmp/other.db" import "$tmp/a.json" >/dev/null ||
	fail "import of the export"
"$KAOHE" --db "$tmp/other.db" export 1 --format json -o "$tmp/b.json"
same "$tmp/a.json" "$tmp/b.json" "export → import → export"

finish
