/*
 * Searching notes and evidence. A trigram index answers MATCH for three
 * characters or more; text shorter than that (two Chinese characters,
 * "滿意") is looked for with instr over the rows, which is slower but
 * never misses. Both ignore the case of Latin letters, as the trigram
 * tokenizer does by default. A phrase in thousands of notes is the one
 * case where the scan is faster for a first page: the cards are read in
 * the list's order and the page is full after a few dozen.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store-private.h"
#include "store-search.h"
#include "xalloc.h"

/* Cards whose notes or sections MATCH :fts (a quoted FTS5 phrase). */
#define WHERE_FTS							\
	" AND id IN (SELECT e.scorecard_id FROM entries AS e"		\
	" WHERE e.rowid IN (SELECT rowid FROM notes_fts"		\
	" WHERE notes_fts MATCH :fts)"					\
	" UNION SELECT d.scorecard_id FROM documents AS d"		\
	" JOIN document_sections AS s ON s.document_id = d.id"		\
	" WHERE s.id IN (SELECT rowid FROM evidence_fts"		\
	" WHERE evidence_fts MATCH :fts))"

#define WHERE_SCAN							\
	" AND (EXISTS (SELECT 1 FROM entries AS e"			\
	" WHERE e.scorecard_id = scorecards.id"				\
	" AND (instr(lower(e.record), lower(:text)) > 0"		\
	" OR instr(lower(e.rationale), lower(:text)) > 0))"		\
	" OR EXISTS (SELECT 1 FROM documents AS d"			\
	" WHERE d.scorecard_id = scorecards.id"				\
	" AND instr(lower(d.text), lower(:text)) > 0))"

/*
 * From the sections that hold the text up through their parents to the
 * first that matched a node; the earliest hit, the nearest match.
 */
#define HIT_REST							\
	" UNION ALL SELECT h.doc, s.parent, h.depth + 1, h.origin"	\
	" FROM hit AS h"	\
	" JOIN document_sections AS s ON s.document_id = h.doc"		\
	" AND s.position = h.pos WHERE s.parent > 0 AND h.depth < 16)"	\
	" SELECT m.node FROM hit AS h JOIN document_matches AS m"	\
	" ON m.document_id = h.doc AND m.section = h.pos"		\
	" JOIN documents AS d ON d.id = h.doc"				\
	" ORDER BY d.position, h.origin, h.depth LIMIT 1"

/* From this many notes on, a first page scans the cards in order. */
#define DENSE		2000
#define DENSE_STR	"2000"

/* Does text have the three characters a trigram needs? */
static bool
indexable(const char *text)
{
	size_t chars = 0;
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p != '\0'; p++)
		if ((*p & 0xc0) != 0x80)
			chars++;
	return chars >= 3;
}

/* text as one FTS5 phrase: "…" with each '"' doubled. Caller frees. */
static char *
phrase(const char *text)
{
	char *out = xmalloc(strlen(text) * 2 + 3), *o = out;

	*o++ = '"';
	for (; *text != '\0'; text++) {
		if (*text == '"')
			*o++ = '"';
		*o++ = *text;
	}
	*o++ = '"';
	*o = '\0';
	return out;
}

/*
 * Is text in so many notes that the cards' own order finds a page of them
 * sooner than the index? The index hands back every hit before the first
 * page can be sorted: for a phrase in most cards that is 100,000 of them.
 */
static bool
dense(struct store *st, const char *text)
{
	sqlite3_stmt *stmt;
	bool many = false;

	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM (SELECT 1 FROM"
	    " notes_fts WHERE notes_fts MATCH :fts LIMIT " DENSE_STR ")", -1,
	    &stmt, NULL) != SQLITE_OK)
		return false;	/* the index's own query will say what is wrong */
	/* A failed bind is not stepped: the index's query will say why. */
	if (store_search_bind(stmt, text) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		many = sqlite3_column_int(stmt, 0) >= DENSE;
	sqlite3_finalize(stmt);
	return many;
}

const char *
store_search_where(struct store *st, const char *text, bool page)
{
	if (!indexable(text) || (page && dense(st, text)))
		return WHERE_SCAN;
	return WHERE_FTS;
}

