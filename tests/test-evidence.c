/*
 * Evidence split and matched: the heading styles one by one, the hostile
 * documents, and seed 000 (宜蘭分署's 114年 服務躍升執行成果報告) against
 * the 110 rubric, with the passages of chosen items checked as text.
 * Seeds 001, 003 and 004 (older frameworks, a plan) must split and match
 * without a crash, a hang or a lost section.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "evidence.h"
#include "paths.h"
#include "rubric.h"
#include "xalloc.h"

#define DATA	KAOHE_SRCDIR "/tests/data/evidence"
#define SEED000	DATA "/000_db66db9cab79e5c1.txt"

struct doc {
	char			*text;
	size_t			 len;
	struct evidence_section	*s;
	size_t			 n;
	struct evidence_match	*m;
	size_t			 nm;
};

static struct rubric *rubric110;

static struct rubric *
load_110(void)
{
	char *y, *cause = NULL;
	size_t len;

	if (rubric110 != NULL)
		return rubric110;
	assert_int_equal(paths_read_file(KAOHE_SRCDIR "/rubrics/110.yaml",
	    1 << 22, &y, &len, &cause), 0);
	assert_int_equal(rubric_parse(y, len, "110.yaml", &rubric110, &cause),
	    0);
	free(y);
	return rubric110;
}

static void
split_text(struct doc *d, const char *text)
{
	char *cause = NULL;

	memset(d, 0, sizeof *d);
	assert_int_equal(evidence_check_text(text, strlen(text), "t", &cause),
	    0);
	d->text = evidence_normalize(text, strlen(text), &d->len);
	if (evidence_split(d->text, d->len, "t", &d->s, &d->n, &cause) != 0)
		fail_msg("%s", cause);
}

static void
load_doc(struct doc *d, const char *path)
{
	char *raw, *cause = NULL;
	size_t len;

	memset(d, 0, sizeof *d);
	assert_int_equal(paths_read_file(path, EVIDENCE_MAX_BYTES, &raw, &len,
	    &cause), 0);
	assert_int_equal(evidence_check_text(raw, len, path, &cause), 0);
	d->text = evidence_normalize(raw, len, &d->len);
	free(raw);
	assert_int_equal(evidence_split(d->text, d->len, path, &d->s, &d->n,
	    &cause), 0);
	evidence_match(load_110(), d->s, d->n, &d->m, &d->nm);
}

static void
doc_free(struct doc *d)
{
	evidence_sections_free(d->s, d->n);
	free(d->m);
	free(d->text);
}

/* The passage of node key: section text, own or an ancestor's. Caller frees. */
static char *
passage(const struct doc *d, const char *key, int *own,
    const struct evidence_section **sec)
{
	const struct rubric_node *node = rubric_find(load_110(), key);
	long i;

	assert_non_null(node);
	i = evidence_find(d->m, d->nm, node, own);
	if (i < 0)
		return NULL;
	*sec = &d->s[d->m[i].section];
	return xstrndup(d->text + (*sec)->start, (*sec)->end - (*sec)->start);
}

static void
test_styles(void **state)
{
	struct doc d;

	(void)state;
	split_text(&d, "封面\n\n壹、優質便民服務\n\n一、基礎服務\n\n"
	    "（一）服務一致及正確\n\n１．申辦業務\n\n（１）全形括號\n\n"
	    "①圈號\n\n(2) 半形括號\n\n2、頓號\n\n二、服務遞送\n");
	assert_int_equal(d.n, 9);
	assert_string_equal(d.s[0].number, "壹、");
	assert_int_equal(d.s[0].style, EVIDENCE_HAN_UPPER);
	assert_string_equal(d.s[0].title, "優質便民服務");
	assert_int_equal(d.s[1].style, EVIDENCE_HAN);
	assert_int_equal(d.s[1].depth, 2);
	assert_string_equal(d.s[2].number, "（一）");
	assert_int_equal(d.s[2].style, EVIDENCE_HAN_PAREN);
	assert_int_equal(d.s[2].ordinal, 1);
	assert_int_equal(d.s[3].style, EVIDENCE_NUM_DOT);
	assert_string_equal(d.s[3].title, "申辦業務");
	assert_int_equal(d.s[4].style, EVIDENCE_NUM_PAREN);
	assert_int_equal(d.s[4].depth, 5);
	assert_int_equal(d.s[5].style, EVIDENCE_CIRCLED);
	assert_int_equal(d.s[5].depth, 6);
	/* (2) closes ① and is the sibling of （１）. */
	assert_int_equal(d.s[6].depth, 5);
	assert_int_equal(d.s[6].ordinal, 2);
	assert_int_equal(d.s[6].parent, 3);
	/* 2、 is a style of its own, nested below (2). */
	assert_int_equal(d.s[7].style, EVIDENCE_NUM_COMMA);
	assert_int_equal(d.s[7].depth, 6);
	/* 二、 closes everything down to 一、's level. */
	assert_int_equal(d.s[8].depth, 2);
	assert_int_equal(d.s[8].ordinal, 2);
	assert_int_equal(d.s[8].parent, 0);
	assert_int_equal(d.s[1].end, d.s[8].start);
	assert_int_equal(d.s[0].end, d.len);
	doc_free(&d);
}

