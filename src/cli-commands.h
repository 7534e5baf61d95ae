/* The command table: one entry per cmd-NAME.c. */
#ifndef KAOHE_CLI_COMMANDS_H
#define KAOHE_CLI_COMMANDS_H

#include "cli.h"

extern const struct cli_command *const cli_commands[];

extern const struct cli_command cli_cmd_new;
extern const struct cli_command cli_cmd_open;
extern const struct cli_command cli_cmd_set;
extern const struct cli_command cli_cmd_note;
extern const struct cli_command cli_cmd_show;
extern const struct cli_command cli_cmd_finalize;
extern const struct cli_command cli_cmd_list;
extern const struct cli_command cli_cmd_export;
extern const struct cli_command cli_cmd_history;
extern const struct cli_command cli_cmd_delete;
extern const struct cli_command cli_cmd_rubric;
extern const struct cli_command cli_cmd_compare;
extern const struct cli_command cli_cmd_stats;
extern const struct cli_command cli_cmd_import;
extern const struct cli_command cli_cmd_edit;
extern const struct cli_command cli_cmd_undo;
extern const struct cli_command cli_cmd_check;
extern const struct cli_command cli_cmd_evidence;
extern const struct cli_command cli_cmd_team;
extern const struct cli_command cli_cmd_reopen;
extern const struct cli_command cli_cmd_verify;

#endif
