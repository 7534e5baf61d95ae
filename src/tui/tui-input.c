/*
 * The input layer: keys as real terminals send them.
 *
 * Terminfo describes one terminal, but the bytes come from whatever the
 * user runs: PuTTY with TERM=xterm sends Home as ESC [ 1 ~, which xterm's
 * entry does not list, and the first release read it as Esc (back) and
 * then '[', '1', '~' as typing. So:
 *
 *  - every Home, End, Insert, Delete, PgUp, PgDn, arrow, keypad and F1-F12
 *    sequence of xterm (CSI and SS3), PuTTY, rxvt/urxvt, the Linux console,
 *    VTE, tmux/screen and Windows Terminal is given to define_key where
 *    terminfo has none for it;
 *  - an escape sequence that is still unknown is read whole here, by the
 *    grammar of ECMA-48 (CSI parameters up to a final byte, SS3 and one
 *    byte, strings up to ST), and dropped: it never becomes Esc plus
 *    characters;
 *  - Esc with nothing after it is Esc. ncurses has already waited
 *    ESCDELAY (25 ms) for more; a little more covers a sequence split
 *    across two SSH packets, and Esc still answers within ~50 ms.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tui/tui-int.h"

/* The wait for the byte after Esc, and for each byte inside a sequence. */
#define INPUT_AFTER_ESC_MS	20
#define INPUT_IN_SEQUENCE_MS	50

struct input_key {
	const char	*seq;
	int		 code;
};

