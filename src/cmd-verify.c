#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli-args.h"
#include "cli-commands.h"
#include "i18n.h"
#include "width.h"
#include "xalloc.h"

static int	cmd_verify_exec(struct cli_ctx *, int, char **);

const struct cli_command cli_cmd_verify = {
	"verify",
	"[ID...]",
	N_("check seals and the audit chain: 'ID  ok' or 'ID  TAMPERED: what'"),
	N_("Without IDs every scorecard is checked. Exit status 1 when any\n"
	   "fails, or when the database's schema was changed outside kaohe.\n"),
	cmd_verify_exec,
};

struct ids {
	long long	*v;
	size_t		 n;
};

static int
collect(const struct store_summary *s, void *arg)
{
	struct ids *ids = arg;

	ids->v = xreallocarray(ids->v, ids->n + 1, sizeof *ids->v);
	ids->v[ids->n++] = s->id;
	return 0;
}

/* One line per card; the problem is data from the file: sanitized. */
static int
verify_one(struct store *st, long long id)
{
	char *problem = NULL, *cause = NULL, *clean;

	if (store_verify(st, id, &problem, &cause) != 0) {
		cli_fail("%s", cause);
		free(cause);
		return CLI_FAILED;
	}
	if (problem == NULL) {
		printf(_("%lld  ok\n"), id);
		return CLI_OK;
	}
	clean = width_sanitize(problem);
	printf(_("%lld  TAMPERED: %s\n"), id, clean);
	free(clean);
	free(problem);
	return CLI_FAILED;
}

static int
ids_from_args(const char *const *pos, size_t npos, struct ids *ids)
{
	size_t i;

	ids->v = xcalloc(npos > 0 ? npos : 1, sizeof *ids->v);
	for (i = 0; i < npos; i++)
		if (!cli_parse_id(pos[i], &ids->v[ids->n++])) {
			free(ids->v);
			cli_fail(_("'%s' is not a scorecard ID (a positive"
			    " number)"), pos[i]);
			return CLI_USAGE;
		}
	return CLI_OK;
}

static int
cmd_verify_exec(struct cli_ctx *ctx, int argc, char **argv)
{
	struct store_query q = { .status = -1, .sort = STORE_SORT_ID };
	struct ids ids = { NULL, 0 };
	const char **pos;
	struct store *st;
	char *cause = NULL;
	size_t npos, i;
	const struct cli_opt opts[] = {
		{ NULL, 0, false, NULL, NULL, NULL, NULL },
	};
	int rc;

	pos = xcalloc((size_t)argc + 1, sizeof *pos);
	rc = cli_args_parse(&cli_cmd_verify, argc, argv, opts, pos,
	    (size_t)argc, &npos);
	if (rc == CLI_OK)
		rc = ids_from_args(pos, npos, &ids);
	free(pos);
	if (rc != CLI_OK)
		return rc;
	if (cli_open_store(ctx, STORE_READONLY, &st) != CLI_OK) {
		free(ids.v);
		return CLI_FAILED;
	}
	if (npos == 0 && store_list(st, &q, collect, &ids, &cause) != 0) {
		rc = cli_fail("%s", cause);
		free(cause);
	}
	for (i = 0; i < ids.n; i++)
		if (verify_one(st, ids.v[i]) != CLI_OK)
			rc = CLI_FAILED;
	if (store_schema_problem(st) != NULL)
		rc = CLI_FAILED;
	free(ids.v);
	store_close(st);
	return rc;
}
