#!/usr/bin/env bash
# Runs the real deploy.sh and rollback.sh with a real PM2 (project-local, own PM2_HOME) on loopback,
# in a temporary deploy root, against a fresh PostgreSQL database:
#   a) a first and a second good release go live; known-good moves; both instances serve each;
#   b) a release that cannot become ready (its instances get an unreachable DATABASE_URL through the
#      CARMARKET_DEPLOY_ENV_OVERRIDES hook, after a passed preflight) is rolled back automatically;
#   c) a release that is ready but fails smoke (a stub jar with a wrong search shape) is rolled back;
#      before that, its non-additive migration is refused unless --allow-destructive-migration;
#   d) after each rollback the previous release serves again, exactly (version = its id), and passes
#      an independent smoke run; rollback.sh goes back one more known-good release by hand;
#   e) a concurrent deploy is refused by the lock; a deploy killed mid-rollout (plus a leftover
#      staging directory) is followed by a re-run that ends consistent; old releases are pruned;
#   f) a release with migrations pending on a database with data (a stub reporting them): a failing
#      backup (CARMARKET_BACKUP_COMMAND) refuses it before any change, a working one lets it go live.
# Bounded (each script run under `timeout`, a watchdog for the whole test) and cleaned up on any exit.
#
# DEPLOY_TEST_SERVICE=real (default) deploys bootstrap/target/carmarket.jar as the good release;
# DEPLOY_TEST_SERVICE=stub deploys a stub that serves the smoke pack's fixtures instead (for use
# while the real jar lacks /health/ready or /health/live's version). CARMARKET_SMOKE_INTERNAL=false
# leaves out the smoke pack's internal checks, in the deploys and in the test's own smoke runs.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR/.. source=free-port.sh
source "$DEPLOY_DIR/free-port.sh"
REPO_DIR="$(cd "$DEPLOY_DIR/.." && pwd)"
readonly DEPLOY_DIR REPO_DIR
readonly SERVICE="${DEPLOY_TEST_SERVICE:-real}"
readonly REAL_JAR="$REPO_DIR/bootstrap/target/carmarket.jar"
readonly SMOKE_JAR="$REPO_DIR/smoke/target/carmarket-smoke.jar"
readonly FIXTURES="$REPO_DIR/smoke/src/test/resources/fixtures"
readonly TEST_BUDGET_SECONDS=450
readonly LOG_DIR="$DEPLOY_DIR/target/deploy-test-logs"

"$DEPLOY_DIR/scripts/install-tools.sh" >/dev/null
export PM2="$DEPLOY_DIR/.tools/node_modules/.bin/pm2"

WORK="$(mktemp -d -t carmarket-deploy-test.XXXXXX)"
DATABASE="carmarket_deploy_test_$(date +%s)_$$"
BACKGROUND_DEPLOY=""
RUNNING=""
WATCHDOG=""
PROBE=""
export PM2_HOME="$WORK/pm2"

