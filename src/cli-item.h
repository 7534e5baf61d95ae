/* Naming an item on the command line. */
#ifndef KAOHE_CLI_ITEM_H
#define KAOHE_CLI_ITEM_H

#include <stddef.h>

#include "scorecard.h"

/*
 * The index of the item with this key, or -1 after printing why not: an
 * unknown key, or a section's key (with the items to score instead).
 */
long	cli_item(const struct scorecard *, const char *key);

/* "1.1.3 服務人員專業度" for messages; caller frees. */
char	*cli_item_name(const struct rubric_node *);

#endif
