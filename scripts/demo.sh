#!/usr/bin/env bash
# Sets up and starts the demo site on the embedded SQLite database: http://localhost:3000
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export YIZHAN_DEMO=1
export DATABASE_URL="${DATABASE_URL:-file:./data/yizhan.db}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:${PORT:-3000}}"

npm run -s db:setup
npm run -s build
echo "Yizhan demo on ${NEXTAUTH_URL} (demo accounts: see README.md)"
exec node dist/server.cjs -p "${PORT:-3000}"