cleanup() {
  local status=$?
  if [[ -n "$WATCHDOG" ]]; then pkill -P "$WATCHDOG" 2>/dev/null || true; kill "$WATCHDOG" 2>/dev/null || true; fi
  if [[ -n "$PROBE" ]]; then kill "$PROBE" 2>/dev/null || true; fi
  if [[ -n "$RUNNING" ]]; then kill "$RUNNING" 2>/dev/null || true; wait "$RUNNING" 2>/dev/null || true; fi
  if [[ -n "$BACKGROUND_DEPLOY" ]]; then kill -KILL -- "-$BACKGROUND_DEPLOY" 2>/dev/null || true; fi
  "$PM2" kill >/dev/null 2>&1 || true
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS \"$DATABASE\" WITH (FORCE)" >/dev/null 2>&1 || true
  # The scripts' output stays for reading: one log per script run.
  rm -rf "$LOG_DIR"
  mkdir -p "$LOG_DIR"
  cp "$WORK"/*.log "$LOG_DIR"/ 2>/dev/null || true
  cp -r "$WORK/root/logs" "$LOG_DIR/instances" 2>/dev/null || true
  rm -rf "$WORK"
  if (( status == 0 )); then echo "deploy-test: all scenarios passed"; else echo "deploy-test: FAILED (exit $status)" >&2; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# The whole test is bounded: past the budget, TERM ends it (and the EXIT trap cleans up).
start_watchdog() {
  (sleep "$TEST_BUDGET_SECONDS" && echo "deploy-test: over ${TEST_BUDGET_SECONDS}s, aborting" >&2 && kill -TERM $$) &
  WATCHDOG=$!
}

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

pass() {
  echo "PASS: $* (at ${SECONDS}s)"
}

# --- fixtures ------------------------------------------------------------------------------------------
# stub_jar MODE OUT [MIGRATION.sql]: the StubRelease class with its mode, optionally a migration.
stub_jar() {
  local mode=$1 out=$2 migration=${3:-} dir="$WORK/build-$1"
  mkdir -p "$dir/classes"
  javac -d "$dir/classes" "$DEPLOY_DIR/test/StubRelease.java"
  echo "$mode" >"$dir/classes/stub-mode"
  if [[ -n "$migration" ]]; then
    mkdir -p "$dir/classes/BOOT-INF/classes/db/migration"
    cp "$migration" "$dir/classes/BOOT-INF/classes/db/migration/"
  fi
  jar --create --file "$out" --main-class StubRelease -C "$dir/classes" .
}

write_env_file() {
  cat >"$WORK/env" <<EOF
# deploy test: a production configuration on loopback
APP_ENV=production
DATABASE_URL=postgresql://postgres@127.0.0.1:5432/$DATABASE
CORS_ALLOWED_ORIGINS=https://shop.example
TRUST_PROXY=127.0.0.1
INTERNAL_TOKEN="deploy-test-internal-token-0123456789abcdef"
PAYMENT_WEBHOOK_SECRET=deploy-test-webhook-secret-0123456789abcdef
SHUTDOWN_GRACE_PERIOD=2s
LOG_FORMAT=json
STUB_FIXTURES=$FIXTURES
EOF
}

seed_database() {
  # shellcheck source=/dev/null
  (set -a && source "$WORK/env" && exec java -jar "$REAL_JAR" --seed=60) >>"$WORK/seed.log" 2>&1
}

prepare_database() {
  psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE \"$DATABASE\"" >/dev/null ||
    fail "PostgreSQL at 127.0.0.1:5432 (user postgres, trust) is not reachable"
  [[ "$SERVICE" == real ]] || return 0
  # The smoke pack reads listed cars: migrate and seed the demo cars with the jar's own command.
  # Three tries: the jar gives a connection 2 s, which a busy build host can miss.
  seed_database || { sleep 3 && seed_database; } || { sleep 3 && seed_database; } ||
    { cat "$WORK/seed.log"; fail "seeding $DATABASE failed"; }
}

prepare_artifacts() {
  mkdir -p "$WORK/good" "$WORK/broken"
  if [[ "$SERVICE" == real ]]; then
    [[ -f "$REAL_JAR" ]] || fail "$REAL_JAR missing: ./mvnw -pl bootstrap package"
    cp "$REAL_JAR" "$WORK/good/carmarket.jar"
  else
    stub_jar contract "$WORK/good/carmarket.jar"
  fi
  [[ -f "$SMOKE_JAR" ]] || fail "$SMOKE_JAR missing: ./mvnw -pl smoke package"
  cp "$SMOKE_JAR" "$WORK/good/carmarket-smoke.jar"
  cp "$SMOKE_JAR" "$WORK/broken/carmarket-smoke.jar"
  printf -- '-- drops a column the running release still reads\nALTER TABLE cars DROP COLUMN color;\n' >"$WORK/V900__drop_color.sql"
  stub_jar broken-search "$WORK/broken/carmarket.jar" "$WORK/V900__drop_color.sql"
  printf 'DATABASE_URL=postgresql://postgres@127.0.0.1:%s/%s\n' "$(free_port_pair)" "$DATABASE" >"$WORK/unreachable-database.env"
}

configure_deploy() {
  export CARMARKET_DEPLOY_ROOT="$WORK/root"
  export CARMARKET_ENV_FILE="$WORK/env"
  export CARMARKET_INSTANCES=2
  export CARMARKET_BASE_PORT
  CARMARKET_BASE_PORT="$(free_port_pair)"
  export CARMARKET_READY_TIMEOUT=60
  export CARMARKET_KEEP_RELEASES=3
  export CARMARKET_MIN_FREE_MB=64
  # The test is about the scripts (static-checks.sh covers the production JVM flags): a small heap
  # and C1 only start the JVMs faster on a busy build host.
  export CARMARKET_JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
  ROOT="$CARMARKET_DEPLOY_ROOT"
}

# --- running the scripts ---------------------------------------------------------------------------------
# run SCRIPT NAME EXPECTED_STATUS ARGS...: output in $WORK/NAME.log, shown when the status differs.
run() {
  local script=$1 name=$2 expected=$3 status=0
  shift 3
  # In the background so that the watchdog's TERM interrupts the `wait` at once.
  timeout 200 "$DEPLOY_DIR/$script" "$@" >"$WORK/$name.log" 2>&1 &
  RUNNING=$!
  wait "$RUNNING" || status=$?
  RUNNING=""
  if [[ "$status" != "$expected" ]]; then
    cat "$WORK/$name.log" >&2
    fail "$name: $script exited $status, expected $expected"
  fi
}

log_has() {
  grep -qE -- "$2" "$WORK/$1.log" || { cat "$WORK/$1.log" >&2; fail "$1: no log line matching /$2/"; }
}

# Every script line is `[ISO-8601 timestamp] step: message`.
assert_log_format() {
  local bad
  bad="$(grep -vE '^\[[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z\] [a-z0-9-]+: ' "$WORK/$1.log" || true)"
  [[ -z "$bad" ]] || fail "$1: lines without the [timestamp] step: format: $bad"
}

link() {
  basename "$(readlink "$ROOT/$1")"
}

release_of() {
  sed -n 's/.*summary: DEPLOYED \([^:]*\):.*/\1/p' "$WORK/$1.log"
}

