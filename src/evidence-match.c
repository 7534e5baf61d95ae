/*
 * Matching a report's sections to rubric nodes by the heading path. The
 * top headings are paired with the rubric's top numbered nodes; below a
 * pair, the sub-headings with the node's children, and so on down. A
 * pair needs the same ordinal and a similar title, or a very similar
 * title (a report that renumbers). A rubric node without a number (a
 * dimension such as 個別評核構面) is seen through: its children compete
 * at its level. A section that pairs with nothing is looked through in
 * turn (an extra 壹、 level), and stays unmatched.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "evidence-int.h"
#include "xalloc.h"

/* Titles are compared on their first characters: a list item's heading is a paragraph. */
#define TITLE_CHARS	40
/* Accept a pair of equal ordinals from this similarity on, else from SIM_ALONE. */
#define SIM_WITH_ORDINAL	0.3
#define SIM_ALONE		0.5

/* ，。：；and ASCII/full-width punctuation end the part of a title compared. */
static bool
ends_title(uint32_t cp)
{
	return cp == 0xff0c || cp == 0x3002 || cp == 0xff1a || cp == 0xff1b ||
	    cp == ',' || cp == ':' || cp == ';';
}

/* Letters, digits and ideographs, full-width folded, lower case. */
static uint32_t
fold(uint32_t cp)
{
	if (cp >= 0xff10 && cp <= 0xff19)
		return cp - 0xff10 + '0';
	if (cp >= 0xff21 && cp <= 0xff3a)
		return cp - 0xff21 + 'a';
	if (cp >= 0xff41 && cp <= 0xff5a)
		return cp - 0xff41 + 'a';
	if (cp >= 'A' && cp <= 'Z')
		return cp - 'A' + 'a';
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
		return cp;
	if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x3134f))
		return cp;
	return 0;
}

/*
 * The characters compared. 服務 is dropped: every title of a 為民服務
 * rubric has it, so it says nothing about which node a heading is.
 */
static size_t
comparable(const char *s, uint32_t *out)
{
	size_t len = strlen(s), i = 0, n = 0, k, j, w;
	uint32_t cp, f;

	while (i < len && n < TITLE_CHARS) {
		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			i++;
			continue;
		}
		i += k;
		if (ends_title(cp) && n > 0)
			break;
		if ((f = fold(cp)) != 0)
			out[n++] = f;
	}
	for (j = w = 0; j < n; j++) {
		if (j + 1 < n && out[j] == 0x670d && out[j + 1] == 0x52d9) {
			j++;
			continue;
		}
		out[w++] = out[j];
	}
	return w;
}

static bool
contains(const uint32_t *hay, size_t nh, const uint32_t *needle, size_t nn)
{
	size_t i;

	for (i = 0; i + nn <= nh; i++)
		if (memcmp(hay + i, needle, nn * sizeof *needle) == 0)
			return true;
	return false;
}

/* Dice's coefficient over character bigrams, each counted once. */
static double
dice(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	bool used[TITLE_CHARS] = { false };
	size_t i, j, common = 0;

	for (i = 0; i + 1 < na; i++)
		for (j = 0; j + 1 < nb; j++)
			if (!used[j] && a[i] == b[j] && a[i + 1] == b[j + 1]) {
				used[j] = true;
				common++;
				break;
			}
	return 2.0 * (double)common / (double)(na - 1 + nb - 1);
}

double
evidence_title_similarity(const char *a, const char *b)
{
	uint32_t ca[TITLE_CHARS], cb[TITLE_CHARS];
	size_t na = comparable(a, ca), nb = comparable(b, cb);

	if (na == 0 || nb == 0)
		return 0;
	if (na == nb && memcmp(ca, cb, na * sizeof *ca) == 0)
		return 1;
	/* One title inside the other: 客製化服務 in 不同義務人類型的客製化方案. */
	if ((na >= 3 && contains(cb, nb, ca, na)) ||
	    (nb >= 3 && contains(ca, na, cb, nb)))
		return 1;
	if (na < 2 || nb < 2)
		return 0;
	return dice(ca, na, cb, nb);
}