static void
test_not_headings(void **state)
{
	struct doc d;

	(void)state;
	split_text(&d, "1. 標題\n"
	    "本分署辦理在職訓練，累計至6月底共計\n"
	    "2. 場次，每場 3 小時。\n"		/* a wrapped sentence */
	    "\n"
	    "1.5 倍的成長\n"			/* a decimal */
	    "\n"
	    "一樓大廳設有服務台\n"		/* 一 without 、 */
	    "\n"
	    "114 年 1 至 12 月\n"		/* a year, no delimiter */
	    "\n"
	    "十一、第十一\n"
	    "\n"
	    "## (二十一) Markdown 標題\n"
	    "- ③ 清單\n");
	assert_int_equal(d.n, 4);
	assert_string_equal(d.s[0].title, "標題");
	/* The wrapped "2. 場次" stays inside section 1's text. */
	assert_non_null(strstr(d.text + d.s[0].start, "2. 場次"));
	assert_true(d.s[0].end > (size_t)(strstr(d.text, "2. 場次") - d.text));
	assert_int_equal(d.s[1].ordinal, 11);
	assert_int_equal(d.s[2].ordinal, 21);
	assert_int_equal(d.s[2].style, EVIDENCE_HAN_PAREN);
	assert_string_equal(d.s[2].title, "Markdown 標題");
	assert_int_equal(d.s[3].style, EVIDENCE_CIRCLED);
	assert_int_equal(d.s[3].ordinal, 3);
	doc_free(&d);
}

static void
test_line_ends(void **state)
{
	struct doc d;

	(void)state;
	split_text(&d, "\xef\xbb\xbf" "一、甲\r\n內文\r\n\f(一)乙\r丙\n");
	assert_int_equal(d.n, 2);
	assert_string_equal(d.text, "一、甲\n內文\n\n(一)乙\n丙\n");
	assert_string_equal(d.s[1].title, "乙");
	assert_int_equal(d.s[1].line, 4);
	doc_free(&d);
}

static void
test_similarity(void **state)
{
	(void)state;
	assert_true(evidence_title_similarity("服務一致及正確",
	    "服務一致及正確") == 1.0);
	assert_true(evidence_title_similarity("不同義務人類型的客製化方案",
	    "客製化服務") == 1.0);
	assert_true(evidence_title_similarity("服務成長及優化",
	    "服務成長與優化") >= 0.5);
	/* 服務 alone says nothing: the older framework's 服務流程 is not 基礎服務. */
	assert_true(evidence_title_similarity("服務流程", "基礎服務") < 0.3);
	assert_true(evidence_title_similarity("", "基礎服務") == 0);
}

