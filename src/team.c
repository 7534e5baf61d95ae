/*
 * The team card's rules: how members' scores become the team's, when a
 * difference is marked enough to be flagged, and how the lead settles
 * it. Every rule of the 考核小組 lives here; the store, the command line
 * and the screens only call these.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "scorecard.h"
#include "sha256.h"
#include "team.h"
#include "xalloc.h"

static const struct {
	const char	*name;
	const char	*label;
} hows[] = {
	[TEAM_HOW_NONE] = { NULL, "" },
	[TEAM_HOW_SINGLE] = { "single", N_("一人評分") },
	[TEAM_HOW_MEAN] = { "mean", N_("平均") },
	[TEAM_HOW_CONSENSUS] = { "consensus", N_("共識") },
	[TEAM_HOW_MEDIAN] = { "median", N_("中位數") },
	[TEAM_HOW_RESCORE] = { "rescore", N_("複評") },
};
#define NHOWS	(sizeof hows / sizeof hows[0])

int
team_how_parse(const char *name)
{
	size_t i;

	for (i = 1; name != NULL && i < NHOWS; i++)
		if (strcmp(hows[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
team_how_name(enum team_how how)
{
	return (size_t)how < NHOWS ? hows[how].name : NULL;
}

const char *
team_how_label(enum team_how how)
{
	return (size_t)how < NHOWS && how != TEAM_HOW_NONE ?
	    _(hows[how].label) : "";
}

/* Scores are never negative (the rubric refuses it): half up is +n/2n. */
int
team_mean(const int *scores, size_t n)
{
	long long sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += scores[i];
	return (int)((2 * sum + (long long)n) / (2 * (long long)n));
}

static int
compare_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

int
team_median(const int *scores, size_t n)
{
	int *sorted = xcalloc(n, sizeof *sorted), m;

	memcpy(sorted, scores, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, compare_int);
	m = n % 2 == 1 ? sorted[n / 2] : team_mean(sorted + n / 2 - 1, 2);
	free(sorted);
	return m;
}

int
team_card_tolerance(const struct rubric *r, int given)
{
	if (given >= 0)
		return given;
	if (r->tolerance >= 0)
		return r->tolerance;
	return TEAM_DEFAULT_TOLERANCE;
}

/* The nearest node at or above item that sets one; the root is the card. */
int
team_item_tolerance(const struct rubric_node *item, int card_pct)
{
	const struct rubric_node *n;

	for (n = item; n != NULL && n->parent != NULL; n = n->parent)
		if (n->tolerance >= 0)
			return n->tolerance;
	return card_pct;
}

/*
 * The range's size counts both ends, as the form does (1~30分 is 30
 * scores wide), so that 20% of a 1~5 item lets members differ by 1.
 * In whole numbers: spread > pct% of the size, without rounding.
 */
int
team_range_size(const struct rubric_node *item)
{
	return item->max - item->min + 1;
}

bool
team_exceeds(const struct rubric_node *item, int spread, int pct)
{
	return (long long)spread * 100 >
	    (long long)pct * team_range_size(item);
}

/* The scores of the members who scored item; caller frees. */
static int *
scores_of(const struct team *t, size_t item, size_t *n)
{
	int *v = xcalloc(t->nmembers > 0 ? t->nmembers : 1, sizeof *v);
	size_t m;

	*n = 0;
	for (m = 0; m < t->nmembers; m++)
		if (t->members[m].marks[item].scored)
			v[(*n)++] = t->members[m].marks[item].score;
	return v;
}

struct team_figures
team_figures(const struct team *t, size_t item)
{
	struct team_figures f = { 0, 0, 0, 0, 0, 0 };
	int *v = scores_of(t, item, &f.n);
	size_t i;

	if (f.n > 0) {
		f.low = f.high = v[0];
		for (i = 1; i < f.n; i++) {
			if (v[i] < f.low)
				f.low = v[i];
			if (v[i] > f.high)
				f.high = v[i];
		}
		f.spread = f.high - f.low;
		f.mean = team_mean(v, f.n);
		f.median = team_median(v, f.n);
	}
	free(v);
	return f;
}

static bool
band_holds(const struct rubric_node *item, int tier, int score)
{
	return tier >= 1 && (size_t)tier <= item->ntiers &&
	    score >= item->tiers[tier - 1].min &&
	    score <= item->tiers[tier - 1].max;
}

