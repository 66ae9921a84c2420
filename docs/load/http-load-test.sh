#!/usr/bin/env bash
# Load test of the HTTP API on loopback with wrk (Debian: apt-get install wrk).
# Seeds a fresh SQLite database with the demo volumes, creates a token, starts `reporting serve`
# without the scheduler, then measures GET /deliveries (a page of 50 with its total, filtered by
# gym) and POST /generate (a gym's daily report computed and stored as a preview).
#
#   docs/load/http-load-test.sh [DURATION] [CONNECTIONS]     # defaults: 30s 16
set -euo pipefail
duration="${1:-30s}"
connections="${2:-16}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
work="$(mktemp -d)"
port="${PORT:-18480}"
export REPORTING_DB_URL="jdbc:sqlite:$work/load.db"
unset REPORTING_SMTP_HOST
reporting() { "$root/reporting" "$@"; }

reporting seed-data --gyms 3 --branches-per-gym 2 --days 120 --end-date 2026-03-01 >"$work/seed.log" 2>&1
gym=$(grep -o 'gym ids: \[[^],]*' "$work/seed.log" | sed 's/.*\[//')
token=$(reporting tokens create --gym-id "$gym" --name "load test" 2>/dev/null)
if curl -s -o /dev/null "http://127.0.0.1:$port/health"; then
  echo "port $port is in use; set PORT=… to another one" >&2; exit 1
fi
# Not through the function: $! must be the launcher, which execs the JVM, so the trap stops it.
"$root/reporting" serve --port "$port" --no-scheduler >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 150); do
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.2
done
base="http://127.0.0.1:$port/api/analytics/reporting"
# A delivery log to page through: 200 previews.
for day in $(seq 1 200); do
  date=$(date -u -d "2026-02-28 - $((day % 100)) days" +%F)
  curl -sf -o /dev/null -X POST "$base/generate" -H "Authorization: Bearer $token" \
    -d "{\"report_type\":\"daily\",\"gym_id\":\"$gym\",\"date\":\"$date\"}"
done
cat >"$work/generate.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
local days = {}
for d = 1, 28 do days[#days + 1] = string.format("2026-02-%02d", d) end
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil,
    '{"report_type":"daily","gym_id":"$gym","date":"' .. days[(n % #days) + 1] .. '"}')
end
LUA
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
echo "== $(grep -o 'Loaded.*calls' "$work/seed.log"); delivery log: 201 rows"
echo "== GET /deliveries?gym_id=…&limit=50 ($duration, $connections connections, 2 threads)"
wrk -t2 -c"$connections" -d"$duration" --timeout 10s --latency -H "Authorization: Bearer $token" \
  "$base/deliveries?gym_id=$gym&limit=50"
echo "== POST /generate (daily, whole gym, 28 different days; $duration, $connections connections, 2 threads)"
wrk -t2 -c"$connections" -d"$duration" --timeout 10s --latency -s "$work/generate.lua" "$base/generate"
echo "== server errors logged: $(grep -c ' ERROR ' "$work/serve.log" || true)"
