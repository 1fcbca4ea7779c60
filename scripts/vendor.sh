#!/usr/bin/env bash
# Re-fetch the vendored front-end files from the npm registry at the pinned versions.
# Usage: scripts/vendor.sh   (then commit static/vendor/)
set -euo pipefail
cd "$(dirname "$0")/.."
HTMX=2.0.11      # htmx 2.x: the line django-htmx 1.29 documents (npm "latest" is 4.x)
PICO=2.1.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "htmx.org@$HTMX" "@picocss/pico@$PICO" >/dev/null)
tar xzf "$tmp/htmx.org-$HTMX.tgz" -C "$tmp" package/dist/htmx.min.js
mkdir -p static/vendor
cp "$tmp/package/dist/htmx.min.js" static/vendor/htmx.min.js
rm -rf "$tmp/package"
tar xzf "$tmp/picocss-pico-$PICO.tgz" -C "$tmp" package/css/pico.min.css
cp "$tmp/package/css/pico.min.css" static/vendor/pico.min.css
cat > static/vendor/VERSIONS.txt <<TXT
Front-end files vendored from the npm registry by scripts/vendor.sh. Do not edit by hand.
htmx.org@$HTMX      static/vendor/htmx.min.js
@picocss/pico@$PICO  static/vendor/pico.min.css
TXT
echo "vendored htmx $HTMX, pico $PICO"
