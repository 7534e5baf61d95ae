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

/* The largest import file (or JSON Lines line) read whole. */
#define IMPORT_MAX_BYTES	(1024u * 1024u * 1024u)

/*
 * Check record v and build its scorecard (id 0, ready for store_insert).
 * name is the file's name; messages are "NAME:LINE: problem" with the line
 * of the offending value. Caller frees *cause.
 */
int	import_record(const struct json_value *v, const char *name,
	    struct scorecard **out, char **cause);

#endif
