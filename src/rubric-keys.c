/*
 * The node keys seen so far. A key names an item in scorecards and on the
 * command line (`kaohe set ID 1.1.3 28`), so two nodes may never share one.
 * A hash set keeps the check linear even at RUBRIC_MAX_ITEMS.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rubric-int.h"
#include "xalloc.h"

struct rubric_key_slot {
	char			*key;	/* NULL when free */
	struct rubric_pos	 at;
};

struct rubric_keys {
	struct rubric_key_slot	*slot;
	size_t			 size;	/* a power of two */
	size_t			 used;
};

static uint64_t
key_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;	/* FNV-1a */

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

struct rubric_keys *
rubric_keys_new(void)
{
	struct rubric_keys *k = xmalloc(sizeof *k);

	k->size = 64;
	k->used = 0;
	k->slot = xcalloc(k->size, sizeof *k->slot);
	return k;
}

static struct rubric_key_slot *
find_slot(struct rubric_key_slot *slot, size_t size, const char *key)
{
	size_t i = (size_t)key_hash(key) & (size - 1);

	while (slot[i].key != NULL && strcmp(slot[i].key, key) != 0)
		i = (i + 1) & (size - 1);
	return &slot[i];
}

static void
grow(struct rubric_keys *k)
{
	struct rubric_key_slot *old = k->slot, *s;
	size_t oldsize = k->size, i;

	k->size *= 2;
	k->slot = xcalloc(k->size, sizeof *k->slot);
	for (i = 0; i < oldsize; i++) {
		if (old[i].key == NULL)
			continue;
		s = find_slot(k->slot, k->size, old[i].key);
		*s = old[i];
	}
	free(old);
}

bool
rubric_keys_add(struct rubric_keys *k, const char *key, struct rubric_pos at,
    struct rubric_pos *first)
{
	struct rubric_key_slot *s;

	if (2 * (k->used + 1) > k->size)
		grow(k);
	s = find_slot(k->slot, k->size, key);
	if (s->key != NULL) {
		*first = s->at;
		return false;
	}
	s->key = xstrdup(key);
	s->at = at;
	k->used++;
	return true;
}

void
rubric_keys_free(struct rubric_keys *k)
{
	size_t i;

	if (k == NULL)
		return;
	for (i = 0; i < k->size; i++)
		free(k->slot[i].key);
	free(k->slot);
	free(k);
}
