/*
 * The rules that need a whole mapping: required fields, what a section or
 * an item may carry, ranges, tiers and sums. They run when the mapping
 * ends, and point at the field that breaks the rule.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rubric-int.h"
#include "xalloc.h"

int
rubric_errorf(const struct rubric_err *err, struct rubric_pos at,
    const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int len;

	if (*err->cause != NULL)
		return -1;	/* the first error stands */
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		len = 0;
	msg = xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)len + 1, fmt, ap);
	va_end(ap);
	*err->cause = xasprintf("%s:%zu:%zu: %s", err->name, at.line, at.col,
	    msg);
	free(msg);
	return -1;
}

/*
 * Text from the file goes into a message only through here: one line,
 * whole characters, no control codes to confuse a terminal or a parser
 * of "FILE:LINE:COL: message".
 */
char *
rubric_excerpt(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = len < 40 ? len : 40, i;
	char *out;

	while (n < len && (u[n] & 0xc0) == 0x80)
		n++;	/* end on a character boundary */
	out = xmalloc(n + 4);
	for (i = 0; i < n; i++)
		out[i] = u[i] < 0x20 || u[i] == 0x7f ? '?' : (char)u[i];
	strcpy(out + n, n < len ? "..." : "");
	return out;
}

/* "item 1.1.3 (服務人員專業度)", or "this item" before its key is known. Caller frees. */
static char *
rubric_node_name(const struct rubric_node *n)
{
	const char *kind = n->nchildren > 0 ? "section" : "item";
	char *title, *name;

	if (n->key == NULL)
		return xasprintf("this %s", kind);
	if (n->title == NULL)
		return xasprintf("%s %s", kind, n->key);
	title = rubric_excerpt(n->title, strlen(n->title));
	name = xasprintf("%s %s (%s)", kind, n->key, title);
	free(title);
	return name;
}

static bool
has(const struct rubric_marks *m, enum rubric_field f)
{
	return (m->seen & (1u << f)) != 0;
}

