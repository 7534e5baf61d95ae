#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli-item.h"
#include "i18n.h"
#include "xalloc.h"

char *
cli_item_name(const struct rubric_node *n)
{
	return xasprintf("%s %s", n->key, n->title);
}

long
cli_item(const struct scorecard *sc, const char *key)
{
	const struct rubric_node *n;
	long item;

	item = rubric_item_index(sc->rubric, key);
	if (item >= 0)
		return item;
	n = rubric_find(sc->rubric, key);
	if (n == NULL) {
		cli_fail(_("rubric %s has no item '%s' (see 'kaohe rubric"
		    " show %s')"), sc->rubric->id, key, sc->rubric->id);
		return -1;
	}
	cli_fail(_("%s %s is a section; score its items %s to %s"), n->key,
	    n->title, sc->rubric->items[n->item_first]->key,
	    sc->rubric->items[n->item_first + n->item_count - 1]->key);
	return -1;
}
