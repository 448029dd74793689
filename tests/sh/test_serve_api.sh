#!/bin/sh
# test_serve_api.sh: `wasit serve` over HTTP (run from the repo root, $BUILD
# set).  Starts the server on a free port of 127.0.0.1 over a store coded
# from examples/*.jsonl and examples/*.txt (or, while `wasit code --db` cannot code,
# over a store made with the sqlite3 CLI from a few hand-written events),
# then checks every endpoint's JSON, the 400/404/405/414 answers, headers
# (charset, CSP), path traversal, that the store stays untouched and is
# open read-only, and a clean stop on SIGTERM.
# Exit 0 = pass, 1 = fail, 77 = skipped (no curl/python3).
# `sh tests/sh/test_serve_api.sh --make-db FILE` only makes that store and
# prints "pipeline" or "fixture" (used by test_browser.sh and bench/load.sh).
set -u
BUILD=${BUILD:-build}
W="$BUILD/wasit"
MAKE_DB=""
[ "${1:-}" = "--make-db" ] && MAKE_DB=${2:?--make-db needs a file}
for t in curl python3; do
  command -v $t >/dev/null 2>&1 || { echo "test_serve_api: $t missing; skipped"; exit 77; }
done
[ -x "$W" ] || { echo "test_serve_api: $W not built"; exit 1; }

. tests/sh/serve_lib.sh
TMP=$(mktemp -d "${TMPDIR:-/tmp}/wasit-serve.XXXXXX")
cleanup() {
  serve_kill
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
fails=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }

