/*
 * Modal questions: a line typed at the bottom, a list to choose from, a
 * word to type to confirm. They run their own key loop through
 * tui_getkey, so resize and signals behave as everywhere else, and draw
 * as an overlay above the view beneath.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/tui-int.h"
#include "width.h"
#include "xalloc.h"

struct prompt {
	const char		*question;
	struct tui_text		 text;
};

static void
prompt_draw(struct tui *tui, void *arg)
{
	struct prompt *p = arg;
	int y = LINES - 1, qw;

	tui_fill(y - 1, 0, COLS, A_NORMAL);
	tui_fill(y, 0, COLS, A_NORMAL);
	/* A long question takes the line above; the answer gets the width. */
	if ((int)width_of(p->question) > COLS / 2) {
		tui_put(y - 1, 1, COLS - 2, p->question, A_BOLD);
		qw = 0;
	} else {
		if (tui->message != NULL)
			tui_put(y - 1, 1, COLS - 2, tui->message, tui_attr(tui,
			    tui->message_error ? TUI_ROLE_ERROR : TUI_ROLE_OK));
		qw = tui_put(y, 1, COLS / 2, p->question, A_BOLD) + 1;
	}
	tui_text_draw_line(tui, &p->text, y, qw + 1, COLS - qw - 2,
	    tui_attr(tui, TUI_ROLE_FIELD));
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
	tui->overlay = saved;
	tui_text_free(&p.text);
	return rc;
}

struct menu {
	const char	*title;
	char *const	*choices;
	size_t		 n;
	size_t		 sel;
	size_t		 top;
	const int	*numbers;	/* the choices' own; NULL: 1, 2, ... */
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

/* A list longer than the box says so on its lower border. */
static void
menu_draw_more(const struct menu *m, int y, int x0, int w, int rows)
{
	size_t below = m->n - m->top - (size_t)rows;
	char *s;

	if ((size_t)rows >= m->n)
		return;
	s = below > 0 ? xasprintf(_(" … and %zu more (↓) "), below) :
	    xasprintf(_(" %zu-%zu of %zu "), m->top + 1, m->n, m->n);
	tui_put_right(y, x0 + w - 2, s, A_BOLD);
	free(s);
}

static int
menu_width(const struct menu *m)
{
	size_t w = width_of(m->title), i, cw;

	for (i = 0; i < m->n; i++) {
		cw = width_of(m->choices[i]) + 4;
		if (cw > w)
			w = cw;
	}
	w += 4;
	if (w > (size_t)COLS - 4)
		w = (size_t)COLS - 4;
	return (int)w;
}

static void
menu_draw(struct tui *tui, void *arg)
{
	struct menu *m = arg;
	int w = menu_width(m), rows = (int)m->n, h, y0, x0, i;
	char num[8];
	attr_t a;

	if (rows > LINES - 8)
		rows = LINES - 8;
	h = rows + 4;
	y0 = (LINES - h) / 2;
	x0 = (COLS - w) / 2;
	if (m->sel < m->top)
		m->top = m->sel;
	if (m->sel >= m->top + (size_t)rows)
		m->top = m->sel - (size_t)rows + 1;
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
	for (i = 0; i < rows; i++) {
		size_t k = m->top + (size_t)i;

		a = k == m->sel ? tui_attr(tui, TUI_ROLE_SELECT) : A_NORMAL;
		tui_fill(y0 + 3 + i, x0 + 1, w - 2, a);
		if (menu_number(m, k) > 0)
			snprintf(num, sizeof num, "%d ", menu_number(m, k));
		else
			num[0] = '\0';
		tui_put(y0 + 3 + i, x0 + 2, 2, num, a | A_BOLD);
		tui_put(y0 + 3 + i, x0 + 4, w - 6, m->choices[k], a);
	}
	menu_draw_more(m, y0 + h - 1, x0, w, rows);
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

int
tui_menu_numbered(struct tui *tui, const char *title, char *const *choices,
    size_t n, size_t initial, const int *numbers)
{
	struct menu m = { title, choices, n, initial < n ? initial : 0, 0,
	    numbers };
	struct tui_overlay ov = { menu_draw, &m }, *saved = tui->overlay;
	enum tui_req req;
	int key, rc = -2;

	if (n == 0)
		return -1;
	tui->overlay = &ov;
	while (rc == -2) {
		key = tui_getkey(tui);
		if (key == TUI_KEY_QUIT) {
			rc = -1;
			break;
		}
		/* The menu takes list keys and the digits of its choices. */
		req = tui_keys_lookup(TUI_SCOPE_OUTLINE, key);
		if (req == REQ_NONE || req == REQ_BACK)
			req = tui_keys_lookup(TUI_SCOPE_PROMPT, key);
		if (menu_pick_digit(&m, key) >= 0)
			rc = menu_pick_digit(&m, key);
		else if (req == REQ_BACK || key == 'q')
			rc = -1;
		else if (req == REQ_SUBMIT || req == REQ_OPEN)
			rc = (int)m.sel;
		else if (req == REQ_DOWN && m.sel + 1 < n)
			m.sel++;
		else if (req == REQ_UP && m.sel > 0)
			m.sel--;
		else if (req == REQ_FIRST)
			m.sel = 0;
		else if (req == REQ_LAST)
			m.sel = n - 1;
		else if (req == REQ_PAGE_DOWN)
			m.sel = m.sel + 10 < n ? m.sel + 10 : n - 1;
		else if (req == REQ_PAGE_UP)
			m.sel = m.sel > 10 ? m.sel - 10 : 0;
	}
	tui->overlay = saved;
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