/* The members' tier when all who scored chose the same one. */
static int
common_tier(const struct team *t, size_t index)
{
	int tier = 0;
	size_t m;

	for (m = 0; m < t->nmembers; m++) {
		const struct team_mark *k = &t->members[m].marks[index];

		if (!k->scored)
			continue;
		if (tier != 0 && k->tier != tier)
			return 0;
		tier = k->tier;
	}
	return tier;
}

int
team_pick_tier(const struct team *t, const struct rubric_node *item,
    size_t index, int score)
{
	int tier, first = 0, holding = 0;
	size_t i, m;

	if (item->ntiers == 0)
		return 0;
	tier = common_tier(t, index);
	if (band_holds(item, tier, score))
		return tier;
	for (i = 0; i < item->ntiers; i++) {
		if (!band_holds(item, (int)i + 1, score))
			continue;
		if (first == 0)
			first = (int)i + 1;
		holding++;
	}
	if (holding <= 1)
		return first;
	for (m = 0; m < t->nmembers; m++) {
		const struct team_mark *k = &t->members[m].marks[index];

		if (k->scored && band_holds(item, k->tier, score))
			return k->tier;
	}
	return first;
}

struct team *
team_new(size_t nitems)
{
	struct team *t = xcalloc(1, sizeof *t);
	size_t i;

	t->lead = xstrdup("");
	t->tolerance = TEAM_DEFAULT_TOLERANCE;
	t->items = xcalloc(nitems > 0 ? nitems : 1, sizeof *t->items);
	for (i = 0; i < nitems; i++)
		t->items[i].reason = xstrdup("");
	return t;
}

static void
member_clear(struct team_member *m, size_t nitems)
{
	size_t i;

	for (i = 0; m->marks != NULL && i < nitems; i++) {
		free(m->marks[i].record);
		free(m->marks[i].rationale);
	}
	free(m->marks);
	for (i = 0; i < m->ninspectors; i++)
		free(m->inspectors[i]);
	free(m->inspectors);
}

void
team_free(struct team *t, size_t nitems)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nmembers; i++)
		member_clear(&t->members[i], nitems);
	free(t->members);
	for (i = 0; i < nitems; i++)
		free(t->items[i].reason);
	free(t->items);
	free(t->lead);
	free(t);
}

char *
team_member_name(const struct team *t, size_t m)
{
	const struct team_member *mb = &t->members[m];
	char *name = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < mb->ninspectors; i++) {
		next = xasprintf("%s%s%s", name, i > 0 ? "、" : "",
		    mb->inspectors[i]);
		free(name);
		name = next;
	}
	return name;
}

/* Length-prefixed, so that no two different cards hash the same bytes. */
static void
hash_field(struct sha256 *h, const char *s)
{
	char len[24];
	size_t n = strlen(s);

	snprintf(len, sizeof len, "%zu:", n);
	sha256_update(h, len, strlen(len));
	sha256_update(h, s, n);
}

static void
hash_int(struct sha256 *h, long long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	hash_field(h, buf);
}

