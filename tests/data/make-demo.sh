#!/bin/sh
# Make a demo database: the 臺南分署 110 scorecard as the paper form has it
# (finalized, 870/1000) and a half-done draft to carry on with.
# usage: KAOHE=./kaohe sh tests/data/make-demo.sh DB
set -eu
db=$1
here=$(dirname "$0")
: "${KAOHE:=kaohe}"
rm -f "$db" "$db-wal" "$db-shm"
id=$(KAOHE=$KAOHE sh "$here/tainan-110.sh" "$db")
"$KAOHE" --db "$db" finalize "$id" >/dev/null
draft=$("$KAOHE" --db "$db" new --agency 宜蘭分署 --date "$(date +%Y-%m-%d)" \
    --inspector 王小明 --inspector 陳美玲 --no-tui)
# The first items of the draft, scored from the 114 report's evidence.
"$KAOHE" --db "$db" set "$draft" 1.1.1 27
"$KAOHE" --db "$db" note "$draft" 1.1.1 --record \
    "本分署設有各項標準作業流程標示，並於機關網站公開以上各項標準作業流程資訊。"
"$KAOHE" --db "$db" note "$draft" 1.1.1 --rationale "標準作業流程完整並公開。給予 27 分"
"$KAOHE" --db "$db" set "$draft" 1.1.2 36
echo "$db: scorecard $id (臺南分署, final) and $draft (宜蘭分署, draft)"
