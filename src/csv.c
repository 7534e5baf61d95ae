#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "width.h"

/*
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR
 * before one) as a formula: =HYPERLINK(...) in an agency's name would be
 * a link in the reviewer's sheet. Such a field is quoted with a leading
 * apostrophe, which spreadsheets show as text and do not display.
 */
static bool
looks_like_formula(const char *s)
{
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

void
csv_field(FILE *out, const char *s, int sep)
{
	char *clean;
	const char *p;
	bool formula;

	/* Controls never reach the file or the terminal it may be shown on. */
	clean = width_sanitize(s != NULL ? s : "");
	formula = looks_like_formula(clean);
	if (!formula && strpbrk(clean, ",\"\r\n") == NULL)
		fputs(clean, out);
	else {
		fputs(formula ? "\"'" : "\"", out);
		for (p = clean; *p != '\0'; p++) {
			if (*p == '"')
				fputc('"', out);
			fputc(*p, out);
		}
		fputc('"', out);
	}
	fputc(sep, out);
	free(clean);
}