# The id deploy.sh gave the release it tried (the newest directory it created).
attempted_release() {
  sed -n 's|.*release: created .*/releases/\(.*\)$|\1|p' "$WORK/$1.log"
}

served_version() {
  curl -fsS --max-time 3 "http://127.0.0.1:$1/health/live" | jq -r '.version'
}

# The pack's internal checks (/health/ready, /metrics) unless CARMARKET_SMOKE_INTERNAL=false, as in
# deploy.sh; the pack refuses an empty token, so then the variable is not set at all.
smoke_token_env() {
  if [[ "${CARMARKET_SMOKE_INTERNAL:-true}" != false ]]; then echo "SMOKE_INTERNAL_TOKEN=deploy-test-internal-token-0123456789abcdef"; fi
}

# Both instances answer with RELEASE and current points to it.
assert_serving() {
  local release=$1 port
  for port in "$CARMARKET_BASE_PORT" "$((CARMARKET_BASE_PORT + 1))"; do
    [[ "$(served_version "$port")" == "$release" ]] || fail "port $port serves '$(served_version "$port")', expected $release"
  done
  [[ "$(link current)" == "$release" ]] || fail "current -> $(link current), expected $release"
}

# deploy.sh prepared the release's class-data-sharing archive, and every instance's JVM maps it.
assert_class_data_sharing() {
  local name=$1 release=$2 archive pid
  archive="$ROOT/releases/$release/app/carmarket.jsa"
  log_has "$name" "release: class-data sharing prepared: $archive"
  for pid in $("$PM2" jlist | jq -r '.[].pid'); do
    grep -qF "$archive" "/proc/$pid/maps" || fail "instance pid $pid does not map $archive"
  done
}

