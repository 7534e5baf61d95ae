/*
 * Import of what the 考核小組 adds to an export (export-json-team.c): a
 * member card's scope, and a team card's team and per-leaf members,
 * flagged, how and reason. Checked like the rest of import: every uuid,
 * score and tier, and the team rules' own consistency (an unresolved item
 * has no team score, a settled one has one).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"
#include "team.h"
#include "uuid.h"
#include "xalloc.h"

struct treading {
	const char		*name;
	struct scorecard	*sc;
	char			*cause;
};

static int
tbad(struct treading *rd, const struct json_value *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
tbad(struct treading *rd, const struct json_value *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	json_vfail_at(&rd->cause, rd->name, at, fmt, ap);
	va_end(ap);
	return -1;
}

static const struct json_value *
typed(struct treading *rd, const struct json_value *obj, const char *key,
    enum json_type t)
{
	const struct json_value *v = json_get(obj, key);

	if (v == NULL) {
		tbad(rd, obj, _("\"%s\" is missing"), key);
		return NULL;
	}
	if (v->type != t) {
		tbad(rd, v, _("\"%s\" must be %s, not %s"), key,
		    json_type_name(t), json_type_name(v->type));
		return NULL;
	}
	return v;
}

int
import_team_scope(const struct json_value *v, const char *name,
    struct scorecard *sc, char **cause)
{
	struct treading rd = { name, sc, NULL };
	const struct json_value *a = json_get(v, "scope");
	char **keys;
	char *why = NULL;
	size_t i;
	int rc;

	if (a == NULL)
		return 0;
	if ((a = typed(&rd, v, "scope", JSON_ARRAY)) == NULL)
		goto fail;
	if (a->n == 0) {
		tbad(&rd, a, _("\"scope\" is empty (leave it out for a card"
		    " over the whole rubric)"));
		goto fail;
	}
	keys = xcalloc(a->n, sizeof *keys);
	for (i = 0; i < a->n; i++) {
		if (a->items[i].type != JSON_STRING) {
			free(keys);
			tbad(&rd, &a->items[i], _("a scope key must be a"
			    " string"));
			goto fail;
		}
		keys[i] = a->items[i].text;
	}
	rc = scorecard_set_scope(sc, keys, a->n, &why);
	free(keys);
	if (rc == 0)
		return 0;
	tbad(&rd, a, "%s", why);
	free(why);
fail:
	*cause = rd.cause;
	return -1;
}

static bool
hex64(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

static int
read_member(struct treading *rd, const struct json_value *o,
    struct team_member *m, size_t nitems)
{
	const struct json_value *u, *a, *fp;
	size_t i;

	if (o->type != JSON_OBJECT)
		return tbad(rd, o, _("a team member must be an object"));
	if ((u = typed(rd, o, "uuid", JSON_STRING)) == NULL ||
	    (a = typed(rd, o, "inspectors", JSON_ARRAY)) == NULL ||
	    (fp = typed(rd, o, "fingerprint", JSON_STRING)) == NULL)
		return -1;
	if (!uuid_valid(u->text))
		return tbad(rd, u, _("\"%s\" is not a UUID"), u->text);
	if (!hex64(fp->text))
		return tbad(rd, fp, _("a fingerprint is 64 hex digits"));
	if (a->n == 0)
		return tbad(rd, a, _("a team member needs an inspector"));
	memcpy(m->uuid, u->text, sizeof m->uuid);
	memcpy(m->fingerprint, fp->text, sizeof m->fingerprint);
	m->inspectors = xcalloc(a->n, sizeof *m->inspectors);
	for (i = 0; i < a->n; i++) {
		if (a->items[i].type != JSON_STRING ||
		    *a->items[i].text == '\0')
			return tbad(rd, &a->items[i], _("an inspector must be"
			    " a name (a non-empty string)"));
		m->inspectors[m->ninspectors++] = xstrdup(a->items[i].text);
	}
	m->marks = xcalloc(nitems > 0 ? nitems : 1, sizeof *m->marks);
	for (i = 0; i < nitems; i++) {
		m->marks[i].record = xstrdup("");
		m->marks[i].rationale = xstrdup("");
	}
	return 0;
}

static int
read_team(struct treading *rd, const struct json_value *o)
{
	struct scorecard *sc = rd->sc;
	const struct json_value *lead, *a;
	int tol;
	size_t m, j;

	lead = json_get(o, "lead");
	if (lead == NULL || (lead->type != JSON_NULL &&
	    lead->type != JSON_STRING))
		return tbad(rd, o, _("\"lead\" must be a name or null"));
	if (!json_as_int(json_get(o, "tolerance"), &tol) || tol < 0 ||
	    tol > 100)
		return tbad(rd, o, _("\"tolerance\" must be a percent,"
		    " 0~100"));
	if ((a = typed(rd, o, "members", JSON_ARRAY)) == NULL)
		return -1;
	if (a->n == 0)
		return tbad(rd, a, _("a team card needs its members"));
	sc->team = team_new(sc->rubric->nitems);
	free(sc->team->lead);
	sc->team->lead = xstrdup(lead->type == JSON_STRING ? lead->text : "");
	sc->team->tolerance = tol;
	sc->team->members = xcalloc(a->n, sizeof *sc->team->members);
	for (m = 0; m < a->n; m++) {
		sc->team->nmembers++;
		if (read_member(rd, &a->items[m], &sc->team->members[m],
		    sc->rubric->nitems) != 0)
			return -1;
		for (j = 0; j < m; j++)
			if (strcmp(sc->team->members[j].uuid,
			    sc->team->members[m].uuid) == 0)
				return tbad(rd, &a->items[m], _("member %s"
				    " appears twice"), sc->team->members[m].uuid);
	}
	return 0;
}

static long
member_index(const struct team *t, const char *uuid)
{
	size_t m;

	for (m = 0; m < t->nmembers; m++)
		if (strcmp(t->members[m].uuid, uuid) == 0)
			return (long)m;
	return -1;
}

static int
read_mark(struct treading *rd, const struct json_value *o, size_t i)
{
	const struct rubric_node *item = rd->sc->rubric->items[i];
	const struct json_value *u, *t, *rec, *rat;
	struct team_mark *k;
	char *why = NULL;
	int score, tier = 0, chosen;
	long m;

	if (o->type != JSON_OBJECT)
		return tbad(rd, o, _("a member's score must be an object"));
	if ((u = typed(rd, o, "uuid", JSON_STRING)) == NULL ||
	    (rec = typed(rd, o, "record", JSON_STRING)) == NULL ||
	    (rat = typed(rd, o, "rationale", JSON_STRING)) == NULL)
		return -1;
	if ((m = member_index(rd->sc->team, u->text)) < 0)
		return tbad(rd, u, _("%s is not one of the team's members"),
		    u->text);
	if (!json_as_int(json_get(o, "score"), &score))
		return tbad(rd, o, _("a member's \"score\" must be a whole"
		    " number"));
	t = json_get(o, "tier");
	if (t == NULL || (t->type != JSON_NULL && (!json_as_int(t, &tier) ||
	    tier < 1)))
		return tbad(rd, o, _("a member's \"tier\" must be a tier"
		    " (from 1) or null"));
	if (scorecard_check(item, score, tier, &chosen, &why) != 0) {
		tbad(rd, o, "%s", why);
		free(why);
		return -1;
	}
	k = &rd->sc->team->members[m].marks[i];
	if (k->scored)
		return tbad(rd, u, _("member %s scores item %s twice"),
		    u->text, item->key);
	k->scored = true;
	k->score = score;
	k->tier = chosen;
	free(k->record);
	k->record = xstrdup(rec->text);
	free(k->rationale);
	k->rationale = xstrdup(rat->text);
	return 0;
}

/* The leaf's team fields, and the rule that ties them to its score. */
static int
read_leaf(struct treading *rd, const struct json_value *v, size_t i)
{
	struct team_item *it = &rd->sc->team->items[i];
	const struct json_value *a, *fl, *how, *reason;
	size_t k;
	int h;

	if ((a = typed(rd, v, "members", JSON_ARRAY)) == NULL ||
	    (reason = typed(rd, v, "reason", JSON_STRING)) == NULL)
		return -1;
	fl = json_get(v, "flagged");
	if (fl == NULL || (fl->type != JSON_TRUE && fl->type != JSON_FALSE))
		return tbad(rd, v, _("\"flagged\" must be true or false"));
	how = json_get(v, "how");
	h = how != NULL && how->type == JSON_STRING ?
	    team_how_parse(how->text) : 0;
	if (how == NULL || (how->type != JSON_NULL && h <= 0))
		return tbad(rd, v, _("\"how\" must be single, mean, consensus,"
		    " median, rescore or null"));
	for (k = 0; k < a->n; k++)
		if (read_mark(rd, &a->items[k], i) != 0)
			return -1;
	it->flagged = fl->type == JSON_TRUE;
	it->how = (enum team_how)h;
	free(it->reason);
	it->reason = xstrdup(reason->text);
	if ((it->how == TEAM_HOW_NONE) == rd->sc->entries[i].scored)
		return tbad(rd, v, it->how == TEAM_HOW_NONE ?
		    _("item %s has a team score but no \"how\"") :
		    _("item %s says how it was settled but has no score"),
		    rd->sc->rubric->items[i]->key);
	return 0;
}

