/*
 * Modal questions: a line typed at the bottom, a list to choose from, a
 * word to type to confirm. They run their own key loop through
 * tui_getkey, so resize and signals behave as everywhere else, and draw
 * as an overlay above the view beneath.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/tui-list.h"
#include "width.h"
#include "xalloc.h"

struct prompt {
	const char		*question;
	struct tui_text		 text;
};

#define PROMPT_MAX_LINES	3	/* a long question's lines above the answer */

/*
 * A long question takes the lines above, wrapped, so that a long agency
 * in it never pushes "Type yes:" off the screen; the answer gets the
 * width. When even three lines do not hold it, its end is kept.
 */
static void
prompt_draw_long(const struct prompt *p, int y)
{
	char **lines;
	size_t n, i, first;

	lines = width_wrap(p->question, (size_t)COLS - 2, &n);
	first = n > PROMPT_MAX_LINES ? n - PROMPT_MAX_LINES : 0;
	for (i = first; i < n; i++) {
		tui_fill(y - (int)(n - i), 0, COLS, A_NORMAL);
		tui_put(y - (int)(n - i), 1, COLS - 2, lines[i], A_BOLD);
	}
	width_lines_free(lines);
}

static void
prompt_draw(struct tui *tui, void *arg)
{
	struct prompt *p = arg;
	int y = LINES - 1, qw = 0;

	tui_fill(y - 1, 0, COLS, A_NORMAL);
	tui_fill(y, 0, COLS, A_NORMAL);
	if ((int)width_of(p->question) > COLS / 2)
		prompt_draw_long(p, y);
	else {
		if (tui->message != NULL)
			tui_put(y - 1, 1, COLS - 2, tui->message, tui_attr(tui,
			    tui->message_error ? TUI_ROLE_ERROR : TUI_ROLE_OK));
		qw = tui_put(y, 1, COLS / 2, p->question, A_BOLD) + 1;
	}
	tui_text_draw_line(tui, &p->text, y, qw + 1, COLS - qw - 2,
	    tui_attr(tui, TUI_ROLE_FIELD));
}

/*
 * Take an overlay (a prompt or a menu's box) off the screen. Its border
 * may have cut wide characters beneath it in half, and the terminal keeps
 * the half it was sent: repaint the whole screen, not only what changed.
 */
static void
prompt_overlay_close(struct tui *tui, struct tui_overlay *saved)
{
	tui->overlay = saved;
	clearok(curscr, TRUE);
}

int
tui_prompt(struct tui *tui, const char *question, const char *initial,
    char **out)
{
	struct prompt p = { question, { NULL, 0, 0, 0 } };
	struct tui_overlay ov = { prompt_draw, &p }, *saved = tui->overlay;
	enum tui_req req;
	int key, rc = -1;

	*out = NULL;
	tui_text_init(&p.text, initial);
	tui->overlay = &ov;
	for (;;) {
		key = tui_getkey(tui);
		if (key == TUI_KEY_QUIT)
			break;
		req = tui_keys_lookup(TUI_SCOPE_PROMPT, key);
		if (tui->pasting && req == REQ_SUBMIT) {
			tui_text_insert(&p.text, L' ');
			continue;
		}
		if (req == REQ_BACK)
			break;
		if (req == REQ_SUBMIT) {
			*out = tui_text_utf8(&p.text);
			rc = 0;
			break;
		}
		tui_text_key(&p.text, key, req);
	}
	prompt_overlay_close(tui, saved);
	tui_text_free(&p.text);
	return rc;
}

/* A menu is a list in a box: the list layer moves, pages and finds. */
struct menu {
	const char	*title;
	char *const	*choices;
	size_t		 n;
	const int	*numbers;	/* the choices' own; NULL: 1, 2, ... */
	struct tui_list	 list;
	int		 y0, x0, w, h;	/* the box */
};

/* The digit that picks choice k, or 0 when none does. */
static int
menu_number(const struct menu *m, size_t k)
{
	int num = m->numbers != NULL ? m->numbers[k] : (int)k + 1;

	if (m->numbers == NULL && m->n > 9)
		return 0;
	return num >= 1 && num <= 9 ? num : 0;
}

static size_t
menu_count(struct tui *tui, struct tui_list *l)
{
	(void)tui;
	return ((struct menu *)l->data)->n;
}

static void
menu_draw_row(struct tui *tui, struct tui_list *l, size_t k, int y, attr_t a)
{
	struct menu *m = l->data;
	char num[8] = "";

	(void)tui;
	if (menu_number(m, k) > 0)
		snprintf(num, sizeof num, "%d ", menu_number(m, k));
	tui_put(y, l->x + 1, 2, num, a | A_BOLD);
	tui_put(y, l->x + 3, l->cols - 4, m->choices[k], a);
}

static char *
menu_row_text(struct tui *tui, struct tui_list *l, size_t k)
{
	(void)tui;
	return xstrdup(((struct menu *)l->data)->choices[k]);
}

static const struct tui_list_ops menu_ops = {
	.name = "menu", .scope = TUI_SCOPE_MENU,
	.count = menu_count, .draw_row = menu_draw_row,
	.row_text = menu_row_text,
};