/* 1. and 1、 are one family of ordinals: the rubric prints one, a report the other. */
static int
family(enum evidence_style s)
{
	return s == EVIDENCE_NUM_COMMA ? EVIDENCE_NUM_DOT : (int)s;
}

struct candidate {
	const struct rubric_node	*node;
	enum evidence_style		 style;
	int				 ordinal;
};

struct pair {
	size_t	 section;
	size_t	 candidate;
	double	 score;
};

struct matcher {
	const struct evidence_section	*sections;
	size_t				 nsections;
	size_t				*children;	/* per section, CSR below */
	size_t				*first;		/* nsections + 2 offsets */
	bool				*taken;		/* per section */
	const struct rubric_node	**node_of;	/* per section, NULL unmatched */
	struct evidence_match		*out;
	size_t				 nout, capout;
};

/* The nodes that compete below node: numbered children, unnumbered ones seen through. */
static void
gather(const struct rubric_node *node, struct candidate **c, size_t *n,
    size_t *cap)
{
	size_t i;

	for (i = 0; i < node->nchildren; i++) {
		const struct rubric_node *ch = &node->children[i];
		enum evidence_style style = EVIDENCE_NONE;
		int ordinal = 0;

		if (*ch->number != '\0')
			evidence_ordinal(ch->number, strlen(ch->number), &style,
			    &ordinal);
		if (*n == *cap) {
			*cap = *cap == 0 ? 16 : *cap * 2;
			*c = xreallocarray(*c, *cap, sizeof **c);
		}
		(*c)[(*n)++] = (struct candidate){ ch, style, ordinal };
		if (*ch->number == '\0')
			gather(ch, c, n, cap);
	}
}

static double
pair_score(const struct evidence_section *s, const struct candidate *c)
{
	bool same = c->style != EVIDENCE_NONE &&
	    family(c->style) == family(s->style) && c->ordinal == s->ordinal;
	double sim;

	if (*c->node->title == '\0')
		return same ? SIM_ALONE : 0;
	sim = evidence_title_similarity(s->title, c->node->title);
	if (same && sim >= SIM_WITH_ORDINAL)
		return sim + 0.25;
	return sim >= SIM_ALONE ? sim : 0;
}

static int
by_score(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->section != y->section)
		return x->section < y->section ? -1 : 1;
	return x->candidate < y->candidate ? -1 : x->candidate > y->candidate;
}

static void
record(struct matcher *m, const struct rubric_node *node, size_t section)
{
	if (m->nout == m->capout) {
		m->capout = m->capout == 0 ? 32 : m->capout * 2;
		m->out = xreallocarray(m->out, m->capout, sizeof *m->out);
	}
	m->out[m->nout++] = (struct evidence_match){ node, section, 0 };
	m->node_of[section] = node;
}

/* A node matched at another level (through an unpaired section) stays with its first. */
static bool
node_taken(const struct matcher *m, const struct rubric_node *node)
{
	size_t i;

	for (i = 0; i < m->nout; i++)
		if (m->out[i].node == node)
			return true;
	return false;
}

static void	match_level(struct matcher *, const size_t *secs, size_t nsecs,
		    const struct rubric_node *parent);

/* Greedy: the best-scoring pairs first, each section and node once. */
static void
match_level(struct matcher *m, const size_t *secs, size_t nsecs,
    const struct rubric_node *parent)
{
	struct candidate *c = NULL;
	struct pair *p;
	size_t nc = 0, cap = 0, np = 0, i, j;
	bool *used;

	gather(parent, &c, &nc, &cap);
	if (nc == 0 || nsecs == 0) {
		free(c);
		return;
	}
	p = xreallocarray(NULL, nsecs * nc, sizeof *p);
	for (i = 0; i < nsecs; i++)
		for (j = 0; j < nc; j++) {
			double sc = pair_score(&m->sections[secs[i]], &c[j]);

			if (sc > 0)
				p[np++] = (struct pair){ i, j, sc };
		}
	qsort(p, np, sizeof *p, by_score);
	used = xcalloc(nc, sizeof *used);
	for (i = 0; i < np; i++) {
		size_t s = secs[p[i].section];

		if (m->taken[s] || used[p[i].candidate] ||
		    node_taken(m, c[p[i].candidate].node))
			continue;
		m->taken[s] = true;
		used[p[i].candidate] = true;
		record(m, c[p[i].candidate].node, s);
	}
	/* Below each pair its sub-headings; through an unpaired section its own. */
	for (i = 0; i < nsecs; i++) {
		size_t s = secs[i];
		const struct rubric_node *node = m->node_of[s] != NULL ?
		    m->node_of[s] : parent;

		match_level(m, m->children + m->first[s + 1],
		    m->first[s + 2] - m->first[s + 1], node);
	}
	free(used);
	free(p);
	free(c);
}

