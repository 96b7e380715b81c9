# shellcheck shell=bash
# Shared by the backup scripts (sourced, never run): their settings and the calls to PostgreSQL and
# pgBackRest. Callers run with `set -euo pipefail`.
#
# Settings (environment; the defaults are Debian 12's PostgreSQL 15 cluster "main"):
#   CARMARKET_BACKUP_STANZA       pgBackRest stanza of the service's cluster            carmarket
#   PGBACKREST_CONFIG             pgBackRest's configuration file (its own variable)    /etc/pgbackrest/pgbackrest.conf
#   CARMARKET_PG_DATA             the cluster's data directory                          /var/lib/postgresql/15/main
#   CARMARKET_PG_HOST             socket directory (or host) of the cluster             /var/run/postgresql
#   CARMARKET_PG_PORT             its port                                              5432
#   CARMARKET_BACKUP_STATUS_FILE  the metrics file backup-metrics.sh writes for node-exporter's
#                                 textfile collector, read by pre-migration-backup.sh   /var/lib/prometheus/node-exporter/carmarket_backup.prom

# shellcheck disable=SC2034 # BACKUP_DIR, PG_DATA, STATUS_FILE, LAST_BACKUP_METRIC: read by the sourcing scripts
BACKUP_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly BACKUP_DIR
STANZA="${CARMARKET_BACKUP_STANZA:-carmarket}"
PGBACKREST_CONFIG="${PGBACKREST_CONFIG:-/etc/pgbackrest/pgbackrest.conf}"
PG_DATA="${CARMARKET_PG_DATA:-/var/lib/postgresql/15/main}"
PG_HOST="${CARMARKET_PG_HOST:-/var/run/postgresql}"
PG_PORT="${CARMARKET_PG_PORT:-5432}"
STATUS_FILE="${CARMARKET_BACKUP_STATUS_FILE:-/var/lib/prometheus/node-exporter/carmarket_backup.prom}"
# pgBackRest reads PGBACKREST_CONFIG itself: every pgBackRest call of the scripts uses this file.
export PGBACKREST_CONFIG
# shellcheck disable=SC2034
readonly STANZA PG_DATA PG_HOST PG_PORT STATUS_FILE

# The metric deploy.sh's backup gate reads, next to the others of backup-metrics.sh.
# shellcheck disable=SC2034
readonly LAST_BACKUP_METRIC=carmarket_backup_last_success_timestamp_seconds

# PostgreSQL's and pgBackRest's files belong to postgres: run as it, from root or as postgres itself.
# The environment (PGBACKREST_CONFIG, ...) goes along; the working directory becomes /, which
# postgres may read (root's would make psql and pgBackRest warn). Arguments are absolute paths.
as_postgres() {
  if [[ "$(id -un)" == postgres ]]; then
    "$@"
  elif [[ "$(id -u)" -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    echo "$(basename "$0"): run as root or postgres (pgBackRest and PostgreSQL's files belong to postgres)" >&2
    return 1
  fi
}

pgbackrest_cmd() {
  as_postgres pgbackrest --stanza="$STANZA" "$@"
}

# pg_query_at HOST PORT DATABASE SQL...: unaligned, tuples only, fields separated by a tab; stops at
# the first error. Several statements run in one transaction, each printing its rows.
pg_query_at() {
  local host=$1 port=$2 database=$3 sql statements=()
  shift 3
  for sql in "$@"; do statements+=(-c "$sql"); done
  if [[ $# -gt 1 ]]; then statements=(--single-transaction "${statements[@]}"); fi
  as_postgres psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres -d "$database" "${statements[@]}"
}

# pg_query DATABASE SQL...: the same on the service's cluster.
pg_query() {
  pg_query_at "$PG_HOST" "$PG_PORT" "$@"
}

# shellcheck source-path=SCRIPTDIR/.. source=free-port.sh
source "$BACKUP_DIR/../free-port.sh"
