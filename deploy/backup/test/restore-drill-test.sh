#!/usr/bin/env bash
# The backup story end to end, with real PostgreSQL and real pgBackRest, in a cluster this test
# creates itself (initdb in a temporary directory, a free loopback port; never the machine's own):
#   1. setup.sh --no-schedule configures pgBackRest and WAL archiving and takes the first backup;
#      the packaged service seeds cars and takes orders (some paid through the signed webhook); a
#      full backup; more orders; the metrics file shows the backup and a healthy archive;
#   2. pre-migration-backup.sh (deploy.sh's gate): a fresh backup is enough, a failing backup fails
#      the gate, a real differential backup passes it;
#   3. restore-drill.sh restores into a scratch cluster at a restore point and must find it equal
#      to the source (row counts, checksums), with the jar's --preflight passing on it;
#   4. the disaster: a forced WAL switch, the service and PostgreSQL killed, the data directory
#      deleted; restored from the repository to the end of the WAL archive; the service started on
#      it. Every order answered 201 exists exactly once, with its payment and its car's state, and
#      a client's retry with the same Idempotency-Key gets the same order back.
# Prints the drill's and the disaster's recovery times. Bounded (TEST_BUDGET_SECONDS); everything
# it started is stopped and its directory removed on any exit.
#
# Size: RESTORE_DRILL_TEST_CARS (2000 seeded cars), RESTORE_DRILL_TEST_ORDERS_PER_BATCH (10 orders in
# each of three batches, at most 100), RESTORE_DRILL_TEST_BUDGET_SECONDS (240).
#
# Needs: the packaged jar (bootstrap/target/carmarket.jar, or CARMARKET_JAR), root (PostgreSQL and
# pgBackRest run as postgres), PostgreSQL 15 server binaries; pgBackRest comes from
# deploy/scripts/install-tools.sh.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly SCRIPTS="$DEPLOY_DIR/backup"
readonly JAR="${CARMARKET_JAR:-$DEPLOY_DIR/../bootstrap/target/carmarket.jar}"
readonly PG_BIN=/usr/lib/postgresql/15/bin
# The short form of the build by default; the figures of docs/backup.md come from a larger one.
readonly SEED_CARS="${RESTORE_DRILL_TEST_CARS:-2000}"
readonly ORDERS_PER_BATCH="${RESTORE_DRILL_TEST_ORDERS_PER_BATCH:-10}"
readonly TEST_BUDGET_SECONDS="${RESTORE_DRILL_TEST_BUDGET_SECONDS:-240}"
readonly WEBHOOK_SECRET=carmarket-development-webhook-secret-not-for-production

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

pass() {
  echo "PASS: $* (at ${SECONDS}s)"
}

[[ "$(id -u)" -eq 0 ]] || fail "run as root: the test's PostgreSQL and pgBackRest run as postgres"
[[ -f "$JAR" ]] || fail "$JAR missing: ./mvnw -pl bootstrap -am package, or set CARMARKET_JAR"
[[ -x "$PG_BIN/initdb" ]] || fail "no PostgreSQL 15 server binaries under $PG_BIN"
"$DEPLOY_DIR/scripts/install-tools.sh" >/dev/null

WORK="$(mktemp -d -t carmarket-backup-test.XXXXXX)"
# postgres must reach its directories inside.
chmod 0755 "$WORK"
SERVICE_PID=""
WATCHDOG=""

# The backup scripts' settings, all pointing into $WORK: the test's own cluster and repository. They
# are read when lib.sh is sourced, so they come first (the port from lib.sh in a shell of its own).
# shellcheck disable=SC2016 # $1 expands in that shell
PG_PORT_OF_TEST="$(bash -c 'source "$1" && free_port' free_port "$SCRIPTS/lib.sh")"
export CARMARKET_PG_DATA="$WORK/pgdata" CARMARKET_PG_HOST="$WORK/run" CARMARKET_PG_PORT="$PG_PORT_OF_TEST"
export PGBACKREST_CONFIG="$WORK/pgbackrest/pgbackrest.conf" CARMARKET_BACKUP_REPO_PATH="$WORK/repo"
export CARMARKET_BACKUP_LOG_PATH="$WORK/pgbackrest-log" CARMARKET_BACKUP_LOCK_PATH="$WORK/pgbackrest-lock"
export CARMARKET_BACKUP_STATUS_FILE="$WORK/textfile/carmarket_backup.prom"
export CARMARKET_PG_RESTART="runuser -u postgres -- $PG_BIN/pg_ctl -D $WORK/pgdata -l $WORK/pglog/postgresql.log -w restart"
export CARMARKET_ENV_FILE="$WORK/env" CARMARKET_JAR="$JAR" CARMARKET_DRILL_DIR="$WORK"
# as_postgres, pg_query, pgbackrest_cmd, free_port
# shellcheck source-path=SCRIPTDIR source=../lib.sh
source "$SCRIPTS/lib.sh"

