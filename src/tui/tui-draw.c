/*
 * Drawing helpers: text placed by display column (CJK is two columns),
 * clipped, never wrapped by curses; and the roles that map to colour or,
 * under NO_COLOR and on monochrome terminals, to reverse and bold alone.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "i18n.h"
#include "tui/tui-int.h"
#include "width.h"
#include "xalloc.h"

enum {
	PAIR_BAR = 1,
	PAIR_TITLE,
	PAIR_CHOSEN,
	PAIR_ERROR,
	PAIR_OK,
	PAIR_UNSCORED,
};

void
tui_colors_init(struct tui *tui)
{
	const char *no_color = getenv("NO_COLOR");

	tui->color = false;
	/* https://no-color.org: present and not empty means no colour. */
	if (no_color != NULL && *no_color != '\0')
		return;
	if (!has_colors() || start_color() != OK)
		return;
	use_default_colors();
	if (COLORS < 8)
		return;
	init_pair(PAIR_BAR, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_TITLE, COLOR_CYAN, -1);
	init_pair(PAIR_CHOSEN, COLOR_GREEN, -1);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_OK, COLOR_GREEN, -1);
	init_pair(PAIR_UNSCORED, COLOR_YELLOW, -1);
	tui->color = true;
}

attr_t
tui_attr(const struct tui *tui, enum tui_role role)
{
	/* Every role stays distinct without colour: reverse, bold, underline. */
	switch (role) {
	case TUI_ROLE_BAR:
		return tui->color ? COLOR_PAIR(PAIR_BAR) | A_BOLD : A_REVERSE;
	case TUI_ROLE_TITLE:
		return tui->color ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_BOLD;
	case TUI_ROLE_SELECT:
		return A_REVERSE;
	case TUI_ROLE_CHOSEN:
		return tui->color ? COLOR_PAIR(PAIR_CHOSEN) | A_BOLD : A_BOLD;
	case TUI_ROLE_ERROR:
		return tui->color ? COLOR_PAIR(PAIR_ERROR) | A_BOLD :
		    A_BOLD | A_REVERSE;
	case TUI_ROLE_OK:
		return tui->color ? COLOR_PAIR(PAIR_OK) | A_BOLD : A_BOLD;
	case TUI_ROLE_DIM:
		return tui->color ? A_DIM : A_NORMAL;
	case TUI_ROLE_UNSCORED:
		return tui->color ? COLOR_PAIR(PAIR_UNSCORED) | A_BOLD : A_BOLD;
	case TUI_ROLE_FIELD:
		return A_UNDERLINE;
	default:
		return A_NORMAL;
	}
}

int
tui_putw(int y, int x, int cols, const wchar_t *s, size_t n, attr_t attr)
{
	int used = 0, w;
	size_t i;
	wchar_t wc;
	cchar_t cc;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if (cols > COLS - x)
		cols = COLS - x;
	for (i = 0; i < n && s[i] != L'\0'; i++) {
		wc = s[i];
		if (wc == L'\t' || wc == L'\n')
			wc = L' ';
		w = wcwidth(wc);
		if (w < 0) {
			wc = L'?';	/* never send a control to the tty */
			w = 1;
		}
		if (w == 0)
			continue;	/* combining marks are dropped, not misplaced */
		if (used + w > cols)
			break;
		wchar_t one[2] = { wc, L'\0' };
		setcchar(&cc, one, attr, PAIR_NUMBER(attr), NULL);
		mvadd_wch(y, x + used, &cc);
		used += w;
	}
	return used;
}

/* UTF-8 to wide; invalid bytes become U+FFFD. Caller frees. */
static wchar_t *
to_wide(const char *s, size_t *n)
{
	size_t len = strlen(s), i = 0, k;
	wchar_t *out = xreallocarray(NULL, len + 1, sizeof *out);
	mbstate_t ps;

	memset(&ps, 0, sizeof ps);
	*n = 0;
	while (i < len) {
		k = mbrtowc(&out[*n], s + i, len - i, &ps);
		if (k == (size_t)-1 || k == (size_t)-2) {
			out[*n] = 0xFFFD;
			memset(&ps, 0, sizeof ps);
			k = 1;
		} else if (k == 0)
			k = 1;
		(*n)++;
		i += k;
	}
	out[*n] = L'\0';
	return out;
}