/*
 * Children lists in one array: those of section s are
 * children[first[s + 1] .. first[s + 2]), the top ones at first[0 .. 1).
 */
static void
index_children(struct matcher *m)
{
	size_t n = m->nsections, i, *fill;

	m->first = xcalloc(n + 2, sizeof *m->first);
	m->children = xreallocarray(NULL, n + 1, sizeof *m->children);
	for (i = 0; i < n; i++)
		m->first[(size_t)(m->sections[i].parent + 1) + 1]++;
	for (i = 1; i < n + 2; i++)
		m->first[i] += m->first[i - 1];
	fill = xcalloc(n + 1, sizeof *fill);
	for (i = 0; i < n; i++) {
		size_t g = (size_t)(m->sections[i].parent + 1);

		m->children[m->first[g] + fill[g]++] = i;
	}
	free(fill);
}

/* Does any node of the subtree have exactly this title (as compared)? */
static const struct rubric_node *
same_title(const struct matcher *m, const struct rubric_node *node,
    const uint32_t *t, size_t nt)
{
	uint32_t c[TITLE_CHARS];
	const struct rubric_node *hit;
	size_t i, n;

	n = comparable(node->title, c);
	if (node->parent != NULL && n == nt &&
	    memcmp(c, t, n * sizeof *c) == 0 && !node_taken(m, node))
		return node;
	for (i = 0; i < node->nchildren; i++)
		if ((hit = same_title(m, &node->children[i], t, nt)) != NULL)
			return hit;
	return NULL;
}

/*
 * A report of another framework rarely shares the path, but some of its
 * headings name a node exactly (服務設施合宜程度): those are matched too.
 */
static void
match_exact_titles(struct matcher *m, const struct rubric *r)
{
	uint32_t t[TITLE_CHARS];
	const struct rubric_node *node;
	size_t i, n;

	for (i = 0; i < m->nsections; i++) {
		if (m->taken[i])
			continue;
		n = comparable(m->sections[i].title, t);
		if (n >= 3 && (node = same_title(m, &r->root, t, n)) != NULL) {
			m->taken[i] = true;
			record(m, node, i);
		}
	}
}

static int
by_section(const void *a, const void *b)
{
	const struct evidence_match *x = a, *y = b;

	return x->section < y->section ? -1 : x->section > y->section;
}

void
evidence_match(const struct rubric *r, const struct evidence_section *sections,
    size_t nsections, struct evidence_match **out, size_t *nmatches)
{
	struct matcher m;

	memset(&m, 0, sizeof m);
	m.sections = sections;
	m.nsections = nsections;
	m.taken = xcalloc(nsections + 1, sizeof *m.taken);
	m.node_of = xcalloc(nsections + 1, sizeof *m.node_of);
	index_children(&m);
	match_level(&m, m.children + m.first[0], m.first[1] - m.first[0],
	    &r->root);
	match_exact_titles(&m, r);
	if (m.nout > 1)	/* qsort's base may not be NULL, even for 0 */
		qsort(m.out, m.nout, sizeof *m.out, by_section);
	free(m.taken);
	free(m.node_of);
	free(m.first);
	free(m.children);
	*out = m.out;
	*nmatches = m.nout;
}

long
evidence_find(const struct evidence_match *m, size_t n,
    const struct rubric_node *node, int *own)
{
	const struct rubric_node *at;
	size_t i;

	for (at = node; at != NULL; at = at->parent)
		for (i = 0; i < n; i++)
			if (m[i].node == at) {
				*own = at == node;
				return (long)i;
			}
	return -1;
}
