/*
 * "evidence" in the JSON export: each document with its text, and its
 * matches by the heading's line (a line is what stays true if a later
 * kaohe splits differently; import splits the text again and finds it).
 */
#include "config.h"

#include <stddef.h>

#include "evidence.h"
#include "export-util.h"
#include "json.h"
#include "scorecard.h"

static void
json_matches(struct json_writer *w, const struct evidence_document *d)
{
	size_t i;

	json_begin_array(w, "matches");
	for (i = 0; i < d->nmatches; i++) {
		json_begin_object(w, NULL);
		json_string(w, "node", d->matches[i].node->key);
		json_int(w, "line",
		    (long long)d->sections[d->matches[i].section].line);
		json_bool(w, "corrected", d->matches[i].corrected != 0);
		json_end_object(w);
	}
	for (i = 0; i < d->ncleared; i++) {
		json_begin_object(w, NULL);
		json_string(w, "node", d->cleared[i]);
		json_null(w, "line");
		json_bool(w, "corrected", true);
		json_end_object(w);
	}
	json_end_array(w);
}

void
export_json_evidence(struct json_writer *w, const struct scorecard *sc)
{
	size_t i;

	if (sc->evidence == NULL || sc->evidence->ndocs == 0)
		return;
	json_begin_array(w, "evidence");
	for (i = 0; i < sc->evidence->ndocs; i++) {
		const struct evidence_document *d = &sc->evidence->docs[i];

		json_begin_object(w, NULL);
		json_string(w, "file_name", d->file_name);
		json_string(w, "title", d->title);
		json_string(w, "sha256", d->sha256);
		json_string(w, "added_at", d->added_at);
		json_int(w, "sections", (long long)d->nsections);
		json_matches(w, d);
		json_string(w, "text", d->text);
		json_end_object(w);
	}
	json_end_array(w);
}
