/*
 * The four exports of a small scorecard built in memory: layout and
 * escaping checked directly, and the whole output against golden files
 * (tests/golden/export-small.*; UPDATE=1 rewrites them).
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "export.h"
#include "rubric.h"
#include "scorecard.h"
#include "seal.h"
#include "width.h"
#include "testlib.h"
#include "xalloc.h"

static const char small_yaml[] =
    "kaohe-rubric: 1\n"
    "id: \"t1\"\n"
    "title: 測試年度為民服務考核項目評分表\n"
    "total: 100\n"
    "children:\n"
    "  - key: D1\n"
    "    title: 個別評核構面\n"
    "    max: 80\n"
    "    children:\n"
    "      - key: \"1\"\n"
    "        number: 一、\n"
    "        title: 基礎服務\n"
    "        max: 80\n"
    "        children:\n"
    "          - key: \"1.1\"\n"
    "            number: (一)\n"
    "            title: 服務一致及正確\n"
    "            max: 50\n"
    "            children:\n"
    "              - key: \"1.1.1\"\n"
    "                number: \"1.\"\n"
    "                title: 申辦業務標準作業流程訂定情形\n"
    "                min: 1\n"
    "                max: 30\n"
    "                guidance: 應提供申辦業務標準作業流程訂定比率。\n"
    "              - key: \"1.1.2\"\n"
    "                number: \"2.\"\n"
    "                title: 服務人員專業度\n"
    "                min: 1\n"
    "                max: 20\n"
    "                tiers:\n"
    "                  - {label: \"正確率達 90% 以上。\", min: 16, max: 20}\n"
    "                  - {label: \"正確率達 80% 以上。\", min: 1, max: 15}\n"
    "          - key: \"1.2\"\n"
    "            number: (二)\n"
    "            title: 服務友善\n"
    "            max: 30\n"
    "            children:\n"
    "              - key: \"1.2.1\"\n"
    "                number: \"1.\"\n"
    "                title: 網站使用便利性\n"
    "                max: 15\n"
    "                children:\n"
    "                  - key: \"1.2.1.1\"\n"
    "                    number: (1)\n"
    "                    title: 機關網站應方便瀏覽查詢\n"
    "                    min: 1\n"
    "                    max: 5\n"
    "                  - key: \"1.2.1.2\"\n"
    "                    number: (2)\n"
    "                    title: 資訊檢索服務\n"
    "                    min: 1\n"
    "                    max: 10\n"
    "              - key: \"1.2.2\"\n"
    "                number: \"2.\"\n"
    "                title: 服務行為的友善性\n"
    "                min: 1\n"
    "                max: 15\n"
    "  - key: D2\n"
    "    title: 整體評核構面\n"
    "    max: 20\n"
    "    children:\n"
    "      - key: \"5\"\n"
    "        title: 開放創新\n"
    "        max: 20\n"
    "        children:\n"
    "          - key: \"5.1\"\n"
    "            number: (一)\n"
    "            title: 開放參與\n"
    "            min: 1\n"
    "            max: 10\n"
    "          - key: \"5.2\"\n"
    "            number: (二)\n"
    "            title: 創新性\n"
    "            min: 1\n"
    "            max: 10\n";

/* Notes that try every escape: commas, quotes, newlines, pipes, markup,
 * tabs and terminal controls. */
static const char hostile_record[] =
    "各科室完成 SOP, \"100%\" | 達標\n"
    "第二行\t<b>粗體</b> 26~30 *星* _底_ [連結](x) &amp;\r\n"
    "\x1b[2J清除\x07鈴\xc2\x9b" "31m";

struct fixture {
	struct scorecard *sc;
};

static struct scorecard *
small_card(void)
{
	struct rubric *r = NULL;
	struct scorecard *sc;
	char *cause = NULL;

	if (rubric_parse(small_yaml, strlen(small_yaml), "small.yaml", &r,
	    &cause) != 0)
		fail_msg("small.yaml: %s", cause);
	sc = scorecard_new(r, xstrdup(small_yaml));
	sc->id = 7;
	memcpy(sc->uuid, "0b7a3c1e-5d2f-4a6b-9c8d-1e2f3a4b5c6d", 37);
	free(sc->agency);
	sc->agency = xstrdup("臺南分署");
	free(sc->date);
	sc->date = xstrdup("2021-08-06");
	sc->inspectors = xcalloc(2, sizeof *sc->inspectors);
	sc->inspectors[0] = xstrdup("為民服務不定期考核小組");
	sc->inspectors[1] = xstrdup("王小明");
	sc->ninspectors = 2;
	free(sc->created_at);
	sc->created_at = xstrdup("2021-08-06T01:02:03Z");
	free(sc->updated_at);
	sc->updated_at = xstrdup("2021-08-06T04:05:06Z");
	return sc;
}

