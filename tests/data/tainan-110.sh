# Replay the 臺南分署 110 paper form (seed 002, 870/1000) into a kaohe
# database: create the scorecard, set every score and tier from
# tainan-110.tsv, pipe every record and rationale from tainan-110/, and
# print the new scorecard's ID alone on standard output.
#
# usage: KAOHE=path/to/kaohe sh tainan-110.sh DB
set -eu
: "${KAOHE:?KAOHE must name the kaohe binary}"
db=${1:?usage: KAOHE=path/to/kaohe sh tainan-110.sh DB}
here=$(dirname "$0")
notes=$here/tainan-110

id=$("$KAOHE" --db "$db" new --agency 臺南分署 --date 2021-08-06 \
    --inspector 為民服務不定期考核小組 --no-tui </dev/null)

tab=$(printf '\t')
while IFS=$tab read -r key score tier; do
	case $key in '' | '#'*) continue ;; esac
	# Commands read the notes from their files, never the TSV on stdin.
	if [ -n "$tier" ]; then
		"$KAOHE" --db "$db" set "$id" "$key" "$score" --tier "$tier" \
		    </dev/null >/dev/null
	else
		"$KAOHE" --db "$db" set "$id" "$key" "$score" </dev/null >/dev/null
	fi
	for kind in record rationale; do
		[ -f "$notes/$key.$kind" ] || continue
		"$KAOHE" --db "$db" note "$id" "$key" "--$kind" - \
		    <"$notes/$key.$kind" >/dev/null
	done
done <"$here/tainan-110.tsv"

printf '%s\n' "$id"
