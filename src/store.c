/* Placeholder until the store lands: every call refuses. */
#include "config.h"

#include <stdlib.h>

#include "store.h"
#include "xalloc.h"

int
store_open(const char *path, enum store_mode mode, struct store **out,
    char **cause)
{
	(void)path; (void)mode; (void)out;
	*cause = xstrdup("the store is not built yet");
	return -1;
}

void
store_close(struct store *st)
{
	(void)st;
}

int
store_load(struct store *st, long long id, struct scorecard **out, char **cause)
{
	(void)st; (void)id; (void)out;
	*cause = xstrdup("the store is not built yet");
	return -1;
}
