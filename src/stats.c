#include "config.h"

#include <math.h>	/* isnan, a macro: no libm */
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "width.h"
#include "xalloc.h"

/* U+258F..U+2588: one eighth to eight eighths of a column. */
static const char *const eighths[9] = {
	"", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"
};

/*
 * The bar for value on a scale where scale fills cols columns, padded with
 * spaces to exactly cols columns. Negative or NaN values draw nothing.
 * Caller frees.
 */
static char *
stats_bar_text(double value, double scale, size_t cols, bool ascii)
{
	size_t units = 0, full, rest, i, len = 0, used;
	double f;
	char *s;

	if (scale > 0 && value > 0 && !isnan(value)) {
		f = value / scale;
		if (f > 1)
			f = 1;
		/* Round to the nearest drawable step: an eighth, or a column. */
		units = (size_t)(f * (double)cols * (ascii ? 1 : 8) + 0.5);
	}
	full = ascii ? units : units / 8;
	rest = ascii ? 0 : units % 8;
	s = xmalloc(cols * 3 + 1);
	for (i = 0; i < full; i++) {
		strcpy(s + len, ascii ? "#" : eighths[8]);
		len += strlen(s + len);
	}
	strcpy(s + len, eighths[rest]);
	len += strlen(s + len);
	used = full + (rest > 0);
	for (i = used; i < cols; i++)
		s[len++] = ' ';
	s[len] = '\0';
	return s;
}

void
stats_chart(FILE *out, const struct stats_bar *bars, size_t n, double scale,
    size_t label_cols, size_t bar_cols, bool ascii)
{
	char *label, *clean, *bar;
	size_t i;

	for (i = 0; i < n; i++) {
		clean = width_sanitize(bars[i].label);
		label = width_pad(clean, label_cols);
		bar = stats_bar_text(bars[i].value, scale, bar_cols, ascii);
		fprintf(out, "%s %s", label, bar);
		if (bars[i].note != NULL)
			fprintf(out, " %s", bars[i].note);
		fputc('\n', out);
		free(bar);
		free(label);
		free(clean);
	}
}

void
stats_format_mean(double mean, char *buf, size_t size)
{
	snprintf(buf, size, "%.1f", mean);
}
