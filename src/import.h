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

/*
 * What a batch remembers between records: the last rubric snapshot whose
 * hash was checked, so that 100,000 records over one rubric hash it once.
 * Zero it to start; import_cache_clear frees it.
 */
struct import_cache {
	char	*text;
	char	 sha256[65];
};
void	import_cache_clear(struct import_cache *);

/*
 * Check record v and build its scorecard (id 0, ready for store_insert).
 * name is the file's name; messages are "NAME:LINE: problem" with the line
 * of the offending value. cache may be NULL. Caller frees *cause.
 */
int	import_record(const struct json_value *v, const char *name,
	    struct import_cache *cache, struct scorecard **out, char **cause);

#endif
