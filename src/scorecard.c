/*
 * The scoring rules: an item's range, the tier that narrows it, sums that
 * stay visible while a section is incomplete, and finalization. Pure
 * functions over plain structs: the store and the screens call these.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "evidence.h"
#include "scorecard.h"
#include "sha256.h"
#include "team.h"
#include "xalloc.h"

static struct scorecard *
scorecard_alloc(size_t n)
{
	struct scorecard *sc = xcalloc(1, sizeof *sc);
	size_t i;

	sc->agency = xstrdup("");
	sc->date = xstrdup("");
	sc->created_at = xstrdup("");
	sc->updated_at = xstrdup("");
	sc->finalized_at = xstrdup("");
	sc->status = SCORECARD_DRAFT;
	sc->revision = 1;
	sc->entries = xcalloc(n > 0 ? n : 1, sizeof *sc->entries);
	for (i = 0; i < n; i++) {
		sc->entries[i].record = xstrdup("");
		sc->entries[i].rationale = xstrdup("");
	}
	return sc;
}

struct scorecard *
scorecard_new(struct rubric *rubric, char *rubric_text)
{
	struct scorecard *sc = scorecard_alloc(rubric->nitems);

	sc->rubric = rubric;
	sc->rubric_text = rubric_text != NULL ? rubric_text : xstrdup("");
	sha256_hex(sc->rubric_text, strlen(sc->rubric_text), sc->rubric_sha256);
	return sc;
}

struct scorecard *
scorecard_new_borrowed(const struct rubric *rubric, const char *rubric_text,
    const char *sha256)
{
	struct scorecard *sc = scorecard_alloc(rubric->nitems);

	/* Never written through: scorecard_free knows not to free them. */
	sc->rubric = (struct rubric *)rubric;
	sc->rubric_text = (char *)rubric_text;
	snprintf(sc->rubric_sha256, sizeof sc->rubric_sha256, "%s", sha256);
	sc->borrowed = true;
	return sc;
}

void
scorecard_free(struct scorecard *sc)
{
	size_t i;

	if (sc == NULL)
		return;
	for (i = 0; sc->rubric != NULL && i < sc->rubric->nitems; i++) {
		free(sc->entries[i].record);
		free(sc->entries[i].rationale);
	}
	free(sc->entries);
	team_free(sc->team, sc->rubric != NULL ? sc->rubric->nitems : 0);
	evidence_set_free(sc->evidence);
	free(sc->evidence);
	for (i = 0; i < sc->nscope; i++)
		free(sc->scope[i]);
	free(sc->scope);
	free(sc->in_scope);
	for (i = 0; i < sc->ninspectors; i++)
		free(sc->inspectors[i]);
	free(sc->inspectors);
	free(sc->agency);
	free(sc->date);
	free(sc->created_at);
	free(sc->updated_at);
	free(sc->finalized_at);
	if (!sc->borrowed) {
		free(sc->rubric_text);
		rubric_free(sc->rubric);
	}
	free(sc);
}

void
scorecard_free_array(struct scorecard **cards, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		scorecard_free(cards[i]);
	free(cards);
}

int
scorecard_parse_score(const char *text, int *score, char **cause)
{
	long v = 0;
	const char *p;

	if (*text == '\0') {
		*cause = xstrdup(_("a score is required (a whole number such"
		    " as 28)"));
		return -1;
	}
	for (p = text; *p != '\0'; p++) {
		if (*p < '0' || *p > '9') {
			*cause = xasprintf(_("'%s' is not a score (a whole"
			    " number such as 28, without sign or spaces)"),
			    text);
			return -1;
		}
		v = v * 10 + (*p - '0');
		if (v > INT_MAX) {
			*cause = xasprintf(_("'%s' is too large for a score"),
			    text);
			return -1;
		}
	}
	*score = (int)v;
	return 0;
}

/* "1.1.3 服務人員專業度": how every message names an item. */
static char *
item_name(const struct rubric_node *item)
{
	return xasprintf("%s %s", item->key, item->title);
}

