/* Helpers the cmocka tests share (tests/testlib.c). */
#ifndef KAOHE_TESTLIB_H
#define KAOHE_TESTLIB_H

#include <stddef.h>

/*
 * The whole of a file, NUL-terminated, its length in *len; NULL when it
 * cannot be opened (a golden file not written yet). A failed read fails
 * the test. Caller frees.
 */
char	*testlib_slurp(const char *path, size_t *len);

#endif
