#!/usr/bin/env bash
# The benchmark suite (make bench): what people really do. Engine speed; server time per live update
# that misses the render cache; HTTP under gunicorn + wrk with varied inputs (scripts/bench/varied.lua)
# beside the bare view, all in one run; the logged-in figures again with Redis; latency with 100
# plans vs 500,000. Writes docs/benchmarks.md.
#
# Installs wrk, PostgreSQL and Redis with apt-get when missing, starts PostgreSQL (scripts/postgres.sh)
# and uses two databases of its own, careerpath_bench_small and careerpath_bench_large, created afresh
# each run and dropped at the end, and a throwaway redis-server on a free loopback port. Only talks to
# 127.0.0.1. One suite at a time on a machine (a lock in /tmp). Raw results: artifacts/bench/.
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
varied=scripts/bench/varied.lua
step() { echo "== $* ($(($(date +%s) - started)) s)"; }
bench() { "$py" scripts/bench.py "$@"; }
free_port() { "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Two suites at once would share the databases' names and halve each other's figures.
if command -v flock >/dev/null; then
  exec 9>"/tmp/careerpath-bench.lock"
  flock -n 9 || { echo "Another make bench is running on this machine; try again when it ends." >&2; exit 1; }
fi

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v pg_ctlcluster >/dev/null || need+=(postgresql)
command -v psql >/dev/null || need+=(postgresql-client)
command -v redis-server >/dev/null || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  step "apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null 9>&- # a service it starts must not hold the lock
fi
[ -x "$py" ] || make install
rm -rf "$results" && mkdir -p "$results"
bench idle "$results" start

bash scripts/postgres.sh start 9>&- # the server outlives the suite: it must not hold the lock
export PGPASSWORD=careerpath PGOPTIONS="-c client_min_messages=warning"
psql_admin() { psql -qX -h 127.0.0.1 -U careerpath -d postgres -v ON_ERROR_STOP=1 "$@"; }
url_of() { echo "postgres://careerpath:careerpath@127.0.0.1:5432/careerpath_bench_$1"; }
on() { # on small|large command...: run with that database
  local label=$1
  shift
  DATABASE_URL=$(url_of "$label") "$@"
}

gunicorn_pid=""
redis_pid=""
stop_gunicorn() {
  if [ -n "$gunicorn_pid" ]; then
    kill -TERM "$gunicorn_pid" 2>/dev/null || true
    wait "$gunicorn_pid" 2>/dev/null || true
    gunicorn_pid=""
  fi
}
stop_redis() {
  if [ -n "$redis_pid" ]; then
    kill -TERM "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
    redis_pid=""
  fi
}
cleanup() {
  stop_gunicorn
  stop_redis
  if [ "${BENCH_KEEP:-0}" != 1 ]; then
    psql_admin -c "DROP DATABASE IF EXISTS careerpath_bench_small WITH (FORCE)" \
      -c "DROP DATABASE IF EXISTS careerpath_bench_large WITH (FORCE)" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Production settings, plain http on loopback, PostgreSQL. gunicorn alone runs the bench settings
# (the production URLconf plus the bare views); Redis only in the second HTTP run.
export DEBUG=0 SECURE_SSL_REDIRECT=0 ALLOWED_HOSTS=127.0.0.1,localhost LOG_LEVEL=WARNING
SECRET_KEY="bench-only-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SECRET_KEY
unset REDIS_URL DATABASE_URL DJANGO_SETTINGS_MODULE PANEL_CACHE_SECONDS RENDER_CACHE_ENTRIES

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
source "$results/setup-small.env" # plan, cookie, csrf, estimate_hit, plan_page, plan_preview, varied_data

step "admin preview of a band change on $plans plans"
on large "$py" manage.py preview_benchmark --runs 3 | tee "$results/preview.txt"

step "server time per uncached update (in-process, each profile new)"
on small bench panel "$results"

step "scale: p50 latency, small vs large, alternating rounds"
for _ in $(seq "$scale_rounds"); do
  on small bench scale "$results" small
  on large bench scale "$results" large
done

bench idle "$results" http

export DATABASE_URL
DATABASE_URL=$(url_of small)
base=""
start_gunicorn() { # label: gunicorn with the bench settings and whatever REDIS_URL is exported
  local port
  port=$(free_port)
  base="http://127.0.0.1:$port"
  DJANGO_SETTINGS_MODULE=config.bench_settings .venv/bin/gunicorn config.wsgi \
    --bind "127.0.0.1:$port" --workers "$workers" --no-control-socket \
    --access-logfile /dev/null --error-logfile "$results/gunicorn-$1.log" 9>&- &
  gunicorn_pid=$!
  for _ in $(seq 100); do
    bench status "$results" "$base/healthz" 2>/dev/null && break
    sleep 0.1
  done
  bench status "$results" "$base/healthz"
  if ! bench status "$results" "$base/bench/bare/" 2>/dev/null; then
    echo "/bench/bare/ does not answer under config.bench_settings: no ratio can be measured." >&2
    exit 1
  fi
}

measure() { # run name wrk-argument...: one measured wrk run, and the CPU time gunicorn's workers spent on it
  local run=$1 name=$2 before after
  shift 2
  bench status "$results" "$base/healthz" # waits until the warm-up's queued requests are answered
  before=$(bench cputicks "$results" "$gunicorn_pid")
  wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "$@" >"$results/wrk-$run-$name.txt"
  after=$(bench cputicks "$results" "$gunicorn_pid") # before the queued requests wrk did not count
  echo "{\"ticks\": $((after - before)), \"hz\": $(getconf CLK_TCK)}" >"$results/cpu-$run-$name.json"
  echo "   $name: $(grep -E 'Requests/sec' "$results/wrk-$run-$name.txt" | tr -s ' ')"
}

# Browsers ask for compressed responses; so does every wrk run.
# A slow answer counts in the latency figures rather than as a timeout (wrk's default is 2 s).
wrk_command="wrk -t2 -c$connections -d${duration}s --timeout 10s --latency -H 'Accept-Encoding: gzip'"
run_wrk() { # run name path [header...]: one fixed URL
  local run=$1 name=$2 path=$3
  shift 3
  local headers=(-H "Accept-Encoding: gzip")
  for header in "$@"; do headers+=(-H "$header"); done
  bench status "$results" "$base$path" "$@"
  wrk -t2 -c"$connections" -d2s --timeout 10s "${headers[@]}" "$base$path" >/dev/null # warm-up
  measure "$run" "$name" "${headers[@]}" "$base$path"
}
run_varied() { # run name path [cookie [POST]]: a new profile per request (scripts/bench/varied.lua)
  local run=$1 name=$2 path=$3 cookie=${4:-} method=${5:-GET}
  bench status "$results" "$base/healthz" # waits until the previous run's queued requests are answered
  local args=("$varied_data" "$path" "$cookie" "$method" "$csrf")
  BENCH_VARIED_CHECK=1 wrk -t1 -c1 -d2s --timeout 10s -s "$varied" "$base" -- "${args[@]}" \
    >"$results/check-$run-$name.txt"
  bench varied_check "$results" "$run-$name"
  wrk -t2 -c"$connections" -d2s --timeout 10s -s "$varied" "$base" -- "${args[@]}" >/dev/null
  measure "$run" "$name" -s "$varied" "$base" -- "${args[@]}"
}

step "HTTP, PostgreSQL sessions: gunicorn ($workers workers), wrk ($connections connections, ${duration} s per URL)"
start_gunicorn pg
run_wrk pg bare /bench/bare/
run_wrk pg home /
run_wrk pg estimate_hit "$estimate_hit" "HX-Request: true"
run_varied pg form_varied /bench/form/
run_varied pg estimate_varied /estimate/
run_wrk pg bare_user /bench/bare-user/ "Cookie: $cookie"
run_wrk pg plan_page "$plan_page" "Cookie: $cookie"
run_varied pg plan_varied "$plan_preview" "$cookie" POST
run_varied pg options_varied "/details/?part=options"
run_wrk pg bare_end /bench/bare/
stop_gunicorn

step "HTTP, logged in, with Redis (default cache and cached_db sessions)"
redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize no \
  --dir "$PWD/$results" --logfile "$PWD/$results/redis.log" 9>&- &
redis_pid=$!
for _ in $(seq 50); do
  redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
  sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$redis_port" ping | grep -q PONG
export REDIS_URL="redis://127.0.0.1:$redis_port/0"
start_gunicorn redis
run_wrk redis bare_user /bench/bare-user/ "Cookie: $cookie"
run_wrk redis plan_page "$plan_page" "Cookie: $cookie"
run_varied redis plan_varied "$plan_preview" "$cookie" POST
stop_gunicorn
stop_redis
unset REDIS_URL

step "report"
cat >"$results/env.json" <<JSON
{"connections": $connections, "workers": $workers, "scale_rounds": $scale_rounds, "wrk": "$wrk_command", "minutes": $((($(date +%s) - started + 59) / 60)),
 "load_start": $load_start, "load_end": $(cut -d' ' -f1 /proc/loadavg)}
JSON
on small bench report "$results"
step "done"
