#include "config.h"

#include <locale.h>

#include "cli.h"
#include "i18n.h"

int
main(int argc, char **argv)
{
	/* Before anything measures text: wcwidth needs the UTF-8 locale. */
	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, KAOHE_LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	return cli_main(argc, argv);
}
