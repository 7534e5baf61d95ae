#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"

/*
 * A fresh Debian box often runs with LANG unset, i.e. the C locale, where
 * wcwidth cannot measure Chinese. Fall back to C.UTF-8 for the character
 * type so that text still aligns; messages keep the user's language.
 */
static void
setup_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

int
main(int argc, char **argv)
{
	/* Before anything measures text: wcwidth needs the UTF-8 locale. */
	setup_locale();
	/* Installed, uninstalled or $KAOHE_LOCALEDIR: paths_localedir. */
	bindtextdomain(PACKAGE, paths_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	return cli_main(argc, argv);
}
