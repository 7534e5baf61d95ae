#!/bin/sh
# kill -9 a writer at random moments, 30 times, then check that the
# database is intact and that every write it acknowledged is there.
set -eu

writer="$top_builddir/kill9-writer"
dir=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-kill9.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
db="$dir/kaohe.db"
log="$dir/acked"

"$writer" init "$db" >/dev/null
: > "$log"

lines() {
	wc -l < "$log"
}

# A random number of acknowledged writes, 1 to 32, before the kill.
random_writes() {
	echo $(( $(od -An -N1 -tu1 /dev/urandom) % 32 + 1 ))
}

round=1
while [ "$round" -le 30 ]; do
	target=$(( $(lines) + $(random_writes) ))
	"$writer" write "$db" "$log" "$round" 0 &
	pid=$!
	polls=0
	while [ "$(lines)" -lt "$target" ]; do
		polls=$((polls + 1))
		if [ "$polls" -gt 2000 ] || ! kill -0 "$pid" 2>/dev/null; then
			echo "kill9: the writer stalled or died in round $round" >&2
			exit 1
		fi
		sleep 0.01
	done
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
	round=$((round + 1))
done

"$writer" verify "$db" "$log" 0
