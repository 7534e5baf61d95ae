/*
 * A rubric shown to people (an outline, aligned by display width) or to
 * programs (the JSON of `kaohe rubric show --format json`).
 */
#ifndef KAOHE_RUBRIC_SHOW_H
#define KAOHE_RUBRIC_SHOW_H

#include <stdio.h>

#include "json.h"
#include "rubric.h"

/*
 * One line a node, indented by depth, the range right-aligned at width
 * columns; tiers under their item; a total line last. Returns -1 and sets
 * *cause (caller frees) when the output cannot be written.
 */
int	rubric_show_text(FILE *, const struct rubric *, int width,
	    char **cause);
/* {"id","title","max","nodes":[...]}; see DESIGN.md and kaohe-rubric(5). */
int	rubric_show_json(FILE *, const struct rubric *, char **cause);
/*
 * On a node that has inferred fields: "inferred": ["number", "title"] and,
 * when the rubric says where they came from, "inferred_from". Nothing on
 * the others. The export's JSON writes the same through this.
 */
void	rubric_json_inferred(struct json_writer *, const struct rubric_node *);

#endif