# After a rollback: as assert_serving, and the smoke pack run by the test itself passes on both.
assert_restored() {
  local release=$1 port token_env
  assert_serving "$release"
  mapfile -t token_env < <(smoke_token_env)
  for port in "$CARMARKET_BASE_PORT" "$((CARMARKET_BASE_PORT + 1))"; do
    # The same per-request allowance as the deploy gate (lib.sh): the instance was just restarted.
    env "${token_env[@]}" java -jar "$SMOKE_JAR" --base-url "http://127.0.0.1:$port" --timeout 15s \
      >"$WORK/smoke-$port.log" 2>&1 ||
      { cat "$WORK/smoke-$port.log" >&2; fail "independent smoke run against port $port failed"; }
  done
}

# with_availability_probe COMMAND...: runs COMMAND while both instance ports are polled every 0.2 s,
# and fails if at any moment neither answered: the rolling restart must keep one instance serving.
with_availability_probe() {
  local ports=("$CARMARKET_BASE_PORT" "$((CARMARKET_BASE_PORT + 1))")
  : >"$WORK/probes"
  : >"$WORK/outages"
  (
    while true; do
      curl -fs --max-time 1 -o /dev/null "http://127.0.0.1:${ports[0]}/health/live" ||
        curl -fs --max-time 1 -o /dev/null "http://127.0.0.1:${ports[1]}/health/live" ||
        date -u +%H:%M:%S.%3N >>"$WORK/outages"
      echo >>"$WORK/probes"
      sleep 0.2
    done
  ) &
  PROBE=$!
  "$@"
  kill "$PROBE"
  wait "$PROBE" 2>/dev/null || true
  PROBE=""
  [[ ! -s "$WORK/outages" ]] || fail "no instance answered at $(tr '\n' ' ' <"$WORK/outages")"
  (( $(wc -l <"$WORK/probes") >= 10 )) || fail "the availability probe ran too few times to prove anything"
}

# --- scenarios ----------------------------------------------------------------------------------------------
scenario_usage_and_refusals() {
  run deploy.sh usage-none 2
  run deploy.sh usage-flag 2 --no-such-flag "$WORK/good/carmarket.jar"
  run deploy.sh usage-missing 2 "$WORK/nothing.jar"
  run rollback.sh usage-rollback 2 one two
  CARMARKET_ENV_FILE="$WORK/no-env" run deploy.sh no-env 3 "$WORK/good/carmarket.jar"
  log_has no-env "environment file .*/no-env is missing"
  [[ ! -e "$ROOT/current" ]] || fail "a refused preflight created current"
  pass "bad input exits 2 with usage; a missing env file is refused in preflight (3) and changes nothing"
}

scenario_good_releases() {
  run deploy.sh first 0 "$WORK/good/carmarket.jar"
  FIRST="$(release_of first)"
  [[ -n "$FIRST" && "$(link known-good)" == "$FIRST" ]] || fail "first deploy: known-good is not $FIRST"
  assert_serving "$FIRST"
  assert_log_format first
  assert_class_data_sharing first "$FIRST"
  log_has first 'smoke: carmarket-1: passed'
  log_has first 'smoke: carmarket-2: passed'
  [[ "$(sha256sum <"$ROOT/releases/$FIRST/carmarket.jar")" == "$(sha256sum <"$WORK/good/carmarket.jar")" ]] ||
    fail "the release jar differs from the artifact"
  [[ "$FIRST" =~ ^[0-9]{8}T[0-9]{6}Z-$(sha256sum "$WORK/good/carmarket.jar" | cut -c1-12)$ ]] ||
    fail "release id $FIRST is not <UTC timestamp>-<sha256 prefix>"
  pass "a) first release $FIRST live on both instances, known-good"

  with_availability_probe run deploy.sh second 0 "$WORK/good/carmarket.jar"
  SECOND="$(release_of second)"
  [[ "$SECOND" != "$FIRST" && "$(link known-good)" == "$SECOND" ]] || fail "second deploy: known-good did not move to $SECOND"
  assert_serving "$SECOND"
  "$PM2" jlist | jq -e --argjson n 2 '[.[] | select(.pm2_env.status == "online"
      and .pm2_env.exec_mode == "fork_mode" and .pm2_env.exec_interpreter == "none"
      and .pm2_env.kill_timeout == 7000)] | length == $n' >/dev/null ||
    fail "PM2 does not run 2 online fork-mode instances with kill_timeout 7000 (grace 2s + 5s)"
  pass "a) second release $SECOND replaced it one instance at a time (one always answered); known-good moved"
}

