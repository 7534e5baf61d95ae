# export --format pdf: the 臺南分署 form (seed 002) drawn with cairo and
# pango, checked through poppler-utils: A4 landscape, every font embedded,
# the text (Chinese, totals, every option, 第 N 頁／共 M 頁), the header on
# every page, a row split over pages, the signatures on the last page.
# In a build without pangocairo: the clear refusal instead.
. "$top_srcdir/tests/lib.sh"

id=$(KAOHE=$KAOHE sh "$top_srcdir/tests/data/tainan-110.sh" "$db") ||
	{ fail "replaying tests/data/tainan-110.sh"; finish; exit 1; }
run finalize "$id"

if [ "${KAOHE_HAVE_PDF:-}" != yes ]; then
	expect 1 "install the Debian packages libpango1.0-dev libcairo2-dev" \
	    export "$id" --format pdf -o "$tmp/none.pdf"
	checks=$((checks + 1))
	[ ! -e "$tmp/none.pdf" ] || fail "a build without pango wrote a PDF"
	checks=$((checks + 1))
	[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] ||
		fail "the refusal is not one line: $err"
	finish
	exit
fi
for tool in pdftotext pdfinfo pdffonts; do
	command -v $tool >/dev/null 2>&1 || {
		echo "SKIP: $tool is needed (Debian: poppler-utils)"; exit 77; }
done

expect 0 "" export "$id" --format pdf -o "$tmp/tainan.pdf"
pdfinfo "$tmp/tainan.pdf" >"$tmp/info" 2>&1 || fail "pdfinfo: $(cat "$tmp/info")"
pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
checks=$((checks + 1))
grep -Eq '^Page size: +(841\.89|842) x (595\.28|595) pts \(A4\)' "$tmp/info" ||
	fail "not A4 landscape: $(grep 'Page size' "$tmp/info")"
checks=$((checks + 1))
[ "${pages:-0}" -ge 5 ] || fail "only '$pages' pages"
checks=$((checks + 1))
grep -q '^Title: *110年度法務部行政執行署為民服務不定期考核項目評分表 — 臺南分署$' \
    "$tmp/info" || fail "the document title: $(grep Title "$tmp/info")"

# Every font embedded (pdffonts' emb column), and the CJK ones there.
pdffonts "$tmp/tainan.pdf" >"$tmp/fonts"
checks=$((checks + 1))
awk 'NR > 2 { n++; if ($(NF-4) != "yes") bad++ }
     END { exit !(n > 0 && bad == 0) }' "$tmp/fonts" ||
	fail "a font is not embedded: $(cat "$tmp/fonts")"
checks=$((checks + 1))
grep -q 'CJK' "$tmp/fonts" || fail "no CJK font: $(cat "$tmp/fonts")"

pdftotext "$tmp/tainan.pdf" "$tmp/all.txt"
# Lines are broken where the cells are: compare without any blank.
tr -d ' \n' <"$tmp/all.txt" >"$tmp/flat.txt"
has() {	# has TEXT WHAT
	checks=$((checks + 1))
	flat=$(printf '%s' "$1" | tr -d ' \n')
	grep -qF -- "$flat" "$tmp/flat.txt" || fail "PDF text lacks $2: $1"
}
for s in 110年度法務部行政執行署為民服務不定期考核項目評分表 \
    受考核機關名稱：臺南分署 "總分：870 / 1000＊" 為民服務不定期考核小組 \
    考核內容（依實際情形勾選選項） 細項配分 紀錄事項 評分說明 \
    "一、基礎服務 (200分) 得分：174" "二、服務遞送 (300分) 得分：260" \
    "三、服務量能 (200分) 得分：172" "四、服務評價 (200分) 得分：173" \
    "開放創新 (100分) 得分：91" "(二) 服務友善" "(100分) 得分：82" \
    "2. 網站使用便利性 (20分)" "給予 28 分" "給予46分。" 考核人員簽章 \
    "1~40分＊" "2. 服務及時性＊"; do
	has "$s" "'$s'"
done
# Every ■/□ option and every guidance of the rubric, ■ on the 9 chosen
# (an option begins a line; the legend's "■ 條目" does not).
"$KAOHE" --db "$db" rubric show 110 --format json |
	sed -n 's/^ *"\(label\|guidance\)": "\(..*\)",\{0,1\}$/\2/p' >"$tmp/words"
