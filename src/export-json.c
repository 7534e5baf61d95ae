/*
 * The JSON export: the contract of DESIGN.md, plus what an import on
 * another machine needs to rebuild the scorecard exactly (uuid, the
 * rubric snapshot, timestamps). The key order is fixed here and nowhere
 * else, so that export → import → export gives the same bytes:
 *
 *   id, uuid, agency, date, inspectors, status, revision, score, max,
 *   inferred?, inferred_from?,
 *   scored, items,
 *   created_at, updated_at, finalized_at, seal+, scope*, team*, nodes,
 *   rubric
 *   (seal: a final card's only, its revision's seal, see seal.h; scope
 *   and team, and a team card's per-leaf fields after rationale: see
 *   export-json-team.c)
 *   rubric: id, title, sha256, text (in a bundle: sha256 alone, and the
 *           snapshot on a line of its own before: {"rubric":{sha256, id,
 *           title, text}})
 *   node:   as `rubric show --format json` prints it (key, number,
 *           title, min*, max, tiers*, guidance, children+), filled in:
 *           key, number, title, min*, max, tiers* [{label, min, max}],
 *           guidance, inferred?, inferred_from?, score, tier*, record*,
 *           rationale*, children+
 *           (* an item only, + a section only, ? only where the rubric
 *           marks inferred fields; at the top they are the total's)
 *
 * Strings are written as stored (the writer escapes controls); an empty
 * timestamp is null. A section's score is the sum of its scored items; an
 * unscored item's score and tier are null.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>

#include "export-formats.h"
#include "export-util.h"
#include "json.h"
#include "rubric-show.h"

static void
json_time(struct json_writer *w, const char *key, const char *t)
{
	if (t == NULL || *t == '\0')
		json_null(w, key);
	else
		json_string(w, key, t);
}

static void
json_tiers(struct json_writer *w, const struct rubric_node *item)
{
	size_t t;

	json_begin_array(w, "tiers");
	for (t = 0; t < item->ntiers; t++) {
		json_begin_object(w, NULL);
		json_string(w, "label", item->tiers[t].label);
		json_int(w, "min", item->tiers[t].min);
		json_int(w, "max", item->tiers[t].max);
		json_end_object(w);
	}
	json_end_array(w);
}

/* What the scorecard adds to a rubric item: score, tier and the notes. */
static void
json_item(struct json_writer *w, const struct scorecard *sc,
    const struct rubric_node *item)
{
	const struct scorecard_entry *e = export_entry(sc, item);

	if (e->scored)
		json_int(w, "score", e->score);
	else
		json_null(w, "score");
	if (e->tier > 0)
		json_int(w, "tier", e->tier);
	else
		json_null(w, "tier");
	json_string(w, "record", e->record);
	json_string(w, "rationale", e->rationale);
	export_json_team_item(w, sc, (size_t)(e - sc->entries));
}

static void json_nodes(struct json_writer *, const struct scorecard *,
    const struct rubric_node *);

/* The node as `rubric show --format json` prints it, then filled in. */
static void
json_node(struct json_writer *w, const struct scorecard *sc,
    const struct rubric_node *n)
{
	bool item = rubric_node_is_item(n);

	json_begin_object(w, NULL);
	json_string(w, "key", n->key);
	json_string(w, "number", n->number);
	json_string(w, "title", n->title);
	if (item)
		json_int(w, "min", n->min);
	json_int(w, "max", n->max);
	if (item)
		json_tiers(w, n);
	json_string(w, "guidance", n->guidance);
	rubric_json_inferred(w, n);
	if (item)
		json_item(w, sc, n);
	else {
		json_int(w, "score", scorecard_sum(sc, n).score);
		json_nodes(w, sc, n);
	}
	json_end_object(w);
}

/* The recursion is bounded by the rubric's own depth cap. */
static void
json_nodes(struct json_writer *w, const struct scorecard *sc,
    const struct rubric_node *parent)
{
	size_t i;

	json_begin_array(w, parent->parent == NULL ? "nodes" : "children");
	for (i = 0; i < parent->nchildren; i++)
		json_node(w, sc, &parent->children[i]);
	json_end_array(w);
}

/* In a bundle the snapshot has a line of its own: a card names its hash. */
static void
json_rubric(struct json_writer *w, const struct scorecard *sc, bool text)
{
	json_begin_object(w, "rubric");
	if (text) {
		json_string(w, "id", sc->rubric->id);
		json_string(w, "title", sc->rubric->title);
	}
	json_string(w, "sha256", sc->rubric_sha256);
	if (text)
		json_string(w, "text", sc->rubric_text);
	json_end_object(w);
}

void
export_json_snapshot(FILE *out, const struct scorecard *sc)
{
	struct json_writer w;

	json_init(&w, out, false);
	json_begin_object(&w, NULL);
	json_begin_object(&w, "rubric");
	json_string(&w, "sha256", sc->rubric_sha256);
	json_string(&w, "id", sc->rubric->id);
	json_string(&w, "title", sc->rubric->title);
	json_string(&w, "text", sc->rubric_text);
	json_end_object(&w);
	json_end_object(&w);
	json_finish(&w);
}

int
export_json(FILE *out, const struct scorecard *sc,
    const struct export_options *o, char **cause)
{
	(void)o;
	(void)cause;
	export_json_card(out, sc, true, true);
	return 0;
}

void
export_json_card(FILE *out, const struct scorecard *sc, bool pretty,
    bool snapshot)
{
	struct scorecard_sum t = scorecard_total(sc);
	struct json_writer w;
	size_t i;

	json_init(&w, out, pretty);
	json_begin_object(&w, NULL);
	json_int(&w, "id", sc->id);
	json_string(&w, "uuid", sc->uuid);
	json_string(&w, "agency", sc->agency);
	json_string(&w, "date", sc->date);
	json_begin_array(&w, "inspectors");
	for (i = 0; i < sc->ninspectors; i++)
		json_string(&w, NULL, sc->inspectors[i]);
	json_end_array(&w);
	json_string(&w, "status", sc->status == SCORECARD_FINAL ? "final" :
	    "draft");
	json_int(&w, "revision", sc->revision);
	json_int(&w, "score", t.score);
	json_int(&w, "max", t.max);
	rubric_json_inferred(&w, &sc->rubric->root);
	json_int(&w, "scored", (long long)t.scored);
	json_int(&w, "items", (long long)t.items);
	json_time(&w, "created_at", sc->created_at);
	json_time(&w, "updated_at", sc->updated_at);
	json_time(&w, "finalized_at", sc->finalized_at);
	/* A final card without a seal is one SQL made final: null says so. */
	if (sc->status == SCORECARD_FINAL && sc->seal[0] != '\0')
		json_string(&w, "seal", sc->seal);
	else if (sc->status == SCORECARD_FINAL)
		json_null(&w, "seal");
	export_json_team_card(&w, sc);
	export_json_evidence(&w, sc);
	json_nodes(&w, sc, &sc->rubric->root);
	json_rubric(&w, sc, snapshot);
	json_end_object(&w);
	json_finish(&w);
}
