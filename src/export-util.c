/*
 * The helpers every export shares (see export-util.h): text made safe,
 * the header facts in the form's wording, and paths through the tree.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export-util.h"
#include "rubric.h"
#include "scorecard.h"
#include "width.h"
#include "xalloc.h"

char *
export_clean(const char *s)
{
	char *out, *p;
	size_t len;

	out = width_sanitize(s);
	for (p = out; *p != '\0'; p++) {
		if (*p == '\t')
			*p = ' ';
	}
	len = strlen(out);
	while (len > 0 && (out[len - 1] == ' ' || out[len - 1] == '\n'))
		out[--len] = '\0';
	return out;
}

/* Is s "YYYY-MM-DD" with digits where digits belong? */
static int
export_ymd(const char *s, int *y, int *m, int *d)
{
	size_t i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	}
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return 0;
}

char *
export_date(const char *iso)
{
	int y, m, d;

	/* 民國 years begin in 1912; before that, or malformed, print as is. */
	if (export_ymd(iso, &y, &m, &d) != 0 || y <= SCORECARD_ROC_OFFSET)
		return export_clean(iso);
	return xasprintf("%d 年 %d 月 %d 日（%s）", y - SCORECARD_ROC_OFFSET, m,
	    d, iso);
}

char *
export_total(const struct scorecard *sc)
{
	struct scorecard_sum t = scorecard_total(sc);

	if (t.scored == t.items)
		return xasprintf("%d / %d", t.score, t.max);
	return xasprintf("已評 %zu/%zu，部分合計 %d / %d", t.scored, t.items,
	    t.score, t.max);
}

char *
export_inspectors(const struct scorecard *sc, const char *sep)
{
	char *all = xstrdup(""), *next, *one;
	size_t i;

	for (i = 0; i < sc->ninspectors; i++) {
		one = export_clean(sc->inspectors[i]);
		next = xasprintf("%s%s%s", all, i > 0 ? sep : "", one);
		free(one);
		free(all);
		all = next;
	}
	return all;
}

const char *
export_status(const struct scorecard *sc)
{
	return sc->status == SCORECARD_FINAL ? "已定稿" : "草稿";
}

/* export_heading's second half: "(200分) 得分：174". */
static char *
export_heading_tail(const struct scorecard *sc, const struct rubric_node *n)
{
	struct scorecard_sum s = scorecard_sum(sc, n);

	if (s.scored == s.items)
		return xasprintf("(%d分) 得分：%d", n->max, s.score);
	return xasprintf("(%d分) 得分：%d（已評 %zu/%zu）", n->max, s.score,
	    s.scored, s.items);
}

char *
export_heading(const struct scorecard *sc, const struct rubric_node *n)
{
	char *label, *clean, *tail, *out;

	label = rubric_node_label(n);
	clean = export_clean(label);
	tail = export_heading_tail(sc, n);
	out = xasprintf("%s %s", clean, tail);
	free(tail);
	free(clean);
	free(label);
	return out;
}

char *
export_range(int min, int max)
{
	return xasprintf("%d~%d分", min, max);
}

char *
export_tier(const struct rubric_node *item, size_t t, bool chosen)
{
	const struct rubric_tier *tier = &item->tiers[t];
	char *label, *out;

	if (!chosen)
		return xasprintf("□ %d~%d分", tier->min, tier->max);
	label = export_clean(tier->label);
	out = xasprintf("■ %d~%d分 %s", tier->min, tier->max, label);
	free(label);
	return out;
}

const struct scorecard_entry *
export_entry(const struct scorecard *sc, const struct rubric_node *item)
{
	return &sc->entries[item->item_first];
}

const struct rubric_node *
export_anchor(const struct rubric_node *item)
{
	const struct rubric_node *n = item->parent;

	while (n != NULL && n->depth > 2)
		n = n->parent;
	return n;
}

size_t
export_path(const struct rubric_node *n, const struct rubric_node *stop,
    const struct rubric_node **path, size_t max)
{
	const struct rubric_node *p;
	size_t len = 0, i;

	for (p = n->parent; p != NULL && p != stop && p->parent != NULL;
	    p = p->parent) {
		if (len < max)
			path[len++] = p;
	}
	for (i = 0; i < len / 2; i++) {
		p = path[i];
		path[i] = path[len - 1 - i];
		path[len - 1 - i] = p;
	}
	return len;
}
