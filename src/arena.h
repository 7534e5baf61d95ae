/*
 * A bump allocator for a tree freed all at once: the JSON reader's values,
 * keys and strings. A card is some 600 small allocations; taking them from
 * a few large chunks, and freeing those, was a quarter of an import.
 */
#ifndef KAOHE_ARENA_H
#define KAOHE_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk	*chunks;	/* newest first */
	char			*next;		/* free space in the newest */
	size_t			 left;
	size_t			 grow;		/* the next chunk's size */
};

/* An empty arena whose first chunk holds about hint bytes. */
void	 arena_init(struct arena *, size_t hint);
/* size bytes, aligned for any object; never NULL (xalloc's rule). */
void	*arena_alloc(struct arena *, size_t size);
/* n elements of size bytes each, the first `have` of them copied from old. */
void	*arena_grow(struct arena *, const void *old, size_t have, size_t n,
	    size_t size);
char	*arena_strndup(struct arena *, const char *s, size_t len);
void	 arena_free(struct arena *);

#endif
