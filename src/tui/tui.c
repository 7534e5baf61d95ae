/*
 * The curses UI's loop: the terminal set up and always restored, the
 * stack of views, keys read byte by byte, resize and signals.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "tui/tui-int.h"
#include "width.h"
#include "xalloc.h"

/* Handlers only set this; the loop notices it within one key timeout. */
static volatile sig_atomic_t tui_signalled;
/* For the atexit and out-of-memory paths, which have no context. */
static bool tui_active;

#define TUI_KEY_TIMEOUT_MS	250

static void
tui_on_signal(int sig)
{
	tui_signalled = sig;
}

/*
 * Bracketed paste: the terminal wraps pasted text in ESC[200~ ... ESC[201~,
 * so that a paste on the item screen is not taken for keys (an "x" in
 * pasted evidence must not clear a score). Terminals without it ignore
 * the mode.
 */
static void
tui_paste_mode(bool on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

static void
tui_end_terminal(void)
{
	if (tui_active) {
		tui_active = false;
		endwin();
		tui_paste_mode(false);
	}
}

static int
tui_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) != 0 ||
	    sigaction(SIGTERM, &sa, NULL) != 0 ||
	    sigaction(SIGHUP, &sa, NULL) != 0)
		return -1;
	return 0;
}

/* TERM=dumb and friends cannot place text: the screens would be garbage. */
static bool
tui_can_address(void)
{
	char *cup = tigetstr("cup");

	return cup != NULL && cup != (char *)-1;
}

