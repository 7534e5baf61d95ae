/*
 * The paper form as a grid, for the exports that draw it (HTML, PDF):
 * the table's rows in the form's seven columns, the cells merged over
 * several rows as on paper, and each cell's paragraphs. It decides what
 * goes where; the writers only decide how it looks. Text in the grid is
 * cleaned (export_clean) but not escaped.
 *
 * 細項配分 is not a cell of its own: each 考核內容 paragraph may carry the
 * band printed beside it ("26~30分" beside its ■/□ option, "1~30分" beside
 * an item's title), so that a writer can keep the two side by side.
 */
#ifndef KAOHE_EXPORT_GRID_H
#define KAOHE_EXPORT_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "scorecard.h"

enum grid_col {
	GRID_DIM,		/* 評核構面: dimension and 一、… headings, merged */
	GRID_ITEM,		/* 考核項目: (一)… headings, merged */
	GRID_SCORE,		/* 評分 */
	GRID_CONTENT,		/* 考核內容（依實際情形勾選選項）, with the bands */
	GRID_RANGE,		/* 細項配分: the bands of GRID_CONTENT */
	GRID_RECORD,		/* 紀錄事項 */
	GRID_RATIONALE,		/* 評分說明 */
	GRID_NCOLS
};

extern const char *const grid_headers[GRID_NCOLS];

enum grid_kind {
	GRID_PLAIN,		/* guidance and notes */
	GRID_HEAD,		/* a heading or an item's title */
	GRID_OPTION,		/* "□…": a tier not chosen */
	GRID_CHOSEN,		/* "■…": the chosen tier */
};

struct grid_para {
	enum grid_kind	 kind;
	char		*text;		/* "" allowed (a band beside nothing) */
	/* A heading's sums, "(200分) 得分：174", or NULL. Each blank-separated
	 * part of it reads badly broken, so a writer keeps parts whole. */
	char		*tail;
	char		*band;		/* 細項配分 beside it, or NULL */
};

struct grid_cell {
	struct grid_para *p;
	size_t		  np;
	/* Rows this cell covers from its own: 1 or more. 0 marks a cell
	 * covered by a merged cell above it (draw nothing). */
	size_t		  span;
};

struct grid_row {
	struct grid_cell	  cell[GRID_NCOLS];	/* GRID_RANGE: unused */
	const struct rubric_node *node;		/* the item or section */
};

/* The lines above the table and the blocks below it. */
struct grid {
	struct grid_row	 *rows;
	size_t		  nrows;
	size_t		  cap;
	char		 *title;	/* the rubric's title */
	char		**facts;	/* "受考核機關名稱：臺南分署", … */
	size_t		  nfacts;
	/* The inferred names and numbers, one a line, under GRID_LEGEND:
	 * "1.1 (一) 服務一致及正確（推定：序號、名稱、配分）" and where they came
	 * from (the rubric's inferred-from). */
	char		**legend;
	size_t		  nlegend;
	char		**signers;	/* the inspectors, one signature line each */
	size_t		  nsigners;
	char		 *date;		/* "110 年 8 月 6 日（2021-08-06）" */
	char		 *agency;
	char		 *total;	/* "870 / 1000" */
};

/* "＊": the mark of an inferred name or number, and what it means. */
#define GRID_MARK	"＊"
#define GRID_LEGEND	"＊ 標示者非原評分表所印，係推定而來，出處如下："

void	grid_build(struct grid *, const struct scorecard *);
void	grid_free(struct grid *);

#endif
