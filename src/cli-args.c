#include "config.h"

#include <sys/ioctl.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli-args.h"
#include "i18n.h"
#include "scorecard.h"
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

/*
 * A repeatable option appends; any other given twice is a usage error,
 * not the last one silently winning (--agency A --agency B).
 */
static int
store_value(const struct cli_command *cmd, const struct cli_opt *o,
    const char *v)
{
	if (o->list != NULL) {
		*o->list = xreallocarray(*o->list, *o->nlist + 1,
		    sizeof **o->list);
		(*o->list)[(*o->nlist)++] = v;
	} else if (o->value != NULL) {
		if (*o->value != NULL)
			return cli_usage(cmd, _("%s is given twice"), o->name);
		*o->value = v;
	}
	return CLI_OK;
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
			if (*o->flag)
				return cli_usage(cmd, _("%s is given twice"),
				    o->name);
			*o->flag = true;
			continue;
		}
		/*
		 * "--rubric --no-tui" forgot the value: the next option is
		 * not taken as one ("--rubric=--x" says so explicitly).
		 */
		if (eq != NULL)
			v = eq + 1;
		else if (i + 1 < argc && !is_option(argv[i + 1]))
			v = argv[++i];
		else
			return cli_usage(cmd, _("%s needs a value"), o->name);
		if (store_value(cmd, o, v) != CLI_OK)
			return CLI_USAGE;
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

int
cli_args_choice(const struct cli_command *cmd, const char *name,
    const char *text, const char *const *names, int *out)
{
	char *list = xstrdup(""), *tmp;
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (text == NULL || strcmp(text, names[i]) == 0) {
			*out = i;
			free(list);
			return CLI_OK;
		}
	for (i = 0; names[i] != NULL; i++) {
		tmp = xasprintf("%s%s%s", list, i == 0 ? "" : names[i + 1] ==
		    NULL ? _(" or ") : ", ", names[i]);
		free(list);
		list = tmp;
	}
	i = cli_usage(cmd, _("%s is %s, not '%s'"), name, list, text);
	free(list);
	return i;
}

int
cli_args_filters(const struct cli_command *cmd, const char *year,
    const char *status, struct store_query *q)
{
	static const char *const statuses[] = { "draft", "final", NULL };
	long v;
	int i;

	if (year != NULL) {
		if (cli_args_int(cmd, "--year", year, 1, 9999, &v) != CLI_OK)
			return CLI_USAGE;
		q->year = scorecard_filter_year((int)v);
	}
	if (status != NULL) {
		if (cli_args_choice(cmd, "--status", status, statuses, &i) !=
		    CLI_OK)
			return CLI_USAGE;
		/* The names are in enum scorecard_status's order. */
		q->status = i == 0 ? SCORECARD_DRAFT : SCORECARD_FINAL;
	}
	return CLI_OK;
}

int
cli_args_width(int fallback)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return fallback;
}
