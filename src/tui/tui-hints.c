/*
 * The hint line at the foot of each screen, drawn from the key table as
 * calcurse draws its status bar from its key definitions: this file
 * gives the words and their order, the key table gives the keys, so a
 * hint can never name a key that does something else.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/tui-int.h"
#include "width.h"
#include "xalloc.h"

/* In the order shown; what does not fit is left out, ?:help never. */
const struct tui_hint tui_hints[] = {
	{ TUI_SCOPE_HOME, REQ_OPEN, N_("open") },
	{ TUI_SCOPE_HOME, REQ_NEW, N_("new") },
	{ TUI_SCOPE_HOME, REQ_SEARCH, N_("notes") },
	{ TUI_SCOPE_HOME, REQ_FILTER, N_("filter") },
	{ TUI_SCOPE_HOME, REQ_SORT, N_("sort") },
	{ TUI_SCOPE_HOME, REQ_MARK, N_("mark") },
	{ TUI_SCOPE_HOME, REQ_COMPARE, N_("compare") },
	{ TUI_SCOPE_HOME, REQ_STATS, N_("stats") },
	{ TUI_SCOPE_HOME, REQ_EXPORT, N_("export") },
	{ TUI_SCOPE_HOME, REQ_DELETE, N_("delete") },
	{ TUI_SCOPE_HOME, REQ_QUIT, N_("quit") },

	{ TUI_SCOPE_WALK, REQ_SCORE, N_("score") },
	{ TUI_SCOPE_WALK, REQ_TIER, N_("tier") },
	{ TUI_SCOPE_WALK, REQ_RECORD, N_("record") },
	{ TUI_SCOPE_WALK, REQ_RATIONALE, N_("rationale") },
	{ TUI_SCOPE_OUTLINE, REQ_OPEN, N_("go to") },
	{ TUI_SCOPE_OUTLINE | TUI_SCOPE_WALK, REQ_NEXT_UNSCORED,
	    N_("unscored") },
	{ TUI_SCOPE_WALK, REQ_OUTLINE, N_("outline") },
	{ TUI_SCOPE_EVIDENCE, REQ_QUOTE, N_("quote into the record") },
	{ TUI_SCOPE_EVIDENCE, REQ_MATCH, N_("correct the match") },
	{ TUI_SCOPE_LASTYEAR, REQ_COPY_RECORD, N_("copy the record") },
	{ TUI_SCOPE_LASTYEAR, REQ_COMPARE, N_("compare") },
	/* F, the walk's end, before e: at 80 columns F fits where t or u
	 * have nothing to do (an item without tiers, a complete card). */
	{ TUI_SCOPE_WALK, REQ_FINALIZE, N_("finalize") },
	{ TUI_SCOPE_WALK, REQ_EXPORT, N_("export") },
	/* Last: at 80 columns they give way to the scoring keys. */
	{ TUI_SCOPE_WALK, REQ_EVIDENCE, N_("evidence") },
	{ TUI_SCOPE_WALK, REQ_LAST_YEAR, N_("last year") },

	/*
	 * A team card: the lead settles, u goes to what is flagged, and F
	 * (what the lead is there for) keeps its place at 80 columns before
	 * the tier, which the team's score mostly picks itself.
	 */
	{ TUI_SCOPE_TEAM, REQ_SCORE, N_("settle") },
	{ TUI_SCOPE_TEAM_OUTLINE, REQ_OPEN, N_("go to") },
	{ TUI_SCOPE_TEAM | TUI_SCOPE_TEAM_OUTLINE, REQ_NEXT_UNSCORED,
	    N_("flagged") },
	/* Only while the card is stale (the walk hides it otherwise). */
	{ TUI_SCOPE_TEAM, REQ_REBUILD, N_("rebuild") },
	{ TUI_SCOPE_TEAM, REQ_RECORD, N_("record") },
	{ TUI_SCOPE_TEAM, REQ_RATIONALE, N_("rationale") },
	{ TUI_SCOPE_TEAM, REQ_OUTLINE, N_("outline") },
	{ TUI_SCOPE_TEAM, REQ_FINALIZE, N_("finalize") },
	{ TUI_SCOPE_TEAM, REQ_TIER, N_("tier") },
	{ TUI_SCOPE_TEAM, REQ_EXPORT, N_("export") },
	{ TUI_SCOPE_TEAM, REQ_EVIDENCE, N_("evidence") },
	{ TUI_SCOPE_TEAM, REQ_LAST_YEAR, N_("last year") },

	{ TUI_SCOPE_NOTE, REQ_BACK, N_("save and back") },
	{ TUI_SCOPE_NOTE, REQ_EXTERNAL, N_("$EDITOR") },
	{ TUI_SCOPE_NOTE_READ, REQ_BACK, N_("back") },
	{ TUI_SCOPE_NOTE_READ, REQ_PAGE_DOWN, N_("page") },

	{ TUI_SCOPE_FORM, REQ_NEXT_FIELD, N_("next (Enter at the end creates)") },
	{ TUI_SCOPE_FORM, REQ_CHOOSE, N_("rubrics") },
	{ TUI_SCOPE_FORM, REQ_BACK, N_("cancel") },
	{ TUI_SCOPE_FORM, REQ_PREV_FIELD, N_("previous") },
	{ TUI_SCOPE_HEADER, REQ_NEXT_FIELD, N_("next (Enter at the end saves)") },
	{ TUI_SCOPE_HEADER, REQ_BACK, N_("cancel") },
	{ TUI_SCOPE_HEADER, REQ_PREV_FIELD, N_("previous") },

	/* A menu's own: the walk's keys beneath it do nothing meanwhile. */
	{ TUI_SCOPE_MENU, REQ_SUBMIT, N_("choose") },
	{ TUI_SCOPE_MENU, REQ_BACK, N_("cancel") },

	{ TUI_SCOPE_LIST, REQ_PAGE_DOWN, N_("page") },
	{ TUI_SCOPE_LIST, REQ_FIND, N_("find") },
	{ TUI_SCOPE_LIST, REQ_BACK, N_("back") },

	{ TUI_SCOPE_WALK | TUI_SCOPE_TEAM | TUI_SCOPE_LIST | TUI_SCOPE_NOTE |
	    TUI_SCOPE_NOTE_READ | TUI_SCOPE_FORM | TUI_SCOPE_HEADER, REQ_HELP,
	    N_("help") },
};
const size_t tui_nhints = sizeof tui_hints / sizeof tui_hints[0];

