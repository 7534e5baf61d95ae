/*
 * Print the KEYS section of man/kaohe.1 from the key table, so that the
 * manual lists exactly the keys the program reads: make man-keys.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/tui-int.h"
#include "xalloc.h"

/* roff treats a leading '.' or '\'' as a request, and '\\' as an escape. */
static void
roff_line(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else if (*s == '-')
			fputs("\\-", stdout);
		else
			putchar(*s);
	}
	putchar('\n');
}

int
main(void)
{
	size_t i, k;
	char *label;

	puts(".SH KEYS");
	for (i = 0; i < tui_nscope_names; i++) {
		printf(".SS ");
		roff_line(tui_scope_names[i].name);
		for (k = 0; k < tui_nbindings; k++) {
			const struct tui_binding *b = &tui_bindings[k];

			if ((b->scopes & tui_scope_names[i].scope) == 0 ||
			    b->help == NULL)
				continue;
			label = tui_keys_label(b);
			puts(".TP");
			printf(".B ");
			roff_line(label);
			roff_line(b->help);
			free(label);
		}
	}
	return 0;
}
