#!/bin/sh
# test_crash_resume.sh: `wasit code --db` killed with SIGKILL in the middle
# of an ingest, then run again with the same command, leaves a store with
# exactly the expected documents (none missing, none twice) and the same
# events as one clean run: documents are committed in batches and
# re-ingesting a document replaces its rows.  Needs the sqlite3 CLI.
set -u
command -v sqlite3 > /dev/null 2>&1 || { echo "sqlite3 CLI missing (tools/deps.sh)"; exit 77; }
. tests/sh/lib.sh
count() { sqlite3 "$1" "$2" 2> /dev/null || echo 0; }

${CC:-cc} -std=c11 -O2 -o "$T/gencorpus" bench/gencorpus.c || exit 1

killed=0
for docs in 2000 8000 30000; do
  rm -f "$T"/crash.db*
  "$T/gencorpus" --docs $docs --seed 11 > "$T/in.jsonl"
  "$W" code --quiet --db "$T/crash.db" "$T/in.jsonl" &
  pid=$!
  i=0
  while [ $i -lt 3000 ] && kill -0 $pid 2> /dev/null; do
    c=$(count "$T/crash.db" 'SELECT count(*) FROM documents')
    if [ "${c:-0}" -gt 0 ] 2> /dev/null; then
      kill -KILL $pid 2> /dev/null && killed=1
      break
    fi
    sleep 0.01
    i=$((i + 1))
  done
  wait $pid 2> /dev/null
  st=$?
  if [ $killed -eq 1 ] && [ $st -eq 137 ]; then
    partial=$(count "$T/crash.db" 'SELECT count(*) FROM documents')
    if [ "$partial" -lt "$docs" ]; then break; fi
  fi
  killed=0
  echo "note: ingest of $docs documents finished before the kill; trying more"
done
[ $killed -eq 1 ] || { echo "could not kill wasit mid-ingest"; exit 1; }
echo "killed after $partial of $docs documents were committed"

"$W" code --quiet --db "$T/crash.db" "$T/in.jsonl"; rc=$?
[ $rc -eq 0 ] || fail "resume run: exit $rc"
"$W" code --quiet --db "$T/clean.db" "$T/in.jsonl"; rc=$?
[ $rc -eq 0 ] || fail "clean run: exit $rc"

[ "$(count "$T/crash.db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
n=$(count "$T/crash.db" 'SELECT count(*) FROM documents')
nd=$(count "$T/crash.db" 'SELECT count(DISTINCT id) FROM documents')
[ "$n" = "$docs" ] || fail "store has $n documents, want $docs"
[ "$nd" = "$docs" ] || fail "store has $nd distinct documents, want $docs"
e1=$(count "$T/crash.db" 'SELECT count(*) FROM events')
e2=$(count "$T/clean.db" 'SELECT count(*) FROM events')
[ "$e1" = "$e2" ] || fail "events: $e1 after crash+resume, $e2 clean"
[ "$e2" -gt 0 ] || fail "no events stored"
q="SELECT doc_id, sentence, code, source, ifnull(target,''), ifnull(date,'') FROM events ORDER BY 1,2,3,4,5,6"
sqlite3 "$T/crash.db" "$q" > "$T/ev1"
sqlite3 "$T/clean.db" "$q" > "$T/ev2"
cmp -s "$T/ev1" "$T/ev2" || fail "stored events differ from a clean run"
s1=$(count "$T/crash.db" 'SELECT count(*) FROM sentences')
s2=$(count "$T/clean.db" 'SELECT count(*) FROM sentences')
[ "$s1" = "$s2" ] || fail "sentences: $s1 after crash+resume, $s2 clean"

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "ok"