# ------------------------------------------------------------ the store
DB="$TMP/events.db"
SOURCE=pipeline
if ! "$W" code --db "$DB" examples/*.jsonl examples/*.txt >"$TMP/code.out" 2>"$TMP/code.err" ||
   [ "$(sqlite3 "$DB" 'SELECT count(*) FROM events' 2>/dev/null)" = "0" ]; then
  # Fallback until the coder pipeline works: the store schema of
  # src/store/schema.c with hand-coded events from September-October 2022
  # (Armenia-Azerbaijan) and January 2022 (Kazakhstan).
  SOURCE=fixture
  rm -f "$DB" "$DB-wal" "$DB-shm"
  command -v sqlite3 >/dev/null 2>&1 || { echo "test_serve_api: no pipeline and no sqlite3; skipped"; exit 77; }
  sqlite3 "$DB" <<'EOF' || { echo "test_serve_api: fixture failed"; exit 1; }
CREATE TABLE documents(id TEXT PRIMARY KEY, date TEXT, title TEXT, url TEXT, text TEXT);
CREATE TABLE sentences(id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, idx INTEGER NOT NULL,
  text TEXT, normalized TEXT, date TEXT, UNIQUE(doc_id, idx));
CREATE VIRTUAL TABLE sentences_fts USING fts5(normalized, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, normalized) VALUES (new.id, new.normalized); END;
CREATE TABLE events(id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, sentence INTEGER, date TEXT,
  source TEXT NOT NULL, target TEXT, source_text TEXT, target_text TEXT, trigger TEXT,
  code TEXT NOT NULL, root TEXT, quad_class INTEGER, goldstein REAL, location_name TEXT,
  location_country TEXT, lat REAL, lon REAL, killed INTEGER, wounded INTEGER,
  mode INTEGER NOT NULL DEFAULT 0, pattern TEXT);
CREATE VIEW events_dedup AS SELECT e.*, g.reports, g.doc_ids FROM
  (SELECT MIN(id) AS first_id, COUNT(*) AS reports, json_group_array(DISTINCT doc_id) AS doc_ids
   FROM events GROUP BY date, source, target, code) AS g JOIN events e ON e.id = g.first_id;
INSERT INTO documents VALUES
 ('arm-aze-0913','2022-09-13','قصف على الحدود الأرمينية','https://example.org/a1',
  'قصفت القوات الأذربيجانية بلدة جيرموك الأرمينية بالمدفعية فجر الثلاثاء. واتهمت وزارة الدفاع الأرمينية أذربيجان بخرق وقف إطلاق النار.'),
 ('arm-aze-0921','2022-09-21','اتفاق على عدم اللجوء إلى القوة','https://example.org/a2',
  'اتفقت أرمينيا وأذربيجان على عدم اللجوء إلى القوة بعد محادثات بوساطة روسية.'),
 ('arm-aze-1006','2022-10-06','لقاء في براغ','https://example.org/a3',
  'التقى رئيس الوزراء الأرميني نيكول باشينيان الرئيس الأذربيجاني إلهام علييف في براغ.'),
 ('kaz-0106','2022-01-06','قوات حفظ سلام في كازاخستان','https://example.org/k1',
  'أرسلت روسيا قوات حفظ سلام إلى كازاخستان بطلب من الرئيس قاسم جومارت توكاييف.');
INSERT INTO sentences(doc_id, idx, text, normalized, date) VALUES
 ('arm-aze-0913',0,'قصفت القوات الأذربيجانية بلدة جيرموك الأرمينية بالمدفعية فجر الثلاثاء.','قصفت القوات الاذربيجانيه بلده جيرموك الارمينيه بالمدفعيه فجر الثلاثاء','2022-09-13'),
 ('arm-aze-0913',1,'واتهمت وزارة الدفاع الأرمينية أذربيجان بخرق وقف إطلاق النار.','واتهمت وزاره الدفاع الارمينيه اذربيجان بخرق وقف اطلاق النار','2022-09-13'),
 ('arm-aze-0921',0,'اتفقت أرمينيا وأذربيجان على عدم اللجوء إلى القوة بعد محادثات بوساطة روسية.','اتفقت ارمينيا واذربيجان علي عدم اللجوء الي القوه بعد محادثات بوساطه روسيه','2022-09-21'),
 ('arm-aze-1006',0,'التقى رئيس الوزراء الأرميني نيكول باشينيان الرئيس الأذربيجاني إلهام علييف في براغ.','التقي رئيس الوزراء الارميني نيكول باشينيان الرئيس الاذربيجاني الهام علييف في براغ','2022-10-06'),
 ('kaz-0106',0,'أرسلت روسيا قوات حفظ سلام إلى كازاخستان بطلب من الرئيس قاسم جومارت توكاييف.','ارسلت روسيا قوات حفظ سلام الي كازاخستان بطلب من الرئيس قاسم جومارت توكاييف','2022-01-06');
INSERT INTO events(doc_id, sentence, date, source, target, source_text, target_text, trigger,
  code, root, quad_class, goldstein, location_name, location_country, lat, lon, mode, pattern) VALUES
 ('arm-aze-0913',0,'2022-09-13','AZEMIL','ARM','القوات الأذربيجانية','الأرمينية','قصفت','195','19',4,-10.0,'جيرموك','ARM',39.84,45.67,0,'fixture'),
 ('arm-aze-0913',1,'2022-09-13','ARMGOV','AZE','وزارة الدفاع الأرمينية','أذربيجان','اتهمت','112','11',3,-2.0,NULL,NULL,NULL,NULL,1,'fixture'),
 ('arm-aze-0921',0,'2022-09-21','ARM','AZE','أرمينيا','أذربيجان','اتفقت','057','05',1,8.0,NULL,NULL,NULL,NULL,0,'fixture'),
 ('arm-aze-1006',0,'2022-10-06','ARMGOV','AZEGOV','رئيس الوزراء الأرميني','الرئيس الأذربيجاني','التقى','043','04',1,2.8,'براغ','CZE',50.08,14.43,0,'fixture'),
 ('kaz-0106',0,'2022-01-06','RUS','KAZ','روسيا','كازاخستان','أرسلت','074','07',2,8.5,'ألماتي','KAZ',43.24,76.95,0,'fixture');
PRAGMA user_version = 1;
EOF
fi
if [ -n "$MAKE_DB" ]; then
  cp "$DB" "$MAKE_DB" && echo "$SOURCE"
  exit $?
fi
echo "store: $SOURCE ($(sqlite3 "$DB" 'SELECT count(*) FROM events') events)"
sum_before=$(cksum <"$DB")

# ------------------------------------------------------------ the server
serve_start "$DB" "$TMP/serve.err" || { echo "FAIL server did not start"; exit 1; }
ok "serving on $U"

# get PATH FILE: body to FILE, headers to FILE.h; prints the status code.
get() {
  curl -s --path-as-is -o "$2" -D "$2.h" -w '%{http_code}' "$U$1"
}
# sec_headers FILE: the header dump FILE has every security header wasit
# adds to its responses (src/serve/server.c); else sets $sec_missing.
sec_headers() {
  for h in "content-security-policy: default-src 'self'" \
           "x-content-type-options: nosniff" "referrer-policy: no-referrer"; do
    grep -qi "^$h" "$1" || { sec_missing="no $h"; return 1; }
  done
}
# expect STATUS PATH NAME: GET PATH answers STATUS with a JSON body
# (an {"error": ...} object when STATUS is not 200), with charset and the
# security headers.
n=0
expect() {
  n=$((n + 1))
  code=$(get "$2" "$TMP/r$n")
  if [ "$code" != "$1" ]; then bad "$3: $2 gave $code, want $1"; return; fi
  if ! grep -qi '^content-type: .*charset=utf-8' "$TMP/r$n.h"; then bad "$3: no charset"; return; fi
  if ! sec_headers "$TMP/r$n.h"; then bad "$3: $sec_missing"; return; fi
  if [ "$1" != 200 ] && ! python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d["error"], str) and d["error"]' "$TMP/r$n" 2>/dev/null; then
    bad "$3: no JSON error body"; return
  fi
  ok "$3 ($1)"
}

# Each JSON endpoint answers 200 with valid JSON of the documented shape.
expect 200 "/api/events?dyad=ARM,AZE&limit=1000" "events dyad"
cp "$TMP/r$n" "$TMP/dyad_events.json"
expect 200 "/api/events?actor=ARM&limit=1000" "events actor"
cp "$TMP/r$n" "$TMP/arm_events.json"
expect 200 "/api/events?actor=ARM&limit=2&offset=1" "events page"
cp "$TMP/r$n" "$TMP/arm_page.json"
expect 200 "/api/events?dyad=ARM,AZE&from=2022-09-01&to=2022-09-30&limit=1000" "events date range"
cp "$TMP/r$n" "$TMP/dyad_sept.json"
expect 200 "/api/dyad?a=ARM&b=AZE&by=month" "dyad by month"
cp "$TMP/r$n" "$TMP/dyad_month.json"
expect 200 "/api/dyad?a=ARM&b=AZE&by=day" "dyad by day"
cp "$TMP/r$n" "$TMP/dyad_day.json"
# text= searches the normalized sentences: U+0623 hamza form in the query
# (أذربيجان, Azerbaijan) must find the stored text either way.
expect 200 "/api/events?text=%D8%A3%D8%B0%D8%B1%D8%A8%D9%8A%D8%AC%D8%A7%D9%86&limit=1000" "events text search"
cp "$TMP/r$n" "$TMP/text.json"
expect 200 "/api/events?actor=ARM&dedup=1&limit=1000" "events dedup"
cp "$TMP/r$n" "$TMP/dedup.json"
expect 200 "/api/actors" "actors"
cp "$TMP/r$n" "$TMP/actors.json"
expect 200 "/api/stats" "stats"
cp "$TMP/r$n" "$TMP/stats.json"

# Consistency between endpoints (holds for any store).
if python3 - "$TMP" <<'EOF'
import json, sys, os
d = sys.argv[1]
J = lambda f: json.load(open(os.path.join(d, f)))
dy, arm, page, sept = J("dyad_events.json"), J("arm_events.json"), J("arm_page.json"), J("dyad_sept.json")
month, day, actors, stats = J("dyad_month.json"), J("dyad_day.json"), J("actors.json"), J("stats.json")
pair = lambda e: (e["source"][:3], (e["target"] or "")[:3])
assert dy["total"] > 0, "no ARM-AZE events in the store"
assert dy["total"] == len(dy["events"]), "dyad total != rows"
for e in dy["events"]:
    assert set(pair(e)) == {"ARM", "AZE"}, ("dyad row", e["source"], e["target"])
    assert e["text"] and e["trigger"] and e["doc_id"], "event lacks sentence/trigger/doc"
for e in arm["events"]:
    assert e["source"].startswith("ARM") or (e["target"] or "").startswith("ARM"), e
assert arm["total"] >= dy["total"], "actor ARM has fewer events than dyad ARM-AZE"
assert page["total"] == arm["total"] and len(page["events"]) == min(2, max(0, arm["total"] - 1))
assert [e["id"] for e in page["events"]] == [e["id"] for e in arm["events"][1:3]], "offset paging"
for e in sept["events"]:
    assert "2022-09-01" <= e["date"] <= "2022-09-30", e["date"]
assert sept["total"] <= dy["total"]
for s in (month, day):
    assert s["a"] == "ARM" and s["b"] == "AZE"
    per = s["periods"]
    assert [p["period"] for p in per] == sorted(p["period"] for p in per)
    for p in per:
        assert p["events"] == p["q1"] + p["q2"] + p["q3"] + p["q4"], p
dated = sum(1 for e in dy["events"] if e["date"] and len(e["date"]) == 10)
assert sum(p["events"] for p in month["periods"]) == dated, "month series != dated dyad events"
assert sum(p["events"] for p in day["periods"]) == dated, "day series != dated dyad events"
assert all(len(p["period"]) == 7 for p in month["periods"]) and all(len(p["period"]) == 10 for p in day["periods"])
text, dedup = J("text.json"), J("dedup.json")
assert text["total"] >= 1, "text search found nothing"
for e in text["events"]:
    assert "ذربيجان" in e["text"], e["text"]
assert 1 <= dedup["total"] <= arm["total"]
assert all(e["reports"] >= 1 for e in dedup["events"])
assert sum(e["reports"] for e in dedup["events"]) == arm["total"]
codes = [a["code"] for a in actors["actors"]]
assert any(c.startswith("ARM") for c in codes) and any(c.startswith("AZE") for c in codes), codes[:10]
assert stats["events"] >= arm["total"] and stats["documents"] >= 1
print("consistency: dyad %d, ARM %d, sept %d, %d actors" % (dy["total"], arm["total"], sept["total"], len(codes)))
EOF
then ok "endpoints agree"; else bad "endpoints agree"; fi

# The totals against the store itself, counted with the sqlite3 CLI.
jtotal() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$1"; }
want=$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE source GLOB 'ARM*' OR target GLOB 'ARM*'")
[ "$(jtotal "$TMP/arm_events.json")" = "$want" ] && ok "actor=ARM total = $want (sqlite3)" \
  || bad "actor=ARM total $(jtotal "$TMP/arm_events.json") != $want"
want=$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE (source GLOB 'ARM*' AND target GLOB 'AZE*') OR (source GLOB 'AZE*' AND target GLOB 'ARM*')")
[ "$(jtotal "$TMP/dyad_events.json")" = "$want" ] && ok "dyad=ARM,AZE total = $want (sqlite3)" \
  || bad "dyad=ARM,AZE total $(jtotal "$TMP/dyad_events.json") != $want"

# /api/doc: the document of the first dyad event, with its sentence.
doc=$(python3 -c 'import json,sys,urllib.parse as u; e=json.load(open(sys.argv[1]))["events"][0]; print(u.quote(e["doc_id"]))' "$TMP/dyad_events.json")
expect 200 "/api/doc?id=$doc" "doc"
if python3 - "$TMP/r$n" "$TMP/dyad_events.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1])); e = json.load(open(sys.argv[2]))["events"][0]
assert d["id"] == e["doc_id"]
s = [x for x in d["sentences"] if x["idx"] == e["sentence"]]
assert s and s[0]["text"] == e["text"], "sentence of the event not in the document"
assert e["trigger"] in d["text"]
EOF
then ok "doc has the event sentence"; else bad "doc has the event sentence"; fi
expect 404 "/api/doc?id=no-such-document-2022" "unknown document"

# Bad parameters: 400 with a JSON error.
expect 400 "/api/events?from=2022-13-01" "bad month"
expect 400 "/api/events?from=2022-02-30" "bad day"
expect 400 "/api/events?from=2022-10-01&to=2022-09-01" "from after to"
expect 400 "/api/events?limit=abc" "non-numeric limit"
expect 400 "/api/events?limit=5000" "limit too large"
expect 400 "/api/events?offset=-1" "negative offset"
expect 400 "/api/events?colour=red" "unknown parameter"
expect 400 "/api/events?dyad=ARM" "dyad with one code"
expect 400 "/api/events?actor=ARM%27%20OR%201=1--" "quote in actor"
expect 400 "/api/dyad?a=ARM&b=AZE&by=year" "unknown by"
grep -q 'by: expected day, week or month' "$TMP/r$n" && ok "by= message names the values" || bad "by= message"
expect 400 "/api/dyad?a=ARM" "dyad without b"
expect 400 "/api/doc" "doc without id"

# Too long: a 3000-byte query string is 414.
long=$(python3 -c 'print("x" * 3000)')
expect 414 "/api/events?text=$long" "long URL"

# Unknown paths and traversal attempts: 404, never a file.
expect 404 "/nope" "unknown path"
expect 404 "/api/nope" "unknown API"
for p in "/../../etc/passwd" "/%2e%2e/%2e%2e/etc/passwd" "/app.js/../../../etc/passwd" \
         "/..%2f..%2fetc%2fpasswd" "/%2E%2E%2F%2E%2E%2Fetc/passwd" "/index.html" "//etc/passwd"; do
  expect 404 "$p" "traversal $p"
  grep -q 'root:' "$TMP/r$n" && bad "traversal $p leaked a file"
done

# The page and its assets.
expect 200 "/" "page"
grep -q '<html lang=' "$TMP/r$n" && grep -qi '^content-type: text/html; charset=utf-8' "$TMP/r$n.h" \
  && ok "page is HTML" || bad "page is HTML"
expect 200 "/app.js" "script"
grep -qi '^content-type: text/javascript; charset=utf-8' "$TMP/r$n.h" && ok "script type" || bad "script type"
expect 200 "/style.css" "style"
code=$(curl -s -I -o "$TMP/head.h" -w '%{http_code}' "$U/api/stats")
[ "$code" = 200 ] && grep -qi '^content-type: application/json; charset=utf-8' "$TMP/head.h" \
  && ok "HEAD /api/stats" || bad "HEAD gave $code"

# Keep-alive: a second request reuses the connection (HTTP/1.1).
curl -sv -o /dev/null -o /dev/null "$U/style.css" "$U/api/stats" 2>"$TMP/ka" >/dev/null
grep -q 'Re-using existing connection' "$TMP/ka" && ok "keep-alive" || bad "keep-alive: connection closed"

# Read-only: no write method, the file unchanged, the descriptor O_RDONLY.
for m in POST PUT DELETE; do
  code=$(curl -s -o /dev/null -D "$TMP/m.h" -w '%{http_code}' -X $m --data 'x=1' "$U/api/events")
  if [ "$code" != 405 ]; then bad "$m gave $code"
  elif ! sec_headers "$TMP/m.h"; then bad "$m 405: $sec_missing"
  elif ! grep -qi '^allow: GET, HEAD' "$TMP/m.h"; then bad "$m 405: no Allow header"
  else ok "$m is 405 with Allow and security headers"; fi
done

# Requests libmicrohttpd refuses before wasit sees them (bad request line,
# HTTP/2.0 on a 1.1 socket, 70 KB of headers or URL, a broken chunked
# body): it answers with its own fixed text, to which no headers can be
# added (see src/serve/server.c).  They must echo nothing of the request
# and close the connection, and the server keeps serving.
if python3 - "$PORT" <<'EOF'
import socket, sys
port = int(sys.argv[1])
mark = "wasit%3Cscript%3Emark"
big = "a" * 70000
cases = [
    ("bad request line", "GET /" + mark + " HTTP/1.1 extra\r\nHost: x\r\n\r\n", "400"),
    ("HTTP/2.0", "GET /" + mark + " HTTP/2.0\r\nHost: x\r\n\r\n", "505"),
    ("70 KB header", "GET /" + mark + " HTTP/1.1\r\nHost: x\r\nX-Pad: " + big + "\r\n\r\n", "431"),
    ("70 KB URL", "GET /" + mark + big + " HTTP/1.1\r\nHost: x\r\n\r\n", "414"),
    ("bad chunk", "POST /" + mark + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n", "400"),
]
bad = 0
for name, req, want in cases:
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(req.encode())
    data = b""
    try:
        while True:
            x = s.recv(65536)
            if not x:
                break
            data += x
    except socket.timeout:
        print("FAIL %s: connection not closed" % name); bad += 1; continue
    text = data.decode("latin1")
    head = text.partition("\r\n\r\n")[0]
    status = head.split(" ")[1] if head.startswith("HTTP/1.1 ") else "?"
    if status != want:
        print("FAIL %s: status %s, want %s" % (name, status, want)); bad += 1
    elif "connection: close" not in head.lower():
        print("FAIL %s: no Connection: close" % name); bad += 1
    elif "mark" in text.lower():
        print("FAIL %s: the request is echoed" % name); bad += 1
    else:
        print("ok   %s: %s, closed, nothing echoed" % (name, status))
sys.exit(1 if bad else 0)
EOF
then ok "libmicrohttpd's own errors"; else bad "libmicrohttpd's own errors"; fi
expect 200 "/api/stats" "still serving after refused requests"
[ "$(cksum <"$DB")" = "$sum_before" ] && ok "store file unchanged" || bad "store file changed"
ro=1; found=0
for fd in /proc/$SRV_PID/fd/*; do
  [ "$(readlink "$fd")" = "$(readlink -f "$DB")" ] || continue
  found=1
  flags=$(sed -n 's/^flags:[[:space:]]*//p' "/proc/$SRV_PID/fdinfo/${fd##*/}")
  [ $(( 0$flags & 3 )) -eq 0 ] || ro=0