static void
set(struct scorecard *sc, const char *key, int score, int tier)
{
	char *cause = NULL;
	long i = rubric_item_index(sc->rubric, key);

	assert_true(i >= 0);
	if (scorecard_set(sc, (size_t)i, score, tier, &cause) != 0)
		fail_msg("set %s %d: %s", key, score, cause);
}

static void
note(struct scorecard *sc, const char *key, enum scorecard_note which,
    const char *text)
{
	char *cause = NULL;
	long i = rubric_item_index(sc->rubric, key);

	assert_true(i >= 0);
	if (scorecard_set_note(sc, (size_t)i, which, text, &cause) != 0)
		fail_msg("note %s: %s", key, cause);
}

/* Every item scored: 28 + 18 + 4 + 8 + 13 + 9 + 8 = 88 of 100. */
static struct scorecard *
complete_card(void)
{
	struct scorecard *sc = small_card();

	set(sc, "1.1.1", 28, 0);
	set(sc, "1.1.2", 18, 1);
	set(sc, "1.2.1.1", 4, 0);
	set(sc, "1.2.1.2", 8, 0);
	set(sc, "1.2.2", 13, 0);
	set(sc, "5.1", 9, 0);
	set(sc, "5.2", 8, 0);
	note(sc, "1.1.1", SCORECARD_RECORD, hostile_record);
	note(sc, "1.1.1", SCORECARD_RATIONALE,
	    "各科室業務承辦，均完成製作標準作業流程達 100%。給予 28 分。");
	note(sc, "1.1.2", SCORECARD_RECORD, "=1+1 試算表公式不可執行");
	note(sc, "1.2.2", SCORECARD_RECORD,
	    "1. 每月不定期辦理電話禮貌測試，110 年有 7 人受測，測試結果"
	    "「優良」等級有 7 人。\n2. 平均 92.01 分。");
	note(sc, "5.1", SCORECARD_RATIONALE,
	    "a-very-long-latin-word-without-any-space-that-must-be-split-"
	    "somewhere-inside-its-column");
	sc->status = SCORECARD_FINAL;
	free(sc->finalized_at);
	sc->finalized_at = xstrdup("2021-08-07T00:00:00Z");
	seal_compute(sc, sc->seal);
	return sc;
}

/* 3 of 7 scored: 28 + 4 + 9 = 41. */
static struct scorecard *
partial_card(void)
{
	struct scorecard *sc = small_card();

	set(sc, "1.1.1", 28, 0);
	set(sc, "1.2.1.1", 4, 0);
	set(sc, "5.1", 9, 0);
	return sc;
}

/* The export in memory; caller frees. */
static char *
render(const struct scorecard *sc, enum export_format f, int width)
{
	char *buf = NULL, *cause = NULL;
	size_t len = 0;
	FILE *mem;

	mem = open_memstream(&buf, &len);
	assert_non_null(mem);
	if (export_write(mem, sc, f, width, &cause) != 0)
		fail_msg("export: %s", cause);
	assert_int_equal(fclose(mem), 0);
	return buf;
}

/* Compare with tests/golden/NAME, or rewrite it when UPDATE=1. */
static void
golden(const char *name, const char *got)
{
	const char *top = getenv("top_srcdir");
	char *path, *want;
	size_t len;
	FILE *f;

	path = xasprintf("%s/tests/golden/%s", top != NULL ? top :
	    KAOHE_SRCDIR, name);
	if (getenv("UPDATE") != NULL && strcmp(getenv("UPDATE"), "1") == 0) {
		f = fopen(path, "wb");
		assert_non_null(f);
		fputs(got, f);
		assert_int_equal(fclose(f), 0);
	}
	want = testlib_slurp(path, &len);
	if (want == NULL)
		fail_msg("%s: %s (run with UPDATE=1 to create)", path,
		    strerror(errno));
	if (strcmp(want, got) != 0) {
		fprintf(stderr, "--- %s\n+++ got\n%s", path, got);
		fail_msg("%s differs", name);
	}
	free(want);
	free(path);
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

static void
assert_no_controls(const char *s, bool allow_cr)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '\n' || (allow_cr && *p == '\r'))
			continue;
		if (*p < 0x20 || *p == 0x7f)
			fail_msg("control byte 0x%02x at offset %td", *p,
			    (const char *)p - s);
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fail_msg("C1 control at offset %td", (const char *)p - s);
	}
}

