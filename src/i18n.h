/* gettext for UI strings. Rubric text is never translated. */
#ifndef KAOHE_I18N_H
#define KAOHE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) s

#endif
