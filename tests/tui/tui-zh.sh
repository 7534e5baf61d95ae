#!/bin/sh
# LANG=zh_TW.UTF-8 gives a Chinese UI; the rubric's text is shown as written.
. "$top_srcdir/tests/tui/lib.sh"

if ! locale -a 2>/dev/null | grep -i -q -x 'zh_TW\.utf-*8'; then
	echo "SKIP: the zh_TW.UTF-8 locale is not installed" \
	    "(localedef -i zh_TW -f UTF-8 zh_TW.UTF-8)"
	exit 77
fi
id=$(new_card)
# Uninstalled, kaohe finds the catalogue make built in the build tree:
# no variable to set, for the command line and the UI alike.
env -u KAOHE_LOCALEDIR LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 LANGUAGE= \
    "$KAOHE" --db "$DB" show 999 \
    >"$tui_tmp/out" 2>"$tui_tmp/err" && { echo "FAIL: show 999 succeeded"; exit 1; }
grep -q "沒有評分表 999" "$tui_tmp/err" ||
    { echo "FAIL: the CLI message is not in Chinese:"; cat "$tui_tmp/err"; exit 1; }
# $KAOHE_LOCALEDIR still wins: an empty one leaves the messages in English.
mkdir -p "$tui_tmp/empty-locale"
env LANG=zh_TW.UTF-8 LC_ALL=zh_TW.UTF-8 LANGUAGE= \
    KAOHE_LOCALEDIR="$tui_tmp/empty-locale" "$KAOHE" --db "$DB" show 999 \
    >"$tui_tmp/out" 2>"$tui_tmp/err"
grep -q "沒有評分表 999" "$tui_tmp/err" &&
    { echo "FAIL: KAOHE_LOCALEDIR was not used:"; cat "$tui_tmp/err"; exit 1; }

TUI_LANG=zh_TW.UTF-8
TUI_ENV="LANGUAGE="
start open "$id"
wait_for "0/36 項"
expect "總分 0/1000"
expect "紀錄事項 (r)"
expect "評分說明 (R)"
expect "評分"
expect "輸入 1~30，再按 Enter"
expect "1. 申辦業務標準作業流程訂定情形  1~30分"
type_text 99
send Enter
wait_for "99 超出範圍：本項配分 1~30分；未儲存"
send BSpace BSpace
type_text 28
send Enter
wait_for "已儲存 ✓"
expect "已儲存 28 分：1.1.1 · 現在在 1.1.2"
T resize-window -t t -x 40 -y 10
wait_for "終端機視窗太小：40x10，至少需要 80x24"
T resize-window -t t -x 80 -y 24
wait_for "1/36 項"
send '?'
wait_for "按鍵說明"
expect "項目畫面：逐項評分"
# The help fits 80 columns: a wrapped line is never cut at its end.
expect "輸入分數，按 Enter 儲存；超出配分範圍者不予接受。"
expect "Backspace 修改，Esc 放棄輸入"
# The hint line is the key table's, in Chinese.
expect "PgDn:翻頁 /:尋找 q:返回"
send q
wait_for "1/36 項"
exit 0