/* Every line of the table layout is exactly width columns. */
static void
assert_lines_width(const char *text, size_t width, bool exact)
{
	const char *p = text, *nl;
	size_t w, line = 0;

	while ((nl = strchr(p, '\n')) != NULL) {
		line++;
		w = width_of_n(p, (size_t)(nl - p));
		if (exact ? w != width : w > width)
			fail_msg("line %zu is %zu columns, want %s%zu: %.*s",
			    line, w, exact ? "" : "<= ", width, (int)(nl - p),
			    p);
		p = nl + 1;
	}
	assert_string_equal(p, "");	/* ends with a newline */
	assert_true(line > 10);
}

static void
test_format_parse(void **state)
{
	(void)state;
	assert_int_equal(export_format_parse("text"), EXPORT_TEXT);
	assert_int_equal(export_format_parse("md"), EXPORT_MD);
	assert_int_equal(export_format_parse("csv"), EXPORT_CSV);
	assert_int_equal(export_format_parse("json"), EXPORT_JSON);
	assert_int_equal(export_format_parse("JSON"), -1);
	assert_int_equal(export_format_parse(""), -1);
	assert_int_equal(export_format_parse("markdown"), -1);
}

/* The export with options; caller frees. */
static char *
render_opts(const struct scorecard *sc, int width, enum export_paper paper,
    bool wide)
{
	struct export_options o = { width, paper, wide };
	char *buf = NULL, *cause = NULL;
	size_t len = 0;
	FILE *mem;

	mem = open_memstream(&buf, &len);
	assert_non_null(mem);
	if (export_write_opts(mem, sc, EXPORT_TEXT, &o, &cause) != 0)
		fail_msg("export: %s", cause);
	assert_int_equal(fclose(mem), 0);
	return buf;
}

/* The first line holding needle; NULL when none. Caller frees. */
static char *
line_with(const char *text, const char *needle)
{
	const char *hit = strstr(text, needle), *b, *e;

	if (hit == NULL)
		return NULL;
	for (b = hit; b > text && b[-1] != '\n'; b--)
		;
	e = strchr(hit, '\n');
	return xstrndup(b, e != NULL ? (size_t)(e - b) : strlen(b));
}

/* The n-th (0-based) "| "-separated cell of a table line, trimmed. */
static char *
cell_of(const char *line, int n)
{
	const char *p = line, *q;
	int i;

	for (i = 0; i <= n; i++) {
		p = strstr(p, "| ");
		assert_non_null(p);
		p += 2;
	}
	q = strstr(p, " |");
	assert_non_null(q);
	while (q > p && q[-1] == ' ')
		q--;
	while (p < q && *p == ' ')
		p++;
	return xstrndup(p, (size_t)(q - p));
}

static void
test_text_complete(void **state)
{
	struct scorecard *sc = complete_card();
	char *t, *l, *c;

	(void)state;
	t = render(sc, EXPORT_TEXT, 120);
	golden("export-small.txt", t);
	assert_lines_width(t, 120, true);
	assert_no_controls(t, false);
	assert_non_null(strstr(t, "受考核機關名稱：臺南分署"));
	assert_non_null(strstr(t, "考核日期：110 年 8 月 6 日（2021-08-06）"));
	assert_non_null(strstr(t, "總分：88 / 100 "));
	assert_non_null(strstr(t, "考核人員：為民服務不定期考核小組、王小明"));
	assert_non_null(strstr(t, "狀態：已定稿"));
	assert_null(strstr(t, "已評"));
	/* All seven columns, as the paper form heads them. */
	l = line_with(t, "| 評核構面 ");
	assert_non_null(l);
	assert_non_null(strstr(l, "| 評分說明 "));
	assert_non_null(strstr(l, "| 考核項目 "));
	assert_non_null(strstr(l, "| 評分 "));
	assert_non_null(strstr(l, "| 細項配分 "));
	assert_non_null(strstr(l, "| 紀錄事項 "));
	assert_int_equal(count(l, "| "), 7);
	free(l);
	assert_non_null(strstr(t, "考核內容（依實際"));
	/* Headings with their sums: 基礎服務 28+18+4+8+13, (二) 4+8+13. */
	assert_non_null(strstr(t, "得分：71"));
	assert_non_null(strstr(t, "得分：25"));
	assert_non_null(strstr(t, "得分：17"));
	/* Every option is printed; ■ on the chosen one, beside its band. */
	l = line_with(t, "■正確率達 90% 以上。");
	assert_non_null(l);
	c = cell_of(l, 4);
	assert_string_equal(c, "16~20分");
	free(c);
	free(l);
	l = line_with(t, "□正確率達 80% 以上。");
	assert_non_null(l);
	c = cell_of(l, 4);
	assert_string_equal(c, "1~15分");
	free(c);
	free(l);
	assert_int_equal(count(t, "■"), 1);
	/* Guidance and titles with their points, in 考核內容. */
	assert_non_null(strstr(t, "應提供申辦業務標準作業"));
	assert_non_null(strstr(t, "1. 申辦業務標準作業流程"));
	/* The split item's subtotal sits in 評分, as 1.2.2's 17 on paper. */
	l = line_with(t, "1. 網站使用便利性 ");
	assert_non_null(l);
	c = cell_of(l, 2);
	assert_string_equal(c, "12");
	free(c);
	free(l);
	/* The merged cells: rules between their rows stop at their edge. */
	assert_true(count(t, " +---") > 0);
	/* No ＊ and no legend: nothing in this rubric is inferred. */
	assert_null(strstr(t, "＊"));
	/* The signature block: one line per inspector, and the date. */
	assert_non_null(strstr(t, "考核人員簽章："));
	l = line_with(t, "    王小明 ");
	assert_non_null(l);
	assert_non_null(strstr(l, "______"));
	free(l);
	assert_non_null(strstr(t, "\n考核日期：110 年 8 月 6 日"));
	assert_null(strstr(t, "\x1b"));
	assert_null(strstr(t, "\f"));
	free(t);
	scorecard_free(sc);
}

