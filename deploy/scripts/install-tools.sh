#!/usr/bin/env bash
# Installs what the deploy tests need, each only when absent (a second run changes nothing):
#   nginx       (Debian package)  -> `nginx -t` on deploy/nginx/carmarket.conf
#   ShellCheck  (Debian package)  -> lint of the deploy scripts
#   unzip, curl, flock: used by deploy.sh; jq: used by the tests
#   pgBackRest  (Debian package)  -> the restore drill test (deploy/backup/test/restore-drill-test.sh)
#   pm2         (npm, pinned)     -> deploy/.tools/node_modules/.bin/pm2, project-local, git-ignored
# On a VPS, docs/deploy.md installs PM2 globally instead; the scripts find either ($PM2 wins).
#
# The nginx package would start a system nginx on :80. The tests only run `nginx -t`, so the
# install must start nothing: invoke-rc.d is told not to (policy-rc.d exit 101) for the duration of
# the install, and an instance started anyway is stopped and disabled.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly DEPLOY_DIR
readonly PM2_VERSION=6.0.8
readonly TOOLS_DIR="$DEPLOY_DIR/.tools"
readonly PM2_BIN="$TOOLS_DIR/node_modules/.bin/pm2"
readonly REQUIRED=("nginx:nginx" "shellcheck:shellcheck" "unzip:unzip" "curl:curl" "jq:jq" "flock:util-linux" "pgbackrest:pgbackrest")

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# nginx lives in /usr/sbin, which a non-root PATH may lack.
has_binary() {
  command -v "$1" >/dev/null 2>&1 || [[ -x "/usr/sbin/$1" ]]
}

missing_packages() {
  local entry
  for entry in "${REQUIRED[@]}"; do
    has_binary "${entry%%:*}" || printf '%s\n' "${entry#*:}"
  done
}

# Leaves an existing policy (e.g. Docker's) alone; removes only the one written here.
readonly POLICY=/usr/sbin/policy-rc.d
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

stop_system_nginx() {
  if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
    as_root systemctl disable --now nginx >/dev/null 2>&1 || true
  elif [[ -x /etc/init.d/nginx ]]; then
    as_root /etc/init.d/nginx stop >/dev/null 2>&1 || true
    as_root update-rc.d nginx disable >/dev/null 2>&1 || true
  fi
}

install_packages() {
  local packages
  mapfile -t packages < <(missing_packages)
  if [[ ${#packages[@]} -eq 0 ]]; then return 0; fi
  echo "install-tools: installing ${packages[*]}"
  trap restore_service_policy EXIT
  block_service_starts
  as_root apt-get update -qq
  # --no-install-recommends: nothing beyond the binaries the tests call.
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  stop_system_nginx
}

install_pm2() {
  if [[ -x "$PM2_BIN" ]] && [[ "$(node -p "require('$TOOLS_DIR/node_modules/pm2/package.json').version")" == "$PM2_VERSION" ]]; then
    return 0
  fi
  command -v npm >/dev/null || { echo "install-tools: npm is required to install PM2" >&2; exit 1; }
  echo "install-tools: installing pm2@$PM2_VERSION into $TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "pm2@$PM2_VERSION" >/dev/null
}

install_packages
install_pm2
missing="$(missing_packages)"
[[ -z "$missing" ]] || { echo "install-tools: still missing: $missing" >&2; exit 1; }
echo "install-tools: ready (pm2 $PM2_VERSION, $(PATH="$PATH:/usr/sbin" nginx -v 2>&1), shellcheck $(shellcheck --version | sed -n 's/^version: //p'), $(pgbackrest version))"
