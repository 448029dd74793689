#!/bin/sh
# test_bad_input.sh: the bad-input contract of `wasit code`.
# A file mixing good records with broken JSON, a non-object, a missing id,
# a missing text, a mistyped id, a bad date and a blank line: every bad
# line gives one stderr line FILE:LINE: reason, the good records give
# exactly the bytes they give when coded alone (invalid UTF-8 inside a
# string is coded, repaired to U+FFFD), exit status 1, one summary line.
# Also: CRLF, an empty file, no final newline, a 10 MB line, usage errors.
# The Arabic sentences are news-style sentences written for this test.
set -u
. tests/sh/lib.sh

G1='{"id":"hamas-2023-10-07","date":"2023-10-07","text":"شنت حركة حماس هجوما واسعا على بلدات إسرائيلية قرب قطاع غزة صباح السبت."}'
G2='{"id":"ukr-2022-02-24","date":"2022-02-24","text":"أعلن الرئيس الروسي فلاديمير بوتين بدء عملية عسكرية في أوكرانيا، وقصفت القوات الروسية مطارات أوكرانية فجر الخميس."}'
G3='{"id":"nk-2020-09-27","date":"2020-09-27","title":"قره باغ","text":"قصف الجيش الأذربيجاني مواقع للجيش الأرميني في إقليم ناغورنو كاراباخ، ما أدى إلى مقتل 16 جنديا."}'
G4='{"id":"sdn-2023-04-15","date":"2023-04-15","text":"اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في الخرطوم.\nواتهم الجيش السوداني قوات الدعم السريع بمهاجمة مقار عسكرية."}'
G5='{"id":"bey-2020-08-05","date":"2020-08-05","url":"https://news.example/bey","text":"أدان الأمين العام للأمم المتحدة الانفجار الذي وقع في مرفأ بيروت، وأرسلت فرنسا مساعدات طبية إلى لبنان."}'
# invalid UTF-8 (a lone 0xFF byte) inside the JSON string
G6=$(printf '{"id":"egy-jor","date":"2023-03-12","text":"التقى وزير الخارجية المصري \377 نظيره الأردني أيمن الصفدي في عمان."}')

{
  printf '%s\n' "$G1"                                                  # 1
  printf '%s\n' '{"id":"broken","text":"قصفت طائرات حربية مواقع'       # 2
  printf '%s\n' "$G2"                                                  # 3
  printf '%s\n' '["ليس كائنا"]'                                        # 4
  printf '%s\n' '{"text":"تظاهر آلاف السودانيين في الخرطوم."}'         # 5
  printf '%s\n' "$G3"                                                  # 6
  printf '%s\n' '{"id":"no-text","date":"2023-01-01"}'                 # 7
  printf '%s\n' '{"id":42,"text":"تظاهر آلاف السودانيين في الخرطوم."}' # 8
  printf '\n'                                                          # 9
  printf '%s\n' '{"id":"d","date":"07/10/2023","text":"تظاهر آلاف."}'  # 10
  printf '%s\n' "$G4"                                                  # 11
  printf '%s\n' "$G6"                                                  # 12
  printf '%s\n' "$G5"                                                  # 13
} > "$T/mixed.jsonl"

# expected: each good record coded alone, in order
: > "$T/expect"
n=0
for g in "$G1" "$G2" "$G3" "$G4" "$G6" "$G5"; do
  n=$((n + 1))
  printf '%s\n' "$g" > "$T/alone$n.jsonl"
  "$W" code --quiet "$T/alone$n.jsonl" > "$T/alone$n.out" 2> "$T/alone$n.err"
  rc=$?
  [ $rc -eq 0 ] || fail "good record $n alone: exit $rc: $(cat "$T/alone$n.err")"
  cat "$T/alone$n.out" >> "$T/expect"
done
[ -s "$T/expect" ] || fail "the good records gave no events at all"

"$W" code "$T/mixed.jsonl" > "$T/out" 2> "$T/err"
rc=$?
[ $rc -eq 1 ] || fail "mixed: exit $rc, want 1"
cmp -s "$T/out" "$T/expect" || fail "mixed: good records coded differently than alone"
for line in 2 4 5 7 8 10; do
  grep -q "^$T/mixed.jsonl:$line: " "$T/err" || fail "no stderr line for line $line"
