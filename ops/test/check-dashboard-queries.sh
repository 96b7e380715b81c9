#!/usr/bin/env bash
# Checks every Grafana dashboard in ops/grafana/dashboards against a real Prometheus:
#   - the JSON parses, panel ids are unique, every panel and target uses the provisioned datasource;
#   - every panel query (targets[].expr, rows' nested panels included) and every query variable's
#     selector, with the template variables substituted, is accepted by /api/v1/query AND returns
#     at least one series, i.e. the series it reads exist in the scraped service.
# Usage: check-dashboard-queries.sh <prometheus base URL> [dashboard.json ...]
# ops/test/fault-injection-test.sh runs it against its Prometheus after traffic (and errors) have
# flowed. An operator can run it against a production Prometheus (through an SSH tunnel) too.
# Substitutions: $instance -> .+ (All), $__rate_interval and $__range -> RATE_WINDOW (default 5m),
# $__interval -> 15s. A variable not listed here fails the check (the test must know it).
set -euo pipefail

OPS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROMETHEUS="${1:?usage: check-dashboard-queries.sh <prometheus base URL> [dashboard.json ...]}"
shift
DASHBOARDS=("$@")
if [[ ${#DASHBOARDS[@]} -eq 0 ]]; then DASHBOARDS=("$OPS_DIR"/grafana/dashboards/*.json); fi
RATE_WINDOW="${RATE_WINDOW:-5m}"
DATASOURCE_UID="$(yq -r '.datasources[0].uid' "$OPS_DIR/grafana/provisioning/datasources/carmarket.yml")"

failures=0
checked=0
fail() { echo "   FAILED: $*"; failures=$((failures + 1)); }

substitute() {
  sed -e 's/\${instance}/.+/g; s/\$instance/.+/g' \
      -e "s/\\\$__rate_interval/$RATE_WINDOW/g; s/\\\$__range/$RATE_WINDOW/g; s/\\\$__interval/15s/g"
}

# check_query <label> <PromQL>: parses, and returns data.
check_query() {
  local label="$1" query="$2" response status count
  checked=$((checked + 1))
  if [[ "$query" == *'$'* ]]; then fail "$label: unknown template variable in: $query"; return; fi
  response="$(curl -sS -m 10 -G --data-urlencode "query=$query" "$PROMETHEUS/api/v1/query")" \
    || { fail "$label: Prometheus did not answer"; return; }
  status="$(jq -r '.status' <<<"$response")"
  if [[ "$status" != "success" ]]; then
    fail "$label: $(jq -r '.errorType + ": " + .error' <<<"$response")"$'\n'"      query: $query"
    return
  fi
  count="$(jq '.data.result | if type == "array" then length else 1 end' <<<"$response")"
  if [[ "$count" -eq 0 ]]; then fail "$label: no data"$'\n'"      query: $query"; return; fi
  echo "   ok ($count series) $label"
}

for dashboard in "${DASHBOARDS[@]}"; do
  name="$(basename "$dashboard")"
  echo "== $name"
  if ! jq -e . "$dashboard" >/dev/null 2>&1; then fail "$name is not valid JSON"; continue; fi
  panels="$(jq -c '[.panels[] | ., (.panels // [])[]]' "$dashboard")"
  duplicates="$(jq -r '[.[].id] | group_by(.) | map(select(length > 1) | .[0]) | join(",")' <<<"$panels")"
  [[ -z "$duplicates" ]] || fail "$name: duplicate panel ids $duplicates"
  wrong_datasource="$(jq -r --arg uid "$DATASOURCE_UID" '.[] | select(.datasource != null)
      | select(([.datasource.uid] + [.targets[]?.datasource.uid]) | map(select(. != null and . != $uid)) | length > 0)
      | .title' <<<"$panels")"
  [[ -z "$wrong_datasource" ]] || fail "$name: panels not on datasource $DATASOURCE_UID: $wrong_datasource"
  while IFS=$'\t' read -r title expr; do
    check_query "$title" "$(substitute <<<"$expr")"
  done < <(jq -r '.[] | .title as $t | (.targets // [])[] | select(.expr) | [$t + " [" + .refId + "]", (.expr | gsub("\n"; " "))] | @tsv' <<<"$panels")
  # Query variables: label_values(<selector>, <label>) must find series.
  while IFS=$'\t' read -r variable selector; do
    check_query "variable $variable" "$(substitute <<<"$selector")"
  done < <(jq -r '.templating.list[] | select(.type == "query") | [.name, (.definition | capture("label_values\\((?<s>.*),[^,]*\\)").s)] | @tsv' "$dashboard")
done

echo "dashboard queries: $checked checked, $failures failed"
[[ "$failures" -eq 0 ]]
