/*
 * RFC 4180 fields: quoted when they hold a comma, quote, CR or LF;
 * control characters stripped; a field that a spreadsheet would run as a
 * formula (= + - @ first) quoted behind an apostrophe.
 */
#ifndef KAOHE_CSV_H
#define KAOHE_CSV_H

#include <stdio.h>

/* Write s as one field, then the separator sep (',' or '\n'). */
void	csv_field(FILE *out, const char *s, int sep);

#endif
