/*
 * Display width of UTF-8 text, measured with wcwidth so that CJK text
 * (two columns a character) aligns. Never counts bytes.
 */
#ifndef KAOHE_WIDTH_H
#define KAOHE_WIDTH_H

#include <stdbool.h>
#include <stddef.h>

/* Columns that s takes on a terminal; invalid bytes count one each. */
size_t	width_of(const char *s);
size_t	width_of_n(const char *s, size_t len);

/* A copy of s padded with spaces to exactly cols columns (cut at a whole character). */
char	*width_pad(const char *s, size_t cols);	/* caller frees */

/*
 * Break s into lines of at most cols columns: at newlines, and by display
 * width, preferring spaces for Latin text and any character for CJK.
 * Returns a NULL-terminated array of malloc'd lines; *nlines is its length.
 * free with width_lines_free.
 */
char	**width_wrap(const char *s, size_t cols, size_t *nlines);
void	 width_lines_free(char **lines);
/*
 * Where width_wrap breaks one paragraph s[0..len) (no '\n'): the byte
 * offset of each line's start, in *starts (caller frees); returns how many
 * lines. The note editor lays its rows out by the export's rules so.
 */
size_t	 width_wrap_starts(const char *s, size_t len, size_t cols,
	    size_t **starts);

/*
 * A copy with C0/C1 control characters (but \n and \t), bidi controls and
 * zero-width characters removed: safe for a tty.
 */
char	*width_sanitize(const char *s);	/* caller frees */

/*
 * East Asian Ambiguous characters (■ □ ①–⑫ — …) are one column by
 * wcwidth, and two in the fonts used in Taiwan. With wide set, every
 * width_* function counts them as two, for a layout made for such a font.
 * A process-wide setting: set it around one piece of output and restore
 * it (width_set_ambiguous_wide returns the old value).
 */
bool	 width_set_ambiguous_wide(bool wide);
bool	 width_is_ambiguous(long cp);

/* Is s valid UTF-8? */
bool	 width_utf8_valid(const char *s, size_t len);
/* Does the user's locale say UTF-8 (block characters, "…")? */
bool	 width_locale_utf8(void);

#endif
