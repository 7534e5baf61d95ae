/*
 * Import: one JSON export (as `kaohe export ID --format json` writes it)
 * back into a scorecard, trusting nothing. The export carries its rubric
 * snapshot, so no other file is needed: the snapshot must parse and match
 * its SHA-256, every key must be the rubric's, every score must pass the
 * scoring rules, every section sum in the file must agree with its items,
 * and a final scorecard must be complete. Pure: no SQL, no files.
 */
#ifndef KAOHE_IMPORT_H
#define KAOHE_IMPORT_H

#include "json-read.h"
#include "scorecard.h"

/* The largest JSON file, or line of JSON Lines, that import parses. */
#define IMPORT_MAX_BYTES	(1024u * 1024u * 1024u)

/* The most rubric snapshots one batch may bring. */
#define IMPORT_MAX_SNAPSHOTS	256

/*
 * What a batch remembers between records: every rubric snapshot checked
 * so far (hashed and parsed once), whether a bundle's own line brought
 * it or a one-card export carried it inline. The cards built with a
 * cache borrow its rubrics: free them before the cache. Zero it to
 * start; import_cache_clear frees it.
 */
struct import_snapshot {
	char		 sha256[65];
	char		*text;
	struct rubric	*rubric;
};
struct import_cache {
	struct import_snapshot	*snaps;
	size_t			 n;
};
void	import_cache_clear(struct import_cache *);

/* Is v a bundle's snapshot line, {"rubric":{...}} and nothing else? */
bool	import_is_snapshot(const struct json_value *v);
/* Check a snapshot line and remember its rubric for the cards after it. */
int	import_snapshot(const struct json_value *v, const char *name,
	    struct import_cache *cache, char **cause);

/*
 * Check record v and build its scorecard (id 0, ready for store_insert).
 * name is the file's name; messages are "NAME:LINE: problem" with the line
 * of the offending value. A record that names its snapshot by sha256
 * alone (a bundle's card) needs the cache that holds it. cache may be
 * NULL: then the card owns its rubric. Caller frees *cause.
 */
int	import_record(const struct json_value *v, const char *name,
	    struct import_cache *cache, struct scorecard **out, char **cause);

/*
 * import-team.c: a member card's "scope" (before the tree is read, so that
 * an item outside it cannot be scored) and a team card's "team" and
 * per-leaf fields (after). Messages as above.
 */
int	import_team_scope(const struct json_value *v, const char *name,
	    struct scorecard *sc, char **cause);
int	import_team_parts(const struct json_value *v, const char *name,
	    struct scorecard *sc, char **cause);

/* import-evidence.c: "evidence", the card's documents, into sc->evidence. */
int	import_evidence(const struct json_value *v, const char *name,
	    struct scorecard *sc, char **cause);

#endif
