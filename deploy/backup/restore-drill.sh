#!/usr/bin/env bash
# usage: restore-drill.sh [--target-time TIME] [--keep]
#
# Proves that the backups restore (docs/backup.md, "Restore drill"), as root, without touching the
# service's cluster beyond reading it:
#   1. without --target-time: takes the service database's fingerprint (row count of every table, a
#      checksum of orders, payments and the cars' states) and creates a restore point in the same
#      instant, under a SHARE lock on every table (writes wait for it, well under a second); then
#      `pgbackrest check` archives the WAL holding the restore point;
#   2. restores the repository's backup into a scratch cluster (a new directory under
#      CARMARKET_DRILL_DIR, a free loopback port, archiving off so it never writes to the
#      repository), replaying the WAL to that restore point, or to TIME with --target-time;
#   3. starts it and waits for the promotion (the end of recovery);
#   4. runs the release's `carmarket.jar --preflight` against it, with the service's env file;
#   5. compares its fingerprint with the source's. Without --target-time they must be equal, or the
#      drill fails; with it, the source has moved on since TIME, and the differences are only shown.
# Prints the recovery time: restore, WAL replay and promotion, then the preflight. The scratch
# cluster is stopped and removed at the end (--keep leaves it running and says how to remove it).
#
# Exit status: 0 the drill passed; 1 it failed (the output says where); 2 usage.
# Settings: lib.sh's, and
#   CARMARKET_ENV_FILE   the service's configuration (DATABASE_URL names database and login)  /etc/carmarket/env
#   CARMARKET_JAR        the jar whose --preflight runs        ${CARMARKET_DEPLOY_ROOT:-/opt/carmarket}/current/carmarket.jar
#   CARMARKET_JAVA       the JVM                                                                 java
#   CARMARKET_DRILL_DIR  where the scratch cluster goes (room for a copy of the database)       /var/tmp
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# log, die, usage, run_with_service_env: the deploy scripts' own, so the drill reads the env file like
# they do.
# shellcheck source-path=SCRIPTDIR source=../lib.sh
source "$BACKUP_DIR/../lib.sh"

# read by run_with_service_env
ENV_FILE="${CARMARKET_ENV_FILE:-/etc/carmarket/env}"
readonly JAR="${CARMARKET_JAR:-${CARMARKET_DEPLOY_ROOT:-/opt/carmarket}/current/carmarket.jar}"
readonly JAVA="${CARMARKET_JAVA:-java}"
readonly DRILL_PARENT="${CARMARKET_DRILL_DIR:-/var/tmp}"
# read by lib.sh's usage
readonly USAGE="[--target-time TIME] [--keep]"

SCRATCH=""
SCRATCH_PORT=""
PG_BIN=""
KEEP=false

fail() {
  die 1 drill "FAILED: $*"
}

# The service's database name, from DATABASE_URL (postgresql://user:password@host:port/name?options).
service_database() {
  sed -E 's|^[a-z]+://[^/]*/([^?]*).*$|\1|' <<<"$1"
}

# DATABASE_URL with host and port replaced by the scratch cluster's; login and options unchanged.
scratch_database_url() {
  sed -E "s|^([a-z]+://([^@/]*@)?)[^/?]*|\\1127.0.0.1:$SCRATCH_PORT|" <<<"$1"
}

