#!/usr/bin/env bash
# Performance gate: seeds a throwaway database, starts the packaged service in production mode on a
# free loopback port, runs the Gatling simulations against it, and compares the results with
# gatling/baseline.json. Everything it starts is stopped and dropped on exit, also on failure.
#
#   gatling/run.sh --mode nightly|pr [--update-baseline] [--simulation NAME]... [--jar PATH] [--cars N]
#
# nightly: full durations; exits non-zero on a failed threshold assertion, a regression against the
#          baseline (p95/p99 or throughput beyond gate.regressionTolerancePercent), or a broken harness.
# pr:      short durations; reports the same table but exits non-zero only when the harness broke
#          (PostgreSQL, seeding, service start, Gatling or the report failed).
# --update-baseline writes gatling/baseline.json from this run (use with nightly; review, then commit).
#
# Environment (optional): CARSEARCH_USERS_PER_SEC, ORDERCAPTURE_USERS_PER_SEC, MIXED_USERS_PER_SEC
# (arrival rates), CARMARKET_JAVA_OPTS (the service's JVM options), DATABASE_POOL_MAX (passed to the
# service, e.g. to demonstrate a slowdown). See docs/performance.md.
set -euo pipefail

module_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root_dir=$(dirname "$module_dir")

usage() {
  sed -n '6,7p' "${BASH_SOURCE[0]}" | sed 's/^# *//' >&2
  exit 2
}
log() { printf '[%s] gatling/run.sh: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

mode=""
update_baseline=false
simulations=()
jar="$root_dir/bootstrap/target/carmarket.jar"
cars=100000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) mode=${2:-}; shift 2 ;;
    --update-baseline) update_baseline=true; shift ;;
    --simulation) simulations+=("${2:-}"); shift 2 ;;
    --jar) jar=${2:-}; shift 2 ;;
    --cars) cars=${2:-}; shift 2 ;;
    *) usage ;;
  esac
done
[[ ${#simulations[@]} -gt 0 ]] || simulations=(CarSearchSimulation OrderCaptureSimulation MixedSimulation)

# Same arrival rates in both modes, so the mean-throughput thresholds and the baseline apply to both;
# pr only shortens the warm-up and the steady phase.
# The hard stop leaves in-flight users time to finish; pr keeps it short so that a saturated
# service cannot stretch the PR check much beyond its planned length.
case "$mode" in
  nightly) warm_up_seconds=30; steady_seconds=150; grace_seconds=60 ;;
  pr)      warm_up_seconds=5;  steady_seconds=25;  grace_seconds=15 ;;
  *) usage ;;
esac
if $update_baseline && [[ $mode != nightly ]]; then
  die "--update-baseline needs --mode nightly: the baseline is the reference of the full-length run"
fi
[[ $cars =~ ^[0-9]+$ ]] || die "--cars needs a number"
[[ -f $jar ]] || die "service jar $jar not found: build it first (./mvnw -pl bootstrap -am package -DskipTests)"

users_per_sec() {
  case "$1" in
    CarSearchSimulation) echo "${CARSEARCH_USERS_PER_SEC:-20}" ;;
    OrderCaptureSimulation) echo "${ORDERCAPTURE_USERS_PER_SEC:-4}" ;;
    MixedSimulation) echo "${MIXED_USERS_PER_SEC:-20}" ;;
    *) die "unknown simulation $1 (CarSearchSimulation, OrderCaptureSimulation, MixedSimulation)" ;;
  esac
}
for simulation in "${simulations[@]}"; do users_per_sec "$simulation" >/dev/null; done

mvnw=("$root_dir/mvnw" -B -ntp -f "$module_dir/pom.xml")
work_dir=$(mktemp -d "${TMPDIR:-/tmp}/carmarket-gatling.XXXXXX")
database="carmarket_perf_$(date -u +%Y%m%d%H%M%S)_$$"
app_pid=""
database_created=false
started_at=$(date +%s)

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
    log "stopping the service (pid $app_pid)"
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 15); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  if $database_created; then
    dropdb -h 127.0.0.1 -U postgres --if-exists --force "$database" 2>/dev/null \
      || dropdb -h 127.0.0.1 -U postgres --if-exists "$database" || log "could not drop database $database"
  fi
  rm -rf "$work_dir"
  log "finished in $(( $(date +%s) - started_at )) s with status $status"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One run at a time per work tree: the simulations write their reports under gatling/target/gatling.
mkdir -p "$module_dir/target"
exec 9>"$module_dir/target/run.lock"
flock -n 9 || die "another gatling/run.sh is running in this work tree"

log "mode $mode: ${simulations[*]}; ${warm_up_seconds}s warm-up + ${steady_seconds}s steady each; $cars cars"
bash "$root_dir/.ci/ensure-postgres.sh"

log "compiling the simulations"
"${mvnw[@]}" -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work_dir/classpath.txt" >"$work_dir/compile.log" 2>&1 \
  || { cat "$work_dir/compile.log" >&2; die "the gatling module did not compile"; }
helper_classpath="$module_dir/target/classes:$(cat "$work_dir/classpath.txt")"

# Secrets of this throwaway instance only, generated per run.
internal_token=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
webhook_secret=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
port=$(java -cp "$helper_classpath" dev.carmarket.gatling.harness.FreeLoopbackPort)
base_url="http://127.0.0.1:$port"

