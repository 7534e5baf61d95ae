/*
 * One JSON export back into a scorecard. Every fact is checked against the
 * rubric snapshot the record carries and the scoring rules of scorecard.c;
 * the first failure names the file and the line of the offending value.
 * Fields this reader does not know are ignored, so that a newer export
 * with more to say still imports; fields it knows are all required.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"
#include "text.h"
#include "sha256.h"
#include "uuid.h"
#include "xalloc.h"

struct reading {
	const char		*name;		/* the file */
	struct import_cache	*cache;
	struct scorecard	*sc;
	bool			*seen;		/* items met in the tree */
	char			*cause;
};

static int
bad(struct reading *rd, const struct json_value *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
bad(struct reading *rd, const struct json_value *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	json_vfail_at(&rd->cause, rd->name, at, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * The one text rule (text.c), as `new`, `edit` and `note` apply it. what
 * is N_()-marked and translated only for a message: gettext for every
 * note of 100,000 cards was a tenth of an import.
 */
static int
checked_text(struct reading *rd, const struct json_value *at,
    const char *text, enum text_kind kind, const char *what)
{
	char *cause = NULL;

	if (text_check(text, kind, what, &cause) == 0)
		return 0;
	free(cause);
	cause = NULL;
	(void)text_check(text, kind, _(what), &cause);
	bad(rd, at, "%s", cause);
	free(cause);
	return -1;
}

/* Member key of obj, which must be there and of type t. */
static const struct json_value *
import_member(struct reading *rd, const struct json_value *obj,
    const char *key, enum json_type t)
{
	const struct json_value *v = json_get(obj, key);

	if (v == NULL) {
		bad(rd, obj, _("\"%s\" is missing"), key);
		return NULL;
	}
	if (v->type != t) {
		bad(rd, v, _("\"%s\" must be %s, not %s"), key,
		    json_type_name(t), json_type_name(v->type));
		return NULL;
	}
	return v;
}

static const char *
string_of(struct reading *rd, const struct json_value *obj, const char *key)
{
	const struct json_value *v = import_member(rd, obj, key, JSON_STRING);

	return v != NULL ? v->text : NULL;
}

/* An int member, or null (then *present is false). */
static int
int_or_null(struct reading *rd, const struct json_value *obj,
    const char *key, int *out, bool *present)
{
	const struct json_value *v = json_get(obj, key);

	*present = false;
	if (v == NULL)
		return bad(rd, obj, _("\"%s\" is missing"), key);
	if (v->type == JSON_NULL)
		return 0;
	if (!json_as_int(v, out))
		return bad(rd, v, _("\"%s\" must be a whole number or null"),
		    key);
	*present = true;
	return 0;
}

/*
 * ISO 8601 UTC as the store writes it, 2026-11-23T10:40:00.123Z, and a
 * real moment: a calendar date, hours below 24, minutes and seconds
 * below 60.
 */
static bool
time_valid(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	char date[11];
	size_t i;

	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') :
		    s[i] != shape[i])
			return false;
	}
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!scorecard_date_valid(date) || strncmp(s + 11, "24", 2) >= 0 ||
	    s[14] > '5' || s[17] > '5')
		return false;
	s += i;
	if (*s == '.') {
		if (s[1] < '0' || s[1] > '9')
			return false;
		for (s++; *s >= '0' && *s <= '9'; s++)
			continue;
	}
	return strcmp(s, "Z") == 0;
}

/*
 * Compare two valid times: the seconds as text, then the fractions digit
 * by digit (a missing digit is 0), so that .5 and .500 are equal.
 */
static int
time_cmp(const char *a, const char *b)
{
	int c = strncmp(a, b, 19);

	a += 19;
	b += 19;
	if (c != 0)
		return c;
	a += *a == '.';
	b += *b == '.';
	while ((*a >= '0' && *a <= '9') || (*b >= '0' && *b <= '9')) {
		c = ((*a >= '0' && *a <= '9') ? *a : '0') -
		    ((*b >= '0' && *b <= '9') ? *b : '0');
		if (c != 0)
			return c;
		a += *a >= '0' && *a <= '9';
		b += *b >= '0' && *b <= '9';
	}
	return 0;
}

