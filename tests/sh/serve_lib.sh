# serve_lib.sh: start `wasit serve` on a free port of 127.0.0.1, wait until
# it listens, stop it.  Shared by tests/sh/test_serve_api.sh,
# tests/sh/test_browser.sh and bench/load.sh; sourced from the repository
# root as `. tests/sh/serve_lib.sh` once $W (the wasit binary) is set.
#
#   serve_start DB ERRFILE [ARGS...]  serve DB read-only on --port 0 (plus
#       ARGS), its stderr to ERRFILE; waits up to 10 s for the "serving"
#       line and sets SRV_PID, PORT and U (http://127.0.0.1:PORT).  Returns
#       1, after printing ERRFILE, when the server exits or never listens.
#   serve_stop   SIGTERM and wait; returns the server's exit status.
#   serve_kill   for EXIT traps: SIGTERM when still running, no wait.
SRV_PID=""
PORT=""
U=""

serve_start() {
  _sv_db=$1; _sv_err=$2; shift 2
  "$W" serve --db "$_sv_db" --port 0 "$@" 2>"$_sv_err" &
  SRV_PID=$!
  PORT=""; _sv_i=0
  while [ $_sv_i -lt 100 ]; do
    PORT=$(sed -n 's|^wasit: serving http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$_sv_err")
    [ -n "$PORT" ] && break
    kill -0 "$SRV_PID" 2>/dev/null || break   # exited: no point waiting
    sleep 0.1
    _sv_i=$((_sv_i + 1))
  done
  if [ -z "$PORT" ]; then
    cat "$_sv_err"
    serve_kill
    return 1
  fi
  U="http://127.0.0.1:$PORT"
}

serve_stop() {
  [ -n "$SRV_PID" ] || return 0
  kill -TERM "$SRV_PID" 2>/dev/null
  wait "$SRV_PID"; _sv_rc=$?
  SRV_PID=""
  return $_sv_rc
}

serve_kill() {
  [ -n "$SRV_PID" ] && kill -TERM "$SRV_PID" 2>/dev/null
  SRV_PID=""
}
