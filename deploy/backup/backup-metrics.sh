#!/usr/bin/env bash
# usage: backup-metrics.sh
#
# Writes the state of the backups and of the WAL archive as Prometheus metrics into
# CARMARKET_BACKUP_STATUS_FILE, for node-exporter's textfile collector (docs/backup.md, "Monitoring").
# Run every minute by carmarket-backup-metrics.timer and after every backup; as root (the textfile
# directory is root's) or postgres. The file is replaced atomically, and only when both sources
# answered: a failed run leaves the previous file, whose collection time then grows old (alert
# CarmarketBackupMonitoringDown).
#
#   carmarket_backup_last_success_timestamp_seconds{type}   end of the newest backup of each type
#                                                           pgBackRest's repository holds (0: none)
#   carmarket_wal_archived_total, carmarket_wal_archive_failed_total   pg_stat_archiver's counters
#   carmarket_wal_last_archived_timestamp_seconds, ..._last_failed_... their times (0: never)
#   carmarket_wal_ready_segments                            completed WAL segments waiting for the archive
#   carmarket_backup_collected_timestamp_seconds            when this file was written
# Every series carries stanza="<stanza>". Settings: lib.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# pgBackRest's repository is the truth about backups: a backup counts once pgBackRest recorded it
# complete, whoever started it. One line per type: TYPE<TAB>stop time.
newest_backups() {
  pgbackrest_cmd --output=json info | jq -r '
    .[0].backup as $backups
    | ("full", "diff", "incr") as $type
    | [$type, ([$backups[] | select(.type == $type) | .timestamp.stop] | max // 0)] | @tsv'
}

# One line: archived, failed, last archived, last failed (epoch seconds, 0 for never), ready segments.
# A .ready file in pg_wal/archive_status is a completed segment PostgreSQL has not archived yet.
archiver_state() {
  pg_query postgres "
    SELECT archived_count, failed_count,
           coalesce(extract(epoch FROM last_archived_time)::bigint, 0),
           coalesce(extract(epoch FROM last_failed_time)::bigint, 0),
           (SELECT count(*) FROM pg_ls_archive_statusdir() WHERE name LIKE '%.ready')
    FROM pg_stat_archiver"
}

# metric NAME TYPE HELP VALUE [LABELS]
metric() {
  printf '# HELP %s %s\n# TYPE %s %s\n%s{stanza="%s"%s} %s\n' "$1" "$3" "$1" "$2" "$1" "$STANZA" "${5:+,$5}" "$4"
}

render() {
  local backups=$1 archived failed last_archived last_failed ready type stop
  IFS=$'\t' read -r archived failed last_archived last_failed ready <<<"$2"
  printf '# HELP %s End time of the newest backup of each type in the pgBackRest repository (0: none).\n# TYPE %s gauge\n' \
    "$LAST_BACKUP_METRIC" "$LAST_BACKUP_METRIC"
  while IFS=$'\t' read -r type stop; do
    printf '%s{stanza="%s",type="%s"} %s\n' "$LAST_BACKUP_METRIC" "$STANZA" "$type" "$stop"
  done <<<"$backups"
  metric carmarket_wal_archived_total counter "WAL segments archived (pg_stat_archiver.archived_count)." "$archived"
  metric carmarket_wal_archive_failed_total counter "Failed WAL archive attempts (pg_stat_archiver.failed_count)." "$failed"
  metric carmarket_wal_last_archived_timestamp_seconds gauge "When the last WAL segment was archived (0: never)." "$last_archived"
  metric carmarket_wal_last_failed_timestamp_seconds gauge "When the last WAL archive attempt failed (0: never)." "$last_failed"
  metric carmarket_wal_ready_segments gauge "Completed WAL segments waiting to be archived." "$ready"
  metric carmarket_backup_collected_timestamp_seconds gauge "When backup-metrics.sh wrote this file." "$(date +%s)"
}

main() {
  [[ $# -eq 0 ]] || { echo "usage: $(basename "$0")" >&2; exit 2; }
  local backups archiver
  backups="$(newest_backups)"
  archiver="$(archiver_state)"
  # The collector reads *.prom only: the temporary name is invisible to it, and the rename is atomic.
  TMP="$(mktemp "$STATUS_FILE.XXXXXX.tmp")"
  trap 'rm -f "$TMP"' EXIT
  render "$backups" "$archiver" >"$TMP"
  chmod 0644 "$TMP"
  mv -f "$TMP" "$STATUS_FILE"
}

main "$@"
