/*
 * The key table: the one list of keys. Dispatch, the help screen (?) and
 * the man page's KEYS section (tui-keys-man) all read it, so they cannot
 * disagree.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "tui/tui-int.h"
#include "xalloc.h"

#define ENTER_KEYS	'\n', '\r', TUI_FN(KEY_ENTER)
/* The walk and every list (home, outline, help, compare, stats, menus). */
#define ALL_VIEWS	(TUI_SCOPE_WALK | TUI_SCOPE_LIST)
/* Both walks: a scorecard's and a team card's (the reconcile screen). */
#define WALKS		(TUI_SCOPE_WALK | TUI_SCOPE_TEAM)
/* Both forms: a new scorecard's and a draft's header. */
#define FORMS		(TUI_SCOPE_FORM | TUI_SCOPE_HEADER)
/* Wherever a line of text is typed. */
#define TYPING		(TUI_SCOPE_NOTE | FORMS | TUI_SCOPE_PROMPT)

const struct tui_scope_name tui_scope_names[] = {
	{ TUI_SCOPE_HOME, N_("Home: the list of scorecards") },
	{ TUI_SCOPE_WALK, N_("Item screen: scoring one item at a time") },
	{ TUI_SCOPE_TEAM, N_("Team card: every member's score of the item,"
	    " the team's settled") },
	{ TUI_SCOPE_OUTLINE, N_("Outline: the whole rubric") },
	{ TUI_SCOPE_TEAM_OUTLINE, N_("Outline of a team card") },
	{ TUI_SCOPE_NOTE, N_("Note editor: record and rationale") },
	{ TUI_SCOPE_NOTE_READ, N_("A note read-only: a final or tampered"
	    " card's record or rationale") },
	{ TUI_SCOPE_FORM, N_("New scorecard form") },
	{ TUI_SCOPE_HEADER, N_("Header form: correcting a draft's agency,"
	    " date and inspectors") },
	{ TUI_SCOPE_PROMPT, N_("Questions") },
	{ TUI_SCOPE_MENU, N_("Menus") },
	{ TUI_SCOPE_COMPARE, N_("Compare: two scorecards side by side") },
	{ TUI_SCOPE_STATS, N_("Stats: the scorecards listed, charted") },
	{ TUI_SCOPE_EVIDENCE, N_("Evidence: the item's passage of the"
	    " agency's report") },
	{ TUI_SCOPE_LASTYEAR, N_("Last year: the same agency's previous final"
	    " card") },
	{ TUI_SCOPE_HELP, N_("This help") },
	{ TUI_SCOPE_LIST, N_("Every list: home, outline, help, compare,"
	    " stats, menus") },
};
const size_t tui_nscope_names =
    sizeof tui_scope_names / sizeof tui_scope_names[0];