# The service sees only this environment: a stray SENTRY_DSN or STRICT_VALIDATION of the caller
# must not change what is measured.
service_env=(env -i "PATH=$PATH" "HOME=${HOME:-/tmp}" "LANG=C.UTF-8"
  APP_ENV=production
  "DATABASE_URL=postgresql://postgres@127.0.0.1:5432/$database"
  CORS_ALLOWED_ORIGINS=http://localhost:3000
  TRUST_PROXY=false
  "INTERNAL_TOKEN=$internal_token"
  "PAYMENT_WEBHOOK_SECRET=$webhook_secret"
  "PORT=$port"
  LOG_FORMAT=json
  # The gate measures the service, not the abuse controls: its load comes from one address, which the rate
  # limits and the reservation quota exist to refuse. Off keeps the baseline comparable.
  RATE_LIMITS=off
  ORDER_QUOTA=off)
[[ -n ${JAVA_HOME:-} ]] && service_env+=("JAVA_HOME=$JAVA_HOME")
# Production-like JVM (deploy/ecosystem.config.js): a small fixed heap and the serial collector.
read -r -a java_options <<<"${CARMARKET_JAVA_OPTS:--Xms256m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"

createdb -h 127.0.0.1 -U postgres "$database"
database_created=true
log "seeding $database with $cars demo cars"
"${service_env[@]}" java -jar "$jar" --seed="$cars" >"$work_dir/seed.log" 2>&1 \
  || { cat "$work_dir/seed.log" >&2; die "seeding failed"; }
grep 'carmarket seed:' "$work_dir/seed.log" || true

# DATABASE_POOL_MAX only for the service: the seeding bulk loader needs more than one connection.
[[ -n ${DATABASE_POOL_MAX:-} ]] && service_env+=("DATABASE_POOL_MAX=$DATABASE_POOL_MAX")
log "starting the service on $base_url"
"${service_env[@]}" java "${java_options[@]}" -jar "$jar" >"$work_dir/service.log" 2>&1 &
app_pid=$!

# Ready means a real search answers: that needs the HTTP server, the routes and the database.
search_answers() (
  exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
  printf 'GET /car-details/search?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  IFS= read -r -t 5 status_line <&3 || status_line=""
  [[ $status_line == "HTTP/1.1 200"* ]]
)
deadline=$(( $(date +%s) + 90 ))
until search_answers 2>/dev/null; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    tail -n 40 "$work_dir/service.log" >&2
    app_pid=""
    die "the service exited during startup"
  fi
  (( $(date +%s) < deadline )) || { tail -n 40 "$work_dir/service.log" >&2; die "the service did not answer within 90 s"; }
  sleep 1
done
log "service ready after $(( $(date +%s) - started_at )) s"

rm -rf "$module_dir/target/gatling"
report_args=()
for simulation in "${simulations[@]}"; do
  rate=$(users_per_sec "$simulation")
  log "running $simulation at $rate users/s"
  gatling_status=0
  "${mvnw[@]}" gatling:test \
    -Dgatling.simulationClass="dev.carmarket.gatling.$simulation" \
    -Dcarmarket.baseUrl="$base_url" \
    -Dcarmarket.usersPerSec="$rate" \
    -Dcarmarket.warmUpSeconds="$warm_up_seconds" \
    -Dcarmarket.steadySeconds="$steady_seconds" \
    -Dcarmarket.maxDurationSeconds=$(( warm_up_seconds + steady_seconds + grace_seconds )) \
    -Dcarmarket.webhookSecret="$webhook_secret" \
    -Dcarmarket.thresholdsFile="$module_dir/thresholds.properties" \
    >"$work_dir/$simulation.log" 2>&1 || gatling_status=$?
  report_dir=$(find "$module_dir/target/gatling" -maxdepth 1 -type d -iname "${simulation}-*" | sort | tail -n 1)
  # Failed threshold assertions make the plugin fail too; they are the gate's to judge (below). Any
  # other failure, or a run without a report, means the harness broke.
  if [[ $gatling_status -ne 0 ]] \
      && ! { [[ -n $report_dir ]] && grep -q 'Gatling simulation assertions failed' "$work_dir/$simulation.log"; }; then
    grep -vE '^\s+at ' "$work_dir/$simulation.log" | tail -n 40 >&2
    die "Gatling failed to run $simulation"
  fi
  [[ -n $report_dir ]] || die "no Gatling report for $simulation"
  report_args+=(--report "$simulation=$report_dir")
  kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$work_dir/service.log" >&2; app_pid=""; die "the service died during $simulation"; }
done

gate_args=(--mode "$mode" --thresholds "$module_dir/thresholds.properties" --baseline "$module_dir/baseline.json"
  "${report_args[@]}"
  --context "mode=$mode" --context "cars=$cars"
  --context "profile=${warm_up_seconds}s warm-up + ${steady_seconds}s steady; users/s:$(for s in "${simulations[@]}"; do printf ' %s=%s' "$s" "$(users_per_sec "$s")"; done)"
  --context "commit=$(git -C "$root_dir" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  --context "machine=$(uname -srm), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)")
$update_baseline && gate_args+=(--update-baseline)
log "HTML reports: $module_dir/target/gatling/"
gate_status=0
java -cp "$helper_classpath" dev.carmarket.gatling.gate.PerformanceGate "${gate_args[@]}" || gate_status=$?
case $gate_status in
  0) exit 0 ;;
  1) exit 1 ;;
  *) die "the gate could not evaluate the run" ;;
esac
