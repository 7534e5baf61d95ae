#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "json-read.h"
#include "utf8.h"
#include "xalloc.h"

/* A growing byte buffer for decoded strings, reused from one to the next. */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

/* A tree and the arena it lives in: json_value_free frees both. */
struct json_doc {
	struct json_value	 root;		/* first: the tree is the doc */
	struct arena		 arena;
};

struct reader {
	struct arena		*arena;		/* the tree, freed all at once */
	struct buf		*scratch;	/* a string with escapes, decoded */
	const unsigned char	*p;
	const unsigned char	*end;
	const char		*name;
	size_t			 line;
	size_t			 col;		/* characters, not bytes */
	int			 depth;
	char			*cause;
};

static int parse_value(struct reader *, struct json_value *);

static int
fail_at(struct reader *r, size_t line, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
fail_at(struct reader *r, size_t line, size_t col, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (r->cause != NULL)
		return -1;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	r->cause = xasprintf("%s:%zu:%zu: %s", r->name, line, col,
	    msg != NULL ? msg : "?");
	free(msg);
	return -1;
}

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		/* Most strings are one run: the first piece fits exactly. */
		b->cap = (b->len + n + 1) * (b->cap == 0 ? 1 : 2);
		b->s = xreallocarray(b->s, b->cap, 1);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Move past one byte, keeping line and column (continuation bytes add none). */
static void
advance(struct reader *r)
{
	if (*r->p == '\n') {
		r->line++;
		r->col = 1;
	} else if ((*r->p & 0xc0) != 0x80)
		r->col++;
	r->p++;
}

static void
skip_space(struct reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' ||
	    *r->p == '\n' || *r->p == '\r'))
		advance(r);
}

static const char *
describe(struct reader *r)
{
	static char what[16];

	if (r->p >= r->end)
		return _("end of input");
	if (*r->p >= 0x20 && *r->p < 0x7f) {
		snprintf(what, sizeof what, "'%c'", *r->p);
		return what;
	}
	snprintf(what, sizeof what, "byte 0x%02x", *r->p);
	return what;
}

static int
expect_word(struct reader *r, const char *word, enum json_type type,
    struct json_value *v)
{
	size_t n = strlen(word);

	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
		return fail_at(r, r->line, r->col, _("unexpected %s"),
		    describe(r));
	while (n-- > 0)
		advance(r);
	v->type = type;
	return 0;
}

static bool
is_digit(const struct reader *r)
{
	return r->p < r->end && *r->p >= '0' && *r->p <= '9';
}

static int
digits(struct reader *r, const char *what)
{
	if (!is_digit(r))
		return fail_at(r, r->line, r->col, _("%s: a digit is needed,"
		    " not %s"), _(what), describe(r));
	while (is_digit(r))
		advance(r);
	return 0;
}

static int
parse_number(struct reader *r, struct json_value *v)
{
	const unsigned char *start = r->p;

	if (*r->p == '-')
		advance(r);
	if (r->p < r->end && *r->p == '0') {
		advance(r);
		if (is_digit(r))
			return fail_at(r, v->line, v->col, _("a number may"
			    " not have a leading zero"));
	} else if (digits(r, N_("number")) != 0)
		return -1;
	if (r->p < r->end && *r->p == '.') {
		advance(r);
		if (digits(r, N_("fraction")) != 0)
			return -1;
	}
	if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
		advance(r);
		if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
			advance(r);
		if (digits(r, N_("exponent")) != 0)
			return -1;
	}
	v->type = JSON_NUMBER;
	v->text = arena_strndup(r->arena, (const char *)start,
	    (size_t)(r->p - start));
	return 0;
}

