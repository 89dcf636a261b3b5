#!/usr/bin/env bash
# Runs every test: core and app tests on SQLite, the same app tests on PostgreSQL, the browser
# tests in headless Chromium and the API contract check. Installs what it needs (Debian packages,
# PyPI packages) and starts PostgreSQL on loopback when it is not running.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
say() { printf '\n=== %s\n' "$*"; }

need_apt=()
command -v pg_ctlcluster >/dev/null || need_apt+=(postgresql)
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
[ -d /usr/share/fonts/opentype/noto ] || need_apt+=(fonts-noto-cjk)
[ -x /usr/sbin/bearerbox ] || need_apt+=(kannel)
[ -x /usr/lib/kannel/test/fakesmsc ] || need_apt+=(kannel-extras)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "Installing ${need_apt[*]}"
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
python3 -c "import selenium, pytest, schemathesis, pypdf" 2>/dev/null || { say "Installing Python test tools"; python3 -m pip install -q selenium pytest schemathesis pypdf; }

say "Format (swift-format with the repository's .swift-format; fix with: swift format -i -r Sources Tests)"
swift format lint --strict -r --parallel Sources Tests

say "Build"
swift build --build-tests -q

say "Core and app tests on SQLite (in memory, one database per test)"
swift test --skip-build

say "App tests on PostgreSQL (one schema per test)"
PG_URL=$(scripts/postgres.sh)
RESILIENCE_TEST_POSTGRES_URL="$PG_URL" swift test --skip-build --filter ResilienceAppTests

say "Browser tests and API contract (headless Chromium, schemathesis)"
scripts/test-browser.sh