const struct tui_binding tui_bindings[] = {
	/* Home. */
	{ TUI_SCOPE_HOME, REQ_OPEN, { ENTER_KEYS }, NULL,
	    N_("open the scorecard: a draft at its first unscored item,"
	    " a final one read-only") },
	{ TUI_SCOPE_HOME, REQ_NEW, { 'n' }, NULL,
	    N_("start a new scorecard") },
	{ TUI_SCOPE_HOME, REQ_SEARCH, { '/' }, NULL,
	    N_("show scorecards whose notes contain a text") },
	{ TUI_SCOPE_HOME, REQ_FILTER, { 'f' }, NULL,
	    N_("filter by agency, year, status or rubric") },
	{ TUI_SCOPE_HOME, REQ_SORT, { 's' }, NULL,
	    N_("choose the column to sort by") },
	{ TUI_SCOPE_HOME, REQ_REVERSE, { 'S' }, NULL,
	    N_("reverse the order") },
	{ TUI_SCOPE_HOME | TUI_SCOPE_WALK, REQ_HEADER, { 'H' }, NULL,
	    N_("correct a draft's header: agency, date (a ROC date such as"
	    " 110-08-06 too), inspectors") },
	/*
	 * A team card's header is its members' cards': H is not offered
	 * there (no help, no hint), it only says why (store_header_editable).
	 */
	{ TUI_SCOPE_TEAM, REQ_HEADER, { 'H' }, NULL, NULL },
	{ TUI_SCOPE_HOME, REQ_DELETE, { 'D' }, NULL,
	    N_("delete a draft (type its agency or yes to confirm);"
	    " a final scorecard is never deleted") },
	{ TUI_SCOPE_HOME, REQ_EXPORT, { 'e' }, NULL,
	    N_("export the scorecard: text like the paper form (A4 pages or a"
	    " width), Markdown, CSV, JSON, HTML or PDF, to a file named for"
	    " the agency and date; an existing file only when confirmed") },
	{ TUI_SCOPE_HOME, REQ_MARK, { 'm' }, NULL,
	    N_("mark the scorecard as A, to compare with another") },
	{ TUI_SCOPE_HOME, REQ_COMPARE, { 'c' }, NULL,
	    N_("compare the marked scorecard (A) with this one (B),"
	    " item by item") },
	{ TUI_SCOPE_HOME, REQ_STATS, { 't' }, NULL,
	    N_("statistics of the scorecards listed (the filters apply)") },

	/* Moving, in lists and on the item screen. */
	{ TUI_SCOPE_LIST, REQ_DOWN, { 'j', TUI_FN(KEY_DOWN) }, NULL,
	    N_("next row (in a text: scroll down)") },
	{ TUI_SCOPE_LIST, REQ_UP, { 'k', TUI_FN(KEY_UP) }, NULL,
	    N_("previous row (in a text: scroll up)") },
	{ WALKS, REQ_DOWN, { 'j', TUI_FN(KEY_DOWN), 'n' }, NULL,
	    N_("next item") },
	{ WALKS, REQ_UP, { 'k', TUI_FN(KEY_UP), 'p' }, NULL,
	    N_("previous item") },
	{ TUI_SCOPE_WALK | TUI_SCOPE_OUTLINE, REQ_NEXT_UNSCORED,
	    { 'u', '\t' }, NULL,
	    N_("next unscored item") },
	{ TUI_SCOPE_TEAM | TUI_SCOPE_TEAM_OUTLINE, REQ_NEXT_UNSCORED,
	    { 'u', '\t' }, NULL,
	    N_("next flagged item not yet settled; when none is left, the"
	    " next unscored one") },
	{ TUI_SCOPE_LIST, REQ_FIND, { '/' }, NULL,
	    N_("find a row that contains a text (not on home: / searches"
	    " the notes there)") },
	{ TUI_SCOPE_LIST, REQ_FIND_NEXT, { 'n' }, NULL,
	    N_("find the next row that contains it (not on home)") },
	{ TUI_SCOPE_LIST, REQ_FIND_PREV, { 'N' }, NULL,
	    N_("find the previous one") },
	{ ALL_VIEWS | TUI_SCOPE_TEAM, REQ_FIRST, { 'g', TUI_FN(KEY_HOME) },
	    NULL, N_("first item or row") },
	{ ALL_VIEWS | TUI_SCOPE_TEAM, REQ_LAST, { 'G', TUI_FN(KEY_END) }, NULL,
	    N_("last item or row") },
	{ ALL_VIEWS, REQ_PAGE_DOWN, { TUI_FN(KEY_NPAGE), ' ' }, NULL,
	    N_("page down (on the item screen: scroll the guidance)") },
	{ ALL_VIEWS, REQ_PAGE_UP, { TUI_FN(KEY_PPAGE), 'b' }, NULL,
	    N_("page up (on the item screen: scroll the guidance)") },

	/* Scoring. */
	{ TUI_SCOPE_WALK, REQ_SCORE,
	    { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' },
	    N_("0-9 Enter"),
	    N_("type a score and save it with Enter; out of range is"
	    " refused. Backspace corrects, Esc drops the typing") },
	{ TUI_SCOPE_TEAM, REQ_SCORE,
	    { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' },
	    N_("0-9 Enter"),
	    N_("type the team's score; Enter asks how it was settled"
	    " (共識, 平均, 中位數, 複評) and why, then saves it."
	    " Backspace corrects, Esc drops the typing") },
	{ WALKS, REQ_SUBMIT, { ENTER_KEYS }, NULL, NULL },
	{ TUI_SCOPE_WALK, REQ_TIER, { 't' }, N_("t 1-9"),
	    N_("choose a tier (the ■ option): it narrows the range;"
	    " t 0 clears the choice") },
	{ TUI_SCOPE_TEAM, REQ_TIER, { 't' }, N_("t 1-9"),
	    N_("choose the team's tier (the ■ option) for the score typed"
	    " next: it narrows the range; t 0 clears the choice") },
	{ TUI_SCOPE_WALK, REQ_CLEAR, { 'x' }, NULL,
	    N_("clear the item's score (U undoes it)") },
	{ TUI_SCOPE_WALK, REQ_UNDO, { 'U' }, NULL,
	    N_("undo the latest change not yet undone: a score, tier, clear,"
	    " note or header field; again goes further back") },
	{ WALKS, REQ_RECORD, { 'r' }, NULL,
	    N_("write the record (紀錄事項)") },
	{ WALKS, REQ_RATIONALE, { 'R' }, NULL,
	    N_("write the rationale (評分說明)") },
	{ WALKS, REQ_EXTERNAL, { 'E' }, NULL,
	    N_("edit the record or the rationale in $VISUAL or $EDITOR") },
	{ WALKS, REQ_OUTLINE, { 'o' }, NULL,
	    N_("the outline: every item with scores and subtotals") },
	{ TUI_SCOPE_TEAM, REQ_FINALIZE, { 'F' }, NULL,
	    N_("finalize: lock the team card (refused while a flagged item is"
	    " not settled or an item is unscored)") },
	{ TUI_SCOPE_TEAM, REQ_REBUILD, { 'B' }, NULL,
	    N_("rebuild the team card from its members' cards as they are"
	    " now, after one changed (as kaohe team --rebuild): the"
	    " settlements of items whose scores did not change are kept, the"
	    " others are flagged again; asks first") },
	{ TUI_SCOPE_WALK, REQ_FINALIZE, { 'F' }, NULL,
	    N_("finalize: lock the scorecard (refused while items are"
	    " unscored)") },

	{ WALKS, REQ_EXPORT, { 'e' }, NULL,
	    N_("export the scorecard: text like the paper form (A4 pages or a"
	    " width), Markdown, CSV, JSON, HTML or PDF, to a file named for"
	    " the agency and date; an existing file only when confirmed") },
	{ WALKS | TUI_SCOPE_EVIDENCE, REQ_EVIDENCE, { 'v' }, NULL,
	    N_("the item's passage of the agency's report, full screen (at"
	    " 120 columns or more it is also beside the item); v again goes"
	    " back") },
	{ WALKS, REQ_LAST_YEAR, { 'L' }, NULL,
	    N_("last year: the same agency's previous final card, its score,"
	    " tier and notes for the item") },

	/* Evidence and last year. */
	{ TUI_SCOPE_EVIDENCE, REQ_QUOTE, { 'y' }, NULL,
	    N_("quote the paragraph under the cursor into the item's record,"
	    " with the document and heading it came from (saved)") },
	{ TUI_SCOPE_EVIDENCE, REQ_MATCH, { 'm' }, NULL,
	    N_("correct the match: choose which section of the documents is"
	    " this item's passage, or none (stored, as kaohe evidence"
	    " match)") },
	{ TUI_SCOPE_LASTYEAR, REQ_COPY_RECORD, { 'C' }, NULL,
	    N_("copy last year's record into this item's record, as a"
	    " starting point (saved)") },
	{ TUI_SCOPE_LASTYEAR, REQ_COMPARE, { 'c' }, NULL,
	    N_("compare last year's card with this one") },

	/* Outline. */
	{ TUI_SCOPE_OUTLINE | TUI_SCOPE_TEAM_OUTLINE, REQ_OPEN, { ENTER_KEYS },
	    NULL,
	    N_("go to the item") },

	/* Note editor. */
	{ TUI_SCOPE_NOTE, REQ_BACK, { TUI_ESC, TUI_FN(KEY_F(10)) }, NULL,
	    N_("save the note and go back") },
	{ TUI_SCOPE_NOTE, REQ_EXTERNAL, { TUI_CTRL('o') }, NULL,
	    N_("continue in $VISUAL or $EDITOR") },
	{ TUI_SCOPE_NOTE, REQ_NONE, { ENTER_KEYS }, NULL,
	    N_("start a new line") },
	{ TYPING, REQ_LEFT,
	    { TUI_FN(KEY_LEFT) }, NULL, N_("move the cursor") },
	{ TYPING, REQ_RIGHT,
	    { TUI_FN(KEY_RIGHT) }, NULL, N_("move the cursor") },
	{ TUI_SCOPE_NOTE, REQ_UP, { TUI_FN(KEY_UP) }, NULL,
	    N_("line up, at the same column") },
	{ TUI_SCOPE_NOTE, REQ_DOWN, { TUI_FN(KEY_DOWN) }, NULL,
	    N_("line down, at the same column") },
	{ TUI_SCOPE_NOTE | TUI_SCOPE_NOTE_READ, REQ_PAGE_UP,
	    { TUI_FN(KEY_PPAGE) }, NULL, N_("page up") },
	{ TUI_SCOPE_NOTE | TUI_SCOPE_NOTE_READ, REQ_PAGE_DOWN,
	    { TUI_FN(KEY_NPAGE) }, NULL, N_("page down") },
	/* A note that cannot change is read: Esc only goes back. */
	{ TUI_SCOPE_NOTE_READ, REQ_BACK, { TUI_ESC, TUI_FN(KEY_F(10)) }, NULL,
	    N_("go back") },
	{ TUI_SCOPE_NOTE_READ, REQ_UP, { TUI_FN(KEY_UP) }, NULL,
	    N_("line up") },
	{ TUI_SCOPE_NOTE_READ, REQ_DOWN, { TUI_FN(KEY_DOWN) }, NULL,
	    N_("line down") },
	{ TYPING, REQ_LINE_START,
	    { TUI_FN(KEY_HOME), TUI_CTRL('a') }, NULL,
	    N_("start of the line") },
	{ TYPING, REQ_LINE_END,
	    { TUI_FN(KEY_END), TUI_CTRL('e') }, NULL,
	    N_("end of the line") },
	{ TYPING | WALKS,
	    REQ_DELETE_BACK, { TUI_FN(KEY_BACKSPACE), 127, TUI_CTRL('h') },
	    NULL, N_("delete the character before the cursor") },
	{ TYPING,
	    REQ_DELETE_FORWARD, { TUI_FN(KEY_DC), TUI_CTRL('d') }, NULL,
	    N_("delete the character under the cursor") },

	/* New scorecard form. */
	{ TUI_SCOPE_FORM, REQ_NEXT_FIELD,
	    { '\t', TUI_FN(KEY_DOWN), ENTER_KEYS }, NULL,
	    N_("next field; Enter on the last one creates the scorecard") },
	{ FORMS, REQ_PREV_FIELD, { TUI_FN(KEY_BTAB), TUI_FN(KEY_UP) },
	    NULL, N_("previous field") },
	{ TUI_SCOPE_FORM, REQ_CHOOSE, { TUI_FN(KEY_F(2)) }, NULL,
	    N_("choose the rubric from a list") },
	{ TUI_SCOPE_FORM, REQ_BACK, { TUI_ESC }, NULL,
	    N_("cancel: nothing is created") },

	/* The header form: the same fields, the rubric fixed. */
	{ TUI_SCOPE_HEADER, REQ_NEXT_FIELD,
	    { '\t', TUI_FN(KEY_DOWN), ENTER_KEYS }, NULL,
	    N_("next field; Enter on the last one saves the header") },
	{ TUI_SCOPE_HEADER, REQ_BACK, { TUI_ESC }, NULL,
	    N_("cancel: the header stays as it was") },

	/* Questions and menus. */
	{ TUI_SCOPE_PROMPT, REQ_SUBMIT, { ENTER_KEYS }, NULL,
	    N_("accept") },
	{ TUI_SCOPE_MENU, REQ_SUBMIT, { ENTER_KEYS }, NULL,
	    N_("choose the selected entry") },
	{ TUI_SCOPE_PROMPT | TUI_SCOPE_MENU, REQ_BACK,
	    { TUI_ESC, TUI_CTRL('g') }, NULL, N_("cancel") },
	/* A menu is a list: it moves and finds with the list's keys. */
	{ TUI_SCOPE_MENU, REQ_NONE,
	    { '1', '2', '3', '4', '5', '6', '7', '8', '9' }, N_("1-9"),
	    N_("choose a menu's entry by its number") },

	/* Everywhere but where text is typed. */
	{ ALL_VIEWS | TUI_SCOPE_TEAM, REQ_HELP, { '?', TUI_FN(KEY_F(1)) }, NULL,
	    N_("this help") },
	{ TUI_SCOPE_NOTE | TUI_SCOPE_NOTE_READ | FORMS, REQ_HELP,
	    { TUI_FN(KEY_F(1)) },
	    NULL, N_("this help") },
	{ ALL_VIEWS | TUI_SCOPE_TEAM, REQ_REDRAW, { TUI_CTRL('l') }, NULL,
	    N_("redraw the screen") },
	{ WALKS | TUI_SCOPE_LIST, REQ_BACK,
	    { 'q', TUI_ESC }, NULL,
	    N_("go back (the walk goes back to the list, or quits)") },
	{ TUI_SCOPE_HOME, REQ_QUIT, { 'q' }, NULL, N_("quit") },
	{ WALKS | TUI_SCOPE_HOME, REQ_QUIT, { 'Q' }, NULL,
	    N_("quit at once (everything accepted is already saved)") },
	/* SIGINT: the key never arrives as a key; listed so people know. */
	{ ALL_VIEWS | TUI_SCOPE_TEAM | TUI_SCOPE_NOTE | TUI_SCOPE_NOTE_READ |
	    FORMS, REQ_QUIT,
	    { TUI_CTRL('c') }, NULL,
	    N_("quit from anywhere; a note being written is kept") },
};
const size_t tui_nbindings = sizeof tui_bindings / sizeof tui_bindings[0];

static enum tui_req
keys_lookup_in(unsigned scope, int key, bool *found)
{
	size_t i, k;

	for (i = 0; i < tui_nbindings; i++) {
		if ((tui_bindings[i].scopes & scope) == 0)
			continue;
		for (k = 0; k < 10 && tui_bindings[i].keys[k] != 0; k++)
			if (tui_bindings[i].keys[k] == key) {
				*found = true;
				return tui_bindings[i].req;
			}
	}
	*found = false;
	return REQ_NONE;
}

enum tui_req
tui_keys_lookup(unsigned scope, int key)
{
	enum tui_req req;
	bool found;

	req = keys_lookup_in(scope & ~(unsigned)TUI_SCOPE_LIST, key, &found);
	if (found || (scope & TUI_SCOPE_LIST) == 0)
		return req;
	return keys_lookup_in(TUI_SCOPE_LIST, key, &found);
}

const char *
tui_keys_name(int key, char *buf, size_t size)
{
	static const struct {
		int		 key;
		const char	*name;
	} names[] = {
		{ '\n', "Enter" }, { '\r', "Enter" }, { TUI_FN(KEY_ENTER), "Enter" },
		{ '\t', "Tab" }, { TUI_FN(KEY_BTAB), "Shift-Tab" },
		{ ' ', "Space" }, { TUI_ESC, "Esc" }, { 127, "Backspace" },
		{ TUI_FN(KEY_BACKSPACE), "Backspace" }, { TUI_FN(KEY_DC), "Delete" },
		{ TUI_FN(KEY_UP), "Up" }, { TUI_FN(KEY_DOWN), "Down" },
		{ TUI_FN(KEY_LEFT), "Left" }, { TUI_FN(KEY_RIGHT), "Right" },
		{ TUI_FN(KEY_HOME), "Home" }, { TUI_FN(KEY_END), "End" },
		{ TUI_FN(KEY_PPAGE), "PgUp" }, { TUI_FN(KEY_NPAGE), "PgDn" },
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key)
			return names[i].name;
	if (key >= TUI_FN(KEY_F(1)) && key <= TUI_FN(KEY_F(12)))
		snprintf(buf, size, "F%d", key - TUI_FN(KEY_F(0)));
	else if (key > 0 && key < 32)
		snprintf(buf, size, "Ctrl-%c", key + 'A' - 1);
	else if (key < 128)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "U+%04X", (unsigned)key);
	return buf;
}

char *
tui_keys_label(const struct tui_binding *b)
{
	char out[128] = "", buf[16];
	const char *name;
	size_t k;

	if (b->label != NULL)
		return xstrdup(_(b->label));
	for (k = 0; k < 10 && b->keys[k] != 0; k++) {
		name = tui_keys_name(b->keys[k], buf, sizeof buf);
		if (strstr(out, name) != NULL && strlen(name) > 1)
			continue;	/* Enter is three codes, one name */
		if (*out != '\0')
			strncat(out, ", ", sizeof out - strlen(out) - 1);
		strncat(out, name, sizeof out - strlen(out) - 1);
	}
	return xstrdup(out);
}

