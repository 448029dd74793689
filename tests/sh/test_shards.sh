#!/bin/sh
# test_shards.sh: coding an input split into 4 shards (split -n l/4, as a
# job array or GNU parallel would) and concatenating the outputs gives the
# same bytes as one run over the whole input, for JSONL and TSV (header
# kept from the first shard only).
set -u
. tests/sh/lib.sh

${CC:-cc} -std=c11 -O2 -o "$T/gencorpus" bench/gencorpus.c || exit 1
"$T/gencorpus" --docs 800 --seed 7 > "$T/in.jsonl"
"$W" code --quiet "$T/in.jsonl" > "$T/whole" || fail "whole run failed"
[ -s "$T/whole" ] || fail "no events"

(cd "$T" && split -n l/4 -d in.jsonl shard.)
[ "$(ls "$T"/shard.* | wc -l)" -eq 4 ] || fail "split did not make 4 shards"
for s in "$T"/shard.*; do
  "$W" code --quiet "$s" > "$s.out" || fail "shard $s failed"
done
cat "$T"/shard.0[0-3].out > "$T/joined"
cmp -s "$T/whole" "$T/joined" || fail "4 shards joined differ from one run"

"$W" code --quiet --format tsv "$T/in.jsonl" > "$T/whole.tsv"
: > "$T/joined.tsv"
first=1
for s in "$T"/shard.0[0-3]; do
  if [ $first -eq 1 ]; then "$W" code --quiet --format tsv "$s" >> "$T/joined.tsv"; first=0
  else "$W" code --quiet --format tsv "$s" | tail -n +2 >> "$T/joined.tsv"; fi
done
cmp -s "$T/whole.tsv" "$T/joined.tsv" || fail "TSV shards joined differ"

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "ok"
