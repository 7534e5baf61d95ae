/*
 * libFuzzer target for the rubric loader: any bytes must give either a
 * rubric whose invariants hold, or exactly one line of error; never a
 * crash, a leak or a hang. Showing the rubric is fuzzed along with it.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rubric.h"
#include "rubric-show.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_node(const struct rubric_node *n, const struct rubric *r)
{
	long long sum = 0;
	size_t i;

	if (n->depth > RUBRIC_MAX_DEPTH)
		abort();
	if (n->nchildren == 0) {
		if (n->min > n->max || r->items[n->item_first] != n)
			abort();
		for (i = 0; i < n->ntiers; i++)
			if (n->tiers[i].min < n->min || n->tiers[i].max > n->max)
				abort();
		return;
	}
	for (i = 0; i < n->nchildren; i++) {
		if (n->children[i].parent != n)
			abort();
		sum += n->children[i].max;
		check_node(&n->children[i], r);
	}
	if (sum != n->max)
		abort();
}

static void
show(const struct rubric *r)
{
	FILE *null = fopen("/dev/null", "w");
	char *cause = NULL;

	if (null == NULL)
		return;
	if (rubric_show_text(null, r, 80, &cause) != 0)
		free(cause);
	cause = NULL;
	if (rubric_show_json(null, r, &cause) != 0)
		free(cause);
	fclose(null);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rubric *r;
	char *cause = NULL;
	size_t i;

	if (rubric_parse((const char *)data, size, "fuzz", &r, &cause) != 0) {
		if (cause == NULL || strchr(cause, '\n') != NULL ||
		    strncmp(cause, "fuzz:", 5) != 0)
			abort();
		free(cause);
		return 0;
	}
	if (cause != NULL || r->nitems == 0 || r->nitems > RUBRIC_MAX_ITEMS ||
	    r->total != r->root.max)
		abort();
	check_node(&r->root, r);
	for (i = 0; i < r->nitems; i++)
		if (rubric_item_index(r, r->items[i]->key) != (long)i ||
		    rubric_find(r, r->items[i]->key) != r->items[i])
			abort();
	show(r);
	rubric_free(r);
	return 0;
}
