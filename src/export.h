/*
 * Exports of one scorecard: text laid out like the paper form, Markdown,
 * CSV (RFC 4180, UTF-8 with BOM) and JSON (the contract in DESIGN.md).
 * Writes to a memory buffer; the caller decides where it goes.
 */
#ifndef KAOHE_EXPORT_H
#define KAOHE_EXPORT_H

#include <stdio.h>

#include "scorecard.h"

enum export_format {
	EXPORT_TEXT = 0,
	EXPORT_MD,
	EXPORT_CSV,
	EXPORT_JSON,
};

/* "text", "md", "csv", "json" → format; -1 when unknown. */
int	export_format_parse(const char *name);

/* width is the text layout's total width in columns (ignored by the others). */
int	export_write(FILE *out, const struct scorecard *sc, enum export_format,
	    int width, char **cause);

/* Write a file atomically: a temporary file beside it, fsync, rename. */
typedef int (*export_writer_fn)(FILE *out, void *arg, char **cause);
int	export_atomic(const char *path, export_writer_fn, void *arg,
	    char **cause);

#endif