done
nerr=$(grep -c "^$T/mixed.jsonl:[0-9]*: " "$T/err")
[ "$nerr" -eq 6 ] || fail "want 6 error lines, got $nerr"
grep -q "^$T/mixed.jsonl:2: invalid JSON" "$T/err" || fail "line 2 reason"
grep -q "^$T/mixed.jsonl:4: record is not a JSON object" "$T/err" || fail "line 4 reason"
grep -q "^$T/mixed.jsonl:5: missing \"id\"" "$T/err" || fail "line 5 reason"
grep -q "^$T/mixed.jsonl:7: missing \"text\"" "$T/err" || fail "line 7 reason"
grep -q "^$T/mixed.jsonl:8: \"id\" is not a string" "$T/err" || fail "line 8 reason"
grep -q "^$T/mixed.jsonl:10: \"date\" is not a YYYY-MM-DD" "$T/err" || fail "line 10 reason"
ev=$(wc -l < "$T/expect" | tr -d ' ')
grep -qx "wasit: 12 documents read, 6 coded, 6 rejected, $ev events" "$T/err" ||
  fail "summary: $(tail -n 1 "$T/err")"

# invalid UTF-8 was coded; any sentence text we print from it is repaired
if [ -s "$T/alone5.out" ]; then
  grep -q "$(printf '\357\277\275')" "$T/alone5.out" || fail "no U+FFFD in the repaired record"
  if LC_ALL=C grep -q "$(printf '\377')" "$T/alone5.out"; then fail "raw 0xFF in output"; fi
fi

# CRLF line ends and a missing final newline give the same events
grep -a -v '^$' "$T/mixed.jsonl" | sed 's/$/\r/' > "$T/crlf.jsonl"
"$W" code --quiet "$T/crlf.jsonl" > "$T/crlf.out" 2> /dev/null
cmp -s "$T/crlf.out" "$T/expect" || fail "CRLF file coded differently"
printf '%s\n%s\n%s' "$G1" "$G2" "$G3" > "$T/nofinal.jsonl"
cat "$T/alone1.out" "$T/alone2.out" "$T/alone3.out" > "$T/expect3"
"$W" code --quiet "$T/nofinal.jsonl" > "$T/nofinal.out" 2> "$T/nofinal.err"
rc=$?
[ $rc -eq 0 ] || fail "no final newline: exit $rc"
cmp -s "$T/nofinal.out" "$T/expect3" || fail "no final newline: different events"

# an empty file: nothing out, exit 0
: > "$T/empty.jsonl"
"$W" code "$T/empty.jsonl" > "$T/empty.out" 2> "$T/empty.err"
rc=$?
[ $rc -eq 0 ] || fail "empty file: exit $rc"
[ -s "$T/empty.out" ] && fail "empty file: output"
grep -qx "wasit: 0 documents read, 0 coded, 0 rejected, 0 events" "$T/empty.err" ||
  fail "empty file summary: $(cat "$T/empty.err")"

# a 10 MB line between two good records
{
  printf '%s\n' "$G1"
  printf '{"id":"big","date":"2023-10-08","text":"'
  yes 'قصفت طائرات حربية مواقع في قطاع غزة.' | head -n 200000 | tr '\n' ' '
  printf '"}\n'
  printf '%s\n' "$G2"
} > "$T/big.jsonl"
size=$(wc -c < "$T/big.jsonl")
[ "$size" -gt 10000000 ] || fail "big line is only $size bytes"
"$W" code "$T/big.jsonl" > "$T/big.out" 2> "$T/big.err"
rc=$?
[ $rc -eq 0 ] || fail "10 MB line: exit $rc: $(head -c 300 "$T/big.err")"
grep -q "^wasit: 3 documents read, 3 coded, 0 rejected, " "$T/big.err" ||
  fail "10 MB line summary: $(tail -n 1 "$T/big.err")"
head -n "$(wc -l < "$T/alone1.out")" "$T/big.out" | cmp -s - "$T/alone1.out" ||
  fail "10 MB line: first record changed"

# unreadable file among good ones: reported, counted, the rest coded
"$W" code "$T/nonexistent.jsonl" "$T/alone1.jsonl" > "$T/nf.out" 2> "$T/nf.err"
rc=$?
[ $rc -eq 1 ] || fail "missing file: exit $rc"
grep -q "^$T/nonexistent.jsonl: " "$T/nf.err" || fail "missing file not named"
cmp -s "$T/nf.out" "$T/alone1.out" || fail "missing file: other file not coded"

# usage errors exit 2 and read nothing
"$W" code --format xml "$T/mixed.jsonl" > "$T/u.out" 2> "$T/u.err"
rc=$?
[ $rc -eq 2 ] || fail "--format xml: exit $rc"
[ -s "$T/u.out" ] && fail "usage error wrote output"
"$W" code --threads > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--threads without value: exit $rc"
"$W" code --threads -3 "$T/mixed.jsonl" > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--threads -3: exit $rc"

[ $fails -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "ok"
