/*
 * Bundles: many cards in one JSON Lines file, for carrying a laptop's
 * work to another. A 110 snapshot is 30 KB and a card without it a few,
 * so each snapshot is written once, on its own line before the first card
 * that uses it; the cards name it by its sha256.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "i18n.h"
#include "xalloc.h"

struct export_bundle {
	FILE	 *out;
	char	(*seen)[65];	/* the snapshots written so far */
	size_t	  nseen;
};

struct export_bundle *
export_bundle_new(FILE *out)
{
	struct export_bundle *b = xcalloc(1, sizeof *b);

	b->out = out;
	return b;
}

/* A handful of snapshots at most: a linear search is enough. */
static bool
seen(const struct export_bundle *b, const char *sha256)
{
	size_t i;

	for (i = 0; i < b->nseen; i++)
		if (strcmp(b->seen[i], sha256) == 0)
			return true;
	return false;
}

int
export_bundle_add(struct export_bundle *b, const struct scorecard *sc,
    char **cause)
{
	if (!seen(b, sc->rubric_sha256)) {
		export_json_snapshot(b->out, sc);
		b->seen = xreallocarray(b->seen, b->nseen + 1, sizeof *b->seen);
		memcpy(b->seen[b->nseen++], sc->rubric_sha256, 65);
	}
	export_json_card(b->out, sc, false, false);
	if (ferror(b->out)) {
		*cause = xasprintf(_("cannot write the export: %s"),
		    strerror(errno));
		return -1;
	}
	return 0;
}

void
export_bundle_free(struct export_bundle *b)
{
	if (b == NULL)
		return;
	free(b->seen);
	free(b);
}

