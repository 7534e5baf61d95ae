/* A small rubric shaped like the 110 form, shared by the store's tests. */
#ifndef KAOHE_TESTS_SMALL_RUBRIC_H
#define KAOHE_TESTS_SMALL_RUBRIC_H

/*
 * Items in order: 0 = 1.1.1 (1~10), 1 = 1.1.3 (1~30, five tiers),
 * 2 = 1.2.1 (1~20, overlapping tiers as printed on the form), 3 = 2.1.
 */
static const char small_rubric[] =
	"kaohe-rubric: 1\n"
	"id: \"t1\"\n"
	"title: 測試評分表\n"
	"total: 100\n"
	"children:\n"
	"  - key: \"1\"\n"
	"    title: 基礎服務\n"
	"    max: 60\n"
	"    children:\n"
	"      - key: \"1.1\"\n"
	"        title: 服務一致\n"
	"        max: 40\n"
	"        children:\n"
	"          - key: \"1.1.1\"\n"
	"            title: 標準作業流程\n"
	"            min: 1\n"
	"            max: 10\n"
	"          - key: \"1.1.3\"\n"
	"            title: 服務人員專業度\n"
	"            min: 1\n"
	"            max: 30\n"
	"            tiers:\n"
	"              - {label: \"90% 以上\", min: 26, max: 30}\n"
	"              - {label: \"85% 以上\", min: 21, max: 25}\n"
	"              - {label: \"80% 以上\", min: 16, max: 20}\n"
	"              - {label: \"75% 以上\", min: 11, max: 15}\n"
	"              - {label: \"70% 以上\", min: 1, max: 10}\n"
	"      - key: \"1.2\"\n"
	"        title: 服務友善\n"
	"        max: 20\n"
	"        children:\n"
	"          - key: \"1.2.1\"\n"
	"            title: 服務設施合宜程度\n"
	"            min: 1\n"
	"            max: 20\n"
	"            tiers:\n"
	"              - {label: 優, min: 16, max: 20}\n"
	"              - {label: 可, min: 1, max: 15}\n"
	"              - {label: 差, min: 1, max: 10}\n"
	"  - key: \"2\"\n"
	"    title: 開放創新\n"
	"    max: 40\n"
	"    children:\n"
	"      - key: \"2.1\"\n"
	"        title: 開放參與\n"
	"        min: 1\n"
	"        max: 40\n";

/* The items' indexes in small_rubric. */
enum { I111, I113, I121, I21 };

#endif
