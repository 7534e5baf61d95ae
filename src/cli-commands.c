#include "config.h"

#include <stddef.h>

#include "cli-commands.h"

const struct cli_command *const cli_commands[] = {
	NULL
};
