#!/usr/bin/env bash
# Start a local PostgreSQL server on loopback with a careerpath role and database (for CI, bench, chaos).
# Usage: scripts/postgres.sh start|stop
set -euo pipefail
action=${1:-start}
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
cluster=main
if ! pg_lsclusters -h | grep -q "^$version $cluster "; then
  pg_createcluster "$version" "$cluster" >/dev/null
fi
case "$action" in
  start)
    pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='careerpath'\"" | grep -q 1 ||
      su postgres -c "psql -qc \"CREATE ROLE careerpath LOGIN CREATEDB PASSWORD 'careerpath'\""
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='careerpath'\"" | grep -q 1 ||
      su postgres -c "createdb -O careerpath careerpath"
    echo "PostgreSQL $version on 127.0.0.1:5432 (DATABASE_URL=postgres://careerpath:careerpath@127.0.0.1:5432/careerpath)"
    ;;
  stop)
    pg_ctlcluster "$version" "$cluster" stop
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
