#include "config.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xalloc.h"

#define ARENA_MIN	4096u
#define ARENA_MAX	(16u << 20)	/* chunks stop doubling here */
#define ARENA_ALIGN	alignof(max_align_t)

struct arena_chunk {
	struct arena_chunk	*older;
	alignas(max_align_t) char data[];
};

void
arena_init(struct arena *a, size_t hint)
{
	memset(a, 0, sizeof *a);
	a->grow = hint < ARENA_MIN ? ARENA_MIN : hint > ARENA_MAX ?
	    ARENA_MAX : hint;
}

static void
arena_add_chunk(struct arena *a, size_t need)
{
	size_t size = a->grow > need ? a->grow : need;
	struct arena_chunk *c = xmalloc(xadd(sizeof *c, size));

	c->older = a->chunks;
	a->chunks = c;
	a->next = c->data;
	a->left = size;
	if (a->grow < ARENA_MAX)
		a->grow *= 2;
}

/* size bytes at the next multiple of align (a power of two). */
static void *
arena_take(struct arena *a, size_t size, size_t align)
{
	size_t pad = (size_t)-(uintptr_t)a->next & (align - 1);
	void *p;

	if (a->chunks == NULL || xadd(size, pad) > a->left) {
		arena_add_chunk(a, xadd(size, align));
		pad = (size_t)-(uintptr_t)a->next & (align - 1);
	}
	p = a->next + pad;
	a->next += pad + size;
	a->left -= pad + size;
	return p;
}

void *
arena_alloc(struct arena *a, size_t size)
{
	return arena_take(a, size, ARENA_ALIGN);
}

void *
arena_grow(struct arena *a, const void *old, size_t have, size_t n,
    size_t size)
{
	void *p = arena_alloc(a, xmul(n, size));

	if (have > 0)
		memcpy(p, old, have * size);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_take(a, xadd(len, 1), 1);	/* text needs no alignment */

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_chunk *c, *older;

	for (c = a->chunks; c != NULL; c = older) {
		older = c->older;
		free(c);
	}
	memset(a, 0, sizeof *a);
}
