#include "config.h"

#include <string.h>

#include "rubric.h"
#include "xalloc.h"

/*
 * The form prints "一、基礎服務" but "(一) 服務一致及正確" and "1. 申辦…":
 * an ordinal ending in the enumeration comma takes no space after it.
 */
char *
rubric_node_label(const struct rubric_node *n)
{
	size_t len = strlen(n->number);

	if (len == 0)
		return xstrdup(n->title);
	if (len >= 3 && strcmp(n->number + len - 3, "、") == 0)
		return xasprintf("%s%s", n->number, n->title);
	return xasprintf("%s %s", n->number, n->title);
}