static void
test_text_partial(void **state)
{
	struct scorecard *sc = partial_card();
	char *t;

	(void)state;
	t = render(sc, EXPORT_TEXT, 160);
	assert_lines_width(t, 160, true);
	assert_non_null(strstr(t, "總分：已評 3/7，部分合計 41 / 100"));
	assert_non_null(strstr(t, "狀態：草稿"));
	/* Sections carry partial sums and counts: 基礎服務 28 + 4. */
	assert_non_null(strstr(t, "得分：32"));
	assert_non_null(strstr(t, "得分：4"));
	assert_true(count(t, "已評") >= 3);	/* 基礎服務, (二), 開放創新… */
	/* No tier chosen: every option unchecked. */
	assert_null(strstr(t, "■"));
	assert_int_equal(count(t, "□"), 2);
	free(t);
	scorecard_free(sc);
}

/* Every width from the narrowest table up keeps every line aligned. */
static void
test_text_widths(void **state)
{
	struct scorecard *sc = complete_card();
	int w;
	char *t;

	(void)state;
	for (w = 100; w <= 200; w += 7) {
		t = render(sc, EXPORT_TEXT, w);
		assert_lines_width(t, (size_t)w, true);
		assert_non_null(strstr(t, "+==="));
		free(t);
	}
	scorecard_free(sc);
}

static void
test_text_stacked(void **state)
{
	struct scorecard *sc = complete_card();
	int w;
	char *t;

	(void)state;
	for (w = 40; w < 100; w += 3) {
		t = render(sc, EXPORT_TEXT, w);
		assert_lines_width(t, (size_t)w, true);
		assert_no_controls(t, false);
		assert_null(strstr(t, "+---"));	/* not a broken table */
		assert_non_null(strstr(t, "評分：28"));
		assert_non_null(strstr(t, "■ 16~20分 正確率達 90% 以上。"));
		assert_non_null(strstr(t, "考核人員簽章："));
		free(t);
	}
	t = render(sc, EXPORT_TEXT, 80);
	golden("export-small-80.txt", t);
	free(t);
	/* Below the floor the layout is 40 columns, never garbage. */
	t = render(sc, EXPORT_TEXT, 5);
	assert_lines_width(t, 40, true);
	free(t);
	scorecard_free(sc);
}

/*
 * --paper a4: pages of 44 lines of exactly the width, form feeds
 * between, the table header on every page, the foot numbered.
 */
static void
assert_pages(const char *t, size_t width, size_t *npages)
{
	const char *p = t, *ff;
	char *page, *foot;
	size_t n = 0, lines;

	do {
		ff = strchr(p, '\f');
		page = xstrndup(p, ff != NULL ? (size_t)(ff - p) : strlen(p));
		n++;
		assert_lines_width(page, width, true);
		lines = count(page, "\n");
		if (lines != 44)
			fail_msg("page %zu has %zu lines, want 44", n, lines);
		foot = xasprintf("第 %zu 頁／共 ", n);
		assert_non_null(strstr(page, foot));
		free(foot);
		free(page);
		p = ff != NULL ? ff + 1 : NULL;
	} while (p != NULL);
	*npages = n;
}

