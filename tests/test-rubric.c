/*
 * The rubric loader: the tree it builds, the 110 rubric, and every class of
 * refusal with the exact FILE:LINE:COL it must point at.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json-read.h"
#include "rubric.h"
#include "rubric-show.h"
#include "width.h"
#include "testlib.h"
#include "xalloc.h"

#define DATA	KAOHE_SRCDIR "/tests/data"

static struct rubric *
load_ok(const char *path)
{
	struct rubric *r = NULL;
	char *text, *cause = NULL;
	size_t len;

	text = testlib_slurp(path, &len);
	assert_non_null(text);
	if (rubric_parse(text, len, path, &r, &cause) != 0)
		fail_msg("%s", cause);
	free(text);
	assert_null(cause);
	return r;
}

/* Parse text that must fail; return the message (caller frees). */
static char *
parse_fails(const char *text, size_t len, const char *name)
{
	struct rubric *r = (struct rubric *)&r;	/* must be reset to NULL */
	char *cause = NULL;

	assert_int_equal(rubric_parse(text, len, name, &r, &cause), -1);
	assert_null(r);
	assert_non_null(cause);
	assert_null(strchr(cause, '\n'));	/* exactly one line */
	return cause;
}

static void
expect_error(const char *cause, const char *name, int line, int col,
    const char *what)
{
	char *prefix = xasprintf("%s:%d:%d: ", name, line, col);

	if (strncmp(cause, prefix, strlen(prefix)) != 0 ||
	    strstr(cause, what) == NULL)
		fail_msg("got \"%s\", want \"%s...%s\"", cause, prefix, what);
	free(prefix);
}

/* --- a small valid rubric --- */

static void
test_small_tree(void **state)
{
	struct rubric *r = load_ok(DATA "/rubric-ok/small.yaml");
	const struct rubric_node *d1, *s1, *i11, *i12, *d2;

	(void)state;
	assert_int_equal(r->format, 1);
	assert_string_equal(r->id, "small");
	assert_string_equal(r->title, "小考核");
	assert_string_equal(r->source, "");
	assert_int_equal(r->total, 100);
	assert_int_equal(r->root.max, 100);
	assert_string_equal(r->root.key, "");
	assert_string_equal(r->root.title, "小考核");
	assert_null(r->root.parent);
	assert_int_equal(r->root.depth, 0);
	assert_int_equal(r->root.nchildren, 2);
	assert_int_equal(r->nitems, 4);

	d1 = &r->root.children[0];
	d2 = &r->root.children[1];
	s1 = &d1->children[0];
	i11 = &s1->children[0];
	i12 = &s1->children[1];
	assert_string_equal(d1->key, "D1");
	assert_string_equal(d1->number, "");	/* absent means "" */
	assert_int_equal(d1->depth, 1);
	assert_ptr_equal(d1->parent, &r->root);
	assert_int_equal(d1->line, 7);
	assert_false(rubric_node_is_item(d1));
	assert_string_equal(s1->number, "一、");
	assert_int_equal(s1->depth, 2);
	assert_ptr_equal(s1->parent, d1);
	assert_int_equal(i11->depth, 3);
	assert_ptr_equal(i11->parent, s1);
	assert_true(rubric_node_is_item(i11));
	assert_int_equal(i11->line, 16);
	assert_int_equal(i11->min, 1);
	assert_int_equal(i11->max, 30);
	assert_string_equal(i11->guidance, "");
	assert_int_equal(i11->inferred, 0);
	assert_int_equal(i12->inferred, RUBRIC_INFERRED_TITLE);
	assert_int_equal(i12->min, 0);

	/* Tiers keep their printed order. */
	assert_int_equal(i11->ntiers, 2);
	assert_string_equal(i11->tiers[0].label, "達 90% 以上。");
	assert_int_equal(i11->tiers[0].min, 26);
	assert_int_equal(i11->tiers[0].max, 30);
	assert_int_equal(i11->tiers[1].min, 1);
	assert_int_equal(i11->tiers[1].max, 25);
	assert_int_equal(i12->ntiers, 0);

	/* Items in document order, and each node's slice of them. */
	assert_ptr_equal(r->items[0], i11);
	assert_ptr_equal(r->items[1], i12);
	assert_string_equal(r->items[2]->key, "2.1");
	assert_string_equal(r->items[3]->key, "2.2");
	assert_string_equal(r->items[3]->guidance, "多想想");
	assert_int_equal(r->root.item_first, 0);
	assert_int_equal(r->root.item_count, 4);
	assert_int_equal(d1->item_first, 0);
	assert_int_equal(d1->item_count, 2);
	assert_int_equal(s1->item_count, 2);
	assert_int_equal(d2->item_first, 2);
	assert_int_equal(d2->item_count, 2);
	assert_int_equal(r->items[3]->item_first, 3);
	assert_int_equal(r->items[3]->item_count, 1);
	rubric_free(r);
}

