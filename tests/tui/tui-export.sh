#!/bin/sh
# Export from the walk: the format, then for text the layout and the font's
# width of ■ □, then the file, offered under a name that says what it is
# (臺南分署-110-08-06.txt); an existing file is replaced only when asked,
# and the choices are offered first next time (tui.conf).
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)
"$KAOHE" --db "$DB" set "$id" 1.1.1 28 || exit 99
"$KAOHE" --db "$DB" set "$id" 1.1.3 28 || exit 99
out=$tui_tmp/臺南分署-110-08-06.txt
start open "$id"
wait_for "2/36 items"

# Text on A4 pages, the font's ■ one column wide, the name offered.
send e
wait_for "Export as:"
expect "text, laid out like the paper form"
send 1
wait_for "Lay the text out as:"
expect "A4 pages to print"
send 1
wait_for "The font it will be read in draws"
send 1
wait_for "Write to: 臺南分署-110-08-06.txt"
send Enter
wait_for "exported to $out"
[ "$(tr -cd '\f' <"$out" | wc -c)" -ge 1 ] || fail "the A4 text has no pages"
[ "$(tr -d '\f' <"$out" | wc -L)" -eq 132 ] || fail "the A4 text is not 132 wide"
grep -q "第 1 頁／共 " "$out" || fail "the A4 text has no page foot"
cp "$out" "$tui_tmp/first.txt"

# Again: the text and A4 are offered first; the name exists, and anything
# but yes keeps the file as it was.
send e
wait_for "Export as:"
send Enter
wait_for "Lay the text out as:"
send Enter
wait_for "The font it will be read in draws"
send 2
wait_for "Write to: 臺南分署-110-08-06.txt"
send Enter
wait_for "exists. Replace it? Type yes:"
type_text no
send Enter
wait_for "not exported: 臺南分署-110-08-06.txt is kept"
cmp -s "$out" "$tui_tmp/first.txt" || fail "a refused replace changed the file"
grep -qx 'export.format=text' "$tui_tmp/.config/kaohe/tui.conf" ||
	fail "the format was not remembered"
grep -qx 'export.layout=a4' "$tui_tmp/.config/kaohe/tui.conf" ||
	fail "the layout was not remembered"
grep -qx 'export.ambiguous=wide' "$tui_tmp/.config/kaohe/tui.conf" ||
	fail "the ambiguous width was not remembered"

# Yes replaces it, laid out for the wide font this time (remembered).
send e
wait_for "Export as:"
send Enter
wait_for "Lay the text out as:"
send Enter
wait_for "The font it will be read in draws"
send Enter
wait_for "Write to: 臺南分署-110-08-06.txt"
send Enter
wait_for "exists. Replace it? Type yes:"
type_text yes
send Enter
wait_for "exported to $out"
cmp -s "$out" "$tui_tmp/first.txt" && fail "the wide layout is the narrow one"
"$KAOHE" --db "$DB" export "$id" --paper a4 --ambiguous wide \
    >"$tui_tmp/cli.txt" || fail "export --ambiguous wide"
cmp -s "$out" "$tui_tmp/cli.txt" || fail "the screen's export differs from the CLI's"

# Another width, typed; out of range is refused and nothing is written.
send e
wait_for "Export as:"
send Enter
wait_for "Lay the text out as:"
send 4
wait_for "Width in columns (40-1000):"
send BSpace BSpace BSpace
type_text 30
send Enter
wait_for "not exported: '30' is not a width from 40 to 1000"

# The name says the format: PDF, refused or written as the build allows.
send e
wait_for "Export as:"
expect "PDF, the form to hand in"
send 6
wait_for "Write to: 臺南分署-110-08-06.pdf"
send Enter
if "$KAOHE" --db "$DB" export "$id" --format pdf -o "$tui_tmp/cli.pdf" \
    2>/dev/null; then
	wait_for "exported to $tui_tmp/臺南分署-110-08-06.pdf"
	[ "$(head -c 5 "$tui_tmp/臺南分署-110-08-06.pdf")" = "%PDF-" ] ||
		fail "the PDF is not a PDF"
else
	wait_for "not exported:"
fi
send q
wait_for "[exit 0]"
exit 0