static void
replace(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

static struct import_snapshot *
cache_find(struct import_cache *c, const char *sha)
{
	size_t i;

	for (i = 0; c != NULL && i < c->n; i++)
		if (strcmp(c->snaps[i].sha256, sha) == 0)
			return &c->snaps[i];
	return NULL;
}

/*
 * A snapshot object {id, title, sha256, text}: text must hash to sha256,
 * parse as a rubric, and have that id and title. Returns the parsed
 * rubric; *hex is the hash.
 */
static struct rubric *
check_snapshot(struct reading *rd, const struct json_value *o, char hex[65])
{
	const char *id, *title, *sha, *yaml;
	struct rubric *r = NULL;
	char *cause = NULL;

	if ((id = string_of(rd, o, "id")) == NULL ||
	    (title = string_of(rd, o, "title")) == NULL ||
	    (sha = string_of(rd, o, "sha256")) == NULL ||
	    (yaml = string_of(rd, o, "text")) == NULL)
		return NULL;
	sha256_hex(yaml, strlen(yaml), hex);
	if (strcmp(hex, sha) != 0) {
		bad(rd, json_get(o, "sha256"), _("the rubric snapshot's"
		    " sha256 does not match its text (the text hashes to %s)"),
		    hex);
		return NULL;
	}
	if (rubric_parse(yaml, strlen(yaml), "rubric", &r, &cause) != 0) {
		bad(rd, json_get(o, "text"), _("the rubric snapshot does not"
		    " parse: %s"), cause);
		free(cause);
		return NULL;
	}
	if (strcmp(r->id, id) != 0 || strcmp(r->title, title) != 0) {
		bad(rd, o, _("the rubric's id and title (%s, %s) are not its"
		    " snapshot's (%s, %s)"), id, title, r->id, r->title);
		rubric_free(r);
		return NULL;
	}
	return r;
}

/* Remember a checked snapshot; the cache takes r. */
static struct import_snapshot *
cache_add(struct reading *rd, const struct json_value *o, struct rubric *r,
    const char hex[65])
{
	struct import_cache *c = rd->cache;
	struct import_snapshot *s;

	if (c->n >= IMPORT_MAX_SNAPSHOTS) {
		bad(rd, o, _("more than %d different rubric snapshots"),
		    IMPORT_MAX_SNAPSHOTS);
		rubric_free(r);
		return NULL;
	}
	c->snaps = xreallocarray(c->snaps, c->n + 1, sizeof *c->snaps);
	s = &c->snaps[c->n++];
	memcpy(s->sha256, hex, 65);
	s->text = xstrdup(json_get(o, "text")->text);
	s->rubric = r;
	return s;
}

/* Is o's member key the string want (or absent, when it may be)? */
static bool
names(const struct json_value *o, const char *key, const char *want,
    bool required)
{
	const struct json_value *v = json_get(o, key);

	if (v == NULL)
		return !required;
	return v->type == JSON_STRING && strcmp(v->text, want) == 0;
}

/*
 * The card's snapshot, inline or (in a bundle) named by its sha256. The
 * same inline text again is not hashed or parsed again.
 */
static struct import_snapshot *
find_snapshot(struct reading *rd, const struct json_value *o)
{
	const struct json_value *text = json_get(o, "text");
	const char *sha = string_of(rd, o, "sha256");
	struct import_snapshot *s;
	struct rubric *r;
	char hex[65];

	if (sha == NULL)
		return NULL;
	s = cache_find(rd->cache, sha);
	if (text == NULL) {
		if (s == NULL)
			bad(rd, json_get(o, "sha256"), _("the rubric snapshot"
			    " %s is neither in the card nor on a line before"
			    " it"), sha);
		else if (!names(o, "id", s->rubric->id, false) ||
		    !names(o, "title", s->rubric->title, false))
			bad(rd, o, _("the rubric's id or title is not its"
			    " snapshot's (%s, %s)"), s->rubric->id,
			    s->rubric->title);
		return rd->cause != NULL ? NULL : s;
	}
	if (s != NULL && text->type == JSON_STRING &&
	    strcmp(s->text, text->text) == 0 &&
	    names(o, "id", s->rubric->id, true) &&
	    names(o, "title", s->rubric->title, true))
		return s;
	if ((r = check_snapshot(rd, o, hex)) == NULL)
		return NULL;
	return cache_add(rd, o, r, hex);
}

/* Without a cache the card owns its rubric, parsed for it alone. */
static struct scorecard *
read_rubric(struct reading *rd, const struct json_value *v)
{
	const struct json_value *o =
	    import_member(rd, v, "rubric", JSON_OBJECT);
	struct import_snapshot *s;
	struct rubric *r;
	char hex[65];

	if (o == NULL)
		return NULL;
	if (rd->cache != NULL)
		return (s = find_snapshot(rd, o)) == NULL ? NULL :
		    scorecard_new_borrowed(s->rubric, s->text, s->sha256);
	if (json_get(o, "text") == NULL) {
		bad(rd, o, _("the rubric snapshot's \"text\" is missing"));
		return NULL;
	}
	if ((r = check_snapshot(rd, o, hex)) == NULL)
		return NULL;
	return scorecard_new(r, xstrdup(json_get(o, "text")->text));
}

bool
import_is_snapshot(const struct json_value *v)
{
	return v->type == JSON_OBJECT && v->n == 1 &&
	    strcmp(v->members[0].key, "rubric") == 0;
}

int
import_snapshot(const struct json_value *v, const char *name,
    struct import_cache *cache, char **cause)
{
	struct reading rd = { name, cache, NULL, NULL, NULL };
	const struct json_value *o =
	    import_member(&rd, v, "rubric", JSON_OBJECT);
	struct rubric *r;
	char hex[65];

	/*
	 * Every laptop's bundle brings the same 110 snapshot: one seen
	 * already is only checked to be the same bytes (its hash says so).
	 */
	if (o != NULL && (r = check_snapshot(&rd, o, hex)) != NULL) {
		if (cache_find(cache, hex) == NULL)
			cache_add(&rd, o, r, hex);
		else
			rubric_free(r);
	}
	*cause = rd.cause;
	return rd.cause != NULL ? -1 : 0;
}

static int
read_inspectors(struct reading *rd, const struct json_value *v)
{
	const struct json_value *a =
	    import_member(rd, v, "inspectors", JSON_ARRAY);
	struct scorecard *sc = rd->sc;
	size_t i;

	if (a == NULL)
		return -1;
	if (a->n == 0)
		return bad(rd, a, _("a scorecard needs at least one"
		    " inspector"));
	sc->inspectors = xcalloc(a->n, sizeof *sc->inspectors);
	for (i = 0; i < a->n; i++) {
		if (a->items[i].type != JSON_STRING)
			return bad(rd, &a->items[i], _("an inspector must be"
			    " a name (a non-empty string)"));
		if (checked_text(rd, &a->items[i], a->items[i].text,
		    TEXT_LINE, N_("an inspector")) != 0)
			return -1;
		sc->inspectors[sc->ninspectors++] = xstrdup(a->items[i].text);
	}
	return 0;
}

/* ISO 8601 UTC, or for finalized_at of a draft: null (or ""). */
static int
read_time(struct reading *rd, const struct json_value *v, const char *key,
    char **field, bool may_be_null)
{
	const struct json_value *t = json_get(v, key);

	if (t != NULL && may_be_null && t->type == JSON_NULL) {
		replace(field, "");
		return 0;
	}
	if (import_member(rd, v, key, JSON_STRING) == NULL)
		return -1;
	if (!(may_be_null && *t->text == '\0') && !time_valid(t->text))
		return bad(rd, t, _("\"%s\" is not an ISO 8601 UTC time such"
		    " as 2021-08-06T09:30:00.000Z: \"%s\""), key, t->text);
	replace(field, t->text);
	return 0;
}

static int
read_times(struct reading *rd, const struct json_value *v)
{
	struct scorecard *sc = rd->sc;

	if (read_time(rd, v, "created_at", &sc->created_at, false) != 0 ||
	    read_time(rd, v, "updated_at", &sc->updated_at, false) != 0 ||
	    read_time(rd, v, "finalized_at", &sc->finalized_at, true) != 0)
		return -1;
	if (*sc->finalized_at != '\0' &&
	    time_cmp(sc->finalized_at, sc->created_at) < 0)
		return bad(rd, json_get(v, "finalized_at"), _("finalized_at"
		    " (%s) is before created_at (%s)"), sc->finalized_at,
		    sc->created_at);
	return 0;
}

static int
read_header(struct reading *rd, const struct json_value *v)
{
	struct scorecard *sc = rd->sc;
	const char *uuid, *agency, *date;

	if ((uuid = string_of(rd, v, "uuid")) == NULL ||
	    (agency = string_of(rd, v, "agency")) == NULL ||
	    (date = string_of(rd, v, "date")) == NULL)
		return -1;
	if (!uuid_valid(uuid))
		return bad(rd, json_get(v, "uuid"), _("\"%s\" is not a UUID"
		    " (36 lowercase hex digits and dashes)"), uuid);
	if (checked_text(rd, json_get(v, "agency"), agency, TEXT_LINE,
	    N_("the agency")) != 0)
		return -1;
	if (!scorecard_date_valid(date))
		return bad(rd, json_get(v, "date"), _("\"%s\" is not a date"
		    " (YYYY-MM-DD)"), date);
	memcpy(sc->uuid, uuid, sizeof sc->uuid);
	replace(&sc->agency, agency);
	replace(&sc->date, date);
	if (read_inspectors(rd, v) != 0)
		return -1;
	return read_times(rd, v);
}

static char *
node_name(const struct rubric_node *n)
{
	return xasprintf("%s %s (%s)", n->nchildren > 0 ? _("section") :
	    _("item"), n->key, n->title);
}

static int
read_notes(struct reading *rd, const struct json_value *v, size_t idx)
{
	const char *record, *rationale;
	char *cause = NULL;

	if ((record = string_of(rd, v, "record")) == NULL ||
	    (rationale = string_of(rd, v, "rationale")) == NULL)
		return -1;
	if (checked_text(rd, json_get(v, "record"), record, TEXT_NOTE,
	    N_("the record")) != 0 || checked_text(rd, json_get(v,
	    "rationale"), rationale, TEXT_NOTE, N_("the rationale")) != 0)
		return -1;
	if (scorecard_set_note(rd->sc, idx, SCORECARD_RECORD, record,
	    &cause) != 0 || scorecard_set_note(rd->sc, idx,
	    SCORECARD_RATIONALE, rationale, &cause) != 0) {
		bad(rd, v, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* An item: its score and tier pass the rules, exactly as `kaohe set`. */
static int
read_item(struct reading *rd, const struct json_value *v,
    const struct rubric_node *n)
{
	long idx = (long)n->item_first;	/* an item's first item is itself */
	bool scored, tiered;
	int score = 0, tier = 0, tier_out;
	char *cause = NULL;

	if (rd->seen[idx])
		return bad(rd, v, _("item %s appears twice"), n->key);
	rd->seen[idx] = true;
	if (int_or_null(rd, v, "score", &score, &scored) != 0 ||
	    int_or_null(rd, v, "tier", &tier, &tiered) != 0)
		return -1;
	if (!scored && tiered)
		return bad(rd, v, _("item %s has a tier but no score"),
		    n->key);
	if (tiered && tier < 1)
		return bad(rd, json_get(v, "tier"), _("item %s: tier %d (tiers"
		    " count from 1)"), n->key, tier);
	if (scored && (scorecard_check(n, score, tier, &tier_out, &cause) !=
	    0 || scorecard_set(rd->sc, (size_t)idx, score, tier_out,
	    &cause) != 0)) {
		bad(rd, json_get(v, "score"), "%s", cause);
		free(cause);
		return -1;
	}
	return read_notes(rd, v, (size_t)idx);
}

static int read_nodes(struct reading *, const struct json_value *array,
	    const struct rubric_node *parent);

/* An item's tiers as the snapshot has them: labels, ranges, order. */
static int
check_tiers(struct reading *rd, const struct json_value *v,
    const struct rubric_node *n)
{
	const struct json_value *a =
	    import_member(rd, v, "tiers", JSON_ARRAY), *t;
	int min, max;
	bool has_min, has_max;
	size_t i;

	if (a == NULL)
		return -1;
	if (a->n != n->ntiers)
		return bad(rd, a, _("item %s has %zu tiers in the rubric, not"
		    " %zu"), n->key, n->ntiers, a->n);
	for (i = 0; i < a->n; i++) {
		t = &a->items[i];
		if (t->type != JSON_OBJECT)
			return bad(rd, t, _("a tier must be an object, not %s"),
			    json_type_name(t->type));
		if (!names(t, "label", n->tiers[i].label, true) ||
		    int_or_null(rd, t, "min", &min, &has_min) != 0 ||
		    int_or_null(rd, t, "max", &max, &has_max) != 0 ||
		    !has_min || !has_max || min != n->tiers[i].min ||
		    max != n->tiers[i].max)
			return bad(rd, t, _("item %s: tier %zu is not the"
			    " rubric's (%s %d~%d)"), n->key, i + 1,
			    n->tiers[i].label, n->tiers[i].min,
			    n->tiers[i].max);
	}
	return 0;
}

/* The printed facts of a node are its snapshot's: title, range, tiers. */
static int
check_facts(struct reading *rd, const struct json_value *v,
    const struct rubric_node *n)
{
	int max, min;
	bool has_max, has_min;

	if (string_of(rd, v, "title") == NULL)
		return -1;
	if (!names(v, "title", n->title, true))
		return bad(rd, json_get(v, "title"), _("\"%s\" is titled"
		    " \"%s\" in the rubric"), n->key, n->title);
	if (int_or_null(rd, v, "max", &max, &has_max) != 0)
		return -1;
	if (!has_max || max != n->max)
		return bad(rd, json_get(v, "max"), _("\"%s\" has max %d in the"
		    " rubric"), n->key, n->max);
	if (n->nchildren > 0)
		return 0;
	if (int_or_null(rd, v, "min", &min, &has_min) != 0)
		return -1;
	if (!has_min || min != n->min)
		return bad(rd, json_get(v, "min"), _("\"%s\" has min %d in the"
		    " rubric"), n->key, n->min);
	return check_tiers(rd, v, n);
}

/*
 * The node a JSON node names: the parent's child in the same place when
 * the keys agree (the export's order, found at once), else by key.
 */
static const struct rubric_node *
find_node(struct reading *rd, const struct json_value *v, const char *key,
    const struct rubric_node *parent, size_t at)
{
	const struct rubric_node *n;

	if (at < parent->nchildren &&
	    strcmp(parent->children[at].key, key) == 0)
		return &parent->children[at];
	n = rubric_find(rd->sc->rubric, key);
	if (n == NULL || n == &rd->sc->rubric->root) {
		bad(rd, json_get(v, "key"), _("the rubric %s has no key"
		    " \"%s\""), rd->sc->rubric->id, key);
		return NULL;
	}
	if (n->parent != parent) {
		bad(rd, json_get(v, "key"), _("\"%s\" is not where the rubric"
		    " has it (under \"%s\")"), key, n->parent->key);
		return NULL;
	}
	return n;
}

/*
 * A node must be the rubric's, under the same parent, of the same kind,
 * and once only. dup marks the parent's children already met.
 */
static int
read_node(struct reading *rd, const struct json_value *v,
    const struct rubric_node *parent, size_t at, bool *dup)
{
	const struct rubric_node *n;
	const struct json_value *children;
	const char *key;

	if (v->type != JSON_OBJECT)
		return bad(rd, v, _("a node must be an object, not %s"),
		    json_type_name(v->type));
	if ((key = string_of(rd, v, "key")) == NULL ||
	    (n = find_node(rd, v, key, parent, at)) == NULL)
		return -1;
	if (dup[n - parent->children])
		return bad(rd, json_get(v, "key"), _("\"%s\" appears twice"),
		    key);
	dup[n - parent->children] = true;
	if (check_facts(rd, v, n) != 0)
		return -1;
	children = json_get(v, "children");
	if (n->nchildren == 0) {
		if (children != NULL)
			return bad(rd, children, _("item %s cannot have"
			    " children"), key);
		return read_item(rd, v, n);
	}
	if ((children = import_member(rd, v, "children", JSON_ARRAY)) == NULL)
		return -1;
	return read_nodes(rd, children, n);
}

static int
read_nodes(struct reading *rd, const struct json_value *array,
    const struct rubric_node *parent)
{
	bool *dup = xcalloc(parent->nchildren + 1, sizeof *dup);
	size_t i;
	int rc = 0;

	for (i = 0; i < array->n && rc == 0; i++)
		rc = read_node(rd, &array->items[i], parent, i, dup);
	free(dup);
	return rc;
}

/* A score in the file must be what the items sum to: a wrong sum is refused. */
static int
check_sum(struct reading *rd, const struct json_value *v,
    const struct rubric_node *n)
{
	struct scorecard_sum sum = scorecard_sum(rd->sc, n);
	const struct json_value *s = json_get(v, "score");
	char *what;
	int score;

	if (s == NULL)
		return bad(rd, v, _("\"score\" is missing"));
	if (json_as_int(s, &score) && score == sum.score)
		return 0;
	what = n == &rd->sc->rubric->root ? xstrdup(_("the total")) :
	    node_name(n);
	bad(rd, s, _("%s says %s but its items sum to %d"), what,
	    s->type == JSON_NUMBER ? s->text : json_type_name(s->type),
	    sum.score);
	free(what);
	return -1;
}

static int
check_sums(struct reading *rd, const struct json_value *array)
{
	const struct rubric_node *n;
	const struct json_value *v, *children;
	size_t i;

	for (i = 0; i < array->n; i++) {
		v = &array->items[i];
		n = rubric_find(rd->sc->rubric, json_get(v, "key")->text);
		children = json_get(v, "children");
		if (n->nchildren == 0)
			continue;
		if (check_sum(rd, v, n) != 0 || check_sums(rd, children) != 0)
			return -1;
	}
	return 0;
}

/* "scored" and "items" say what the nodes hold. */
static int
check_counts(struct reading *rd, const struct json_value *v)
{
	struct scorecard_sum t = scorecard_total(rd->sc);
	int scored, items;
	bool has_scored, has_items;

	if (int_or_null(rd, v, "scored", &scored, &has_scored) != 0 ||
	    int_or_null(rd, v, "items", &items, &has_items) != 0)
		return -1;
	if (!has_items || items < 0 || (size_t)items != t.items)
		return bad(rd, json_get(v, "items"), _("\"items\" must be the"
		    " rubric's %zu items"), t.items);
	if (!has_scored || scored < 0 || (size_t)scored != t.scored)
		return bad(rd, json_get(v, "scored"), _("\"scored\" says %d"
		    " but %zu items are scored"), scored, t.scored);
	return 0;
}

static int
read_tree(struct reading *rd, const struct json_value *v)
{
	const struct rubric *r = rd->sc->rubric;
	const struct json_value *nodes =
	    import_member(rd, v, "nodes", JSON_ARRAY);
	int max;
	bool has_max;
	size_t i;

	if (nodes == NULL || read_nodes(rd, nodes, &r->root) != 0)
		return -1;
	for (i = 0; i < r->nitems; i++)
		if (!rd->seen[i])
			return bad(rd, nodes, _("item %s (%s) is missing"),
			    r->items[i]->key, r->items[i]->title);
	if (check_sums(rd, nodes) != 0 || check_sum(rd, v, &r->root) != 0)
		return -1;
	if (int_or_null(rd, v, "max", &max, &has_max) != 0)
		return -1;
	/* A member card's maximum is its scope's. */
	if (!has_max || max != scorecard_total(rd->sc).max)
		return bad(rd, json_get(v, "max"), _("\"max\" must be the"
		    " rubric's total, %d"), scorecard_total(rd->sc).max);
	return 0;
}

/* "revision": 1, 2, ...; absent in exports older than revisions: 1. */
static int
read_revision(struct reading *rd, const struct json_value *v)
{
	const struct json_value *r = json_get(v, "revision");
	int n;

	if (r == NULL)
		return 0;
	if (!json_as_int(r, &n) || n < 1)
		return bad(rd, r, _("\"revision\" must be a whole number,"
		    " 1 or more"));
	rd->sc->revision = n;
	return 0;
}

/* A final card's "seal": kept, and the store checks it against the content. */
static int
read_seal(struct reading *rd, const struct json_value *v)
{
	const struct json_value *s = json_get(v, "seal");
	size_t i;

	if (s == NULL)
		return 0;
	if (s->type != JSON_STRING || strlen(s->text) != 64)
		return bad(rd, s, _("\"seal\" must be 64 hex digits"));
	for (i = 0; i < 64; i++)
		if (strchr("0123456789abcdef", s->text[i]) == NULL)
			return bad(rd, s, _("\"seal\" must be 64 hex digits"));
	memcpy(rd->sc->seal, s->text, 65);
	return 0;
}

/* Last, as the store's triggers want: a final card is complete and locked. */
static int
read_status(struct reading *rd, const struct json_value *v)
{
	struct scorecard *sc = rd->sc;
	const char *status = string_of(rd, v, "status");
	struct scorecard_sum t;

	if (status == NULL)
		return -1;
	if (strcmp(status, "draft") == 0) {
		if (*sc->finalized_at != '\0')
			return bad(rd, json_get(v, "finalized_at"), _("a draft"
			    " cannot have been finalized"));
		return 0;
	}
	if (strcmp(status, "final") != 0)
		return bad(rd, json_get(v, "status"), _("\"status\" is draft"
		    " or final, not \"%s\""), status);
	if (!scorecard_complete(sc)) {
		t = scorecard_total(sc);
		return bad(rd, json_get(v, "status"), _("a final scorecard"
		    " must be complete, but only %zu of %zu items are"
		    " scored"), t.scored, t.items);
	}
	if (*sc->finalized_at == '\0')
		return bad(rd, json_get(v, "finalized_at"), _("a final"
		    " scorecard needs its finalized_at time"));
	sc->status = SCORECARD_FINAL;
	return read_seal(rd, v);
}

void
import_cache_clear(struct import_cache *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->snaps[i].text);
		rubric_free(c->snaps[i].rubric);
	}
	free(c->snaps);
	c->snaps = NULL;
	c->n = 0;
}

int
import_record(const struct json_value *v, const char *name,
    struct import_cache *cache, struct scorecard **out, char **cause)
{
	struct reading rd = { name, cache, NULL, NULL, NULL };
	int rc = -1;

	if (v->type != JSON_OBJECT) {
		bad(&rd, v, _("a record must be an object (one export), not"
		    " %s"), json_type_name(v->type));
		*cause = rd.cause;
		return -1;
	}
	if ((rd.sc = read_rubric(&rd, v)) != NULL) {
		rd.seen = xcalloc(rd.sc->rubric->nitems + 1, sizeof *rd.seen);
		if (read_header(&rd, v) == 0 &&
		    import_team_scope(v, name, rd.sc, &rd.cause) == 0 &&
		    read_tree(&rd, v) == 0 &&
		    import_team_parts(v, name, rd.sc, &rd.cause) == 0 &&
		    import_evidence(v, name, rd.sc, &rd.cause) == 0 &&
		    read_revision(&rd, v) == 0 &&
		    read_status(&rd, v) == 0 && check_counts(&rd, v) == 0)
			rc = 0;
		free(rd.seen);
	}
	if (rc != 0) {
		scorecard_free(rd.sc);
		*cause = rd.cause;
		return -1;
	}
	*out = rd.sc;
	return 0;
}
