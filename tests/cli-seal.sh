# Revisions and seals through the real binary, and every attack of issue
# 11 made with sqlite3 on the file: each is refused, or detected by
# verify, show, export and list, which name what changed.
. "$top_srcdir/tests/lib.sh"

if ! command -v sqlite3 >/dev/null; then
	echo "SKIP: sqlite3 is not installed"
	exit 77
fi
small=$top_srcdir/tests/data/rubric-ok/small.yaml

# final DB: a final card over the small rubric (58 / 100) in DB; prints its ID.
final() {
	local id
	id=$("$KAOHE" --db "$1" new --rubric "$small" --agency 臺南分署 \
	    --date 2021-08-06 --inspector 甲 --inspector 乙 --no-tui) || return 1
	"$KAOHE" --db "$1" set "$id" 1.1 28 >/dev/null &&
	"$KAOHE" --db "$1" set "$id" 1.2 10 >/dev/null &&
	"$KAOHE" --db "$1" set "$id" 2.1 10 >/dev/null &&
	"$KAOHE" --db "$1" set "$id" 2.2 10 >/dev/null &&
	"$KAOHE" --db "$1" note "$id" 1.1 --rationale "給予 28 分" >/dev/null &&
	"$KAOHE" --db "$1" finalize "$id" >/dev/null || return 1
	echo "$id"
}

# sql DB SQL...: run SQL with sqlite3, foreign keys off as its shell has them.
sql() {
	local f=$1
	shift
	sqlite3 "$f" "$@"
}

# sql_with_triggers_dropped DB TRIGGERS SQL: drop the triggers, run SQL, and
# put the triggers back exactly as they were, so that the schema check on
# open sees nothing: only the seals and the chain can tell.
sql_with_triggers_dropped() {
	local f=$1 names=$2 stmt=$3 list="" n
	for n in $names; do list="$list${list:+,}'$n'"; done
	sqlite3 "$f" "SELECT sql || ';' FROM sqlite_master WHERE name IN ($list)" \
	    >"$tmp/triggers.sql"
	for n in $names; do sqlite3 "$f" "DROP TRIGGER $n" || fail "drop $n"; done
	sqlite3 "$f" "$stmt" || fail "sqlite3: $stmt"
	sqlite3 "$f" <"$tmp/triggers.sql" || fail "restore $names"
}

# verify_says RC TEXT ARG...: verify exits RC and prints TEXT on stdout.
verify_says() {
	local want=$1 text=$2
	shift 2
	checks=$((checks + 1))
	run verify "$@"
	[ "$rc" -eq "$want" ] || fail "verify $*: exit $rc, want $want ($out $err)"
	case $out in *"$text"*) ;; *) fail "verify $*: lacks '$text': $out" ;; esac
}

# tampered DB ID WHAT [LISTWHAT]: verify, show and export say so, naming
# WHAT; list (which checks without reading each card) warns naming LISTWHAT.
tampered() {
	local f=$1 id=$2 what=$3 listwhat=${4:-$3} save=$db
	db=$f
	verify_says 1 "$id  TAMPERED: " "$id"
	verify_says 1 "$what" "$id"
	run show "$id"
	checks=$((checks + 1))
	case $err in *"scorecard $id is TAMPERED: "*"$what"*) ;;
	*) fail "show $id does not warn with '$what': $err" ;; esac
	run export "$id" --format json
	checks=$((checks + 1))
	case $err in *"scorecard $id is TAMPERED: "*"$what"*) ;;
	*) fail "export $id does not warn with '$what': $err" ;; esac
	run list
	checks=$((checks + 1))
	case $err in *"scorecard $id is TAMPERED: "*"$listwhat"*) ;;
	*) fail "list does not warn about $id with '$listwhat': $err" ;; esac
	# A tampered card is never changed by kaohe.
	expect 1 "failed verification; kaohe will not change it" \
	    note "$id" 1.1 --record "x"
	db=$save
}

# --- Revisions --------------------------------------------------------------
id=$(final "$db") || { fail "making a final card"; finish; exit 1; }
verify_says 0 "$id  ok"
seal1=$("$KAOHE" --db "$db" export "$id" --format json |
    sed -n 's/^  "seal": "\([0-9a-f]*\)",$/\1/p')
