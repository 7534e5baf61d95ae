#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli-args.h"
#include "i18n.h"
#include "xalloc.h"

static const struct cli_opt *
find_long(const struct cli_opt *opts, const char *arg, size_t len)
{
	for (; opts->name != NULL; opts++)
		if (strlen(opts->name) == len &&
		    strncmp(opts->name, arg, len) == 0)
			return opts;
	return NULL;
}

static const struct cli_opt *
find_letter(const struct cli_opt *opts, char c)
{
	for (; opts->name != NULL; opts++)
		if (opts->letter == c)
			return opts;
	return NULL;
}

static bool
is_option(const char *arg)
{
	if (arg[0] != '-' || arg[1] == '\0')
		return false;
	/* A negative number is a value for the rules to judge. */
	return !(arg[1] >= '0' && arg[1] <= '9');
}

static void
store_value(const struct cli_opt *o, const char *v)
{
	if (o->list != NULL) {
		*o->list = xreallocarray(*o->list, *o->nlist + 1,
		    sizeof **o->list);
		(*o->list)[(*o->nlist)++] = v;
	} else if (o->value != NULL)
		*o->value = v;
}

int
cli_args_parse(const struct cli_command *cmd, int argc, char **argv,
    const struct cli_opt *opts, const char **pos, size_t maxpos,
    size_t *npos)
{
	const struct cli_opt *o;
	const char *arg, *eq, *v;
	bool only_pos = false;
	int i;

	*npos = 0;
	for (i = 1; i < argc; i++) {
		arg = argv[i];
		if (only_pos || !is_option(arg)) {
			if (*npos >= maxpos)
				return cli_usage(cmd, _("unexpected argument"
				    " '%s'"), arg);
			pos[(*npos)++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_pos = true;
			continue;
		}
		eq = NULL;
		if (arg[1] == '-') {
			eq = strchr(arg, '=');
			o = find_long(opts, arg, eq != NULL ?
			    (size_t)(eq - arg) : strlen(arg));
		} else
			o = arg[2] == '\0' ? find_letter(opts, arg[1]) : NULL;
		if (o == NULL)
			return cli_usage(cmd, _("unknown option '%s'"), arg);
		if (!o->has_arg) {
			if (eq != NULL)
				return cli_usage(cmd, _("%s takes no value"),
				    o->name);
			*o->flag = true;
			continue;
		}
		if (eq != NULL)
			v = eq + 1;
		else if (i + 1 < argc)
			v = argv[++i];
		else
			return cli_usage(cmd, _("%s needs a value"), o->name);
		store_value(o, v);
	}
	return CLI_OK;
}

int
cli_args_int(const struct cli_command *cmd, const char *name,
    const char *text, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (*text == '\0' || *end != '\0' || errno != 0 || v < min ||
	    v > max)
		return cli_usage(cmd, _("%s wants a whole number from %ld to"
		    " %ld, not '%s'"), name, min, max, text);
	*out = v;
	return CLI_OK;
}
