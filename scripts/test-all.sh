#!/usr/bin/env bash
# Every test the project has: typecheck, schema drift, unit/property tests, production build, end-to-end in Chromium.
# Ends with the plain line "N passed, N failed" counted from the runners' JSON reports.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p reports reports/screenshots data
rm -f reports/vitest.json reports/playwright.json

# Steps other than the two test runners count as one failure each; the runners' own counts come from their reports.
failed_steps=0
vitest_exit=0
playwright_exit=skipped
run_step() {
  local name=$1
  shift
  echo "::: $name"
  if ! "$@"; then
    echo "::: $name FAILED"
    failed_steps=$((failed_steps + 1))
    return 1
  fi
}

# Chromium and CJK fonts come from Debian; install them when missing and allowed.
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "End-to-end tests need Debian's Chromium: sudo apt-get install -y chromium fonts-noto-cjk" >&2
  fi
fi

run_step "prisma generate" npm run -s db:generate
run_step "typecheck" npx tsc --noEmit
run_step "migrations match the schema" npm run -s db:check
echo "::: unit and property tests"
npx vitest run --reporter=default --reporter=json --outputFile=reports/vitest.json || vitest_exit=$?

if run_step "production build" npm run -s build; then
  # A fresh database with demo data for the browser tests.
  rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm
  if DATABASE_URL=file:./data/e2e.db run_step "e2e database" npm run -s db:setup; then
    echo "::: end-to-end tests (Chromium, 390x844)"
    playwright_exit=0
    E2E_DATABASE_URL=file:./data/e2e.db npx playwright test || playwright_exit=$?
  fi
fi

node scripts/test-summary.mjs "$failed_steps" "$vitest_exit" "$playwright_exit"