# The test's own stdout and stderr: the watchdog may end the test inside a redirected command.
exec 5>&1 6>&2
cleanup() {
  local status=$?
  exec 1>&5 2>&6
  if [[ -n "$WATCHDOG" ]]; then pkill -P "$WATCHDOG" 2>/dev/null || true; kill "$WATCHDOG" 2>/dev/null || true; fi
  stop_service
  # The test's cluster, and a drill's scratch cluster that an interrupted drill left running.
  local pid_file
  for pid_file in "$WORK/pgdata/postmaster.pid" "$WORK"/carmarket-drill.*/data/postmaster.pid; do
    [[ -f "$pid_file" ]] || continue
    as_postgres "$PG_BIN/pg_ctl" -D "$(dirname "$pid_file")" -m immediate stop >/dev/null 2>&1 || true
  done
  if (( status != 0 )); then
    for log in pglog/postgresql seed service setup drill; do
      [[ -s "$WORK/$log.log" ]] && { echo "---- last lines of $log.log"; tail -n 30 "$WORK/$log.log" | cut -c1-400; }
    done
  fi
  rm -rf "$WORK"
  if (( status == 0 )); then echo "restore-drill-test: all steps passed"; else echo "restore-drill-test: FAILED (exit $status)" >&2; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# Past the budget: TERM to the test, which bash handles once the command it waits for has ended, and
# TERM to that command too (the test's children, the watchdog last). The EXIT trap cleans up.
# The watchdog's stderr is silenced (bash reports the sleep it was killed in); its message goes to fd 3.
start_watchdog() {
  (sleep "$TEST_BUDGET_SECONDS" && echo "restore-drill-test: over ${TEST_BUDGET_SECONDS}s, aborting" >&3 &&
    kill -TERM $$ && pkill -TERM -P $$) 3>&2 2>/dev/null &
  WATCHDOG=$!
}

# --- the test's PostgreSQL ------------------------------------------------------------------------------
create_cluster() {
  install -d -o postgres -g postgres -m 0700 "$WORK/pgdata" "$WORK/run" "$WORK/pglog"
  as_postgres "$PG_BIN/initdb" -D "$WORK/pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
  printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\n" \
    "$PG_PORT_OF_TEST" "$WORK/run" >>"$WORK/pgdata/postgresql.conf"
  start_cluster
  pg_query postgres 'CREATE DATABASE carmarket' >/dev/null
}

start_cluster() {
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pglog/postgresql.log" -w start >/dev/null ||
    fail "the test's PostgreSQL did not start"
}

# --- the service -------------------------------------------------------------------------------------------
# The test places many orders from one address: rate limits and the order quota are off.
SERVICE_ENVIRONMENT=(APP_ENV=development "DATABASE_URL=postgresql://postgres@127.0.0.1:$PG_PORT_OF_TEST/carmarket"
  RATE_LIMITS=off ORDER_QUOTA=off LOG_FORMAT=text)

# The same configuration as the env file restore-drill.sh reads.
write_env_file() {
  printf '%s\n' "${SERVICE_ENVIRONMENT[@]}" >"$WORK/env"
}

# The JVM small and quick to start: the test is about the data, not the service's speed.
JAVA_COMMAND=(java -Xmx256m -XX:TieredStopAtLevel=1 -jar "$JAR")

# run_jar ARGS...: a command of the jar (--seed, --preflight) with exactly the service's environment, bounded.
run_jar() {
  timeout 120 env -i PATH="$PATH" "${SERVICE_ENVIRONMENT[@]}" "${JAVA_COMMAND[@]}" "$@"
}

seed() {
  run_jar --seed="$SEED_CARS" >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log"; fail "seeding $SEED_CARS cars failed"; }
}

# env execs the JVM: $! is its pid.
start_service() {
  SERVICE_PORT="$(free_port)"
  BASE="http://127.0.0.1:$SERVICE_PORT"
  env -i PATH="$PATH" "${SERVICE_ENVIRONMENT[@]}" PORT="$SERVICE_PORT" "${JAVA_COMMAND[@]}" >>"$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  local _
  for _ in $(seq 1 240); do
    curl -fsS -m 2 -o /dev/null "$BASE/health/ready" 2>/dev/null && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || fail "the service exited before it was ready"
    sleep 0.25
  done
  fail "the service was not ready within 60 s"
}

stop_service() {
  [[ -n "$SERVICE_PID" ]] || return 0
  kill -KILL "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
}

# post PATH BODY [HEADER...] -> "<status> <body>"
post() {
  local path=$1 body=$2
  shift 2
  curl -sS -m 10 -X POST -H 'Content-Type: application/json' "$@" --data "$body" -w '\n%{http_code}' "$BASE$path" |
    { mapfile -t lines; echo "${lines[-1]} ${lines[*]:0:${#lines[@]}-1}"; }
}

expect() {
  [[ "${2%% *}" == "$1" ]] || fail "$3: expected HTTP $1, got ${2:0:300}"
  printf '%s' "${2#* }"
}

order_body() {
  printf '{"carId":"%s","customer":{"fullName":"Drill Customer","email":"drill@example.com","phone":"+4915112345678"},"deliveryOption":"PICKUP"}' "$1"
}

# pay ORDER_ID: a payment and its signed payment.succeeded webhook: order PAID, payment CAPTURED, car SOLD.
pay() {
  local payment event t signature
  payment="$(expect 201 "$(post /payments "{\"orderId\":\"$1\",\"method\":\"CARD\"}")" "POST /payments")"
  event="$(jq -c --arg id "evt_drill_$1" '{eventId: $id, type: "payment.succeeded", providerReference: .data.providerReference,
      amount: .data.amount, currency: .data.currency, occurredAt: (now | todate)}' <<<"$payment")"
  t="$(date +%s)"
  signature="$(printf '%s.%s' "$t" "$event" | openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" | sed 's/.* //')"
  expect 200 "$(post /payments/webhook "$event" -H "X-Signature: t=$t,v1=$signature")" "POST /payments/webhook" >/dev/null
}

