/*
 * The 評分總表 of a team card as a table of cells (export-summary.c), for
 * the writers that draw a table: HTML and PDF. The text and CSV writers
 * take their cells from the same helpers. Text is cleaned, not escaped.
 */
#ifndef KAOHE_EXPORT_SUMMARY_H
#define KAOHE_EXPORT_SUMMARY_H

#include <stdbool.h>
#include <stdio.h>

#include "scorecard.h"

struct summary_row {
	const struct rubric_node *node;	/* the root for the total row */
	int		 depth;		/* 0 for the total, 1 for dimensions */
	char		*label;		/* "一、基礎服務", "總分" */
	char		**cell;		/* summary.ncols - 1 texts after the label */
	bool		 flagged;	/* ※: the spread exceeded the tolerance */
};

struct summary {
	char		*title;		/* "110年度…評分表　評分總表" */
	char		**facts;	/* 受考核機關, 考核日期, 考核小組, … */
	size_t		  nfacts;
	char		**head;		/* 項目, 配分, each member, 小組, 差距, 處理方式 */
	size_t		  ncols;
	struct summary_row *rows;	/* every node, then the total */
	size_t		  nrows;
	char		*partial;	/* the total is partial: why; or NULL */
	char		*flagged_title;	/* 評分差異過大之項目及處理情形 */
	char		**flagged;	/* one line per marked difference */
	size_t		  nflagged;
	char		**signers;	/* 評分委員 names, then the 召集人's */
	size_t		  nsigners;	/* the last one is the 召集人 */
};

/* Refuses (-1, *cause) a card that is not a team's. */
int	summary_build(struct summary *, const struct scorecard *, char **cause);
void	summary_free(struct summary *);

/* The HTML 評分總表 (export-html.c). */
void	summary_html(FILE *, const struct summary *);
/* The PDF 評分總表 (export-pdf.c); without pangocairo it says what to
 * install (export-pdf-none.c). */
int	summary_pdf(FILE *, const struct summary *, char **cause);

#endif
