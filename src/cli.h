/*
 * The command line: a table of commands (tmux's cmd_entry idea), each in
 * its own cmd-NAME.c. Every command but the TUI is scriptable.
 * Exit status: 0 success, 1 refused or failed work, 2 usage error.
 */
#ifndef KAOHE_CLI_H
#define KAOHE_CLI_H

#include <stdbool.h>

#include "store.h"

enum {
	CLI_OK = 0,
	CLI_FAILED = 1,
	CLI_USAGE = 2,
};

struct cli_ctx {
	const char	*db_flag;	/* --db, or NULL */
};

struct cli_command {
	const char	*name;
	const char	*usage;		/* after "kaohe NAME " */
	const char	*summary;	/* one line for --help */
	const char	*help;		/* the options, for NAME --help */
	int		(*exec)(struct cli_ctx *, int argc, char **argv);
};

int	cli_main(int argc, char **argv);

/* Print "kaohe: message" on stderr; returns CLI_FAILED. */
int	cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * A compiler-style "FILE:LINE:COL: problem" line on stderr, sanitized like
 * cli_fail's: no "kaohe:" before it, so that editors can jump to it.
 */
void	cli_diagnostic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error for cmd: the message, then "usage: kaohe ..."; returns CLI_USAGE. */
int	cli_usage(const struct cli_command *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

int	cli_open_store(struct cli_ctx *, enum store_mode, struct store **);
/* Is there no database file yet? (A first run: nothing scored.) */
bool	cli_db_missing(struct cli_ctx *);
/* A scorecard ID: digits, > 0. */
bool	cli_parse_id(const char *s, long long *id);
/*
 * Load a scorecard: "ID", or "ID@N" for its revision N. The card is
 * verified (seals, audit chain) and a tampered one is loaded with a
 * warning on stderr that names what changed.
 */
int	cli_load(struct cli_ctx *, enum store_mode, const char *idtext,
	    struct store **, struct scorecard **);
/* The same, with revision N (0: as idtext says, else the current one). */
int	cli_load_revision(struct cli_ctx *, enum store_mode,
	    const char *idtext, int revision, struct store **,
	    struct scorecard **);
/* For the UI: a tampered card is loaded with its warning, not refused
 * (the UI shows it read-only). */
int	cli_load_to_view(struct cli_ctx *, const char *idtext, struct store **,
	    struct scorecard **);
/* "ID" or "ID@N": *revision is 0 without "@N". */
bool	cli_parse_ref(const char *s, long long *id, int *revision);
/* Print "kaohe: warning: message" on stderr; returns CLI_OK. */
int	cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Verify card id; a tampered one gets a warning. 0 when it verifies. */
int	cli_check_seal(struct store *, long long id);

#endif