static void
test_text_a4(void **state)
{
	struct scorecard *sc = complete_card();
	const char *ff;
	char *t, *long_record, *want;
	size_t pages, i;

	(void)state;
	t = render_opts(sc, 132, EXPORT_PAPER_A4, false);
	golden("export-small-a4.txt", t);
	assert_pages(t, 132, &pages);
	assert_int_equal(pages, 2);
	assert_non_null(strstr(t, "第 2 頁／共 2 頁"));
	/* The signature block is kept whole, on the last page. */
	assert_non_null(strstr(strchr(t, '\f'), "考核人員簽章："));
	assert_non_null(strstr(strchr(t, '\f'), "    王小明 "));
	free(t);
	/* A record long enough for three pages: the header on each. */
	long_record = xstrdup("");
	for (i = 0; i < 120; i++) {
		want = xasprintf("%s第 %zu 點：各科室完成標準作業流程。\n",
		    long_record, i + 1);
		free(long_record);
		long_record = want;
	}
	sc->status = SCORECARD_DRAFT;
	note(sc, "1.2.2", SCORECARD_RECORD, long_record);
	free(long_record);
	t = render_opts(sc, 132, EXPORT_PAPER_A4, false);
	assert_pages(t, 132, &pages);
	assert_true(pages >= 3);
	want = xasprintf("共 %zu 頁", pages);
	assert_int_equal(count(t, want), pages);
	free(want);
	assert_int_equal(count(t, "\f"), pages - 1);
	assert_int_equal(count(t, "| 評核構面 "), pages);
	/* Every page after the first begins with the table's top rule. */
	for (ff = strchr(t, '\f'); ff != NULL; ff = strchr(ff + 1, '\f'))
		assert_int_equal(strncmp(ff + 1, "+---", 4), 0);
	/* The record goes on, whole, across the pages. */
	assert_non_null(strstr(t, "第 120 點"));
	free(t);
	scorecard_free(sc);
}

/* Width as a font with ambiguous-wide ■ □ draws it. */
static size_t
wide_width(const char *s, size_t len)
{
	bool was = width_set_ambiguous_wide(true);
	size_t w = width_of_n(s, len);

	(void)width_set_ambiguous_wide(was);
	return w;
}

