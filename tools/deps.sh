#!/bin/sh
# deps.sh: install the Debian packages wasit needs (idempotent).
# Runs apt-get update only when a package is actually missing.
# Why each package is here: see README.md, "Dependencies".
set -eu
PKGS="build-essential pkg-config libutf8proc-dev libcjson-dev libsqlite3-dev
libmicrohttpd-dev libcmocka-dev clang libclang-rt-14-dev sqlite3 curl"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
# The dashboard is bundled at build time with npm; machine images of this
# kind ship Node.js 20 and npm, otherwise Debian's packages are used.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $missing >/dev/null
