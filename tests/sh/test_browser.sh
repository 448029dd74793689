#!/bin/sh
# test_browser.sh: the dashboard in a real browser (run from the repo root,
# $BUILD set).  Needs Debian's chromium (installed here with apt-get when
# missing and we are root) and playwright-core from web/node_modules (npm ci
# from the registry when missing).  Serves a store coded from
# examples/articles.jsonl (see test_serve_api.sh --make-db) on a free port
# and runs tests/browser/dashboard.test.mjs; the screenshot goes to
# $BUILD/dashboard.png.  Exit 0 pass, 1 fail, 77 skipped (no browser).
set -u
BUILD=${BUILD:-build}
W="$BUILD/wasit"
[ -x "$W" ] || { echo "test_browser: $W not built"; exit 1; }
command -v node >/dev/null 2>&1 || { echo "test_browser: node missing; skipped"; exit 77; }

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test_browser: installing chromium (apt-get)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1
  fi
  [ -x "$CHROMIUM" ] || { echo "test_browser: chromium not installed and cannot be installed; skipped"; exit 77; }
fi
if [ ! -d web/node_modules/playwright-core ]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error) >&2 ||
    { echo "test_browser: npm ci failed (playwright-core); skipped"; exit 77; }
fi

. tests/sh/serve_lib.sh
TMP=$(mktemp -d "${TMPDIR:-/tmp}/wasit-browser.XXXXXX")
cleanup() { serve_kill; rm -rf "$TMP"; }
trap cleanup EXIT INT TERM

src=$(sh tests/sh/test_serve_api.sh --make-db "$TMP/events.db") ||
  { echo "test_browser: cannot make the store"; exit 1; }
echo "store: $src"
serve_start "$TMP/events.db" "$TMP/serve.err" ||
  { echo "test_browser: server did not start"; exit 1; }

mkdir -p "$BUILD"
CHROMIUM="$CHROMIUM" HOME="$TMP" timeout 120 node tests/browser/dashboard.test.mjs \
  "$U/" "$BUILD/dashboard.png"
rc=$?
serve_stop; src_rc=$?
[ $src_rc -eq 0 ] || { echo "test_browser: server exit $src_rc"; rc=1; }
[ $rc -eq 0 ] && echo "test_browser: screenshot $BUILD/dashboard.png"
exit $rc
