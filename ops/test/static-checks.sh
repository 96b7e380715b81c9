#!/usr/bin/env bash
# Offline checks of everything in ops/ that needs no running service:
#   1. promtool check config  (prometheus.yml, with the rule files it names)
#   2. promtool check rules   (every rule file prometheus.yml loads)
#   3. promtool test rules    (every *.test.yml)
#   4. rule conventions       (severity, annotations, runbook link, tests and docs for each alert)
#   5. amtool check-config    (alertmanager.yml)
#   6. amtool routes test     (which receiver each severity reaches)
# Prints each check and its outcome; exits non-zero when any check fails (all are run).
set -uo pipefail

OPS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(dirname "$OPS_DIR")"
PROM_DIR="$OPS_DIR/prometheus"
AM_CONFIG="$OPS_DIR/alertmanager/alertmanager.yml"
ALERTS_DOC="$REPO_DIR/docs/alerts.md"
RUNBOOK_BASE="https://github.com/carmarket/carmarket/blob/main/docs/runbook.md#"
# The rule files Prometheus loads, and their unit tests.
mapfile -t RULE_FILES < <(yq -r '.rule_files[]' "$PROM_DIR/prometheus.yml" | sed "s|^|$PROM_DIR/|")
TEST_FILES=("$PROM_DIR"/*.test.yml)

"$OPS_DIR/scripts/install-tools.sh" || exit 1

failures=0
check() {
  local title="$1"; shift
  echo "== $title"
  if "$@"; then
    echo "   OK"
  else
    echo "   FAILED: $title"
    failures=$((failures + 1))
  fi
}

WORK_DIR="$(mktemp -d)"
trap 'rm -rf "$WORK_DIR"' EXIT

# check config stats the bearer-token file, which exists only on the server: check a copy of the
# directory with a dummy token where prometheus.yml expects the real one.
check_prometheus_config() {
  cp "$PROM_DIR"/*.yml "$WORK_DIR"/
  mkdir -p "$WORK_DIR/secrets"
  echo "dummy-token-for-promtool-check-config" >"$WORK_DIR/secrets/carmarket-internal-token"
  promtool check config "$WORK_DIR/prometheus.yml"
}

alert_rules_json() {
  yq -c '.groups[].rules[] | select(.alert)' "${RULE_FILES[@]}"
}

# Every alert rule: severity page|ticket, summary + description + runbook_url on the agreed base
# with the alert's own anchor; a firing and a not-firing unit test; a section in docs/alerts.md.
# A rule is told apart from its siblings of the same name by its labels (severity, long_window),
# so each rule must appear, with those labels, among the expected firing alerts.
check_rule_conventions() {
  local ok=0 rule name anchor labels tests problems
  tests="$(yq -c '[.tests[].alert_rule_test[]?]' "$PROM_DIR"/*.test.yml | jq -cs 'add')"
  while IFS= read -r rule; do
    name="$(jq -r '.alert' <<<"$rule")"
    labels="$(jq -c '.labels // {}' <<<"$rule")"
    anchor="$(tr '[:upper:]' '[:lower:]' <<<"$name")"
    problems="$(jq -r --arg base "$RUNBOOK_BASE$anchor" '
        [ (if (.labels.severity // "") | test("^(page|ticket)$") then empty else "severity label is not page|ticket" end),
          (.annotations // {} | if .summary then empty else "no summary annotation" end),
          (.annotations // {} | if .description then empty else "no description annotation" end),
          (.annotations // {} | if .runbook_url == $base then empty else "runbook_url is not \($base)" end)
        ] | .[]' <<<"$rule")"
    problems+="$(jq -r --arg name "$name" --argjson labels "$labels" '
        [ .[] | select(.alertname == $name) ] as $mine
        | (if any($mine[]; .exp_alerts | length == 0) then empty else "\nno unit test where it does not fire" end),
          (if any($mine[].exp_alerts[]?; .exp_labels | contains($labels)) then empty
           else "\nno unit test where it fires with labels \($labels)" end)' <<<"$tests")"
    grep -qx "## $name" "$ALERTS_DOC" 2>/dev/null || problems+=$'\n'"no '## $name' section in docs/alerts.md"
    if [[ -n "${problems//$'\n'/}" ]]; then
      ok=1
      sed '/^$/d; s/^/   '"$name $labels"': /' <<<"$problems"
    else
      echo "   $name $labels: conventions, tests and docs present"
    fi
  done < <(alert_rules_json)
  return $ok
}

# A page must reach the page receiver, a ticket the ticket receiver, and an alert without a
# severity must still reach someone.
check_alertmanager_routes() {
  local ok=0 expected labels
  while read -r expected labels; do
    echo "   $labels -> $expected"
    # shellcheck disable=SC2086 # labels are separate arguments on purpose
    amtool config routes test --config.file="$AM_CONFIG" --verify.receivers="$expected" $labels \
      >/dev/null 2>&1 || { echo "   not routed to $expected: $labels"; ok=1; }
  done <<'ROUTES'
page   alertname=CarmarketDown service=carmarket severity=page
page   alertname=CarmarketSearchErrorBudgetBurn service=carmarket severity=page long_window=1h
ticket alertname=CarmarketSearchErrorBudgetBurn service=carmarket severity=ticket long_window=6h
ticket alertname=CarmarketDbFailureSpike service=carmarket severity=ticket
ticket alertname=UnlabelledAlert service=carmarket
ROUTES
  return $ok
}

check "promtool check config ops/prometheus/prometheus.yml" check_prometheus_config
check "promtool check rules ${RULE_FILES[*]#"$OPS_DIR/"}" promtool check rules "${RULE_FILES[@]}"
check "promtool test rules ${TEST_FILES[*]#"$OPS_DIR/"}" promtool test rules "${TEST_FILES[@]}"
check "alert rule conventions (labels, annotations, runbook links, unit tests, docs/alerts.md)" \
  check_rule_conventions
check "amtool check-config ops/alertmanager/alertmanager.yml" amtool check-config "$AM_CONFIG"
check "amtool config routes test (severity routing)" check_alertmanager_routes

if [[ $failures -ne 0 ]]; then
  echo "ops static checks: $failures check(s) FAILED"
  exit 1
fi
echo "ops static checks: all passed"
