#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "rubric.h"
#include "xalloc.h"

char *
paths_db(const char *flag)
{
	const char *env, *home;

	if (flag != NULL && *flag != '\0')
		return xstrdup(flag);
	env = getenv("KAOHE_DB");
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	env = getenv("XDG_DATA_HOME");
	if (env != NULL && *env == '/')
		return xasprintf("%s/kaohe/kaohe.db", env);
	home = getenv("HOME");
	if (home == NULL || *home == '\0')
		home = ".";
	return xasprintf("%s/.local/share/kaohe/kaohe.db", home);
}

char *
paths_config(const char *name)
{
	const char *env, *home;

	env = getenv("XDG_CONFIG_HOME");
	if (env != NULL && *env == '/')
		return xasprintf("%s/kaohe/%s", env, name);
	home = getenv("HOME");
	if (home == NULL || *home == '\0')
		home = ".";
	return xasprintf("%s/.config/kaohe/%s", home, name);
}

/*
 * Running uninstalled means the binary sits in the build tree; then the
 * source tree's rubrics/ is the truth, so a developer's edit is seen at
 * once and `make check` never depends on what is installed.
 */
bool
paths_uninstalled(void)
{
	char exe[PATH_MAX], build[PATH_MAX];
	ssize_t n;
	char *slash;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return false;
	*slash = '\0';
	if (realpath(KAOHE_BUILDDIR, build) == NULL)
		return false;
	return strcmp(exe, build) == 0;
}

/*
 * $KAOHE_LOCALEDIR, else uninstalled the build tree's locale/ (make
 * builds the catalogues there), else the installed localedir: so that
 * LANG=zh_TW.UTF-8 ./kaohe speaks Chinese from the build tree as it
 * does installed, with no variable to set.
 */
const char *
paths_localedir(void)
{
	const char *env = getenv("KAOHE_LOCALEDIR");

	if (env != NULL && *env != '\0')
		return env;
	if (paths_uninstalled())
		return KAOHE_BUILDDIR "/locale";
	return KAOHE_LOCALEDIR;
}

const char *const *
paths_rubric_dirs(void)
{
	static char *dirs[64];
	static int done;
	size_t n = 0;
	const char *env;

	if (done)
		return (const char *const *)dirs;
	done = 1;
	env = getenv("KAOHE_RUBRIC_PATH");
	if (env != NULL && *env != '\0') {
		char *copy = xstrdup(env), *save = NULL, *tok;

		for (tok = strtok_r(copy, ":", &save); tok != NULL && n < 60;
		    tok = strtok_r(NULL, ":", &save))
			dirs[n++] = xstrdup(tok);
		free(copy);
	}
	if (paths_uninstalled())
		dirs[n++] = xstrdup(KAOHE_SRCDIR "/rubrics");
	else
		dirs[n++] = xstrdup(KAOHE_PKGDATADIR "/rubrics");
	dirs[n] = NULL;
	return (const char *const *)dirs;
}

static int
is_file_name(const char *s)
{
	size_t len = strlen(s);

	if (strchr(s, '/') != NULL)
		return 1;
	if (len > 5 && strcmp(s + len - 5, ".yaml") == 0)
		return 1;
	return len > 4 && strcmp(s + len - 4, ".yml") == 0;
}

char *
paths_rubric(const char *name, char **cause)
{
	const char *const *dir;
	struct stat sb;
	char *path;

	if (name == NULL || *name == '\0')
		name = RUBRIC_DEFAULT;
	if (is_file_name(name))
		return xstrdup(name);
	for (dir = paths_rubric_dirs(); *dir != NULL; dir++) {
		path = xasprintf("%s/%s.yaml", *dir, name);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
			return path;
		free(path);
	}
	*cause = xasprintf("no rubric named '%s' (try 'kaohe rubric list')",
	    name);
	return NULL;
}

int
paths_read_file(const char *path, size_t max, char **out, size_t *len,
    char **cause)
{
	struct stat sb;
	size_t got = 0;
	ssize_t n;
	char *buf;
	int fd;

	/*
	 * A FIFO would block open(2) forever: refuse what is not a regular
	 * file before opening, and open without blocking in case it was
	 * swapped for one in between (fstat then refuses it).
	 */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		*cause = xasprintf("%s: not a regular file", path);
		return -1;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    fcntl(fd, F_SETFL, 0) == -1) {
		*cause = xasprintf("%s: not a regular file", path);
		close(fd);
		return -1;
	}
	if ((size_t)sb.st_size > max) {
		*cause = xasprintf("%s: file is too large (%lld bytes; the limit"
		    " is %zu)", path, (long long)sb.st_size, max);
		close(fd);
		return -1;
	}
	buf = xmalloc(max + 1);
	/* Read to EOF rather than trusting st_size: the file may grow. */
	while ((n = read(fd, buf + got, max + 1 - got)) > 0) {
		got += (size_t)n;
		if (got > max)
			break;
	}
	if (n == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		free(buf);
		close(fd);
		return -1;
	}
	close(fd);
	if (got > max) {
		*cause = xasprintf("%s: file is too large (the limit is %zu"
		    " bytes)", path, max);
		free(buf);
		return -1;
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return 0;
}
