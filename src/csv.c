#include "config.h"

#include <stdio.h>
#include <string.h>

#include "csv.h"

void
csv_field(FILE *out, const char *s, int sep)
{
	const char *p;

	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") == NULL)
		fputs(s, out);
	else {
		fputc('"', out);
		for (p = s; *p != '\0'; p++) {
			if (*p == '"')
				fputc('"', out);
			fputc(*p, out);
		}
		fputc('"', out);
	}
	fputc(sep, out);
}
