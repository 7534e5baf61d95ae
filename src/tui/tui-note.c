/*
 * The note editor: the record (紀錄事項) or the rationale (評分說明) of one
 * item, multi-line, wrapped by display width, wide characters typed from
 * an IME moving and deleting whole. The text is committed with
 * store_set_note when the editor is left, and after a pause in typing, so
 * a crash loses at most the last few seconds of typing.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"
#include "text.h"
#include "tui/tui-int.h"
#include "width.h"
#include "xalloc.h"

#define NOTE_AUTOSAVE_SECONDS	2

struct note_row {
	size_t	start;
	size_t	end;		/* exclusive, before any '\n' */
};

struct note {
	struct scorecard	*sc;		/* the walk's */
	size_t			 item;
	enum scorecard_note	 which;
	bool			 readonly;
	const char		*why;		/* readonly: "finalized: read-only" */
	struct tui_text		 text;
	char			*committed;	/* what the store holds */
	time_t			 changed;	/* 0: nothing pending */
	int			 top;		/* first display row shown */
	int			 goal;		/* column kept by Up/Down, -1 none */
	bool			 after_cr;	/* the last key was CR */
	struct note_row		*rows;
	size_t			 nrows;
};

static int
char_width(wchar_t wc)
{
	int w = wcwidth(wc);

	return w < 0 ? 1 : w;
}

static void
note_push_row(struct note *n, size_t *cap, size_t start, size_t end)
{
	if (n->nrows == *cap) {
		*cap *= 2;
		n->rows = xreallocarray(n->rows, *cap, sizeof *n->rows);
	}
	n->rows[n->nrows].start = start;
	n->rows[n->nrows].end = end;
	n->nrows++;
}