static void
test_text_ambiguous(void **state)
{
	struct scorecard *sc = complete_card();
	const char *p, *nl;
	size_t bad_narrow = 0, line = 0;
	char *t;

	(void)state;
	/* Laid out narrow, the lines with ■ or □ are too wide in such a font. */
	t = render_opts(sc, 120, EXPORT_PAPER_NONE, false);
	for (p = t; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
		bad_narrow += wide_width(p, (size_t)(nl - p)) != 120;
	assert_true(bad_narrow >= 2);
	free(t);
	/* Laid out wide, every line is exactly 120 there. */
	t = render_opts(sc, 120, EXPORT_PAPER_NONE, true);
	for (p = t; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		line++;
		if (wide_width(p, (size_t)(nl - p)) != 120)
			fail_msg("wide: line %zu is %zu columns: %.*s", line,
			    wide_width(p, (size_t)(nl - p)), (int)(nl - p), p);
	}
	/* And the setting does not leak into the next export. */
	assert_false(width_set_ambiguous_wide(false));
	free(t);
	t = render_opts(sc, 60, EXPORT_PAPER_NONE, true);
	for (p = t; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
		assert_int_equal(wide_width(p, (size_t)(nl - p)), 60);
	free(t);
	scorecard_free(sc);
}

static void
test_md(void **state)
{
	struct scorecard *sc = complete_card();
	char *t, *line;

	(void)state;
	t = render(sc, EXPORT_MD, 0);
	assert_no_controls(t, false);
	assert_non_null(strstr(t, "# 測試年度為民服務考核項目評分表\n"));
	assert_non_null(strstr(t, "- 總分：88 / 100\n"));
	assert_non_null(strstr(t, "| 評核構面 | 考核項目 | 評分 | 考核內容（依實際"
	    "情形勾選選項） | 細項配分 | 紀錄事項 | 評分說明 |\n"));
	/* 考核內容: the title with its points, the guidance, every option. */
	line = strstr(t, "| 1. 申辦業務標準作業流程訂定情形 (30分)<br>"
	    "應提供申辦業務標準作業流程訂定比率。 | 1\\~30分 |");
	assert_non_null(line);
	assert_non_null(strstr(t, "| 2. 服務人員專業度 (20分)<br>■正確率達 90% "
	    "以上。<br>□正確率達 80% 以上。 | 16\\~20分<br>1\\~15分 |"));
	/* The split item's subtotal in 評分. */
	assert_non_null(strstr(t, "| 12 | 1. 網站使用便利性 (15分) |"));
	/* The hostile record: one cell, escaped. */
	assert_non_null(strstr(t, "SOP, \"100%\" \\| 達標<br>第二行 "
	    "\\<b\\>粗體\\</b\\> 26\\~30 \\*星\\* \\_底\\_ \\[連結\\](x) "
	    "\\&amp;<br>\\[2J清除鈴31m |"));
	golden("export-small.md", t);
	free(t);
	scorecard_free(sc);
}

/* Each table row of the Markdown has exactly eight unescaped pipes. */
static void
test_md_columns(void **state)
{
	struct scorecard *sc = complete_card();
	char *t, *p, *nl;
	size_t pipes, rows = 0;

	(void)state;
	t = render(sc, EXPORT_MD, 0);
	for (p = t; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		if (*p != '|')
			continue;
		rows++;
		for (pipes = 0; p < nl; p++) {
			if (*p == '\\')
				p++;
			else if (*p == '|')
				pipes++;
		}
		assert_int_equal(pipes, 8);
	}
	/* header, rule, 7 items, 1 split item (1. 網站使用便利性) */
	assert_int_equal(rows, 2 + 7 + 1);
	free(t);
	scorecard_free(sc);
}

static void
test_csv(void **state)
{
	const char *header = "\xef\xbb\xbf" "id,agency,date,section,key,"
	    "title,min,max,tier,tier_label,score,record,rationale,inspectors,"
	    "status,guidance\r\n";
	struct scorecard *sc = complete_card();
	char *t, *p;
	size_t crlf;

	(void)state;
	t = render(sc, EXPORT_CSV, 0);
	assert_memory_equal(t, header, strlen(header));
	/* No bare LF outside quotes: every record ends CRLF. */
	crlf = count(t, "\r\n");
	assert_int_equal(crlf, 9);
	/* The card's own record first: the form's header facts. */
	assert_non_null(strstr(t, "guidance\r\n7,臺南分署,2021-08-06,,,"
	    "測試年度為民服務考核項目評分表,,100,,,88,,,為民服務不定期考核小組、王小明,"
	    "final,\r\n"));
	assert_non_null(strstr(t, "\r\n7,臺南分署,2021-08-06,"
	    "個別評核構面 > 一、基礎服務 > (一) 服務一致及正確,1.1.1,"
	    "1. 申辦業務標準作業流程訂定情形,1,30,,,28,\"各科室完成 SOP, "
	    "\"\"100%\"\" | 達標\n第二行\t<b>粗體</b> 26~30 *星* _底_ [連結](x) "
	    "&amp;\n[2J清除鈴31m\",各科室業務承辦，均完成製作標準作業流程達 "
	    "100%。給予 28 分。,,,應提供申辦業務標準作業流程訂定比率。\r\n"));
	assert_non_null(strstr(t, ",1.1.2,2. 服務人員專業度,1,20,1,"
	    "正確率達 90% 以上。,18,'=1+1 試算表公式不可執行,,,,\r\n"));
	assert_non_null(strstr(t, "個別評核構面 > 一、基礎服務 > (二) 服務友善 > "
	    "1. 網站使用便利性,1.2.1.1,(1) 機關網站應方便瀏覽查詢,1,5,,,4,,"
	    ",,,\r\n"));
	assert_non_null(strstr(t, "整體評核構面 > 開放創新,5.2,(二) 創新性,1,10,"
	    ",,8,,,,,\r\n"));
	for (p = t; *p != '\0'; p++)
		assert_true(*p != '\x1b' && *p != '\x07');
	golden("export-small.csv", t);
	free(t);
	scorecard_free(sc);
}

static void
test_csv_partial(void **state)
{
	struct scorecard *sc = partial_card();
	char *t;

	(void)state;
	t = render(sc, EXPORT_CSV, 0);
	/* Unscored: score, tier and tier label empty. */
	assert_non_null(strstr(t, ",1.1.2,2. 服務人員專業度,1,20,,,,,,,,\r\n"));
	assert_non_null(strstr(t, ",1.1.1,1. 申辦業務標準作業流程訂定情形,1,30,"
	    ",,28,,,,,應提供申辦業務標準作業流程訂定比率。\r\n"));
	/* The card's record: a draft, its partial total. */
	assert_non_null(strstr(t, ",,41,,,為民服務不定期考核小組、王小明,draft,"
	    "\r\n"));
	free(t);
	scorecard_free(sc);
}

static void
test_json(void **state)
{
	const char *head = "{\n  \"id\": 7,\n  \"uuid\": \"0b7a3c1e-";
	struct scorecard *sc = complete_card();
	char *t, *seal;

	(void)state;
	t = render(sc, EXPORT_JSON, 0);
	assert_memory_equal(t, head, strlen(head));
	assert_non_null(strstr(t, "\n  \"status\": \"final\",\n"
	    "  \"revision\": 1,\n  \"score\": 88,\n  \"max\": 100,\n  \"scored\": 7,\n"
	    "  \"items\": 7,\n"));
	assert_non_null(strstr(t, "  \"inspectors\": [\n    \"為民服務不定期考核小組\",\n"
	    "    \"王小明\"\n  ],\n"));
	assert_non_null(strstr(t, "\"finalized_at\": \"2021-08-07T00:00:00Z\""));
	/* The record is kept exactly, controls escaped, not dropped. */
	assert_non_null(strstr(t, "\\\"100%\\\" | 達標\\n第二行\\t<b>粗體</b>"));
	assert_non_null(strstr(t, "\\r\\n\\u001b[2J清除\\u0007鈴"));
	assert_non_null(strstr(t, "\"tier\": 1,"));
	assert_non_null(strstr(t, "\"tiers\": [\n"));
	assert_non_null(strstr(t, "\"sha256\": \""));
	seal = xasprintf("\n  \"finalized_at\": \"2021-08-07T00:00:00Z\",\n"
	    "  \"seal\": \"%s\",\n", sc->seal);
	assert_int_equal(strlen(sc->seal), 64);
	assert_non_null(strstr(t, seal));
	free(seal);
	assert_int_equal(t[strlen(t) - 1], '\n');
	golden("export-small.json", t);
	free(t);
	scorecard_free(sc);
}

static void
test_json_partial(void **state)
{
	struct scorecard *sc = partial_card();
	char *t;

	(void)state;
	t = render(sc, EXPORT_JSON, 0);
	assert_non_null(strstr(t, "\n  \"status\": \"draft\",\n"
	    "  \"revision\": 1,\n  \"score\": 41,\n  \"max\": 100,\n  \"scored\": 3,\n"
	    "  \"items\": 7,\n"));
	assert_non_null(strstr(t, "\"finalized_at\": null"));
	/* An unscored leaf: score and tier null. */
	assert_non_null(strstr(t, "\"key\": \"1.1.2\",\n"));
	assert_true(count(t, "\"score\": null") == 4);
	assert_true(count(t, "\"tier\": null") == 7);
	free(t);
	scorecard_free(sc);
}

/*
 * Rubric shapes other than the 110 form's: an item right under the root,
 * an item right under a dimension, and sections nested six deep. Every
 * layout must still align.
 */
static const char odd_yaml[] =
    "kaohe-rubric: 1\n"
    "id: odd\n"
    "title: Odd shapes\n"
    "total: 30\n"
    "children:\n"
    "  - key: top\n"
    "    title: An item at the top, with a long title that wraps\n"
    "    min: 0\n"
    "    max: 10\n"
    "  - key: D\n"
    "    title: 構面\n"
    "    max: 20\n"
    "    children:\n"
    "      - key: D.1\n"
    "        number: \"1.\"\n"
    "        title: 直屬構面的項目\n"
    "        min: 1\n"
    "        max: 5\n"
    "      - key: D.2\n"
    "        title: 深\n"
    "        max: 15\n"
    "        children:\n"
    "          - key: D.2.1\n"
    "            title: 更深\n"
    "            max: 15\n"
    "            children:\n"
    "              - key: D.2.1.1\n"
    "                number: (a)\n"
    "                title: 再深\n"
    "                max: 15\n"
    "                children:\n"
    "                  - key: D.2.1.1.1\n"
    "                    number: (i)\n"
    "                    title: 最深的項目名稱很長很長很長很長很長很長\n"
    "                    min: 1\n"
    "                    max: 15\n";

static void
test_odd_shapes(void **state)
{
	struct rubric *r = NULL;
	struct scorecard *sc;
	char *cause = NULL, *t;
	int w;

	(void)state;
	if (rubric_parse(odd_yaml, strlen(odd_yaml), "odd.yaml", &r,
	    &cause) != 0)
		fail_msg("odd.yaml: %s", cause);
	sc = scorecard_new(r, xstrdup(odd_yaml));
	set(sc, "D.2.1.1.1", 12, 0);
	note(sc, "top", SCORECARD_RECORD, "臺南分署臺南分署臺南分署臺南分署"
	    "臺南分署臺南分署臺南分署臺南分署臺南分署臺南分署臺南分署");
	for (w = 40; w <= 140; w += 3) {
		t = render(sc, EXPORT_TEXT, w);
		assert_lines_width(t, (size_t)w, true);
		assert_non_null(strstr(t, "12"));
		free(t);
	}
	t = render(sc, EXPORT_MD, 0);
	assert_non_null(strstr(t, "|  |  | 12 | (i) 最深的項目名稱很長很長很長很長很長"
	    "很長 (15分) | 1\\~15分 |"));
	assert_non_null(strstr(t, "|  | An item at the top, with a long title "
	    "that wraps (10分) 得分：0（已評 0/1） |  |  | 0\\~10分 | "));
	free(t);
	t = render(sc, EXPORT_CSV, 0);
	assert_non_null(strstr(t, ",構面 > 深 > 更深 > (a) 再深,D.2.1.1.1,"));
	assert_non_null(strstr(t, ",,top,\"An item at the top, with a long "
	    "title that wraps\",0,10,,,,臺南分署"));
	free(t);
	scorecard_free(sc);
}

/* --- export_atomic --- */

static int
write_hello(FILE *out, void *arg, char **cause)
{
	(void)cause;
	fputs(arg, out);
	return 0;
}

static int
write_fail(FILE *out, void *arg, char **cause)
{
	(void)arg;
	fputs("half", out);
	*cause = xstrdup("refused halfway");
	return -1;
}

static char *
tmpdir(void)
{
	char *dir = xstrdup("/tmp/kaohe-export-test.XXXXXX");

	assert_non_null(mkdtemp(dir));
	return dir;
}

static size_t
entries(const char *dir)
{
	char *cmd = xasprintf("ls -A '%s' | wc -l", dir);
	FILE *p = popen(cmd, "r");
	unsigned long n = 0;

	assert_non_null(p);
	assert_int_equal(fscanf(p, "%lu", &n), 1);
	pclose(p);
	free(cmd);
	return n;
}

static void
test_atomic(void **state)
{
	char *dir = tmpdir(), *path, *got, *cause = NULL, *cmd;
	struct stat st;
	size_t len;

	(void)state;
	path = xasprintf("%s/out.txt", dir);
	assert_int_equal(export_atomic(path, write_hello, "one\n", &cause), 0);
	got = testlib_slurp(path, &len);
	assert_string_equal(got, "one\n");
	free(got);
	/* A new file gets 0666 less the umask. */
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);

	/* The old file's mode is kept. */
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(export_atomic(path, write_hello, "two\n", &cause), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	/* A refusal halfway leaves the old file and no temporary. */
	assert_int_equal(export_atomic(path, write_fail, NULL, &cause), -1);
	assert_string_equal(cause, "refused halfway");
	free(cause);
	cause = NULL;
	got = testlib_slurp(path, &len);
	assert_string_equal(got, "two\n");
	free(got);
	assert_int_equal(entries(dir), 1);

	/* A missing directory: a clear error naming the path. */
	free(path);
	path = xasprintf("%s/no/such/dir/out.txt", dir);
	assert_int_equal(export_atomic(path, write_hello, "x", &cause), -1);
	assert_non_null(strstr(cause, path));
	free(cause);

	/* A directory is refused, and left as it was. */
	assert_int_equal(export_atomic(dir, write_hello, "x", &cause), -1);
	assert_non_null(strstr(cause, "is a directory"));
	free(cause);

	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(path);
	free(dir);
}

/* A FIFO is written through, never replaced by a regular file. */
static void
test_atomic_fifo(void **state)
{
	char *dir = tmpdir(), *fifo, *got, *cause = NULL, *cmd, *copy;
	struct stat st;
	size_t len;

	(void)state;
	fifo = xasprintf("%s/fifo", dir);
	copy = xasprintf("%s/copy", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	/* A bounded reader: a regression cannot hang the suite. */
	cmd = xasprintf("timeout 10 cat '%s' >'%s' &", fifo, copy);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	assert_int_equal(export_atomic(fifo, write_hello, "piped\n", &cause),
	    0);
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	/* Wait for the reader to finish writing its copy. */
	cmd = xasprintf("i=0; while [ \"$(cat '%s')\" != piped ] && "
	    "[ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done", copy);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	got = testlib_slurp(copy, &len);
	assert_non_null(got);
	assert_string_equal(got, "piped\n");
	free(got);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(copy);
	free(fifo);
	free(dir);
}

/* A symlink is followed: the file it names is replaced, the link stays. */
static void
test_atomic_symlink(void **state)
{
	char *dir = tmpdir(), *real, *link, *got, *cause = NULL, *cmd;
	struct stat st;
	size_t len;

	(void)state;
	real = xasprintf("%s/real.txt", dir);
	link = xasprintf("%s/link.txt", dir);
	assert_int_equal(export_atomic(real, write_hello, "old\n", &cause), 0);
	assert_int_equal(symlink(real, link), 0);
	assert_int_equal(export_atomic(link, write_hello, "new\n", &cause), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	got = testlib_slurp(real, &len);
	assert_string_equal(got, "new\n");
	free(got);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(real);
	free(link);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_text_complete),
		cmocka_unit_test(test_text_partial),
		cmocka_unit_test(test_text_widths),
		cmocka_unit_test(test_text_stacked),
		cmocka_unit_test(test_text_a4),
		cmocka_unit_test(test_text_ambiguous),
		cmocka_unit_test(test_md),
		cmocka_unit_test(test_md_columns),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_csv_partial),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_partial),
		cmocka_unit_test(test_odd_shapes),
		cmocka_unit_test(test_atomic),
		cmocka_unit_test(test_atomic_symlink),
		cmocka_unit_test(test_atomic_fifo),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		(void)setlocale(LC_ALL, "");
	umask(022);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
