#!/bin/sh
# test_threads.sh: `wasit code --threads N` keeps input order: the output
# (JSONL and TSV), the error lines and the summary are identical for 1, 2,
# 3 and 0 (= all cores) threads, on a generated corpus (bench/gencorpus.c)
# with malformed lines mixed in; and --db stores the same events.
set -u
. tests/sh/lib.sh

${CC:-cc} -std=c11 -O2 -o "$T/gencorpus" bench/gencorpus.c || exit 1
"$T/gencorpus" --docs 1000 --bad > "$T/in.jsonl"

"$W" code --threads 1 "$T/in.jsonl" > "$T/out1" 2> "$T/err1"; rc1=$?
[ $rc1 -eq 1 ] || fail "1 thread: exit $rc1 (the corpus has bad lines)"
[ -s "$T/out1" ] || fail "1 thread: no events"
nbad=$(grep -c "^$T/in.jsonl:[0-9]*: " "$T/err1")
[ "$nbad" -eq 20 ] || fail "want 20 rejected lines, got $nbad"
for n in 2 3 0; do
  "$W" code --threads $n "$T/in.jsonl" > "$T/out$n" 2> "$T/err$n"; rc=$?
  [ $rc -eq $rc1 ] || fail "$n threads: exit $rc"
  cmp -s "$T/out1" "$T/out$n" || fail "$n threads: output differs from 1 thread"
  cmp -s "$T/err1" "$T/err$n" || fail "$n threads: stderr differs from 1 thread"
done
"$W" code --format tsv --threads 1 "$T/in.jsonl" > "$T/tsv1" 2> /dev/null
"$W" code --format tsv --threads 2 < "$T/in.jsonl" > "$T/tsv2" 2> /dev/null
cmp -s "$T/tsv1" "$T/tsv2" || fail "TSV: 2 threads over stdin differ from 1"

if command -v sqlite3 > /dev/null 2>&1; then
  "$W" code --quiet --threads 2 --db "$T/t.db" "$T/in.jsonl" 2> /dev/null
  evs=$(sqlite3 "$T/t.db" 'SELECT count(*) FROM events')
  [ "$evs" = "$(wc -l < "$T/out1" | tr -d ' ')" ] || fail "--db with 2 threads stored $evs events"
  docs=$(sqlite3 "$T/t.db" 'SELECT count(*) FROM documents')
  [ "$docs" = 1000 ] || fail "--db with 2 threads stored $docs documents"
fi

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "ok"
