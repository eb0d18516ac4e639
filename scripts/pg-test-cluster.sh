#!/usr/bin/env bash
# A throwaway PostgreSQL for factfeed's tests: a fresh cluster in a temp folder, on a free port of
# 127.0.0.1, gone again when this script exits (however it exits).
#
#   scripts/pg-test-cluster.sh npm test          # run a command with FACTFEED_TEST_PG_URL set
#   scripts/pg-test-cluster.sh                   # start one, print its URL, stop it on Ctrl-C
#
# It needs PostgreSQL's server programs (Debian: apt-get install postgresql); it never installs
# anything itself. As root it runs the server as the `postgres` user (initdb refuses root), or as
# PG_TEST_USER. PG_BINDIR picks the programs when several versions are installed.
set -euo pipefail

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" ]]; then echo "$PG_BINDIR"; return; fi
  # Debian keeps initdb out of PATH, in one folder per major version: take the newest.
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$newest" && -x "$newest/initdb" ]]; then echo "$newest"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then pg_config --bindir; return; fi
  echo "pg-test-cluster: no PostgreSQL server programs (initdb) found; install them (Debian: apt-get install -y postgresql) or set PG_BINDIR" >&2
  exit 1
}

BIN=$(find_bindir)
DIR=$(mktemp -d "${TMPDIR:-/tmp}/factfeed-pg.XXXXXX")
DATA="$DIR/data"

# Runs a server program as the user who owns the cluster: initdb and postgres refuse root.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    local user="${PG_TEST_USER:-postgres}"
    id "$user" >/dev/null 2>&1 || { echo "pg-test-cluster: running as root needs the user $user to own the cluster (set PG_TEST_USER)" >&2; exit 1; }
    chown -R "$user" "$DIR"
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

stop() {
  [[ -n "${idle:-}" ]] && kill "$idle" 2>/dev/null
  as_owner "$BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

as_owner "$BIN/initdb" -D "$DATA" -U factfeed --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; echo "pg-test-cluster: initdb failed in $DATA" >&2; exit 1; }

# Another program can take the port between free_port and the server's bind: try a few.
started=
for _ in 1 2 3 4 5; do
  PORT=$(free_port)
  # Durability is not wanted from a cluster that lives for one test run; speed is.
  if as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null; then
    started=1
    break
  fi
done
[[ -n "$started" ]] || { cat "$DIR/server.log" >&2; echo "pg-test-cluster: the server in $DATA would not start" >&2; exit 1; }

"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U factfeed factfeed_test
export FACTFEED_TEST_PG_URL="postgres://factfeed@127.0.0.1:$PORT/factfeed_test"
echo "pg-test-cluster: $("$BIN/postgres" --version) at $FACTFEED_TEST_PG_URL" >&2

if [[ $# -gt 0 ]]; then
  # Not exec: the EXIT trap must still stop the cluster when the command ends.
  set +e
  "$@"
  status=$?
  set -e
  exit "$status"
fi
echo "FACTFEED_TEST_PG_URL=$FACTFEED_TEST_PG_URL"
echo "pg-test-cluster: running; Ctrl-C stops it and removes $DIR" >&2
# wait, not a bare sleep: bash runs a trap only once its foreground child ends, so `kill <pid>` of
# this script would otherwise leave the cluster running for up to an hour.
while true; do
  sleep 3600 &
  idle=$!
  wait "$idle"
done
