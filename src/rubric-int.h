/*
 * Inside the rubric loader: what rubric.c, rubric-parse.c, rubric-check.c,
 * rubric-keys.c and rubric-utf8.c share. Not a public interface.
 */
#ifndef KAOHE_RUBRIC_INT_H
#define KAOHE_RUBRIC_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "rubric.h"

/* A position in the file, 1-based, as printed in messages. */
struct rubric_pos {
	size_t	line;
	size_t	col;
};

/* The fields a node or the top may carry; bit i is field i. */
enum rubric_field {
	RF_KEY, RF_NUMBER, RF_TITLE, RF_MIN, RF_MAX, RF_GUIDANCE,
	RF_INFERRED, RF_INFERRED_FROM, RF_TIERS, RF_CHILDREN,
	RF_VERSION, RF_ID, RF_SOURCE, RF_TOTAL, RF_LABEL, RF_TOLERANCE,
	RF_COUNT
};

/*
 * Where each field of one mapping was seen: the field's name and its value.
 * The checks that need the whole mapping (sums, ranges, required fields)
 * run when it ends, and point back at these.
 */
struct rubric_marks {
	struct rubric_pos	 start;		/* the mapping itself */
	unsigned		 seen;		/* 1 << enum rubric_field */
	struct rubric_pos	 name[RF_COUNT];
	struct rubric_pos	 value[RF_COUNT];
	struct rubric_pos	*tier;		/* each tier's start */
};

/* Messages: "NAME:LINE:COL: ..." into *cause, once. */
struct rubric_err {
	const char	*name;
	char		**cause;
};

int	rubric_errorf(const struct rubric_err *, struct rubric_pos,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Up to about 40 bytes of s on one line, for a message. Caller frees. */
char	*rubric_excerpt(const char *s, size_t len);

/* rubric-utf8.c: the first invalid byte, and positions of byte offsets. */
bool	rubric_utf8_check(const char *text, size_t len, size_t *bad);
struct rubric_pos rubric_pos_of(const char *text, size_t offset);

/* rubric-parse.c: the event stream into a tree, types and fields checked. */
int	rubric_parse_events(const char *text, size_t len,
	    const struct rubric_err *, struct rubric *);

/* rubric-check.c: the rules that need a whole mapping. */
int	rubric_check_node(const struct rubric_err *, struct rubric_node *,
	    const struct rubric_marks *);
/* The tier just read: n->tiers[index - 1]. */
int	rubric_check_tier(const struct rubric_err *, const struct rubric_node *n,
	    size_t index, const struct rubric_marks *);
int	rubric_check_top(const struct rubric_err *, const struct rubric *,
	    const struct rubric_marks *);

/* rubric-keys.c: node keys seen so far, to refuse duplicates. */
struct rubric_keys;
struct rubric_keys *rubric_keys_new(void);
/* false when key was already there; then *first is its first position. */
bool	rubric_keys_add(struct rubric_keys *, const char *key,
	    struct rubric_pos at, struct rubric_pos *first);
void	rubric_keys_free(struct rubric_keys *);

/* rubric.c: frees what a node owns (not the node itself). */
void	rubric_node_clear(struct rubric_node *);

#endif
