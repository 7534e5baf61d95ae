/* Where things live: the database and the rubric directories. */
#ifndef KAOHE_PATHS_H
#define KAOHE_PATHS_H

#include <stdbool.h>
#include <stddef.h>

/* --db, else $KAOHE_DB, else $XDG_DATA_HOME/kaohe/kaohe.db (~/.local/share). Caller frees. */
char	*paths_db(const char *flag);

/* $XDG_CONFIG_HOME/kaohe/NAME, else ~/.config/kaohe/NAME. Caller frees. */
char	*paths_config(const char *name);

/*
 * The directories searched for bundled rubrics, in order: $KAOHE_RUBRIC_PATH
 * (colon-separated), the source tree's rubrics/ when running uninstalled,
 * else pkgdatadir/rubrics. NULL-terminated; static storage.
 */
const char *const *paths_rubric_dirs(void);
/* Is this the binary in the build tree (make, make check), not installed? */
bool	paths_uninstalled(void);
/* Where the message catalogues are (see paths.c). */
const char *paths_localedir(void);

/*
 * Resolve NAME|FILE: anything with a '/' or ending in .yaml/.yml is a file,
 * else NAME.yaml in the rubric dirs. Caller frees; NULL with *cause.
 */
char	*paths_rubric(const char *name_or_file, char **cause);

struct rubric;
/*
 * Load the rubric at path (paths-rubric.c). On success *r is the rubric
 * and, when text is not NULL, *text its YAML (the snapshot a scorecard
 * keeps). -1 and *cause otherwise. Caller frees.
 */
int	paths_load_rubric_file(const char *path, char **text, struct rubric **r,
	    char **cause);
/* The same for a NAME (RUBRIC_DEFAULT when NULL or empty) or a FILE. */
int	paths_load_rubric(const char *name_or_file, char **text,
	    struct rubric **r, char **cause);
/* Read a whole file (at most max bytes, else an error). Caller frees *out. */
int	paths_read_file(const char *path, size_t max, char **out, size_t *len,
	    char **cause);

#endif
