# lib.sh: the set-up shared by the shell tests (sourced from the repository
# root as `. tests/sh/lib.sh`): $W is the wasit binary of $BUILD, $T a
# temporary directory removed at exit, and fail() counts a failure in
# $fails without stopping the test; each test ends by checking $fails.
BUILD=${BUILD:-build}
W="$BUILD/wasit"
[ -x "$W" ] || { echo "no $W"; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