static int
tui_start_terminal(struct tui *tui, char **cause)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup(_("the terminal UI needs a terminal"
		    " (use the commands in kaohe --help for scripts)"));
		return -1;
	}
	tui->screen = newterm(NULL, stdout, stdin);
	if (tui->screen == NULL) {
		*cause = xasprintf(_("cannot start the terminal UI on"
		    " TERM=%s"), getenv("TERM") != NULL ? getenv("TERM") : "");
		return -1;
	}
	set_term(tui->screen);
	if (!tui_can_address()) {
		endwin();
		delscreen(tui->screen);
		tui->screen = NULL;
		*cause = xasprintf(_("TERM=%s cannot move the cursor; the"
		    " terminal UI needs a terminal such as xterm"),
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		return -1;
	}
	tui_active = true;
	atexit(tui_end_terminal);
	xalloc_set_oom_hook(tui_end_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	define_key("\033[200~", TUI_KEY_PASTE_BEGIN);
	define_key("\033[201~", TUI_KEY_PASTE_END);
	tui_input_define_keys();
	tui_paste_mode(true);
	set_escdelay(25);
	wtimeout(stdscr, TUI_KEY_TIMEOUT_MS);
	tui_colors_init(tui);
	if (tui_signals() != 0) {
		tui_end_terminal();
		*cause = xasprintf(_("cannot set signal handlers: %s"),
		    strerror(errno));
		return -1;
	}
	return 0;
}

struct tui_view *
tui_top(struct tui *tui)
{
	return tui->nviews > 0 ? &tui->views[tui->nviews - 1] : NULL;
}

void
tui_push(struct tui *tui, const struct tui_view_ops *ops, void *data)
{
	if (tui->nviews == TUI_MAX_VIEWS) {
		/* The deepest path is home › walk › outline › help. */
		ops->close(tui, &(struct tui_view){ ops, data });
		return;
	}
	tui->views[tui->nviews].ops = ops;
	tui->views[tui->nviews].data = data;
	tui->nviews++;
}

void
tui_pop(struct tui *tui)
{
	struct tui_view *v = tui_top(tui);

	if (v == NULL)
		return;
	tui->nviews--;
	v->ops->close(tui, v);
	v = tui_top(tui);
	if (v != NULL && v->ops->resume != NULL)
		v->ops->resume(tui, v);
}

void
tui_replace(struct tui *tui, const struct tui_view_ops *ops, void *data)
{
	struct tui_view *v = tui_top(tui);

	if (v != NULL) {
		tui->nviews--;
		v->ops->close(tui, v);
	}
	tui_push(tui, ops, data);
}

bool
tui_too_small(void)
{
	return COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
}

static void
tui_draw_too_small(void)
{
	char *line = xasprintf(_("terminal too small: %dx%d, need %dx%d"),
	    COLS, LINES, TUI_MIN_COLS, TUI_MIN_LINES);
	int w = (int)width_of(line), y = LINES / 2, x;

	x = w < COLS ? (COLS - w) / 2 : 0;
	tui_put(y, x, COLS - x, line, A_BOLD);
	free(line);
}

void
tui_redraw(struct tui *tui)
{
	struct tui_view *v = tui_top(tui);

	erase();
	tui->cursor_y = -1;
	if (tui_too_small())
		tui_draw_too_small();
	else {
		if (v != NULL)
			v->ops->draw(tui, v);
		if (tui->overlay != NULL)
			tui->overlay->draw(tui, tui->overlay->arg);
	}
	if (tui->cursor_y >= 0 && !tui_too_small()) {
		curs_set(1);
		move(tui->cursor_y, tui->cursor_x);
	} else {
		curs_set(0);
		move(LINES - 1, 0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/*
 * One key: a character or a function key (*fn set). The bytes of a
 * character are put together here, not by wget_wch: wget_wch forgets the
 * first bytes of a character when its timeout falls between them (a
 * paste arriving in pieces from the terminal), and then, starting on a
 * continuation byte, swallows up to 145 further bytes as one "invalid"
 * character: a pasted Chinese note lost blocks of ~50-150 characters.
 * Here the bytes already read wait in tui->partial for the rest.
 */
static int
tui_read_key(struct tui *tui, int *key, bool *fn)
{
	mbstate_t ps;
	wchar_t wc;
	size_t k;
	int c;

	for (;;) {
		c = wgetch(stdscr);
		if (c == ERR)
			return ERR;
		if (c == TUI_ESC && tui->npartial == 0) {
			/* Esc alone, or a sequence ncurses did not know. */
			*key = tui_input_escape(tui->unknown,
			    sizeof tui->unknown);
			*fn = false;
			return OK;
		}
		if (c > 0xff) {
			/* A key between the bytes of a character: they are noise. */
			tui->npartial = 0;
			*key = c;
			*fn = true;
			return OK;
		}
		tui->partial[tui->npartial++] = (char)c;
		memset(&ps, 0, sizeof ps);
		k = mbrtowc(&wc, tui->partial, tui->npartial, &ps);
		if (k == (size_t)-2 && tui->npartial < sizeof tui->partial)
			continue;
		if (k == (size_t)-1 || k == (size_t)-2) {
			/*
			 * Not a character: drop the bytes before the last, which
			 * may begin the next character, so nothing good is lost.
			 */
			tui->partial[0] = tui->partial[tui->npartial - 1];
			tui->npartial = 1;
			memset(&ps, 0, sizeof ps);
			k = mbrtowc(&wc, tui->partial, 1, &ps);
			if (k == (size_t)-2)
				continue;
			tui->npartial = 0;
			if (k == (size_t)-1)
				continue;
		}
		tui->npartial = 0;
		*key = (int)wc;
		*fn = false;
		return OK;
	}
}

/* Say it was seen and dropped: silence would look like a dead key. */
static void
tui_unknown_key(struct tui *tui)
{
	char name[64];

	tui_input_describe(tui->unknown, name, sizeof name);
	tui_message(tui, false, _("unknown key (%s) ignored"), name);
}

int
tui_getkey(struct tui *tui)
{
	struct tui_view *v;
	bool fn;
	int rc, key;

	for (;;) {
		if (tui_signalled != 0) {
			tui->quit = true;
			return TUI_KEY_QUIT;
		}
		/*
		 * Keys already waiting (a paste, an IME's burst) are taken
		 * without drawing in between; the screen catches up after.
		 */
		wtimeout(stdscr, 0);
		rc = tui_read_key(tui, &key, &fn);
		wtimeout(stdscr, TUI_KEY_TIMEOUT_MS);
		if (rc == ERR) {
			tui_redraw(tui);
			rc = tui_read_key(tui, &key, &fn);
		}
		if (tui_signalled != 0) {
			tui->quit = true;
			return TUI_KEY_QUIT;
		}
		if (rc == ERR) {
			v = tui_top(tui);
			if (v != NULL && v->ops->idle != NULL)
				v->ops->idle(tui, v);
			continue;
		}
		if (fn && key == KEY_RESIZE) {
			v = tui_top(tui);
			if (v != NULL && v->ops->resize != NULL &&
			    !tui_too_small())
				v->ops->resize(tui, v);
			continue;
		}
		if (fn && (key == TUI_KEY_PASTE_BEGIN ||
		    key == TUI_KEY_PASTE_END)) {
			tui->pasting = key == TUI_KEY_PASTE_BEGIN;
			continue;
		}
		if (tui_too_small())
			continue;	/* nothing to act on: see the message */
		if (key == TUI_KEY_UNKNOWN) {
			tui_unknown_key(tui);
			continue;
		}
		return fn ? TUI_FN(tui_input_canonical(key)) : key;
	}
}

void
tui_message(struct tui *tui, bool error, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	free(tui->message);
	tui->message = s != NULL ? s : xstrdup("");
	tui->message_error = error;
}

void
tui_clear_message(struct tui *tui)
{
	free(tui->message);
	tui->message = NULL;
	tui->message_error = false;
}

void
tui_suspend(struct tui *tui)
{
	(void)tui;
	def_prog_mode();
	endwin();
	tui_paste_mode(false);
}

void
tui_resume_screen(struct tui *tui)
{
	reset_prog_mode();
	tui_paste_mode(true);
	clearok(curscr, TRUE);
	tui_redraw(tui);
}

static void
tui_loop(struct tui *tui)
{
	struct tui_view *v;
	enum tui_req req;
	int key;

	while (!tui->quit && (v = tui_top(tui)) != NULL) {
		key = tui_getkey(tui);
		if (key == TUI_KEY_QUIT)
			break;
		v = tui_top(tui);
		if (tui->pasting && (v->ops->scope & (TUI_SCOPE_NOTE |
		    TUI_SCOPE_NOTE_READ | TUI_SCOPE_FORM |
		    TUI_SCOPE_HEADER)) == 0) {
			tui_message(tui, true, _("a paste is not keys: open the"
			    " record (r) or the rationale (R) to paste into"));
			continue;
		}
		tui_clear_message(tui);	/* a message lasts until the next key */
		req = tui_keys_lookup(v->ops->scope, key);
		if (req == REQ_HELP) {
			tui_help_open(tui, v->ops->scope);
			continue;
		}
		if (req == REQ_REDRAW) {
			clearok(curscr, TRUE);
			continue;
		}
		if (req == REQ_QUIT) {
			tui->quit = true;
			break;
		}
		v->ops->key(tui, v, key, req);
	}
	/* Views flush what they hold (a note being typed) as they close. */
	while (tui->nviews > 0) {
		v = tui_top(tui);
		tui->nviews--;
		v->ops->close(tui, v);
	}
}

/* `kaohe open ID`: load before curses, so an unknown ID is a plain error. */
static int
tui_open_card(struct store *st, long long id, struct scorecard **sc)
{
	char *cause = NULL;

	if (store_load(st, id, sc, &cause) != 0) {
		fprintf(stderr, "kaohe: %s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

size_t
tui_resume_item(const struct scorecard *sc)
{
	long next;

	if (sc->status == SCORECARD_FINAL)
		return 0;
	next = scorecard_next_unscored(sc, 0);
	return next < 0 ? 0 : (size_t)next;
}

int
tui_run(struct store *st, enum tui_start start, long long id,
    const char *rubric)
{
	struct tui tui;
	struct scorecard *sc = NULL;
	char *cause = NULL;

	memset(&tui, 0, sizeof tui);
	tui.st = st;
	tui.cursor_y = -1;
	if (start == TUI_OPEN && tui_open_card(st, id, &sc) != 0)
		return 1;
	if (tui_start_terminal(&tui, &cause) != 0) {
		fprintf(stderr, "kaohe: %s\n", cause);
		free(cause);
		scorecard_free(sc);
		return 1;
	}
	if (start == TUI_OPEN)
		tui_walk_open(&tui, sc, tui_resume_item(sc), false);
	else if (start == TUI_NEW)
		tui_form_open(&tui, rubric, false);
	else
		tui_home_open(&tui);
	tui_loop(&tui);
	tui_clear_message(&tui);
	tui_end_terminal();
	delscreen(tui.screen);
	if (tui_signalled != 0)
		return 128 + tui_signalled;
	return tui.status;
}
