#!/usr/bin/env bash
# usage: setup.sh [--no-schedule]
#
# Sets up pgBackRest for carmarket's PostgreSQL cluster on this host (docs/backup.md), as root.
# Idempotent: a second run changes nothing that is already in place.
#   1. installs pgBackRest and jq from Debian packages when absent (and sudo for step 5);
#   2. installs pgbackrest.conf (next to this script) as PGBACKREST_CONFIG when that file does not
#      exist; an existing one is kept (it may hold an off-host repository and its keys);
#   3. turns on continuous WAL archiving through pgBackRest (archive_mode, archive_command,
#      archive_timeout = 60s, by ALTER SYSTEM); archive_mode needs a restart of PostgreSQL
#      (CARMARKET_PG_RESTART), done only when it was off;
#   4. creates the stanza and checks that a WAL segment reaches the repository;
#   5. unless --no-schedule: installs backup-metrics.sh under /usr/local/lib/carmarket-backup and the
#      systemd units of systemd/ (weekly full, daily differential, metrics every minute), and lets
#      the deploy user start a differential backup through sudo (deploy.sh's backup gate);
#   6. takes the first full backup when the repository has none, and writes the metrics file.
#
# Settings: lib.sh's, and
#   CARMARKET_BACKUP_REPO_PATH       repository path of a new configuration      /var/lib/pgbackrest
#   CARMARKET_BACKUP_RETENTION_FULL  full backups kept, in a new configuration   2
#   CARMARKET_BACKUP_LOG_PATH        pgBackRest's log directory                  /var/log/pgbackrest
#   CARMARKET_BACKUP_LOCK_PATH       pgBackRest's lock directory                 /tmp/pgbackrest
#   CARMARKET_PG_RESTART             command that restarts the cluster           pg_ctlcluster 15 main restart
#   CARMARKET_DEPLOY_USER            the user deploy.sh runs as                  carmarket
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

readonly LIB_DIR=/usr/local/lib/carmarket-backup
readonly UNIT_DIR=/etc/systemd/system
readonly SUDOERS_FILE=/etc/sudoers.d/carmarket-backup
readonly REPO_PATH="${CARMARKET_BACKUP_REPO_PATH:-/var/lib/pgbackrest}"
readonly RETENTION_FULL="${CARMARKET_BACKUP_RETENTION_FULL:-2}"
readonly LOG_PATH="${CARMARKET_BACKUP_LOG_PATH:-/var/log/pgbackrest}"
readonly LOCK_PATH="${CARMARKET_BACKUP_LOCK_PATH:-/tmp/pgbackrest}"
readonly PG_RESTART="${CARMARKET_PG_RESTART:-pg_ctlcluster 15 main restart}"
readonly DEPLOY_USER="${CARMARKET_DEPLOY_USER:-carmarket}"
readonly ARCHIVE_TIMEOUT=60s

step() {
  printf '[%s] setup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"
}

fail() {
  echo "setup: $*" >&2
  exit 1
}

