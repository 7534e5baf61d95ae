/* Re-import's decision; see import-merge.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "evidence.h"
#include "import-merge.h"
#include "team.h"

static bool
same_header(const struct scorecard *a, const struct scorecard *b)
{
	return strcmp(a->agency, b->agency) == 0 &&
	    strcmp(a->date, b->date) == 0 && scorecard_same_inspectors(a, b);
}

static bool
same_document(const struct evidence_document *x,
    const struct evidence_document *y)
{
	return x->len == y->len && memcmp(x->text, y->text, x->len) == 0 &&
	    strcmp(x->file_name, y->file_name) == 0 &&
	    strcmp(x->title, y->title) == 0 &&
	    strcmp(x->added_at, y->added_at) == 0;
}

/* The line of node's section in d; 0 when none, -1 when cleared. */
static long
line_of(const struct evidence_document *d, const char *node, bool corrected)
{
	size_t i;

	for (i = 0; i < d->nmatches; i++)
		if (strcmp(d->matches[i].node->key, node) == 0 &&
		    (!corrected || d->matches[i].corrected))
			return d->matches[i].section < d->nsections ?
			    (long)d->sections[d->matches[i].section].line : 0;
	for (i = 0; i < d->ncleared; i++)
		if (strcmp(d->cleared[i], node) == 0)
			return -1;
	return 0;
}

/*
 * x (a's copy of y) keeps every correction of y's. A match the splitter
 * made is no one's fact (like an unscored item); a correction is.
 */
static bool
covers_corrections(const struct evidence_document *x,
    const struct evidence_document *y)
{
	const struct evidence_match *m;
	size_t i;

	for (i = 0; i < y->nmatches; i++) {
		m = &y->matches[i];
		if (m->corrected && m->section < y->nsections &&
		    line_of(x, m->node->key, true) !=
		    (long)y->sections[m->section].line)
			return false;
	}
	for (i = 0; i < y->ncleared; i++)
		if (line_of(x, y->cleared[i], false) != -1)
			return false;
	return true;
}

/* Every document of b is a's too, with its corrections. */
static bool
covers_evidence(const struct scorecard *a, const struct scorecard *b)
{
	const struct evidence_document *y;
	size_t i, j;

	for (i = 0; b->evidence != NULL && i < b->evidence->ndocs; i++) {
		y = &b->evidence->docs[i];
		for (j = 0; a->evidence != NULL && j < a->evidence->ndocs; j++)
			if (same_document(&a->evidence->docs[j], y))
				break;
		if (a->evidence == NULL || j == a->evidence->ndocs ||
		    !covers_corrections(&a->evidence->docs[j], y))
			return false;
	}
	return true;
}

static bool
same_mark(const struct team_mark *x, const struct team_mark *y)
{
	return x->scored == y->scored && (!x->scored || (x->score == y->score
	    && x->tier == y->tier && strcmp(x->record, y->record) == 0 &&
	    strcmp(x->rationale, y->rationale) == 0));
}

static bool
same_members(const struct team *x, const struct team *y, size_t nitems)
{
	size_t m, i;

	if (x->nmembers != y->nmembers)
		return false;
	for (m = 0; m < x->nmembers; m++) {
		if (strcmp(x->members[m].uuid, y->members[m].uuid) != 0 ||
		    strcmp(x->members[m].fingerprint,
		    y->members[m].fingerprint) != 0)
			return false;
		for (i = 0; i < nitems; i++)
			if (!same_mark(&x->members[m].marks[i],
			    &y->members[m].marks[i]))
				return false;
	}
	return true;
}

/*
 * The same team, members and marks, and every settlement of b's (an
 * item the lead settled: it has a reason) is a's.
 */
static bool
covers_team(const struct scorecard *a, const struct scorecard *b)
{
	const struct team *x = a->team, *y = b->team;
	size_t i;

	if (x == NULL || y == NULL)
		return x == y;
	if (strcmp(x->lead, y->lead) != 0 || x->tolerance != y->tolerance ||
	    !same_members(x, y, b->rubric->nitems))
		return false;
	for (i = 0; i < b->rubric->nitems; i++)
		if (x->items[i].flagged != y->items[i].flagged ||
		    (*y->items[i].reason != '\0' && (x->items[i].how !=
		    y->items[i].how || strcmp(x->items[i].reason,
		    y->items[i].reason) != 0)))
			return false;
	return true;
}

bool
import_covers(const struct scorecard *a, const struct scorecard *b)
{
	const struct scorecard_entry *x, *y;
	size_t i;

	if (strcmp(a->rubric_sha256, b->rubric_sha256) != 0 ||
	    !same_header(a, b) || !covers_evidence(a, b) || !covers_team(a, b))
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