checks=$((checks + 1))
[ ${#seal1} -eq 64 ] || fail "a final card's JSON has no seal: '$seal1'"
run export "$id" --format json
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '^  "revision": 1,$' || fail "revision is not 1"

expect 2 "--reason is required" reopen "$id"
expect 2 "--reason is required" reopen "$id" --reason "   "
expect 0 "revision 2 is a draft; revision 1 stays final" \
    reopen "$id" --reason "1.1 的分數打錯，應為 27"
expect 1 "is a draft; only a final scorecard is reopened" \
    reopen "$id" --reason "again"
run export "$id" --format json
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '^  "revision": 2,$' || fail "revision is not 2"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '"seal"' && fail "a draft carries a seal"
expect 0 "" set "$id" 1.1 27
expect 0 "finalized: 57 / 100" finalize "$id"
# history: the reopen and its reason, between the two finalizations.
run history "$id"
checks=$((checks + 1))
case $out in
*"status     draft → final"*"reopened   revision 1 kept final; reason: 1.1 的分數打錯，應為 27"*"status     final → draft"*"1.1        score      28 → 27"*"status     draft → final"*) ;;
*) fail "history does not show the reopen: $out" ;;
esac
# Revision 1 stays as it was, sealed with the same seal.
run export "$id" --revision 1 --format json
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q "^  \"seal\": \"$seal1\",\$" ||
	fail "revision 1 lost its seal"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '^  "score": 58,$' || fail "revision 1 is not 58"
run export "$id@1" --format json
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '^  "revision": 1,$' || fail "ID@1 is not revision 1"
expect 1 "has no revision 3 (it has revisions 1~2)" export "$id" --revision 3
expect 2 "names revision 1, --revision 2" export "$id@1" --revision 2
expect 2 "not a scorecard ID" export "$id@x"
expect 0 "B-A" compare "$id@1" "$id"
checks=$((checks + 1))
case $out in "A  #$id  "*"final  58/100"*"B  #$id@2  "*"final  57/100"*) ;;
*) fail "compare ID@1 ID does not name the revisions: $out" ;; esac
checks=$((checks + 1))
printf '%s\n' "$out" | grep -E -q '1\. 正確 +28/30 +27/30 +-1' ||
	fail "compare ID@1 ID does not show 28 → 27: $out"
verify_says 0 "$id  ok" "$id"
# A card with a kept revision is never deleted, not even as a draft.
expect 0 "revision 3" reopen "$id" --reason "再改一次"
expect 1 "" delete "$id" --yes
run show "$id"
checks=$((checks + 1))
[ "$rc" -eq 0 ] || fail "the reopened card was deleted"

# --- Attacks ----------------------------------------------------------------
# 1. A status flip: INSERT OR REPLACE over a final card with status 0.
a=$tmp/flip.db
id=$(final "$a") || fail "final"
flip="INSERT OR REPLACE INTO scorecards (id, uuid, rubric_sha256, rubric_id,
  agency, date, inspectors, status, created_at, updated_at, finalized_at,
  score, max, scored, items, revision) SELECT id, uuid, rubric_sha256,
  rubric_id, agency, date, inspectors, 0, created_at, updated_at, '', score,
  max, scored, items, revision FROM scorecards WHERE id = $id"
cp "$a" "$tmp/before.db"
checks=$((checks + 1))
sql "$a" "$flip" 2>/dev/null && fail "sqlite3 flipped a final card's status"
same "$a" "$tmp/before.db" "a refused status flip"
sql_with_triggers_dropped "$a" "final_scorecards_INSERT audit_created audit_chain" "$flip"
checks=$((checks + 1))
[ "$(sql "$a" "SELECT status FROM scorecards WHERE id = $id")" = 0 ] ||
	fail "the flip did not happen (the test is wrong)"
tampered "$a" "$id" "revision 1 was finalized and sealed, but the card says draft"

