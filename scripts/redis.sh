#!/usr/bin/env bash
# A Redis server on loopback for trying REDIS_URL by hand or measuring it (make bench): port 6390,
# nothing written to disk. The tests start one of their own and need none of this.
# Usage: scripts/redis.sh start|stop
set -euo pipefail
port=${REDIS_PORT:-6390}
case "${1:-start}" in
  start)
    command -v redis-server >/dev/null || { echo "apt-get install redis-server" >&2; exit 1; }
    redis-cli -p "$port" ping >/dev/null 2>&1 ||
      redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes >/dev/null
    for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    echo "Redis on 127.0.0.1:$port (REDIS_URL=redis://127.0.0.1:$port/0)"
    ;;
  stop)
    redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