static bool
tier_holds(const struct rubric_tier *t, int score)
{
	return score >= t->min && score <= t->max;
}

/* "2 (1~15), 3 (1~10)": the tiers whose band holds score, or all. */
static char *
list_tiers(const struct rubric_node *item, int score, bool holding,
    size_t *count)
{
	char *list = xstrdup(""), *next;
	size_t i;

	*count = 0;
	for (i = 0; i < item->ntiers; i++) {
		const struct rubric_tier *t = &item->tiers[i];

		if (holding && !tier_holds(t, score))
			continue;
		next = xasprintf("%s%s%zu (%d~%d)", list, *count ? ", " : "",
		    i + 1, t->min, t->max);
		free(list);
		list = next;
		(*count)++;
	}
	return list;
}

/* Without --tier: the one band that holds score. */
static int
pick_tier(const struct rubric_node *item, int score, int *tier_out,
    char **cause)
{
	char *name, *list;
	size_t n, i;

	list = list_tiers(item, score, true, &n);
	if (n == 1) {
		for (i = 0; !tier_holds(&item->tiers[i], score); i++)
			continue;
		*tier_out = (int)i + 1;
		free(list);
		return 0;
	}
	name = item_name(item);
	if (n > 1)
		*cause = xasprintf(_("%s: %d fits several tiers: %s; choose one"
		    " with --tier"), name, score, list);
	else {
		free(list);
		list = list_tiers(item, score, false, &n);
		*cause = xasprintf(_("%s: %d fits no tier: %s"), name, score,
		    list);
	}
	free(name);
	free(list);
	return -1;
}

/* With --tier N: N must exist and its band must hold score. */
static int
check_tier(const struct rubric_node *item, int score, int tier, char **cause)
{
	char *name = item_name(item);
	const struct rubric_tier *t;
	int rc = -1;

	if (item->ntiers == 0)
		*cause = xasprintf(_("%s has no tiers; --tier %d does not"
		    " apply"), name, tier);
	else if (tier < 1 || (size_t)tier > item->ntiers)
		*cause = xasprintf(_("%s: there is no tier %d (tiers 1~%zu)"),
		    name, tier, item->ntiers);
	else {
		t = &item->tiers[tier - 1];
		if (tier_holds(t, score))
			rc = 0;
		else
			*cause = xasprintf(_("%s: %d is outside tier %d"
			    " (%d~%d)"), name, score, tier, t->min, t->max);
	}
	free(name);
	return rc;
}

int
scorecard_check(const struct rubric_node *item, int score, int tier,
    int *tier_out, char **cause)
{
	char *name;

	if (score < item->min || score > item->max) {
		name = item_name(item);
		*cause = xasprintf(_("%s: %d is out of range %d~%d"), name,
		    score, item->min, item->max);
		free(name);
		return -1;
	}
	if (tier != 0) {
		if (check_tier(item, score, tier, cause) != 0)
			return -1;
		*tier_out = tier;
		return 0;
	}
	if (item->ntiers == 0) {
		*tier_out = 0;
		return 0;
	}
	return pick_tier(item, score, tier_out, cause);
}

bool
scorecard_in_range(const struct rubric_node *item, int score, int tier)
{
	if (score < item->min || score > item->max)
		return false;
	if (tier == 0)
		return true;
	if (tier < 0 || (size_t)tier > item->ntiers)
		return false;
	return tier_holds(&item->tiers[tier - 1], score);
}

size_t
scorecard_tiers_holding(const struct rubric_node *item, int score, int **out)
{
	size_t i, n = 0;

	*out = NULL;
	for (i = 0; i < item->ntiers; i++) {
		if (!tier_holds(&item->tiers[i], score))
			continue;
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = (int)i + 1;
	}
	return n;
}

static int
refuse_change(const struct scorecard *sc, size_t item, char **cause)
{
	if (sc->status == SCORECARD_FINAL) {
		*cause = xasprintf(_("scorecard %lld is finalized; it cannot be"
		    " changed"), sc->id);
		return -1;
	}
	if (item >= sc->rubric->nitems) {
		*cause = xasprintf(_("no item %zu in rubric %s"), item,
		    sc->rubric->id);
		return -1;
	}
	return 0;
}