/* The box, centred, as wide as the longest choice, as tall as fits. */
static void
menu_layout(struct menu *m)
{
	size_t w = width_of(m->title), i, cw;
	int rows = (int)m->n;
	char *more;

	for (i = 0; i < m->n; i++) {
		cw = width_of(m->choices[i]) + 4;
		if (cw > w)
			w = cw;
	}
	if (m->n > (size_t)LINES - 8) {	/* room for "… and 5 more (↓)" */
		more = xasprintf(_(" … and %zu more (↓) "), m->n);
		if (width_of(more) > w)
			w = width_of(more);
		free(more);
	}
	w += 4;
	if (w > (size_t)COLS - 4)
		w = (size_t)COLS - 4;
	if (rows > LINES - 8)
		rows = LINES - 8;
	m->w = (int)w;
	m->h = rows + 4;
	m->y0 = (LINES - m->h) / 2;
	m->x0 = (COLS - m->w) / 2;
	m->list.y = m->y0 + 3;
	m->list.x = m->x0 + 1;
	m->list.lines = rows;
	m->list.cols = m->w - 2;
}

/* A list longer than the box says so on its lower border. */
static void
menu_draw_more(const struct menu *m)
{
	const struct tui_list *l = &m->list;
	size_t below = l->n - l->top - (size_t)l->lines;
	char *s;

	if ((size_t)l->lines >= l->n)
		return;
	s = below > 0 ? xasprintf(_(" … and %zu more (↓) "), below) :
	    xasprintf(_(" %zu-%zu of %zu "), l->top + 1, l->n, l->n);
	tui_put_right(m->y0 + m->h - 1, m->x0 + m->w - 2, s, A_BOLD);
	free(s);
}

static void
menu_draw_box(const struct menu *m)
{
	int y0 = m->y0, x0 = m->x0, w = m->w, h = m->h, i;

	for (i = 0; i < h; i++)
		tui_fill(y0 + i, x0, w, A_NORMAL);
	attron(A_BOLD);
	mvhline(y0, x0, ACS_HLINE, w);
	mvhline(y0 + h - 1, x0, ACS_HLINE, w);
	mvvline(y0, x0, ACS_VLINE, h);
	mvvline(y0, x0 + w - 1, ACS_VLINE, h);
	mvaddch(y0, x0, ACS_ULCORNER);
	mvaddch(y0, x0 + w - 1, ACS_URCORNER);
	mvaddch(y0 + h - 1, x0, ACS_LLCORNER);
	mvaddch(y0 + h - 1, x0 + w - 1, ACS_LRCORNER);
	attroff(A_BOLD);
	tui_put(y0 + 1, x0 + 2, w - 4, m->title, A_BOLD);
}

static void
menu_draw(struct tui *tui, void *arg)
{
	struct menu *m = arg;

	/* ? is not read while a menu is open. */
	static const enum tui_req hidden[] = { REQ_HELP, REQ_NONE };

	menu_layout(m);
	tui_list_settle(tui, &m->list);
	menu_draw_box(m);
	tui_list_draw(tui, &m->list);
	menu_draw_more(m);
	/* The hint line beneath is the menu's: the screen's keys wait. */
	tui_draw_hints(tui, TUI_SCOPE_MENU | TUI_SCOPE_LIST, hidden);
}

int
tui_menu(struct tui *tui, const char *title, char *const *choices, size_t n,
    size_t initial)
{
	return tui_menu_numbered(tui, title, choices, n, initial, NULL);
}

/* The choice whose digit is key, or -1. */
static int
menu_pick_digit(const struct menu *m, int key)
{
	size_t k;

	for (k = 0; k < m->n; k++)
		if (menu_number(m, k) > 0 && key == '0' + menu_number(m, k))
			return (int)k;
	return -1;
}

/* A key: the choice taken, -1 when cancelled, -2 to go on. */
static int
menu_key(struct tui *tui, struct menu *m, int key)
{
	enum tui_req req;

	if (key == TUI_KEY_QUIT)
		return -1;
	if (menu_pick_digit(m, key) >= 0)
		return menu_pick_digit(m, key);
	req = tui_keys_lookup(TUI_SCOPE_MENU | TUI_SCOPE_LIST, key);
	if (req == REQ_BACK)
		return -1;
	if (req == REQ_SUBMIT)
		return (int)m->list.sel;
	menu_layout(m);
	tui_list_settle(tui, &m->list);
	tui_list_request(tui, &m->list, req);
	return -2;
}

int
tui_menu_numbered(struct tui *tui, const char *title, char *const *choices,
    size_t n, size_t initial, const int *numbers)
{
	struct menu m = { title, choices, n, numbers, { 0 }, 0, 0, 0, 0 };
	struct tui_overlay ov = { menu_draw, &m }, *saved = tui->overlay;
	int rc = -2;

	if (n == 0)
		return -1;
	tui_list_init(&m.list, &menu_ops, &m);
	m.list.sel = initial < n ? initial : 0;
	tui->overlay = &ov;
	while (rc == -2)
		rc = menu_key(tui, &m, tui_getkey(tui));
	prompt_overlay_close(tui, saved);
	tui_list_free(&m.list);
	return rc;
}

bool
tui_confirm_typed(struct tui *tui, const char *question, const char *word)
{
	char *answer = NULL;
	bool yes = false;

	if (tui_prompt(tui, question, "", &answer) == 0) {
		yes = strcmp(answer, "yes") == 0 ||
		    (word != NULL && *word != '\0' && strcmp(answer, word) == 0);
		/* The translated "yes" counts too: 是 for a Chinese UI. */
		if (!yes && strcmp(answer, _("yes")) == 0)
			yes = true;
	}
	free(answer);
	return yes;
}