# 2. An edited entry of a final card, its triggers dropped and put back.
a=$tmp/entry.db
id=$(final "$a") || fail "final"
checks=$((checks + 1))
sql "$a" "UPDATE entries SET score = 30 WHERE item = '1.1'" 2>/dev/null &&
	fail "sqlite3 edited a final card's entry"
sql_with_triggers_dropped "$a" \
    "final_entries_UPDATE audit_score audit_tier sums_update touch_entry" \
    "UPDATE entries SET score = 30 WHERE item = '1.1'"
tampered "$a" "$id" "changed since it was sealed: 1.1" \
    "its summary says 58 points (4 scored), its entries hold 60 (4 scored)"
# The same, the summary made to agree: only the seal can tell.
a=$tmp/entry2.db
id=$(final "$a") || fail "final"
sql_with_triggers_dropped "$a" \
    "final_entries_UPDATE audit_score audit_tier touch_entry final_scorecards_UPDATE final_section_scores_UPDATE" \
    "UPDATE entries SET score = 30 WHERE item = '1.1'"
db=$a
verify_says 1 "$id  TAMPERED: changed since it was sealed: 1.1" "$id"
run show "$id"
checks=$((checks + 1))
case $err in *"TAMPERED: changed since it was sealed: 1.1"*) ;;
*) fail "show does not name the edited item: $err" ;; esac
db=$tmp/kaohe.db
# The same edit, the triggers left dropped: the schema says so first.
a=$tmp/schema.db
id=$(final "$a") || fail "final"
sql "$a" "DROP TRIGGER final_entries_UPDATE; DROP TRIGGER audit_rationale;
  DROP TRIGGER touch_entry;
  UPDATE entries SET rationale = '改過' WHERE item = '1.1'" ||
	fail "sqlite3 could not edit the rationale (the test is wrong)"
db=$a
run show "$id"
checks=$((checks + 1))
case $err in *"its schema was changed outside kaohe (trigger "*" is missing); kaohe reads it but will not write to it"*) ;;
*) fail "show does not warn about the dropped triggers: $err" ;; esac
checks=$((checks + 1))
case $err in *"TAMPERED: changed since it was sealed: 1.1"*) ;;
*) fail "show does not name the edited item: $err" ;; esac
checks=$((checks + 1))
[ "$rc" -eq 0 ] || fail "a tampered file can no longer be read"
expect 1 "schema was changed outside kaohe" new --rubric "$small" \
    --agency 甲 --date 2021-08-06 --inspector 乙 --no-tui
verify_says 1 "$id  TAMPERED: changed since it was sealed: 1.1"
db=$tmp/kaohe.db

# 3. The audit trail: a forged row, an edited row, a deleted row.
a=$tmp/forged.db
id=$(final "$a") || fail "final"
forge="INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value)
  VALUES ($id, '2021-08-06T00:00:00.000Z', '1.1', 'score', '28', '30')"
checks=$((checks + 1))
sql "$a" "$forge" 2>/dev/null && fail "sqlite3 added an audit row"
sql_with_triggers_dropped "$a" "audit_chain" "$forge"
tampered "$a" "$id" "was added by hand (it has no hash)"
a=$tmp/forged-hash.db
id=$(final "$a") || fail "final"
sql_with_triggers_dropped "$a" "audit_chain audit_unhashed" \
    "INSERT INTO audit (scorecard_id, at, item, field, old_value, new_value,
      hash) VALUES ($id, '2021-08-06T00:00:00.000Z', '1.1', 'score', '28',
      '30', '$(printf '%064d' 0)')"
tampered "$a" "$id" "does not match its hash"
a=$tmp/edited.db
id=$(final "$a") || fail "final"
checks=$((checks + 1))
sql "$a" "UPDATE audit SET new_value = '30' WHERE field = 'score'" 2>/dev/null &&
	fail "sqlite3 edited an audit row"
sql_with_triggers_dropped "$a" "audit_append_only_update" \
    "UPDATE audit SET new_value = '30' WHERE field = 'score' AND item = '1.1'"
tampered "$a" "$id" "does not match its hash: it was edited or forged"
a=$tmp/deleted.db
id=$(final "$a") || fail "final"
checks=$((checks + 1))
sql "$a" "DELETE FROM audit WHERE field = 'tier'" 2>/dev/null &&
	fail "sqlite3 deleted an audit row"
