#!/bin/sh
# test_query_cli.sh: `wasit query` and `wasit stats` over a store made by
# `wasit code --db` from the example articles (examples/).  Checks that
# re-coding the same files does not duplicate rows, that each filter only
# returns matching events, the csv/jsonl/table/json formats, hamza-folded
# text search, and the exit status of bad arguments (2) and missing stores
# (1, and the file is not created).  Run from the repo root with $BUILD set.
# Exit 77 (skipped) when examples/ holds no articles.
set -u
BUILD=${BUILD:-build}
W="$BUILD/wasit"
files=$(ls examples/*.jsonl examples/*.txt 2>/dev/null)
[ -n "$files" ] || { echo "no example articles in examples/"; exit 77; }
[ -x "$W" ] || { echo "FAIL: $W not built"; exit 1; }
[ -f dict/ar/verbs.txt ] || { echo "dict/ar/verbs.txt missing: cannot code"; exit 77; }
tmp=$(mktemp -d /tmp/wasit_query_cli.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/events.db"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# expect STATUS CMD...: run CMD, compare its exit status.
expect() {
  want=$1; shift
  "$@" > "$tmp/out" 2> "$tmp/err"; got=$?
  [ "$got" -eq "$want" ] || fail "exit $got, want $want: $* ($(head -c 200 "$tmp/err"))"
}

# --------------------------------------------------------------- ingest
# shellcheck disable=SC2086
"$W" code --quiet --db "$db" $files || fail "wasit code --db failed"
"$W" query --db "$db" --format jsonl --limit 10000 > "$tmp/all.jsonl" ||
  fail "query jsonl"
n=$(wc -l < "$tmp/all.jsonl")
[ "$n" -gt 0 ] || { fail "no events stored from examples/"; exit 1; }
# shellcheck disable=SC2086
"$W" code --quiet --db "$db" $files || fail "second wasit code --db failed"
"$W" query --db "$db" --format jsonl --limit 10000 > "$tmp/all.jsonl"
n2=$(wc -l < "$tmp/all.jsonl")
[ "$n2" -eq "$n" ] || fail "re-coding changed $n events into $n2"
"$W" stats --db "$db" --json > "$tmp/stats.json" || fail "stats --json"
grep -q "\"events\":$n[,}]" "$tmp/stats.json" || fail "stats events != $n"
docs=$(grep -c . examples/articles.jsonl)
ntxt=$(ls examples/*.txt 2>/dev/null | wc -l)
grep -q "\"documents\":$((docs + ntxt))," "$tmp/stats.json" ||
  fail "stats documents != $((docs + ntxt)): $(head -c 100 "$tmp/stats.json")"
for k in by_root by_month top_actors top_dyads; do
  grep -q "\"$k\":\[" "$tmp/stats.json" || fail "stats has no $k"
done
"$W" stats --db "$db" > "$tmp/stats.txt" || fail "stats text"
grep -q "events by CAMEO root:" "$tmp/stats.txt" || fail "stats text report"

# field VALUE of KEY in each JSONL line of FILE
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$2"; }

# ------------------------------------------------------------- filters
src=$(field source "$tmp/all.jsonl" | head -n 1)
country=$(printf '%s' "$src" | cut -c1-3)
"$W" query --db "$db" --actor "$country" --format jsonl --limit 10000 > "$tmp/a"
[ -s "$tmp/a" ] || fail "--actor $country found nothing"
bad=$(grep -v "\"source\":\"$country\|\"target\":\"$country" "$tmp/a" | wc -l)
[ "$bad" -eq 0 ] || fail "--actor $country returned $bad other events"
want=$(grep -c "\"source\":\"$country\|\"target\":\"$country" "$tmp/all.jsonl")
[ "$(wc -l < "$tmp/a")" -eq "$want" ] || fail "--actor $country missed events"
"$W" query --db "$db" --source "$src" --format jsonl --limit 10000 > "$tmp/s"
[ "$(field source "$tmp/s" | grep -cv "^$src")" -eq 0 ] || fail "--source $src"

root=$(field root "$tmp/all.jsonl" | head -n 1)
"$W" query --db "$db" --root "$root" --format jsonl --limit 10000 > "$tmp/r"
[ "$(wc -l < "$tmp/r")" -eq "$(field root "$tmp/all.jsonl" | grep -c "^$root$")" ] ||
  fail "--root $root count"
[ "$(field root "$tmp/r" | grep -cv "^$root$")" -eq 0 ] || fail "--root $root"

day=$(field date "$tmp/all.jsonl" | grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' | head -n 1)
if [ -n "$day" ]; then
  "$W" query --db "$db" --from "$day" --to "$day" --format jsonl > "$tmp/d"
  [ -s "$tmp/d" ] || fail "--from/--to $day found nothing"
  [ "$(field date "$tmp/d" | grep -cv "^$day$")" -eq 0 ] || fail "--from/--to $day"
fi

# A dyad taken from the first event that has a target: found either way
# round, and every event found is between the two.
line=$(grep '"target":"' "$tmp/all.jsonl" | head -n 1)
da=$(printf '%s\n' "$line" | sed -n 's/.*"source":"\([^"]*\)".*/\1/p')
db_=$(printf '%s\n' "$line" | sed -n 's/.*"target":"\([^"]*\)".*/\1/p')
if [ -n "$da" ] && [ -n "$db_" ]; then
  "$W" query --db "$db" --dyad "$da,$db_" --format jsonl --limit 10000 > "$tmp/y1"
  "$W" query --db "$db" --dyad "$db_,$da" --format jsonl --limit 10000 > "$tmp/y2"
  [ -s "$tmp/y1" ] && cmp -s "$tmp/y1" "$tmp/y2" || fail "--dyad $da,$db_"
  bad=$(grep -v "\"source\":\"$da[^\"]*\",\"target\":\"$db_\|\"source\":\"$db_[^\"]*\",\"target\":\"$da" "$tmp/y1" | wc -l)
  [ "$bad" -eq 0 ] || fail "--dyad $da,$db_ returned $bad other events"
else
  fail "no event with a target in the examples"
fi

# limit/offset and dedup
[ "$("$W" query --db "$db" --format jsonl --limit 1 | wc -l)" -eq 1 ] || fail "--limit 1"
if [ "$n" -ge 2 ]; then
  second=$(sed -n 2p "$tmp/all.jsonl")
  got=$("$W" query --db "$db" --format jsonl --limit 1 --offset 1)
  [ "$got" = "$second" ] || fail "--offset 1 is not the second event"
fi
nd=$("$W" query --db "$db" --dedup --format jsonl --limit 10000 | wc -l)
[ "$nd" -ge 1 ] && [ "$nd" -le "$n" ] || fail "--dedup gave $nd of $n"
"$W" query --db "$db" --dedup --format jsonl --limit 1 | grep -q '"reports":[0-9]' ||
  fail "--dedup rows lack reports"

# ------------------------------------------------------------- formats
"$W" query --db "$db" --format csv --limit 3 > "$tmp/c" || fail "csv"
head -n 1 "$tmp/c" | grep -q '^doc_id,sentence,date,source,target,' || fail "csv header"
"$W" query --db "$db" > "$tmp/t" || fail "table"
head -n 1 "$tmp/t" | grep -q '^DATE  *SOURCE  *TARGET  *CODE' || fail "table header"
tail -n 1 "$tmp/t" | grep -Eq "^[0-9]+ of $n events" || fail "table footer: $(tail -n 1 "$tmp/t")"
"$W" query --db "$db" --format json --limit 2 > "$tmp/j" || fail "json"
grep -q "^{\"events\":\[{\"doc_id\":.*\],\"total\":$n}$" "$tmp/j" || fail "json shape"

# ----------------------------------------------------- text search (FTS)
# A word written with hamza on alef in the sentences: searching it with
# and without the hamza finds the same events.
word=$(field text "$tmp/all.jsonl" | tr ' ' '\n' | grep -E '^أ[^،.,]{3,}$' | head -n 1)
if [ -n "$word" ]; then
  bare=$(printf '%s' "$word" | sed 's/أ/ا/g')
  h=$("$W" query --db "$db" --text "$word" --format jsonl --limit 10000 | wc -l)
  b=$("$W" query --db "$db" --text "$bare" --format jsonl --limit 10000 | wc -l)
  [ "$h" -gt 0 ] || fail "--text $word found nothing"
  [ "$h" -eq "$b" ] || fail "--text $word: $h events, $bare: $b"
else
  fail "no word with hamza found in the example sentences"
fi
[ "$("$W" query --db "$db" --text "كوالالمبور" --format jsonl | wc -l)" -eq 0 ] ||
  fail "--text with an absent word found events"

# ---------------------------------------------------------- exit codes
expect 0 "$W" query --help
expect 2 "$W" query
expect 2 "$W" query --db "$db" --from 2022-13-01
expect 2 "$W" query --db "$db" --to 2022-02-30
expect 2 "$W" query --db "$db" --root 21
expect 2 "$W" query --db "$db" --root 1
expect 2 "$W" query --db "$db" --code 1
expect 2 "$W" query --db "$db" --code 12345
expect 2 "$W" query --db "$db" --limit 0
expect 2 "$W" query --db "$db" --limit 10001
expect 2 "$W" query --db "$db" --limit ten
expect 2 "$W" query --db "$db" --offset -1
expect 2 "$W" query --db "$db" --format xml
expect 2 "$W" query --db "$db" --dyad ARM
expect 2 "$W" query --db "$db" --actor "ARM' OR 1=1"
expect 2 "$W" query --db "$db" --bogus
expect 2 "$W" query --db "$db" --root
grep -q "root" "$tmp/err" || fail "no message naming --root"
expect 1 "$W" query --db "$tmp/missing.db"
[ ! -e "$tmp/missing.db" ] || fail "query created a missing store"
expect 2 "$W" stats
expect 1 "$W" stats --db "$tmp/missing.db"
[ ! -e "$tmp/missing.db" ] || fail "stats created a missing store"
expect 0 "$W" query --db="$db" --limit=5 --format=csv
[ "$(wc -l < "$tmp/out")" -le 6 ] || fail "--opt=value forms"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "ok: $n events, $nd after dedup"
