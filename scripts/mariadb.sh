#!/usr/bin/env bash
# A throwaway MariaDB for tests and local runs, with its data and socket under a state directory.
#   scripts/mariadb.sh start [DIR]   install MariaDB if missing (as root, with apt), start it on a free
#                                    loopback port, wait until it answers, write DIR/env
#   scripts/mariadb.sh stop [DIR]    stop it (data stays until `make clean`)
# DIR defaults to target/mariadb. DIR/env holds RUNWRIGHT_DB_* variables (admin user, TCP port, socket).
set -euo pipefail

cmd="${1:-}"
dir="$(realpath -m "${2:-target/mariadb}")"
pidfile="$dir/mariadb.pid"
socket="$dir/mysqld.sock"
admin_user=runwright_admin
admin_password=runwright-test-admin

log() { printf '==> %s\n' "$*" >&2; }

ensure_installed() {
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing mariadb-server with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq mariadb-server >/dev/null ||
      { apt-get update -qq && apt-get install -y -qq mariadb-server >/dev/null; }
  else
    echo "error: MariaDB is not installed; install mariadb-server (or run as root so this script can)" >&2
    exit 1
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
  ensure_installed
  PATH="/usr/sbin:$PATH"
  if running; then
    log "MariaDB already running (pid $(cat "$pidfile")), env in $dir/env"
    return 0
  fi
  mkdir -p "$dir"
  if [ ! -d "$dir/data/mysql" ]; then
    log "initialising MariaDB data directory in $dir/data"
    mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$dir/data" \
      --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1 ||
      { cat "$dir/install.log" >&2; exit 1; }
  fi
  local port
  port=$(free_port)
  log "starting MariaDB on 127.0.0.1:$port (socket $socket)"
  mariadbd --no-defaults --user="$(id -un)" --datadir="$dir/data" --socket="$socket" \
    --pid-file="$pidfile" --bind-address=127.0.0.1 --port="$port" --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=128M --innodb-log-file-size=48M --max-connections=500 \
    --log-error="$dir/error.log" >/dev/null 2>&1 &
  local i
  for i in $(seq 1 120); do
    if mariadb --no-defaults -S "$socket" -u root -e 'select 1' >/dev/null 2>&1; then break; fi
    if [ "$i" = 120 ]; then
      echo "error: MariaDB did not start within 60 s; see $dir/error.log" >&2
      tail -20 "$dir/error.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  mariadb --no-defaults -S "$socket" -u root <<SQL
CREATE USER IF NOT EXISTS '$admin_user'@'%' IDENTIFIED BY '$admin_password';
CREATE USER IF NOT EXISTS '$admin_user'@'localhost' IDENTIFIED BY '$admin_password';
GRANT ALL PRIVILEGES ON *.* TO '$admin_user'@'%' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$admin_user'@'localhost' WITH GRANT OPTION;
SQL
  cat >"$dir/env" <<ENV
export RUNWRIGHT_DB_HOST=127.0.0.1
export RUNWRIGHT_DB_PORT=$port
export RUNWRIGHT_DB_SOCKET=$socket
export RUNWRIGHT_DB_ADMIN_USER=$admin_user
export RUNWRIGHT_DB_ADMIN_PASSWORD=$admin_password
ENV
  log "MariaDB ready; env in $dir/env"
}

stop() {
  if running; then
    local pid i
    pid=$(cat "$pidfile")
    log "stopping MariaDB (pid $pid)"
    kill "$pid"
    for i in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/env"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
esac