/* A code point as UTF-8 into out (4 bytes room); its length. */
static size_t
note_utf8(wchar_t wc, char *out)
{
	unsigned long c = (unsigned long)wc;

	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/*
 * One paragraph [b, e) into rows, broken where the export breaks it
 * (width_wrap_starts: no 。，、」 at a line's start, no digit run split
 * while there is another place). The blanks at a break stay at the end of
 * the row before, so that the cursor can still reach them.
 */
static void
note_layout_paragraph(struct note *n, size_t *cap, size_t b, size_t e,
    int cols)
{
	char *utf8 = xmalloc((e - b) * 4 + 1);
	size_t *boff = xreallocarray(NULL, e - b + 1, sizeof *boff);
	size_t *starts, nstarts, len = 0, i, k, ci = 0;

	for (i = b; i < e; i++) {
		boff[i - b] = len;
		len += note_utf8(n->text.buf[i], utf8 + len);
	}
	boff[e - b] = len;
	utf8[len] = '\0';
	nstarts = width_wrap_starts(utf8, len, (size_t)cols, &starts);
	for (k = 0; k < nstarts; k++) {
		size_t from, to;

		while (ci < e - b && boff[ci] < starts[k])
			ci++;
		from = b + ci;
		to = e;
		if (k + 1 < nstarts) {
			size_t cj = ci;

			while (cj < e - b && boff[cj] < starts[k + 1])
				cj++;
			to = b + cj;
		}
		note_push_row(n, cap, from, to);
	}
	if (nstarts == 0)
		note_push_row(n, cap, b, e);
	free(starts);
	free(boff);
	free(utf8);
}

/* Break the text into display rows of at most cols columns. */
static void
note_layout(struct note *n, int cols)
{
	const wchar_t *buf = n->text.buf;
	size_t i = 0, start = 0, cap = 16;

	free(n->rows);
	n->rows = xreallocarray(NULL, cap, sizeof *n->rows);
	n->nrows = 0;
	for (i = 0; i <= n->text.len; i++) {
		if (i < n->text.len && buf[i] != L'\n')
			continue;
		note_layout_paragraph(n, &cap, start, i, cols);
		start = i + 1;
	}
}

static size_t
note_cursor_row(const struct note *n)
{
	size_t r = 0, i;

	for (i = 0; i < n->nrows; i++)
		if (n->rows[i].start <= n->text.cur)
			r = i;
	return r;
}

static int
note_col(const struct note *n, size_t row, size_t upto)
{
	size_t i;
	int w = 0;

	for (i = n->rows[row].start; i < upto && i < n->rows[row].end; i++)
		w += char_width(n->text.buf[i]);
	return w;
}

static void
note_move_rows(struct note *n, int delta)
{
	size_t r = note_cursor_row(n), i;
	long target = (long)r + delta;
	int w = 0;

	if (n->goal < 0)
		n->goal = note_col(n, r, n->text.cur);
	if (target < 0)
		target = 0;
	if (target >= (long)n->nrows)
		target = (long)n->nrows - 1;
	r = (size_t)target;
	for (i = n->rows[r].start; i < n->rows[r].end; i++) {
		if (w + char_width(n->text.buf[i]) > n->goal)
			break;
		w += char_width(n->text.buf[i]);
	}
	n->text.cur = i;
}

static int
note_text_rows(void)
{
	return LINES - 6;
}

static const char *
note_label(enum scorecard_note which)
{
	return which == SCORECARD_RECORD ? _("Record (紀錄事項)") :
	    _("Rationale (評分說明)");
}

static void
note_draw(struct tui *tui, struct tui_view *v)
{
	struct note *n = v->data;
	const struct rubric_node *item = n->sc->rubric->items[n->item];
	attr_t bar = tui_attr(tui, TUI_ROLE_BAR);
	int rows = note_text_rows(), i, cols = COLS - 2;
	size_t cr;
	char *s, *name;

	note_layout(n, cols);
	cr = note_cursor_row(n);
	if ((int)cr < n->top)
		n->top = (int)cr;
	if ((int)cr >= n->top + rows)
		n->top = (int)cr - rows + 1;
	tui_fill(0, 0, COLS, bar);
	name = rubric_node_label(item);
	s = xasprintf(" %s · %s", note_label(n->which), name);
	tui_put(0, 0, COLS - 1, s, bar);
	free(s);
	free(name);
	if (n->readonly) {
		s = xasprintf(_("%s. Esc goes back."), n->why);
		tui_put(1, 1, COLS - 2, s, tui_attr(tui, TUI_ROLE_DIM));
		free(s);
	} else
		tui_put(1, 1, COLS - 2, _("Enter: new line · Esc: save and"
		    " back · Ctrl-O: $EDITOR"), tui_attr(tui, TUI_ROLE_DIM));
	for (i = 0; i < rows && (size_t)(n->top + i) < n->nrows; i++) {
		const struct note_row *r = &n->rows[n->top + i];

		tui_putw(3 + i, 1, cols, n->text.buf + r->start,
		    r->end - r->start, A_NORMAL);
	}
	tui_fill(LINES - 2, 0, COLS, bar);
	s = xasprintf(_(" line %zu of %zu "), cr + 1, n->nrows);
	tui_put(LINES - 2, 0, COLS / 2, s, bar);
	free(s);
	if (n->changed != 0)
		tui_put_right(LINES - 2, COLS - 1,
		    _("editing: saved when you pause or leave"), bar);
	else if (tui->saved)
		tui_put_right(LINES - 2, COLS - 1, _("saved ✓"), bar);
	tui_draw_hints(tui, v->ops->scope, NULL);	/* read-only: its own */
	if (!n->readonly && tui->overlay == NULL) {
		tui->cursor_y = 3 + (int)cr - n->top;
		tui->cursor_x = 1 + note_col(n, cr, n->text.cur);
	}
}

/*
 * Write a note as `kaohe note` does: line ends made LF, a note that is
 * blank to look at made empty (text.c), then the one text rule.
 */
static int
note_store(struct tui *tui, struct scorecard *sc, size_t item,
    enum scorecard_note which, char **text, char **cause)
{
	char *clean = text_normalize_note(*text);

	free(*text);
	*text = clean;
	if (text_check(clean, TEXT_NOTE, _("the note"), cause) != 0)
		return -1;
	return store_set_note(tui->st, sc, item, which, clean, cause);
}

/* Commit the text if it changed; false (with a message) when refused. */
static bool
note_commit(struct tui *tui, struct note *n)
{
	char *text = tui_text_utf8(&n->text), *cause = NULL;

	if (n->readonly || strcmp(text, n->committed) == 0) {
		free(text);
		n->changed = 0;
		return true;
	}
	if (note_store(tui, n->sc, n->item, n->which, &text, &cause) != 0) {
		tui_message(tui, true, _("note not saved: %s"), cause);
		free(cause);
		free(text);
		tui->saved = false;
		return false;
	}
	free(n->committed);
	n->committed = text;
	n->changed = 0;
	tui->saved = true;
	return true;
}

static void
note_reload(struct note *n)
{
	const struct scorecard_entry *e = &n->sc->entries[n->item];
	const char *t = n->which == SCORECARD_RECORD ? e->record :
	    e->rationale;

	tui_text_free(&n->text);
	tui_text_init(&n->text, t);
	free(n->committed);
	n->committed = xstrdup(t);
	n->changed = 0;
}

static void
note_key(struct tui *tui, struct tui_view *v, int key, enum tui_req req)
{
	struct note *n = v->data;
	int rows = note_text_rows();

	if (req != REQ_UP && req != REQ_DOWN && req != REQ_PAGE_UP &&
	    req != REQ_PAGE_DOWN)
		n->goal = -1;
	switch (req) {
	case REQ_BACK:
		if (note_commit(tui, n))
			tui_pop(tui);
		return;
	case REQ_EXTERNAL:
		if (!n->readonly && note_commit(tui, n)) {
			tui_note_external(tui, n->sc, n->item, n->which);
			note_reload(n);
		}
		return;
	case REQ_UP:
	case REQ_DOWN:
	case REQ_PAGE_UP:
	case REQ_PAGE_DOWN:
		note_move_rows(n, req == REQ_UP ? -1 : req == REQ_DOWN ? 1 :
		    req == REQ_PAGE_UP ? -rows : rows);
		return;
	default:
		break;
	}
	if (n->readonly) {
		if (req == REQ_DELETE_BACK || req == REQ_DELETE_FORWARD ||
		    key == '\r' || (key >= 0x20 && key < 0x110000))
			tui_message(tui, true, "%s", n->why);
		return;
	}
	/* CRLF (a paste from Windows) is one line end, not two. */
	if (key == '\n' && n->after_cr) {
		n->after_cr = false;
		return;
	}
	n->after_cr = key == '\r';
	if (key == '\r' || key == '\n' || key == TUI_FN(KEY_ENTER))
		tui_text_insert(&n->text, L'\n');
	else if (key == '\t')
		tui_text_insert(&n->text, L'\t');
	else if (!tui_text_key(&n->text, key, req))
		return;
	if (req != REQ_LEFT && req != REQ_RIGHT && req != REQ_LINE_START &&
	    req != REQ_LINE_END)
		n->changed = time(NULL);
}

static void
note_idle(struct tui *tui, struct tui_view *v)
{
	struct note *n = v->data;

	if (n->changed != 0 && time(NULL) - n->changed >= NOTE_AUTOSAVE_SECONDS)
		note_commit(tui, n);
}

static void
note_close(struct tui *tui, struct tui_view *v)
{
	struct note *n = v->data;

	/* Quitting (Ctrl-C, SIGHUP) keeps what was typed, as leaving does. */
	note_commit(tui, n);
	tui_text_free(&n->text);
	free(n->committed);
	free(n->rows);
	free(n);
}

static const struct tui_view_ops note_ops = {
	"note", TUI_SCOPE_NOTE, note_draw, note_key, NULL, note_idle, NULL,
	note_close,
};

/* The same screen over a note that cannot change: read, never written. */
static const struct tui_view_ops note_read_ops = {
	"note read", TUI_SCOPE_NOTE_READ, note_draw, note_key, NULL, note_idle,
	NULL, note_close,
};

void
tui_note_open(struct tui *tui, struct scorecard *sc, size_t item,
    enum scorecard_note which, const char *readonly)
{
	struct note *n = xcalloc(1, sizeof *n);

	n->sc = sc;
	n->item = item;
	n->which = which;
	n->readonly = readonly != NULL;
	n->why = readonly;
	n->goal = -1;
	tui_text_init(&n->text, "");
	note_reload(n);	/* the cursor at the end: notes grow by appending */
	if (readonly)
		n->text.cur = 0;	/* a note to read opens at its top */
	tui_push(tui, readonly ? &note_read_ops : &note_ops, n);
}

/* Run the editor on path; its exit status, or -1 when it could not run. */
static int
note_run_editor(const char *path)
{
	const char *ed = getenv("VISUAL");
	struct sigaction ign, old_int, old_quit;
	char *cmd;
	pid_t pid;
	int status;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	/* The editor's words are split by the shell: "code -w" works. */
	cmd = xasprintf("%s \"$1\"", ed);
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	free(cmd);
	status = -1;
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return status;
}

static int
note_write_temp(const char *text, char *path, char **cause)
{
	size_t len = strlen(text);
	int fd = mkstemps(path, 4);

	if (fd < 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	/*
	 * A text file's lines end in a newline; the one added here is the
	 * one taken off when the file comes back, so the note keeps its own.
	 */
	if ((len > 0 && write(fd, text, len) != (ssize_t)len) ||
	    write(fd, "\n", 1) != 1 || close(fd) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

void
tui_note_external(struct tui *tui, struct scorecard *sc, size_t item,
    enum scorecard_note which)
{
	const struct scorecard_entry *e = &sc->entries[item];
	const char *tmpdir = getenv("TMPDIR");
	char *path, *text = NULL, *cause = NULL;
	size_t len;
	int rc;

	if (tmpdir == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	path = xasprintf("%s/kaohe-note-XXXXXX.txt", tmpdir);
	if (note_write_temp(which == SCORECARD_RECORD ? e->record :
	    e->rationale, path, &cause) != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
		free(path);
		return;
	}
	tui_suspend(tui);
	rc = note_run_editor(path);
	tui_resume_screen(tui);
	if (rc != 0)
		tui_message(tui, true, _("the editor failed (status %d):"
		    " the note is unchanged"), rc);
	else if (paths_read_file(path, SCORECARD_NOTE_MAX, &text, &len, &cause)
	    != 0) {
		tui_message(tui, true, "%s", cause);
		free(cause);
	} else {
		/* Editors end the file with a newline the note did not have. */
		if (len > 0 && text[len - 1] == '\n')
			text[--len] = '\0';
		if (!width_utf8_valid(text, len))
			tui_message(tui, true, _("the file is not UTF-8: the note"
			    " is unchanged"));
		else if (note_store(tui, sc, item, which, &text, &cause) != 0) {
			tui_message(tui, true, _("note not saved: %s"), cause);
			free(cause);
		} else {
			tui->saved = true;
			tui_message(tui, false, _("note saved from the editor"));
		}
	}
	free(text);
	unlink(path);
	free(path);
}
