#!/bin/sh
# load.sh: load test of `wasit serve` with wrk (Debian package wrk).
#   sh bench/load.sh [SECONDS] [CONNECTIONS]     (defaults 15 s, 8)
# Builds a store from examples/articles.jsonl (tests/sh/test_serve_api.sh
# --make-db), widens it to about $ROWS events (default 50000) by copying the
# coded events onto later days with the sqlite3 CLI, serves it read-only on
# 127.0.0.1 and runs wrk --latency against /api/events and /api/dyad.
# Prints requests/s and the p99 latency of each.  Run from the repo root
# with $BUILD set (default build).
set -eu
BUILD=${BUILD:-build}
SECS=${1:-15}
CONNS=${2:-8}
ROWS=${ROWS:-50000}
W="$BUILD/wasit"
for t in wrk sqlite3; do
  command -v $t >/dev/null 2>&1 || { echo "load: $t missing (apt-get install $t)"; exit 1; }
done
[ -x "$W" ] || { echo "load: $W not built (make)"; exit 1; }

. tests/sh/serve_lib.sh
TMP=$(mktemp -d "${TMPDIR:-/tmp}/wasit-load.XXXXXX")
cleanup() { serve_kill; rm -rf "$TMP"; }
trap cleanup EXIT INT TERM

DB="$TMP/load.db"
src=$(sh tests/sh/test_serve_api.sh --make-db "$DB")
base=$(sqlite3 "$DB" 'SELECT count(*) FROM events')
copies=$(( (ROWS + base - 1) / base ))
sqlite3 "$DB" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $copies - 1)
INSERT INTO events(doc_id, sentence, date, source, target, source_text, target_text,
  trigger, code, root, quad_class, goldstein, location_name, location_country, lat, lon,
  killed, wounded, mode, pattern)
SELECT e.doc_id, e.sentence, date(e.date, '+' || n.i || ' days'), e.source, e.target,
  e.source_text, e.target_text, e.trigger, e.code, e.root, e.quad_class, e.goldstein,
  e.location_name, e.location_country, e.lat, e.lon, e.killed, e.wounded, e.mode, e.pattern
FROM events e, n WHERE length(e.date) = 10;
ANALYZE;
SQL
total=$(sqlite3 "$DB" 'SELECT count(*) FROM events')
echo "load: store from $src: $total events ($base coded, copied onto later days)"

serve_start "$DB" "$TMP/serve.err" || { echo "load: server did not start"; exit 1; }

run() {
  name=$1; path=$2
  code=$(curl -s -o /dev/null -w '%{http_code}' "$U$path")
  [ "$code" = 200 ] || { echo "load: $path answers $code"; exit 1; }
  wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$U$path" >"$TMP/$name.out"
  rps=$(sed -n 's/^Requests\/sec:[[:space:]]*//p' "$TMP/$name.out")
  p99=$(sed -n 's/^[[:space:]]*99%[[:space:]]*//p' "$TMP/$name.out")
  errs=$(grep -E 'Non-2xx|Socket errors' "$TMP/$name.out" | tr '\n' ' ')
  printf '%-44s %10s req/s   p99 %8s   %s\n' "$path" "$rps" "$p99" "$errs"
}
echo "load: wrk -t2 -c$CONNS -d${SECS}s on $U"
run page "/style.css"
run events "/api/events?actor=ARM&limit=100"
run events_dyad "/api/events?dyad=ARM,AZE&from=2022-09-01&to=2022-12-31&limit=100"
run dyad "/api/dyad?a=ARM&b=AZE&by=month"
run dyad_week "/api/dyad?a=ARM&b=AZE&by=week&from=2022-09-01&to=2023-12-31"
