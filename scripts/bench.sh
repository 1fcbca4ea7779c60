#!/usr/bin/env bash
# The benchmark suite (make bench): engine speed, HTTP under gunicorn + wrk, SQL queries per page,
# page weight, and latency with 100 plans vs 500,000. Writes docs/benchmarks.md.
#
# Installs wrk and PostgreSQL with apt-get when missing, starts PostgreSQL (scripts/postgres.sh) and
# uses two databases of its own, careerpath_bench_small and careerpath_bench_large, created afresh
# each run and dropped at the end. Only talks to 127.0.0.1. Raw results: artifacts/bench/.
# Knobs: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (32), BENCH_WORKERS (2),
# BENCH_USERS (100000), BENCH_PLANS (500000), BENCH_KEEP=1 to keep the databases afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
load_start=$(cut -d' ' -f1 /proc/loadavg) # before our own work: load from elsewhere skews every figure

duration=${BENCH_DURATION:-10}
connections=${BENCH_CONNECTIONS:-32}
workers=${BENCH_WORKERS:-2}
users=${BENCH_USERS:-100000}
plans=${BENCH_PLANS:-500000}
scale_rounds=4 # alternating small and large, so load from elsewhere hits both alike
results=artifacts/bench
py=.venv/bin/python
step() { echo "== $* ($(($(date +%s) - started)) s)"; }
bench() { "$py" scripts/bench.py "$@"; }

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v pg_ctlcluster >/dev/null || need+=(postgresql)
command -v psql >/dev/null || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  step "apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
[ -x "$py" ] || make install
rm -rf "$results" && mkdir -p "$results"
bench idle "$results" start

bash scripts/postgres.sh start
export PGPASSWORD=careerpath PGOPTIONS="-c client_min_messages=warning"
psql_admin() { psql -qX -h 127.0.0.1 -U careerpath -d postgres -v ON_ERROR_STOP=1 "$@"; }
url_of() { echo "postgres://careerpath:careerpath@127.0.0.1:5432/careerpath_bench_$1"; }
on() { # on small|large command...: run with that database
  local label=$1
  shift
  DATABASE_URL=$(url_of "$label") "$@"
}

gunicorn_pid=""
stop_gunicorn() {
  if [ -n "$gunicorn_pid" ]; then
    kill -TERM "$gunicorn_pid" 2>/dev/null || true
    wait "$gunicorn_pid" 2>/dev/null || true
    gunicorn_pid=""
  fi
}
cleanup() {
  stop_gunicorn
  if [ "${BENCH_KEEP:-0}" != 1 ]; then
    psql_admin -c "DROP DATABASE IF EXISTS careerpath_bench_small WITH (FORCE)" \
      -c "DROP DATABASE IF EXISTS careerpath_bench_large WITH (FORCE)" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Production settings, plain http on loopback, PostgreSQL; the bare view on for the comparison.
export DEBUG=0 SECURE_SSL_REDIRECT=0 ALLOWED_HOSTS=127.0.0.1,localhost BENCH_BARE_VIEW=1 LOG_LEVEL=WARNING
SECRET_KEY="bench-only-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SECRET_KEY
unset REDIS_URL DATABASE_URL

step "databases (fresh): migrate, load the salary data; collectstatic"
for label in small large; do
  psql_admin -c "DROP DATABASE IF EXISTS careerpath_bench_$label WITH (FORCE)" -c "CREATE DATABASE careerpath_bench_$label"
  on "$label" "$py" manage.py migrate --noinput -v0
  on "$label" "$py" manage.py loaddata compensation -v0
done
on small "$py" manage.py collectstatic --noinput -v0

step "engine"
on small bench engine "$results"

step "small database: 20 users, 100 plans; large: $users users, $plans plans (seed_scale)"
on small "$py" manage.py seed_scale --users 20 --plans 100
seed_started=$(date +%s)
on large "$py" manage.py seed_scale --users "$users" --plans "$plans"
echo "{\"seconds\": $(($(date +%s) - seed_started)), \"users\": $users, \"plans\": $plans}" >"$results/seed.json"
for label in small large; do
  on "$label" bench setup "$results" "$label" >"$results/setup-$label.env"
done
source "$results/setup-small.env" # plan, cookie, estimate, plan_page, plan_partial

step "SQL queries per page"
on small bench queries "$results" small
on large bench queries "$results" large

step "scale: p50 latency, small vs large, alternating rounds"
for _ in $(seq "$scale_rounds"); do
  on small bench scale "$results" small
  on large bench scale "$results" large
done

bench idle "$results" http

step "gunicorn ($workers workers) and wrk ($connections connections, ${duration} s per URL), small database"
export DATABASE_URL
DATABASE_URL=$(url_of small)
port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
.venv/bin/gunicorn careerpath.wsgi --bind "127.0.0.1:$port" --workers "$workers" --no-control-socket \
  --access-logfile /dev/null --error-logfile "$results/gunicorn.log" &
gunicorn_pid=$!
for _ in $(seq 100); do
  bench status "$results" "$base/healthz" 2>/dev/null && break
  sleep 0.1
done
bench status "$results" "$base/healthz"

# Browsers ask for compressed responses; so does every wrk run.
wrk_command="wrk -t2 -c$connections -d${duration}s --latency -H 'Accept-Encoding: gzip'"
run_wrk() { # name path [header...]
  local name=$1 path=$2
  shift 2
  local headers=(-H "Accept-Encoding: gzip")
  for header in "$@"; do headers+=(-H "$header"); done
  bench status "$results" "$base$path" "$@"
  wrk -t2 -c"$connections" -d2s "${headers[@]}" "$base$path" >/dev/null # warm-up
  wrk -t2 -c"$connections" -d"${duration}s" --latency "${headers[@]}" "$base$path" >"$results/wrk-$name.txt"
  echo "   $name: $(grep -E 'Requests/sec' "$results/wrk-$name.txt" | tr -s ' ')"
}
if bench status "$results" "$base/bench/bare/" 2>/dev/null; then
  run_wrk bare /bench/bare/
  run_wrk bare_user /bench/bare-user/ "Cookie: $cookie"
else
  echo "   /bench/bare/ is not routed (careerpath/urls.py needs bench_views.urlpatterns_if_enabled()): no bare figures"
fi
run_wrk estimate "$estimate" "HX-Request: true"
run_wrk plan_page "$plan_page" "Cookie: $cookie"
run_wrk plan_partial "$plan_partial" "Cookie: $cookie" "HX-Request: true"

step "page weight"
bench weight "$results" "$base"
stop_gunicorn

step "report"
cat >"$results/env.json" <<EOF
{"connections": $connections, "workers": $workers, "scale_rounds": $scale_rounds, "wrk": "$wrk_command", "minutes": $((($(date +%s) - started + 59) / 60)),
 "load_start": $load_start, "load_end": $(cut -d' ' -f1 /proc/loadavg)}
EOF
on small bench report "$results"
step "done"
