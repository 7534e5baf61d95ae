/*
 * What the screens remember between runs: a few choices (the export's
 * format, layout and the width of ambiguous characters), one "key=value"
 * a line in $XDG_CONFIG_HOME/kaohe/tui.conf. The file is only a
 * convenience: a missing or garbled one gives the defaults, and it is
 * written atomically (export_atomic), so a crash never leaves half of it.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "export.h"
#include "paths.h"
#include "tui/tui-int.h"
#include "xalloc.h"

#define SETTINGS_MAX	16
#define SETTINGS_LINE	256

struct setting {
	char	*key;
	char	*value;
};

static struct setting	settings[SETTINGS_MAX];
static size_t		nsettings;
static bool		loaded;

static bool
valid(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == '=' || *s == 0x7f)
			return false;
	}
	return true;
}

static void
put(const char *key, const char *value)
{
	size_t i;

	for (i = 0; i < nsettings; i++) {
		if (strcmp(settings[i].key, key) == 0) {
			free(settings[i].value);
			settings[i].value = xstrdup(value);
			return;
		}
	}
	if (nsettings == SETTINGS_MAX)
		return;
	settings[nsettings].key = xstrdup(key);
	settings[nsettings].value = xstrdup(value);
	nsettings++;
}

static void
load(void)
{
	char line[SETTINGS_LINE], *path, *eq, *nl;
	FILE *f;

	loaded = true;
	path = paths_config("tui.conf");
	f = fopen(path, "r");
	free(path);
	if (f == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		nl = strchr(line, '\n');
		if (nl == NULL)
			break;		/* too long: a garbled file */
		*nl = '\0';
		eq = strchr(line, '=');
		if (eq == NULL || eq == line)
			continue;
		*eq = '\0';
		if (valid(line) && valid(eq + 1))
			put(line, eq + 1);
	}
	(void)fclose(f);
}

const char *
tui_setting(const char *key, const char *fallback)
{
	size_t i;

	if (!loaded)
		load();
	for (i = 0; i < nsettings; i++) {
		if (strcmp(settings[i].key, key) == 0)
			return settings[i].value;
	}
	return fallback;
}

static int
write_settings(FILE *out, void *arg, char **cause)
{
	size_t i;

	(void)arg;
	(void)cause;
	for (i = 0; i < nsettings; i++)
		fprintf(out, "%s=%s\n", settings[i].key, settings[i].value);
	return 0;
}

/* mkdir -p the file's directory, 0700: it is the user's own. */
static void
make_dirs(const char *path)
{
	char *dir = xstrdup(path), *p;

	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		(void)mkdir(dir, 0700);
		*p = '/';
	}
	free(dir);
}

int
tui_setting_set(const char *key, const char *value, char **cause)
{
	char *path;
	int rc;

	if (!loaded)
		load();
	if (!valid(key) || !valid(value))
		return 0;
	put(key, value);
	path = paths_config("tui.conf");
	make_dirs(path);
	rc = export_atomic(path, write_settings, NULL, cause);
	free(path);
	return rc;
}
