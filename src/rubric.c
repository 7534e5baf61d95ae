/*
 * The rubric: parse, then link the finished tree (parents, depths, the
 * items in document order). The caps come first, so hostile input is
 * refused before anything is built; the event reader in rubric-parse.c
 * does the rest.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rubric.h"
#include "rubric-int.h"
#include "xalloc.h"

void
rubric_node_clear(struct rubric_node *n)
{
	size_t i;

	for (i = 0; i < n->nchildren; i++)
		rubric_node_clear(&n->children[i]);
	free(n->children);
	for (i = 0; i < n->ntiers; i++)
		free(n->tiers[i].label);
	free(n->tiers);
	free(n->key);
	free(n->number);
	free(n->title);
	free(n->guidance);
	free(n->inferred_from);
	memset(n, 0, sizeof *n);
}

void
rubric_free(struct rubric *r)
{
	if (r == NULL || --r->refs > 0)
		return;
	rubric_node_clear(&r->root);
	free(r->id);
	free(r->title);
	free(r->source);
	free(r->items);
	free(r->by_key);
	free(r);
}

struct rubric *
rubric_ref(struct rubric *r)
{
	r->refs++;
	return r;
}

/* Fill parent, depth, item_first and item_count; collect the items. */
static void
link_node(struct rubric *r, struct rubric_node *n,
    const struct rubric_node *parent, int depth)
{
	size_t i;

	n->parent = parent;
	n->depth = depth;
	n->item_first = r->nitems;
	if (n->nchildren == 0)
		r->items[r->nitems++] = n;
	for (i = 0; i < n->nchildren; i++)
		link_node(r, &n->children[i], n, depth + 1);
	n->item_count = r->nitems - n->item_first;
}

static size_t
count_nodes(const struct rubric_node *n)
{
	size_t i, count = 1;

	for (i = 0; i < n->nchildren; i++)
		count += count_nodes(&n->children[i]);
	return count;
}

static void
collect_nodes(struct rubric *r, const struct rubric_node *n)
{
	size_t i;

	for (i = 0; i < n->nchildren; i++) {
		r->by_key[r->nnodes++] = &n->children[i];
		collect_nodes(r, &n->children[i]);
	}
}

static int
by_key_cmp(const void *a, const void *b)
{
	const struct rubric_node *const *x = a, *const *y = b;

	return strcmp((*x)->key, (*y)->key);
}

/*
 * A sorted index of the keys: import and compare look up every node of
 * a 20,000-item rubric, and a walk of the tree for each was quadratic.
 */
static void
index_keys(struct rubric *r)
{
	r->by_key = xcalloc(count_nodes(&r->root), sizeof *r->by_key);
	r->nnodes = 0;
	collect_nodes(r, &r->root);
	qsort(r->by_key, r->nnodes, sizeof *r->by_key, by_key_cmp);
}

static size_t
count_items(const struct rubric_node *n)
{
	size_t i, count = 0;

	if (n->nchildren == 0)
		return 1;
	for (i = 0; i < n->nchildren; i++)
		count += count_items(&n->children[i]);
	return count;
}

static void
link_tree(struct rubric *r)
{
	struct rubric_node *root = &r->root;

	root->key = xstrdup("");
	root->number = xstrdup("");
	root->title = xstrdup(r->title);
	root->guidance = xstrdup("");
	if (root->inferred_from == NULL)
		root->inferred_from = xstrdup("");
	root->max = r->total;
	if (r->source == NULL)
		r->source = xstrdup("");
	r->items = xcalloc(count_items(root), sizeof *r->items);
	r->nitems = 0;
	link_node(r, root, NULL, 0);
	index_keys(r);
}

/* The caps that need no parsing: size, then encoding. */
static int
check_bytes(const char *text, size_t len, const struct rubric_err *err)
{
	size_t bad;

	if (len > RUBRIC_MAX_BYTES)
		return rubric_errorf(err, rubric_pos_of(text, RUBRIC_MAX_BYTES),
		    "the file is too large (a rubric may have at most %u"
		    " bytes)", RUBRIC_MAX_BYTES);
	if (!rubric_utf8_check(text, len, &bad))
		return rubric_errorf(err, rubric_pos_of(text, bad),
		    "invalid UTF-8 (byte 0x%02x)", (unsigned char)text[bad]);
	return 0;
}

int
rubric_parse(const char *text, size_t len, const char *name,
    struct rubric **out, char **cause)
{
	struct rubric_err err = { name, cause };
	struct rubric *r;

	*out = NULL;
	*cause = NULL;
	if (check_bytes(text, len, &err) != 0)
		return -1;
	r = xcalloc(1, sizeof *r);
	r->refs = 1;
	r->tolerance = -1;
	r->root.tolerance = -1;
	if (rubric_parse_events(text, len, &err, r) != 0) {
		rubric_free(r);
		return -1;
	}
	link_tree(r);
	*out = r;
	return 0;
}

bool
rubric_node_is_item(const struct rubric_node *n)
{
	return n->nchildren == 0;
}

static int
key_cmp(const void *key, const void *node)
{
	const struct rubric_node *const *n = node;

	return strcmp(key, (*n)->key);
}

const struct rubric_node *
rubric_find(const struct rubric *r, const char *key)
{
	const struct rubric_node *const *found;

	/* The root's key is "": it is the rubric, not a node anyone names. */
	if (key == NULL || *key == '\0' || r->by_key == NULL)
		return NULL;
	found = bsearch(key, r->by_key, r->nnodes, sizeof *r->by_key,
	    key_cmp);
	return found != NULL ? *found : NULL;
}

long
rubric_item_index(const struct rubric *r, const char *key)
{
	const struct rubric_node *n = rubric_find(r, key);

	/* An item's first item is itself. */
	if (n == NULL || n->nchildren > 0)
		return -1;
	return (long)n->item_first;
}

size_t
rubric_inferred_names(const struct rubric_node *n,
    const char *names[RUBRIC_INFERRED_MAXN])
{
	static const struct {
		unsigned	 bit;
		const char	*name;
	} order[RUBRIC_INFERRED_MAXN] = {
		{ RUBRIC_INFERRED_NUMBER, "number" },
		{ RUBRIC_INFERRED_TITLE, "title" },
		{ RUBRIC_INFERRED_MIN, "min" },
		{ RUBRIC_INFERRED_MAX, "max" },
		{ RUBRIC_INFERRED_GUIDANCE, "guidance" },
		{ RUBRIC_INFERRED_TIERS, "tiers" },
	};
	size_t i, k = 0;

	for (i = 0; i < RUBRIC_INFERRED_MAXN; i++) {
		if (n->inferred & order[i].bit)
			names[k++] = order[i].name;
	}
	return k;
}
