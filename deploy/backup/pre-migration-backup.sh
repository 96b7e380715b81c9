#!/usr/bin/env bash
# usage: pre-migration-backup.sh
#
# deploy.sh's backup gate (docs/deploy.md), run before a release applies migrations to a database
# that holds data: a migration is the one change a rollback cannot undo, so a backup must exist
# from just before it. Runs as the deploy user.
#   - a backup that ended less than CARMARKET_BACKUP_MAX_AGE_MINUTES ago (read from the metrics file,
#     CARMARKET_BACKUP_STATUS_FILE) is enough;
#   - otherwise CARMARKET_BACKUP_COMMAND runs, and its failure fails the gate.
# Together with the WAL archive, any backup before the migrations allows a point-in-time recovery
# to the moment before them; a fresh one keeps that recovery short, and succeeds only while WAL
# archiving works (pgBackRest waits for the backup's WAL to reach the repository).
#
# Settings:
#   CARMARKET_BACKUP_COMMAND          the backup (bash -c); `off`: none, with a warning
#                                     default: sudo -n /usr/bin/systemctl start carmarket-backup@diff.service
#                                     (the unit and the sudo rule deploy/backup/setup.sh installs)
#   CARMARKET_BACKUP_MAX_AGE_MINUTES  a backup younger than this is enough; 0: always a new one   0
#   CARMARKET_BACKUP_STATUS_FILE      lib.sh
# Exit status: 0 a backup is there or the gate is off; 1 no backup; 2 bad settings.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

readonly COMMAND="${CARMARKET_BACKUP_COMMAND:-sudo -n /usr/bin/systemctl start carmarket-backup@diff.service}"
readonly MAX_AGE_MINUTES="${CARMARKET_BACKUP_MAX_AGE_MINUTES:-0}"

# End time (epoch seconds) of the newest backup in the metrics file, 0 when it names none.
newest_backup_end() {
  awk -v metric="$LAST_BACKUP_METRIC" 'index($1, metric "{") == 1 && $2 > newest { newest = $2 }
    END { printf "%d\n", newest }' "$STATUS_FILE" 2>/dev/null || echo 0
}

describe_newest_backup() {
  local end
  end="$(newest_backup_end)"
  if (( end > 0 )); then
    echo "newest backup ended $(date -u -d "@$end" +%Y-%m-%dT%H:%M:%SZ), $(( ($(date +%s) - end) / 60 )) minutes ago"
  else
    echo "no backup recorded in $STATUS_FILE"
  fi
}

main() {
  [[ $# -eq 0 ]] || { echo "usage: $(basename "$0")" >&2; exit 2; }
  [[ "$MAX_AGE_MINUTES" =~ ^[0-9]+$ ]] || { echo "CARMARKET_BACKUP_MAX_AGE_MINUTES must be a whole number, got '$MAX_AGE_MINUTES'" >&2; exit 2; }
  if [[ "$COMMAND" == off ]]; then
    echo "WARNING: CARMARKET_BACKUP_COMMAND=off: no backup before the migrations; undoing them needs an older backup and the WAL archive, if there are any"
    return 0
  fi
  local end
  end="$(newest_backup_end)"
  if (( MAX_AGE_MINUTES > 0 && end > 0 && $(date +%s) - end < MAX_AGE_MINUTES * 60 )); then
    echo "$(describe_newest_backup): younger than CARMARKET_BACKUP_MAX_AGE_MINUTES=$MAX_AGE_MINUTES, no new backup"
    return 0
  fi
  echo "running: $COMMAND"
  if ! bash -c "$COMMAND"; then
    echo "the backup failed ($(describe_newest_backup))"
    return 1
  fi
  echo "backup done ($(describe_newest_backup))"
}

main "$@"
