#!/usr/bin/env bash
# The console's browser suite: Debian's Chromium driven by Playwright against the real
# `township serve` of .build/debug (run after `swift build` or `swift test`).
#
#   bash Tests/Browser/run.sh                 # the whole suite
#   bash Tests/Browser/run.sh -k stale        # pytest's arguments pass through
#   LIAISON_DOCS_SCREENSHOTS=/tmp/shots bash Tests/Browser/run.sh -k screenshots
#     (then `pngquant --quality=70-90 --strip` each into docs/screenshots/, to keep them small)
#
# Without Chromium it skips, saying how to get it, unless LIAISON_REQUIRE_BROWSER=1 (CI),
# where that fails. Screenshots of a failed test's pages go to $LIAISON_BROWSER_ARTIFACTS (a
# temporary directory by default), named at the end of the output.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
chromium="${LIAISON_CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$chromium" ]; then
  message="browser suite: no Chromium at $chromium. Install it with
  sudo apt-get install chromium chromium-driver
(or set LIAISON_CHROMIUM to a Chromium binary), then run: bash Tests/Browser/run.sh"
  if [ "${LIAISON_REQUIRE_BROWSER:-0}" = 1 ]; then
    echo "error: $message" >&2
    exit 1
  fi
  echo "skipped: $message" >&2
  exit 0
fi

bin="${LIAISON_BIN_DIR:-$root/.build/debug}"
if [ ! -x "$bin/township" ] || [ ! -x "$bin/liaison" ]; then
  echo "error: no township and liaison binaries in $bin: run swift build first" >&2
  exit 1
fi

python="${PYTHON:-python3}"
# Playwright drives the system Chromium (executable_path): it never downloads a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! "$python" - "$here/requirements.txt" <<'EOF'; then
import sys
from importlib.metadata import version, PackageNotFoundError
for line in open(sys.argv[1]):
    name, _, wanted = line.strip().partition("==")
    try:
        if name and version(name) != wanted:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
EOF
  echo "browser suite: installing $here/requirements.txt" >&2
  "$python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi

export LIAISON_BIN_DIR="$bin" LIAISON_CHROMIUM="$chromium"
cd "$here"
exec "$python" -m pytest -p no:cacheprovider -q "$@"
