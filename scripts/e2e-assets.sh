#!/usr/bin/env bash
# Fetch the browser tests' checkers from the npm registry into .cache/e2e/ (git-ignored):
# axe-core (accessibility, injected into pages) and vnu-jar (the Nu Html Checker, run with java).
# Pinned versions; a second run with the files present does nothing.
# Usage: scripts/e2e-assets.sh   (tests/e2e/conftest.py runs it when the files are missing)
set -euo pipefail
cd "$(dirname "$0")/.."
AXE=4.14.1
VNU=26.9.27
dest=.cache/e2e
axe="$dest/axe-core-$AXE.min.js"
vnu="$dest/vnu-$VNU.jar"
if [ -s "$axe" ] && [ -s "$vnu" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed to fetch axe-core and vnu-jar: apt-get install npm" >&2; exit 1; }
mkdir -p "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent --loglevel=error "axe-core@$AXE" "vnu-jar@$VNU" >/dev/null)
tar xzf "$tmp/axe-core-$AXE.tgz" -C "$tmp" package/axe.min.js
mv "$tmp/package/axe.min.js" "$axe"
rm -rf "$tmp/package"
tar xzf "$tmp/vnu-jar-$VNU.tgz" -C "$tmp" package/build/dist/vnu.jar
mv "$tmp/package/build/dist/vnu.jar" "$vnu"
echo "fetched axe-core $AXE and vnu-jar $VNU into $dest"
