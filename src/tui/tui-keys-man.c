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
roff_text(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			fputs("\\e", stdout);
		else
			putchar(*s);
	}
	putchar('\n');
}

/* A screen with no keys of its own (compare: list keys only) has no list. */
static bool
scope_has_keys(unsigned scope)
{
	size_t k;

	for (k = 0; k < tui_nbindings; k++)
		if ((tui_bindings[k].scopes & scope) != 0 &&
		    tui_bindings[k].help != NULL)
			return true;
	return false;
}

/* man/kaohe.1 is mdoc: a tagged list per screen. */
int
main(void)
{
	size_t i, k;
	char *label;

	puts(".Sh KEYS");
	for (i = 0; i < tui_nscope_names; i++) {
		if (!scope_has_keys(tui_scope_names[i].scope))
			continue;
		printf(".Ss ");
		roff_text(tui_scope_names[i].name);
		puts(".Bl -tag -width Ds");
		for (k = 0; k < tui_nbindings; k++) {
			const struct tui_binding *b = &tui_bindings[k];

			if ((b->scopes & tui_scope_names[i].scope) == 0 ||
			    b->help == NULL)
				continue;
			label = tui_keys_label(b);
			printf(".It Sy \"%s\"\n", label);
			roff_text(b->help);
			free(label);
		}
		puts(".El");
	}
	return 0;
}