/* "section 1.1 (服務一致及正確): ..." */
static int
node_errorf(const struct rubric_err *err, const struct rubric_node *n,
    struct rubric_pos at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
node_errorf(const struct rubric_err *err, const struct rubric_node *n,
    struct rubric_pos at, const char *fmt, ...)
{
	char *name = rubric_node_name(n), *what;
	va_list ap;
	int len, rc;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	what = xmalloc(len < 0 ? 1 : (size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(what, len < 0 ? 1 : (size_t)len + 1, fmt, ap);
	va_end(ap);
	rc = rubric_errorf(err, at, "%s: %s", name, what);
	free(what);
	free(name);
	return rc;
}

static int
require(const struct rubric_err *err, const struct rubric_node *n,
    const struct rubric_marks *m, enum rubric_field f, const char *field)
{
	if (has(m, f))
		return 0;
	return node_errorf(err, n, m->start, "missing required field '%s'",
	    field);
}

static int
check_section(const struct rubric_err *err, const struct rubric_node *n,
    const struct rubric_marks *m)
{
	long long sum = 0;
	size_t i;

	if (has(m, RF_MIN))
		return node_errorf(err, n, m->name[RF_MIN], "a section may"
		    " not have 'min' (only items have a range)");
	if (has(m, RF_TIERS))
		return node_errorf(err, n, m->name[RF_TIERS], "a section may"
		    " not have 'tiers' (only items have tiers)");
	for (i = 0; i < n->nchildren; i++)
		sum += n->children[i].max;
	if (sum == n->max)
		return 0;
	return node_errorf(err, n, m->value[RF_MAX], "children sum to %lld,"
	    " but max is %d", sum, n->max);
}

static int
by_tier_min(const void *a, const void *b)
{
	const struct rubric_tier *x = a, *y = b;

	return (x->min > y->min) - (x->min < y->min);
}

/*
 * The lowest score in the item's range that no tier holds, or
 * n->max + 1 when the tiers cover it all. A score in no band could never
 * be given, so such a rubric is a mistake. Sorting first keeps this
 * O(n log n) for a hostile file with many tiers.
 */
static long long
first_gap(const struct rubric_node *n)
{
	struct rubric_tier *sorted;
	long long next = n->min;
	size_t i;

	sorted = xreallocarray(NULL, n->ntiers, sizeof *sorted);
	memcpy(sorted, n->tiers, n->ntiers * sizeof *sorted);
	qsort(sorted, n->ntiers, sizeof *sorted, by_tier_min);
	for (i = 0; i < n->ntiers && next <= n->max; i++) {
		if (sorted[i].min > next)
			break;
		if (sorted[i].max >= next)
			next = (long long)sorted[i].max + 1;
	}
	free(sorted);
	return next;
}

static int
check_item(const struct rubric_err *err, const struct rubric_node *n,
    const struct rubric_marks *m)
{
	long long gap;
	const struct rubric_tier *t;
	size_t i;

	if (n->min > n->max)
		return node_errorf(err, n, m->value[RF_MIN], "min %d is"
		    " greater than max %d", n->min, n->max);
	for (i = 0; i < n->ntiers; i++) {
		t = &n->tiers[i];
		if (t->min < n->min || t->max > n->max)
			return node_errorf(err, n, m->tier[i], "tier %zu"
			    " (%d~%d) lies outside the item's range %d~%d",
			    i + 1, t->min, t->max, n->min, n->max);
	}
	if (n->ntiers == 0 || (gap = first_gap(n)) > n->max)
		return 0;
	return node_errorf(err, n, m->name[RF_TIERS], "no tier holds %lld;"
	    " the tiers must cover the range %d~%d", gap, n->min, n->max);
}

int
rubric_check_node(const struct rubric_err *err, struct rubric_node *n,
    const struct rubric_marks *m)
{
	bool item = !has(m, RF_CHILDREN);

	if (require(err, n, m, RF_KEY, "key") != 0 ||
	    require(err, n, m, RF_TITLE, "title") != 0 ||
	    (item && require(err, n, m, RF_MIN, "min") != 0) ||
	    require(err, n, m, RF_MAX, "max") != 0)
		return -1;
	if (has(m, RF_INFERRED_FROM) && n->inferred == 0)
		return node_errorf(err, n, m->name[RF_INFERRED_FROM],
		    "'inferred-from' explains 'inferred', which this node"
		    " does not have (or lists nothing)");
	return item ? check_item(err, n, m) : check_section(err, n, m);
}

int
rubric_check_tier(const struct rubric_err *err, const struct rubric_node *n,
    size_t index, const struct rubric_marks *m)
{
	static const struct {
		enum rubric_field	 id;
		const char		*name;
	} required[] = {
		{ RF_LABEL, "label" }, { RF_MIN, "min" }, { RF_MAX, "max" },
	};
	const struct rubric_tier *t = &n->tiers[index - 1];
	size_t i;

	for (i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!has(m, required[i].id))
			return node_errorf(err, n, m->start, "tier %zu has no"
			    " '%s'", index, required[i].name);
	if (t->min > t->max)
		return node_errorf(err, n, m->value[RF_MIN], "tier %zu: min"
		    " %d is greater than max %d", index, t->min, t->max);
	return 0;
}

int
rubric_check_top(const struct rubric_err *err, const struct rubric *r,
    const struct rubric_marks *m)
{
	static const struct {
		enum rubric_field	 id;
		const char		*name;
	} required[] = {
		{ RF_VERSION, "kaohe-rubric" }, { RF_ID, "id" },
		{ RF_TITLE, "title" }, { RF_TOTAL, "total" },
		{ RF_CHILDREN, "children" },
	};
	long long sum = 0;
	size_t i;

	for (i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!has(m, required[i].id))
			return rubric_errorf(err, m->start, "the rubric has"
			    " no '%s'", required[i].name);
	if (has(m, RF_INFERRED_FROM) && r->root.inferred == 0)
		return rubric_errorf(err, m->name[RF_INFERRED_FROM],
		    "'inferred-from' explains 'inferred', which the top of"
		    " the rubric does not have (or lists nothing)");
	for (i = 0; i < r->root.nchildren; i++)
		sum += r->root.children[i].max;
	if (sum != r->total)
		return rubric_errorf(err, m->value[RF_TOTAL], "total is %d,"
		    " but the top-level children sum to %lld", r->total, sum);
	return 0;
}
