/* Re-import's decision; see import-merge.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "import-merge.h"
#include "seal.h"
#include "sha256.h"

void
import_content_hash(const struct scorecard *sc, bool sealed, char out[65])
{
	char seal[65], text[128];
	int n;

	if (sealed && sc->seal[0] != '\0')
		memcpy(seal, sc->seal, sizeof seal);
	else
		seal_compute(sc, seal);
	n = snprintf(text, sizeof text, "kaohe-content 1\nseal %s\nstatus %d\n",
	    seal, (int)sc->status);
	sha256_hex(text, (size_t)n, out);
}

static bool
same_header(const struct scorecard *a, const struct scorecard *b)
{
	size_t i;

	if (strcmp(a->agency, b->agency) != 0 || strcmp(a->date, b->date) != 0
	    || a->ninspectors != b->ninspectors)
		return false;
	for (i = 0; i < a->ninspectors; i++)
		if (strcmp(a->inspectors[i], b->inspectors[i]) != 0)
			return false;
	return true;
}

bool
import_covers(const struct scorecard *a, const struct scorecard *b)
{
	const struct scorecard_entry *x, *y;
	size_t i;

	if (strcmp(a->rubric_sha256, b->rubric_sha256) != 0 ||
	    !same_header(a, b))
		return false;
	for (i = 0; i < b->rubric->nitems; i++) {
		x = &a->entries[i];
		y = &b->entries[i];
		if (y->scored && (!x->scored || x->score != y->score ||
		    x->tier != y->tier))
			return false;
		if ((*y->record != '\0' && strcmp(x->record, y->record) != 0) ||
		    (*y->rationale != '\0' &&
		    strcmp(x->rationale, y->rationale) != 0))
			return false;
	}
	return true;
}

/* Is in a later state of the card than here? */
static bool
newer(const struct scorecard *in, const struct scorecard *here)
{
	if (in->revision != here->revision)
		return in->revision > here->revision;
	if (here->status == SCORECARD_FINAL)
		return false;
	if (in->status == SCORECARD_FINAL)
		return true;
	return strcmp(in->updated_at, here->updated_at) > 0;
}

/*
 * Can here become in? A draft of the same revision is written over; a
 * final card is reopened once, to in's revision, and its final revision
 * kept. A gap of revisions (reopened twice there) cannot be bridged.
 */
static bool
reachable(const struct scorecard *in, const struct scorecard *here)
{
	if (here->status == SCORECARD_FINAL)
		return in->revision == here->revision + 1;
	return in->revision == here->revision;
}

enum import_action
import_decide(const struct scorecard *in, const struct scorecard *here,
    const char *in_hash, const char *here_hash, const char *imported)
{
	bool unchanged = imported != NULL && strcmp(imported, here_hash) == 0;

	if (strcmp(in_hash, here_hash) == 0)
		return IMPORT_SKIP;
	if (strcmp(in->rubric_sha256, here->rubric_sha256) != 0)
		return IMPORT_CONFLICT;		/* another rubric: keep both */
	if (newer(in, here) && reachable(in, here) && (unchanged ||
	    here->status == SCORECARD_FINAL || import_covers(in, here)))
		return IMPORT_UPDATE;
	if (import_covers(here, in) || (imported != NULL &&
	    strcmp(imported, in_hash) == 0))
		return IMPORT_SKIP;
	return IMPORT_CONFLICT;
}
