/*
 * The rubric: an immutable tree of sections and items parsed from YAML.
 * This module knows nothing of files, SQL or curses: it parses a buffer.
 * See man/kaohe-rubric.5 for the format.
 */
#ifndef KAOHE_RUBRIC_H
#define KAOHE_RUBRIC_H

#include <stdbool.h>
#include <stddef.h>

/* The refusal caps: hostile input must fail fast, never hang. */
/* The rubric `new` and the form take when none is named. */
#define RUBRIC_DEFAULT		"110"
#define RUBRIC_MAX_BYTES	(4u * 1024u * 1024u)
#define RUBRIC_MAX_DEPTH	16	/* nesting of sections below the top */
#define RUBRIC_MAX_ITEMS	20000

/* Which printed facts were inferred rather than read off the source form. */
enum rubric_inferred {
	RUBRIC_INFERRED_TITLE = 1 << 0,
	RUBRIC_INFERRED_MAX = 1 << 1,
	RUBRIC_INFERRED_MIN = 1 << 2,
	RUBRIC_INFERRED_GUIDANCE = 1 << 3,
	RUBRIC_INFERRED_TIERS = 1 << 4,
	RUBRIC_INFERRED_NUMBER = 1 << 5,
};

/* A ■/□ option: a checked tier narrows the item's range to [min, max]. */
struct rubric_tier {
	char	*label;
	int	 min;
	int	 max;
};

/*
 * A node is a section when nchildren > 0 and an item (a scored leaf)
 * otherwise. Items carry min and tiers; a section's max is the sum of its
 * children's maxima, which the loader checks.
 */
struct rubric_node {
	char			*key;		/* "1.1.3", unique in the rubric */
	char			*number;	/* the printed ordinal: "一、", "(一)", "1.", "(1)"; "" when none */
	char			*title;		/* without the ordinal */
	char			*guidance;	/* "" when absent */
	int			 min;		/* items only */
	int			 max;
	unsigned		 inferred;	/* enum rubric_inferred bits */
	char			*inferred_from;	/* where they came from; "" when not said */
	/* A team card's tolerance for the items below, in percent of an
	 * item's range; -1 when this node does not set one. */
	int			 tolerance;
	struct rubric_tier	*tiers;
	size_t			 ntiers;
	struct rubric_node	*children;
	size_t			 nchildren;
	const struct rubric_node *parent;	/* NULL for the root */
	int			 depth;		/* root 0, dimensions 1 */
	/* Leaves below this node are items[item_first .. item_first+item_count). */
	size_t			 item_first;
	size_t			 item_count;
	size_t			 line;		/* 1-based, where the node began */
};

struct rubric {
	int			 format;	/* the kaohe-rubric: version, 1 */
	char			*id;		/* "110" */
	char			*title;
	char			*source;	/* optional provenance, "" when absent */
	/* root.inferred has RUBRIC_INFERRED_MAX when `total` was inferred,
	 * and root.inferred_from says how. */
	int			 total;		/* == root.max */
	int			 tolerance;	/* percent; -1 when not set */
	struct rubric_node	 root;		/* key "", title = rubric title */
	const struct rubric_node **items;	/* leaves in document order */
	size_t			 nitems;
	/* Every node but the root, sorted by key: rubric_find's index. */
	const struct rubric_node **by_key;
	size_t			 nnodes;
	/* Its holders: a rubric never changes once parsed, so the cards of
	 * one snapshot can share it (store-load.c); rubric_free drops one. */
	int			 refs;
};

/*
 * Parse and validate len bytes of YAML. name is used in messages
 * ("rubrics/110.yaml:12:5: ..."). On failure returns -1 and sets *cause to
 * a one-line message "NAME:LINE:COL: problem"; caller frees.
 */
int	rubric_parse(const char *text, size_t len, const char *name,
	    struct rubric **out, char **cause);
void	rubric_free(struct rubric *);
/* One more holder of r; returns r. */
struct rubric *rubric_ref(struct rubric *r);

bool	rubric_node_is_item(const struct rubric_node *);
/* Any node by key (sections too); NULL when absent. */
const struct rubric_node *rubric_find(const struct rubric *, const char *key);
/* "一、基礎服務", "(一) 服務一致及正確", "1. 申辦…": number and title as printed. Caller frees. */
char	*rubric_node_label(const struct rubric_node *);
/*
 * The names of the inferred fields of n, in a fixed order ("number",
 * "title", "min", "max", "guidance", "tiers"): as the YAML and the JSON
 * name them. Returns how many; names[] needs room for RUBRIC_INFERRED_MAXN.
 */
#define RUBRIC_INFERRED_MAXN	6
size_t	rubric_inferred_names(const struct rubric_node *n,
	    const char *names[RUBRIC_INFERRED_MAXN]);
/* Index of an item in items[], or -1 when key is not an item. */
long	rubric_item_index(const struct rubric *, const char *key);

#endif