int
scorecard_check_scope(const struct scorecard *sc, size_t item, char **cause)
{
	char *name, *scope;

	if (scorecard_in_scope(sc, item))
		return 0;
	name = item_name(sc->rubric->items[item]);
	scope = scorecard_scope_text(sc, ", ");
	*cause = xasprintf(_("%s is outside scorecard %lld's scope (%s)"),
	    name, sc->id, scope);
	free(scope);
	free(name);
	return -1;
}

int
scorecard_set(struct scorecard *sc, size_t item, int score, int tier,
    char **cause)
{
	int chosen;

	if (refuse_change(sc, item, cause) != 0 ||
	    scorecard_check_scope(sc, item, cause) != 0 ||
	    scorecard_check(sc->rubric->items[item], score, tier, &chosen,
	    cause) != 0)
		return -1;
	sc->entries[item].scored = true;
	sc->entries[item].score = score;
	sc->entries[item].tier = chosen;
	return 0;
}

/* A final scorecard or a bad index is left alone: the store refuses first. */
void
scorecard_clear(struct scorecard *sc, size_t item)
{
	if (sc->status == SCORECARD_FINAL || item >= sc->rubric->nitems)
		return;
	sc->entries[item].scored = false;
	sc->entries[item].score = 0;
	sc->entries[item].tier = 0;
}

int
scorecard_set_note(struct scorecard *sc, size_t item, enum scorecard_note kind,
    const char *text, char **cause)
{
	char **note;

	if (refuse_change(sc, item, cause) != 0)
		return -1;
	note = kind == SCORECARD_RECORD ? &sc->entries[item].record :
	    &sc->entries[item].rationale;
	free(*note);
	*note = xstrdup(text);
	return 0;
}

long long
scorecard_sum64(const struct scorecard *sc, const struct rubric_node *node)
{
	long long sum = 0;
	size_t i;

	for (i = node->item_first; i < node->item_first + node->item_count;
	    i++)
		if (sc->entries[i].scored)
			sum += sc->entries[i].score;
	return sum;
}

/* Summed in 64 bits: SQL can store any int in every entry. */
struct scorecard_sum
scorecard_sum(const struct scorecard *sc, const struct rubric_node *node)
{
	struct scorecard_sum sum = { 0, node->max, 0, node->item_count };
	long long total = scorecard_sum64(sc, node);
	size_t i;

	if (sc->in_scope != NULL) {
		sum.max = 0;
		sum.items = 0;
	}
	for (i = node->item_first; i < node->item_first + node->item_count;
	    i++) {
		if (sc->in_scope != NULL) {
			if (!sc->in_scope[i])
				continue;
			sum.max += sc->rubric->items[i]->max;
			sum.items++;
		}
		if (sc->entries[i].scored)
			sum.scored++;
	}
	sum.score = total > INT_MAX ? INT_MAX : total < INT_MIN ? INT_MIN :
	    (int)total;
	return sum;
}

struct scorecard_sum
scorecard_total(const struct scorecard *sc)
{
	return scorecard_sum(sc, &sc->rubric->root);
}

bool
scorecard_complete(const struct scorecard *sc)
{
	return scorecard_next_unscored(sc, 0) < 0;
}

bool
scorecard_same_inspectors(const struct scorecard *a,
    const struct scorecard *b)
{
	size_t i;

	if (a->ninspectors != b->ninspectors)
		return false;
	for (i = 0; i < a->ninspectors; i++)
		if (strcmp(a->inspectors[i], b->inspectors[i]) != 0)
			return false;
	return true;
}

long
scorecard_next_unscored(const struct scorecard *sc, size_t from)
{
	size_t n = sc->rubric->nitems, i, j;

	for (i = 0; i < n; i++) {
		j = (from % (n > 0 ? n : 1) + i) % n;
		if (!sc->entries[j].scored && scorecard_in_scope(sc, j))
			return (long)j;
	}
	return -1;
}

