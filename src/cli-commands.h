/* The command table: one entry per cmd-NAME.c. */
#ifndef KAOHE_CLI_COMMANDS_H
#define KAOHE_CLI_COMMANDS_H

#include "cli.h"

extern const struct cli_command *const cli_commands[];

#endif