static void
test_refusals(void **state)
{
	char *cause = NULL, *big;
	static const char nul[] = "一、甲\n乙\0丙";
	static const char bad[] = "一、甲\n乙\xff丙";
	size_t n;

	(void)state;
	assert_int_equal(evidence_check_text(nul, sizeof nul - 1, "r.txt",
	    &cause), -1);
	assert_non_null(strstr(cause, "r.txt:2:2: a NUL byte"));
	free(cause);
	assert_int_equal(evidence_check_text(bad, sizeof bad - 1, "r.txt",
	    &cause), -1);
	assert_non_null(strstr(cause, "r.txt:2:2: not valid UTF-8"));
	free(cause);
	/* A truncated sequence at the very end, an overlong form, a surrogate. */
	assert_int_equal(evidence_check_text("\xe4\xb8", 2, "r", &cause), -1);
	free(cause);
	assert_int_equal(evidence_check_text("\xc0\xaf", 2, "r", &cause), -1);
	free(cause);
	assert_int_equal(evidence_check_text("\xed\xa0\x80", 3, "r", &cause),
	    -1);
	free(cause);
	n = EVIDENCE_MAX_BYTES + 1;
	big = xmalloc(n);
	memset(big, 'a', n);
	assert_int_equal(evidence_check_text(big, n, "big.txt", &cause), -1);
	assert_non_null(strstr(cause, "big.txt: too large"));
	free(cause);
	free(big);
}

/* 100,000 lines of headings: refused at the cap, quickly, nothing leaked. */
static void
test_heading_flood(void **state)
{
	struct evidence_section *s = NULL;
	char *text, *p, *cause = NULL;
	size_t i, n = 100000, ns = 0;

	(void)state;
	text = p = xmalloc(n * 16);
	for (i = 0; i < n; i++)
		p += sprintf(p, "(%zu)標題\n", i % 99 + 1);
	assert_int_equal(evidence_check_text(text, (size_t)(p - text), "f",
	    &cause), 0);
	assert_int_equal(evidence_split(text, (size_t)(p - text), "flood.txt",
	    &s, &ns, &cause), -1);
	assert_non_null(strstr(cause, "flood.txt:5001: more than 5000"
	    " headings"));
	free(cause);
	free(text);
}

struct expect {
	const char	*key;
	int		 own;
	const char	*heading;	/* number and title of the section */
	const char	*contains;	/* a phrase of the passage */
	const char	*not_contains;	/* where the passage must have ended */
};

/* Items and sections whose headings seed 000 carries, and their text. */
static const struct expect seed000[] = {
	{ "1.1.1", 1, "1. 申辦業務標準作業流程訂定情形",
	  "本分署設有各項標準作業流程標示", "服務及時性" },
	{ "1.1.2", 1, "2. 服務及時性",
	  "合計能在 30 分鐘內完成者達 96.15%", "3. 服務人員專業度" },
	{ "1.1.3", 1, "3. 服務人員專業度", "每月執行之星", "(二)服務友善" },
	{ "1.2.1", 1, "1. 服務設施合宜程度", "無障礙設施", "網站使用便利性" },
	{ "1.2.2.3", 1, "(6)確保網站內容的正確性及有效連結",
	  "每日確認網站資訊內容之正確性", "服務行為的友善性" },
	{ "1.2.3", 1, "3. 服務行為的友善性", "電話禮貌測試", "服務資訊透明度" },
	{ "1.2.4.1", 1, "(1) 資訊公開", "政府資訊公開法", "資料開放" },
	{ "1.2.4.2", 1, "（2）資料開放", "公開各項服務標準作業程序資訊",
	  "案件查詢管道" },
	{ "1.2.4.3", 1, "(3)案件查詢管道", "QR Code", "二、服務遞送" },
	{ "2.1.1", 1, "1. 單一窗口整合服務", NULL, "2. 簡化各項申請書表" },
	{ "2.2.1", 1, "1. 不同義務人類型的客製化方案", "滯欠大戶列管",
	  "2. 為落實愛心服務理念" },
	{ "2.3.1", 1, "1. 突破成長", "引進 AI 提升行政效率", "2. 優質服務" },
	{ "2.3.2", 1, "2. 優質服務", "偏鄉行動服務站", "三、服務量能" },
	{ "4.1.1", 1, "1. 洽公環境適切程度", "機關洽公環境", "洽公服務禮儀" },
	{ "4.1.5", 1, "5. 內部同仁滿意度", "機關內部同仁滿意度調查",
	  "意見回應處理情形" },
	/* Items whose headings the seed does not carry: the section's passage. */
	{ "1.2.2.1", 0, "2. 網站使用便利性", "胖頁尾", "服務行為的友善性" },
	{ "2.1.2", 0, "(一)服務便捷", "簡化各項申請書表", "(二)服務可近性" },
	{ "3.1.1", 0, "(一)內部作業簡化", "定期召開主管會議", "服務精進機制" },
	{ "3.2.2", 0, "(二)服務精進機制", "知識分享專區", "四、服務評價" },
	{ "4.2.3", 0, "(二) 意見回應處理情形", "陳情案件", NULL },
	{ NULL, 0, NULL, NULL, NULL }
};