int
scorecard_check_finalize(const struct scorecard *sc, size_t **unscored,
    size_t *nunscored, char **cause)
{
	size_t i, n = 0;
	char *keys = xstrdup(""), *next;

	*unscored = NULL;
	*nunscored = 0;
	if (sc->status == SCORECARD_FINAL) {
		free(keys);
		*cause = xasprintf(_("scorecard %lld is already finalized"),
		    sc->id);
		return -1;
	}
	for (i = 0; i < sc->rubric->nitems; i++) {
		if (sc->entries[i].scored || !scorecard_in_scope(sc, i))
			continue;
		*unscored = xreallocarray(*unscored, n + 1, sizeof **unscored);
		(*unscored)[n++] = i;
		next = xasprintf("%s%s%s", keys, n > 1 ? ", " : "",
		    sc->rubric->items[i]->key);
		free(keys);
		keys = next;
	}
	*nunscored = n;
	if (n == 0) {
		free(keys);
		return 0;
	}
	*cause = xasprintf(_("scorecard %lld cannot be finalized: %zu of %zu"
	    " items are unscored: %s"), sc->id, n,
	    scorecard_total(sc).items, keys);
	free(keys);
	return -1;
}

int
scorecard_check_rules(const struct scorecard *sc, char **cause)
{
	const struct scorecard_entry *e;
	long long total;
	size_t i;
	int tier;

	for (i = 0; i < sc->rubric->nitems; i++) {
		e = &sc->entries[i];
		if (!e->scored)
			continue;
		if (!scorecard_in_scope(sc, i)) {
			*cause = xasprintf(_("%s %s is scored but outside the"
			    " card's scope"), sc->rubric->items[i]->key,
			    sc->rubric->items[i]->title);
			return -1;
		}
		if (scorecard_check(sc->rubric->items[i], e->score, e->tier,
		    &tier, cause) != 0)
			return -1;
		if (tier != e->tier) {
			*cause = xasprintf(_("%s %s: %d is recorded without its"
			    " tier (tier %d holds it)"), sc->rubric->items[i]->key,
			    sc->rubric->items[i]->title, e->score, tier);
			return -1;
		}
	}
	total = scorecard_sum64(sc, &sc->rubric->root);
	if (total < 0 || total > sc->rubric->root.max) {
		*cause = xasprintf(_("scorecard %lld: the total %lld is outside"
		    " 0~%d"), sc->id, total, sc->rubric->root.max);
		return -1;
	}
	return 0;
}