static int
hex4(struct reader *r, unsigned *out)
{
	unsigned v = 0;
	int i, c;

	for (i = 0; i < 4; i++) {
		if (r->p >= r->end)
			return fail_at(r, r->line, r->col, _("\\u needs four"
			    " hex digits"));
		c = *r->p;
		if (c >= '0' && c <= '9')
			v = v * 16 + (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (unsigned)(c - 'A' + 10);
		else
			return fail_at(r, r->line, r->col, _("\\u needs four"
			    " hex digits, not %s"), describe(r));
		advance(r);
	}
	*out = v;
	return 0;
}

static void
put_utf8(struct buf *b, unsigned cp)
{
	char s[4];
	size_t n;

	if (cp < 0x80) {
		s[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		s[0] = (char)(0xf0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	buf_add(b, s, n);
}

/* \uXXXX, with a surrogate pair joined into one code point. */
static int
unicode_escape(struct reader *r, struct buf *b, size_t line, size_t col)
{
	unsigned hi, lo;

	if (hex4(r, &hi) != 0)
		return -1;
	if (hi >= 0xdc00 && hi <= 0xdfff)
		return fail_at(r, line, col, _("a lone low surrogate \\u%04x"),
		    hi);
	if (hi >= 0xd800 && hi <= 0xdbff) {
		if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
			return fail_at(r, line, col, _("a high surrogate"
			    " \\u%04x without its low half"), hi);
		advance(r);
		advance(r);
		if (hex4(r, &lo) != 0)
			return -1;
		if (lo < 0xdc00 || lo > 0xdfff)
			return fail_at(r, line, col, _("a high surrogate"
			    " \\u%04x without its low half"), hi);
		hi = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
	}
	if (hi == 0)
		return fail_at(r, line, col, _("\\u0000 is not allowed in a"
		    " string"));
	put_utf8(b, hi);
	return 0;
}

static int
escape(struct reader *r, struct buf *b)
{
	size_t line = r->line, col = r->col;
	const char *map = "\"\"\\\\//b\bf\fn\nr\rt\t";
	const char *m;
	char c;

	advance(r);	/* the backslash */
	if (r->p >= r->end)
		return fail_at(r, line, col, _("unterminated string"));
	c = (char)*r->p;
	advance(r);
	if (c == 'u')
		return unicode_escape(r, b, line, col);
	for (m = map; *m != '\0'; m += 2)
		if (m[0] == c) {
			buf_add(b, m + 1, 1);
			return 0;
		}
	return fail_at(r, line, col, _("unknown escape '\\%c'"), c);
}

/* Length of the valid UTF-8 sequence at p (no overlongs, no surrogates), or 0. */
static size_t
utf8_len(const unsigned char *p, const unsigned char *end)
{
	uint32_t cp;

	return utf8_decode((const char *)p, (size_t)(end - p), &cp);
}

/*
 * Into the arena: a string without escapes straight from the input, one
 * with escapes decoded into the reader's scratch buffer first.
 */
static int
parse_string(struct reader *r, char **out)
{
	struct buf *b = r->scratch;
	size_t line = r->line, col = r->col, n;
	const unsigned char *run;
	bool escaped = false;

	b->len = 0;
	advance(r);	/* the quote */
	for (;;) {
		/* Plain text is copied a run at a time, not a byte at a time. */
		run = r->p;
		while (r->p < r->end && *r->p >= 0x20 && *r->p != '"' &&
		    *r->p != '\\') {
			if (*r->p < 0x80) {
				r->p++;
				r->col++;
				continue;
			}
			if ((n = utf8_len(r->p, r->end)) == 0)
				break;
			r->p += n;
			r->col++;
		}
		if (r->p < r->end && *r->p == '"' && !escaped) {
			*out = arena_strndup(r->arena, (const char *)run,
			    (size_t)(r->p - run));
			break;
		}
		if (r->p > run)
			buf_add(b, (const char *)run, (size_t)(r->p - run));
		if (r->p >= r->end)
			return fail_at(r, line, col, _("unterminated string"));
		if (*r->p == '"') {
			*out = arena_strndup(r->arena, b->s, b->len);
			break;
		}
		if (*r->p == '\\') {
			escaped = true;
			if (escape(r, b) != 0)
				return -1;
			continue;
		}
		if (*r->p < 0x20)
			return fail_at(r, r->line, r->col, _("a control"
			    " character (0x%02x) in a string must be escaped"),
			    *r->p);
		return fail_at(r, r->line, r->col, _("invalid UTF-8"));
	}
	advance(r);	/* the closing quote */
	return 0;
}

static int
enter(struct reader *r, struct json_value *v)
{
	if (++r->depth > JSON_READ_MAX_DEPTH)
		return fail_at(r, v->line, v->col, _("nested deeper than %d"),
		    JSON_READ_MAX_DEPTH);
	advance(r);	/* the bracket */
	skip_space(r);
	return 0;
}

static int
parse_array(struct reader *r, struct json_value *v)
{
	size_t cap = 0;

	v->type = JSON_ARRAY;
	if (enter(r, v) != 0)
		return -1;
	if (r->p < r->end && *r->p == ']') {
		advance(r);
		r->depth--;
		return 0;
	}
	for (;;) {
		if (v->n == cap) {
			cap = cap == 0 ? 4 : cap * 2;
			v->items = arena_grow(r->arena, v->items, v->n, cap,
			    sizeof *v->items);
		}
		memset(&v->items[v->n], 0, sizeof v->items[v->n]);
		v->n++;
		if (parse_value(r, &v->items[v->n - 1]) != 0)
			return -1;
		skip_space(r);
		if (r->p < r->end && *r->p == ',') {
			advance(r);
			skip_space(r);
			if (r->p < r->end && *r->p == ']')
				return fail_at(r, r->line, r->col,
				    _("a trailing comma before ']'"));
			continue;
		}
		if (r->p < r->end && *r->p == ']')
			break;
		return fail_at(r, r->line, r->col, _("expected ',' or ']',"
		    " not %s"), describe(r));
	}
	advance(r);
	r->depth--;
	return 0;
}

/* Few members: each new key is checked against the earlier ones at once. */
#define DUPLICATE_SCAN	32

static int
check_duplicate(struct reader *r, const struct json_value *v)
{
	const struct json_member *m = &v->members[v->n - 1];
	size_t i;

	if (v->n > DUPLICATE_SCAN)
		return 0;	/* left to check_duplicates_sorted */
	for (i = 0; i + 1 < v->n; i++)
		if (v->members[i].key_hash == m->key_hash &&
		    strcmp(v->members[i].key, m->key) == 0)
			return fail_at(r, m->key_line, m->key_col,
			    _("duplicate key \"%s\""), m->key);
	return 0;
}

static int
member_cmp(const void *a, const void *b)
{
	const struct json_member *const *x = a, *const *y = b;
	int c = strcmp((*x)->key, (*y)->key);

	if (c != 0)
		return c;
	return (*x < *y) ? -1 : (*x > *y);
}

/* Many members: sort, so that a hostile object cannot make this quadratic. */
static int
check_duplicates_sorted(struct reader *r, const struct json_value *v)
{
	const struct json_member **sorted;
	size_t i;
	int rc = 0;

	if (v->n <= DUPLICATE_SCAN)
		return 0;
	sorted = xreallocarray(NULL, v->n, sizeof *sorted);
	for (i = 0; i < v->n; i++)
		sorted[i] = &v->members[i];
	qsort(sorted, v->n, sizeof *sorted, member_cmp);
	for (i = 1; i < v->n && rc == 0; i++)
		if (strcmp(sorted[i - 1]->key, sorted[i]->key) == 0)
			rc = fail_at(r, sorted[i]->key_line, sorted[i]->key_col,
			    _("duplicate key \"%s\""), sorted[i]->key);
	free(sorted);
	return rc;
}

/*
 * FNV-1a of a key: json_get compares it before the key itself. Import
 * asks a node object of a dozen members for each of its fields, and a
 * strcmp with every member before the one asked for was a twentieth of
 * an import.
 */
static unsigned
key_hash(const char *key)
{
	uint32_t h = 2166136261u;

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h;
}

static int
parse_member(struct reader *r, struct json_value *v)
{
	struct json_member *m = &v->members[v->n - 1];

	m->key_line = r->line;
	m->key_col = r->col;
	if (r->p >= r->end || *r->p != '"')
		return fail_at(r, r->line, r->col, _("expected a key in"
		    " quotes, not %s"), describe(r));
	if (parse_string(r, &m->key) != 0)
		return -1;
	m->key_hash = key_hash(m->key);
	if (check_duplicate(r, v) != 0)
		return -1;
	skip_space(r);
	if (r->p >= r->end || *r->p != ':')
		return fail_at(r, r->line, r->col, _("expected ':' after the"
		    " key, not %s"), describe(r));
	advance(r);
	skip_space(r);
	return parse_value(r, &m->value);
}

static int
parse_object(struct reader *r, struct json_value *v)
{
	size_t cap = 0;

	v->type = JSON_OBJECT;
	if (enter(r, v) != 0)
		return -1;
	if (r->p < r->end && *r->p == '}') {
		advance(r);
		r->depth--;
		return 0;
	}
	for (;;) {
		if (v->n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			v->members = arena_grow(r->arena, v->members, v->n,
			    cap, sizeof *v->members);
		}
		memset(&v->members[v->n], 0, sizeof v->members[v->n]);
		v->n++;
		if (parse_member(r, v) != 0)
			return -1;
		skip_space(r);
		if (r->p < r->end && *r->p == ',') {
			advance(r);
			skip_space(r);
			if (r->p < r->end && *r->p == '}')
				return fail_at(r, r->line, r->col,
				    _("a trailing comma before '}'"));
			continue;
		}
		if (r->p < r->end && *r->p == '}')
			break;
		return fail_at(r, r->line, r->col, _("expected ',' or '}',"
		    " not %s"), describe(r));
	}
	advance(r);
	r->depth--;
	return check_duplicates_sorted(r, v);
}

static int
parse_value(struct reader *r, struct json_value *v)
{
	skip_space(r);
	v->line = r->line;
	v->col = r->col;
	if (r->p >= r->end)
		return fail_at(r, r->line, r->col, _("unexpected end of"
		    " input"));
	switch (*r->p) {
	case '{':
		return parse_object(r, v);
	case '[':
		return parse_array(r, v);
	case '"':
		v->type = JSON_STRING;
		return parse_string(r, &v->text);
	case 't':
		return expect_word(r, "true", JSON_TRUE, v);
	case 'f':
		return expect_word(r, "false", JSON_FALSE, v);
	case 'n':
		return expect_word(r, "null", JSON_NULL, v);
	default:
		if (*r->p == '-' || (*r->p >= '0' && *r->p <= '9'))
			return parse_number(r, v);
		return fail_at(r, r->line, r->col, _("unexpected %s"),
		    describe(r));
	}
}

/* The tree is about three times the text it comes from; see arena.h. */
#define JSON_ARENA_HINT(len)	((len) * 3 + 1024)

int
json_read(const char *text, size_t len, const char *name, size_t first_line,
    struct json_value **out, char **cause)
{
	struct reader r;
	struct buf scratch = { NULL, 0, 0 };
	struct json_doc *doc = xcalloc(1, sizeof *doc);

	arena_init(&doc->arena, JSON_ARENA_HINT(len));
	memset(&r, 0, sizeof r);
	r.arena = &doc->arena;
	r.scratch = &scratch;
	r.p = (const unsigned char *)text;
	r.end = r.p + len;
	r.name = name;
	r.line = first_line;
	r.col = 1;
	/* A UTF-8 byte order mark is tolerated at the start, as editors add it. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		r.p += 3;
	if (parse_value(&r, &doc->root) == 0) {
		skip_space(&r);
		if (r.p < r.end)
			fail_at(&r, r.line, r.col, _("unexpected %s after"
			    " the value"), describe(&r));
	}
	free(scratch.s);
	if (r.cause != NULL) {
		json_value_free(&doc->root);
		*cause = r.cause;
		return -1;
	}
	*out = &doc->root;
	return 0;
}

/* Every value, key and string of the tree is in the doc's arena. */
void
json_value_free(struct json_value *v)
{
	struct json_doc *doc = (struct json_doc *)v;

	if (v == NULL)
		return;
	arena_free(&doc->arena);
	free(doc);
}

const struct json_value *
json_get(const struct json_value *v, const char *key)
{
	size_t i;
	unsigned h;

	if (v == NULL || v->type != JSON_OBJECT)
		return NULL;
	h = key_hash(key);
	for (i = 0; i < v->n; i++)
		if (v->members[i].key_hash == h && v->members[i].key != NULL &&
		    strcmp(v->members[i].key, key) == 0)
			return &v->members[i].value;
	return NULL;
}

bool
json_as_int(const struct json_value *v, int *out)
{
	const char *s;
	char *end;
	long n;

	if (v == NULL || v->type != JSON_NUMBER)
		return false;
	for (s = v->text; *s != '\0'; s++)
		if (!(*s == '-' || (*s >= '0' && *s <= '9')))
			return false;	/* a fraction or an exponent */
	errno = 0;
	n = strtol(v->text, &end, 10);
	if (errno != 0 || *end != '\0' || n < INT_MIN || n > INT_MAX)
		return false;
	*out = (int)n;
	return true;
}

const char *
json_type_name(enum json_type t)
{
	switch (t) {
	case JSON_NULL: return "null";
	case JSON_FALSE:
	case JSON_TRUE: return _("a boolean");
	case JSON_NUMBER: return _("a number");
	case JSON_STRING: return _("a string");
	case JSON_ARRAY: return _("an array");
	case JSON_OBJECT: return _("an object");
	}
	return "?";
}

int
json_vfail_at(char **cause, const char *name, const struct json_value *at,
    const char *fmt, va_list ap)
{
	char *msg;

	if (*cause != NULL)
		return -1;
	msg = xvasprintf(fmt, ap);
	*cause = xasprintf("%s:%zu: %s", name, at->line, msg);
	free(msg);
	return -1;
}