checks=$((checks + 1))
[ "$(wc -l <"$tmp/words")" -eq 46 ] ||
	fail "$(wc -l <"$tmp/words") options and guidance texts, want 29 + 17"
while IFS= read -r w; do has "$w" "an option or guidance"; done <"$tmp/words"
checks=$((checks + 1))
[ "$(grep -c '^■' "$tmp/all.txt")" -eq 9 ] ||
	fail "$(grep -c '^■' "$tmp/all.txt") ■, want 9"
checks=$((checks + 1))
[ "$(grep -c '^□' "$tmp/all.txt")" -eq 20 ] ||
	fail "$(grep -c '^□' "$tmp/all.txt") □, want 20"

# Each page: its number of the count, and the header row where rows are.
p=1
while [ "$p" -le "$pages" ]; do
	pdftotext -f "$p" -l "$p" "$tmp/tainan.pdf" "$tmp/page.txt"
	checks=$((checks + 1))
	grep -qF "第 $p 頁／共 $pages 頁" "$tmp/page.txt" ||
		fail "page $p lacks 第 $p 頁／共 $pages 頁"
	if [ "$p" -lt "$pages" ]; then
		checks=$((checks + 1))
		grep -qF 考核內容（依實際情形勾選選項） "$tmp/page.txt" ||
			fail "page $p lacks the header row"
	fi
	p=$((p + 1))
done
checks=$((checks + 1))
grep -qF 考核人員簽章 "$tmp/page.txt" ||
	fail "the signature block is not on the last page"

# Standard output, when it is not a terminal, gets the same document.
"$KAOHE" --db "$db" export "$id" --format pdf >"$tmp/stdout.pdf" ||
	fail "export pdf to a pipe"
checks=$((checks + 1))
pdfinfo "$tmp/stdout.pdf" >/dev/null 2>&1 || fail "the piped PDF is not a PDF"
# A terminal gets a refusal, not bytes.
if command -v script >/dev/null 2>&1; then
	checks=$((checks + 1))
	rc=0
	script -qec "'$KAOHE' --db '$db' export $id --format pdf" /dev/null \
	    >"$tmp/tty.out" 2>&1 </dev/null || rc=$?
	[ "$rc" -eq 2 ] && grep -q 'write it with -o FILE' "$tmp/tty.out" ||
		fail "export pdf to a terminal: exit $rc, $(head -c 200 "$tmp/tty.out")"
fi
expect 1 "" export "$id" --format pdf -o "$tmp/no/such/dir/x.pdf"

# A record longer than a page is split between lines, the header repeated,
# and nothing lost; hostile text is text.
lid=$("$KAOHE" --db "$db" new --agency 臺南分署 --date 2021-08-06 \
    --inspector 甲 --inspector 乙 --no-tui </dev/null)
{
	echo '第一行 <script>alert("x")</script> & '"'q'"
	i=1
	while [ $i -le 150 ]; do
		echo "第 $i 段：民眾意見回應處理情形良好，專人受理並回覆。"
		i=$((i + 1))
	done
	echo 最後一行
} | "$KAOHE" --db "$db" note "$lid" 2.3.2 --record - >/dev/null
expect 0 "" export "$lid" --format pdf -o "$tmp/long.pdf"
pdftotext "$tmp/long.pdf" "$tmp/long.txt"
for s in '第一行 <script>alert("x")</script> & '"'q'" 最後一行 \
    "第 75 段：" "第 150 段：" 甲 乙 "已評 0/36"; do
	checks=$((checks + 1))
	grep -qF -- "$s" "$tmp/long.txt" || fail "long PDF lacks '$s'"
done
checks=$((checks + 1))
n=$(grep -c '^第 [0-9]* 段：' "$tmp/long.txt")
[ "$n" -eq 150 ] || fail "$n of the 150 paragraphs of the long record"
lpages=$(pdfinfo "$tmp/long.pdf" | sed -n 's/^Pages: *//p')
checks=$((checks + 1))
heads=$(grep -c '^考核內容（依實際情形勾選選項）$' "$tmp/long.txt")
[ "$heads" -ge $((lpages - 1)) ] ||
	fail "$heads header rows on $lpages pages"

finish
