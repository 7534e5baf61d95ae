/*
 * gen-scorecards: N plausible scorecards over a rubric, as JSON Lines that
 * `kaohe import` reads (one compact export a line). The scorecards are
 * made with the core's own rules (scorecard_set) and written by the real
 * exporter, so the output is exactly what other laptops would send.
 *
 * usage: gen-scorecards [-b] [-n N] [-s SEED] [-d DRAFT%] RUBRIC.yaml > out.jsonl
 *
 * -b writes a bundle (`kaohe export --all --format jsonl`): the rubric
 * snapshot once, on the first line, and cards that name it by sha256.
 *
 * The same seed gives the same bytes: UUIDs and times come from the seed,
 * not the clock. Agencies are the 13 分署 of 法務部行政執行署, years 105-114.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "paths.h"
#include "rubric.h"
#include "scorecard.h"
#include "seal.h"
#include "xalloc.h"

static const char *const agencies[] = {
	"臺北分署", "新北分署", "桃園分署", "新竹分署", "臺中分署",
	"彰化分署", "嘉義分署", "臺南分署", "高雄分署", "屏東分署",
	"花蓮分署", "宜蘭分署", "士林分署",
};
#define NAGENCIES	(sizeof agencies / sizeof agencies[0])

static const char *const people[] = {
	"為民服務不定期考核小組", "王小明", "陳美玲", "林志豪", "黃淑芬",
	"張家豪", "李怡君", "吳建宏", "劉雅婷", "蔡宗翰",
};
#define NPEOPLE		(sizeof people / sizeof people[0])

static const char *const evidence[] = {
	"各科室業務承辦人員依標準作業流程辦理，並定期檢討。",
	"設置為民服務中心，提供單一窗口服務。",
	"網站資訊定期更新，並提供全文檢索。",
	"電話禮貌測試結果優良，平均 92 分。",
	"滿意度調查結果達 90% 以上。",
	"與區公所合作辦理遠距視訊服務。",
	"陳情案件均於期限內回復並追蹤改善。",
	"",
};
#define NEVIDENCE	(sizeof evidence / sizeof evidence[0])

static uint64_t rng_state;

/* xorshift64*: fast, and the same seed gives the same stream everywhere. */
static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ull;
}

static int
rng_range(int lo, int hi)
{
	return lo + (int)(rng() % (uint64_t)(hi - lo + 1));
}

static void
fake_uuid(char out[37])
{
	uint64_t a = rng(), b = rng();

	snprintf(out, 37, "%08x-%04x-4%03x-%04x-%012llx",
	    (unsigned)(a >> 32), (unsigned)(a >> 16) & 0xffff,
	    (unsigned)a & 0xfff, (unsigned)(0x8000 | ((b >> 48) & 0x3fff)),
	    (unsigned long long)(b & 0xffffffffffffull));
}

static void
replace(char **field, char *value)
{
	free(*field);
	*field = value;
}

/* A score near the card's quality q (0..1), within range, and its tier. */
static void
score_item(struct scorecard *sc, size_t i, double q)
{
	const struct rubric_node *item = sc->rubric->items[i];
	double f = q + (double)rng_range(-10, 10) / 100.0;
	int score, tier = 0;
	size_t t;
	char *cause = NULL;

	if (f < 0)
		f = 0;
	if (f > 1)
		f = 1;
	score = item->min + (int)(f * (item->max - item->min) + 0.5);
	/* Overlapping bands need a choice: the first that holds the score. */
	for (t = 0; t < item->ntiers; t++)
		if (item->tiers[t].min <= score && score <= item->tiers[t].max) {
			tier = (int)t + 1;
			break;
		}
	if (item->ntiers > 0 && tier == 0)
		return;	/* a gap between bands: leave it unscored */
	if (scorecard_set(sc, i, score, tier, &cause) != 0) {
		fprintf(stderr, "gen-scorecards: %s\n", cause);
		exit(1);
	}
	scorecard_set_note(sc, i, SCORECARD_RECORD,
	    evidence[rng() % NEVIDENCE], &cause);
	replace(&sc->entries[i].rationale, xasprintf("給予 %d 分。", score));
}