sql_with_triggers_dropped "$a" "audit_append_only_delete" \
    "DELETE FROM audit WHERE field = 'tier'"
tampered "$a" "$id" "a row before it was deleted"
# The last row of a final card's trail (its finalization) deleted.
a=$tmp/deleted-last.db
id=$(final "$a") || fail "final"
sql_with_triggers_dropped "$a" "audit_append_only_delete" \
    "DELETE FROM audit WHERE field = 'status'"
tampered "$a" "$id" "its audit trail says draft, the card says final"

# 4. A deleted rubric snapshot, foreign keys off as in sqlite3's shell.
a=$tmp/rubric.db
id=$(final "$a") || fail "final"
checks=$((checks + 1))
sql "$a" "PRAGMA foreign_keys = OFF; DELETE FROM rubrics" 2>/dev/null &&
	fail "sqlite3 deleted a rubric snapshot in use"
checks=$((checks + 1))
[ "$(sql "$a" "SELECT count(*) FROM rubrics")" = 1 ] || fail "the snapshot is gone"
sql_with_triggers_dropped "$a" "rubrics_in_use" \
    "PRAGMA foreign_keys = OFF; DELETE FROM rubrics"
db=$a
verify_says 1 "TAMPERED: its rubric snapshot was deleted" "$id"
expect 1 "its rubric snapshot" show "$id"
checks=$((checks + 1))
case $err in *"is missing (deleted outside kaohe)"*) ;;
*) fail "show does not say the snapshot is missing: $err" ;; esac
run list
checks=$((checks + 1))
case $err in *"scorecard $id is TAMPERED: its rubric snapshot was deleted"*) ;;
*) fail "list does not warn about the missing snapshot: $err" ;; esac
db=$tmp/kaohe.db

# --- finalize checks every rule again ---------------------------------------
a=$tmp/range.db
id=$("$KAOHE" --db "$a" new --rubric "$small" --agency 甲 --date 2021-08-06 \
    --inspector 乙 --no-tui)
for k in 1.1 1.2 2.1 2.2; do "$KAOHE" --db "$a" set "$id" $k 10 >/dev/null; done
"$KAOHE" --db "$a" set "$id" 1.1 28 >/dev/null
sql_with_triggers_dropped "$a" "audit_score" \
    "UPDATE entries SET score = 2147483647 WHERE item IN ('1.2', '2.1')"
db=$a
expect 1 "1.2" finalize "$id"
checks=$((checks + 1))
case $err in *"2147483647 is out of range 0~30"*) ;;
*) fail "finalize does not refuse the out-of-range score: $err" ;; esac
checks=$((checks + 1))
[ "$(sql "$a" "SELECT status FROM scorecards WHERE id = $id")" = 0 ] ||
	fail "finalize locked a card with out-of-range scores"
db=$tmp/kaohe.db

# --- A file from before seals (schema 5, tests/data/pre-seal.sql: a final
# card, a draft with an edited header, a deleted draft) is upgraded: its
# trail chained and its final card sealed as they stood.
a=$tmp/pre-seal.db
sqlite3 "$a" <"$top_srcdir/tests/data/pre-seal.sql" &&
    sqlite3 "$a" "PRAGMA user_version = 5; PRAGMA application_id = 1264668520" ||
    fail "cannot load the pre-seal fixture"
db=$a
expect 1 "needs an upgrade but is read-only" verify
expect 0 "" set 2 1.1 20		# a write upgrades it
verify_says 0 "1  ok
2  ok"
checks=$((checks + 1))
[ "$(sql "$a" "SELECT count(*) FROM audit WHERE hash IS NULL")" = 0 ] ||
	fail "the old trail was not chained"
checks=$((checks + 1))
[ "$(sql "$a" "SELECT scorecard_id || '@' || revision FROM seals")" = 1@1 ] ||
	fail "the old final card was not sealed"
expect 0 "revision 2 is a draft" reopen 1 --reason "升級後更正"
verify_says 0 "1  ok"
db=$tmp/kaohe.db

finish
