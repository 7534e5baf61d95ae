#!/bin/sh
# The form's hint line says what Enter on the last field does: the new
# scorecard form creates, the header form (H in the walk and at home)
# saves; F2 (choose the rubric) is offered only where it works. In
# English and in Chinese, at 80x24 and wider; the help screen opened
# from each form starts with that form's own keys.
. "$top_srcdir/tests/tui/lib.sh"

id=$(new_card)

# header_form: the walk's H, then home's H, in the language of TUI_LANG.
header_form() {
	start open "$id"
	wait_for "$1"
	send H
	wait_for "$2"
	expect "$3"
	expect_not "$4"
	expect_not "F2:"
	# Wider: the hint line is the same.
	T resize-window -t t -x 120 -y 30
	wait_for_line 30 "$3"
	expect_not "$4"
	T resize-window -t t -x 80 -y 24
	wait_for_line 24 "$3"
	# The help opened here starts with the header form's keys.
	send F1
	wait_for "$5"
	screen | sed -n 2,3p | grep -F -q -- "$5" ||
	    fail "the help does not start with the header form's keys"
	expect "$6"
	send q
	wait_for "$3"
	send Escape
	wait_gone "$2"
	send q
	wait_for "[exit 0]"
}

header_form "0/36 items" "kaohe · header of scorecard #$id" \
    "Tab:next (Enter at the end saves)" "creates" \
    "Header form: correcting a draft's agency, date and inspectors" \
    "next field; Enter on the last one saves the header"

# Home: the new scorecard form creates, and F2 lists the rubrics.
start
wait_for "Enter:open"
send n
wait_for "kaohe · new scorecard"
expect "Tab:next (Enter at the end creates)"
expect "F2:rubrics"
expect_not "saves"
send Escape
wait_gone "kaohe · new scorecard"
# Home's H opens the header form of the selected draft: it saves.
send H
wait_for "kaohe · header of scorecard #$id"
expect "Tab:next (Enter at the end saves)"
send Escape
wait_gone "header of scorecard"
send q
wait_for "[exit 0]"

if ! locale -a 2>/dev/null | grep -i -q -x 'zh_TW\.utf-*8'; then
	echo "SKIP: the zh_TW.UTF-8 locale is not installed" \
	    "(localedef -i zh_TW -f UTF-8 zh_TW.UTF-8)"
	exit 77
fi
TUI_LANG=zh_TW.UTF-8
TUI_ENV="LANGUAGE="
header_form "0/36 項" "評分表 #$id 的表頭" \
    "Tab:下一欄（最後一欄按 Enter 儲存）" "建立" \
    "表頭表單：更正草稿的受考核機關、日期與考核人員" \
    "下一欄；在最後一欄按 Enter 即儲存表頭"
start
wait_for "Enter:開啟"
send n
wait_for "新增評分表"
expect "Tab:下一欄（最後一欄按 Enter 建立）"
expect "F2:"
expect_not "儲存）"
send Escape
wait_gone "Tab:下一欄"
send q
wait_for "[exit 0]"
exit 0