static void
test_small_find(void **state)
{
	struct rubric *r = load_ok(DATA "/rubric-ok/small.yaml");
	const struct rubric_node *n;

	(void)state;
	n = rubric_find(r, "1.2");
	assert_non_null(n);
	assert_string_equal(n->title, "及時");
	n = rubric_find(r, "1");
	assert_non_null(n);
	assert_string_equal(n->title, "基礎");
	assert_non_null(rubric_find(r, "D2"));
	assert_null(rubric_find(r, "3"));
	assert_null(rubric_find(r, ""));
	assert_null(rubric_find(r, "1.1.1"));
	assert_int_equal(rubric_item_index(r, "1.1"), 0);
	assert_int_equal(rubric_item_index(r, "2.2"), 3);
	assert_int_equal(rubric_item_index(r, "D1"), -1);	/* a section */
	assert_int_equal(rubric_item_index(r, "nope"), -1);
	rubric_free(r);
}

/* A byte order mark, CRLF line ends and comments are all fine. */
static void
test_bom_and_crlf(void **state)
{
	const char *text = "\xef\xbb\xbf# comment\r\nkaohe-rubric: 1\r\n"
	    "id: x\r\ntitle: X\r\ntotal: 5\r\nchildren:\r\n"
	    "  - {key: a, title: A, min: 0, max: 5}\r\n";
	struct rubric *r;
	char *cause = NULL;

	(void)state;
	assert_int_equal(rubric_parse(text, strlen(text), "crlf", &r, &cause),
	    0);
	assert_int_equal(r->nitems, 1);
	assert_int_equal(r->items[0]->line, 7);
	rubric_free(r);
}

/*
 * A BOM right before the first key (as Notepad writes it): the key stays
 * at column 1, and a later error still points at the right column.
 */
static void
test_bom_before_first_key(void **state)
{
	const char *text = "\xef\xbb\xbfkaohe-rubric: 1\nid: x\ntitle: X\n"
	    "total: 5\nchildren:\n  - {key: a, title: A, min: 0, max: 5}\n";
	const char *bad = "\xef\xbb\xbfkaohe-rubric: 1\nid: x\n";
	struct rubric *r;
	char *cause = NULL;

	(void)state;
	assert_int_equal(rubric_parse(text, strlen(text), "bom", &r, &cause),
	    0);
	assert_int_equal(r->nitems, 1);
	rubric_free(r);
	assert_int_equal(rubric_parse(bad, strlen(bad), "bom", &r, &cause),
	    -1);
	assert_string_equal(cause, "bom:1:1: the rubric has no 'title'");
	free(cause);
}

/* --- showing a rubric --- */

/* What show_json or show_text wrote, as a string. Caller frees. */
static char *
render(const struct rubric *r, int width)
{
	char *buf = NULL, *cause = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int rc;

	assert_non_null(mem);
	if (width == 0)
		rc = rubric_show_json(mem, r, &cause);
	else
		rc = rubric_show_text(mem, r, width, &cause);
	assert_int_equal(rc, 0);
	assert_null(cause);
	assert_int_equal(fclose(mem), 0);
	return buf;
}