scenario_readiness_failure() {
  CARMARKET_DEPLOY_ENV_OVERRIDES="$WORK/unreachable-database.env" CARMARKET_READY_TIMEOUT=20 \
    run deploy.sh not-ready 1 "$WORK/good/carmarket.jar"
  log_has not-ready 'readiness: carmarket-1: not ready after 20s'
  log_has not-ready "rollback: .* rolling back to known-good $SECOND"
  log_has not-ready "summary: DEPLOY FAILED: .* failed readiness on carmarket-1; rolled back"
  [[ "$(link known-good)" == "$SECOND" ]] || fail "known-good moved to a release that failed readiness"
  assert_restored "$SECOND"
  pass "b) release $(attempted_release not-ready) failed readiness, rolled back: $SECOND serves again and passes smoke"
}

scenario_smoke_failure() {
  run deploy.sh destructive 3 "$WORK/broken/carmarket.jar"
  log_has destructive 'migrations: V900__drop_color.sql: DROP: ALTER TABLE cars DROP COLUMN color'
  [[ "$(link current)" == "$SECOND" ]] || fail "a refused migration changed current"

  run deploy.sh broken-smoke 1 --allow-destructive-migration "$WORK/broken/carmarket.jar"
  log_has broken-smoke 'non-additive migrations accepted by --allow-destructive-migration'
  # The stub is no Spring Boot jar: no class-data sharing, and the release runs from its jar.
  log_has broken-smoke 'release: WARNING: class-data sharing not prepared'
  log_has broken-smoke 'readiness: carmarket-1: ready and serving'
  log_has broken-smoke 'smoke: carmarket-1: attempt 2 of 2 FAILED'
  log_has broken-smoke "summary: DEPLOY FAILED: .* failed smoke on carmarket-1; rolled back"
  [[ "$(link known-good)" == "$SECOND" ]] || fail "known-good moved to a release that failed smoke"
  assert_restored "$SECOND"
  pass "c) release $(attempted_release broken-smoke) passed readiness, failed smoke, rolled back: $SECOND serves again"
}

scenario_manual_rollback() {
  with_availability_probe run rollback.sh manual 0
  [[ "$(link known-good)" == "$FIRST" ]] || fail "rollback.sh: known-good is not $FIRST"
  assert_restored "$FIRST"
  assert_log_format manual
  pass "d) rollback.sh restored the previous known-good $FIRST exactly (served version, smoke), one instance always answering"
}

