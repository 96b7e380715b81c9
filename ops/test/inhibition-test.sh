#!/usr/bin/env bash
# Proves the inhibition rules of ops/alertmanager/alertmanager.yml on a real Alertmanager
# (amtool check-config only proves they parse). Starts prometheus-alertmanager with that config on
# a free loopback port, posts a set of alerts through its API and checks which are suppressed:
#   - CarmarketDown suppresses every other alert of the same service, never another CarmarketDown,
#     and nothing of another service;
#   - a page suppresses the tickets of the same alert name and service, nothing else.
# Nothing is delivered: group_wait outlasts the test and the receivers are placeholders.
set -euo pipefail

OPS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$OPS_DIR/scripts/install-tools.sh" >/dev/null
# shellcheck source=lib/processes.sh
source "$OPS_DIR/test/lib/processes.sh"

WORK_DIR="$(mktemp -d)"
am_pid=""
cleanup() {
  if [[ -n "$am_pid" ]]; then kill "$am_pid" 2>/dev/null || true; wait "$am_pid" 2>/dev/null || true; fi
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT

port="$(free_port)"
url="http://127.0.0.1:$port"
prometheus-alertmanager \
  --config.file="$OPS_DIR/alertmanager/alertmanager.yml" \
  --storage.path="$WORK_DIR/data" \
  --web.listen-address="127.0.0.1:$port" \
  --cluster.listen-address="" \
  >"$WORK_DIR/alertmanager.log" 2>&1 &
am_pid=$!

for _ in $(seq 1 100); do
  curl -fsS "$url/-/ready" >/dev/null 2>&1 && break
  kill -0 "$am_pid" 2>/dev/null || { cat "$WORK_DIR/alertmanager.log"; exit 1; }
  sleep 0.1
done
curl -fsS "$url/-/ready" >/dev/null || { echo "Alertmanager did not become ready"; cat "$WORK_DIR/alertmanager.log"; exit 1; }
echo "Alertmanager on $url (pid $am_pid)"

# name|labels (JSON object without alertname)|expected state
readonly CASES='
CarmarketDown|{"service":"carmarket","instance":"127.0.0.1:8080","severity":"page"}|active
CarmarketDown|{"service":"carmarket","instance":"127.0.0.1:8081","severity":"page"}|active
CarmarketNotReady|{"service":"carmarket","instance":"127.0.0.1:8080","severity":"page"}|suppressed
CarmarketHigh5xxRatio|{"service":"carmarket","severity":"page"}|suppressed
CarmarketDbFailureSpike|{"service":"carmarket","severity":"ticket"}|suppressed
CarmarketHigh5xxRatio|{"service":"carmarket-staging","severity":"page"}|active
CarmarketSearchErrorBudgetBurn|{"service":"carmarket-staging","slo":"search-availability","severity":"page","long_window":"1h"}|active
CarmarketSearchErrorBudgetBurn|{"service":"carmarket-staging","slo":"search-availability","severity":"ticket","long_window":"6h"}|suppressed
CarmarketSearchErrorBudgetBurn|{"service":"carmarket-staging","slo":"search-availability","severity":"ticket","long_window":"3d"}|suppressed
CarmarketOrderCaptureErrorBudgetBurn|{"service":"carmarket-staging","slo":"order-capture-availability","severity":"ticket","long_window":"6h"}|active
CarmarketDbFailureSpike|{"service":"carmarket-staging","severity":"ticket"}|active
'

payload="$(grep -v '^$' <<<"$CASES" | jq -R -s '
  split("\n") | map(select(length > 0) | split("|")
    | {labels: ({alertname: .[0]} + (.[1] | fromjson)),
       annotations: {summary: "inhibition test"},
       startsAt: (now | todate)})')"
curl -fsS -X POST -H 'Content-Type: application/json' --data "$payload" "$url/api/v2/alerts" >/dev/null

# The inhibitor learns about source alerts asynchronously: poll until every state is as expected
# (or give up and report the last difference).
state_of_all() {
  curl -fsS "$url/api/v2/alerts" | jq -r '.[] | "\(.labels.alertname)|\(.labels | del(.alertname) | tojson)|\(.status.state)"' | sort
}
expected="$(grep -v '^$' <<<"$CASES" | while IFS='|' read -r name labels state; do
  printf '%s|%s|%s\n' "$name" "$(jq -cS . <<<"$labels")" "$state"; done | sort)"
actual=""
for _ in $(seq 1 50); do
  actual="$(state_of_all | while IFS='|' read -r name labels state; do
    printf '%s|%s|%s\n' "$name" "$(jq -cS . <<<"$labels")" "$state"; done | sort)"
  [[ "$actual" == "$expected" ]] && break
  sleep 0.2
done

if [[ "$actual" != "$expected" ]]; then
  echo "inhibition test FAILED: expected (<) vs actual (>) alert states"
  diff <(echo "$expected") <(echo "$actual") || true
  exit 1
fi
echo "$expected" | awk -F'|' '{ printf "   %-10s %s %s\n", $3, $1, $2 }'
echo "inhibition test: $(grep -c . <<<"$expected") alerts in the expected state"
