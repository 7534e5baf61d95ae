/* A small JSON writer: correct escaping, two-space indentation. */
#ifndef KAOHE_JSON_H
#define KAOHE_JSON_H

#include <stdbool.h>
#include <stdio.h>

struct json_writer {
	FILE	*out;
	int	 depth;
	bool	 first;		/* no comma before the next member */
	bool	 pretty;
};

void	json_init(struct json_writer *, FILE *out, bool pretty);
void	json_begin_object(struct json_writer *, const char *key);
void	json_end_object(struct json_writer *);
void	json_begin_array(struct json_writer *, const char *key);
void	json_end_array(struct json_writer *);
/* key is NULL inside an array. s NULL writes null. */
void	json_string(struct json_writer *, const char *key, const char *s);
void	json_int(struct json_writer *, const char *key, long long v);
void	json_null(struct json_writer *, const char *key);
/* A number already formatted, e.g. "870.25" (the caller keeps it valid JSON). */
void	json_number(struct json_writer *, const char *key, const char *text);
void	json_bool(struct json_writer *, const char *key, bool v);
/* Ends the top-level value with a newline. */
void	json_finish(struct json_writer *);

#endif
