#!/bin/sh
# Two processes write the same scorecard at the same time, each on its
# own items: every write that either acknowledged is there afterwards.
set -eu

writer="$top_builddir/kill9-writer"
dir=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-concurrent.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
db="$dir/kaohe.db"

"$writer" init "$db" >/dev/null
"$writer" write "$db" "$dir/acked0" 1 0 200 &
pid0=$!
"$writer" write "$db" "$dir/acked1" 1 1 200 &
pid1=$!
status=0
wait "$pid0" || status=1
wait "$pid1" || status=1
if [ "$status" -ne 0 ]; then
	echo "concurrent: a writer failed" >&2
	exit 1
fi
"$writer" verify "$db" "$dir/acked0" 0
"$writer" verify "$db" "$dir/acked1" 1
test "$(wc -l < "$dir/acked0")" -eq 200
test "$(wc -l < "$dir/acked1")" -eq 200
