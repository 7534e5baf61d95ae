#include "config.h"

#include <stdio.h>
#include <string.h>

#include "json.h"

void
json_init(struct json_writer *w, FILE *out, bool pretty)
{
	w->out = out;
	w->depth = 0;
	w->first = true;
	w->pretty = pretty;
}

/* Write s as a JSON string literal (with quotes) to out. */
static void
json_write_string(FILE *out, const char *s)
{
	const unsigned char *p;

	fputc('"', out);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		case '\b': fputs("\\b", out); break;
		case '\f': fputs("\\f", out); break;
		default:
			/*
			 * UTF-8 passes through; controls are escaped, C1 too
			 * (U+0080..U+009F, C2 80..C2 9F), since a terminal
			 * may act on them when the JSON is printed.
			 */
			if (*p < 0x20 || *p == 0x7f)
				fprintf(out, "\\u%04x", *p);
			else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
				fprintf(out, "\\u%04x", *++p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

/* The comma, newline and indentation before a value, then its key. */
static void
json_member(struct json_writer *w, const char *key)
{
	int i;

	if (w->depth > 0) {
		if (!w->first)
			fputc(',', w->out);
		if (w->pretty) {
			fputc('\n', w->out);
			for (i = 0; i < w->depth; i++)
				fputs("  ", w->out);
		}
	}
	w->first = false;
	if (key != NULL) {
		json_write_string(w->out, key);
		fputs(w->pretty ? ": " : ":", w->out);
	}
}

static void
open_container(struct json_writer *w, const char *key, int c)
{
	json_member(w, key);
	fputc(c, w->out);
	w->depth++;
	w->first = true;
}

static void
close_container(struct json_writer *w, int c)
{
	int i, empty = w->first;

	w->depth--;
	if (w->pretty && !empty) {
		fputc('\n', w->out);
		for (i = 0; i < w->depth; i++)
			fputs("  ", w->out);
	}
	fputc(c, w->out);
	w->first = false;
}

void
json_begin_object(struct json_writer *w, const char *key)
{
	open_container(w, key, '{');
}

void
json_end_object(struct json_writer *w)
{
	close_container(w, '}');
}

void
json_begin_array(struct json_writer *w, const char *key)
{
	open_container(w, key, '[');
}

void
json_end_array(struct json_writer *w)
{
	close_container(w, ']');
}

void
json_string(struct json_writer *w, const char *key, const char *s)
{
	if (s == NULL) {
		json_null(w, key);
		return;
	}
	json_member(w, key);
	json_write_string(w->out, s);
}

void
json_int(struct json_writer *w, const char *key, long long v)
{
	json_member(w, key);
	fprintf(w->out, "%lld", v);
}

void
json_null(struct json_writer *w, const char *key)
{
	json_member(w, key);
	fputs("null", w->out);
}

void
json_number(struct json_writer *w, const char *key, const char *text)
{
	json_member(w, key);
	fputs(text, w->out);
}

void
json_bool(struct json_writer *w, const char *key, bool v)
{
	json_member(w, key);
	fputs(v ? "true" : "false", w->out);
}

void
json_finish(struct json_writer *w)
{
	fputc('\n', w->out);
}
