/*
 * Argument parsing for commands. Options may come before or after the
 * positional arguments (`kaohe set 1 1.1.3 28 --tier 1`), "--" ends them,
 * and "-" or "-3" are positional, so that a negative score reaches the
 * score rules and gets their message rather than a usage error.
 */
#ifndef KAOHE_CLI_ARGS_H
#define KAOHE_CLI_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "store.h"

struct cli_opt {
	const char	*name;		/* "--tier" */
	char		 letter;	/* 'o' for -o, or 0 */
	bool		 has_arg;
	const char	**value;	/* where the argument goes */
	bool		*flag;		/* set true when seen (no argument) */
	/* Repeatable: each argument is appended here. */
	const char	***list;
	size_t		*nlist;
};

/*
 * Parse argv[1..] (argv[0] is the command name). Positionals go to pos;
 * more than maxpos is a usage error. Returns CLI_OK or CLI_USAGE (printed).
 */
int	cli_args_parse(const struct cli_command *, int argc, char **argv,
	    const struct cli_opt *opts, const char **pos, size_t maxpos,
	    size_t *npos);

/* An integer option in [min, max]; prints a usage error otherwise. */
/*
 * The width to lay text out in: the terminal's when stdout is one, else
 * fallback (each command says its own in kaohe(1): 80 for an outline,
 * 120 for the export's paper form).
 */
int	cli_args_width(int fallback);
int	cli_args_int(const struct cli_command *, const char *name,
	    const char *text, long min, long max, long *out);

/*
 * An option that takes one of names[] (NULL-terminated); text NULL means
 * the first, the default. *out is the index. Prints a usage error else.
 */
int	cli_args_choice(const struct cli_command *, const char *name,
	    const char *text, const char *const *names, int *out);

/*
 * The filters list and stats share: --year (2021, or a ROC year such as
 * 110) and --status (draft or final), into q. NULL texts leave q alone.
 */
int	cli_args_filters(const struct cli_command *, const char *year,
	    const char *status, struct store_query *q);

#endif
