/*
 * The printed form as data: one scorecard laid out as the paper form
 * (seed 002) lays it out, for every writer that draws the form (text,
 * HTML, PDF). It decides what goes in which column, which cells merge,
 * where the ＊ marks go and what the legend and the signature block say;
 * a writer only decides how big things are and how they are drawn.
 *
 * The seven columns, in order:
 *
 *   評核構面 | 考核項目 | 評分 | 考核內容（依實際情形勾選選項） | 細項配分 |
 *   紀錄事項 | 評分說明
 *
 * Rows. One per item (a leaf) and one per section below the 考核項目
 * level: an item split into numbered parts, like 1.2.2 網站使用便利性, has a
 * row of its own with its subtotal in 評分 and its title in 考核內容, and
 * then a row per part, as on paper ("17" above "(1) …").
 *
 * Spans: the merged cells of the 評核構面 and 考核項目 columns.
 * - A FORM_COL_DIM span covers the rows of one top section (一、 二、 …):
 *   the dimension's name on its first section ("個別評核構面"), then the
 *   section's heading ("二、服務遞送 (300分) 得分：260").
 * - A FORM_COL_ITEM span covers the rows of one third-level node, a
 *   section ("(一) 服務便捷 (100分) 得分：85") or, as in 開放創新, an item
 *   ("(一) 開放參與 (50分) 得分：45").
 * Every row is in exactly one DIM span and in at most one ITEM span; a
 * column's spans are in row order and never overlap. A row's own cells
 * in those two columns are always empty.
 *
 * Cells are lists of paragraphs. Text is clean (export_clean: no control
 * characters, no tabs) and may hold newlines (a note's own lines); the
 * writer wraps it. An inferred value already carries FORM_INFERRED ("＊")
 * in its text, and the paragraph says so; the legend explains each.
 * In 考核內容 a section's guidance ends in "(N分)" and an item's title in
 * "(N分)", as printed; a tier is a paragraph with mark ■ (the chosen one)
 * or □, and its band is a paragraph of 細項配分 whose `beside` is that
 * option's index in the row's 考核內容, so a writer can set it level with
 * its option.
 */
#ifndef KAOHE_EXPORT_FORM_H
#define KAOHE_EXPORT_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "rubric.h"
#include "scorecard.h"

#define FORM_INFERRED	"＊"
#define FORM_CHECKED	"■"
#define FORM_UNCHECKED	"□"

enum form_col {
	FORM_COL_DIM,		/* 評核構面 */
	FORM_COL_ITEM,		/* 考核項目 */
	FORM_COL_SCORE,		/* 評分 */
	FORM_COL_CONTENT,	/* 考核內容（依實際情形勾選選項） */
	FORM_COL_RANGE,		/* 細項配分 */
	FORM_COL_RECORD,	/* 紀錄事項 */
	FORM_COL_RATIONALE,	/* 評分說明 */
	FORM_NCOLS
};

/* The column headings as printed. */
extern const char *const form_col_title[FORM_NCOLS];

enum form_mark {
	FORM_MARK_NONE,
	FORM_MARK_CHECKED,	/* ■ the chosen tier */
	FORM_MARK_UNCHECKED,	/* □ the others */
};

struct form_para {
	char		*text;
	enum form_mark	 mark;
	bool		 inferred;	/* text holds a FORM_INFERRED */
	bool		 runon;		/* may share a line with the one before */
	int		 beside;	/* 細項配分: the 考核內容 paragraph it sits
					   level with; -1 when none */
};

struct form_cell {
	struct form_para *p;
	size_t		  n;
	size_t		  cap;
};

struct form_row {
	const struct rubric_node *node;	/* the item, or the split item */
	bool		 section;	/* node is a section (a split item) */
	struct form_cell cell[FORM_NCOLS];
};

struct form_span {
	enum form_col	 col;		/* FORM_COL_DIM or FORM_COL_ITEM */
	const struct rubric_node *node;	/* the section (or item) it heads */
	size_t		 first;		/* rows [first, first + count) */
	size_t		 count;
	struct form_cell cell;
};

/* A header fact: "受考核機關名稱" and "臺南分署". */
struct form_fact {
	const char	*name;
	char		*value;
};

/* One ＊ explained: "1.1 (一) 服務一致及正確" and where it came from. */
struct form_note {
	const struct rubric_node *node;	/* the root for the total */
	char		*what;
	char		*from;
};

#define FORM_NFACTS	5

struct form {
	char		*title;		/* the rubric's title */
	struct form_fact facts[FORM_NFACTS];	/* 受考核機關名稱, 考核日期,
						   總分, 考核人員, 狀態 */
	struct form_row	*rows;
	size_t		 nrows;
	struct form_span *spans;	/* both columns, by first row */
	size_t		 nspans;
	const char	*legend_title;	/* "＊ 原評分表未印，推定而得者：" */
	struct form_note *notes;	/* the legend, in form order */
	size_t		 nnotes;
	const char	*sign_title;	/* "考核人員簽章" */
	char		**signers;	/* one signature line each: inspectors */
	size_t		 nsigners;
	char		*sign_date;	/* "考核日期：110 年 8 月 6 日" */
};

/* Build the form of sc. Never fails (allocation failure aborts). */
struct form	*form_build(const struct scorecard *);
void		 form_free(struct form *);

/* The span of column col (DIM or ITEM) that row r is in; NULL for none. */
const struct form_span *form_span_of(const struct form *, enum form_col,
		    size_t r);

#endif
