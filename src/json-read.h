/*
 * A strict JSON reader (RFC 8259) for import: a tree of values, each
 * remembering where it began, so that a refusal can name FILE:LINE:COL.
 * Strict means: no comments, no trailing commas, no leading zeros, no
 * lone surrogates, no NUL in strings, no duplicate keys, valid UTF-8,
 * and a cap on nesting so that hostile input fails fast.
 */
#ifndef KAOHE_JSON_READ_H
#define KAOHE_JSON_READ_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define JSON_READ_MAX_DEPTH	64

enum json_type {
	JSON_NULL = 0,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json_member;

struct json_value {
	enum json_type		 type;
	size_t			 line;		/* 1-based, in the file */
	size_t			 col;		/* 1-based, in bytes */
	char			*text;		/* STRING: decoded; NUMBER: as written */
	struct json_value	*items;		/* ARRAY */
	struct json_member	*members;	/* OBJECT, in document order */
	size_t			 n;		/* items or members */
};

struct json_member {
	char			*key;
	unsigned		 key_hash;	/* json_get's first test */
	size_t			 key_line;
	size_t			 key_col;
	struct json_value	 value;
};

/*
 * Parse exactly one JSON value from len bytes (whitespace around it is
 * allowed, anything else after it is an error). first_line is the file
 * line that text begins on, so a line of JSON Lines reports its own line.
 * On failure returns -1 with *cause "NAME:LINE:COL: problem"; caller frees.
 */
int	json_read(const char *text, size_t len, const char *name,
	    size_t first_line, struct json_value **out, char **cause);
/* The whole tree json_read gave (never a value inside it), at once. */
void	json_value_free(struct json_value *);

/* A member of an object by key; NULL when absent or v is not an object. */
const struct json_value *json_get(const struct json_value *v, const char *key);
/* Is v a number that is a whole number fitting in an int? */
bool	json_as_int(const struct json_value *v, int *out);
const char *json_type_name(enum json_type);
/*
 * A reader's refusal at a value: "NAME:LINE: message" onto *cause, unless
 * a cause is already there (the first refusal is the one reported).
 * Returns -1, so that a reader can `return` it.
 */
int	json_vfail_at(char **cause, const char *name,
	    const struct json_value *at, const char *fmt, va_list ap)
	    __attribute__((format(printf, 4, 0)));

#endif
