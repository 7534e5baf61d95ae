/*
 * What the 考核小組 adds to the JSON export (DESIGN.md, "The team"):
 *
 *   card, after finalized_at:
 *     scope*: ["1.1", ...]                   (* a member card only)
 *     team+:  {lead, tolerance, members: [{uuid, inspectors, fingerprint}]}
 *   leaf, after rationale (+ a team card only):
 *     members+: [{uuid, score, tier, record, rationale}]   who scored it
 *     flagged+, how+ (null while unresolved), reason+
 *
 * lead is null when not named; fingerprint lets a team card imported
 * elsewhere still tell when a member card changed after it was built.
 */
#include "config.h"

#include "export-util.h"
#include "json.h"
#include "team.h"

static void
json_team(struct json_writer *w, const struct team *t)
{
	size_t m, i;

	json_begin_object(w, "team");
	if (*t->lead != '\0')
		json_string(w, "lead", t->lead);
	else
		json_null(w, "lead");
	json_int(w, "tolerance", t->tolerance);
	json_begin_array(w, "members");
	for (m = 0; m < t->nmembers; m++) {
		json_begin_object(w, NULL);
		json_string(w, "uuid", t->members[m].uuid);
		json_begin_array(w, "inspectors");
		for (i = 0; i < t->members[m].ninspectors; i++)
			json_string(w, NULL, t->members[m].inspectors[i]);
		json_end_array(w);
		json_string(w, "fingerprint", t->members[m].fingerprint);
		json_end_object(w);
	}
	json_end_array(w);
	json_end_object(w);
}

void
export_json_team_card(struct json_writer *w, const struct scorecard *sc)
{
	size_t i;

	if (sc->nscope > 0) {
		json_begin_array(w, "scope");
		for (i = 0; i < sc->nscope; i++)
			json_string(w, NULL, sc->scope[i]);
		json_end_array(w);
	}
	if (sc->team != NULL)
		json_team(w, sc->team);
}

void
export_json_team_item(struct json_writer *w, const struct scorecard *sc,
    size_t i)
{
	const struct team *t = sc->team;
	const struct team_item *it;
	const char *how;
	size_t m;

	if (t == NULL)
		return;
	json_begin_array(w, "members");
	for (m = 0; m < t->nmembers; m++) {
		const struct team_mark *k = &t->members[m].marks[i];

		if (!k->scored)
			continue;
		json_begin_object(w, NULL);
		json_string(w, "uuid", t->members[m].uuid);
		json_int(w, "score", k->score);
		if (k->tier > 0)
			json_int(w, "tier", k->tier);
		else
			json_null(w, "tier");
		json_string(w, "record", k->record);
		json_string(w, "rationale", k->rationale);
		json_end_object(w);
	}
	json_end_array(w);
	it = &t->items[i];
	json_bool(w, "flagged", it->flagged);
	how = team_how_name(it->how);
	if (how != NULL)
		json_string(w, "how", how);
	else
		json_null(w, "how");
	json_string(w, "reason", it->reason);
}
