/*
 * A seal: the SHA-256 of a finalized revision's canonical content. The
 * canonical content is built in one place, seal_content(), from the
 * scorecard as the core holds it, so that the store, import and verify
 * hash the same bytes. Pure: no SQL, no files.
 *
 * The canonical content (version 1) is a sequence of fields, each
 *
 *	NAME SP LENGTH ":" VALUE LF
 *
 * where NAME is ASCII, LENGTH the decimal byte length of VALUE and VALUE
 * the bytes as stored (UTF-8, unnormalized). In this order:
 *
 *	kaohe-seal "1"
 *	uuid, revision (decimal), agency, date,
 *	inspector (one field per inspector, in order),
 *	rubric (the snapshot's SHA-256, 64 hex digits),
 *	created_at, finalized_at,
 *	then for every item in rubric order:
 *	item (its key), score (decimal, "" when unscored),
 *	tier (decimal, "" when none), record, rationale;
 *	then, for each evidence document the card has (none: nothing),
 *	in the order they were added, a part "document N" of
 *	document (the SHA-256 of its text), file_name, title, added_at.
 *
 * Extending it: a new part (a card's evidence documents, say) appends
 * its fields after the last item, and writes nothing at all when the card
 * has none of it, so that every seal made before the part still verifies.
 */
#ifndef KAOHE_SEAL_H
#define KAOHE_SEAL_H

#include <stddef.h>

#include "scorecard.h"
#include "sha256.h"

/*
 * Where the content goes: the seal's hash, and the digest of each part
 * (the header, then each item), which lets verify name what changed.
 */
struct seal_part {
	char		*name;		/* "header", or an item's key */
	char		 hex[65];
};

/* Fields are staged and hashed in runs: a field is three tiny writes. */
#define SEAL_STAGE	512

struct seal_sink {
	struct sha256	 hash;
	struct sha256	 part_hash;
	struct seal_part *parts;
	size_t		 nparts, cap;
	char		*text;		/* a copy of the bytes, when wanted */
	size_t		 len, size;
	int		 keep;		/* keep the copy in text */
	char		 stage[SEAL_STAGE];	/* not hashed yet */
	size_t		 nstage;
};

/* Start a new part named name (its fields follow). */
void	seal_part(struct seal_sink *, const char *name);

/* One field of the canonical content; value NULL is written as "". */
void	seal_field(struct seal_sink *, const char *name, const char *value);
void	seal_field_int(struct seal_sink *, const char *name, long long value);

/* The canonical content of sc's revision, field by field, into sink. */
void	seal_content(struct seal_sink *, const struct scorecard *sc);

/* The seal of sc as 64 lowercase hex digits. */
void	seal_compute(const struct scorecard *sc, char hex[65]);

/* The canonical content itself (for tests); caller frees. */
char	*seal_canonical(const struct scorecard *sc, size_t *len);

/*
 * The seal and every part's digest as text, one "NAME HEX" line per part,
 * HEX the digest's first 16 hex digits (caller frees); and the names of
 * the parts of sc that differ from such a text (or one of 64-digit lines,
 * as kaohe wrote before), joined with ", " (caller frees; "" when none).
 */
char	*seal_parts(const struct scorecard *sc, char hex[65]);
char	*seal_parts_changed(const struct scorecard *sc, const char *parts);

#endif
