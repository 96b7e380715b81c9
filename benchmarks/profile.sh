#!/usr/bin/env bash
# A CPU profile (JFR) of carmarket under one load, to find what a request costs (docs/performance.md,
# "Profile"). Not a test and not part of CI.
#
# Usage: benchmarks/profile.sh light|orders [seconds]
#   light   wrk -t2 -c16 on /car-details/search?make=Volkswagen&model=Golf
#   orders  wrk -t2 -c16 with benchmarks/wrk-orders.lua (POST /orders, a different car each)
# Env: CARMARKET_JAR (bootstrap/target/carmarket.jar), PROFILE_WARMUP (30 s), PROFILE_JAVA_OPTS (extra JVM flags),
#      PROFILE_RECORD (1; 0 measures req/s and CPU per request without JFR, for before/after comparisons),
#      PROFILE_ENV (extra KEY=VALUE service settings, space-separated), PGHOST/PGPORT/PGUSER as for psql.
# Creates and finally drops one database with 100 000 cars; prints the hot spots and keeps the recording.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
LOAD=${1:?usage: benchmarks/profile.sh light|orders [seconds]}
SECS=${2:-20}
JAR=${CARMARKET_JAR:-$ROOT/bootstrap/target/carmarket.jar}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PORT=${PROFILE_PORT:-18090}
DB=carmarket_profile_$$
WORK=$(mktemp -d /tmp/carmarket-profile.XXXXXX)
RECORDING=${PROFILE_OUT:-$ROOT/benchmarks/target/profile-$LOAD.jfr}
[[ $LOAD == light || $LOAD == orders ]] || { echo "load must be light or orders" >&2; exit 2; }
[[ -f $JAR ]] || { echo "no $JAR: build it first (./mvnw -q -pl bootstrap -am package -DskipTests)" >&2; exit 2; }
"$HERE/install-tools.sh" >&2

PID=
cleanup() {
  [[ -z $PID ]] || { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  dropdb --if-exists "$DB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

read -r -a extra_env <<< "${PROFILE_ENV:-}"
service_env=(APP_ENV=production DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB" PORT="$PORT"
  CORS_ALLOWED_ORIGINS=http://localhost:3000 TRUST_PROXY=false LOG_FORMAT=json RATE_LIMITS=off ORDER_QUOTA=off
  INTERNAL_TOKEN=profile-internal-token-0123456789abcdef PAYMENT_WEBHOOK_SECRET=profile-webhook-secret-0123456789abcdef
  "${extra_env[@]}")
createdb "$DB"
log "seeding 100 000 cars into $DB"
env "${service_env[@]}" java -jar "$JAR" --seed=100000 >&2
psql -q -d "$DB" -c "CREATE TABLE bench_order_cars AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM cars WHERE status = 'AVAILABLE'" \
  -c "VACUUM ANALYZE"
psql -At -d "$DB" -c "SELECT id FROM bench_order_cars ORDER BY n" > "$WORK/car-ids.txt"

mapfile -t jvm_args < <("$ROOT/deploy/java-arguments.sh")
read -r -a profile_java_opts <<< "${PROFILE_JAVA_OPTS:-}"
jvm_args+=("${profile_java_opts[@]}")
env "${service_env[@]}" java "${jvm_args[@]}" -jar "$JAR" > "$WORK/service.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null -H "Authorization: Bearer profile-internal-token-0123456789abcdef" \
  "http://127.0.0.1:$PORT/health/ready"; do
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/service.log" >&2; exit 1; }
  sleep 0.1
done

run_load() { # seconds
  if [[ $LOAD == light ]]; then
    wrk -t2 -c16 -d"$1"s "http://127.0.0.1:$PORT/car-details/search?make=Volkswagen&model=Golf"
  else
    BENCH_CAR_IDS="$WORK/car-ids.txt" BENCH_THREADS=2 BENCH_RUN="r$RANDOM" wrk -t2 -c16 -d"$1"s -s "$HERE/wrk-orders.lua" \
      "http://127.0.0.1:$PORT"
  fi
}
reset_orders() {
  [[ $LOAD == orders ]] || return 0
  psql -q -d "$DB" -c "TRUNCATE orders, idempotency_keys CASCADE" \
    -c "UPDATE cars SET status = 'AVAILABLE' FROM bench_order_cars b WHERE cars.id = b.id AND cars.status <> 'AVAILABLE'"
}

log "warm-up: ${PROFILE_WARMUP:-30} s of $LOAD"
run_load "${PROFILE_WARMUP:-30}" > /dev/null
reset_orders
mkdir -p "$(dirname "$RECORDING")"
RECORD=${PROFILE_RECORD:-1}
[[ $RECORD == 0 ]] || jcmd "$PID" JFR.start name=profile settings=profile filename="$RECORDING" > /dev/null
log "recording $SECS s of $LOAD"
cpu_before=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
result=$(run_load "$SECS")
cpu_after=$(awk '{ print $14 + $15 }' "/proc/$PID/stat")
[[ $RECORD == 0 ]] || jcmd "$PID" JFR.stop name=profile > /dev/null
echo "$result" | grep -E "Requests/sec|Latency|Non-2xx|Socket errors" || true
requests=$(echo "$result" | awk '/requests in/ { print $1 }')
awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
  'BEGIN { printf "service CPU per request: %.3f ms\n", 1000 * t / hz / n }'
[[ $RECORD == 0 ]] && exit 0
java "$HERE/JfrHotspots.java" "$RECORDING" 30
echo "recording: $RECORDING"
