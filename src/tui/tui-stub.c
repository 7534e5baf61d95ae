#include "config.h"

#include <stdio.h>

#include "tui/tui.h"

int
tui_run(struct store *st, enum tui_start start, long long id, const char *rubric)
{
	(void)st; (void)start; (void)id; (void)rubric;
	fputs("kaohe: the terminal UI is not built yet\n", stderr);
	return 1;
}