static const struct input_key input_keys[] = {
	/* Arrows: normal (CSI) and application (SS3) cursor modes. */
	{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
	{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
	{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
	{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
	/* Home and End: xterm/VTE/Windows Terminal, PuTTY/Linux/tmux, rxvt. */
	{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
	{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
	{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
	{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
	/* The editing block. */
	{ "\033[2~", KEY_IC }, { "\033[3~", KEY_DC },
	{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	/* Keypad 5 (xterm, SS3 form, PuTTY) and keypad Enter. */
	{ "\033[E", KEY_B2 }, { "\033OE", KEY_B2 }, { "\033[G", KEY_B2 },
	{ "\033OM", KEY_ENTER },
	/* F1-F4: xterm/VTE/Windows Terminal (SS3), VT220/PuTTY/rxvt. */
	{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) },
	{ "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
	{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
	{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
	/* The Linux console's F1-F5. */
	{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) },
	{ "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
	{ "\033[[E", KEY_F(5) },
	/* F5-F12, the same everywhere. */
	{ "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) },
	{ "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
	{ "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) },
	{ "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
	/* The numeric keypad in application mode (DECKPAM) types itself. */
	{ "\033Op", '0' }, { "\033Oq", '1' }, { "\033Or", '2' },
	{ "\033Os", '3' }, { "\033Ot", '4' }, { "\033Ou", '5' },
	{ "\033Ov", '6' }, { "\033Ow", '7' }, { "\033Ox", '8' },
	{ "\033Oy", '9' }, { "\033On", '.' }, { "\033Ol", ',' },
	{ "\033Ok", '+' }, { "\033Om", '-' }, { "\033Oj", '*' },
	{ "\033Oo", '/' },
};

void
tui_input_define_keys(void)
{
	size_t i;

	/* Terminfo's own definitions stay; these fill the gaps. */
	for (i = 0; i < sizeof input_keys / sizeof input_keys[0]; i++)
		if (key_defined(input_keys[i].seq) == 0)
			define_key(input_keys[i].seq, input_keys[i].code);
}

/*
 * Keys some entries name for the keyboard they describe: rxvt's and the
 * VT220's Find and Select sit where a PC has Home and End (rxvt-unicode
 * sends ESC [ 1 ~ and ESC [ 4 ~ for them), and the keypad's corners are
 * Home, PgUp, End and PgDn on every PC keypad.
 */
int
tui_input_canonical(int code)
{
	switch (code) {
	case KEY_FIND:
	case KEY_A1:
		return KEY_HOME;
	case KEY_SELECT:
	case KEY_C1:
		return KEY_END;
	case KEY_A3:
		return KEY_PPAGE;
	case KEY_C3:
		return KEY_NPAGE;
	default:
		return code;
	}
}

/* One more byte of a sequence within ms, or ERR. */
static int
input_next(int ms)
{
	int c;

	wtimeout(stdscr, ms);
	c = wgetch(stdscr);
	return c;
}

static void
input_append(char *seq, size_t size, size_t *len, int c)
{
	if (c > 0xff || *len + 1 >= size)
		return;
	seq[(*len)++] = (char)c;
	seq[*len] = '\0';
}

/* CSI: parameters and intermediates (0x20-0x3f), then a final byte. */
static void
input_csi(char *seq, size_t size, size_t *len)
{
	int c = input_next(INPUT_IN_SEQUENCE_MS);

	/* The Linux console's F1-F5 put a second '[' before the letter. */
	if (c == '[') {
		input_append(seq, size, len, c);
		c = input_next(INPUT_IN_SEQUENCE_MS);
		input_append(seq, size, len, c);
		return;
	}
	for (; c != ERR; c = input_next(INPUT_IN_SEQUENCE_MS)) {
		input_append(seq, size, len, c);
		/* rxvt ends its shifted keys with '$' (ESC [ 3 $). */
		if (c > 0xff || (c >= 0x40 && c <= 0x7e) || c == '$' ||
		    c < 0x20)
			return;
	}
}

/* OSC, DCS, APC, PM: a string up to BEL or ST (ESC \). */
static void
input_string(char *seq, size_t size, size_t *len)
{
	int c, prev = 0;

	while ((c = input_next(INPUT_IN_SEQUENCE_MS)) != ERR) {
		input_append(seq, size, len, c);
		if (c == 7 || (prev == 27 && c == '\\'))
			return;
		prev = c;
	}
}

/* SS3: digits of a modifier (old xterm: ESC O 5 C), then one byte. */
static void
input_ss3(char *seq, size_t size, size_t *len)
{
	int c;

	while ((c = input_next(INPUT_IN_SEQUENCE_MS)) != ERR) {
		input_append(seq, size, len, c);
		if (c < '0' || c > ';')
			return;
	}
}

int
tui_input_escape(char *seq, size_t size)
{
	int delay = wgetdelay(stdscr), c;
	size_t len = 0;

	seq[0] = '\0';
	input_append(seq, size, &len, 27);
	c = input_next(INPUT_AFTER_ESC_MS);
	if (c == ERR) {
		wtimeout(stdscr, delay);
		return TUI_ESC;
	}
	input_append(seq, size, &len, c);
	if (c == '[')
		input_csi(seq, size, &len);
	else if (c == 'O')
		input_ss3(seq, size, &len);
	else if (c == ']' || c == 'P' || c == '_' || c == '^')
		input_string(seq, size, &len);
	else if (c == 27) {
		/* Alt with a key that is a sequence itself: ESC ESC [ A. */
		c = input_next(INPUT_IN_SEQUENCE_MS);
		input_append(seq, size, &len, c);
		if (c == '[')
			input_csi(seq, size, &len);
		else if (c == 'O')
			input_ss3(seq, size, &len);
	}
	/* Anything else is Alt and one key (ESC x): also not ours. */
	wtimeout(stdscr, delay);
	return TUI_KEY_UNKNOWN;
}

void
tui_input_describe(const char *seq, char *out, size_t size)
{
	size_t o = 0;
	const unsigned char *p;

	out[0] = '\0';
	for (p = (const unsigned char *)seq; *p != '\0' && o + 5 < size; p++) {
		if (*p == 27)
			o += (size_t)snprintf(out + o, size - o, "ESC ");
		else if (*p < 0x20 || *p >= 0x7f)
			o += (size_t)snprintf(out + o, size - o, "\\x%02x ", *p);
		else
			o += (size_t)snprintf(out + o, size - o, "%c ", *p);
	}
	if (o > 0 && out[o - 1] == ' ')
		out[o - 1] = '\0';
}