scenario_lock_and_interruption() {
  setsid "$DEPLOY_DIR/deploy.sh" "$WORK/good/carmarket.jar" >"$WORK/interrupted.log" 2>&1 &
  BACKGROUND_DEPLOY=$!
  for _ in $(seq 1 300); do
    grep -q 'rollout: carmarket-1: starting' "$WORK/interrupted.log" && break
    sleep 0.2
  done
  grep -q 'rollout: carmarket-1: starting' "$WORK/interrupted.log" || { cat "$WORK/interrupted.log"; fail "the background deploy never started its rollout"; }

  run deploy.sh concurrent 4 "$WORK/good/carmarket.jar"
  log_has concurrent 'lock: another deploy or rollback is running'
  pass "e) a concurrent deploy is refused by the lock (exit 4)"

  kill -KILL -- "-$BACKGROUND_DEPLOY"
  wait "$BACKGROUND_DEPLOY" 2>/dev/null || true
  BACKGROUND_DEPLOY=""
  local interrupted
  interrupted="$(attempted_release interrupted)"
  mkdir -p "$ROOT/releases/.staging-20260101T000000Z-000000000000"
  touch "$ROOT/releases/.staging-20260101T000000Z-000000000000/carmarket.jar"

  run deploy.sh rerun 0 "$WORK/good/carmarket.jar"
  log_has rerun 'recover: removed .*/releases/.staging-20260101T000000Z-000000000000'
  log_has rerun "state: current $interrupted never passed the gates"
  local final
  final="$(release_of rerun)"
  [[ "$(link known-good)" == "$final" ]] || fail "after the re-run known-good is not $final"
  assert_serving "$final"
  [[ -z "$(find "$ROOT/releases" -mindepth 1 -maxdepth 1 -name '.*')" ]] || fail "leftovers under releases/"
  local kept
  kept="$(find "$ROOT/releases" -mindepth 1 -maxdepth 1 -type d | wc -l)"
  [[ "$kept" == 3 ]] || fail "expected 3 releases after pruning (CARMARKET_KEEP_RELEASES=3), found $kept"
  [[ ! -e "$ROOT/releases/$FIRST" ]] || fail "the oldest release $FIRST was not pruned"
  pass "e) a deploy killed mid-rollout ($interrupted) and a re-run end consistent: $final live, leftovers removed, 3 releases kept"
}

scenario_backup_gate() {
  local before
  before="$(link current)"
  mkdir -p "$WORK/pending"
  stub_jar contract "$WORK/pending/carmarket.jar"
  cp "$SMOKE_JAR" "$WORK/pending/carmarket-smoke.jar"
  { cat "$WORK/env"; echo 'STUB_PREFLIGHT_REPORT=carmarket preflight: schema version 3; 1 pending: V4 order notes'; } >"$WORK/env-pending"

  CARMARKET_ENV_FILE="$WORK/env-pending" CARMARKET_BACKUP_COMMAND=false run deploy.sh backup-failed 3 "$WORK/pending/carmarket.jar"
  log_has backup-failed 'backup: the new build migrates a database with data \(1 pending: V4 order notes\)'
  log_has backup-failed 'backup: no backup before the migrations'
  [[ "$(link current)" == "$before" && -z "$(attempted_release backup-failed)" ]] || fail "a failed backup let the deploy change something"
  pass "f) migrations pending and the backup fails: refused in preflight (3), nothing changed"

  CARMARKET_ENV_FILE="$WORK/env-pending" CARMARKET_BACKUP_COMMAND="touch $WORK/backup-taken" \
    run deploy.sh backup-taken 0 "$WORK/pending/carmarket.jar"
  [[ -f "$WORK/backup-taken" ]] || fail "the deploy did not run CARMARKET_BACKUP_COMMAND"
  log_has backup-taken "backup: to undo this release's migrations, restore the database to "
  assert_serving "$(release_of backup-taken)"
  pass "f) migrations pending and the backup works: $(release_of backup-taken) live after the backup"
}

main() {
  start_watchdog
  configure_deploy
  write_env_file
  prepare_database
  prepare_artifacts
  echo "deploy-test: service=$SERVICE, root $ROOT, ports $CARMARKET_BASE_PORT-$((CARMARKET_BASE_PORT + 1)), database $DATABASE"
  scenario_usage_and_refusals
  scenario_good_releases
  scenario_readiness_failure
  scenario_smoke_failure
  scenario_manual_rollback
  scenario_lock_and_interruption
  scenario_backup_gate
}

main
