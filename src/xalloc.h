/* Checked allocation: on failure these print "kaohe: out of memory" and
 * exit(1), so no caller ever dereferences NULL from the allocator. */
#ifndef KAOHE_XALLOC_H
#define KAOHE_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

/* a + b and n * size, or the out-of-memory exit when they overflow. */
size_t xadd(size_t a, size_t b);
size_t xmul(size_t n, size_t size);

/* Hook run before exiting on out-of-memory (the TUI restores the terminal). */
void xalloc_set_oom_hook(void (*hook)(void));

#endif
