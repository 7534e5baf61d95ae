#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "i18n.h"
#include "xalloc.h"

struct builder {
	struct compare	*c;
	size_t		 cap;
};

/*
 * n's counterpart in the other rubric: the node with the same key and of
 * the same kind. Next year's rubric may reuse a key for an item where
 * this one had a section; pairing those would compare unlike things.
 */
static const struct rubric_node *
counterpart(const struct rubric *other, const struct rubric_node *n)
{
	const struct rubric_node *m = rubric_find(other, n->key);

	if (m == NULL || rubric_node_is_item(m) != rubric_node_is_item(n))
		return NULL;
	return m;
}

static struct compare_side
side_of(const struct scorecard *sc, const struct rubric_node *n)
{
	struct compare_side s = { false, false, false, 0, 0 };
	struct scorecard_sum sum;

	if (n == NULL)
		return s;
	sum = scorecard_sum(sc, n);
	s.present = true;
	s.scored = sum.scored > 0;
	s.complete = sum.scored == sum.items;
	s.score = sum.score;
	s.max = sum.max;
	return s;
}

static void
add_row(struct builder *bl, const struct rubric_node *na,
    const struct rubric_node *nb)
{
	struct compare *c = bl->c;
	const struct rubric_node *n = na != NULL ? na : nb;
	struct compare_row *r;

	if (c->nrows == bl->cap) {
		bl->cap = bl->cap == 0 ? 64 : bl->cap * 2;
		c->rows = xreallocarray(c->rows, bl->cap, sizeof *c->rows);
	}
	r = &c->rows[c->nrows++];
	r->key = n->key;
	r->number = n->number;
	r->title = n->title;
	r->depth = n->depth;
	r->section = n->nchildren > 0;
	r->a = side_of(c->a, na);
	r->b = side_of(c->b, nb);
}

/* Every node below nb (nb included) that a lacks, in b's order. */
static void
walk_only_b(struct builder *bl, const struct rubric_node *nb)
{
	size_t i;

	add_row(bl, NULL, nb);
	for (i = 0; i < nb->nchildren; i++)
		walk_only_b(bl, &nb->children[i]);
}

static void
walk(struct builder *bl, const struct rubric_node *na)
{
	const struct rubric *ra = bl->c->a->rubric, *rb = bl->c->b->rubric;
	const struct rubric_node *nb = counterpart(rb, na);
	size_t i;

	add_row(bl, na, nb);
	for (i = 0; i < na->nchildren; i++)
		walk(bl, &na->children[i]);
	if (nb == NULL)
		return;
	for (i = 0; i < nb->nchildren; i++)
		if (counterpart(ra, &nb->children[i]) == NULL)
			walk_only_b(bl, &nb->children[i]);
}

/* The items of one rubric whose keys the other rubric lacks. */
static const char **
unmatched(const struct rubric *mine, const struct rubric *other, size_t *n)
{
	const char **keys = NULL;
	size_t i;

	*n = 0;
	for (i = 0; i < mine->nitems; i++) {
		if (counterpart(other, mine->items[i]) != NULL)
			continue;
		keys = xreallocarray(keys, *n + 1, sizeof *keys);
		keys[(*n)++] = mine->items[i]->key;
	}
	return keys;
}

struct compare *
compare_new(const struct scorecard *a, const struct scorecard *b)
{
	struct compare *c = xcalloc(1, sizeof *c);
	struct builder bl = { c, 0 };
	const struct rubric_node *ra = &a->rubric->root;
	const struct rubric_node *rb = &b->rubric->root;
	size_t i;

	c->a = a;
	c->b = b;
	c->total_a = side_of(a, ra);
	c->total_b = side_of(b, rb);
	for (i = 0; i < ra->nchildren; i++)
		walk(&bl, &ra->children[i]);
	/* Top-level nodes only b has. */
	for (i = 0; i < rb->nchildren; i++)
		if (counterpart(a->rubric, &rb->children[i]) == NULL)
			walk_only_b(&bl, &rb->children[i]);
	c->only_a = unmatched(a->rubric, b->rubric, &c->nonly_a);
	c->only_b = unmatched(b->rubric, a->rubric, &c->nonly_b);
	return c;
}

void
compare_free(struct compare *c)
{
	if (c == NULL)
		return;
	free(c->rows);
	free(c->only_a);
	free(c->only_b);
	free(c);
}

bool
compare_has_diff(const struct compare_row *r)
{
	return r->a.scored && r->b.scored;
}

int
compare_diff(const struct compare_row *r)
{
	return r->b.score - r->a.score;
}

void
compare_side_text(const struct compare_side *s, char *buf, size_t size)
{
	if (!s->present)
		snprintf(buf, size, "%s", _("n/a"));
	else if (!s->scored)
		snprintf(buf, size, "-/%d", s->max);
	else
		snprintf(buf, size, "%d/%d%s", s->score, s->max,
		    s->complete ? "" : "*");
}
