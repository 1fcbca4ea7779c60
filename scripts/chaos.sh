#!/usr/bin/env bash
# Load and fault test (`make chaos`): gunicorn with production settings on a real PostgreSQL server,
# under load from wrk, then with PostgreSQL stopped and restarted underneath it.
#
# It runs its own PostgreSQL cluster ("chaos", port 5439) so that stopping the database does not cut
# off anyone else using the machine's main cluster, and removes it afterwards. Loopback only.
# Needs root the first time (apt-get install wrk postgresql). The checks are in scripts/chaos.py.
set -euo pipefail
cd "$(dirname "$0")/.."

HOST=127.0.0.1
PORT=${CHAOS_PORT:-8765}
PG_PORT=${CHAOS_PG_PORT:-5439}
CLUSTER=chaos
DB=careerpath_chaos
BIN=.venv/bin
WORK=$(mktemp -d /tmp/careerpath-chaos.XXXXXX)
GUNICORN_PID=""
CHECKED=""

say() { printf '\n== %s\n' "$*"; }

install_missing() {
  local wanted=()
  command -v wrk >/dev/null || wanted+=(wrk)
  command -v pg_createcluster >/dev/null || wanted+=(postgresql)
  command -v curl >/dev/null || wanted+=(curl)
  if ((${#wanted[@]})); then
    say "Installing ${wanted[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" >/dev/null
  fi
}

cleanup() {
  local status=$?
  if [[ -n $GUNICORN_PID ]] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
    kill "$GUNICORN_PID"
    wait "$GUNICORN_PID" 2>/dev/null || true
  fi
  if [[ -n ${VERSION:-} ]] && pg_lsclusters -h | grep -q "^$VERSION $CLUSTER "; then
    pg_dropcluster --stop "$VERSION" "$CLUSTER" || true
  fi
  if ((status != 0)) && [[ -s $WORK/gunicorn.log ]]; then
    echo "-- last lines of the gunicorn log:"
    tail -n 20 "$WORK/gunicorn.log"
  fi
  ((status == 0)) || [[ -n $CHECKED ]] || echo "CHAOS FAIL: the setup did not finish (exit $status)"
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

[[ -x $BIN/python ]] || { echo "Run 'make install' first (no $BIN/python)." >&2; exit 2; }
install_missing
VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
PG_STOP="pg_ctlcluster $VERSION $CLUSTER stop -m fast"
PG_START="pg_ctlcluster $VERSION $CLUSTER start"

say "PostgreSQL $VERSION: a throw-away cluster '$CLUSTER' on $HOST:$PG_PORT"
if pg_lsclusters -h | grep -q "^$VERSION $CLUSTER "; then
  pg_dropcluster --stop "$VERSION" "$CLUSTER" # left over from an interrupted run
fi
pg_createcluster "$VERSION" "$CLUSTER" --port "$PG_PORT" >/dev/null
printf "listen_addresses = '%s'\nfsync = off\n" "$HOST" >"/etc/postgresql/$VERSION/$CLUSTER/conf.d/chaos.conf"
$PG_START
for _ in $(seq 40); do pg_isready -q -h "$HOST" -p "$PG_PORT" && break; sleep 0.25; done
su postgres -c "psql -p $PG_PORT -qc \"CREATE ROLE careerpath LOGIN PASSWORD 'careerpath'\""
su postgres -c "createdb -p $PG_PORT -O careerpath $DB"

export DATABASE_URL="postgres://careerpath:careerpath@$HOST:$PG_PORT/$DB"
export DEBUG=0 ALLOWED_HOSTS=$HOST SECURE_SSL_REDIRECT=0
SECRET_KEY=$($BIN/python -c "import secrets; print(secrets.token_urlsafe(50))")
export SECRET_KEY
export CHAOS_EMAIL=chaos@example.com
CHAOS_PASSWORD=$($BIN/python -c "import secrets; print(secrets.token_urlsafe(16))")
export CHAOS_PASSWORD

say "Migrating, loading the salary data, creating a verified user"
$BIN/python manage.py migrate --noinput -v 0
$BIN/python manage.py loaddata compensation -v 0
$BIN/python manage.py collectstatic --noinput -v 0
$BIN/python manage.py shell -v 0 -c "
import os
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
email = os.environ['CHAOS_EMAIL']
user = get_user_model().objects.create_user(username=email, email=email, password=os.environ['CHAOS_PASSWORD'])
EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
"

say "gunicorn (DEBUG=0, 2 workers) on http://$HOST:$PORT/"
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  echo "Something already listens on $HOST:$PORT; stop it or set CHAOS_PORT." >&2
  exit 2
fi
# The app's own log (every 503 logs a warning) goes to the file too; its tail is shown on failure.
$BIN/gunicorn config.wsgi --bind "$HOST:$PORT" --workers 2 --timeout 30 --log-level warning \
  >"$WORK/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
for _ in $(seq 60); do
  curl -fsS -o /dev/null "http://$HOST:$PORT/healthz" 2>/dev/null && break
  kill -0 "$GUNICORN_PID" 2>/dev/null || { echo "gunicorn did not start" >&2; exit 1; }
  sleep 0.25
done

CHECKED=1
$BIN/python scripts/chaos.py --base "http://$HOST:$PORT" --work "$WORK" \
  --pg-stop "$PG_STOP" --pg-start "$PG_START" --pg-ready "pg_isready -q -h $HOST -p $PG_PORT"