# Rows of every table, and checksums of the rows customers paid for and the state of every car:
# `name<TAB>value`, sorted for join(1). Text forms are pinned (time zone, date style), so equal data
# prints equal.
readonly FINGERPRINT_SQL="
  SELECT 'rows ' || tablename,
         (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', schemaname, tablename), false, true, '')))[1]::text
    FROM pg_tables WHERE schemaname = 'public'
  UNION ALL SELECT 'checksum orders', md5(coalesce(string_agg(o::text, E'\n' ORDER BY o.id), '')) FROM orders o
  UNION ALL SELECT 'checksum payments', md5(coalesce(string_agg(p::text, E'\n' ORDER BY p.id), '')) FROM payments p
  UNION ALL SELECT 'checksum car states', md5(coalesce(string_agg(c.id || ' ' || c.status, E'\n' ORDER BY c.id), '')) FROM cars c"

# fingerprint HOST PORT DATABASE [SQL run first, in the same transaction]
fingerprint() {
  PGOPTIONS='-c TimeZone=UTC -c DateStyle=ISO,YMD' pg_query_at "$1" "$2" "$3" "${@:4}" "$FINGERPRINT_SQL" | LC_ALL=C sort
}

# The source's fingerprint and a restore point in one instant: the SHARE lock on every table waits
# for the writers in flight and holds new ones back until the transaction ends, so no write to these
# tables commits between the restore point and the fingerprint's snapshot (taken after the lock).
source_fingerprint_at_restore_point() {
  local database=$1 name=$2
  fingerprint "$PG_HOST" "$PG_PORT" "$database" "DO \$\$ BEGIN
      EXECUTE (SELECT 'LOCK TABLE ' || string_agg(format('%I.%I', schemaname, tablename), ', ') || ' IN SHARE MODE'
                 FROM pg_tables WHERE schemaname = 'public');
      PERFORM pg_create_restore_point('$name');
    END \$\$"
}

prepare_scratch() {
  local major
  major="$(pg_query postgres 'SHOW server_version_num')"
  PG_BIN="/usr/lib/postgresql/$((major / 10000))/bin"
  [[ -x "$PG_BIN/pg_ctl" ]] || fail "no PostgreSQL $((major / 10000)) server binaries under $PG_BIN"
  SCRATCH="$(mktemp -d "$DRILL_PARENT/carmarket-drill.XXXXXX")"
  SCRATCH_PORT="$(free_port)"
  install -d -o postgres -g postgres -m 0700 "$SCRATCH/data"
  chown postgres:postgres "$SCRATCH"
}

cleanup() {
  [[ -n "$SCRATCH" ]] || return 0
  if [[ "$KEEP" == true ]]; then
    log drill "kept: scratch cluster $SCRATCH/data; look at it with:"
    log drill "  runuser -u postgres -- psql -h $SCRATCH -p $SCRATCH_PORT"
    log drill "remove it with:"
    log drill "  runuser -u postgres -- $PG_BIN/pg_ctl -D $SCRATCH/data -m fast stop && rm -rf $SCRATCH"
    return 0
  fi
  if [[ -f "$SCRATCH/data/postmaster.pid" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$SCRATCH/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$SCRATCH"
}

# restore TYPE TARGET: the backup that holds TARGET, with recovery up to it and promotion there.
restore() {
  pgbackrest_cmd --pg1-path="$SCRATCH/data" --archive-mode=off --type="$1" --target="$2" \
    --target-action=promote restore
}

# On Debian the configuration lives outside the data directory: the scratch cluster gets an empty
# postgresql.conf and the source's authentication rules (the service's login works as on the source).
# Port, socket and address are set on the command line, over anything restored.
start_scratch() {
  local hba
  if [[ ! -e "$SCRATCH/data/postgresql.conf" ]]; then
    install -o postgres -g postgres -m 0600 /dev/null "$SCRATCH/data/postgresql.conf"
  fi
  if [[ ! -e "$SCRATCH/data/pg_hba.conf" ]]; then
    hba="$(pg_query postgres 'SHOW hba_file')"
    install -o postgres -g postgres -m 0600 "$hba" "$SCRATCH/data/pg_hba.conf"
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$SCRATCH/data" -l "$SCRATCH/postgresql.log" -w -t 3600 \
    -o "-p $SCRATCH_PORT -k $SCRATCH -c listen_addresses=127.0.0.1" start >/dev/null ||
    { tail -n 20 "$SCRATCH/postgresql.log" >&2; fail "the scratch cluster did not start"; }
}

# Recovery ends with the promotion at the target. A target the WAL never reaches stops the server.
wait_for_promotion() {
  while [[ "$(pg_query_at "$SCRATCH" "$SCRATCH_PORT" postgres 'SELECT pg_is_in_recovery()' 2>/dev/null)" != f ]]; do
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$SCRATCH/data" status >/dev/null; then
      tail -n 20 "$SCRATCH/postgresql.log" >&2
      fail "the scratch cluster stopped before the end of recovery (above)"
    fi
    sleep 0.2
  done
}

preflight() {
  local url=$1 output line status=0
  output="$(run_with_service_env env DATABASE_URL="$(scratch_database_url "$url")" PORT="$(free_port)" \
    "$JAVA" -jar "$JAR" --preflight 2>&1)" || status=$?
  while IFS= read -r line; do log preflight "  $line"; done <<<"$output"
  (( status == 0 )) || fail "the release's --preflight failed on the restored cluster (exit $status)"
}

# compare SOURCE RESTORED EXACT: a line per value; EXACT=true fails on any difference.
compare() {
  local joined differences name source restored
  joined="$(LC_ALL=C join -t $'\t' -a 1 -a 2 -e '-' -o 0,1.2,2.2 "$1" "$2")"
  while IFS=$'\t' read -r name source restored; do
    log compare "$(printf '%-22s source %-34s restored %s' "$name" "$source" "$restored")"
  done <<<"$joined"
  differences="$(awk -F'\t' '$2 != $3 { print $1 }' <<<"$joined" | paste -sd, -)"
  if [[ -z "$differences" ]]; then
    log compare "the restored cluster equals the source at the target"
  elif [[ "$3" == true ]]; then
    fail "the restored cluster differs from the source at the restore point: $differences"
  else
    log compare "differences ($differences): what the source changed since the target time"
  fi
}

# seconds FROM TO: the time between two $EPOCHREALTIME readings, to a tenth of a second.
seconds() {
  awk -v from="$1" -v to="$2" 'BEGIN { printf "%.1f", to - from }'
}

main() {
  local target_time=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --target-time) [[ $# -ge 2 ]] || usage; target_time="$2"; shift ;;
      --keep) KEEP=true ;;
      *) usage ;;
    esac
    shift
  done
  [[ "$(id -u)" -eq 0 ]] || fail "run as root"
  [[ -f "$JAR" ]] || fail "no jar at $JAR (set CARMARKET_JAR)"
  [[ -r "$ENV_FILE" ]] || fail "cannot read the service's configuration $ENV_FILE (set CARMARKET_ENV_FILE)"
  local url database point started restored promoted ready
  url="$(run_with_service_env printenv DATABASE_URL)" || fail "$ENV_FILE sets no DATABASE_URL"
  database="$(service_database "$url")"
  prepare_scratch
  trap cleanup EXIT
  log drill "scratch cluster $SCRATCH/data on 127.0.0.1:$SCRATCH_PORT; source database $database"

  if [[ -z "$target_time" ]]; then
    point="carmarket-drill-$(date -u +%Y%m%dT%H%M%SZ)"
    source_fingerprint_at_restore_point "$database" "$point" >"$SCRATCH/source.tsv"
    pgbackrest_cmd check
    log drill "restore point $point created and archived"
  fi

  started=$EPOCHREALTIME
  if [[ -z "$target_time" ]]; then restore name "$point"; else restore time "$target_time"; fi
  restored=$EPOCHREALTIME
  log drill "restored $(du -sh "$SCRATCH/data" | cut -f1) in $(seconds "$started" "$restored") s"
  start_scratch
  wait_for_promotion
  promoted=$EPOCHREALTIME
  log drill "WAL replayed to ${point:-$target_time} and promoted in $(seconds "$restored" "$promoted") s"
  preflight "$url"
  ready=$EPOCHREALTIME
  log drill "the release's --preflight passed on the restored cluster in $(seconds "$promoted" "$ready") s"

  if [[ -n "$target_time" ]]; then fingerprint "$PG_HOST" "$PG_PORT" "$database" >"$SCRATCH/source.tsv"; fi
  fingerprint "$SCRATCH" "$SCRATCH_PORT" "$database" >"$SCRATCH/restored.tsv"
  compare "$SCRATCH/source.tsv" "$SCRATCH/restored.tsv" "$([[ -z "$target_time" ]] && echo true || echo false)"
  log summary "DRILL PASSED: recovery time $(seconds "$started" "$promoted") s (restore $(seconds "$started" "$restored") s, WAL replay and promotion $(seconds "$restored" "$promoted") s); the release's preflight $(seconds "$promoted" "$ready") s more"
}
main "$@"