int
store_search_bind(sqlite3_stmt *stmt, const char *text)
{
	int i, rc = SQLITE_OK;

	if ((i = sqlite3_bind_parameter_index(stmt, ":text")) > 0)
		rc = sqlite3_bind_text(stmt, i, text, -1, SQLITE_TRANSIENT);
	if (rc == SQLITE_OK &&
	    (i = sqlite3_bind_parameter_index(stmt, ":fts")) > 0) {
		char *q = phrase(text);

		rc = sqlite3_bind_text(stmt, i, q, -1, SQLITE_TRANSIENT);
		free(q);
	}
	return rc;
}

/* :card and the search text; -1 with *cause (the statement is finalized). */
static int
bind_card_search(struct store *st, sqlite3_stmt *stmt, long long card,
    const char *text, char **cause)
{
	int rc;

	rc = sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt,
	    ":card"), card);
	if (rc == SQLITE_OK)
		rc = store_search_bind(stmt, text);
	if (rc == SQLITE_OK)
		return 0;
	*cause = store_errmsg(st, "bind the search");
	sqlite3_finalize(stmt);
	return -1;
}

/* The first entry of card whose note holds text, by position. */
static int
note_hit(struct store *st, long long card, const char *text, long *item,
    char **cause)
{
	static const char fts[] = "SELECT position FROM entries"
	    " WHERE scorecard_id = :card AND rowid IN (SELECT rowid FROM"
	    " notes_fts WHERE notes_fts MATCH :fts) ORDER BY position LIMIT 1";
	static const char scan[] = "SELECT position FROM entries"
	    " WHERE scorecard_id = :card AND (instr(lower(record),"
	    " lower(:text)) > 0 OR instr(lower(rationale), lower(:text)) > 0)"
	    " ORDER BY position LIMIT 1";
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(st, indexable(text) ? fts : scan, &stmt, cause) != 0)
		return -1;
	if (bind_card_search(st, stmt, card, text, cause) != 0)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*item = (long)sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "search the notes");
		return -1;
	}
	return 0;
}

/*
 * The node of the first section of card whose own text holds text: the
 * section's match, else its nearest matched ancestor's. Caller frees *key.
 */
static int
evidence_hit(struct store *st, long long card, const char *text, char **key,
    char **cause)
{
	static const char fts[] =
	    "WITH RECURSIVE hit(doc, pos, depth, origin) AS ("
	    " SELECT s.document_id, s.position, 0, s.position FROM document_sections AS s"
	    " JOIN documents AS d ON d.id = s.document_id"
	    " WHERE d.scorecard_id = :card AND s.id IN (SELECT rowid FROM"
	    " evidence_fts WHERE evidence_fts MATCH :fts)"
	    HIT_REST;
	static const char scan[] =
	    "WITH RECURSIVE hit(doc, pos, depth, origin) AS ("
	    " SELECT s.document_id, s.position, 0, s.position FROM document_sections AS s"
	    " JOIN documents AS d ON d.id = s.document_id"
	    " WHERE d.scorecard_id = :card AND instr(lower(CAST(substr(CAST("
	    "d.text AS BLOB), s.start + 1, s.body_end - s.start) AS TEXT)),"
	    " lower(:text)) > 0"
	    HIT_REST;
	sqlite3_stmt *stmt;
	int rc;

	*key = NULL;
	if (store_prepare(st, indexable(text) ? fts : scan, &stmt, cause) != 0)
		return -1;
	if (bind_card_search(st, stmt, card, text, cause) != 0)
		return -1;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*key = xstrdup(store_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_errmsg(st, "search the evidence");
		return -1;
	}
	return 0;
}

int
store_search_item(struct store *st, long long card, const char *text,
    const struct rubric *r, long *item, char **cause)
{
	const struct rubric_node *n;
	char *key;

	*item = -1;
	if (note_hit(st, card, text, item, cause) != 0)
		return -1;
	if (*item >= 0)
		return 0;
	if (evidence_hit(st, card, text, &key, cause) != 0)
		return -1;
	if (key != NULL && (n = rubric_find(r, key)) != NULL &&
	    n->item_count > 0)
		*item = (long)n->item_first;
	free(key);
	return 0;
}
