#!/bin/sh
# test_code_cli.sh: options and outputs of `wasit code`: --help, stdin and
# "-", JSONL vs TSV (header, column count, same events), --quiet, .txt
# documents, --db (nothing on stdout, every document stored), dictionary
# errors (FILE:LINE:, exit 1, input untouched), no progress without a tty.
# The Arabic sentences are news-style sentences written for this test.
set -u
. tests/sh/lib.sh

cat > "$T/in.jsonl" <<'JSON'
{"id":"ahram-1","date":"2023-10-08","title":"غزة","text":"قصفت طائرات حربية إسرائيلية مواقع في قطاع غزة فجر الأحد، ما أدى إلى مقتل 20 شخصا وإصابة 45 آخرين."}
{"id":"petra-2","date":"2024-01-15","text":"استقبل العاهل الأردني الملك عبد الله الثاني وزير الخارجية الأمريكي أنتوني بلينكن في عمان.\nوبحث الجانبان الأوضاع في المنطقة."}
{"id":"sana-3","date":"2021-06-10","text":"تظاهر آلاف السودانيين في الخرطوم للمطالبة بحكم مدني، واعتقلت الشرطة عددا من المحتجين."}
{"id":"qna-4","date":"2023-11-24","text":"أعلنت قطر أن هدنة إنسانية بين إسرائيل وحركة حماس ستبدأ صباح الجمعة، وأفرجت حماس عن 13 رهينة."}
JSON

# --help: usage on stdout, exit 0
"$W" code --help > "$T/help" 2>&1; rc=$?
[ $rc -eq 0 ] || fail "--help exit $rc"
grep -q -- "--threads" "$T/help" || fail "--help does not list --threads"

# file, stdin, and "-" give the same JSONL
"$W" code "$T/in.jsonl" > "$T/a.jsonl" 2> "$T/a.err"; rc=$?
[ $rc -eq 0 ] || fail "file: exit $rc: $(cat "$T/a.err")"
[ -s "$T/a.jsonl" ] || fail "no events for the news sentences"
"$W" code < "$T/in.jsonl" > "$T/b.jsonl" 2> /dev/null
cmp -s "$T/a.jsonl" "$T/b.jsonl" || fail "stdin differs from file"
"$W" code - < "$T/in.jsonl" > "$T/c.jsonl" 2> /dev/null
cmp -s "$T/a.jsonl" "$T/c.jsonl" || fail "'-' differs from file"
n=$(wc -l < "$T/a.jsonl" | tr -d ' ')
grep -qx "wasit: 4 documents read, 4 coded, 0 rejected, $n events" "$T/a.err" ||
  fail "summary: $(cat "$T/a.err")"

# JSONL keys in the documented order, every line
keys='^{"doc_id":.*,"sentence":[0-9]*,"date":.*,"source":.*,"target":.*,"source_text":.*,"target_text":.*,"trigger":.*,"code":"[0-9]*","root":"[0-9][0-9]","quad_class":[1-4],"goldstein":-\{0,1\}[0-9]*\.[0-9],"location":.*,"killed":.*,"wounded":.*,"mode":\[.*\],"text":.*,"pattern":.*}$'
bad=$(grep -vc "$keys" "$T/a.jsonl")
[ "$bad" -eq 0 ] || fail "$bad JSONL lines out of the documented key order"

# TSV: header, 18 columns per line, one line per JSONL event
"$W" code --format tsv "$T/in.jsonl" > "$T/a.tsv" 2> /dev/null
printf 'doc_id\tsentence\tdate\tsource\ttarget\tsource_text\ttarget_text\ttrigger\tcode\troot\tquad_class\tgoldstein\tlocation\tkilled\twounded\tmode\ttext\tpattern\n' > "$T/header"
head -n 1 "$T/a.tsv" | cmp -s - "$T/header" || fail "TSV header"
[ "$(($(wc -l < "$T/a.tsv") - 1))" -eq "$n" ] || fail "TSV line count"
awk -F '\t' 'NF != 18 { bad++ } END { exit bad > 0 }' "$T/a.tsv" || fail "TSV column count"
"$W" code --format=tsv "$T/in.jsonl" 2> /dev/null | cmp -s - "$T/a.tsv" || fail "--format=tsv"
# the same doc ids and codes in both formats
sed 's/^{"doc_id":"\([^"]*\)".*"code":"\([0-9]*\)".*/\1 \2/' "$T/a.jsonl" > "$T/k1"
tail -n +2 "$T/a.tsv" | awk -F '\t' '{ print $1, $9 }' > "$T/k2"
cmp -s "$T/k1" "$T/k2" || fail "JSONL and TSV disagree on doc ids/codes"

