/*
 * The inside of the curses UI: the screen interface every view implements
 * (tig's view_ops), the key table, the drawing helpers and the modal
 * prompts. Only src/tui/ sees this header; only src/tui/ includes curses.h.
 */
#ifndef KAOHE_TUI_INT_H
#define KAOHE_TUI_INT_H

#include <stdbool.h>
#include <limits.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "scorecard.h"
#include "store.h"
#include "tui/tui.h"

/* The smallest window the layout is designed for. */
#define TUI_MIN_COLS	80
#define TUI_MIN_LINES	24
#define TUI_MAX_VIEWS	8

/*
 * A key as one int: a character is its code point, a function key (one of
 * wgetch's KEY_ codes) sits above the last code point. Macros, not
 * functions, because the key table's initializers need constants.
 */
#define TUI_FN(k)	(0x110000 + (k))
#define TUI_CTRL(c)	((c) & 0x1f)
#define TUI_ESC		27
#define TUI_KEY_NONE	(-1)	/* nothing read: a timeout */
#define TUI_KEY_QUIT	(-2)	/* a signal asked us to leave */
/* Bracketed paste's begin and end, as define_key codes. */
#define TUI_KEY_PASTE_BEGIN	(KEY_MAX + 1)
#define TUI_KEY_PASTE_END	(KEY_MAX + 2)
/* An escape sequence nobody knows, read whole and dropped (tui-input.c). */
#define TUI_KEY_UNKNOWN	(-3)

/* Where a binding applies: one bit per kind of screen. */
enum tui_scope {
	TUI_SCOPE_HOME = 1 << 0,
	TUI_SCOPE_WALK = 1 << 1,
	TUI_SCOPE_OUTLINE = 1 << 2,
	TUI_SCOPE_NOTE = 1 << 3,
	TUI_SCOPE_FORM = 1 << 4,
	TUI_SCOPE_HELP = 1 << 5,
	TUI_SCOPE_PROMPT = 1 << 6,
	TUI_SCOPE_COMPARE = 1 << 7,
	TUI_SCOPE_STATS = 1 << 8,
	TUI_SCOPE_MENU = 1 << 9,
	TUI_SCOPE_TEAM = 1 << 10,	/* a team card's walk (reconcile) */
	TUI_SCOPE_TEAM_OUTLINE = 1 << 11,	/* a team card's outline */
	TUI_SCOPE_HEADER = 1 << 14,	/* the form over a draft's header */
	TUI_SCOPE_EVIDENCE = 1 << 12,	/* the full-screen evidence pane */
	TUI_SCOPE_LASTYEAR = 1 << 13,	/* last year's card for an item */
	/*
	 * Every list (tui-list.h): looked up after the screen's own scope,
	 * so that a screen's binding wins over the list's for the same key.
	 */
	TUI_SCOPE_LIST = 1 << 15,
	TUI_SCOPE_NOTE_READ = 1 << 16,	/* a note that cannot change, read */
};

/* What a key asks for; each screen acts on the requests it knows. */
enum tui_req {
	REQ_NONE = 0,
	REQ_QUIT,
	REQ_BACK,
	REQ_HELP,
	REQ_REDRAW,
	REQ_UP,
	REQ_DOWN,
	REQ_PAGE_UP,
	REQ_PAGE_DOWN,
	REQ_FIRST,
	REQ_LAST,
	REQ_OPEN,
	REQ_NEW,
	REQ_SEARCH,
	REQ_FILTER,
	REQ_SORT,
	REQ_REVERSE,
	REQ_DELETE,
	REQ_EXPORT,
	REQ_NEXT_UNSCORED,
	REQ_SCORE,
	REQ_SUBMIT,
	REQ_TIER,
	REQ_CLEAR,
	REQ_RECORD,
	REQ_RATIONALE,
	REQ_EXTERNAL,
	REQ_OUTLINE,
	REQ_FINALIZE,
	REQ_LEFT,
	REQ_RIGHT,
	REQ_LINE_START,
	REQ_LINE_END,
	REQ_DELETE_BACK,
	REQ_DELETE_FORWARD,
	REQ_NEXT_FIELD,
	REQ_PREV_FIELD,
	REQ_CHOOSE,
	REQ_MARK,
	REQ_COMPARE,
	REQ_STATS,
	REQ_FIND,		/* find a row in a list */
	REQ_FIND_NEXT,
	REQ_FIND_PREV,
	REQ_HEADER,		/* edit the card's header */
	REQ_UNDO,		/* undo the latest change */
	REQ_EVIDENCE,		/* the evidence pane, full screen */
	REQ_QUOTE,		/* quote a paragraph into the record */
	REQ_LAST_YEAR,		/* last year's card for the item */
	REQ_COPY_RECORD,	/* copy last year's record */
	REQ_MATCH,		/* correct which section is the passage */
	REQ_REBUILD,		/* make a stale team card again */
};