/* The JSON contract of DESIGN.md, read back with a strict JSON reader. */
static void
assert_json_node(const struct json_value *v, const struct rubric_node *n)
{
	const struct json_value *tiers, *children;
	int i;
	size_t k;

	assert_int_equal(v->type, JSON_OBJECT);
	assert_string_equal(json_get(v, "key")->text, n->key);
	assert_string_equal(json_get(v, "number")->text, n->number);
	assert_string_equal(json_get(v, "title")->text, n->title);
	assert_string_equal(json_get(v, "guidance")->text, n->guidance);
	assert_true(json_as_int(json_get(v, "max"), &i));
	assert_int_equal(i, n->max);
	children = json_get(v, "children");
	tiers = json_get(v, "tiers");
	if (n->nchildren > 0) {
		assert_null(json_get(v, "min"));
		assert_null(tiers);
		assert_non_null(children);
		assert_int_equal(children->n, n->nchildren);
		for (k = 0; k < n->nchildren; k++)
			assert_json_node(&children->items[k], &n->children[k]);
		return;
	}
	assert_null(children);
	assert_true(json_as_int(json_get(v, "min"), &i));
	assert_int_equal(i, n->min);
	assert_non_null(tiers);
	assert_int_equal(tiers->type, JSON_ARRAY);
	assert_int_equal(tiers->n, n->ntiers);
	for (k = 0; k < n->ntiers; k++) {
		assert_string_equal(json_get(&tiers->items[k], "label")->text,
		    n->tiers[k].label);
		assert_true(json_as_int(json_get(&tiers->items[k], "min"), &i));
		assert_int_equal(i, n->tiers[k].min);
		assert_true(json_as_int(json_get(&tiers->items[k], "max"), &i));
		assert_int_equal(i, n->tiers[k].max);
	}
}

