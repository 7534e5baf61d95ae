/* What the evidence files (src/evidence-*.c) share; nothing else includes it. */
#ifndef KAOHE_EVIDENCE_INT_H
#define KAOHE_EVIDENCE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "evidence.h"
#include "utf8.h"

/* Bytes of spaces, tabs and U+3000 at s. */
size_t	evidence_skip_spaces(const char *s, size_t len);
/* Bytes of spaces and Markdown markers (- * + > # **) at s. */
size_t	evidence_skip_markers(const char *s, size_t len);
/* An ordinal exactly at s, without skipping anything; 0 when none. */
size_t	evidence_ordinal_at(const char *s, size_t len,
	    enum evidence_style *, int *ordinal);

#endif
