/*
 * Reading a document file: UTF-8 text or Markdown as it is, a PDF
 * through pdftotext (poppler-utils). Nothing else is guessed: whatever
 * is not valid UTF-8 text is refused by evidence_check_text.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "evidence.h"
#include "evidence-read.h"
#include "i18n.h"
#include "paths.h"
#include "xalloc.h"

/* A PDF this large is not a report; pdftotext would take minutes. */
#define PDF_MAX_BYTES	(256u * 1024u * 1024u)

extern char **environ;

static int
is_pdf(const char *path, bool *pdf, char **cause)
{
	char magic[5];
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	n = read(fd, magic, sizeof magic);
	close(fd);
	*pdf = n == (ssize_t)sizeof magic && memcmp(magic, "%PDF-", 5) == 0;
	return 0;
}

/* Read fd to EOF into a buffer of at most max bytes; -1 when longer. */
static int
read_all(int fd, size_t max, char **out, size_t *len)
{
	char *buf = xmalloc(max + 1);
	size_t got = 0;
	ssize_t n;

	while ((n = read(fd, buf + got, max + 1 - got)) > 0 ||
	    (n == -1 && errno == EINTR)) {
		if (n > 0)
			got += (size_t)n;
		if (got > max)
			break;
	}
	if (n == -1 || got > max) {
		free(buf);
		return -1;
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return 0;
}

static int
spawn_pdftotext(const char *path, int out, pid_t *pid, char **cause)
{
	char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8",
	    (char *)path, "-", NULL };
	posix_spawn_file_actions_t fa;
	int rc;

	if (posix_spawn_file_actions_init(&fa) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	posix_spawn_file_actions_adddup2(&fa, out, STDOUT_FILENO);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
	    O_WRONLY, 0);
	rc = posix_spawnp(pid, "pdftotext", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc == ENOENT) {
		*cause = xasprintf(_("%s is a PDF; reading it needs pdftotext:"
		    " install poppler-utils (apt-get install poppler-utils)"),
		    path);
		return -1;
	}
	if (rc != 0) {
		*cause = xasprintf(_("%s: cannot run pdftotext: %s"), path,
		    strerror(rc));
		return -1;
	}
	return 0;
}

static int
read_pdf(const char *path, char **out, size_t *len, char **cause)
{
	struct stat sb;
	int fds[2], status, rc;
	pid_t pid;

	if (stat(path, &sb) == 0 && (size_t)sb.st_size > PDF_MAX_BYTES) {
		*cause = xasprintf(_("%s: too large for a report (%lld MB; at"
		    " most %u MB)"), path, (long long)sb.st_size >> 20,
		    PDF_MAX_BYTES >> 20);
		return -1;
	}
	if (pipe2(fds, O_CLOEXEC) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (spawn_pdftotext(path, fds[1], &pid, cause) != 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	close(fds[1]);
	rc = read_all(fds[0], EVIDENCE_MAX_BYTES, out, len);
	close(fds[0]);
	if (rc != 0)
		kill(pid, SIGTERM);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (rc != 0) {
		*cause = xasprintf(_("%s: its text is too large for a report"
		    " (at most %u MB)"), path, EVIDENCE_MAX_BYTES >> 20);
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*cause = xasprintf(_("%s: pdftotext could not read this PDF"),
		    path);
		free(*out);
		return -1;
	}
	return 0;
}

int
evidence_read_file(const char *path, char **out, size_t *len, char **cause)
{
	bool pdf;

	if (is_pdf(path, &pdf, cause) != 0)
		return -1;
	if (pdf)
		return read_pdf(path, out, len, cause);
	return paths_read_file(path, EVIDENCE_MAX_BYTES, out, len, cause);
}
