#!/bin/sh
# How long `kaohe rubric check` takes on the 110 rubric and on generated
# rubrics of 1,000, 10,000 and 20,000 (the cap) items, to show that loading
# grows linearly. Prints figures only; nothing here passes or fails.
#   KAOHE=./kaohe sh bench/bench-rubric.sh [RUNS]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
kaohe=${KAOHE:-./kaohe}
runs=${1:-10}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# gen N: a rubric of N items, ten to a section, each with a number, a CJK
# title and two tiers, in flow style so that 20,000 items fit in 4 MiB.
gen() {
	awk -v n="$1" 'BEGIN {
		s = int((n + 9) / 10)
		printf "kaohe-rubric: 1\nid: gen%d\ntitle: 產生的評分表 %d 項\n", n, n
		printf "total: %d\nchildren:\n  - key: D1\n    title: 個別評核構面\n", n * 30
		printf "    max: %d\n    children:\n", n * 30
		left = n
		for (i = 1; i <= s; i++) {
			k = left < 10 ? left : 10; left -= k
			printf "      - key: \"%d\"\n        number: (%d)\n", i, i
			printf "        title: 服務構面 %d\n        max: %d\n", i, k * 30
			printf "        children:\n"
			for (j = 1; j <= k; j++) {
				printf "          - {key: \"%d.%d\", number: \"%d.\", title: 服務人員專業度, min: 1, max: 30, tiers: [{label: 達 90%%, min: 16, max: 30}, {label: 其他, min: 1, max: 15}]}\n", i, j, j
			}
		}
	}'
}

now_ns() {
	date +%s%N
}

# best RUNS FILE: the fastest of RUNS checks, in microseconds.
best() {
	b=
	i=0
	while [ "$i" -lt "$runs" ]; do
		t0=$(now_ns)
		"$kaohe" rubric check "$1" >/dev/null
		t1=$(now_ns)
		us=$(( (t1 - t0) / 1000 ))
		if [ -z "$b" ] || [ "$us" -lt "$b" ]; then b=$us; fi
		i=$((i + 1))
	done
	echo "$b"
}

# The cost of starting kaohe at all, to subtract: a check of a tiny rubric.
printf 'kaohe-rubric: 1\nid: t\ntitle: t\ntotal: 1\nchildren:\n  - {key: a, title: a, min: 0, max: 1}\n' >"$tmp/tiny.yaml"
base=$(best "$tmp/tiny.yaml")

printf '%-22s %8s %10s %10s %12s\n' rubric items bytes "check ms" "us/item"
report() {
	us=$(best "$2")
	bytes=$(wc -c <"$2")
	net=$((us - base)); [ "$net" -ge 0 ] || net=0
	awk -v name="$1" -v n="$3" -v b="$bytes" -v us="$us" -v net="$net" \
	    'BEGIN { printf "%-22s %8d %10d %10.2f %12.2f\n", name, n, b,
	        us / 1000, net / n }'
}
printf '%-22s %8d %10d %10.2f %12s\n' "tiny (startup)" 1 \
    "$(wc -c <"$tmp/tiny.yaml")" "$(awk -v us="$base" 'BEGIN { print us / 1000 }')" -
report "rubrics/110.yaml" "$here/rubrics/110.yaml" 36
for n in 1000 10000 20000; do
	gen "$n" >"$tmp/gen$n.yaml"
	report "generated" "$tmp/gen$n.yaml" "$n"
done
echo "(best of $runs runs; us/item is after subtracting the tiny rubric's time)"
