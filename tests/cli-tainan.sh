# End to end: replay the whole 臺南分署 110 form (seed 002) through `new`,
# `set` and `note`, then check the totals the paper form prints, finalize,
# and compare every export with its golden file.
. "$top_srcdir/tests/lib.sh"

id=$(KAOHE=$KAOHE sh "$top_srcdir/tests/data/tainan-110.sh" "$db") ||
	{ fail "replaying tests/data/tainan-110.sh"; finish; exit 1; }
[ "$id" = 1 ] || fail "the first scorecard's ID is '$id', want 1"

# The paper form's own figures, asserted directly and not only by golden.
run show "$id"
for line in "total:      870 / 1000   scored 36/36 items" \
    "一、基礎服務" "二、服務遞送" "三、服務量能" "四、服務評價" \
    "開放創新" "unscored:   none"; do
	checks=$((checks + 1))
	case $out in *"$line"*) ;; *) fail "show lacks '$line'" ;; esac
done
for pair in "基礎服務:174 / 200" "服務遞送:260 / 300" "服務量能:172 / 200" \
    "服務評價:173 / 200" "開放創新:91 / 100" "個別評核構面:779 / 900" \
    "服務一致及正確:92 / 100" "服務友善:82 / 100" "服務便捷:85 / 100" \
    "服務可近性:82 / 100" "服務成長與優化:93 / 100" \
    "內部作業簡化:87 / 100" "服務精進機制:85 / 100" \
    "服務滿意情形:84 / 100" "意見回應處理情形:89 / 100"; do
	checks=$((checks + 1))
	name=${pair%%:*} want=${pair#*:}
	got=$(printf '%s\n' "$out" | grep -F "$name" | head -1)
	case $got in *" $want"*) ;; *) fail "$name: '$got', want $want" ;; esac
done
printf '%s\n' "$out" | sed 's/^uuid: .*/uuid: UUID/' >"$tmp/show.txt"
golden show-tainan.txt "$tmp/show.txt"

# The JSON carries the same total and section scores.
run export "$id" --format json
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '^  "score": 870,$' ||
	fail "export json: the top-level score is not 870"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '^  "status": "draft",$' ||
	fail "export json: status is not draft"

expect 0 "finalized: 870 / 1000" finalize "$id"
expect 1 "finalized" set "$id" 1.1.1 27
expect 1 "finalized" note "$id" 1.1.1 --record "changed"
expect 1 "finalized" set "$id" 1.1.1 --clear
expect 1 "finalized" delete "$id" --yes

# Exports of the finalized card, with the per-run values normalized.
normalize() {
	sed -E -e 's/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/UUID/g' \
	    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/TIME/g' \
	    -e 's/"seal": "[0-9a-f]{64}"/"seal": "SEAL"/' "$1"
}
for f in text md csv json; do
	run export "$id" --format "$f" --width 120 -o "$tmp/tainan.$f"
	checks=$((checks + 1))
	[ "$rc" -eq 0 ] || fail "export --format $f: $err"
	normalize "$tmp/tainan.$f" >"$tmp/tainan-norm.$f"
	golden "export-tainan.$f" "$tmp/tainan-norm.$f"
done

# The text at 80 columns (the list) and on A4 pages.
"$KAOHE" --db "$db" export "$id" --width 80 | normalize /dev/stdin \
    >"$tmp/tainan-80.text"
golden export-tainan-80.text "$tmp/tainan-80.text"
"$KAOHE" --db "$db" export "$id" --paper a4 | normalize /dev/stdin \
    >"$tmp/tainan-a4.text"
golden export-tainan-a4.text "$tmp/tainan-a4.text"

# Laid beside seed 002: its words and numbers in their columns.
t=$tmp/tainan.text
for want in "| 個別評核  |" "|   17 | 2. 網站使用便利性 " \
    "|   28 | 3. 服務人員專業度 " "■服務人員回應問題正確率" \
    "| 26~30分   |" "(一) 服務" "得分：92" "總分：870 / 1000＊" \
    "2. 服務及時性＊         | 1~40分＊" "1. 單一窗口整合服務＊" \
    "＊ 標示者非原評分表所印" "考核人員簽章："; do
	checks=$((checks + 1))
	grep -qF -- "$want" "$t" || fail "the 120-column form lacks '$want'"
done
# Every option of the form is printed in the table: 29, 9 of them checked.
checks=$((checks + 1))
n=$(grep '^|' "$t" | grep -o '[■□]' | wc -l)
[ "$n" -eq 29 ] || fail "the form prints $n options, want 29"
checks=$((checks + 1))
n=$(grep '^|' "$t" | grep -o '■' | wc -l)
[ "$n" -eq 9 ] || fail "the form checks $n options, want 9"

# -o writes the same bytes as standard output.
"$KAOHE" --db "$db" export "$id" --format text --width 120 >"$tmp/stdout.txt"
same "$tmp/stdout.txt" "$tmp/tainan.text" "export -o against stdout"

# The history has every score: 36 items, each scored once, plus notes.
run history "$id"
checks=$((checks + 1))
n=$(printf '%s\n' "$out" | grep -c ' score ')
[ "$n" -eq 36 ] || fail "history shows $n score changes, want 36"

finish
