/*
 * Opening the store: what is at the path (nothing, an empty file, a kaohe
 * database, another program's), whether it may be written, the pragmas,
 * and the migrations under BEGIN IMMEDIATE. A foreign or newer file is
 * refused and left untouched.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "i18n.h"
#include "store-private.h"
#include "store-rows.h"
#include "xalloc.h"

enum inspection {
	DB_EMPTY,	/* no tables, no application_id: ours to initialize */
	DB_OURS,
	DB_FOREIGN,
};

static int
make_parent_dirs(const char *path, char **cause)
{
	char *dir = xstrdup(path), *p;
	int rc = 0;

	p = strrchr(dir, '/');
	if (p == NULL || p == dir) {
		free(dir);
		return 0;
	}
	*p = '\0';
	for (p = dir + 1; rc == 0; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*cause = xasprintf(_("cannot create directory %s: %s"),
			    dir, strerror(errno));
			rc = -1;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return rc;
}

static int
create_file(const char *path, char **cause)
{
	int fd;

	if (make_parent_dirs(path, cause) != 0)
		return -1;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST) {
		*cause = xasprintf(_("cannot create %s: %s"), path,
		    strerror(errno));
		return -1;
	}
	if (fd >= 0)
		close(fd);
	return 0;
}

static bool
mode_denies_writing(const char *path)
{
	struct stat sb;

	/* Root ignores modes; an owner who chmods 0400 still means it. */
	if (access(path, W_OK) != 0)
		return true;
	if (stat(path, &sb) != 0)
		return true;
	return (sb.st_mode & 0222) == 0;
}

/* A read-only file, or a read-only directory (WAL needs to write there). */
static bool
is_write_protected(const char *path)
{
	char *dir = xstrdup(path), *slash;
	bool denied;

	slash = strrchr(dir, '/');
	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	denied = mode_denies_writing(path) || mode_denies_writing(dir);
	free(dir);
	return denied;
}

/*
 * A write-protected file whose WAL is empty can be read as immutable:
 * then SQLite creates no -shm or -wal beside it (it could not in a
 * read-only directory, and stale ones left by a reader would later
 * block the owner's writes).
 */
static bool
can_read_immutable(const char *path)
{
	char *wal = xasprintf("%s-wal", path);
	struct stat sb;
	bool empty;

	empty = stat(wal, &sb) != 0 ? errno == ENOENT : sb.st_size == 0;
	free(wal);
	return empty && is_write_protected(path);
}

/* "file:/a%20b/k.db?immutable=1": the path percent-encoded for a URI. */
static char *
immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = xmalloc(strlen(path) * 3 + sizeof "file:?immutable=1");
	const unsigned char *p;
	char *o = uri;

	o += sprintf(o, "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p) != NULL)
			*o++ = (char)*p;
		else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	strcpy(o, "?immutable=1");
	return uri;
}

