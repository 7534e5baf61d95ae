/*
 * export -o FILE: the file is written beside its target and renamed over
 * it, so a crash or a full disk never leaves half an export.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "i18n.h"
#include "xalloc.h"

/* Where the bytes really go: a symlink is followed, not replaced. */
static char *
export_target(const char *path)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		real = realpath(path, NULL);
		if (real != NULL)
			return real;
	}
	return xstrdup(path);
}

/* The mode of the new file: the old file's, else 0666 less the umask. */
static mode_t
export_mode(const char *target)
{
	struct stat st;
	mode_t mask;

	if (stat(target, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(022);
	(void)umask(mask);
	return 0666 & ~mask;
}

/* fsync the directory so that the rename itself survives a crash. */
static void
export_sync_dir(const char *dir)
{
	int fd;

	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return;
	(void)fsync(fd);
	(void)close(fd);
}

/* Write fn's output to the open temporary file f and make it durable. */
static int
export_fill(FILE *f, mode_t mode, const char *target, export_writer_fn fn,
    void *arg, char **cause)
{
	if (fn(f, arg, cause) != 0)
		return -1;
	if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0) {
		*cause = xasprintf(_("%s: cannot write: %s"), target,
		    strerror(errno));
		return -1;
	}
	if (fchmod(fileno(f), mode) != 0) {
		*cause = xasprintf(_("%s: cannot set the mode: %s"), target,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * A FIFO, a terminal or /dev/null is written in place: renaming a file
 * over it would replace the device or pipe itself.
 */
static int
export_direct(const char *path, export_writer_fn fn, void *arg, char **cause)
{
	FILE *f;
	int rc;

	f = fopen(path, "w");
	if (f == NULL) {
		*cause = xasprintf(_("%s: %s"), path, strerror(errno));
		return -1;
	}
	rc = fn(f, arg, cause);
	if ((fflush(f) != 0 || ferror(f)) && rc == 0) {
		*cause = xasprintf(_("%s: cannot write: %s"), path,
		    strerror(errno));
		rc = -1;
	}
	if (fclose(f) != 0 && rc == 0) {
		*cause = xasprintf(_("%s: cannot write: %s"), path,
		    strerror(errno));
		rc = -1;
	}
	return rc;
}

int
export_atomic(const char *path, export_writer_fn fn, void *arg, char **cause)
{
	char *target, *copy, *dir, *tmp;
	struct stat st;
	mode_t mode;
	FILE *f;
	int fd, rc = -1;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		*cause = xasprintf(_("%s: is a directory"), path);
		return -1;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return export_direct(path, fn, arg, cause);
	target = export_target(path);
	copy = xstrdup(target);
	dir = dirname(copy);
	tmp = xasprintf("%s/.kaohe-export.XXXXXX", dir);
	mode = export_mode(target);
	fd = mkstemp(tmp);
	if (fd < 0) {
		*cause = xasprintf(_("%s: cannot create a file in %s: %s"),
		    path, dir, strerror(errno));
		goto out;
	}
	f = fdopen(fd, "w");
	if (f == NULL) {
		*cause = xasprintf(_("%s: %s"), path, strerror(errno));
		(void)close(fd);
		(void)unlink(tmp);
		goto out;
	}
	rc = export_fill(f, mode, path, fn, arg, cause);
	if (fclose(f) != 0 && rc == 0) {
		*cause = xasprintf(_("%s: cannot write: %s"), path,
		    strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, target) != 0) {
		*cause = xasprintf(_("%s: cannot replace: %s"), path,
		    strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		(void)unlink(tmp);
	else
		export_sync_dir(dir);
out:
	free(tmp);
	free(copy);
	free(target);
	return rc;
}