/* The binding that gives req its key in scope, or NULL. */
static const struct tui_binding *
hint_binding(unsigned scope, enum tui_req req)
{
	size_t i;

	/* A binding without help is no offer: it only answers the key. */
	for (i = 0; i < tui_nbindings; i++)
		if ((tui_bindings[i].scopes & scope) != 0 &&
		    tui_bindings[i].req == req && tui_bindings[i].help != NULL)
			return &tui_bindings[i];
	return NULL;
}

/* "Enter:open": the binding's own label, else its first key's name. */
static char *
hint_text(const struct tui_hint *h, const struct tui_binding *b)
{
	char buf[16];

	return xasprintf("%s:%s", b->label != NULL ? _(b->label) :
	    tui_keys_name(b->keys[0], buf, sizeof buf), _(h->word));
}

static bool
hint_hidden(enum tui_req req, const enum tui_req *hide)
{
	size_t i;

	for (i = 0; hide != NULL && hide[i] != REQ_NONE; i++)
		if (hide[i] == req)
			return true;
	return false;
}

/* A list key that the screen takes for itself is not the list's hint. */
static bool
hint_taken(unsigned own, const struct tui_binding *b)
{
	return tui_keys_lookup(own, b->keys[0]) != REQ_NONE;
}

/* Append one hint when it fits in cols, room for keep kept after it. */
static void
hint_append(char **out, const char *one, int cols, int keep)
{
	char *s;

	if ((int)(width_of(*out) + 1 + width_of(one)) + keep > cols)
		return;
	s = xasprintf("%s%s%s", *out, **out != '\0' ? " " : "", one);
	free(*out);
	*out = s;
}

/* "?:help", which every hint line ends with; NULL when scope has none. */
static char *
hint_help(unsigned scope)
{
	const struct tui_binding *b;
	size_t i;

	for (i = 0; i < tui_nhints; i++)
		if (tui_hints[i].req == REQ_HELP &&
		    (tui_hints[i].scopes & scope) != 0 &&
		    (b = hint_binding(scope, REQ_HELP)) != NULL)
			return hint_text(&tui_hints[i], b);
	return NULL;
}

char *
tui_keys_hints(unsigned scope, int cols, const enum tui_req *hide)
{
	const unsigned own = scope & ~(unsigned)TUI_SCOPE_LIST;
	const unsigned pass[2] = { own, scope & TUI_SCOPE_LIST };
	const struct tui_binding *b;
	char *out = xstrdup(""), *one, *s;
	char *help = hint_hidden(REQ_HELP, hide) ? NULL : hint_help(scope);
	int keep = help != NULL ? (int)width_of(help) + 1 : 0;
	size_t i, p, k, nown = 0;
	/* The screen's own requests: the list's hint for one is not named
	 * again (a menu's Esc:cancel, not q:back too). */
	enum tui_req named[32];

	for (p = 0; p < 2; p++)
		for (i = 0; i < tui_nhints; i++) {
			if ((tui_hints[i].scopes & pass[p]) == 0 ||
			    tui_hints[i].req == REQ_HELP ||
			    hint_hidden(tui_hints[i].req, hide) ||
			    (b = hint_binding(pass[p], tui_hints[i].req)) ==
			    NULL || (p == 1 && hint_taken(own, b)))
				continue;
			for (k = 0; p == 1 && k < nown &&
			    named[k] != tui_hints[i].req; k++)
				;
			if (p == 1 && k < nown)
				continue;
			if (p == 0 && nown < sizeof named / sizeof named[0])
				named[nown++] = tui_hints[i].req;
			one = hint_text(&tui_hints[i], b);
			hint_append(&out, one, cols, keep);
			free(one);
		}
	if (help == NULL)
		return out;
	s = *out != '\0' ? xasprintf("%s %s", out, help) : xstrdup(help);
	free(out);
	free(help);
	return s;
}
