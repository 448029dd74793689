#!/bin/sh
# run.sh: run every test binary in $BUILD/tests and every tests/sh/test_*.sh,
# then print one closing line "tests: N passed, N failed".
# A cmocka binary's counts come from its own summary lines; a shell test
# counts as one test (exit 0 = pass, 77 = skipped).
BUILD=${BUILD:-build}
export BUILD
pass=0; fail=0; skip=0; failed_names=""
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  out=$("$t" 2>&1); rc=$?
  printf '%s\n' "$out"
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n1)
  p=${p:-0}; f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed
  pass=$((pass + p)); fail=$((fail + f))
  [ "$f" -gt 0 ] && failed_names="$failed_names $(basename "$t")"
done
for s in tests/sh/test_*.sh; do
  [ -f "$s" ] || continue
  out=$(sh "$s" 2>&1); rc=$?
  name=$(basename "$s")
  if [ $rc -eq 0 ]; then pass=$((pass + 1)); echo "[       OK ] $name";
  elif [ $rc -eq 77 ]; then skip=$((skip + 1)); echo "[ SKIPPED  ] $name"; printf '%s\n' "$out" | tail -n 3;
  else fail=$((fail + 1)); failed_names="$failed_names $name"; echo "[  FAILED  ] $name"; printf '%s\n' "$out" | tail -n 30; fi
done
[ -n "$failed_names" ] && echo "failed:$failed_names"
echo "tests: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
