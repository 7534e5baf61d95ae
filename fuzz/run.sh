#!/bin/sh
# Run the already-built rubric fuzzer for SECONDS (default 60), seeded
# from the bundled rubrics and the test fixtures. Builds nothing.
#   fuzz/run.sh [SECONDS] [PATH/TO/fuzz-rubric]
# Exits non-zero when libFuzzer finds a crash, leak or timeout; the input
# that did it is left in the current directory as crash-*, leak-* etc.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
fuzzer=${2:-./fuzz-rubric}
if [ ! -x "$fuzzer" ]; then
	echo "fuzz/run.sh: no fuzzer at $fuzzer (configure --enable-fuzzing CC=clang && make fuzz-rubric)" >&2
	exit 2
fi
corpus=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-fuzz.XXXXXX")
trap 'rm -rf "$corpus"' EXIT
cp "$here"/rubrics/*.yaml "$here"/tests/data/rubric-ok/*.yaml \
    "$here"/tests/data/rubric-bad/*.yaml "$corpus"/
"$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$here/fuzz/rubric.dict" "$corpus"