static void
test_show_json(void **state)
{
	struct rubric *r = load_ok(DATA "/rubric-ok/small.yaml");
	struct json_value *v;
	const struct json_value *nodes;
	char *text = render(r, 0), *cause = NULL;
	size_t i;
	int max;

	(void)state;
	if (json_read(text, strlen(text), "show", 1, &v, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(v->n, 4);	/* id, title, max, nodes: no more */
	assert_string_equal(json_get(v, "id")->text, "small");
	assert_string_equal(json_get(v, "title")->text, "小考核");
	assert_true(json_as_int(json_get(v, "max"), &max));
	assert_int_equal(max, 100);
	nodes = json_get(v, "nodes");
	assert_non_null(nodes);
	assert_int_equal(nodes->n, r->root.nchildren);
	for (i = 0; i < nodes->n; i++)
		assert_json_node(&nodes->items[i], &r->root.children[i]);
	json_value_free(v);
	free(text);
	rubric_free(r);
}

/* The outline fits its width in display columns, and ends in the total. */
static void
test_show_text(void **state)
{
	static const int widths[] = { 40, 60, 80, 132 };
	struct rubric *r = load_ok(DATA "/rubric-ok/small.yaml");
	char *text, *line, *save = NULL, *last[3] = { NULL };
	size_t i, lines;

	(void)state;
	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		text = render(r, widths[i]);
		lines = 0;
		for (line = strtok_r(text, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			if (width_of(line) > (size_t)widths[i])
				fail_msg("%d columns: \"%s\" is %zu wide",
				    widths[i], line, width_of(line));
			/* Items end in their range at the last column. */
			if (strstr(line, "正確") != NULL)
				assert_int_equal(width_of(line), widths[i]);
			last[0] = last[1];
			last[1] = last[2];
			last[2] = line;
			lines++;
		}
		assert_int_equal(lines, 13);	/* the blank line is skipped */
		assert_int_equal(strncmp(last[0], "合計", 6), 0);
		assert_int_equal(width_of(last[0]), widths[i]);
		assert_string_equal(last[0] + strlen(last[0]) - 4, " 100");
		assert_string_equal(last[1], "4 items");
		assert_string_equal(last[2], "* inferred: not on the source form");
		free(text);
	}
	rubric_free(r);
}

/* --- the bundled 110 rubric (DESIGN.md's outline) --- */

static const struct {
	const char	*key;
	int		 max;
} outline_110[] = {
	{ "D1", 900 }, { "1", 200 }, { "1.1", 100 }, { "1.2", 100 },
	{ "2", 300 }, { "2.1", 100 }, { "2.2", 100 }, { "2.3", 100 },
	{ "3", 200 }, { "3.1", 100 }, { "3.2", 100 },
	{ "4", 200 }, { "4.1", 100 }, { "4.2", 100 },
	{ "D2", 100 }, { "5", 100 },
	{ "1.1.1", 30 }, { "1.1.2", 40 }, { "1.1.3", 30 },
	{ "1.2.1", 20 }, { "1.2.2", 20 }, { "1.2.3", 30 }, { "1.2.4", 30 },
	{ "1.2.2.1", 5 }, { "1.2.2.2", 10 }, { "1.2.2.3", 5 },
	{ "1.2.4.1", 10 }, { "1.2.4.2", 10 }, { "1.2.4.3", 10 },
	{ "5.1", 50 }, { "5.2", 50 },
};

/* Every section's children sum to its max: checked here independently. */
static void
assert_sums(const struct rubric_node *n)
{
	long sum = 0;
	size_t i;

	if (n->nchildren == 0) {
		assert_true(n->min <= n->max);
		for (i = 0; i < n->ntiers; i++) {
			assert_true(n->tiers[i].min >= n->min);
			assert_true(n->tiers[i].max <= n->max);
		}
		return;
	}
	for (i = 0; i < n->nchildren; i++) {
		sum += n->children[i].max;
		assert_sums(&n->children[i]);
	}
	assert_int_equal(sum, n->max);
}

static void
assert_tiers(const struct rubric *r, const char *key, const int *bands,
    size_t n)
{
	const struct rubric_node *item = rubric_find(r, key);
	size_t i;

	assert_non_null(item);
	if (item->ntiers != n)
		fail_msg("%s has %zu tiers, want %zu", key, item->ntiers, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(item->tiers[i].min, bands[2 * i]);
		assert_int_equal(item->tiers[i].max, bands[2 * i + 1]);
	}
}

/*
 * What seed 002 does not print, with where it came from: every node with
 * inferred fields says so (the legend of the printed form needs it), and
 * no other node claims to.
 */
static void
assert_inferred_110(const struct rubric *r)
{
	static const struct {
		const char	*key;	/* "" the total */
		const char	*names;
		const char	*cites;	/* a piece of inferred_from */
	} want[] = {
		{ "", "max", "900＋100" },
		{ "D1", "max", "200＋300＋200＋200" },
		{ "1.1", "number title max", "200（一、基礎服務）－100" },
		{ "1.1.2", "number title min max", "100－30－30" },
		{ "2.1.1", "number title", "單一窗口整合服務" },
		{ "3.2.1", "number title", "■ 條目" },
		{ "3.2.2", "number title", "■ 條目" },
		{ "4.1.5", "min tiers", "11~15分、1~10分" },
		{ "D2", "max", "開放創新 (100分)" },
	};
	const char *names[RUBRIC_INFERRED_MAXN];
	const struct rubric_node *n;
	char joined[64];
	size_t i, j, k, count = 0;

	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		n = *want[i].key == '\0' ? &r->root : rubric_find(r, want[i].key);
		assert_non_null(n);
		k = rubric_inferred_names(n, names);
		joined[0] = '\0';
		for (j = 0; j < k; j++) {
			strcat(joined, j > 0 ? " " : "");
			strcat(joined, names[j]);
		}
		if (strcmp(joined, want[i].names) != 0)
			fail_msg("%s: inferred \"%s\", want \"%s\"",
			    want[i].key, joined, want[i].names);
		if (strstr(n->inferred_from, want[i].cites) == NULL)
			fail_msg("%s: inferred-from \"%s\" does not cite \"%s\"",
			    want[i].key, n->inferred_from, want[i].cites);
	}
	for (i = 0; i < r->nitems; i++)
		count += r->items[i]->inferred != 0;
	assert_int_equal(count, 5);	/* 1.1.2 2.1.1 3.2.1 3.2.2 4.1.5 */
}

static void
test_110(void **state)
{
	static const int t113[] = { 26, 30, 21, 25, 16, 20, 11, 15, 1, 10 };
	static const int t121[] = { 16, 20, 1, 15, 1, 10 };
	static const int t123[] = { 21, 30, 11, 20, 1, 10 };
	static const int t1243[] = { 7, 10, 4, 6, 1, 3 };
	static const int t41x[] = { 16, 20, 11, 15, 1, 10 };
	const char *path = KAOHE_SRCDIR "/rubrics/110.yaml";
	const struct rubric_node *n;
	struct rubric *r;
	size_t i, len;
	char *text, key[16];

	(void)state;
	text = testlib_slurp(path, &len);
	if (text == NULL)
		skip();		/* rubrics/110.yaml is not written yet */
	free(text);
	r = load_ok(path);
	assert_string_equal(r->id, "110");
	assert_int_equal(r->nitems, 36);
	assert_int_equal(r->total, 1000);
	assert_int_equal(r->root.nchildren, 2);
	assert_sums(&r->root);
	for (i = 0; i < sizeof outline_110 / sizeof outline_110[0]; i++) {
		n = rubric_find(r, outline_110[i].key);
		if (n == NULL)
			fail_msg("110 has no node %s", outline_110[i].key);
		if (n->max != outline_110[i].max)
			fail_msg("110 node %s: max %d, want %d",
			    outline_110[i].key, n->max, outline_110[i].max);
	}
	assert_tiers(r, "1.1.3", t113, 5);
	assert_tiers(r, "1.2.1", t121, 3);
	assert_tiers(r, "1.2.3", t123, 3);
	assert_tiers(r, "1.2.4.3", t1243, 3);
	for (i = 1; i <= 5; i++) {
		snprintf(key, sizeof key, "4.1.%zu", i);
		assert_tiers(r, key, t41x, 3);
	}
	/* Every item is 1~max: the form never prints another lower end. */
	for (i = 0; i < r->nitems; i++)
		assert_int_equal(r->items[i]->min, 1);
	assert_inferred_110(r);
	rubric_free(r);
}

/* --- refusals, each from a file in tests/data/rubric-bad --- */

static const struct {
	const char	*file;
	int		 line;
	int		 col;
	const char	*what;
} bad[] = {
	{ "alias", 3, 8, "aliases (*t) are not allowed" },
	{ "anchor", 3, 8, "anchors (&t) are not allowed" },
	{ "tag", 4, 8, "tags (tag:yaml.org,2002:int) are not allowed" },
	{ "utf8", 3, 9, "invalid UTF-8 (byte 0xff)" },
	{ "duplicate-field", 4, 1, "duplicate field 'title' (first at 3:1)" },
	{ "unknown-field", 11, 9, "unknown field 'tittle' (expected one of:"
	    " key, number, title, min, max, guidance, inferred,"
	    " inferred-from, tiers, tolerance, children)" },
	{ "missing-field", 10, 9, "item 1 (甲): missing required field 'min'" },
	{ "missing-total", 1, 1, "the rubric has no 'total'" },
	{ "type-list", 10, 43, "'max' must be a whole number, not a list" },
	{ "type-unit", 10, 43, "'max' must be a whole number, not \"30分\"" },
	{ "type-quoted", 10, 43, "'max' must be a whole number, not \"30\"" },
	{ "type-negative", 10, 35, "'min' must not be negative (-1)" },
	{ "type-overflow", 10, 43, "'max' is too large" },
	{ "min-max", 10, 35, "item 1 (甲): min 31 is greater than max 30" },
	{ "tier-outside", 16, 13, "item 1 (甲): tier 2 (25~35) lies outside"
	    " the item's range 1~30" },
	{ "tier-gap", 14, 9, "item 1 (甲): no tier holds 11; the tiers must"
	    " cover the range 1~30" },
	{ "tier-min-max", 15, 30, "item 1 (甲): tier 1: min 25 is greater than"
	    " max 21" },
	{ "duplicate-key", 11, 15, "duplicate key \"1\" (first used at"
	    " 10:15)" },
	{ "empty-children", 13, 19, "'children' is empty" },
	{ "section-min", 13, 9, "section 1 (甲): a section may not have"
	    " 'min'" },
	{ "bad-sum", 8, 10, "section 1.1 (服務一致及正確): children sum to"
	    " 90, but max is 100" },
	{ "bad-total", 4, 8, "total is 1000, but the top-level children sum"
	    " to 900" },
	{ "two-documents", 7, 1, "a second document" },
	{ "empty", 1, 1, "the file is empty" },
	{ "scalar", 2, 1, "a rubric must be a mapping (kaohe-rubric, id,"
	    " title, total, children), not \"hello\"" },
	{ "version", 1, 15, "unsupported rubric format 2" },
	{ "not-yaml", 3, 10, "not valid YAML: mapping values are not allowed" },
};

/* One refusal: its test's state is its row of bad[]. */
static void
test_bad_file(void **state)
{
	size_t i = (size_t)((const char *)*state - (const char *)bad) /
	    sizeof bad[0];
	char *path, *text, *cause;
	size_t len;

	path = xasprintf("%s/rubric-bad/%s.yaml", DATA, bad[i].file);
	text = testlib_slurp(path, &len);
	if (text == NULL)
		fail_msg("cannot read %s", path);
	cause = parse_fails(text, len, path);
	expect_error(cause, path, bad[i].line, bad[i].col, bad[i].what);
	free(cause);
	free(text);
	free(path);
}

/* --- refusals of generated input: the caps --- */

/* Sections nested levels deep, with one item of 1 point at the bottom. */
static char *
nested(int levels)
{
	size_t cap = 4096, len = 0;
	char *buf = xmalloc(cap), *line;
	int d, indent;

	buf[0] = '\0';
	for (d = 0; d <= levels; d++) {
		indent = 4 * d + 2;
		if (d == 0)
			line = xasprintf("kaohe-rubric: 1\nid: deep\ntitle: t\n"
			    "total: 1\nchildren:\n");
		else if (d < levels)
			line = xasprintf("%*s- key: k%d\n%*s  title: t\n"
			    "%*s  max: 1\n%*s  children:\n", indent - 4, "", d,
			    indent - 4, "", indent - 4, "", indent - 4, "");
		else
			line = xasprintf("%*s- {key: k%d, title: t, min: 0,"
			    " max: 1}\n", indent - 4, "", d);
		if (len + strlen(line) + 1 > cap) {
			cap *= 2;
			buf = xreallocarray(buf, cap, 1);
		}
		strcpy(buf + len, line);
		len += strlen(line);
		free(line);
	}
	return buf;
}

static void
test_depth(void **state)
{
	struct rubric *r;
	char *text, *cause = NULL;

	(void)state;
	/* RUBRIC_MAX_DEPTH levels below the top are fine... */
	text = nested(RUBRIC_MAX_DEPTH);
	assert_int_equal(rubric_parse(text, strlen(text), "deep", &r, &cause),
	    0);
	assert_int_equal(r->items[0]->depth, RUBRIC_MAX_DEPTH);
	rubric_free(r);
	free(text);
	/*
	 * ...one more is refused at the node that goes too deep: level d
	 * starts on line 4d + 2, its first key at column 4d + 1.
	 */
	text = nested(RUBRIC_MAX_DEPTH + 1);
	cause = parse_fails(text, strlen(text), "deep");
	expect_error(cause, "deep", 4 * (RUBRIC_MAX_DEPTH + 1) + 2,
	    4 * (RUBRIC_MAX_DEPTH + 1) + 1, "nesting is too deep");
	free(cause);
	free(text);
}

static void
test_size(void **state)
{
	size_t len = RUBRIC_MAX_BYTES + 1, i;
	char *text = xmalloc(len), *cause;

	(void)state;
	/* Comment lines of 64 bytes: byte RUBRIC_MAX_BYTES starts a line. */
	for (i = 0; i < len; i++)
		text[i] = i % 64 == 63 ? '\n' : i % 64 == 0 ? '#' : 'x';
	cause = parse_fails(text, len, "big");
	expect_error(cause, "big", RUBRIC_MAX_BYTES / 64 + 1, 1,
	    "the file is too large");
	free(cause);
	/* At the cap itself it is read (and found empty: only comments). */
	cause = parse_fails(text, RUBRIC_MAX_BYTES, "big");
	assert_null(strstr(cause, "too large"));
	assert_non_null(strstr(cause, "the file is empty"));
	free(cause);
	free(text);
}

/* n items of 0~1 in one dimension, one per line from line 10. */
static char *
many_items(size_t n)
{
	size_t cap = 64 * (n + 10), len, i;
	char *buf = xmalloc(cap);

	len = (size_t)snprintf(buf, cap, "kaohe-rubric: 1\nid: many\n"
	    "title: t\ntotal: %zu\nchildren:\n  - key: D1\n    title: d\n"
	    "    max: %zu\n    children:\n", n, n);
	for (i = 1; i <= n; i++)
		len += (size_t)snprintf(buf + len, cap - len,
		    "      - {key: i%zu, title: t, min: 0, max: 1}\n", i);
	return buf;
}

static void
test_item_cap(void **state)
{
	struct rubric *r;
	char *text, *cause = NULL;

	(void)state;
	text = many_items(RUBRIC_MAX_ITEMS);
	assert_int_equal(rubric_parse(text, strlen(text), "many", &r, &cause),
	    0);
	assert_int_equal(r->nitems, RUBRIC_MAX_ITEMS);
	assert_int_equal(rubric_item_index(r, "i20000"), 19999);
	rubric_free(r);
	free(text);
	text = many_items(RUBRIC_MAX_ITEMS + 1);
	cause = parse_fails(text, strlen(text), "many");
	expect_error(cause, "many", 10 + RUBRIC_MAX_ITEMS, 9,
	    "too many items (a rubric may have at most 20000)");
	free(cause);
	free(text);
}

/* Invalid UTF-8 after a BOM and CRLF: the position counts characters. */
static void
test_utf8_position(void **state)
{
	const char *text = "\xef\xbb\xbfkaohe-rubric: 1\r\nid: x\r\n"
	    "title: 服務\xe6\x9c\r\n";
	const char *overlong = "kaohe-rubric: 1\nid: \xc0\xaf\n";
	const char *surrogate = "a: \xed\xa0\x80\n";
	char *cause;

	(void)state;
	cause = parse_fails(text, strlen(text), "u");
	expect_error(cause, "u", 3, 10, "invalid UTF-8 (byte 0xe6)");
	free(cause);
	cause = parse_fails(overlong, strlen(overlong), "u");
	expect_error(cause, "u", 2, 5, "invalid UTF-8 (byte 0xc0)");
	free(cause);
	cause = parse_fails(surrogate, strlen(surrogate), "u");
	expect_error(cause, "u", 1, 4, "invalid UTF-8 (byte 0xed)");
	free(cause);
}

/* Small inline cases for rules the files above do not reach. */
static const struct {
	const char	*text;
	int		 line, col;
	const char	*what;
} cases[] = {
	{ "kaohe-rubric: 1\nid: a b\n", 2, 5, "'id' may use only" },
	/* Found by fuzzing: file text in a message stays on one line. */
	{ "kaohe-rubric: 1\nid: \"a\\nb\"\n", 2, 5, "not \"a?b\"" },
	{ "kaohe-rubric: 1\n\"x\\ny\": 1\n", 2, 1,
	    "unknown field 'x?y'" },
	{ "kaohe-rubric: 1\nchildren:\n  - key: k\n    title: |\n"
	    "      two\n      lines\n    min: 2\n    max: 1\n", 7, 10,
	    "item k (two?lines?): min 2 is greater than max 1" },
	{ "kaohe-rubric: 1\nid: x\ntitle: \"\"\n", 3, 8,
	    "'title' is empty" },
	{ "kaohe-rubric: 1\nid: x\ntitle:\n", 3, 7,
	    "'title' must be text, not nothing" },
	{ "kaohe-rubric: 1\nid: x\ntitle: \"a\\0b\"\n", 3, 8,
	    "may not contain a NUL" },
	{ "kaohe-rubric: 1\n[a]: 1\n", 2, 1,
	    "a field name must be a word" },
	{ "%TAG !e! tag:example.com,2000:\n---\nid: x\n", 1, 1,
	    "tag directives" },
	{ "kaohe-rubric: 1\nchildren:\n  - {key: x, title: t, min: 0,"
	    " max: 1, inferred: [title, colour]}\n", 3, 58,
	    "unknown field 'colour' in 'inferred'" },
	{ "kaohe-rubric: 1\nchildren:\n  - {key: x, title: t, min: 0,"
	    " max: 1, tiers: [{label: a, min: 0}]}\n", 3, 48,
	    "item x (t): tier 1 has no 'max'" },
	{ "kaohe-rubric: 1\nchildren:\n  - {key: x, title: t, min: 0,"
	    " max: 1, tiers: [{label: a, min: 0, max: 1, note: n}]}\n",
	    3, 75, "unknown field 'note' (expected one of: label, min,"
	    " max)" },
	{ "kaohe-rubric: 1\nchildren:\n  - {key: x, title: t, min: 01,"
	    " max: 1}\n", 3, 29, "'min' must be a whole number" },
	{ "kaohe-rubric: 1\nchildren:\n  - key: s\n    title: t\n"
	    "    max: 1\n    tiers: []\n    children:\n"
	    "      - {key: i, title: t, min: 0, max: 1}\n", 6, 5,
	    "a section may not have 'tiers'" },
	{ "kaohe-rubric: 1\nchildren: [1]\n", 2, 12,
	    "'children' must be a list of nodes" },
	{ "kaohe-rubric: 1\nchildren:\n  - {key: x, title: t, min: 0,"
	    " max: 1, inferred: [max, max]}\n", 3, 56,
	    "'max' is listed twice in 'inferred'" },
	{ "kaohe-rubric: 1\nversion: 2\n", 2, 1, "unknown field 'version'"
	    " (expected one of: kaohe-rubric, id, title, source, total,"
	    " inferred, inferred-from, tolerance, children)" },
	{ "kaohe-rubric: 1\nchildren:\n  - {key: x, title: t, min: 0,"
	    " max: 1, inferred-from: seed}\n", 3, 40,
	    "item x (t): 'inferred-from' explains 'inferred', which this"
	    " node does not have" },
	{ "kaohe-rubric: 1\nchildren:\n  - {key: x, title: t, min: 0,"
	    " max: 1, inferred: [max], inferred-from: \"\"}\n", 3, 72,
	    "'inferred-from' is empty" },
	{ "kaohe-rubric: 1\ninferred: [max]\n", 2, 12,
	    "unknown field 'max' in 'inferred' (expected total)" },
	{ "kaohe-rubric: 1\nid: a\ntitle: t\ntotal: 1\ninferred-from: x\n"
	    "children: [{key: x, title: t, min: 0, max: 1}]\n", 5, 1,
	    "'inferred-from' explains 'inferred', which the top of the"
	    " rubric does not have" },
};

static void
test_rule(void **state)
{
	size_t i = (size_t)((const char *)*state - (const char *)cases) /
	    sizeof cases[0];
	char *cause;

	cause = parse_fails(cases[i].text, strlen(cases[i].text), "m");
	expect_error(cause, "m", cases[i].line, cases[i].col, cases[i].what);
	free(cause);
}

#define NBAD	(sizeof bad / sizeof bad[0])
#define NCASES	(sizeof cases / sizeof cases[0])

int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_small_tree),
		cmocka_unit_test(test_small_find),
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_bom_before_first_key),
		cmocka_unit_test(test_show_json),
		cmocka_unit_test(test_show_text),
		cmocka_unit_test(test_110),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_item_cap),
		cmocka_unit_test(test_utf8_position),
	};
	size_t nfixed = sizeof fixed / sizeof fixed[0], n = 0, i;
	struct CMUnitTest *tests;
	char **names;
	int rc;

	setlocale(LC_ALL, "");	/* wcwidth, for the outline's widths */
	/* A test per refusal, named for it, so one failure hides no other. */
	tests = xcalloc(nfixed + NBAD + NCASES, sizeof *tests);
	names = xcalloc(NBAD + NCASES, sizeof *names);
	for (i = 0; i < nfixed; i++)
		tests[n++] = fixed[i];
	for (i = 0; i < NBAD; i++) {
		names[i] = xasprintf("refuse_%s", bad[i].file);
		tests[n] = (struct CMUnitTest){ names[i], test_bad_file, NULL,
		    NULL, (void *)&bad[i] };
		n++;
	}
	for (i = 0; i < NCASES; i++) {
		names[NBAD + i] = xasprintf("refuse_inline_%zu", i + 1);
		tests[n] = (struct CMUnitTest){ names[NBAD + i], test_rule,
		    NULL, NULL, (void *)&cases[i] };
		n++;
	}
	rc = _cmocka_run_group_tests("rubric", tests, n, NULL, NULL);
	for (i = 0; i < NBAD + NCASES; i++)
		free(names[i]);
	free(names);
	free(tests);
	return rc;
}
