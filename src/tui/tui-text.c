/*
 * An editable buffer of wide characters: what the prompts, the form's
 * fields and the note editor type into. The cursor is an index; columns
 * are computed with wcwidth when drawing, so CJK moves and deletes whole.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/tui-int.h"
#include "xalloc.h"

static void
text_reserve(struct tui_text *t, size_t need)
{
	if (need + 1 <= t->cap)
		return;
	t->cap = (need + 1) * 2;
	t->buf = xreallocarray(t->buf, t->cap, sizeof *t->buf);
}

void
tui_text_init(struct tui_text *t, const char *utf8)
{
	size_t len = utf8 != NULL ? strlen(utf8) : 0, i = 0, k;
	mbstate_t ps;
	wchar_t wc;

	memset(t, 0, sizeof *t);
	text_reserve(t, len + 16);
	memset(&ps, 0, sizeof ps);
	while (i < len) {
		k = mbrtowc(&wc, utf8 + i, len - i, &ps);
		if (k == (size_t)-1 || k == (size_t)-2) {
			wc = 0xFFFD;
			memset(&ps, 0, sizeof ps);
			k = 1;
		} else if (k == 0)
			k = 1;
		t->buf[t->len++] = wc;
		i += k;
	}
	t->buf[t->len] = L'\0';
	t->cur = t->len;
}

void
tui_text_free(struct tui_text *t)
{
	free(t->buf);
	memset(t, 0, sizeof *t);
}

void
tui_text_insert(struct tui_text *t, wchar_t wc)
{
	text_reserve(t, t->len + 1);
	memmove(t->buf + t->cur + 1, t->buf + t->cur,
	    (t->len - t->cur) * sizeof *t->buf);
	t->buf[t->cur++] = wc;
	t->buf[++t->len] = L'\0';
}

void
tui_text_delete_back(struct tui_text *t)
{
	if (t->cur == 0)
		return;
	t->cur--;
	tui_text_delete_forward(t);
}

void
tui_text_delete_forward(struct tui_text *t)
{
	if (t->cur >= t->len)
		return;
	memmove(t->buf + t->cur, t->buf + t->cur + 1,
	    (t->len - t->cur) * sizeof *t->buf);
	t->len--;
}

char *
tui_text_utf8(const struct tui_text *t)
{
	char *out = xmalloc(t->len * MB_CUR_MAX + 1), *p = out;
	mbstate_t ps;
	size_t i, k;

	memset(&ps, 0, sizeof ps);
	for (i = 0; i < t->len; i++) {
		k = wcrtomb(p, t->buf[i], &ps);
		if (k == (size_t)-1) {
			memset(&ps, 0, sizeof ps);
			continue;	/* unrepresentable: dropped, never garbled */
		}
		p += k;
	}
	*p = '\0';
	return out;
}

/* May this character go into the text? Controls never do. */
static bool
text_printable(int key)
{
	return key >= 0x20 && key != 0x7f && key < 0x110000 &&
	    !(key >= 0x80 && key < 0xa0);
}

bool
tui_text_key(struct tui_text *t, int key, enum tui_req req)
{
	switch (req) {
	case REQ_LEFT:
		if (t->cur > 0)
			t->cur--;
		return true;
	case REQ_RIGHT:
		if (t->cur < t->len)
			t->cur++;
		return true;
	case REQ_LINE_START:
		while (t->cur > 0 && t->buf[t->cur - 1] != L'\n')
			t->cur--;
		return true;
	case REQ_LINE_END:
		while (t->cur < t->len && t->buf[t->cur] != L'\n')
			t->cur++;
		return true;
	case REQ_DELETE_BACK:
		tui_text_delete_back(t);
		return true;
	case REQ_DELETE_FORWARD:
		tui_text_delete_forward(t);
		return true;
	default:
		break;
	}
	if (text_printable(key)) {
		tui_text_insert(t, (wchar_t)key);
		return true;
	}
	return false;
}

void
tui_text_draw_line(struct tui *tui, const struct tui_text *t, int y, int x,
    int cols, attr_t attr)
{
	size_t start = 0, i;
	int w = 0, cw;

	if (cols < 2)
		return;
	/* Scroll so that the cursor and one cell after it are visible. */
	for (i = t->cur; i > 0; i--) {
		cw = wcwidth(t->buf[i - 1]);
		if (w + (cw > 0 ? cw : 1) > cols - 1)
			break;
		w += cw > 0 ? cw : 1;
	}
	start = i;
	tui_fill(y, x, cols, attr);
	w = tui_putw(y, x, cols, t->buf + start, t->cur - start, attr);
	tui_putw(y, x + w, cols - w, t->buf + t->cur, t->len - t->cur, attr);
	tui->cursor_y = y;
	tui->cursor_x = x + w;
}