static int
two_digits(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

bool
scorecard_date_valid(const char *date)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int i, y, m, d;

	if (date == NULL || strlen(date) != 10 || date[4] != '-' ||
	    date[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (date[i] < '0' || date[i] > '9'))
			return false;
	y = two_digits(date) * 100 + two_digits(date + 2);
	m = two_digits(date + 5);
	d = two_digits(date + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	if (m == 2 && d == 29)
		return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return true;
}

int
scorecard_year(const struct scorecard *sc)
{
	if (!scorecard_date_valid(sc->date))
		return 0;
	return two_digits(sc->date) * 100 + two_digits(sc->date + 2);
}

/* A run of ASCII digits at *p (at most 4), advancing *p; -1 when none. */
static int
date_number(const char **p, size_t *ndigits)
{
	int v = 0;

	*ndigits = 0;
	while (**p >= '0' && **p <= '9' && *ndigits < 5) {
		v = v * 10 + (**p - '0');
		(*p)++;
		(*ndigits)++;
	}
	return *ndigits > 0 ? v : -1;
}

/* A separator: '-', '/', '.', or the given UTF-8 word (年, 月). */
static bool
date_separator(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (**p == '-' || **p == '/' || **p == '.') {
		(*p)++;
		return true;
	}
	if (strncmp(*p, word, n) == 0) {
		*p += n;
		return true;
	}
	return false;
}

int
scorecard_parse_date(const char *text, char out[11], char **cause)
{
	const char *p = text;
	size_t ny, nm, nd;
	char buf[40];
	int y, m, d;

	y = date_number(&p, &ny);
	if (y >= 0 && date_separator(&p, "年")) {
		m = date_number(&p, &nm);
		if (m >= 0 && date_separator(&p, "月")) {
			d = date_number(&p, &nd);
			if (strcmp(p, "日") == 0)
				p += strlen(p);
			/* 1-3 digits: a ROC (民國) year. */
			if (d >= 0 && *p == '\0' && nm <= 2 && nd <= 2 &&
			    (ny == 4 || (ny <= 3 && y > 0))) {
				if (ny <= 3)
					y += SCORECARD_ROC_OFFSET;
				snprintf(buf, sizeof buf, "%04d-%02d-%02d", y,
				    m, d);
				if (scorecard_date_valid(buf)) {
					memcpy(out, buf, 11);
					return 0;
				}
			}
		}
	}
	*cause = xasprintf(_("'%s' is not a date (want YYYY-MM-DD, e.g."
	    " 2021-08-06, or a ROC date such as 110-08-06)"), text);
	return -1;
}

bool
scorecard_in_scope(const struct scorecard *sc, size_t item)
{
	return sc->in_scope == NULL || sc->in_scope[item];
}

bool
scorecard_node_in_scope(const struct scorecard *sc,
    const struct rubric_node *node)
{
	size_t i;

	for (i = node->item_first; i < node->item_first + node->item_count;
	    i++)
		if (scorecard_in_scope(sc, i))
			return true;
	return false;
}

char *
scorecard_scope_text(const struct scorecard *sc, const char *sep)
{
	char *text = xstrdup(""), *next;
	size_t i;

	for (i = 0; i < sc->nscope; i++) {
		next = xasprintf("%s%s%s", text, i > 0 ? sep : "",
		    sc->scope[i]);
		free(text);
		text = next;
	}
	return text;
}

/* Each key names a node; none repeats or lies inside another. */
int
scorecard_scope_mask(const struct rubric *r, char *const *keys, size_t n,
    bool *covered, char **cause)
{
	const struct rubric_node *node;
	size_t k, i;

	for (k = 0; k < n; k++) {
		node = rubric_find(r, keys[k]);
		if (node == NULL) {
			*cause = xasprintf(_("--scope: rubric %s has no"
			    " section or item \"%s\""), r->id, keys[k]);
			return -1;
		}
		for (i = node->item_first; i < node->item_first +
		    node->item_count; i++) {
			if (covered[i]) {
				*cause = xasprintf(_("--scope: \"%s\" repeats"
				    " item %s, already in the scope"),
				    keys[k], r->items[i]->key);
				return -1;
			}
			covered[i] = true;
		}
	}
	return 0;
}

int
scorecard_set_scope(struct scorecard *sc, char *const *keys, size_t n,
    char **cause)
{
	size_t nitems = sc->rubric->nitems, i;
	bool *covered;

	covered = xcalloc(nitems > 0 ? nitems : 1, sizeof *covered);
	if (n > 0 && scorecard_scope_mask(sc->rubric, keys, n, covered,
	    cause) != 0) {
		free(covered);
		return -1;
	}
	for (i = 0; n > 0 && i < nitems; i++) {
		if (!covered[i] && sc->entries[i].scored) {
			*cause = xasprintf(_("--scope: item %s is scored but"
			    " outside the scope"), sc->rubric->items[i]->key);
			free(covered);
			return -1;
		}
	}
	for (i = 0; i < sc->nscope; i++)
		free(sc->scope[i]);
	free(sc->scope);
	free(sc->in_scope);
	sc->scope = NULL;
	sc->in_scope = NULL;
	sc->nscope = 0;
	if (n == 0) {
		free(covered);
		return 0;
	}
	sc->in_scope = covered;
	sc->scope = xcalloc(n, sizeof *sc->scope);
	for (i = 0; i < n; i++)
		sc->scope[i] = xstrdup(keys[i]);
	sc->nscope = n;
	return 0;
}

int
scorecard_filter_year(int year)
{
	return year < SCORECARD_ROC_OFFSET ? year + SCORECARD_ROC_OFFSET :
	    year;
}