/* Open path read-only, or read-write; immutable when it is safe. */
static int
open_db(const char *path, bool readonly, sqlite3 **db)
{
	char *uri;
	int rc;

	if (readonly && can_read_immutable(path)) {
		uri = immutable_uri(path);
		rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		free(uri);
		return rc;
	}
	/* One connection, one thread: SQLite's mutexes were 4% of an import. */
	return sqlite3_open_v2(path, db, (readonly ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX, NULL);
}

static int
query_int(sqlite3 *db, const char *sql, long long *v)
{
	sqlite3_stmt *stmt;
	int rc;

	rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int64(stmt, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	return rc;
}

static char *
refusal(const char *path, int rc, sqlite3 *db)
{
	if (rc == SQLITE_NOTADB)
		return xasprintf(_("%s is not a kaohe database (not SQLite at"
		    " all); it was left untouched"), path);
	if (rc == SQLITE_CORRUPT)
		return xasprintf(_("%s is a corrupt database; it was left"
		    " untouched"), path);
	return xasprintf(_("cannot read %s: %s"), path,
	    db != NULL ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

/* What is at path, read through a connection that cannot write. */
static int
classify(sqlite3 *db, const char *path, enum inspection *kind,
    long long *version, char **cause)
{
	long long app = 0, tables = 0;
	int rc;

	rc = query_int(db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = query_int(db, "PRAGMA user_version", version);
	if (rc == SQLITE_OK)
		rc = query_int(db, "SELECT count(*) FROM sqlite_master", &tables);
	if (rc != SQLITE_OK) {
		*cause = refusal(path, rc, db);
		return -1;
	}
	if ((unsigned long long)app == STORE_APPLICATION_ID)
		*kind = DB_OURS;
	else if (app == 0 && tables == 0)
		*kind = DB_EMPTY;
	else
		*kind = DB_FOREIGN;
	return 0;
}

/*
 * Looking at a file must not change what is beside it: a foreign or
 * corrupt file that is refused gains no -wal or -shm. With no WAL beside
 * it there is nothing but the file to read, so it is read as immutable
 * (SQLite then makes no -shm); with one, they are there already.
 */
static int
open_to_inspect(const char *path, sqlite3 **db)
{
	char *wal = xasprintf("%s-wal", path), *uri;
	struct stat sb;
	bool alone;
	int rc;

	alone = stat(wal, &sb) != 0 && errno == ENOENT;
	free(wal);
	if (!alone)
		return open_db(path, true, db);
	uri = immutable_uri(path);
	rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	    SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	return rc;
}

static int
inspect(const char *path, enum inspection *kind, long long *version,
    char **cause)
{
	sqlite3 *db = NULL;
	int rc;

	rc = open_to_inspect(path, &db);
	if (rc != SQLITE_OK) {
		*cause = refusal(path, rc, db);
		sqlite3_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db, 5000);
	rc = classify(db, path, kind, version, cause);
	sqlite3_close(db);
	return rc;
}

static int
judge(const char *path, enum inspection kind, long long version,
    enum store_mode mode, bool readonly, char **cause)
{
	if (kind == DB_EMPTY && mode == STORE_EXISTING) {
		*cause = xasprintf(_("%s is empty: it holds no scorecard yet"
		    " ('kaohe new' starts one)"), path);
		return -1;
	}
	/* Asked only to read: an empty file is not called read-only. */
	if (kind == DB_EMPTY && mode == STORE_READONLY &&
	    !is_write_protected(path)) {
		*cause = xasprintf(_("%s is empty: it is not a kaohe database"
		    " yet ('kaohe new' starts one)"), path);
		return -1;
	}
	if (kind == DB_FOREIGN) {
		*cause = xasprintf(_("%s is a database of another program, not"
		    " kaohe's; it was left untouched"), path);
		return -1;
	}
	if (version > store_schema_version) {
		*cause = xasprintf(_("%s was written by a newer kaohe (schema"
		    " %lld; this one knows %d)"), path, version,
		    store_schema_version);
		return -1;
	}
	if (readonly && (kind == DB_EMPTY || version < store_schema_version)) {
		*cause = xasprintf(kind == DB_EMPTY ?
		    _("%s is empty and read-only; it is not a kaohe database") :
		    _("%s needs an upgrade but is read-only"), path);
		return -1;
	}
	return 0;
}

static int
pragmas(struct store *st, char **cause)
{
	if (sqlite3_busy_timeout(st->db, 5000) != SQLITE_OK)
		goto fail;
	if (store_exec(st, "PRAGMA foreign_keys = ON", cause) != 0)
		return -1;
	if (st->readonly)
		return store_exec(st, "PRAGMA query_only = ON", cause);
	if (store_exec(st, "PRAGMA journal_mode = WAL", cause) != 0 ||
	    store_exec(st, "PRAGMA synchronous = FULL", cause) != 0)
		return -1;
	return 0;
fail:
	*cause = store_errmsg(st, "busy_timeout");
	return -1;
}

static int
migrate_locked(struct store *st, char **cause)
{
	enum inspection kind;
	long long version = 0;
	char *sql;
	int v;

	/* Look again under the lock: another process may have been first. */
	if (classify(st->db, st->path, &kind, &version, cause) != 0 ||
	    judge(st->path, kind, version, STORE_READWRITE, false, cause) != 0)
		return -1;
	if (store_schema_migrate(st, (int)version, cause) != 0)
		return -1;
	if (version < STORE_SEALS_VERSION && store_seal_legacy(st, cause) != 0)
		return -1;
	sql = xasprintf("PRAGMA application_id = %d; PRAGMA user_version = %d",
	    (int)STORE_APPLICATION_ID, store_schema_version);
	v = store_exec(st, sql, cause);
	free(sql);
	return v;
}

static int
migrate(struct store *st, char **cause)
{
	if (store_write_begin(st, cause) != 0)
		return -1;
	if (migrate_locked(st, cause) != 0) {
		store_write_rollback(st);
		return -1;
	}
	return store_write_commit(st, cause);
}

static int
connect(struct store *st, char **cause)
{
	int rc;

	rc = open_db(st->path, st->readonly, &st->db);
	if (rc != SQLITE_OK) {
		*cause = refusal(st->path, rc, st->db);
		return -1;
	}
	sqlite3_extended_result_codes(st->db, 1);
	if (store_register_functions(st->db) != SQLITE_OK) {
		*cause = store_errmsg(st, "register kaohe's functions");
		return -1;
	}
	return 0;
}

/* One schema object: the rows of sqlite_master that kaohe makes. */
struct schema_object {
	char	*type;
	char	*name;
	char	*sql;
};

struct schema {
	struct schema_object	*objects;
	size_t			 n;
};

static void
schema_free(struct schema *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->objects[i].type);
		free(s->objects[i].name);
		free(s->objects[i].sql);
	}
	free(s->objects);
}

static int
schema_read(sqlite3 *db, struct schema *s)
{
	sqlite3_stmt *stmt;
	struct schema_object *o;
	int rc;

	s->objects = NULL;
	s->n = 0;
	rc = sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_master"
	    " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
	    " ORDER BY type, name", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s->objects = xreallocarray(s->objects, s->n + 1,
		    sizeof *s->objects);
		o = &s->objects[s->n++];
		o->type = xstrdup(store_column_text(stmt, 0));
		o->name = xstrdup(store_column_text(stmt, 1));
		o->sql = xstrdup(store_column_text(stmt, 2));
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The schema this build makes: every migration, run in memory. */
static int
schema_expected(struct schema *s)
{
	sqlite3 *db = NULL;
	int rc, v;

	rc = sqlite3_open(":memory:", &db);
	for (v = 0; rc == SQLITE_OK && v < store_schema_version; v++)
		rc = sqlite3_exec(db, store_schema_sql(v), NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = schema_read(db, s);
	sqlite3_close(db);
	return rc;
}

static const struct schema_object *
schema_find(const struct schema *s, const struct schema_object *o)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->objects[i].type, o->type) == 0 &&
		    strcmp(s->objects[i].name, o->name) == 0)
			return &s->objects[i];
	return NULL;
}

/* What differs between the two, named: NULL when nothing does. */
static char *
schema_compare(const struct schema *want, const struct schema *have)
{
	const struct schema_object *o;
	size_t i;

	for (i = 0; i < want->n; i++) {
		o = schema_find(have, &want->objects[i]);
		if (o == NULL)
			return xasprintf(_("%s %s is missing"),
			    want->objects[i].type, want->objects[i].name);
		if (strcmp(o->sql, want->objects[i].sql) != 0)
			return xasprintf(_("%s %s was changed"), o->type,
			    o->name);
	}
	for (i = 0; i < have->n; i++)
		if (schema_find(want, &have->objects[i]) == NULL)
			return xasprintf(_("%s %s is not kaohe's"),
			    have->objects[i].type, have->objects[i].name);
	return NULL;
}

/*
 * The file's tables, indexes and triggers must be the ones kaohe makes,
 * text for text: a dropped or edited trigger would let SQL change a
 * final card. A difference is kept in st: reads warn, writes refuse.
 */
static int
check_schema(struct store *st, char **cause)
{
	struct schema want, have;
	int rc;

	if ((rc = schema_expected(&want)) != SQLITE_OK) {
		*cause = xasprintf(_("cannot build kaohe's schema: %s"),
		    sqlite3_errstr(rc));
		return -1;
	}
	if ((rc = schema_read(st->db, &have)) != SQLITE_OK) {
		schema_free(&want);
		*cause = refusal(st->path, rc, st->db);
		return -1;
	}
	st->schema_problem = schema_compare(&want, &have);
	schema_free(&want);
	schema_free(&have);
	return 0;
}

/*
 * Before SQLite's first use: no memory statistics, whose mutex every
 * allocation took (kaohe reads none). SQLite says SQLITE_MISUSE when
 * it was initialized already, by a use before the first open; the
 * statistics then stay on, which costs time, never correctness.
 */
static int
configure_library(char **cause)
{
	static bool done;
	int rc;

	if (done)
		return 0;
	rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (rc != SQLITE_OK && rc != SQLITE_MISUSE) {
		*cause = xasprintf("sqlite3_config: %s", sqlite3_errstr(rc));
		return -1;
	}
	done = true;
	return 0;
}

int
store_open(const char *path, enum store_mode mode, struct store **out,
    char **cause)
{
	struct store *st;
	enum inspection kind;
	long long version = 0;
	struct stat sb;

	if (configure_library(cause) != 0)
		return -1;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT || mode != STORE_READWRITE) {
			*cause = xasprintf(_("cannot open %s: %s"), path,
			    strerror(errno));
			return -1;
		}
		if (create_file(path, cause) != 0)
			return -1;
	} else if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf(_("%s is not a regular file"), path);
		return -1;
	}
	if (inspect(path, &kind, &version, cause) != 0)
		return -1;
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->readonly = mode == STORE_READONLY || is_write_protected(path);
	if (judge(path, kind, version, mode, st->readonly, cause) != 0 ||
	    connect(st, cause) != 0 || pragmas(st, cause) != 0 ||
	    (!st->readonly && version < store_schema_version &&
	    migrate(st, cause) != 0) || check_schema(st, cause) != 0) {
		store_close(st);
		return -1;
	}
	*out = st;
	return 0;
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < STMT__COUNT; i++)
		sqlite3_finalize(st->stmts[i]);
	store_rows_finalize(st);
	store_snapshot_forget(st);
	free(st->schema_problem);
	if (st->db != NULL && sqlite3_close(st->db) != SQLITE_OK)
		sqlite3_close_v2(st->db);
	free(st->path);
	free(st);
}
