#include "config.h"

#include <stddef.h>

#include "cli-commands.h"

/* The order here is the order of `kaohe --help`. */
const struct cli_command *const cli_commands[] = {
	&cli_cmd_new,
	&cli_cmd_open,
	&cli_cmd_set,
	&cli_cmd_note,
	&cli_cmd_edit,
	&cli_cmd_undo,
	&cli_cmd_check,
	&cli_cmd_show,
	&cli_cmd_finalize,
	&cli_cmd_reopen,
	&cli_cmd_verify,
	&cli_cmd_list,
	&cli_cmd_export,
	&cli_cmd_history,
	&cli_cmd_delete,
	&cli_cmd_rubric,
	&cli_cmd_compare,
	&cli_cmd_stats,
	&cli_cmd_import,
	&cli_cmd_evidence,
	&cli_cmd_team,
	NULL
};
