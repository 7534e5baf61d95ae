#!/bin/sh
# E opens the note in $VISUAL (or $EDITOR) and saves what it wrote.
. "$top_srcdir/tests/tui/lib.sh"

cat >"$tui_tmp/ed.sh" <<'EOS'
#!/bin/sh
# A scripted editor: append a line to the file it is given.
printf '%s\n' "$(cat "$1")" "外網首頁提供跨機關服務平台" >"$1.new" && mv "$1.new" "$1"
EOS
chmod +x "$tui_tmp/ed.sh"
id=$(new_card)
"$KAOHE" --db "$DB" note "$id" 1.1.1 --rationale "第一行" || exit 99
TUI_ENV="VISUAL=$tui_tmp/ed.sh"
start open "$id"
wait_for "0/36 items"
send E
wait_for "Edit in"
send 2
wait_for "note saved from the editor"
expect "外網首頁提供跨機關服務平台"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out.json" ||
    fail "export failed"
grep -F -q '"rationale": "第一行\n外網首頁提供跨機關服務平台"' "$tui_tmp/out.json" ||
    fail "the editor's text was not saved"

# A failing editor leaves the note as it was.
TUI_ENV="VISUAL=false"
start open "$id"
wait_for "0/36 items"
send E 1
wait_for "the editor failed"
"$KAOHE" --db "$DB" export "$id" --format json >"$tui_tmp/out2.json" ||
    fail "export failed"
cmp -s "$tui_tmp/out.json" "$tui_tmp/out2.json" ||
    fail "a failed editor changed the scorecard"
exit 0