static void
test_seed000_passages(void **state)
{
	const struct expect *e;
	struct doc d;

	(void)state;
	load_doc(&d, SEED000);
	for (e = seed000; e->key != NULL; e++) {
		const struct evidence_section *sec;
		char *text;
		int own = -1;

		text = passage(&d, e->key, &own, &sec);
		if (text == NULL)
			fail_msg("%s: no passage", e->key);
		if (strncmp(text, e->heading, strlen(e->heading)) != 0)
			fail_msg("%s: passage starts \"%.40s\", not \"%s\"",
			    e->key, text, e->heading);
		if (own != e->own)
			fail_msg("%s: own %d, expected %d", e->key, own, e->own);
		if (e->contains != NULL && strstr(text, e->contains) == NULL)
			fail_msg("%s: no \"%s\" in its passage", e->key,
			    e->contains);
		if (e->not_contains != NULL &&
		    strstr(text, e->not_contains) != NULL)
			fail_msg("%s: \"%s\" is past its passage", e->key,
			    e->not_contains);
		free(text);
	}
	doc_free(&d);
}

/* Every section of seed 000 is a section of the tree, matched or not. */
static void
test_seed000_sections(void **state)
{
	struct doc d;
	size_t i, matched = 0;

	(void)state;
	load_doc(&d, SEED000);
	assert_int_equal(d.n, 132);
	for (i = 0; i < d.n; i++) {
		assert_true(d.s[i].start < d.s[i].end);
		assert_true(d.s[i].body_end <= d.s[i].end);
		assert_true(d.s[i].end <= d.len);
		if (d.s[i].parent >= 0)
			assert_true(d.s[d.s[i].parent].end >= d.s[i].end);
	}
	for (i = 0; i < d.nm; i++)
		if (rubric_node_is_item(d.m[i].node))
			matched++;
	assert_int_equal(matched, 19);
	assert_int_equal(d.nm, 34);
	doc_free(&d);
}

static void
check_seed(const char *path, size_t min_sections)
{
	struct doc d;
	size_t i;

	load_doc(&d, path);
	assert_true(d.n >= min_sections);
	for (i = 0; i < d.n; i++)
		assert_true(d.s[i].start < d.s[i].end && d.s[i].end <= d.len);
	for (i = 0; i < d.nm; i++)
		assert_true(d.m[i].section < d.n);
	doc_free(&d);
}

static void
test_older_seeds(void **state)
{
	struct doc d;
	const struct evidence_section *sec;
	char *text;
	int own;

	(void)state;
	check_seed(DATA "/001_0c8826c442bd94ee.txt", 100);
	check_seed(DATA "/003_09e07fdb46c4e1ce.txt", 30);
	check_seed(DATA "/004_ad876cbefe0a0732.txt", 100);
	/* 004 names one node exactly: 1、服務設施合宜程度. */
	load_doc(&d, DATA "/004_ad876cbefe0a0732.txt");
	text = passage(&d, "1.2.1", &own, &sec);
	assert_non_null(text);
	assert_int_equal(own, 1);
	assert_string_equal(sec->title, "服務設施合宜程度");
	free(text);
	doc_free(&d);
}

static int
teardown_all(void **state)
{
	(void)state;
	rubric_free(rubric110);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_not_headings),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_similarity),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_heading_flood),
		cmocka_unit_test(test_seed000_passages),
		cmocka_unit_test(test_seed000_sections),
		cmocka_unit_test(test_older_seeds),
	};

	return cmocka_run_group_tests(tests, NULL, teardown_all);
}