done
if [ $found -eq 1 ] && [ $ro -eq 1 ]; then ok "store opened O_RDONLY"; else bad "store open mode (found=$found ro=$ro)"; fi

# Concurrency: 40 parallel requests all answer 200.
i=0
while [ $i -lt 40 ]; do
  curl -s -o /dev/null -w '%{http_code}\n' "$U/api/events?actor=ARM&limit=10" >>"$TMP/par" &
  i=$((i + 1))
done
wait_n=0
while [ "$(wc -l <"$TMP/par")" -lt 40 ] && [ $wait_n -lt 100 ]; do sleep 0.1; wait_n=$((wait_n + 1)); done
[ "$(grep -c '^200$' "$TMP/par")" = 40 ] && ok "40 parallel requests" || bad "parallel: $(sort "$TMP/par" | uniq -c | tr '\n' ' ')"

# A store broken under the running server: 500 "internal error" to the
# client, the SQLite detail only on the server's stderr.
sqlite3 "$DB" "ALTER TABLE events RENAME TO events_moved"
expect 500 "/api/events?actor=ARM" "broken store"
grep -q '"internal error"' "$TMP/r$n" && ! grep -qi 'sqlite' "$TMP/r$n" \
  && grep -q '^wasit: serve: .*sqlite' "$TMP/serve.err" \
  && ok "500 hides the detail, logs it" || bad "500 body/log: $(cat "$TMP/r$n")"

# A clean stop on SIGTERM.
serve_stop; rc=$?
[ $rc -eq 0 ] && grep -q 'stopped' "$TMP/serve.err" && ok "SIGTERM stops cleanly" || bad "stop rc=$rc"

# Start-up errors: a missing store and a bad bind address exit 1.
"$W" serve --db "$TMP/missing.db" --port 0 2>/dev/null; rc=$?
[ $rc -eq 1 ] && [ ! -e "$TMP/missing.db" ] && ok "missing store refused" || bad "missing store rc=$rc"
"$W" serve --db "$DB" --bind not-an-ip --port 0 2>/dev/null; rc=$?
[ $rc -eq 1 ] && ok "bad bind address refused" || bad "bad bind rc=$rc"
"$W" serve --db "$DB" --port 70000 2>/dev/null; rc=$?
[ $rc -eq 2 ] && ok "bad port is a usage error" || bad "bad port rc=$rc"

echo "test_serve_api: $fails failed"
[ $fails -eq 0 ]