# place_orders BATCH: ORDERS_PER_BATCH orders on available cars, every second one paid. Each answered
# order is recorded: idempotency key, order id, car, and the states the database must hold.
place_orders() {
  local batch=$1 cars i key order id
  mapfile -t cars < <(curl -fsS -m 10 "$BASE/car-details/search?limit=$ORDERS_PER_BATCH&sort=price_asc" | jq -r '.data[].id')
  (( ${#cars[@]} == ORDERS_PER_BATCH )) || fail "search returned ${#cars[@]} available cars"
  for i in "${!cars[@]}"; do
    key="drill-$batch-$i"
    order="$(expect 201 "$(post /orders "$(order_body "${cars[$i]}")" -H "Idempotency-Key: $key")" "POST /orders")"
    id="$(jq -r .data.id <<<"$order")"
    if (( i % 2 == 0 )); then
      pay "$id"
      printf '%s\t%s\t%s\tPAID\tCAPTURED\tSOLD\n' "$key" "$id" "${cars[$i]}" >>"$WORK/answered.tsv"
    else
      printf '%s\t%s\t%s\tPENDING_PAYMENT\t-\tRESERVED\n' "$key" "$id" "${cars[$i]}" >>"$WORK/answered.tsv"
    fi
  done
}

# --- observations ----------------------------------------------------------------------------------------
metric_value() {
  awk -v name="$1" 'index($1, name) == 1 { print $2; exit }' "$CARMARKET_BACKUP_STATUS_FILE"
}

assert_metrics_after_backup() {
  local full archived failed ready
  full="$(metric_value 'carmarket_backup_last_success_timestamp_seconds{stanza="carmarket",type="full"}')"
  archived="$(metric_value carmarket_wal_archived_total)"
  failed="$(metric_value carmarket_wal_archive_failed_total)"
  ready="$(metric_value carmarket_wal_ready_segments)"
  (( full > $(date +%s) - 120 )) || fail "metrics: the full backup's time is $full, not the last two minutes"
  (( archived > 0 && failed == 0 && ready == 0 )) || fail "metrics: archived $archived, failed $failed, ready $ready"
  pass "1. metrics file: full backup at $full, $archived WAL segments archived, none failed or waiting"
}

# The database holds every answered order exactly once, with the states recorded when it was answered.
assert_orders_restored() {
  local expected actual
  expected="$(cut -f2- "$WORK/answered.tsv" | sort)"
  actual="$(pg_query carmarket "SELECT o.id, o.car_id, o.status, coalesce(string_agg(p.status, ','), '-'), c.status
      FROM orders o JOIN cars c ON c.id = o.car_id LEFT JOIN payments p ON p.order_id = o.id
      GROUP BY o.id, o.car_id, o.status, c.status" | sort)"
  [[ "$actual" == "$expected" ]] || fail "orders after the restore differ from those answered 201:
$(diff <(echo "$expected") <(echo "$actual") | head -20)"
}

# A client that never saw its answer retries with the same key: it must get the same order, not a second one.
assert_retry_gets_same_order() {
  local key id car body
  IFS=$'\t' read -r key id car _ < <(tail -n 1 "$WORK/answered.tsv")
  body="$(post /orders "$(order_body "$car")" -H "Idempotency-Key: $key")"
  [[ "${body%% *}" =~ ^20[01]$ && "$(jq -r .data.id <<<"${body#* }")" == "$id" ]] ||
    fail "the retry of $key answered ${body:0:300}, not order $id"
  [[ "$(curl -fsS -m 10 "$BASE/orders/$id" | jq -r .data.status)" == PENDING_PAYMENT ]] || fail "GET /orders/$id"
  [[ "$(pg_query carmarket 'SELECT count(*) FROM orders')" == "$(wc -l <"$WORK/answered.tsv")" ]] ||
    fail "the retry created a second order"
}

# deploy.sh's backup gate reads the jar's --preflight report: `N pending: V...` after the schema
# version, and `schema version none` for a database without data. Both hold on the empty database.
assert_preflight_reports_pending_migrations() {
  local report
  report="$(run_jar --preflight 2>&1)" ||
    { echo "$report"; fail "--preflight failed on the empty database"; }
  grep -qE 'schema version none \(empty database\); [0-9]+ pending: V1 ' <<<"$report" ||
    fail "the --preflight report no longer has the form deploy.sh's backup gate reads: $report"
  pass "1. --preflight on the empty database reports its pending migrations as deploy.sh's backup gate reads them"
}

# --- the steps -------------------------------------------------------------------------------------------------
step_backups_and_orders() {
  "$SCRIPTS/setup.sh" --no-schedule >"$WORK/setup.log" 2>&1 || { cat "$WORK/setup.log"; fail "setup.sh failed"; }
  [[ "$(pg_query postgres 'SHOW archive_timeout')" == 1min ]] || fail "archive_timeout is not 60s"
  pass "1. setup.sh: archiving through pgBackRest, stanza created and checked, first full backup"
  assert_preflight_reports_pending_migrations
  seed
  start_service
  place_orders a
  pgbackrest_cmd --type=full backup
  "$SCRIPTS/backup-metrics.sh"
  # A point in time between the two batches, for the drill with --target-time.
  BETWEEN_BATCHES="$(date -u '+%Y-%m-%d %H:%M:%S.%6N+00')"
  place_orders b
  pass "1. $SEED_CARS cars seeded; $ORDERS_PER_BATCH orders, a full backup, $ORDERS_PER_BATCH more orders (half of them paid)"
  assert_metrics_after_backup
}

step_backup_gate() {
  CARMARKET_BACKUP_MAX_AGE_MINUTES=60 CARMARKET_BACKUP_COMMAND=false "$SCRIPTS/pre-migration-backup.sh" >"$WORK/gate.log" ||
    { cat "$WORK/gate.log"; fail "the gate ran a backup although the last one is minutes old"; }
  grep -q 'no new backup' "$WORK/gate.log" || fail "gate: $(cat "$WORK/gate.log")"
  if CARMARKET_BACKUP_COMMAND=false "$SCRIPTS/pre-migration-backup.sh" >"$WORK/gate.log"; then
    fail "the gate passed although its backup failed"
  fi
  CARMARKET_BACKUP_COMMAND="runuser -u postgres -- pgbackrest --stanza=carmarket --type=diff backup && $SCRIPTS/backup-metrics.sh" \
    "$SCRIPTS/pre-migration-backup.sh" >"$WORK/gate.log" || { cat "$WORK/gate.log"; fail "the gate's differential backup failed"; }
  [[ "$(metric_value 'carmarket_backup_last_success_timestamp_seconds{stanza="carmarket",type="diff"}')" -gt 0 ]] ||
    fail "no differential backup recorded after the gate"
  pass "2. backup gate: a fresh backup is enough, a failed backup fails it, a real differential backup passes it"
}

step_drill() {
  "$SCRIPTS/restore-drill.sh" >"$WORK/drill.log" 2>&1 || { cat "$WORK/drill.log"; fail "restore-drill.sh failed"; }
  grep -q 'compare: the restored cluster equals the source' "$WORK/drill.log" || fail "the drill compared nothing"
  grep -E 'drill: restored |compare: |summary: ' "$WORK/drill.log" | sed 's/^/  /'
  DRILL_FIGURES="$(sed -n 's/.*summary: DRILL PASSED: //p' "$WORK/drill.log")"
  pass "3. restore-drill.sh: scratch cluster at a restore point equals the source; --preflight passed"

  "$SCRIPTS/restore-drill.sh" --target-time "$BETWEEN_BATCHES" >"$WORK/drill.log" 2>&1 ||
    { cat "$WORK/drill.log"; fail "restore-drill.sh --target-time failed"; }
  grep -qE "compare: rows orders +source $((2 * ORDERS_PER_BATCH)) +restored $ORDERS_PER_BATCH\$" "$WORK/drill.log" ||
    { cat "$WORK/drill.log"; fail "the drill at $BETWEEN_BATCHES did not restore exactly the first batch of orders"; }
  pass "3. restore-drill.sh --target-time (between the batches): the first $ORDERS_PER_BATCH orders, not the next ones"
}

last_archived_wal() {
  pg_query postgres "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver"
}

step_disaster() {
  local last_wal started
  place_orders c
  pass "4. $ORDERS_PER_BATCH more orders after the last backup: only the WAL archive holds them"
  last_wal="$(pg_query postgres 'SELECT pg_walfile_name(pg_switch_wal())')"
  while [[ "$(last_archived_wal)" < "$last_wal" ]]; do sleep 0.2; done
  stop_service
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m immediate stop >/dev/null
  rm -rf "$WORK/pgdata"
  pass "4. WAL switched and archived up to $last_wal; service and PostgreSQL killed, data directory deleted"

  started=$EPOCHREALTIME
  install -d -o postgres -g postgres -m 0700 "$WORK/pgdata"
  pgbackrest_cmd restore
  start_cluster
  until [[ "$(pg_query postgres 'SELECT pg_is_in_recovery()')" == f ]]; do sleep 0.2; done
  DISASTER_SECONDS="$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')"
  pass "4. restored ($(du -sh "$WORK/pgdata" | cut -f1)) to the end of the WAL archive and promoted in $DISASTER_SECONDS s"

  start_service
  assert_orders_restored
  assert_retry_gets_same_order
  pass "4. service on the restored cluster: all $(wc -l <"$WORK/answered.tsv") orders answered 201 exist once, with payment and car state; a retry returns the same order"
}

main() {
  start_watchdog
  create_cluster
  write_env_file
  echo "restore-drill-test: cluster $WORK/pgdata on 127.0.0.1:$PG_PORT_OF_TEST, jar $JAR"
  step_backups_and_orders
  step_backup_gate
  step_drill
  step_disaster
  echo "restore-drill-test: drill recovery time: $DRILL_FIGURES"
  echo "restore-drill-test: disk-loss recovery time: $DISASTER_SECONDS s (restore and WAL replay to the end of the archive); total ${SECONDS}s"
}

main
