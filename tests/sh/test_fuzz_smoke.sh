#!/bin/sh
# test_fuzz_smoke.sh: build the libFuzzer targets (mk/fuzz.mk) and run each
# for FUZZ_SMOKE_SECONDS (default 10) from its seed corpus in fuzz/corpus/.
# Any crash, leak, sanitizer report or timeout fails the test; the crashing
# input is kept in $BUILD/fuzz/.  Skipped (77) when clang cannot build a
# fuzzer here.  The sanitizer pass (BUILD=.../asan) reuses the fuzzers of
# the plain build: they are ASan/UBSan builds already.
set -u
BUILD=${BUILD:-build}
FB=${BUILD%/asan}
SECS=${FUZZ_SMOKE_SECONDS:-10}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' > "$T/probe.c"
if ! ${FUZZ_CC:-clang} -fsanitize=fuzzer,address,undefined -o "$T/probe" "$T/probe.c" > /dev/null 2>&1; then
  echo "clang cannot build libFuzzer targets here (clang, libclang-rt-14-dev)"
  exit 77
fi
if ! make --no-print-directory -s BUILD="$FB" fuzz-build > "$T/build.log" 2>&1; then
  tail -n 20 "$T/build.log"
  echo "FAIL: building the fuzzers"
  exit 1
fi

fails=0
for t in fuzz_reader fuzz_text fuzz_coder fuzz_dict; do
  mkdir -p "$T/corpus-$t"
  "$FB/fuzz/$t" -max_total_time="$SECS" -max_len=16384 -timeout=10 \
    -rss_limit_mb=1024 -artifact_prefix="$T/crash-$t-" \
    "$T/corpus-$t" "fuzz/corpus/$t" > "$T/$t.log" 2>&1
  rc=$?
  runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$T/$t.log")
  if [ $rc -ne 0 ] || [ -z "$runs" ]; then
    fails=$((fails + 1))
    echo "FAIL: $t (exit $rc)"
    grep -E '==[0-9]+==|SUMMARY|runtime error|Test unit written' "$T/$t.log" | head -n 15
    for c in "$T"/crash-$t-*; do
      [ -f "$c" ] && cp "$c" "$FB/fuzz/" && echo "input kept: $FB/fuzz/$(basename "$c")"
    done
  else
    echo "$t: $runs runs in $SECS s, no crash"
  fi
done
[ $fails -eq 0 ] || exit 1
echo "ok"
