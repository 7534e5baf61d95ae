/*
 * The CSV export: RFC 4180 (CRLF between records, fields with a comma,
 * quote, CR or LF quoted, quotes doubled), UTF-8 with a byte order mark
 * so that Excel reads the Chinese correctly. The column names, then one
 * record for the card itself (its header: the form's title, the total,
 * the inspectors and the status; key empty), then one record per item in
 * document order. The columns:
 *
 *   id          the scorecard's number in its database
 *   agency      受考核機關
 *   date        考核日期, YYYY-MM-DD
 *   section     the item's sections, top first, joined by " > "
 *               ("個別評核構面 > 一、基礎服務 > (一) 服務一致及正確")
 *   key         the item's key ("1.1.1"), as `kaohe set` takes it
 *   title       the item as printed: ordinal and title ("1. 申辦…");
 *               on the card's record, the form's title
 *   min, max    its range (細項配分), inclusive; the card's max is the
 *               total's
 *   tier        the chosen ■ option, 1-based; empty when none
 *   tier_label  that option's text; empty when none
 *   score       評分; empty when unscored; the card's is its total
 *   record      紀錄事項
 *   rationale   評分說明
 *   inspectors  考核人員, joined by "、"; on the card's record only
 *   status      draft or final; on the card's record only
 *   guidance    考核內容: what the inspector looks at
 *
 * Text is stripped of control characters (newlines and tabs stay), and a
 * text field that begins with = + - @ gets a leading apostrophe so that a
 * spreadsheet shows it instead of running it as a formula.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "export-formats.h"
#include "export-util.h"
#include "width.h"
#include "xalloc.h"

static const char *const csv_columns[] = {
	"id", "agency", "date", "section", "key", "title", "min", "max",
	"tier", "tier_label", "score", "record", "rationale", "inspectors",
	"status", "guidance",
};

/* A text field: sanitized, defused, and the separator after it. */
static void
csv_text(FILE *out, const char *s, int sep)
{
	char *clean = width_sanitize(s), *safe;

	if (clean[0] != '\0' && strchr("=+-@", clean[0]) != NULL) {
		safe = xasprintf("'%s", clean);
		free(clean);
		clean = safe;
	}
	csv_field(out, clean, sep);
	free(clean);
}

/* The last field of a record: RFC 4180 ends records with CRLF. */
static void
csv_last(FILE *out, const char *s)
{
	csv_text(out, s, '\r');
	fputc('\n', out);
}

static void
csv_int(FILE *out, long long v)
{
	fprintf(out, "%lld,", v);
}

static char *
csv_section(const struct rubric_node *item)
{
	const struct rubric_node *path[EXPORT_PATH_MAX];
	char *all = xstrdup(""), *label, *next;
	size_t len, i;

	len = export_path(item, NULL, path, EXPORT_PATH_MAX);
	for (i = 0; i < len; i++) {
		label = rubric_node_label(path[i]);
		next = xasprintf("%s%s%s", all, i > 0 ? " > " : "", label);
		free(label);
		free(all);
		all = next;
	}
	return all;
}

static void
csv_item(FILE *out, const struct scorecard *sc, const struct rubric_node *item)
{
	const struct scorecard_entry *e = export_entry(sc, item);
	char *section, *label;

	csv_int(out, sc->id);
	csv_text(out, sc->agency, ',');
	csv_text(out, sc->date, ',');
	section = csv_section(item);
	csv_text(out, section, ',');
	free(section);
	csv_text(out, item->key, ',');
	label = rubric_node_label(item);
	csv_text(out, label, ',');
	free(label);
	csv_int(out, item->min);
	csv_int(out, item->max);
	if (e->tier > 0 && (size_t)e->tier <= item->ntiers) {
		csv_int(out, e->tier);
		csv_text(out, item->tiers[e->tier - 1].label, ',');
	} else
		fputs(",,", out);
	if (e->scored)
		csv_int(out, e->score);
	else
		fputc(',', out);
	csv_text(out, e->record, ',');
	csv_text(out, e->rationale, ',');
	fputs(",,", out);	/* inspectors, status: the card's */
	csv_last(out, item->guidance);
}

/* The card's own record: what the form prints above its table. */
static void
csv_card(FILE *out, const struct scorecard *sc)
{
	struct scorecard_sum t = scorecard_total(sc);
	char *inspectors;

	csv_int(out, sc->id);
	csv_text(out, sc->agency, ',');
	csv_text(out, sc->date, ',');
	fputs(",,", out);	/* section, key */
	csv_text(out, sc->rubric->title, ',');
	fputc(',', out);	/* min */
	csv_int(out, t.max);
	fputs(",,", out);	/* tier, tier_label */
	csv_int(out, t.score);
	fputs(",,", out);	/* record, rationale */
	inspectors = export_inspectors(sc, "、");
	csv_text(out, inspectors, ',');
	free(inspectors);
	csv_text(out, sc->status == SCORECARD_FINAL ? "final" : "draft", ',');
	csv_last(out, "");
}

int
export_csv(FILE *out, const struct scorecard *sc,
    const struct export_options *o, char **cause)
{
	size_t i, n = sizeof csv_columns / sizeof csv_columns[0];

	(void)o;
	(void)cause;
	fputs("\xef\xbb\xbf", out);
	for (i = 0; i < n; i++) {
		fputs(csv_columns[i], out);
		fputs(i + 1 < n ? "," : "\r\n", out);
	}
	csv_card(out, sc);
	for (i = 0; i < sc->rubric->nitems; i++)
		csv_item(out, sc, sc->rubric->items[i]);
	return 0;
}
