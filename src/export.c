#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export-int.h"
#include "export.h"
#include "i18n.h"
#include "width.h"
#include "xalloc.h"

static const char *const export_names[] = {
	[EXPORT_TEXT] = "text",
	[EXPORT_MD] = "md",
	[EXPORT_CSV] = "csv",
	[EXPORT_JSON] = "json",
};

int
export_format_parse(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof export_names / sizeof export_names[0]; i++) {
		if (strcmp(name, export_names[i]) == 0)
			return (int)i;
	}
	return -1;
}

int
export_write(FILE *out, const struct scorecard *sc, enum export_format f,
    int width, char **cause)
{
	switch (f) {
	case EXPORT_TEXT:
		export_text(out, sc, width);
		break;
	case EXPORT_MD:
		export_md(out, sc);
		break;
	case EXPORT_CSV:
		export_csv(out, sc);
		break;
	case EXPORT_JSON:
		export_json(out, sc);
		break;
	default:
		*cause = xasprintf(_("unknown export format %d"), (int)f);
		return -1;
	}
	if (ferror(out)) {
		*cause = xasprintf(_("cannot write the export: %s"),
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* Where the bytes really go: a symlink is followed, not replaced. */
static char *
export_target(const char *path)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		real = realpath(path, NULL);
		if (real != NULL)
			return real;
	}
	return xstrdup(path);
}

/* The mode of the new file: the old file's, else 0666 less the umask. */
static mode_t
export_mode(const char *target)
{
	struct stat st;
	mode_t mask;

	if (stat(target, &st) == 0)
		return st.st_mode & 07777;
	mask = umask(022);
	(void)umask(mask);
	return 0666 & ~mask;
}

/* fsync the directory so that the rename itself survives a crash. */
static void
export_sync_dir(const char *dir)
{
	int fd;

	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return;
	(void)fsync(fd);
	(void)close(fd);
}

/* Write fn's output to the open temporary file f and make it durable. */
static int
export_fill(FILE *f, mode_t mode, const char *target, export_writer_fn fn,
    void *arg, char **cause)
{
	if (fn(f, arg, cause) != 0)
		return -1;
	if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0) {
		*cause = xasprintf(_("%s: cannot write: %s"), target,
		    strerror(errno));
		return -1;
	}
	if (fchmod(fileno(f), mode) != 0) {
		*cause = xasprintf(_("%s: cannot set the mode: %s"), target,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * A FIFO, a terminal or /dev/null is written in place: renaming a file
 * over it would replace the device or pipe itself.
 */
static int
export_direct(const char *path, export_writer_fn fn, void *arg, char **cause)
{
	FILE *f;
	int rc;

	f = fopen(path, "w");
	if (f == NULL) {
		*cause = xasprintf(_("%s: %s"), path, strerror(errno));
		return -1;
	}
	rc = fn(f, arg, cause);
	if ((fflush(f) != 0 || ferror(f)) && rc == 0) {
		*cause = xasprintf(_("%s: cannot write: %s"), path,
		    strerror(errno));
		rc = -1;
	}
	if (fclose(f) != 0 && rc == 0) {
		*cause = xasprintf(_("%s: cannot write: %s"), path,
		    strerror(errno));
		rc = -1;
	}
	return rc;
}

int
export_atomic(const char *path, export_writer_fn fn, void *arg, char **cause)
{
	char *target, *copy, *dir, *tmp;
	struct stat st;
	mode_t mode;
	FILE *f;
	int fd, rc = -1;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		*cause = xasprintf(_("%s: is a directory"), path);
		return -1;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return export_direct(path, fn, arg, cause);
	target = export_target(path);
	copy = xstrdup(target);
	dir = dirname(copy);
	tmp = xasprintf("%s/.kaohe-export.XXXXXX", dir);
	mode = export_mode(target);
	fd = mkstemp(tmp);
	if (fd < 0) {
		*cause = xasprintf(_("%s: cannot create a file in %s: %s"),
		    path, dir, strerror(errno));
		goto out;
	}
	f = fdopen(fd, "w");
	if (f == NULL) {
		*cause = xasprintf(_("%s: %s"), path, strerror(errno));
		(void)close(fd);
		(void)unlink(tmp);
		goto out;
	}
	rc = export_fill(f, mode, path, fn, arg, cause);
	if (fclose(f) != 0 && rc == 0) {
		*cause = xasprintf(_("%s: cannot write: %s"), path,
		    strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, target) != 0) {
		*cause = xasprintf(_("%s: cannot replace: %s"), path,
		    strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		(void)unlink(tmp);
	else
		export_sync_dir(dir);
out:
	free(tmp);
	free(copy);
	free(target);
	return rc;
}

char *
export_clean(const char *s)
{
	char *out, *p;
	size_t len;

	out = width_sanitize(s);
	for (p = out; *p != '\0'; p++) {
		if (*p == '\t')
			*p = ' ';
	}
	len = strlen(out);
	while (len > 0 && (out[len - 1] == ' ' || out[len - 1] == '\n'))
		out[--len] = '\0';
	return out;
}

/* Is s "YYYY-MM-DD" with digits where digits belong? */
static int
export_ymd(const char *s, int *y, int *m, int *d)
{
	size_t i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	}
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return 0;
}

char *
export_date(const char *iso)
{
	int y, m, d;

	/* 民國 years begin in 1912; before that, or malformed, print as is. */
	if (export_ymd(iso, &y, &m, &d) != 0 || y <= 1911)
		return export_clean(iso);
	return xasprintf("%d 年 %d 月 %d 日（%s）", y - 1911, m, d, iso);
}

char *
export_total(const struct scorecard *sc)
{
	struct scorecard_sum t = scorecard_total(sc);

	if (t.scored == t.items)
		return xasprintf("%d / %d", t.score, t.max);
	return xasprintf("已評 %zu/%zu，部分合計 %d / %d", t.scored, t.items,
	    t.score, t.max);
}

char *
export_inspectors(const struct scorecard *sc, const char *sep)
{
	char *all = xstrdup(""), *next, *one;
	size_t i;

	for (i = 0; i < sc->ninspectors; i++) {
		one = export_clean(sc->inspectors[i]);
		next = xasprintf("%s%s%s", all, i > 0 ? sep : "", one);
		free(one);
		free(all);
		all = next;
	}
	return all;
}

const char *
export_status(const struct scorecard *sc)
{
	return sc->status == SCORECARD_FINAL ? "已定稿" : "草稿";
}

/* export_heading's second half: "(200分) 得分：174". */
static char *
export_heading_tail(const struct scorecard *sc, const struct rubric_node *n)
{
	struct scorecard_sum s = scorecard_sum(sc, n);

	if (s.scored == s.items)
		return xasprintf("(%d分) 得分：%d", n->max, s.score);
	return xasprintf("(%d分) 得分：%d（已評 %zu/%zu）", n->max, s.score,
	    s.scored, s.items);
}

char *
export_heading(const struct scorecard *sc, const struct rubric_node *n)
{
	char *label, *clean, *tail, *out;

	label = rubric_node_label(n);
	clean = export_clean(label);
	tail = export_heading_tail(sc, n);
	out = xasprintf("%s %s", clean, tail);
	free(tail);
	free(clean);
	free(label);
	return out;
}

char *
export_range(int min, int max)
{
	return xasprintf("%d~%d分", min, max);
}

char *
export_tier(const struct rubric_node *item, size_t t, bool chosen)
{
	const struct rubric_tier *tier = &item->tiers[t];
	char *label, *out;

	if (!chosen)
		return xasprintf("□ %d~%d分", tier->min, tier->max);
	label = export_clean(tier->label);
	out = xasprintf("■ %d~%d分 %s", tier->min, tier->max, label);
	free(label);
	return out;
}

const struct scorecard_entry *
export_entry(const struct scorecard *sc, const struct rubric_node *item)
{
	return &sc->entries[item->item_first];
}

const struct rubric_node *
export_anchor(const struct rubric_node *item)
{
	const struct rubric_node *n = item->parent;

	while (n != NULL && n->depth > 2)
		n = n->parent;
	return n;
}

size_t
export_path(const struct rubric_node *n, const struct rubric_node *stop,
    const struct rubric_node **path, size_t max)
{
	const struct rubric_node *p;
	size_t len = 0, i;

	for (p = n->parent; p != NULL && p != stop && p->parent != NULL;
	    p = p->parent) {
		if (len < max)
			path[len++] = p;
	}
	for (i = 0; i < len / 2; i++) {
		p = path[i];
		path[i] = path[len - 1 - i];
		path[len - 1 - i] = p;
	}
	return len;
}
