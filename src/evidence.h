/*
 * Evidence: the agency's own report (成果報告), split by its headings
 * and matched to rubric nodes. This module is pure: it reads a buffer
 * and a rubric tree, and knows nothing of files, SQL or curses.
 *
 * A heading is a line that starts with an ordinal: 壹、 一、 (一) 1. 1、
 * (1) ① in half- and full-width forms (（一） １． （１）). Headings nest
 * by the order their styles first appear, as the reports write them:
 * 一、 › (一) › 1. › (1) › ①. A line that starts with an ordinal in the
 * middle of a paragraph is text, not a heading.
 */
#ifndef KAOHE_EVIDENCE_H
#define KAOHE_EVIDENCE_H

#include <stddef.h>

#include "rubric.h"

/* Refusal caps: a hostile document fails fast and clearly, never hangs. */
#define EVIDENCE_MAX_BYTES	(8u * 1024u * 1024u)
#define EVIDENCE_MAX_SECTIONS	5000
#define EVIDENCE_MAX_DEPTH	8

/* The ordinal styles. Two styles of one family share their ordinals. */
enum evidence_style {
	EVIDENCE_NONE = 0,
	EVIDENCE_HAN_UPPER,	/* 壹、 */
	EVIDENCE_HAN,		/* 一、 */
	EVIDENCE_HAN_PAREN,	/* (一) （一） ㈠ */
	EVIDENCE_NUM_DOT,	/* 1. １． */
	EVIDENCE_NUM_COMMA,	/* 1、 */
	EVIDENCE_NUM_PAREN,	/* (1) （１） ⑴ */
	EVIDENCE_CIRCLED,	/* ① */
};

struct evidence_section {
	size_t			 start;		/* byte offset of the heading line */
	size_t			 body_end;	/* end of its own text: its first subsection, or end */
	size_t			 end;		/* end with its subsections */
	size_t			 line;		/* 1-based line of the heading */
	int			 depth;		/* 1 for a top heading */
	long			 parent;	/* index of the enclosing section, -1 at the top */
	enum evidence_style	 style;
	int			 ordinal;	/* 1 for 一、 (一) 1. ① */
	char			*number;	/* the ordinal as printed: "（一）" */
	char			*title;		/* the rest of the heading line, trimmed */
};

/*
 * Is text a document kaohe can split: at most EVIDENCE_MAX_BYTES, valid
 * UTF-8, no NUL byte? name is used in the message ("FILE:LINE:COL: ...").
 * On refusal returns -1 and sets *cause; caller frees.
 */
int	evidence_check_text(const char *text, size_t len, const char *name,
	    char **cause);

/* A copy of checked text with every line end one '\n' (CRLF, CR and the
 * form feeds pdftotext writes between pages) and no byte order mark. */
char	*evidence_normalize(const char *text, size_t len, size_t *outlen);

/*
 * Split checked text into sections in document order. The text before
 * the first heading belongs to no section. Returns -1 with *cause when
 * the document has more than EVIDENCE_MAX_SECTIONS headings.
 */
int	evidence_split(const char *text, size_t len, const char *name,
	    struct evidence_section **out, size_t *nsections, char **cause);
void	evidence_sections_free(struct evidence_section *, size_t);

/*
 * Read an ordinal at the start of s (after spaces and Markdown markers);
 * returns the bytes it took up to the end of the ordinal, 0 when s does
 * not start with one. Used for headings and for rubric node numbers.
 */
size_t	evidence_ordinal(const char *s, size_t len, enum evidence_style *,
	    int *ordinal);

/* One match: a rubric node and the section that holds its evidence. */
struct evidence_match {
	const struct rubric_node	*node;
	size_t				 section;
	int				 corrected;	/* set by the inspector */
};

/*
 * Match sections to rubric nodes by their heading path: below a matched
 * pair, each sub-heading is paired with the child node of the same
 * ordinal and a similar title, or of a very similar title. A node gets at
 * most one section and a section at most one node. Returns the matches
 * in section order; caller frees *out.
 */
void	evidence_match(const struct rubric *, const struct evidence_section *,
	    size_t nsections, struct evidence_match **out, size_t *nmatches);

/*
 * The match that holds node's passage: its own when it has one, else its
 * nearest matched ancestor's (*own false). -1 when neither has one.
 */
long	evidence_find(const struct evidence_match *, size_t nmatches,
	    const struct rubric_node *node, int *own);

/* How alike two headings' titles are, 0 to 1 (exposed for the tests). */
double	evidence_title_similarity(const char *a, const char *b);

/* A document stored with a scorecard, split and matched. */
struct evidence_document {
	long long		 id;		/* the store's row */
	int			 position;	/* 1-based on its card: "document 1" */
	char			*file_name;	/* as added, without its directory */
	char			*title;
	char			 sha256[65];	/* of text */
	char			*added_at;	/* ISO 8601 UTC */
	char			*text;		/* normalized UTF-8 */
	size_t			 len;
	struct evidence_section	*sections;
	size_t			 nsections;
	struct evidence_match	*matches;	/* in section order */
	size_t			 nmatches;
	char			**cleared;	/* nodes corrected to "no section here" */
	size_t			 ncleared;
};

/* A card's documents, in the order they were added. */
struct evidence_set {
	struct evidence_document *docs;
	size_t			  ndocs;
};

/* Free what a document holds (not the struct itself). */
void	evidence_document_clear(struct evidence_document *);
void	evidence_set_free(struct evidence_set *);

/* Where an item's passage is: a document, a section, and whose it is. */
struct evidence_passage {
	const struct evidence_document	*doc;
	const struct evidence_section	*section;
	const struct rubric_node	*node;	/* the node the section matched */
	int				 own;	/* node is the item itself */
};

/*
 * The passage for node: its own section in the first document that has
 * one, else the nearest matched ancestor's (the deepest, over all the
 * documents). -1 when there is none.
 */
int	evidence_set_find(const struct evidence_set *,
	    const struct rubric_node *, struct evidence_passage *);

/* Section s's heading line as printed, without Markdown markers. Caller frees. */
char	*evidence_heading(const struct evidence_document *,
	    const struct evidence_section *s);

/* Items of the rubric with a section of their own in doc. */
size_t	evidence_items_matched(const struct evidence_document *);

#endif
