/*
 * The list layer: one driver under every screen that is a column of rows
 * (home, outline, help, compare, stats, the menus; the reconcile screen
 * and the evidence pane to come). The model is tig's view_driver and
 * htop's Panel_onKey: a screen provides its rows and handles its own
 * requests; every request it does not handle falls through to the list,
 * which owns the selection, scrolling, paging, first/last, finding a row
 * (/ n N), going back (q Esc) and the hint line, drawn from the key table.
 *
 * Keys: a list screen's scope is its own TUI_SCOPE_* bit. The driver adds
 * TUI_SCOPE_LIST, whose bindings (j k PgDn g G / n N q ...) are looked up
 * only when the screen's own scope has nothing for the key, so that a
 * screen can take a list key for itself ('q' quits on home) and the key
 * table stays the one place that says what a key does.
 *
 * Rules the driver keeps for every list, so that no screen differs:
 * - a page is the rows area's height less one line (one line of context);
 * - "last" selects the last row (a pager: shows the last full page);
 * - a pager (TUI_LIST_PAGER) has no selection: moving scrolls the rows;
 * - find is case-blind for ASCII, wraps around, and says when nothing
 *   matches; n and N repeat it forwards and backwards.
 *
 * A new screen, the whole of it but its data:
 *
 *	static size_t
 *	fruit_count(struct tui *tui, struct tui_list *l)
 *	{
 *		return ((struct fruit *)l->data)->n;
 *	}
 *
 *	static void
 *	fruit_draw_row(struct tui *tui, struct tui_list *l, size_t k, int y,
 *	    attr_t a)
 *	{
 *		tui_put(y, l->x, l->cols, ((struct fruit *)l->data)->name[k], a);
 *	}
 *
 *	static char *
 *	fruit_row_text(struct tui *tui, struct tui_list *l, size_t k)
 *	{
 *		return xstrdup(((struct fruit *)l->data)->name[k]);
 *	}
 *
 *	static enum tui_req
 *	fruit_request(struct tui *tui, struct tui_list *l, enum tui_req req,
 *	    int key)
 *	{
 *		if (req != REQ_OPEN)
 *			return req;		// the list does the rest
 *		fruit_eat(l->data, l->sel);
 *		return REQ_NONE;
 *	}
 *
 *	static const struct tui_list_ops fruit_ops = {
 *		.name = "fruit", .title = N_("Fruit · kaohe"),
 *		.scope = TUI_SCOPE_FRUIT, .head = 1, .foot = 1,
 *		.count = fruit_count, .draw_row = fruit_draw_row,
 *		.row_text = fruit_row_text, .request = fruit_request,
 *		.close = fruit_close,
 *	};
 *
 *	tui_list_open(tui, &fruit_ops, fruit);	// push it; it owns fruit
 *
 * A screen that is not a list (the walk) can hold a struct tui_list as a
 * pane: tui_list_init it, set y/x/lines/cols, call tui_list_draw from its
 * draw and tui_list_request from its key handler.
 */
#ifndef KAOHE_TUI_LIST_H
#define KAOHE_TUI_LIST_H

#include "tui/tui-int.h"

struct tui_list;

/* ops->flags */
#define TUI_LIST_PAGER	0x1	/* no selection: the rows scroll as text */

/* What a list screen provides. Every callback but count, draw_row and
 * close may be NULL. */
struct tui_list_ops {
	const char	*name;
	const char	*title;		/* N_() text for the top bar; NULL: none */
	unsigned	 scope;		/* the screen's own TUI_SCOPE_ bit */
	unsigned	 flags;		/* TUI_LIST_ */
	int		 head;		/* lines above the rows (the top bar is 1) */
	int		 foot;		/* lines below them (the hint line is 1) */

	/* How many rows there are now. */
	size_t		(*count)(struct tui *, struct tui_list *);
	/*
	 * Draw row k on line y, in l->x .. l->x + l->cols. The line is
	 * already filled with a, the selected row's attribute or normal;
	 * draw with a (and add bold and the like to it).
	 */
	void		(*draw_row)(struct tui *, struct tui_list *, size_t k,
			    int y, attr_t a);
	/* Everything around the rows (bars, column titles), drawn after the
	 * selection is settled and before the rows. NULL: the title bar. */
	void		(*draw_frame)(struct tui *, struct tui_list *);
	/*
	 * The screen's own requests. Return REQ_NONE when the request was
	 * used; return it (or another) to let the list act on it.
	 */
	enum tui_req	(*request)(struct tui *, struct tui_list *,
			    enum tui_req, int key);
	/*
	 * The requests the hint line leaves out now, because in this state
	 * they would do nothing (a final card's delete, no document to
	 * quote from), ended by REQ_NONE. NULL: the hint line is the
	 * scope's whole.
	 */
	const enum tui_req *(*hidden)(struct tui *, struct tui_list *);
	/* Row k's text for finding; caller frees. NULL: / is not offered. */
	char		*(*row_text)(struct tui *, struct tui_list *, size_t k);
	/* Shown again after the screen above closed. */
	void		(*resume)(struct tui *, struct tui_list *);
	/* Free data (the list itself is freed by the driver). */
	void		(*close)(struct tui *, struct tui_list *);
};

struct tui_list {
	const struct tui_list_ops *ops;
	void		*data;		/* the screen's */
	size_t		 sel;		/* the selected row (a pager: = top) */
	size_t		 top;		/* the first row shown */
	size_t		 n;		/* rows, as counted for this draw or key */
	int		 y, x;		/* where the rows go ... */
	int		 lines, cols;	/* ... and how much room they have */
	char		*find;		/* the last text looked for */
	size_t		 found;		/* the row it was found in last */
};

/*
 * Push a full-screen list; it owns data (ops->close frees it). Returns the
 * list, or NULL when the stack of views was full and data is freed.
 */
struct tui_list *tui_list_open(struct tui *, const struct tui_list_ops *,
	    void *data);
/* The same, replacing the top view. */
struct tui_list *tui_list_replace(struct tui *, const struct tui_list_ops *,
	    void *data);
/* The list of the top view, or NULL when the top view is not a list. */
struct tui_list *tui_list_top(struct tui *);

/* A list held by another screen (a pane, a menu): no view is pushed. */
void	tui_list_init(struct tui_list *, const struct tui_list_ops *, void *);
void	tui_list_free(struct tui_list *);
/* Count the rows and keep sel and top in range and sel in sight. */
void	tui_list_settle(struct tui *, struct tui_list *);
/* Draw the rows in l->y, l->x, l->lines, l->cols. */
void	tui_list_draw(struct tui *, struct tui_list *);
/* A request the screen did not take: true when the list used it. */
bool	tui_list_request(struct tui *, struct tui_list *, enum tui_req);
/* Select row k (and scroll it into sight at the next settle). */
void	tui_list_select(struct tui_list *, size_t k);

#endif