static void
fill(struct scorecard *sc, long n, int draft_pct)
{
	int year = rng_range(105, 114), month = rng_range(1, 12);
	int day = rng_range(1, 28), hour = rng_range(8, 16);
	bool draft = rng_range(1, 100) <= draft_pct;
	double q = (double)rng_range(55, 97) / 100.0;
	size_t i, k;

	sc->status = SCORECARD_DRAFT;	/* the last card may have been final */
	for (i = 0; i < sc->rubric->nitems; i++) {
		scorecard_clear(sc, i);
		replace(&sc->entries[i].record, xstrdup(""));
		replace(&sc->entries[i].rationale, xstrdup(""));
	}
	for (i = 0; i < sc->ninspectors; i++)
		free(sc->inspectors[i]);
	sc->ninspectors = (size_t)rng_range(1, 3);
	sc->inspectors = xreallocarray(sc->inspectors, sc->ninspectors,
	    sizeof *sc->inspectors);
	for (i = 0; i < sc->ninspectors; i++)
		sc->inspectors[i] = xstrdup(people[(rng() + i) % NPEOPLE]);
	sc->id = n;
	fake_uuid(sc->uuid);
	replace(&sc->agency, xstrdup(agencies[rng() % NAGENCIES]));
	replace(&sc->date, xasprintf("%04d-%02d-%02d", year + 1911, month,
	    day));
	replace(&sc->created_at, xasprintf("%sT%02d:00:00.000Z", sc->date,
	    hour));
	replace(&sc->updated_at, xasprintf("%sT%02d:%02d:00.000Z", sc->date,
	    hour + 1, rng_range(0, 59)));
	replace(&sc->finalized_at, xstrdup(""));
	/* A draft has some items scored, in order, as an inspector goes. */
	k = draft ? (size_t)rng_range(0, (int)sc->rubric->nitems - 1) :
	    sc->rubric->nitems;
	for (i = 0; i < k; i++)
		score_item(sc, i, q);
	sc->seal[0] = '\0';
	if (!draft && scorecard_complete(sc)) {
		sc->status = SCORECARD_FINAL;
		replace(&sc->finalized_at, xstrdup(sc->updated_at));
		seal_compute(sc, sc->seal);	/* as a laptop's finalize does */
	}
}

/* One export on one line: strings hold no raw newline, so joining is safe. */
static void
write_compact(const char *pretty, size_t len, FILE *out)
{
	const char *p = pretty, *end = pretty + len, *nl;

	while (p < end) {
		while (p < end && *p == ' ')
			p++;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		fwrite(p, 1, (size_t)(nl - p), out);
		p = nl + 1;
	}
	fputc('\n', out);
}

static void
usage(void)
{
	fputs("usage: gen-scorecards [-b] [-n N] [-s SEED] [-d DRAFT%]"
	    " RUBRIC.yaml\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	long n = 10, i;
	int c, draft_pct = 10;
	struct export_bundle *bundle = NULL;
	struct rubric *r;
	struct scorecard *sc;
	char *text, *cause = NULL, *buf = NULL;
	size_t len, buflen = 0;
	FILE *mem;

	rng_state = 0x9e3779b97f4a7c15ull;
	while ((c = getopt(argc, argv, "bn:s:d:")) != -1) {
		switch (c) {
		case 'b': bundle = export_bundle_new(stdout); break;
		case 'n': n = atol(optarg); break;
		case 's': rng_state ^= strtoull(optarg, NULL, 10) * 0x100000001b3ull; break;
		case 'd': draft_pct = atoi(optarg); break;
		default: usage();
		}
	}
	if (optind + 1 != argc || n < 0)
		usage();
	if (rng_state == 0)
		rng_state = 1;
	if (paths_read_file(argv[optind], RUBRIC_MAX_BYTES, &text, &len,
	    &cause) != 0 || rubric_parse(text, len, argv[optind], &r,
	    &cause) != 0) {
		fprintf(stderr, "gen-scorecards: %s\n", cause);
		return 1;
	}
	sc = scorecard_new(r, text);
	for (i = 1; i <= n; i++) {
		fill(sc, i, draft_pct);
		if (bundle != NULL) {
			if (export_bundle_add(bundle, sc, &cause) != 0) {
				fprintf(stderr, "gen-scorecards: %s\n", cause);
				return 1;
			}
			continue;
		}
		mem = open_memstream(&buf, &buflen);
		if (mem == NULL || export_write(mem, sc, EXPORT_JSON, 80,
		    &cause) != 0 || fclose(mem) != 0) {
			fprintf(stderr, "gen-scorecards: %s\n", cause != NULL ?
			    cause : strerror(errno));
			return 1;
		}
		write_compact(buf, buflen, stdout);
		free(buf);
		buf = NULL;
	}
	scorecard_free(sc);
	export_bundle_free(bundle);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gen-scorecards: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