void
team_fingerprint(const struct scorecard *sc, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char digest[32];
	struct sha256 h;
	size_t i;

	sha256_init(&h);
	hash_field(&h, sc->uuid);
	hash_field(&h, sc->rubric_sha256);
	hash_field(&h, sc->agency);
	hash_field(&h, sc->date);
	hash_int(&h, (long long)sc->ninspectors);
	for (i = 0; i < sc->ninspectors; i++)
		hash_field(&h, sc->inspectors[i]);
	hash_int(&h, (long long)sc->nscope);
	for (i = 0; i < sc->nscope; i++)
		hash_field(&h, sc->scope[i]);
	for (i = 0; i < sc->rubric->nitems; i++) {
		const struct scorecard_entry *e = &sc->entries[i];

		hash_int(&h, e->scored ? e->score : -1);
		hash_int(&h, e->tier);
		hash_field(&h, e->record);
		hash_field(&h, e->rationale);
	}
	sha256_final(&h, digest);
	for (i = 0; i < 32; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[64] = '\0';
}

/* Why these cards cannot make one team card; NULL when they can. */
static char *
refuse_members(const struct scorecard *const *mb, size_t n)
{
	const struct scorecard *a = mb[0], *b;
	size_t i, j;

	if (n < 2)
		return xstrdup(_("a team card needs at least two member"
		    " cards"));
	for (i = 0; i < n; i++) {
		b = mb[i];
		if (b->team != NULL)
			return xasprintf(_("scorecard %lld is a team card,"
			    " not a member's"), b->id);
		if (b->status != SCORECARD_FINAL)
			return xasprintf(_("scorecard %lld is a draft; a"
			    " member card must be finalized first"), b->id);
		for (j = 0; j < i; j++)
			if (strcmp(mb[j]->uuid, b->uuid) == 0)
				return xasprintf(_("scorecard %lld is given"
				    " twice"), b->id);
		if (strcmp(a->agency, b->agency) != 0)
			return xasprintf(_("scorecard %lld is for %s but"
			    " scorecard %lld is for %s; a team card is one"
			    " agency's"), b->id, b->agency, a->id, a->agency);
		if (strcmp(a->date, b->date) != 0)
			return xasprintf(_("scorecard %lld is dated %s but"
			    " scorecard %lld %s; a team card is one"
			    " inspection's"), b->id, b->date, a->id, a->date);
		if (strcmp(a->rubric_sha256, b->rubric_sha256) != 0)
			return xasprintf(_("scorecard %lld was scored with"
			    " another rubric snapshot (%s %.12s) than"
			    " scorecard %lld (%s %.12s)"), b->id,
			    b->rubric->id, b->rubric_sha256, a->id,
			    a->rubric->id, a->rubric_sha256);
	}
	return NULL;
}

static void
add_inspector(struct scorecard *sc, const char *name)
{
	size_t i;

	for (i = 0; i < sc->ninspectors; i++)
		if (strcmp(sc->inspectors[i], name) == 0)
			return;
	sc->inspectors = xreallocarray(sc->inspectors, sc->ninspectors + 1,
	    sizeof *sc->inspectors);
	sc->inspectors[sc->ninspectors++] = xstrdup(name);
}

static void
take_member(struct team_member *m, const struct scorecard *from)
{
	size_t i, n = from->rubric->nitems;

	memcpy(m->uuid, from->uuid, sizeof m->uuid);
	team_fingerprint(from, m->fingerprint);
	m->inspectors = xcalloc(from->ninspectors + 1, sizeof *m->inspectors);
	for (i = 0; i < from->ninspectors; i++)
		m->inspectors[i] = xstrdup(from->inspectors[i]);
	m->ninspectors = from->ninspectors;
	m->marks = xcalloc(n > 0 ? n : 1, sizeof *m->marks);
	for (i = 0; i < n; i++) {
		const struct scorecard_entry *e = &from->entries[i];
		struct team_mark *k = &m->marks[i];

		k->scored = e->scored && scorecard_in_scope(from, i);
		k->score = k->scored ? e->score : 0;
		k->tier = k->scored ? e->tier : 0;
		k->record = xstrdup(k->scored ? e->record : "");
		k->rationale = xstrdup(k->scored ? e->rationale : "");
	}
}

/* One member's note as is; several members' prefixed with their names. */
static char *
merge_notes(const struct team *t, size_t item, bool rationale)
{
	char *text = xstrdup(""), *next, *name;
	const struct team_mark *k;
	size_t m, n = team_figures(t, item).n;

	for (m = 0; m < t->nmembers; m++) {
		k = &t->members[m].marks[item];
		if (!k->scored || *(rationale ? k->rationale : k->record) ==
		    '\0')
			continue;
		name = team_member_name(t, m);
		next = n == 1 ? xstrdup(rationale ? k->rationale : k->record) :
		    xasprintf("%s%s%s：%s", text, *text != '\0' ? "\n" : "",
		    name, rationale ? k->rationale : k->record);
		free(name);
		free(text);
		text = next;
	}
	return text;
}

/* The automatic rule: one member's score, else a mean within tolerance. */
static void
resolve_item(struct scorecard *sc, size_t i)
{
	const struct rubric_node *item = sc->rubric->items[i];
	struct team *t = sc->team;
	struct team_figures f = team_figures(t, i);
	struct scorecard_entry *e = &sc->entries[i];
	int score;

	free(e->record);
	e->record = merge_notes(t, i, false);
	free(e->rationale);
	e->rationale = merge_notes(t, i, true);
	if (f.n == 0)
		return;
	if (f.n > 1 && team_exceeds(item, f.spread,
	    team_item_tolerance(item, t->tolerance))) {
		t->items[i].flagged = true;
		return;
	}
	score = f.n == 1 ? f.low : f.mean;
	e->scored = true;
	e->score = score;
	e->tier = team_pick_tier(t, item, i, score);
	t->items[i].how = f.n == 1 ? TEAM_HOW_SINGLE : TEAM_HOW_MEAN;
}

int
team_build(const struct scorecard *const *members, size_t n,
    const char *lead, int tolerance, struct scorecard **out, char **cause)
{
	struct rubric *r;
	struct scorecard *sc;
	char *why, *text;
	size_t i, j;

	if ((why = refuse_members(members, n)) != NULL) {
		*cause = why;
		return -1;
	}
	text = xstrdup(members[0]->rubric_text);
	if (rubric_parse(text, strlen(text), "rubric", &r, &why) != 0) {
		*cause = xasprintf(_("scorecard %lld's rubric does not load:"
		    " %s"), members[0]->id, why);
		free(why);
		free(text);
		return -1;
	}
	sc = scorecard_new(r, text);
	free(sc->agency);
	sc->agency = xstrdup(members[0]->agency);
	free(sc->date);
	sc->date = xstrdup(members[0]->date);
	for (i = 0; i < n; i++)
		for (j = 0; j < members[i]->ninspectors; j++)
			add_inspector(sc, members[i]->inspectors[j]);
	sc->team = team_new(r->nitems);
	free(sc->team->lead);
	sc->team->lead = xstrdup(lead != NULL ? lead : "");
	sc->team->tolerance = team_card_tolerance(r, tolerance);
	sc->team->members = xcalloc(n, sizeof *sc->team->members);
	for (i = 0; i < n; i++)
		take_member(&sc->team->members[i], members[i]);
	sc->team->nmembers = n;
	for (i = 0; i < r->nitems; i++)
		resolve_item(sc, i);
	*out = sc;
	return 0;
}

bool
team_unresolved(const struct scorecard *sc, size_t item)
{
	return sc->team != NULL && sc->team->items[item].flagged &&
	    sc->team->items[item].how == TEAM_HOW_NONE;
}

size_t
team_count_unresolved(const struct scorecard *sc)
{
	size_t i, n = 0;

	for (i = 0; i < sc->rubric->nitems; i++)
		if (team_unresolved(sc, i))
			n++;
	return n;
}

long
team_next_unresolved(const struct scorecard *sc, size_t from)
{
	size_t n = sc->rubric->nitems, i, j;

	for (i = 0; i < n; i++) {
		j = (from % n + i) % n;
		if (team_unresolved(sc, j))
			return (long)j;
	}
	return -1;
}

static bool
team_blank(const char *s)
{
	/* ASCII blanks and the ideographic space U+3000. */
	while (*s != '\0') {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else
			return false;
	}
	return true;
}

/* A mean or a median is a computation: the score must be its result. */
static int
check_computed(const struct scorecard *sc, size_t item, int score,
    enum team_how how, char **cause)
{
	const struct rubric_node *node = sc->rubric->items[item];
	struct team_figures f = team_figures(sc->team, item);
	int want = how == TEAM_HOW_MEAN ? f.mean : f.median;

	if (f.n == 0) {
		*cause = xasprintf(_("%s %s: no member scored it, so there is"
		    " no %s; settle it by consensus or rescore"), node->key,
		    node->title, team_how_name(how));
		return -1;
	}
	if (score != want) {
		*cause = xasprintf(_("%s %s: the members' %s is %d, not %d"),
		    node->key, node->title, team_how_name(how), want, score);
		return -1;
	}
	return 0;
}

int
team_check_settle(const struct scorecard *sc, size_t item, int score,
    enum team_how how, const char *reason, int *tier_out, char **cause)
{
	const struct rubric_node *node;
	int tier;

	if (sc->team == NULL) {
		*cause = xasprintf(_("scorecard %lld is not a team card; --how"
		    " settles a team card's items"), sc->id);
		return -1;
	}
	if (sc->status == SCORECARD_FINAL) {
		*cause = xasprintf(_("scorecard %lld is finalized; it cannot be"
		    " changed"), sc->id);
		return -1;
	}
	node = sc->rubric->items[item];
	if (how != TEAM_HOW_CONSENSUS && how != TEAM_HOW_MEAN &&
	    how != TEAM_HOW_MEDIAN && how != TEAM_HOW_RESCORE) {
		*cause = xasprintf(_("%s %s: how is consensus, mean, median or"
		    " rescore"), node->key, node->title);
		return -1;
	}
	if (reason == NULL || team_blank(reason)) {
		*cause = xasprintf(_("%s %s: the reason is empty; say how the"
		    " difference was settled"), node->key, node->title);
		return -1;
	}
	if ((how == TEAM_HOW_MEAN || how == TEAM_HOW_MEDIAN) &&
	    check_computed(sc, item, score, how, cause) != 0)
		return -1;
	if (*tier_out == 0)
		*tier_out = team_pick_tier(sc->team, node, item, score);
	if (scorecard_check(node, score, *tier_out, &tier, cause) != 0)
		return -1;
	*tier_out = tier;
	return 0;
}

void
team_apply_settle(struct scorecard *sc, size_t item, int score, int tier,
    enum team_how how, const char *reason)
{
	struct scorecard_entry *e = &sc->entries[item];

	e->scored = true;
	e->score = score;
	e->tier = tier;
	sc->team->items[item].how = how;
	free(sc->team->items[item].reason);
	sc->team->items[item].reason = xstrdup(reason);
}

int
team_check_finalize(const struct scorecard *sc, char **cause)
{
	char *keys = xstrdup(""), *next;
	size_t i, n = 0;

	for (i = 0; i < sc->rubric->nitems; i++) {
		if (!team_unresolved(sc, i))
			continue;
		next = xasprintf("%s%s%s", keys, n++ > 0 ? ", " : "",
		    sc->rubric->items[i]->key);
		free(keys);
		keys = next;
	}
	if (n == 0) {
		free(keys);
		return 0;
	}
	*cause = xasprintf(_("scorecard %lld cannot be finalized: %zu flagged"
	    " items are unresolved: %s"), sc->id, n, keys);
	free(keys);
	return -1;
}

char *
team_unresolved_text(const struct scorecard *sc, size_t i)
{
	const struct rubric_node *item = sc->rubric->items[i];
	struct team_figures f = team_figures(sc->team, i);
	int pct = team_item_tolerance(item, sc->team->tolerance);

	return xasprintf(_("flagged, unresolved: members %d~%d, a spread of %d"
	    " over %d%% of %d~%d; settle it with --how and --reason"), f.low,
	    f.high, f.spread, pct, item->min, item->max);
}

/* Do both cards hold the same members' same scores for item i? */
static bool
same_marks(const struct team *a, const struct team *b, size_t i)
{
	size_t m;

	if (a->nmembers != b->nmembers)
		return false;
	for (m = 0; m < a->nmembers; m++) {
		const struct team_mark *x = &a->members[m].marks[i];
		const struct team_mark *y = &b->members[m].marks[i];

		if (strcmp(a->members[m].uuid, b->members[m].uuid) != 0 ||
		    x->scored != y->scored || (x->scored &&
		    x->score != y->score))
			return false;
	}
	return true;
}

/* Old's note of item when it is not what its members' notes made it. */
static void
carry_note(char **fresh, const char *old, const struct team *t, size_t item,
    bool rationale, size_t *n)
{
	char *made = merge_notes(t, item, rationale);

	if (strcmp(old, made) != 0) {
		free(*fresh);
		*fresh = xstrdup(old);
		(*n)++;
	}
	free(made);
}

size_t
team_carry_notes(struct scorecard *fresh, const struct scorecard *old)
{
	size_t i, n = 0;

	for (i = 0; i < fresh->rubric->nitems; i++) {
		carry_note(&fresh->entries[i].record, old->entries[i].record,
		    old->team, i, false, &n);
		carry_note(&fresh->entries[i].rationale,
		    old->entries[i].rationale, old->team, i, true, &n);
	}
	return n;
}

size_t
team_carry_settlements(struct scorecard *fresh, const struct scorecard *old)
{
	const struct team_item *it;
	size_t i, n = 0;
	char *cause = NULL;
	int tier;

	for (i = 0; i < fresh->rubric->nitems; i++) {
		it = &old->team->items[i];
		if (!team_unresolved(fresh, i) || !it->flagged ||
		    it->how == TEAM_HOW_NONE || !old->entries[i].scored ||
		    !same_marks(fresh->team, old->team, i))
			continue;
		tier = old->entries[i].tier;
		if (team_check_settle(fresh, i, old->entries[i].score, it->how,
		    it->reason, &tier, &cause) != 0) {
			free(cause);
			cause = NULL;
			continue;
		}
		team_apply_settle(fresh, i, old->entries[i].score, tier,
		    it->how, it->reason);
		n++;
	}
	return n;
}
