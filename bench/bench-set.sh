#!/bin/sh
# The cost of one store_set_score beside a bare SQLite commit with
# synchronous=FULL in WAL (the durable floor), in ms, and their ratio.
# usage: bench/bench-set.sh [N]   (run from the build directory, or set
# top_builddir and top_srcdir). No pass or fail: it prints figures.
set -eu
top_builddir=${top_builddir:-.}
top_srcdir=${top_srcdir:-$(dirname "$0")/..}
dir=$(mktemp -d "${TMPDIR:-/var/tmp}/kaohe-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
echo "bench-set: $(df -P "$dir" | awk 'NR == 2 { print $1 " on " $6 }')"
"$top_builddir/bench-set" "$dir" "$top_srcdir/rubrics/110.yaml" "${1:-500}"