# --quiet: no summary, nothing else on stderr
"$W" code --quiet "$T/in.jsonl" > /dev/null 2> "$T/q.err"
[ -s "$T/q.err" ] && fail "--quiet printed: $(cat "$T/q.err")"

# no progress line when stderr is not a terminal (only the summary)
[ "$(wc -l < "$T/a.err")" -eq 1 ] || fail "stderr has more than the summary"
if LC_ALL=C grep -q "$(printf '\r')" "$T/a.err"; then fail "progress on a non-tty"; fi

# with stderr on a terminal (script(1) gives a pty) stdout is unchanged:
# the progress line never reaches stdout
if command -v script > /dev/null 2>&1; then
  script -qec "'$W' code '$T/in.jsonl' > '$T/tty.jsonl'" "$T/typescript" > /dev/null 2>&1
  cmp -s "$T/tty.jsonl" "$T/a.jsonl" || fail "stdout differs when stderr is a tty"
  grep -q "4 documents read" "$T/typescript" || fail "summary missing on the tty"
fi

# a .txt file is one document named after the file
printf '%s\n\n%s\n' 'قصفت طائرات حربية إسرائيلية مواقع في قطاع غزة فجر الأحد.' \
  'تظاهر آلاف السودانيين في الخرطوم للمطالبة بحكم مدني.' > "$T/khabar-7.txt"
"$W" code "$T/khabar-7.txt" > "$T/txt.out" 2> "$T/txt.err"; rc=$?
[ $rc -eq 0 ] || fail ".txt exit $rc"
grep -q "1 documents read, 1 coded" "$T/txt.err" || fail ".txt summary: $(cat "$T/txt.err")"
if [ -s "$T/txt.out" ]; then
  other=$(grep -vc '^{"doc_id":"khabar-7.txt"' "$T/txt.out")
  [ "$other" -eq 0 ] || fail ".txt doc_id is not the file name"
fi

# --db: nothing on stdout, every document stored, events counted
if command -v sqlite3 > /dev/null 2>&1; then
  "$W" code --db "$T/s.db" "$T/in.jsonl" > "$T/db.out" 2> "$T/db.err"; rc=$?
  [ $rc -eq 0 ] || fail "--db exit $rc: $(cat "$T/db.err")"
  [ -s "$T/db.out" ] && fail "--db wrote to stdout"
  docs=$(sqlite3 "$T/s.db" 'SELECT count(*) FROM documents')
  evs=$(sqlite3 "$T/s.db" 'SELECT count(*) FROM events')
  [ "$docs" = 4 ] || fail "--db stored $docs documents"
  [ "$evs" = "$n" ] || fail "--db stored $evs events, stdout run had $n"
  # again: replaced, not duplicated
  "$W" code --quiet --db "$T/s.db" "$T/in.jsonl" 2> /dev/null
  [ "$(sqlite3 "$T/s.db" 'SELECT count(*) FROM events')" = "$n" ] || fail "re-ingest duplicated events"
else
  echo "note: sqlite3 CLI missing; --db checks skipped"
fi

# dictionary errors: FILE:LINE: reason, exit 1, nothing coded
D=$(sed -n 's/^#define WASIT_TEST_DICT "\(.*\)"/\1/p' tests/testutil.h)
D=${WASIT_DICT:-$D}
mkdir -p "$T/dict"
cp -r "$D"/. "$T/dict/"
printf '0999 | not-a-number | broken line\n' >> "$T/dict/cameo.txt"
line=$(wc -l < "$T/dict/cameo.txt" | tr -d ' ')
"$W" code --dict "$T/dict" "$T/in.jsonl" > "$T/d.out" 2> "$T/d.err"; rc=$?
[ $rc -eq 1 ] || fail "dict error: exit $rc"
[ -s "$T/d.out" ] && fail "dict error: output written"
grep -q "cameo.txt:$line: " "$T/d.err" || fail "dict error not FILE:LINE: $(cat "$T/d.err")"
grep -q "documents read" "$T/d.err" && fail "dict error: input was read"
"$W" code --dict "$T/no-such-dict" "$T/in.jsonl" > /dev/null 2> "$T/d2.err"; rc=$?
[ $rc -eq 1 ] || fail "missing dict dir: exit $rc"

# unknown options are usage errors
"$W" code --frobnicate > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "unknown option: exit $rc"

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "ok"
