/*
 * The review: each kind of finding is one function over the scorecard.
 * A finding is advice; only "unscored" stops finalize (scorecard.c), and
 * on a team card "unresolved" (team.c).
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "team.h"
#include "text.h"
#include "xalloc.h"

static void
add(struct check_findings *out, const char *key, const char *kind,
    char *message)
{
	out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
	out->v[out->n].key = key;
	out->v[out->n].kind = kind;
	out->v[out->n].message = message;
	out->n++;
}

/* A digit at s, ASCII or full-width (U+FF10-FF19); its length in *len. */
static int
digit_at(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p >= '0' && *p <= '9') {
		*len = 1;
		return *p - '0';
	}
	if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 && p[2] <= 0x99) {
		*len = 3;
		return p[2] - 0x90;
	}
	return -1;
}

/* Spaces a typist puts around a number: ASCII and U+3000. */
static const char *
skip_spaces(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\u3000", 3) == 0)
			s += 3;
		else
			return s;
	}
}

size_t
check_rationale_scores(const char *rationale, long *scores, size_t max)
{
	const char *p = rationale, *q;
	size_t n = 0, len, ndigits;
	long v;
	int d;

	while ((p = strstr(p, "給予")) != NULL) {
		p += strlen("給予");
		q = skip_spaces(p);
		v = 0;
		ndigits = 0;
		while ((d = digit_at(q, &len)) >= 0) {
			if (v < 100000000)
				v = v * 10 + d;
			q += len;
			ndigits++;
		}
		if (ndigits == 0)
			continue;
		q = skip_spaces(q);
		if (strncmp(q, "分", strlen("分")) != 0)
			continue;
		if (n < max)
			scores[n] = v;
		n++;
		p = q;
	}
	return n < max ? n : max;
}

static void
check_rationale(const struct rubric_node *item,
    const struct scorecard_entry *e, struct check_findings *out)
{
	long named[16];
	size_t n, i;

	if (text_blank(e->rationale)) {
		add(out, item->key, "no-rationale", xstrdup(_("scored, but"
		    " the rationale (評分說明) is empty")));
		return;
	}
	n = check_rationale_scores(e->rationale, named, 16);
	for (i = 0; i < n; i++) {
		if (named[i] == e->score)
			continue;
		add(out, item->key, "rationale-score", xasprintf(_("the"
		    " rationale says 給予 %ld 分; the score is %d"), named[i],
		    e->score));
		return;
	}
}

/* The item with key in another card (another snapshot of the rubric). */
static const struct scorecard_entry *
entry_of(const struct scorecard *sc, const char *key)
{
	long i = rubric_item_index(sc->rubric, key);

	return i >= 0 ? &sc->entries[i] : NULL;
}

/* More than a third of the item's range away from last time. */
static void
check_swing(const struct rubric_node *item, const struct scorecard_entry *e,
    const struct scorecard *prev, struct check_findings *out)
{
	const struct scorecard_entry *p = entry_of(prev, item->key);
	int diff;

	if (p == NULL || !p->scored)
		return;
	diff = e->score > p->score ? e->score - p->score : p->score - e->score;
	if (diff * 3 <= item->max - item->min)
		return;
	add(out, item->key, "swing", xasprintf(_("%d now, %d on scorecard %lld"
	    " (%s): a change of %d in a range of %d~%d"), e->score, p->score,
	    prev->id, prev->date, diff, item->min, item->max));
}

void
check_scorecard(const struct scorecard *sc, const struct scorecard *prev,
    const char *today, struct check_findings *out)
{
	size_t i;

	out->v = NULL;
	out->n = 0;
	if (today != NULL && strcmp(sc->date, today) > 0)
		add(out, "-", "future-date", xasprintf(_("the inspection date"
		    " %s is after today (%s)"), sc->date, today));
	for (i = 0; i < sc->rubric->nitems; i++) {
		const struct rubric_node *item = sc->rubric->items[i];
		const struct scorecard_entry *e = &sc->entries[i];

		/* A member card answers for its scope alone. */
		if (!scorecard_in_scope(sc, i))
			continue;
		if (team_unresolved(sc, i)) {
			add(out, item->key, "unresolved", team_unresolved_text(
			    sc, i));
			continue;
		}
		if (!e->scored) {
			add(out, item->key, "unscored", xasprintf(_("not"
			    " scored (%d~%d)"), item->min, item->max));
			continue;
		}
		check_rationale(item, e, out);
		if (prev != NULL)
			check_swing(item, e, prev, out);
	}
}

void
check_findings_free(struct check_findings *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->v[i].message);
	free(f->v);
	f->v = NULL;
	f->n = 0;
}
