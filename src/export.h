/*
 * Exports of one scorecard. Each format is an entry in one table
 * (export.c): its --format name, its file extension, a description for
 * menus and its writer. Adding a format adds an entry, not a branch.
 * Writers write to a FILE; the caller decides where it goes
 * (export_atomic for a file).
 */
#ifndef KAOHE_EXPORT_H
#define KAOHE_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "scorecard.h"

/* The table's order: an index into it, never stored or printed. */
enum export_format {
	EXPORT_TEXT = 0,
	EXPORT_MD,
	EXPORT_CSV,
	EXPORT_JSON,
	EXPORT_HTML,
	EXPORT_PDF,
};

enum export_paper {
	EXPORT_PAPER_NONE = 0,	/* one endless page */
	EXPORT_PAPER_A4,	/* text: pages of 44 lines, form feeds between */
};

/* How the text layouts are laid out; the other formats ignore what they
 * cannot use. */
struct export_options {
	int			 width;		/* text: the total width in columns */
	enum export_paper	 paper;
	bool			 ambiguous_wide;	/* ■ □ ①… take two columns */
};

typedef int (*export_format_fn)(FILE *out, const struct scorecard *,
    const struct export_options *, char **cause);

struct export_format_def {
	const char		*name;		/* "text", as --format takes it */
	const char		*ext;		/* "txt", for a default file name */
	const char		*summary;	/* N_("…") for menus and --help */
	export_format_fn	 write;
	/* Bytes for a viewer, not text: never written to a terminal. */
	bool			 binary;
};

/* "text", "md", "csv", "json" → format; -1 when unknown. */
int	export_format_parse(const char *name);
/* The table: entries 0 .. export_format_count() - 1. */
size_t	export_format_count(void);
const struct export_format_def *export_format_get(enum export_format);
/* "text, md, csv or json": the names, for messages. Caller frees. */
char	*export_format_names(void);

int	export_write_opts(FILE *out, const struct scorecard *,
	    enum export_format, const struct export_options *, char **cause);
/* width is the text layout's total width in columns (ignored by the others). */
int	export_write(FILE *out, const struct scorecard *sc, enum export_format,
	    int width, char **cause);

/*
 * The JSON export of one card: pretty (the json format) or on one line;
 * with its rubric snapshot inline, or (in a bundle) naming its sha256.
 */
void	export_json_card(FILE *out, const struct scorecard *sc, bool pretty,
	    bool snapshot);
/* A bundle's snapshot line: {"rubric":{"sha256","id","title","text"}}. */
void	export_json_snapshot(FILE *out, const struct scorecard *sc);

/*
 * A bundle (JSON Lines): each card on one line, each rubric snapshot once,
 * on a line of its own before the first card that uses it.
 */
struct export_bundle;
struct export_bundle *export_bundle_new(FILE *out);
int	export_bundle_add(struct export_bundle *, const struct scorecard *,
	    char **cause);
void	export_bundle_free(struct export_bundle *);

/*
 * A team card's 評分總表 (export-summary.c): text laid out in width
 * columns, CSV (UTF-8 with a BOM) or HTML (EXPORT_TEXT, _CSV, _HTML).
 * Refuses a card that is not a team's.
 */
int	export_summary(FILE *out, const struct scorecard *,
	    enum export_format, int width, char **cause);

/* Write a file atomically: a temporary file beside it, fsync, rename. */
typedef int (*export_writer_fn)(FILE *out, void *arg, char **cause);
int	export_atomic(const char *path, export_writer_fn, void *arg,
	    char **cause);

#endif
