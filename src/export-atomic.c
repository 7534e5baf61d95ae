/*
 * export -o FILE: the file is written beside its target and renamed over
 * it, so a crash or a full disk never leaves half an export, and a kill
 * leaves no temporary file either (it has no name until it is whole).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
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

/*
 * A target that exists but may not be written is refused, as writing it
 * in place would be: the rename would replace it, since only the
 * directory's permission counts. Root passes access(2), so the mode's
 * write bits are asked too: an owner who chmods 0444 means it.
 */
static bool
export_read_only(const char *target)
{
	struct stat st;

	if (stat(target, &st) != 0)
		return false;
	return access(target, W_OK) != 0 || (st.st_mode & 0222) == 0;
}

/*
 * The temporary file has no name while it is written (O_TMPFILE): a kill
 * at any moment leaves nothing behind. It is given a name only when
 * complete and durable, just before the rename. -1 with errno when the
 * file system cannot (then a named temporary file is used).
 */
static int
open_unnamed(const char *dir)
{
#ifdef O_TMPFILE
	return open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#else
	(void)dir;
	errno = EOPNOTSUPP;
	return -1;
#endif
}

/* Give the unnamed file fd a fresh name in dir: *tmp (caller frees). */
static int
name_unnamed(int fd, const char *dir, char **tmp)
{
	char proc[64];
	unsigned tries;

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	for (tries = 0; tries < 100; tries++) {
		*tmp = xasprintf("%s/.kaohe-export.%ld.%u", dir, (long)getpid(),
		    tries);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, *tmp,
		    AT_SYMLINK_FOLLOW) == 0)
			return 0;
		free(*tmp);
		*tmp = NULL;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

/* The temporary file: unnamed when it can be, else mkstemp's. */
static int
open_temporary(const char *path, const char *dir, char **tmp, char **cause)
{
	int fd = open_unnamed(dir);

	*tmp = NULL;
	if (fd >= 0)
		return fd;
	*tmp = xasprintf("%s/.kaohe-export.XXXXXX", dir);
	fd = mkstemp(*tmp);
	if (fd < 0) {
		*cause = xasprintf(_("%s: cannot create a file in %s: %s"),
		    path, dir, strerror(errno));
		free(*tmp);
		*tmp = NULL;
	}
	return fd;
}

int
export_atomic(const char *path, export_writer_fn fn, void *arg, char **cause)
{
	char *target, *copy, *dir, *tmp = NULL;
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
	if (export_read_only(target)) {
		*cause = xasprintf(_("%s: the file is read-only; it was left"
		    " as it was"), path);
		free(target);
		return -1;
	}
	copy = xstrdup(target);
	dir = dirname(copy);
	mode = export_mode(target);
	if ((fd = open_temporary(path, dir, &tmp, cause)) < 0)
		goto out;
	f = fdopen(fd, "w");
	if (f == NULL) {
		*cause = xasprintf(_("%s: %s"), path, strerror(errno));
		(void)close(fd);
		if (tmp != NULL)
			(void)unlink(tmp);
		goto out;
	}
	rc = export_fill(f, mode, path, fn, arg, cause);
	if (rc == 0 && tmp == NULL && name_unnamed(fileno(f), dir, &tmp) !=
	    0) {
		*cause = xasprintf(_("%s: cannot write: %s"), path,
		    strerror(errno));
		rc = -1;
	}
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
	if (rc != 0 && tmp != NULL)
		(void)unlink(tmp);
	else if (rc == 0)
		export_sync_dir(dir);
out:
	free(tmp);
	free(copy);
	free(target);
	return rc;
}
