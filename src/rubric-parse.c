/*
 * The rubric YAML, read as libyaml events (never the document loader, which
 * would build a whole generic tree first and follow aliases). The reader is
 * driven by the format: each field has a handler that consumes exactly its
 * value, and anything unexpected is an error on the spot. So nothing is
 * ever skipped, nothing hostile is ever built, and the first error stops
 * the stream.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "rubric-int.h"
#include "xalloc.h"

struct parser {
	yaml_parser_t		 yaml;
	yaml_event_t		 ev;		/* the current event */
	bool			 have_ev;
	const struct rubric_err	*err;
	const char		*text;
	struct rubric_keys	*keys;
	size_t			 nitems;
};

/* What a field handler works on: the top, a node or a tier. */
struct frame {
	struct rubric		*rubric;
	struct rubric_node	*node;
	struct rubric_tier	*tier;
	struct rubric_marks	*marks;
	int			 depth;		/* of node */
};

struct field {
	const char		*name;
	enum rubric_field	 id;
	int			(*value)(struct parser *, struct frame *);
};

static int	parse_node(struct parser *, struct rubric_node *, int depth);

static struct rubric_pos
pos_of_mark(yaml_mark_t m)
{
	struct rubric_pos pos = { m.line + 1, m.column + 1 };

	return pos;
}

static struct rubric_pos
here(const struct parser *p)
{
	return pos_of_mark(p->ev.start_mark);
}

static int
yaml_failed(struct parser *p)
{
	const yaml_parser_t *y = &p->yaml;
	struct rubric_pos at;

	if (y->error == YAML_MEMORY_ERROR)
		return rubric_errorf(p->err, here(p), "out of memory");
	if (y->error == YAML_READER_ERROR) {
		at = rubric_pos_of(p->text, y->problem_offset);
		return rubric_errorf(p->err, at, "not valid YAML: %s",
		    y->problem != NULL ? y->problem : "unreadable input");
	}
	at = pos_of_mark(y->problem_mark);
	if (y->context != NULL)
		return rubric_errorf(p->err, at,
		    "not valid YAML: %s (%s that began at %zu:%zu)",
		    y->problem, y->context, (size_t)y->context_mark.line + 1,
		    (size_t)y->context_mark.column + 1);
	return rubric_errorf(p->err, at, "not valid YAML: %s",
	    y->problem != NULL ? y->problem : "unknown error");
}

/* Aliases, anchors and tags are refused wherever they appear. */
static int
refuse_properties(struct parser *p)
{
	const yaml_event_t *e = &p->ev;
	const yaml_char_t *anchor = NULL, *tag = NULL;

	switch (e->type) {
	case YAML_ALIAS_EVENT:
		return rubric_errorf(p->err, here(p), "aliases (*%s) are not"
		    " allowed in a rubric", e->data.alias.anchor);
	case YAML_DOCUMENT_START_EVENT:
		if (e->data.document_start.tag_directives.start !=
		    e->data.document_start.tag_directives.end)
			return rubric_errorf(p->err, here(p), "tag directives"
			    " (%%TAG) are not allowed in a rubric");
		return 0;
	case YAML_SCALAR_EVENT:
		anchor = e->data.scalar.anchor;
		tag = e->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = e->data.sequence_start.anchor;
		tag = e->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = e->data.mapping_start.anchor;
		tag = e->data.mapping_start.tag;
		break;
	default:
		return 0;
	}
	if (anchor != NULL)
		return rubric_errorf(p->err, here(p), "anchors (&%s) are not"
		    " allowed in a rubric", anchor);
	if (tag != NULL) {
		/* A tag may hold any character (%-escapes): excerpt it. */
		char *shown = rubric_excerpt((const char *)tag,
		    strlen((const char *)tag));

		rubric_errorf(p->err, here(p), "tags (%s) are not allowed in"
		    " a rubric", shown);
		free(shown);
		return -1;
	}
	return 0;
}

static int
next(struct parser *p)
{
	if (p->have_ev)
		yaml_event_delete(&p->ev);
	p->have_ev = false;
	if (!yaml_parser_parse(&p->yaml, &p->ev))
		return yaml_failed(p);
	p->have_ev = true;
	return refuse_properties(p);
}