/* One row of the key table: the help screen and the man page read it too. */
struct tui_binding {
	unsigned	 scopes;	/* enum tui_scope bits */
	enum tui_req	 req;
	int		 keys[10];	/* 0-terminated when shorter */
	const char	*label;		/* NULL: named from keys */
	const char	*help;		/* N_() text */
};

/*
 * The hint line's words, in the order shown: the keys come from the
 * binding of req in scopes, so a hint cannot name a key that is not bound.
 */
struct tui_hint {
	unsigned	 scopes;
	enum tui_req	 req;
	const char	*word;		/* N_() text: "open" */
};

struct tui_scope_name {
	unsigned	 scope;
	const char	*name;		/* N_() text */
};

extern const struct tui_binding tui_bindings[];
extern const size_t tui_nbindings;
extern const struct tui_hint tui_hints[];
extern const size_t tui_nhints;
extern const struct tui_scope_name tui_scope_names[];
extern const size_t tui_nscope_names;

/* A key's request in scope: the screen's own bindings first, then the
 * list's (TUI_SCOPE_LIST) when scope has that bit. */
enum tui_req tui_keys_lookup(unsigned scope, int key);
/*
 * The hint line of scope from the key table: "Enter:open n:new ...", the
 * screen's own keys first, then the list's, at most cols columns wide;
 * ?:help is there unless hide has REQ_HELP. hide: requests to leave out,
 * ended by REQ_NONE; may be NULL. Caller frees.
 */
char	*tui_keys_hints(unsigned scope, int cols, const enum tui_req *hide);
/* A key's name for people: "Enter", "PgDn", "F2", "q" (in buf or static). */
const char *tui_keys_name(int key, char *buf, size_t size);
/* "j, Down, n": the binding's keys for people. Caller frees. */
char	*tui_keys_label(const struct tui_binding *);

struct tui;
struct tui_view;

/* The interface every screen implements. */
struct tui_view_ops {
	const char	*name;
	unsigned	 scope;
	void		(*draw)(struct tui *, struct tui_view *);
	/* A key and the request it maps to in this view's scope. */
	void		(*key)(struct tui *, struct tui_view *, int key,
			    enum tui_req);
	/* The window changed size; draw follows. NULL when draw copes. */
	void		(*resize)(struct tui *, struct tui_view *);
	/* Nothing was typed for a while (editor autosave). May be NULL. */
	void		(*idle)(struct tui *, struct tui_view *);
	/* Shown again after the view above it closed. May be NULL. */
	void		(*resume)(struct tui *, struct tui_view *);
	void		(*close)(struct tui *, struct tui_view *);
};

struct tui_view {
	const struct tui_view_ops *ops;
	void		*data;
};

/* Drawing roles: colour when allowed, else reverse and bold alone. */
enum tui_role {
	TUI_ROLE_NORMAL = 0,
	TUI_ROLE_BAR,		/* header and status bars */
	TUI_ROLE_TITLE,		/* the item's title */
	TUI_ROLE_SELECT,	/* the selected row */
	TUI_ROLE_CHOSEN,	/* the chosen tier */
	TUI_ROLE_ERROR,
	TUI_ROLE_OK,
	TUI_ROLE_DIM,		/* labels, hints */
	TUI_ROLE_UNSCORED,
	TUI_ROLE_FIELD,		/* an input field */
	TUI_ROLE_COUNT,
};

/* A modal overlay drawn above the views (prompt, menu). */
struct tui_overlay {
	void		(*draw)(struct tui *, void *arg);
	void		*arg;
};