static int
read_leaves(struct treading *rd, const struct json_value *nodes)
{
	const struct json_value *n, *children, *key;
	long i;
	size_t k;

	for (k = 0; k < nodes->n; k++) {
		n = &nodes->items[k];
		children = json_get(n, "children");
		if (children != NULL) {
			if (read_leaves(rd, children) != 0)
				return -1;
			continue;
		}
		key = json_get(n, "key");
		i = rubric_item_index(rd->sc->rubric, key->text);
		if (read_leaf(rd, n, (size_t)i) != 0)
			return -1;
	}
	return 0;
}

/* After import's own reading of the tree: its shape is known good. */
int
import_team_parts(const struct json_value *v, const char *name,
    struct scorecard *sc, char **cause)
{
	struct treading rd = { name, sc, NULL };
	const struct json_value *o = json_get(v, "team");

	if (o == NULL)
		return 0;
	if (o->type != JSON_OBJECT)
		tbad(&rd, o, _("\"team\" must be an object"));
	else if (sc->nscope > 0)
		tbad(&rd, o, _("a team card has no scope"));
	else if (read_team(&rd, o) == 0)
		read_leaves(&rd, json_get(v, "nodes"));
	if (rd.cause == NULL)
		return 0;
	*cause = rd.cause;
	return -1;
}
