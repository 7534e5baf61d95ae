/* Random (version 4) UUIDs: tell apart scorecards made on different laptops. */
#ifndef KAOHE_UUID_H
#define KAOHE_UUID_H

#include <stdbool.h>

/* "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" from getrandom(2); -1 with *cause. */
int	uuid_v4(char out[37], char **cause);
/* Is s 36 characters of lowercase hex in the 8-4-4-4-12 layout? */
bool	uuid_valid(const char *s);

#endif
