/* Reading a document file for evidence: text, Markdown, or PDF via pdftotext. */
#ifndef KAOHE_EVIDENCE_READ_H
#define KAOHE_EVIDENCE_READ_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The file's text, not yet checked (see evidence_check_text). A PDF is
 * read through `pdftotext -layout`; without poppler-utils that is a
 * refusal that names the package. Caller frees *out.
 */
int	evidence_read_file(const char *path, char **out, size_t *len,
	    char **cause);

#endif
