/*
 * The one rule for text (DESIGN.md "One rule for text"): agency,
 * inspector and note text are checked here, and only here, by `new`,
 * `edit`, `note`, the TUI and `import`. Pure functions: no SQL, no curses.
 */
#ifndef KAOHE_TEXT_H
#define KAOHE_TEXT_H

#include <stdbool.h>

enum text_kind {
	TEXT_LINE = 0,	/* a header field: one line, never empty */
	TEXT_NOTE = 1,	/* a record or rationale: newlines and tabs allowed */
};

/*
 * Is s acceptable text of this kind? UTF-8, no C0/C1 control characters
 * (a note may hold '\n' and '\t'), no bidirectional embedding, override or
 * isolate (they reorder what a reader sees), and, for a line, not blank
 * to look at (spaces, U+3000, zero-width characters only). An empty note
 * is allowed: it clears the note. On refusal returns -1 and *cause (caller
 * frees) says why, naming what (e.g. "the agency").
 */
int	text_check(const char *s, enum text_kind, const char *what,
	    char **cause);

/* Would s draw nothing at all (empty, white space or invisible only)? */
bool	text_blank(const char *s);

/*
 * A note as it is stored, however it arrived (typed, pasted with CRLF
 * line ends, piped to `note -`): CRLF and lone CR become LF; a note that
 * is blank to look at becomes "". Nothing else changes: a trailing
 * newline that was given stays. Caller frees.
 */
char	*text_normalize_note(const char *s);

#endif
