# export --format html: the 臺南分署 form (seed 002) as one self-contained
# page. Parsed by tests/html-form.py (cells, rowspans, every option, the
# scores, the legend, the signature lines), compared with its golden file,
# and a card with hostile text checked for escaping.
. "$top_srcdir/tests/lib.sh"

py=$(command -v python3 || true)
if [ -z "$py" ]; then
	echo "SKIP: python3 is needed to parse the HTML (Debian: python3)"
	exit 77
fi
parse() {	# parse HTML EXPECT.json
	checks=$((checks + 1))
	"$py" "$top_srcdir/tests/html-form.py" "$1" "$tmp/rubric.json" "$2" \
	    >"$tmp/parse.out" 2>&1 || fail "$(cat "$tmp/parse.out")"
}

id=$(KAOHE=$KAOHE sh "$top_srcdir/tests/data/tainan-110.sh" "$db") ||
	{ fail "replaying tests/data/tainan-110.sh"; finish; exit 1; }
run finalize "$id"
"$KAOHE" --db "$db" rubric show 110 --format json >"$tmp/rubric.json"

# What the paper form shows, from the same TSV that scored the card.
awk -F '\t' '
	/^#/ || NF < 2 { next }
	{ s = s sep "\"" $1 "\": " $2; sep = ", "
	  if ($3 != "") { t = t tsep "\"" $1 "\": " $3; tsep = ", " } }
	END { printf "{\"scores\": {%s}, \"tiers\": {%s},\n", s, t }
' "$top_srcdir/tests/data/tainan-110.tsv" >"$tmp/want.json"
cat >>"$tmp/want.json" <<'EOF'
 "total": "870 / 1000＊",
 "signers": ["為民服務不定期考核小組"],
 "legend": ["總分", "D1", "1.1", "1.1.2", "2.1.1", "3.2.1", "3.2.2", "4.1.5", "D2"],
 "headings": ["個別評核構面", "一、基礎服務", "得分：174", "得分：260",
   "得分：172", "得分：173", "得分：91", "(一) 服務一致及正確＊",
   "得分：92", "得分：82", "(一) 開放參與", "得分：45"],
 "notes": ["各科室業務承辦, 均完成製作標準作業流程達 100%。",
   "給予 46 分。"]
}
EOF

expect 0 "" export "$id" --format html -o "$tmp/tainan.html"
parse "$tmp/tainan.html" "$tmp/want.json"
golden export-tainan.html "$tmp/tainan.html"
# Standard output carries the same bytes as -o.
run export "$id" --format html
printf '%s\n' "$out" >"$tmp/stdout.html"
same "$tmp/tainan.html" "$tmp/stdout.html" "export html to stdout and -o"

# Hostile text: markup, entities and quotes in every field stay text.
evil='<script>alert("x")</script> & '"'"'q'"'"' "dq" </td></tr></table>'
hid=$("$KAOHE" --db "$db" new --agency '臺南<分署>&"'"'" --date 2021-08-06 \
    --inspector '王<b>小明</b>' --inspector 'A & B' --no-tui </dev/null)
printf '%s\n%s' "$evil" "第二行 </style>" |
	"$KAOHE" --db "$db" note "$hid" 1.1.1 --record - >/dev/null
"$KAOHE" --db "$db" note "$hid" 1.1.1 --rationale "$evil" >/dev/null
"$KAOHE" --db "$db" set "$hid" 1.1.3 22 >/dev/null
expect 0 "" export "$hid" --format html -o "$tmp/evil.html"
cat >"$tmp/evil.json" <<'EOF'
{"scores": {"1.1.3": 22}, "tiers": {"1.1.3": 2}, "total": "已評 1/36",
 "signers": ["王<b>小明</b>", "A & B"],
 "legend": ["總分", "D1", "1.1", "1.1.2", "2.1.1", "3.2.1", "3.2.2", "4.1.5", "D2"],
 "notes": ["<script>alert(\"x\")</script> & 'q' \"dq\" </td></tr></table>\n第二行 </style>"]}
EOF
parse "$tmp/evil.html" "$tmp/evil.json"
for raw in '<script>' '<b>' '</td></tr></table>' '& B' '第二行 </style>' \
    '"dq"' "'q'"; do
	checks=$((checks + 1))
	! grep -qF -- "$raw" "$tmp/evil.html" ||
		fail "export html: '$raw' is not escaped"
done
checks=$((checks + 1))
grep -qF '臺南&lt;分署&gt;&amp;&quot;&#39;' "$tmp/evil.html" ||
	fail "export html: the agency is not escaped in the body"
checks=$((checks + 1))
grep -qF '@top-center { content: "臺南\3c 分署\3e \26 \22 '"'"'"' \
    "$tmp/evil.html" ||
	fail "export html: the agency is not escaped in the style sheet"

finish
