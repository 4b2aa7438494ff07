# Sourced by .ci/run (and usable by hand): a throwaway PostgreSQL cluster for the test suite.
#
#   start_postgres WORKDIR   installs PostgreSQL from the OS packages when it is missing, creates a cluster
#                            in WORKDIR owned by an unprivileged user (the server refuses to run as root),
#                            starts it on a free loopback port, and sets PG_PORT and
#                            MILESTONES_TEST_POSTGRES (a connection string without a database: the tests
#                            create one database per test host and drop it afterwards)
#   stop_postgres            stops it (safe to call twice, and from an EXIT trap)

PG_BIN=""
PG_DATA=""
PG_PORT=""
PG_USER=""

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

start_postgres() {
  local work=$1
  PG_BIN=$(pg_bin_dir || true)
  if [ -z "$PG_BIN" ]; then
    echo "PostgreSQL is not installed: installing it from the OS packages"
    if [ "$(id -u)" -ne 0 ]; then
      echo "installing PostgreSQL needs root (apt-get install postgresql)" >&2
      return 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
    PG_BIN=$(pg_bin_dir)
  fi

  # The server refuses root: run it as the package's 'postgres' user, or as whoever we are when not root.
  if [ "$(id -u)" -eq 0 ]; then
    PG_USER=postgres
    id "$PG_USER" > /dev/null 2>&1 || useradd --system --no-create-home "$PG_USER"
  else
    PG_USER=$(id -un)
  fi

  local home="$work/postgres"
  PG_DATA="$home/data"
  mkdir -p "$home"
  chmod 755 "$work"
  chown -R "$PG_USER" "$home"
  PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 > "$home/initdb.log" 2>&1 \
    || { cat "$home/initdb.log"; return 1; }
  # Enough connections for the HTTP suite (a pool per test host), fsync kept on (kill -9 tests mean it).
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$home/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $home -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=128MB" start > /dev/null \
    || { cat "$home/postgres.log"; return 1; }
  export MILESTONES_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=unused;Pooling=true;Maximum Pool Size=20"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (as $PG_USER)"
}

stop_postgres() {
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop > /dev/null 2>&1 || true
  fi
  PG_DATA=""
}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$PG_USER" -- "$@"
  else
    "$@"
  fi
}
