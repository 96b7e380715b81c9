#!/usr/bin/env bash
# Installs the tools the ops checks need, from Debian packages, only when absent:
#   prometheus              -> /usr/bin/prometheus, /usr/bin/promtool
#   prometheus-alertmanager -> /usr/bin/prometheus-alertmanager, /usr/bin/amtool
#   yq, jq                  -> read the rule and test YAML for the convention checks
#   curl                    -> talk to the Alertmanager started by the inhibition test
#   socat, openssl, psql    -> the fault-injection test: the TCP proxy it cuts to make the database
#                              unreachable, signing payment webhooks, creating its test database
#   prometheus-node-exporter, pgbackrest
#                           -> the fault-injection test: the textfile collector serving what
#                              deploy/backup/backup-metrics.sh writes (it reads pgBackRest's repository)
# Idempotent: a second run installs nothing and does not touch the package index.
#
# The packages ship init scripts/systemd units that would start Prometheus on :9090,
# Alertmanager on :9093 and node-exporter on :9100. Tests run their own instances on free ports, so the install must not
# leave those services running: invoke-rc.d is told not to start anything (policy-rc.d exit 101)
# for the duration of the install, and any instance started anyway is stopped and disabled.
set -euo pipefail

readonly REQUIRED=(
  "promtool:prometheus"
  "prometheus:prometheus"
  "amtool:prometheus-alertmanager"
  "prometheus-alertmanager:prometheus-alertmanager"
  "yq:yq"
  "jq:jq"
  "curl:curl"
  "socat:socat"
  "openssl:openssl"
  "psql:postgresql-client"
  "prometheus-node-exporter:prometheus-node-exporter"
  "pgbackrest:pgbackrest"
)

missing_packages() {
  local entry binary package
  local -A seen=()
  for entry in "${REQUIRED[@]}"; do
    binary="${entry%%:*}"
    package="${entry#*:}"
    if ! command -v "$binary" >/dev/null 2>&1 && [[ -z "${seen[$package]:-}" ]]; then
      seen[$package]=1
      printf '%s\n' "$package"
    fi
  done
}

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Leaves an existing policy (e.g. Docker's) alone; removes only the one written here.
POLICY=/usr/sbin/policy-rc.d
policy_written_here=false
block_service_starts() {
  if [[ ! -e "$POLICY" ]]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$POLICY" >/dev/null
    as_root chmod 0755 "$POLICY"
    policy_written_here=true
  fi
}
restore_service_policy() {
  if [[ "$policy_written_here" == true ]]; then as_root rm -f "$POLICY"; fi
}

stop_packaged_services() {
  local service
  for service in prometheus prometheus-alertmanager prometheus-node-exporter; do
    if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
      as_root systemctl disable --now "$service" >/dev/null 2>&1 || true
    elif [[ -x "/etc/init.d/$service" ]]; then
      as_root "/etc/init.d/$service" stop >/dev/null 2>&1 || true
      as_root update-rc.d "$service" disable >/dev/null 2>&1 || true
    fi
  done
}

mapfile -t packages < <(missing_packages)
if [[ ${#packages[@]} -eq 0 ]]; then
  echo "install-tools: all present (${REQUIRED[*]%%:*})"
  exit 0
fi

echo "install-tools: installing ${packages[*]}"
trap restore_service_policy EXIT
block_service_starts
as_root apt-get update -qq
# --no-install-recommends: nothing beyond the binaries the tests call (node-exporter's recommended
# collectors come with timers of their own).
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
stop_packaged_services

for entry in "${REQUIRED[@]}"; do
  command -v "${entry%%:*}" >/dev/null || { echo "install-tools: ${entry%%:*} still missing" >&2; exit 1; }
done
echo "install-tools: done ($(promtool --version 2>&1 | head -n1); $(amtool --version 2>&1 | head -n1))"