# install_packages BINARY:PACKAGE...: the packages whose binary is missing.
install_packages() {
  local entry missing=()
  for entry in "$@"; do
    command -v "${entry%%:*}" >/dev/null || missing+=("${entry#*:}")
  done
  [[ ${#missing[@]} -gt 0 ]] || return 0
  step "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# render FILE: FILE with every {{NAME}} replaced by this host's value.
render() {
  sed -e "s|{{STANZA}}|$STANZA|g; s|{{PG_DATA}}|$PG_DATA|g; s|{{PG_HOST}}|$PG_HOST|g; s|{{PG_PORT}}|$PG_PORT|g" \
      -e "s|{{REPO_PATH}}|$REPO_PATH|g; s|{{RETENTION_FULL}}|$RETENTION_FULL|g" \
      -e "s|{{LOG_PATH}}|$LOG_PATH|g; s|{{LOCK_PATH}}|$LOCK_PATH|g; s|{{PGBACKREST_CONFIG}}|$PGBACKREST_CONFIG|g" \
      -e "s|{{STATUS_FILE}}|$STATUS_FILE|g; s|{{LIB_DIR}}|$LIB_DIR|g" "$1"
}

install_config() {
  install -d -o postgres -g postgres -m 0750 "$LOG_PATH" "$LOCK_PATH"
  if [[ -e "$PGBACKREST_CONFIG" ]]; then
    step "keeping the existing $PGBACKREST_CONFIG"
    return
  fi
  [[ "$RETENTION_FULL" =~ ^[1-9][0-9]*$ ]] || fail "CARMARKET_BACKUP_RETENTION_FULL must be a positive integer, got '$RETENTION_FULL'"
  install -d -m 0755 "$(dirname "$PGBACKREST_CONFIG")"
  install -d -o postgres -g postgres -m 0750 "$REPO_PATH"
  render "$BACKUP_DIR/pgbackrest.conf" | install -o postgres -g postgres -m 0640 /dev/stdin "$PGBACKREST_CONFIG"
  step "wrote $PGBACKREST_CONFIG (repository $REPO_PATH, $RETENTION_FULL full backups kept)"
}

wait_for_postgres() {
  local _
  for _ in $(seq 1 60); do
    pg_query postgres 'SELECT 1' >/dev/null 2>&1 && return 0
    sleep 1
  done
  fail "PostgreSQL does not answer at $PG_HOST:$PG_PORT"
}

# archive_timeout bounds what a lost disk costs: a segment is archived at least once a minute under writes.
configure_archiving() {
  local command="pgbackrest --config=$PGBACKREST_CONFIG --stanza=$STANZA archive-push %p" mode_before
  mode_before="$(pg_query postgres 'SHOW archive_mode')"
  pg_query postgres "ALTER SYSTEM SET archive_mode = 'on'" >/dev/null
  pg_query postgres "ALTER SYSTEM SET archive_command = '$command'" >/dev/null
  pg_query postgres "ALTER SYSTEM SET archive_timeout = '$ARCHIVE_TIMEOUT'" >/dev/null
  pg_query postgres 'SELECT pg_reload_conf()' >/dev/null
  if [[ "$mode_before" != on ]]; then
    step "archive_mode was $mode_before: restarting PostgreSQL ($PG_RESTART)"
    bash -c "$PG_RESTART"
    wait_for_postgres
  fi
  [[ "$(pg_query postgres 'SHOW archive_mode')" == on ]] || fail "archive_mode is still off after the restart"
  step "WAL archiving on: archive_command '$command', archive_timeout $ARCHIVE_TIMEOUT"
}

create_stanza() {
  pgbackrest_cmd stanza-create
  # check: a forced WAL switch must reach the repository, i.e. archive_command works end to end.
  pgbackrest_cmd check
  step "stanza $STANZA created; a WAL segment reached the repository"
}

install_schedule() {
  local unit
  if ! command -v systemctl >/dev/null || [[ ! -d /run/systemd/system ]]; then
    fail "systemd is not running: install the schedule by hand (docs/backup.md) or run with --no-schedule"
  fi
  install_packages visudo:sudo
  install -d -m 0755 "$LIB_DIR"
  install -m 0755 "$BACKUP_DIR/lib.sh" "$BACKUP_DIR/backup-metrics.sh" "$LIB_DIR/"
  for unit in "$BACKUP_DIR"/systemd/*; do
    render "$unit" | install -m 0644 /dev/stdin "$UNIT_DIR/$(basename "$unit")"
  done
  # Only this one command, so the deploy user gains nothing else of postgres's or root's.
  printf '%s ALL=(root) NOPASSWD: /usr/bin/systemctl start carmarket-backup@diff.service\n' "$DEPLOY_USER" >"$SUDOERS_FILE.tmp"
  visudo -cqf "$SUDOERS_FILE.tmp" || fail "visudo rejects the sudoers line for $DEPLOY_USER"
  install -m 0440 "$SUDOERS_FILE.tmp" "$SUDOERS_FILE"
  rm -f "$SUDOERS_FILE.tmp"
  systemctl daemon-reload
  systemctl enable --now carmarket-backup-full.timer carmarket-backup-diff.timer carmarket-backup-metrics.timer
  step "schedule installed: $(systemctl list-timers 'carmarket-backup-*' --no-legend | awk '{ print $(NF-1) }' | paste -sd' ')"
}

first_backup() {
  if [[ "$(pgbackrest_cmd --output=json info | jq '.[0].backup | length')" -eq 0 ]]; then
    step "no backup yet: taking the first full backup"
    pgbackrest_cmd --type=full backup
  fi
  install -d -m 0755 "$(dirname "$STATUS_FILE")"
  "$BACKUP_DIR/backup-metrics.sh"
  step "backups: $(pgbackrest_cmd info | sed -n 's/^ *\(full\|diff\|incr\) backup: /\1 /p' | paste -sd' ')"
}

main() {
  local schedule=true
  case "${1:-}" in
    "") ;;
    --no-schedule) schedule=false ;;
    *) echo "usage: $(basename "$0") [--no-schedule]" >&2; exit 2 ;;
  esac
  [[ "$(id -u)" -eq 0 ]] || fail "run as root"
  install_packages pgbackrest:pgbackrest jq:jq
  install_config
  configure_archiving
  create_stanza
  if [[ "$schedule" == true ]]; then install_schedule; fi
  first_backup
  step "done; restore drill: deploy/backup/restore-drill.sh"
}

main "$@"