static bool
is_null(const yaml_event_t *e)
{
	const char *s = (const char *)e->data.scalar.value;

	if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

static char *
excerpt(const yaml_event_t *e)
{
	return rubric_excerpt((const char *)e->data.scalar.value,
	    e->data.scalar.length);
}

/* "a list", "a mapping", "nothing" or "\"30分\"", for "not ..." messages. */
static char *
describe(const yaml_event_t *e)
{
	char *s, *d;

	switch (e->type) {
	case YAML_SEQUENCE_START_EVENT:
		return xstrdup("a list");
	case YAML_MAPPING_START_EVENT:
		return xstrdup("a mapping");
	case YAML_SCALAR_EVENT:
		if (is_null(e))
			return xstrdup("nothing");
		s = excerpt(e);
		d = xasprintf("\"%s\"", s);
		free(s);
		return d;
	default:
		return xstrdup("something else");
	}
}

static int
wrong_type(struct parser *p, const char *field, const char *wanted)
{
	char *what = describe(&p->ev);
	int rc;

	rc = rubric_errorf(p->err, here(p), "'%s' must be %s, not %s", field,
	    wanted, what);
	free(what);
	return rc;
}

/* Text: any scalar but null, without NUL bytes. */
static int
take_text(struct parser *p, const char *field, char **out)
{
	const yaml_event_t *e = &p->ev;

	if (e->type != YAML_SCALAR_EVENT || is_null(e))
		return wrong_type(p, field, "text");
	if (strlen((const char *)e->data.scalar.value) != e->data.scalar.length)
		return rubric_errorf(p->err, here(p), "'%s' may not contain"
		    " a NUL character", field);
	free(*out);
	*out = xstrdup((const char *)e->data.scalar.value);
	return 0;
}

static int
take_nonempty_text(struct parser *p, const char *field, char **out)
{
	if (take_text(p, field, out) != 0)
		return -1;
	if ((*out)[strspn(*out, " \t\n")] == '\0')
		return rubric_errorf(p->err, here(p), "'%s' is empty", field);
	return 0;
}

/* A plain decimal integer, 0 to INT_MAX: "30", never "30分", "-1" or "030". */
static int
take_int(struct parser *p, const char *field, int *out)
{
	const yaml_event_t *e = &p->ev;
	const char *s;
	size_t len, i;
	long long v = 0;

	if (e->type != YAML_SCALAR_EVENT || is_null(e) ||
	    e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return wrong_type(p, field, "a whole number");
	s = (const char *)e->data.scalar.value;
	len = e->data.scalar.length;
	if (s[0] == '-' && len > 1 && strspn(s + 1, "0123456789") == len - 1)
		return rubric_errorf(p->err, here(p), "'%s' must not be"
		    " negative (%s)", field, s);
	if (strspn(s, "0123456789") != len || (s[0] == '0' && len > 1))
		return wrong_type(p, field, "a whole number");
	for (i = 0; i < len; i++) {
		v = v * 10 + (s[i] - '0');
		if (v > INT_MAX)
			return rubric_errorf(p->err, here(p), "'%s' is too"
			    " large (the limit is %d)", field, INT_MAX);
	}
	*out = (int)v;
	return 0;
}

static bool
key_chars_ok(const char *s)
{
	return *s != '\0' && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789._-") == strlen(s);
}

static int
take_key_text(struct parser *p, const char *field, char **out)
{
	char *shown;
	int rc;

	if (take_text(p, field, out) != 0)
		return -1;
	if (key_chars_ok(*out))
		return 0;
	shown = excerpt(&p->ev);
	rc = rubric_errorf(p->err, here(p), "'%s' may use only letters,"
	    " digits, '.', '_' and '-', not \"%s\"", field, shown);
	free(shown);
	return rc;
}

/* Field handlers: the current event is the value's first. */

static int
node_key(struct parser *p, struct frame *f)
{
	struct rubric_pos first;

	if (take_key_text(p, "key", &f->node->key) != 0)
		return -1;
	if (!rubric_keys_add(p->keys, f->node->key, here(p), &first))
		return rubric_errorf(p->err, here(p), "duplicate key \"%s\""
		    " (first used at %zu:%zu)", f->node->key, first.line,
		    first.col);
	return 0;
}

static int
node_number(struct parser *p, struct frame *f)
{
	return take_text(p, "number", &f->node->number);
}

static int
node_title(struct parser *p, struct frame *f)
{
	return take_nonempty_text(p, "title", &f->node->title);
}

static int
node_guidance(struct parser *p, struct frame *f)
{
	return take_text(p, "guidance", &f->node->guidance);
}

static int
node_min(struct parser *p, struct frame *f)
{
	return take_int(p, "min", &f->node->min);
}

static int
node_max(struct parser *p, struct frame *f)
{
	return take_int(p, "max", &f->node->max);
}

/* fmt has one %s: the current scalar, made safe to print. */
static int
unknown_name(struct parser *p, const char *fmt)
{
	char *shown = excerpt(&p->ev);
	int rc;

	rc = rubric_errorf(p->err, here(p), fmt, shown);
	free(shown);
	return rc;
}

struct inferred_name {
	const char	*name;
	unsigned	 bit;
};

static const struct inferred_name node_inferred_names[] = {
	{ "title", RUBRIC_INFERRED_TITLE },
	{ "number", RUBRIC_INFERRED_NUMBER },
	{ "max", RUBRIC_INFERRED_MAX },
	{ "min", RUBRIC_INFERRED_MIN },
	{ "guidance", RUBRIC_INFERRED_GUIDANCE },
	{ "tiers", RUBRIC_INFERRED_TIERS },
	{ NULL, 0 }
};

/* At the top only the total can be inferred: it is the root's max. */
static const struct inferred_name top_inferred_names[] = {
	{ "total", RUBRIC_INFERRED_MAX },
	{ NULL, 0 }
};

static int
inferred_unknown(struct parser *p, const struct inferred_name *names)
{
	char *list = xstrdup(""), *tmp;
	const struct inferred_name *in;
	int rc;

	for (in = names; in->name != NULL; in++) {
		tmp = xasprintf("%s%s%s", list, in == names ? "" : ", ",
		    in->name);
		free(list);
		list = tmp;
	}
	tmp = xasprintf("unknown field '%%s' in 'inferred' (expected %s%s)",
	    names[1].name != NULL ? "one of: " : "", list);
	rc = unknown_name(p, tmp);
	free(tmp);
	free(list);
	return rc;
}

static int
inferred_one(struct parser *p, const struct inferred_name *names,
    unsigned *bits)
{
	const struct inferred_name *in;
	const char *s;

	if (p->ev.type != YAML_SCALAR_EVENT)
		return wrong_type(p, "inferred", "a list of field names");
	s = (const char *)p->ev.data.scalar.value;
	if (strlen(s) != p->ev.data.scalar.length)
		return rubric_errorf(p->err, here(p), "'inferred' may not"
		    " contain a NUL character");
	for (in = names; in->name != NULL; in++) {
		if (strcmp(s, in->name) != 0)
			continue;
		if (*bits & in->bit)
			return rubric_errorf(p->err, here(p), "'%s' is listed"
			    " twice in 'inferred'", s);
		*bits |= in->bit;
		return 0;
	}
	return inferred_unknown(p, names);
}

static int
take_inferred(struct parser *p, const struct inferred_name *names,
    unsigned *bits)
{
	if (p->ev.type != YAML_SEQUENCE_START_EVENT)
		return wrong_type(p, "inferred", "a list of field names");
	for (;;) {
		if (next(p) != 0)
			return -1;
		if (p->ev.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (inferred_one(p, names, bits) != 0)
			return -1;
	}
}

static int
node_inferred(struct parser *p, struct frame *f)
{
	return take_inferred(p, node_inferred_names, &f->node->inferred);
}

/* The ＊ legend's text: where this node's inferred values came from. */
static int
node_inferred_from(struct parser *p, struct frame *f)
{
	return take_nonempty_text(p, "inferred-from", &f->node->inferred_from);
}

static int
tier_label(struct parser *p, struct frame *f)
{
	return take_nonempty_text(p, "label", &f->tier->label);
}

static int
tier_min(struct parser *p, struct frame *f)
{
	return take_int(p, "min", &f->tier->min);
}

static int
tier_max(struct parser *p, struct frame *f)
{
	return take_int(p, "max", &f->tier->max);
}

static const struct field tier_fields[] = {
	{ "label", RF_LABEL, tier_label },
	{ "min", RF_MIN, tier_min },
	{ "max", RF_MAX, tier_max },
	{ NULL, RF_COUNT, NULL }
};

static int	parse_fields(struct parser *, const struct field *,
		    struct frame *);

static int
node_tiers(struct parser *p, struct frame *f)
{
	struct rubric_node *n = f->node;
	struct rubric_marks tm;
	struct frame tf = { NULL, NULL, NULL, &tm, 0 };

	if (p->ev.type != YAML_SEQUENCE_START_EVENT)
		return wrong_type(p, "tiers", "a list of {label, min, max}");
	for (;;) {
		if (next(p) != 0)
			return -1;
		if (p->ev.type == YAML_SEQUENCE_END_EVENT)
			return 0;
		if (p->ev.type != YAML_MAPPING_START_EVENT)
			return wrong_type(p, "tiers", "a list of {label, min,"
			    " max}");
		n->tiers = xreallocarray(n->tiers, n->ntiers + 1,
		    sizeof *n->tiers);
		f->marks->tier = xreallocarray(f->marks->tier, n->ntiers + 1,
		    sizeof *f->marks->tier);
		tf.tier = &n->tiers[n->ntiers];
		memset(tf.tier, 0, sizeof *tf.tier);
		f->marks->tier[n->ntiers] = here(p);
		n->ntiers++;
		memset(&tm, 0, sizeof tm);
		tm.start = here(p);
		if (parse_fields(p, tier_fields, &tf) != 0)
			return -1;
		if (rubric_check_tier(p->err, n, n->ntiers, &tm) != 0)
			return -1;
	}
}

/* Append a child parsed at the current MAPPING_START. */
static int
add_child(struct parser *p, struct rubric_node *parent, size_t *cap,
    int depth)
{
	struct rubric_node child;

	memset(&child, 0, sizeof child);
	child.tolerance = -1;
	if (parse_node(p, &child, depth) != 0) {
		rubric_node_clear(&child);
		return -1;
	}
	if (parent->nchildren == *cap) {
		*cap = *cap == 0 ? 4 : *cap * 2;
		parent->children = xreallocarray(parent->children, *cap,
		    sizeof *parent->children);
	}
	parent->children[parent->nchildren++] = child;
	return 0;
}

static int
take_children(struct parser *p, struct rubric_node *parent, int depth)
{
	struct rubric_pos start = here(p);
	size_t cap = 0;

	if (p->ev.type != YAML_SEQUENCE_START_EVENT)
		return wrong_type(p, "children", "a list of nodes");
	for (;;) {
		if (next(p) != 0)
			return -1;
		if (p->ev.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (p->ev.type != YAML_MAPPING_START_EVENT)
			return wrong_type(p, "children", "a list of nodes"
			    " (mappings with key, title, max, ...)");
		if (add_child(p, parent, &cap, depth + 1) != 0)
			return -1;
	}
	if (parent->nchildren == 0)
		return rubric_errorf(p->err, start, "'children' is empty (a"
		    " section needs at least one child; an item has no"
		    " 'children')");
	return 0;
}

static int
node_children(struct parser *p, struct frame *f)
{
	return take_children(p, f->node, f->depth);
}

/* A percent, 0~100: how far members may differ before an item is flagged. */
static int
take_tolerance(struct parser *p, int *out)
{
	if (take_int(p, "tolerance", out) != 0)
		return -1;
	if (*out > 100)
		return rubric_errorf(p->err, here(p), "'tolerance' is a percent"
		    " of an item's range, 0~100, not %d", *out);
	return 0;
}

static int
node_tolerance(struct parser *p, struct frame *f)
{
	return take_tolerance(p, &f->node->tolerance);
}

static const struct field node_fields[] = {
	{ "key", RF_KEY, node_key },
	{ "number", RF_NUMBER, node_number },
	{ "title", RF_TITLE, node_title },
	{ "min", RF_MIN, node_min },
	{ "max", RF_MAX, node_max },
	{ "guidance", RF_GUIDANCE, node_guidance },
	{ "inferred", RF_INFERRED, node_inferred },
	{ "inferred-from", RF_INFERRED_FROM, node_inferred_from },
	{ "tiers", RF_TIERS, node_tiers },
	{ "tolerance", RF_TOLERANCE, node_tolerance },
	{ "children", RF_CHILDREN, node_children },
	{ NULL, RF_COUNT, NULL }
};

static int
top_version(struct parser *p, struct frame *f)
{
	if (take_int(p, "kaohe-rubric", &f->rubric->format) != 0)
		return -1;
	if (f->rubric->format != 1)
		return rubric_errorf(p->err, here(p), "unsupported rubric"
		    " format %d (this kaohe reads format 1)",
		    f->rubric->format);
	return 0;
}

static int
top_id(struct parser *p, struct frame *f)
{
	return take_key_text(p, "id", &f->rubric->id);
}

static int
top_title(struct parser *p, struct frame *f)
{
	return take_nonempty_text(p, "title", &f->rubric->title);
}

static int
top_source(struct parser *p, struct frame *f)
{
	return take_text(p, "source", &f->rubric->source);
}

static int
top_total(struct parser *p, struct frame *f)
{
	return take_int(p, "total", &f->rubric->total);
}

static int
top_inferred(struct parser *p, struct frame *f)
{
	return take_inferred(p, top_inferred_names,
	    &f->rubric->root.inferred);
}

static int
top_inferred_from(struct parser *p, struct frame *f)
{
	return take_nonempty_text(p, "inferred-from",
	    &f->rubric->root.inferred_from);
}

static int
top_tolerance(struct parser *p, struct frame *f)
{
	return take_tolerance(p, &f->rubric->tolerance);
}

static int
top_children(struct parser *p, struct frame *f)
{
	return take_children(p, &f->rubric->root, 0);
}

static const struct field top_fields[] = {
	{ "kaohe-rubric", RF_VERSION, top_version },
	{ "id", RF_ID, top_id },
	{ "title", RF_TITLE, top_title },
	{ "source", RF_SOURCE, top_source },
	{ "total", RF_TOTAL, top_total },
	{ "inferred", RF_INFERRED, top_inferred },
	{ "inferred-from", RF_INFERRED_FROM, top_inferred_from },
	{ "tolerance", RF_TOLERANCE, top_tolerance },
	{ "children", RF_CHILDREN, top_children },
	{ NULL, RF_COUNT, NULL }
};

static int
unknown_field(struct parser *p, const struct field *fields)
{
	char *list = xstrdup(""), *tmp;
	const struct field *f;
	int rc;

	for (f = fields; f->name != NULL; f++) {
		tmp = xasprintf("%s%s%s", list, f == fields ? "" : ", ",
		    f->name);
		free(list);
		list = tmp;
	}
	tmp = xasprintf("unknown field '%%s' (expected one of: %s)", list);
	rc = unknown_name(p, tmp);
	free(tmp);
	free(list);
	return rc;
}

static int
one_field(struct parser *p, const struct field *fields, struct frame *f)
{
	const struct field *fl;
	const char *name;
	struct rubric_marks *m = f->marks;

	if (p->ev.type != YAML_SCALAR_EVENT)
		return rubric_errorf(p->err, here(p), "a field name must be"
		    " a word such as 'title', not a list or mapping");
	name = (const char *)p->ev.data.scalar.value;
	/* "id\0x" would otherwise be taken as "id". */
	if (strlen(name) != p->ev.data.scalar.length)
		return rubric_errorf(p->err, here(p), "a field name may not"
		    " contain a NUL character");
	for (fl = fields; fl->name != NULL; fl++)
		if (strcmp(fl->name, name) == 0)
			break;
	if (fl->name == NULL)
		return unknown_field(p, fields);
	if (m->seen & (1u << fl->id))
		return rubric_errorf(p->err, here(p), "duplicate field '%s'"
		    " (first at %zu:%zu)", fl->name, m->name[fl->id].line,
		    m->name[fl->id].col);
	m->seen |= 1u << fl->id;
	m->name[fl->id] = here(p);
	if (next(p) != 0)
		return -1;
	m->value[fl->id] = here(p);
	return fl->value(p, f);
}

/* The fields of the mapping whose MAPPING_START is current, to its end. */
static int
parse_fields(struct parser *p, const struct field *fields, struct frame *f)
{
	for (;;) {
		if (next(p) != 0)
			return -1;
		if (p->ev.type == YAML_MAPPING_END_EVENT)
			return 0;
		if (one_field(p, fields, f) != 0)
			return -1;
	}
}

static void
default_text(char **s)
{
	if (*s == NULL)
		*s = xstrdup("");
}

static int
count_item(struct parser *p, const struct rubric_node *n,
    const struct rubric_marks *m)
{
	if (n->nchildren > 0)
		return 0;
	if (++p->nitems > RUBRIC_MAX_ITEMS)
		return rubric_errorf(p->err, m->start, "too many items (a"
		    " rubric may have at most %d)", RUBRIC_MAX_ITEMS);
	return 0;
}

static int
parse_node(struct parser *p, struct rubric_node *n, int depth)
{
	struct rubric_marks m;
	struct frame f = { NULL, n, NULL, &m, depth };
	int rc;

	memset(&m, 0, sizeof m);
	m.start = here(p);
	n->line = m.start.line;
	if (depth > RUBRIC_MAX_DEPTH)
		return rubric_errorf(p->err, m.start, "nesting is too deep"
		    " (a rubric may nest at most %d levels)",
		    RUBRIC_MAX_DEPTH);
	rc = parse_fields(p, node_fields, &f);
	if (rc == 0)
		rc = rubric_check_node(p->err, n, &m);
	if (rc == 0)
		rc = count_item(p, n, &m);
	free(m.tier);
	default_text(&n->number);
	default_text(&n->guidance);
	default_text(&n->inferred_from);
	return rc;
}

static int
expect_top_mapping(struct parser *p)
{
	char *what;
	int rc;

	if (p->ev.type == YAML_MAPPING_START_EVENT)
		return 0;
	what = describe(&p->ev);
	rc = rubric_errorf(p->err, here(p), "a rubric must be a mapping"
	    " (kaohe-rubric, id, title, total, children), not %s", what);
	free(what);
	return rc;
}

static int
parse_document(struct parser *p, struct rubric *r)
{
	struct rubric_marks m;
	struct frame f = { r, NULL, NULL, &m, 0 };

	memset(&m, 0, sizeof m);
	if (next(p) != 0)
		return -1;
	if (expect_top_mapping(p) != 0)
		return -1;
	m.start = here(p);
	r->root.line = m.start.line;
	if (parse_fields(p, top_fields, &f) != 0)
		return -1;
	return rubric_check_top(p->err, r, &m);
}

static int
parse_stream(struct parser *p, struct rubric *r)
{
	if (next(p) != 0 || next(p) != 0)	/* STREAM_START, then? */
		return -1;
	if (p->ev.type == YAML_STREAM_END_EVENT)
		return rubric_errorf(p->err, here(p), "the file is empty (a"
		    " rubric has kaohe-rubric, id, title, total and"
		    " children)");
	if (parse_document(p, r) != 0)
		return -1;
	if (next(p) != 0)	/* DOCUMENT_END */
		return -1;
	if (next(p) != 0)
		return -1;
	if (p->ev.type != YAML_STREAM_END_EVENT)
		return rubric_errorf(p->err, here(p), "a second document (a"
		    " rubric file holds exactly one)");
	return 0;
}

int
rubric_parse_events(const char *text, size_t len, const struct rubric_err *err,
    struct rubric *r)
{
	struct parser p;
	int rc;

	memset(&p, 0, sizeof p);
	p.err = err;
	p.text = text;
	if (!yaml_parser_initialize(&p.yaml))
		return rubric_errorf(err, (struct rubric_pos){ 1, 1 },
		    "out of memory");
	/*
	 * No yaml_parser_set_encoding: only when libyaml detects the encoding
	 * itself does it drop a byte order mark without counting a column,
	 * and a BOM counted as column 1 would misplace the first key. The
	 * text is known to be UTF-8 already (check_bytes), so detection
	 * cannot pick anything else.
	 */
	yaml_parser_set_input_string(&p.yaml, (const unsigned char *)text,
	    len);
	p.keys = rubric_keys_new();
	rc = parse_stream(&p, r);
	if (p.have_ev)
		yaml_event_delete(&p.ev);
	yaml_parser_delete(&p.yaml);
	rubric_keys_free(p.keys);
	return rc;
}