struct tui {
	struct store		*st;
	SCREEN			*screen;
	bool			 color;
	bool			 quit;
	int			 status;
	struct tui_view		 views[TUI_MAX_VIEWS];
	size_t			 nviews;
	struct tui_overlay	*overlay;
	char			*message;	/* one line at the bottom */
	bool			 message_error;
	bool			 saved;		/* "saved ✓" after a commit */
	bool			 pasting;	/* inside a bracketed paste */
	/* The first bytes of a character whose rest has not arrived. */
	char			 partial[MB_LEN_MAX];
	char			 unknown[64];	/* the last unknown sequence */
	size_t			 npartial;
	int			 cursor_y;	/* -1: hidden */
	int			 cursor_x;
};

/* tui.c: the loop, views and keys. */
void	tui_push(struct tui *, const struct tui_view_ops *, void *data);
/* Close the top view (and resume the one below). */
void	tui_pop(struct tui *);
/* Replace the top view by a new one. */
void	tui_replace(struct tui *, const struct tui_view_ops *, void *data);
struct tui_view *tui_top(struct tui *);
/* The next key (redrawing, handling resize, signals and idle). */
int	tui_getkey(struct tui *);
void	tui_redraw(struct tui *);
bool	tui_too_small(void);
void	tui_message(struct tui *, bool error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	tui_clear_message(struct tui *);
/* Leave curses for a child process (the external editor) and come back. */
void	tui_suspend(struct tui *);
void	tui_resume_screen(struct tui *);

/* Where a scorecard opens: a draft at its first unscored item. */
size_t	tui_resume_item(const struct scorecard *);

/* tui-draw.c */
void	tui_colors_init(struct tui *);
attr_t	tui_attr(const struct tui *, enum tui_role);
/* Draw UTF-8 s at (y, x) in at most cols columns; returns columns drawn. */
int	tui_put(int y, int x, int cols, const char *s, attr_t);
int	tui_putw(int y, int x, int cols, const wchar_t *s, size_t n, attr_t);
void	tui_fill(int y, int x, int cols, attr_t);
/* The same as tui_put, but a cut shows "…" in its last column. */
int	tui_put_cut(int y, int x, int cols, const char *s, attr_t);
/* s cut to cols display columns, "…" in the last when cut. Caller frees. */
char	*tui_cut(const char *s, int cols);
/* Draw s right-aligned so that it ends at column right. */
void	tui_put_right(int y, int right, const char *s, attr_t);
/* A bar of width cols: done of all. */
void	tui_bar(int y, int x, int cols, size_t done, size_t all, attr_t);
/* The hints line at the bottom, or the message when there is one. */
void	tui_draw_bottom(struct tui *, const char *hints);
/* The same with scope's hints from the key table (tui_keys_hints). */
void	tui_draw_hints(struct tui *, unsigned scope, const enum tui_req *hide);
/* The top bar: title on line 0 in the bar role. */
void	tui_draw_title(struct tui *, const char *title);
/* "1~30" in the UI's words ("1~30 points"). Caller frees. */
char	*tui_range(int min, int max);

/* tui-settings.c: choices remembered between runs (tui.conf). */
/* The value of key, or fallback when it was never set. */
const char *tui_setting(const char *key, const char *fallback);
/* Remember key=value; -1 with *cause (caller frees) when not saved. */
int	tui_setting_set(const char *key, const char *value, char **cause);

/* tui-prompt.c: modal questions. */
/* A line of input at the bottom. 0 when accepted, -1 when cancelled. */
int	tui_prompt(struct tui *, const char *question, const char *initial,
	    char **out);
/* A list to choose from; the index, or -1 when cancelled. */
int	tui_menu(struct tui *, const char *title, char *const *choices,
	    size_t n, size_t initial);
/* The same, each choice picked by its own digit (numbers[i], 1-9). */
int	tui_menu_numbered(struct tui *, const char *title,
	    char *const *choices, size_t n, size_t initial, const int *numbers);
/* Ask to type word (or "yes"); true when they did. */
bool	tui_confirm_typed(struct tui *, const char *question, const char *word);

/* tui-input.c: keys as terminals send them. */
/* define_key every known sequence that terminfo lacks. */
void	tui_input_define_keys(void);
/*
 * After wgetch gave an Esc byte: read the rest of its escape sequence
 * into seq. TUI_ESC when Esc came alone, else TUI_KEY_UNKNOWN.
 */
int	tui_input_escape(char *seq, size_t size);
/* A function key as the bindings know it: Find is Home, Select is End. */
int	tui_input_canonical(int code);
/* "ESC [ 1 ; 5 C": a sequence as the hint names it. */
void	tui_input_describe(const char *seq, char *out, size_t size);

/* tui-text.c: an editable wide-character buffer. */
struct tui_text {
	wchar_t		*buf;
	size_t		 len;
	size_t		 cap;
	size_t		 cur;		/* cursor, an index into buf */
};
void	tui_text_init(struct tui_text *, const char *utf8);
void	tui_text_free(struct tui_text *);
void	tui_text_insert(struct tui_text *, wchar_t);
void	tui_text_delete_back(struct tui_text *);
void	tui_text_delete_forward(struct tui_text *);
char	*tui_text_utf8(const struct tui_text *);	/* caller frees */
/* Edit keys common to one-line fields; true when the key was used. */
bool	tui_text_key(struct tui_text *, int key, enum tui_req);
/* Draw one line of t in cols columns, scrolled to show the cursor. */
void	tui_text_draw_line(struct tui *, const struct tui_text *, int y, int x,
	    int cols, attr_t);

/* The screens: each opens by pushing itself. */
void	tui_home_open(struct tui *);
void	tui_form_open(struct tui *, const char *rubric, bool replace);
/* The form over a draft's header; owned: the form frees sc when it closes. */
void	tui_form_edit(struct tui *, struct scorecard *sc, bool owned);
/* Takes sc. item < nitems. */
void	tui_walk_open(struct tui *, struct scorecard *sc, size_t item,
	    bool replace);
/* The walk's outline; jumps the walk (*item) on Enter. */
void	tui_outline_open(struct tui *, struct scorecard *sc, size_t *item);
void	tui_help_open(struct tui *, unsigned scope);
/* readonly: NULL to edit, else why it cannot change (a static string,
 * such as "finalized: read-only"), said on its top line. */
void	tui_note_open(struct tui *, struct scorecard *sc, size_t item,
	    enum scorecard_note, const char *readonly);
/* Edit a note in $VISUAL/$EDITOR and commit it. */
void	tui_note_external(struct tui *, struct scorecard *sc, size_t item,
	    enum scorecard_note);
/* Export a scorecard: choose a format and a path, write, show the path. */
void	tui_export(struct tui *, const struct scorecard *);
/* The reviewer's screens, read-only lists (tui-compare.c, tui-stats.c). */
/* Scorecards a and b side by side, differences B - A highlighted. Takes both. */
void	tui_compare_open(struct tui *, struct scorecard *a, struct scorecard *b);
/* Load a and b from the store and compare them; a message when one fails. */
void	tui_compare_ids(struct tui *, long long a, long long b);
/* The charts of `kaohe stats` over what q selects (q is not kept). */
void	tui_stats_open(struct tui *, const struct store_query *q);

/* tui-reconcile.c: what the walk of a team card adds. */
/* Every member's score, tier and notes for item, in rows from top, in
 * columns 0 .. cols (the walk's, left of the evidence pane). */
void	tui_reconcile_draw(struct tui *, const struct scorecard *, size_t item,
	    int top, int rows, int cols);
/* "共識: reason" after the team's score; "" while unresolved. Caller frees. */
char	*tui_reconcile_how(const struct scorecard *, size_t item);
/* The next unresolved item from from, else the next unscored, else -1. */
long	tui_reconcile_next(const struct scorecard *, size_t from);
/* Ask how and why, then settle item at score (tier 0 picks); 0 when saved. */
int	tui_reconcile_settle(struct tui *, struct scorecard *, size_t item,
	    int score, int tier);

/* tui-rebuild.c: a stale team card made again from its members' cards. */
/* "陳美玲, 李大華": whose card changed since team card sc was built; NULL
 * when none did (or it cannot be told). Caller frees. */
char	*tui_rebuild_stale_names(struct tui *, const struct scorecard *sc);
/* Say that sc is stale (names: whose card changed) and what to do. */
void	tui_rebuild_say_stale(struct tui *, const struct scorecard *sc,
	    const char *names);
/* Ask, then make team card sc again as `kaohe team --rebuild` does; 0
 * when it was rebuilt (the store's copy: reload sc). */
int	tui_rebuild(struct tui *, const struct scorecard *sc);

#endif
