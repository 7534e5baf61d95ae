#include "config.h"

#include <string.h>

#include "rubric.h"
#include "xalloc.h"

/*
 * The form prints "一、基礎服務" but "(一) 服務一致及正確" and "1. 申辦…":
 * an ordinal ending in the enumeration comma takes no space after it. A
 * node without a number is its title; one without a title its number.
 * The one label: the CLI, the exports and every screen use it.
 */
char *
rubric_node_label(const struct rubric_node *n)
{
	const char *number = n->number != NULL ? n->number : "";
	const char *title = n->title != NULL ? n->title : "";
	size_t len = strlen(number);

	if (len == 0)
		return xstrdup(title);
	if (*title == '\0')
		return xstrdup(number);
	if (len >= 3 && strcmp(number + len - 3, "、") == 0)
		return xasprintf("%s%s", number, title);
	return xasprintf("%s %s", number, title);
}
