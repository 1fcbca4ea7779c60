#!/usr/bin/env bash
# What `make test` needs beyond Python 3.11 and make: the Debian packages for the browser tests
# (chromium; npm fetches axe-core and vnu-jar, java runs vnu), the Redis and PostgreSQL tests
# (redis-server; postgresql, which CI's second run uses), and python3.11-venv when Python lacks venv.
# Root: apt-get installs what is missing (one apt-get update, only then). Not root: prints the one
# command to run, and fails. Nothing missing: says nothing and returns at once.
# Usage: scripts/install-test-deps.sh   (`make test` and `.ci/run` run it through `make test-deps`)
set -euo pipefail
PY=${PY:-python3.11}

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v java >/dev/null || need+=(default-jre-headless)
command -v npm >/dev/null || need+=(npm)
command -v redis-server >/dev/null || need+=(redis-server)
command -v pg_ctlcluster >/dev/null || need+=(postgresql)
if command -v "$PY" >/dev/null && ! "$PY" -c "import ensurepip" 2>/dev/null; then
  need+=("$(basename "$PY")-venv")
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need Debian packages that are missing: ${need[*]}" >&2
  echo "Install them once, as root, with:" >&2
  echo "" >&2
  echo "    sudo make test-deps" >&2
  echo "" >&2
  exit 1
fi
echo "== apt-get install ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
