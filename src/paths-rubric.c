/*
 * The one way to load a rubric from a file, for `new`, `rubric check`,
 * `rubric show` and the new-scorecard form alike: found by name in the
 * rubric directories or given as a file, read with the one size limit
 * (RUBRIC_MAX_BYTES), parsed with messages that name the file.
 */
#include "config.h"

#include <stdlib.h>

#include "paths.h"
#include "rubric.h"

int
paths_load_rubric_file(const char *path, char **text, struct rubric **r,
    char **cause)
{
	char *buf;
	size_t len;

	*r = NULL;
	if (text != NULL)
		*text = NULL;
	if (paths_read_file(path, RUBRIC_MAX_BYTES, &buf, &len, cause) != 0)
		return -1;
	if (rubric_parse(buf, len, path, r, cause) != 0) {
		free(buf);
		return -1;
	}
	if (text != NULL)
		*text = buf;
	else
		free(buf);
	return 0;
}

int
paths_load_rubric(const char *name_or_file, char **text, struct rubric **r,
    char **cause)
{
	char *path;
	int rc;

	if (name_or_file == NULL || *name_or_file == '\0')
		name_or_file = RUBRIC_DEFAULT;
	if ((path = paths_rubric(name_or_file, cause)) == NULL) {
		*r = NULL;
		return -1;
	}
	rc = paths_load_rubric_file(path, text, r, cause);
	free(path);
	return rc;
}