int
tui_put(int y, int x, int cols, const char *s, attr_t attr)
{
	size_t n;
	wchar_t *w;
	int used;

	if (s == NULL || cols <= 0)
		return 0;
	w = to_wide(s, &n);
	used = tui_putw(y, x, cols, w, n, attr);
	free(w);
	return used;
}

int
tui_put_cut(int y, int x, int cols, const char *s, attr_t attr)
{
	size_t n;
	wchar_t *w;
	int used;

	if (s == NULL || cols <= 0)
		return 0;
	if ((int)width_of(s) <= cols)
		return tui_put(y, x, cols, s, attr);
	w = to_wide(s, &n);
	used = tui_putw(y, x, cols - 1, w, n, attr);
	free(w);
	return used + tui_put(y, x + used, 1, width_locale_utf8() ? "…" : "~", attr);
}

void
tui_fill(int y, int x, int cols, attr_t attr)
{
	int i;

	if (y < 0 || y >= LINES)
		return;
	attron(attr);
	for (i = 0; i < cols && x + i < COLS; i++)
		mvaddch(y, x + i, ' ');
	attroff(attr);
}

void
tui_put_right(int y, int right, const char *s, attr_t attr)
{
	int w = (int)width_of(s), x = right - w;

	if (x < 0)
		x = 0;
	tui_put(y, x, right - x, s, attr);
}

/*
 * Eighths of a cell in block characters when the codeset can say them
 * (the Linux console's font has them too); '#' and '-' otherwise.
 */
void
tui_bar(int y, int x, int cols, size_t done, size_t all, attr_t attr)
{
	static const wchar_t part[8] = { L' ', L'▏', L'▎', L'▍', L'▌', L'▋',
	    L'▊', L'▉' };
	size_t eighths = all > 0 ? done * (size_t)cols * 8 / all : 0, e;
	wchar_t wc;
	int i;

	for (i = 0; i < cols; i++) {
		e = (size_t)i * 8;
		if (!width_locale_utf8()) {
			mvaddch(y, x + i, (e + 8 <= eighths ? '#' : '-') | attr);
			continue;
		}
		if (e + 8 <= eighths)
			wc = L'█';
		else if (e < eighths)
			wc = part[eighths - e];
		else
			wc = L'░';
		tui_putw(y, x + i, 1, &wc, 1, attr);
	}
}

void
tui_draw_bottom(struct tui *tui, const char *hints)
{
	int y = LINES - 1;

	tui_fill(y, 0, COLS, A_NORMAL);
	if (tui->message != NULL)
		tui_put(y, 1, COLS - 2, tui->message, tui_attr(tui,
		    tui->message_error ? TUI_ROLE_ERROR : TUI_ROLE_OK));
	else
		tui_put(y, 1, COLS - 2, hints, tui_attr(tui, TUI_ROLE_DIM));
}

char *
tui_range(int min, int max)
{
	return xasprintf(_("%d~%d points"), min, max);
}

void
tui_draw_hints(struct tui *tui, unsigned scope, const enum tui_req *hide)
{
	char *hints = tui_keys_hints(scope, COLS - 2, hide);

	tui_draw_bottom(tui, hints);
	free(hints);
}

void
tui_draw_title(struct tui *tui, const char *title)
{
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR);

	tui_fill(0, 0, COLS, bar);
	tui_put_cut(0, 1, COLS - 2, title, bar);
}

char *
tui_cut(const char *s, int cols)
{
	const char *more = width_locale_utf8() ? "…" : "~";
	size_t n, i, k, len = 0;
	mbstate_t ps;
	wchar_t *w;
	char *out;
	int used = 0, cw;

	if ((int)width_of(s) <= cols)
		return xstrdup(s);
	if (cols < 1)
		return xstrdup("");
	w = to_wide(s, &n);
	out = xmalloc(n * MB_LEN_MAX + strlen(more) + 1);
	memset(&ps, 0, sizeof ps);
	for (i = 0; i < n; i++) {
		cw = wcwidth(w[i]);
		if (cw < 0)
			cw = 1;
		if (used + cw > cols - 1)	/* one column for "…" */
			break;
		k = wcrtomb(out + len, w[i], &ps);
		if (k == (size_t)-1)
			continue;
		len += k;
		used += cw;
	}
	strcpy(out + len, more);
	free(w);
	return out;
}
