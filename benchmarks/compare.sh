#!/usr/bin/env bash
# carmarket against its limits and against the NestJS peer, on one machine, in one run: prints ratios
# that do not depend on the machine's speed (docs/performance.md, "Benchmark against the peer and
# PostgreSQL"). Not a test and not part of CI.
#
# Usage: PEER_SRC=/path/to/peer benchmarks/compare.sh            (from anywhere; ~26 minutes, ~30 with BASELINE_JAR)
# The peer (PEER_SRC, required) is the source folder of a service answering the same search contract,
# measured against the same rows. It must hold: package.json whose `npm ci` and `npm run build` produce
# dist/main.js, which serves on $PORT from $DATABASE_URL (libpq form); schema.sql, creating its table
# peer_cars with the columns of carmarket's cars table it reads; bench-queries.txt, the search URLs
# (one path and query per line); and bench/wrk-mix.lua, a wrk script going round-robin over them
# (reading the list from $BENCH_QUERIES).
# Env:   BENCH_SECONDS (12) measured seconds per run, BENCH_WARMUP (4) warm-up seconds before each,
#        BENCH_ROUNDS (2) alternating rounds, JIT_WARMUP (120) seconds of warm-up load per server at start (C2 needs more than a minute on a busy 2-core box), CARMARKET_JAR (bootstrap/target/carmarket.jar),
#        PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
#        BENCH_PORT (18080: carmarket; +1 carmarket with the controls off; +2 the peer),
#        BENCH_WAIT_FOR_LOAD (unset) wait for a 1-minute load average below it, BENCH_WAIT_MAX (1800 s),
#        BASELINE_JAR (unset) another carmarket jar (e.g. the release before a change; it must accept the same
#        schema) run beside this one with the same configuration and JVM options, its order capture and light
#        search measured in the same rounds; BASELINE_JAVA (java) the JVM that runs it, so that the same jar
#        under another Java is BASELINE_JAR=<this jar> BASELINE_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java.
# Needs PostgreSQL (trust auth for PGUSER), Java 17, Maven access for the SQL tool, Node.js/npm;
# installs wrk and pgbench if absent (install-tools.sh). Creates and finally drops one database,
# starts and finally stops three servers (trap).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$HERE/lib.sh"
PEER_SRC=${PEER_SRC:?set PEER_SRC to the source folder of the peer service, see the header of this script}
CM_PORT=${BENCH_PORT:-18080}
OFF_PORT=$((CM_PORT + 1))
PEER_PORT=$((CM_PORT + 2))
BASE_PORT=$((CM_PORT + 3))
BASELINE_JAVA=${BASELINE_JAVA:-java}
with_baseline() { [[ -z ${BASELINE_JAR:-} ]] || "$@"; } # runs its arguments only when there is a baseline
DB=carmarket_bench_$$
DB_URL=postgresql://$PGUSER@$PGHOST:$PGPORT/$DB
CONC=16        # connections / pgbench clients, as the issue fixes it
THREADS=2      # wrk -t and pgbench -j: one per core
LIGHT='/car-details/search?make=Volkswagen&model=Golf'
HEAVY='/car-details/search'
URLS=$PEER_SRC/bench-queries.txt

[[ -f $JAR ]] || { echo "no $JAR: build it first (./mvnw -q -pl bootstrap -am package -DskipTests)" >&2; exit 2; }
[[ -f $URLS ]] || { echo "no peer at $PEER_SRC (set PEER_SRC)" >&2; exit 2; }
[[ -z ${BASELINE_JAR:-} || -f $BASELINE_JAR ]] || { echo "no BASELINE_JAR at $BASELINE_JAR" >&2; exit 2; }
begin_run carmarket-bench
cleanup() {
  stop_servers
  dropdb --if-exists "$DB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Optionally wait for a quiet machine: BENCH_WAIT_FOR_LOAD=1.5 polls (up to BENCH_WAIT_MAX seconds, 1800)
# until the 1-minute load average is below it, then measures anyway and says so.
if [[ -n ${BENCH_WAIT_FOR_LOAD:-} ]]; then
  waited_until=$((SECONDS + ${BENCH_WAIT_MAX:-1800}))
  until awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v m="$BENCH_WAIT_FOR_LOAD" 'BEGIN { exit !(l < m) }'; do
    [[ $SECONDS -lt $waited_until ]] || { log "load still $(loadavg) after waiting: measuring under load"; break; }
    sleep 10
  done
fi
START_LOAD=$(loadavg)
log "load average at start: $START_LOAD (1/5/15 min); work dir $WORK"
"$HERE/install-tools.sh" >&2

# --- tools: carmarket's SQL generator (adapters-r2dbc test sources), the fixed-rate generator ----------
log "compiling the SQL generator and FixedRateLoad"
# -am: the sibling modules come from this checkout, not from a local repository that may not hold them.
# Each module of the reactor writes the output file in turn; adapters-r2dbc, the last, wins.
(cd "$ROOT" && ./mvnw -q -pl adapters-r2dbc -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/r2dbc-classpath.txt") >&2
SQL_TOOL_CP=$ROOT/adapters-r2dbc/target/test-classes:$ROOT/adapters-r2dbc/target/classes:$(cat "$WORK/r2dbc-classpath.txt")
mkdir -p "$WORK/classes" && javac -d "$WORK/classes" "$HERE/FixedRateLoad.java"

# --- the peer: a writable copy (shared/ is read-only), exact versions from its lock file ----------------
log "npm ci + build of the peer copy"
cp -r "$PEER_SRC" "$WORK/peer" && chmod -R u+w "$WORK/peer"
(cd "$WORK/peer" && npm ci --include=dev --no-audit --no-fund --loglevel=error && npm run -s build) >&2

# --- one database: carmarket's seed, copied into the peer's table, so both serve the same rows --------
log "seeding 100 000 cars into $DB"
seed_env=(APP_ENV=production DATABASE_URL="$DB_URL" CORS_ALLOWED_ORIGINS=http://localhost:3000 TRUST_PROXY=false
  INTERNAL_TOKEN=bench-internal-token-0123456789abcdef PAYMENT_WEBHOOK_SECRET=bench-webhook-secret-0123456789abcdef
  LOG_FORMAT=json)
for attempt in 1 2 3; do
  dropdb --if-exists "$DB" && createdb "$DB"
  if env "${seed_env[@]}" java -jar "$JAR" --seed=100000 >&2; then break; fi
  [[ $attempt -lt 3 ]] || { echo "seeding failed 3 times" >&2; exit 1; }
  log "seed attempt $attempt failed (the machine is busy?), retrying on a fresh database"
done
PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$WORK/peer/schema.sql"
psql -q -v ON_ERROR_STOP=1 -d "$DB" <<'SQL'
INSERT INTO peer_cars (id, title, make, model, year, price, currency, mileage_km, fuel_type, transmission,
    body_type, location, thumbnail_url, status, listed_at)
SELECT id, title, make, model, year, price, currency, mileage_km, fuel_type, transmission,
    body_type, location, thumbnail_url, status, listed_at FROM cars;
-- the cars orders may reserve, numbered for pgbench-place-order.sql and wrk-orders.lua
CREATE TABLE bench_order_cars AS
    SELECT row_number() OVER (ORDER BY id) AS n, id FROM cars WHERE status = 'AVAILABLE';
ALTER TABLE bench_order_cars ADD PRIMARY KEY (n);
VACUUM ANALYZE;
SQL
# a car can be reserved once: the database is put back after every warm-up and every run (reset_orders)
psql -At -d "$DB" -c "SELECT id FROM bench_order_cars ORDER BY n" > "$WORK/car-ids.txt"

# --- carmarket's own SQL for the URLs (the page statement it runs per request once the total is cached)
java -cp "$SQL_TOOL_CP" dev.carmarket.adapters.r2dbc.car.PgbenchSearchScripts "$URLS" "$WORK/sql" >&2
# pgbench arguments for the URL on line N of bench-queries.txt (1 = no filter, 3 = Golf)
# pgbench arguments, one per line, for the URL on line N of bench-queries.txt (values may hold spaces)
pgbench_url_args() { echo "--file=$WORK/sql/q$1.sql@1"; sed "s/^/--define=/" "$WORK/sql/q$1.defines"; }
mapfile -t PG_MIX < <(for n in $(seq 1 "$(ls "$WORK"/sql/q*.sql | wc -l)"); do pgbench_url_args "$n"; done)
line_of() { grep -nxF "$1" "$URLS" | cut -d: -f1; }
mapfile -t PG_LIGHT < <(pgbench_url_args "$(line_of "$LIGHT")")
mapfile -t PG_HEAVY < <(pgbench_url_args "$(line_of "$HEAVY")")

# --- servers -------------------------------------------------------------------------------------
# carmarket runs as deploy.sh installs it: a release directory with class-data sharing prepared by the same
# training start (deploy/class-data-sharing.sh), started with the PM2 ecosystem's java arguments.
RELEASE=$WORK/releases/bench
mkdir -p "$RELEASE" && cp "$JAR" "$RELEASE/carmarket.jar"
mapfile -t JVM_OPTIONS < <("$ROOT/deploy/java-arguments.sh")
log "class-data sharing: training start"
env "${seed_env[@]}" PORT=$CM_PORT "$ROOT/deploy/class-data-sharing.sh" "$RELEASE" java "${JVM_OPTIONS[@]}" >&2
mapfile -t JAVA_ARGS < <("$ROOT/deploy/java-arguments.sh" "$RELEASE")
if [[ -n ${BASELINE_JAR:-} ]]; then
  BASE_RELEASE=$WORK/releases/baseline
  mkdir -p "$BASE_RELEASE" && cp "$BASELINE_JAR" "$BASE_RELEASE/carmarket.jar"
  BASELINE_VERSION=$("$BASELINE_JAVA" -version 2>&1 | head -1)
  log "class-data sharing of the baseline ($BASELINE_VERSION)"
  env "${seed_env[@]}" PORT=$BASE_PORT "$ROOT/deploy/class-data-sharing.sh" "$BASE_RELEASE" "$BASELINE_JAVA" "${JVM_OPTIONS[@]}" >&2
  mapfile -t BASE_JAVA_ARGS < <("$ROOT/deploy/java-arguments.sh" "$BASE_RELEASE")
fi
INTERNAL_TOKEN=bench-internal-token-0123456789abcdef
# The rate limiter stays on and checks every request, at rates far above the load's own, so it never refuses
# one: its cost is measured, not its refusals. The reservation quota is off on both instances: the order load
# reserves thousands of cars from one address, which the quota exists to refuse.
BENCH_RATE_LIMITS="reads=1000000/s:1000000,writes=1000000/s:1000000,webhook=1000000/s:1000000"
cm_env=("${seed_env[@]}" RATE_LIMITS="$BENCH_RATE_LIMITS" ORDER_QUOTA=off)

wait_ready() { # url, timeout seconds
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null -H "Authorization: Bearer $INTERNAL_TOKEN" "$1"; do
    [[ $SECONDS -lt $deadline ]] || { echo "not ready: $1" >&2; return 1; }
    sleep 0.05
  done
}

log "starting carmarket (java arguments of deploy/ecosystem.config.js: ${JAVA_ARGS[*]})"
started=$(date +%s%N)
env "${cm_env[@]}" PORT=$CM_PORT java "${JAVA_ARGS[@]}" > "$WORK/carmarket.log" 2>&1 &
CM_PID=$!; SERVER_PIDS+=("$CM_PID")
wait_ready "http://127.0.0.1:$CM_PORT/health/ready" 120
record start_ms $(( ($(date +%s%N) - started) / 1000000 ))

# The same service with the production controls switched off by configuration only: STRICT_VALIDATION (per
# mutation route), RATE_LIMITS, Spring Boot's metric/observation properties, and adapters-web's ControlSwitches
# for the security headers, CORS and request correlation (with Reactor's automatic context propagation, which
# carries the request id into every log line).
CONTROLS_OFF_FLAGS=(-Dmanagement.observations.enable.http.server.requests=false -Dmanagement.metrics.enable.http=false
  -Dmanagement.metrics.enable.db=false -Dcarmarket.controls.security-headers=false -Dcarmarket.controls.cors=false
  -Dcarmarket.controls.request-correlation=false -Dspring.reactor.context-propagation=limited)
env "${cm_env[@]}" PORT=$OFF_PORT STRICT_VALIDATION="POST /orders=off,POST /payments=off" RATE_LIMITS=off \
  java "${CONTROLS_OFF_FLAGS[@]}" "${JAVA_ARGS[@]}" > "$WORK/carmarket-off.log" 2>&1 &
OFF_PID=$!; SERVER_PIDS+=("$OFF_PID")
(cd "$WORK/peer" && NODE_ENV=production DATABASE_URL="$DB_URL" PORT=$PEER_PORT exec node dist/main.js) \
  > "$WORK/peer.log" 2>&1 &
PEER_PID=$!; SERVER_PIDS+=("$PEER_PID")
wait_ready "http://127.0.0.1:$OFF_PORT/health/ready" 120
if [[ -n ${BASELINE_JAR:-} ]]; then
  env "${cm_env[@]}" PORT=$BASE_PORT "$BASELINE_JAVA" "${BASE_JAVA_ARGS[@]}" > "$WORK/baseline.log" 2>&1 &
  BASE_PID=$!; SERVER_PIDS+=("$BASE_PID")
  wait_ready "http://127.0.0.1:$BASE_PORT/health/ready" 120
fi
until curl -sf -o /dev/null "http://127.0.0.1:$PEER_PORT$LIGHT"; do sleep 0.1; done

# Same answers: every URL's total and ids must match between carmarket and the peer.
mismatches=0
while read -r path; do
  [[ -n $path ]] || continue
  a=$(curl -sf "http://127.0.0.1:$CM_PORT$path" | jq -c '[.pagination.total, [.data[].id]]')
  b=$(curl -sf "http://127.0.0.1:$PEER_PORT$path" | jq -c '[.pagination.total, [.data[].id]]')
  [[ $a == "$b" ]] || { mismatches=$((mismatches + 1)); log "different answers for $path"; }
done < "$URLS"
metrics_off=$(curl -s -H "Authorization: Bearer $INTERNAL_TOKEN" "http://127.0.0.1:$OFF_PORT/metrics" \
  | grep -c '^http_server_requests_seconds_count' || true)
[[ $metrics_off -eq 0 ]] || log "WARNING: the controls-off instance still records http_server_requests"
headers_off=$(curl -s -D - -o /dev/null "http://127.0.0.1:$OFF_PORT$LIGHT" \
  | grep -ci '^\(x-request-id\|content-security-policy\):' || true)
[[ $headers_off -eq 0 ]] || log "WARNING: the controls-off instance still sends correlation or security headers"

# --- load runners (each: warm-up, then the measured run; the value is appended to RESULTS) -------------
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # user + system time of a process, in clock ticks
# wrk's measured run: records req/s under NAME and the server's CPU milliseconds per request under NAME_cpu
# (less sensitive to what else the machine runs than req/s).
wrk_measure() { # name, server pid, wrk args...
  local name=$1 pid=$2 out before after; shift 2
  before=$(cpu_ticks "$pid")
  out=$(wrk -t$THREADS -c$CONC -d"${SECS}s" "$@")
  after=$(cpu_ticks "$pid")
  if grep -q 'Non-2xx\|Socket errors' <<< "$out"; then log "$name: $(grep 'Non-2xx\|Socket errors' <<< "$out" | tr '\n' ' ')"; fi
  record "$name" "$(awk '/^Requests\/sec/ {print $2}' <<< "$out")"
  record "${name}_cpu" "$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '/requests in/ { printf "%.3f", t * 1000 / hz / $1 }' <<< "$out")"
}
wrk_run() { # name, server pid, wrk target args...
  wrk -t$THREADS -c$CONC -d"${WARM}s" "${@:3}" > /dev/null
  wrk_measure "$@"
}
pgbench_run() { # name, pgbench script args...
  local name=$1; shift
  pgbench -n -M prepared -c $CONC -j $THREADS -T "$WARM" "$@" "$DB" > /dev/null 2>&1
  local out; out=$(pgbench -n -M prepared -c $CONC -j $THREADS -T "$SECS" "$@" "$DB" 2>&1)
  grep -q '^number of failed transactions: 0 ' <<< "$out" || log "$name: $(grep -E 'failed|abort' <<< "$out")"
  record "$name" "$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<< "$out")"
}
search_round() { # target, round
  local target=$1 round=$2 cm peer pg
  case $target in
    mix) cm=(-s "$WORK/peer/bench/wrk-mix.lua" "http://127.0.0.1:$CM_PORT")
         peer=(-s "$WORK/peer/bench/wrk-mix.lua" "http://127.0.0.1:$PEER_PORT"); pg=("${PG_MIX[@]}") ;;
    light) cm=("http://127.0.0.1:$CM_PORT$LIGHT"); peer=("http://127.0.0.1:$PEER_PORT$LIGHT"); pg=("${PG_LIGHT[@]}") ;;
    heavy) cm=("http://127.0.0.1:$CM_PORT$HEAVY"); peer=("http://127.0.0.1:$PEER_PORT$HEAVY"); pg=("${PG_HEAVY[@]}") ;;
  esac
  if (( round % 2 )); then
    wrk_run "cm_$target" "$CM_PID" "${cm[@]}"; wrk_run "peer_$target" "$PEER_PID" "${peer[@]}"; pgbench_run "pg_$target" "${pg[@]}"
  else
    pgbench_run "pg_$target" "${pg[@]}"; wrk_run "peer_$target" "$PEER_PID" "${peer[@]}"; wrk_run "cm_$target" "$CM_PID" "${cm[@]}"
  fi
  log "$target round $round: carmarket $(value cm_$target), peer $(value peer_$target), pgbench $(value pg_$target) (load $(loadavg))"
}
export BENCH_QUERIES=$URLS

# Orders reserve cars: each run puts the database back afterwards, so every run starts from the same state.
reset_orders() {
  psql -q -d "$DB" -c "TRUNCATE orders, idempotency_keys CASCADE" \
    -c "UPDATE cars SET status = 'AVAILABLE' FROM bench_order_cars b WHERE cars.id = b.id AND cars.status <> 'AVAILABLE'" \
    -c "VACUUM ANALYZE cars" -c "VACUUM ANALYZE orders" -c "VACUUM ANALYZE idempotency_keys"
}
orders_wrk() { # name, server pid, port, warm-up seconds (default BENCH_WARMUP)
  local url=http://127.0.0.1:$3
  BENCH_CAR_IDS=$WORK/car-ids.txt BENCH_THREADS=$THREADS BENCH_RUN=w$RANDOM \
    wrk -t$THREADS -c$CONC -d"${4:-$WARM}s" -s "$HERE/wrk-orders.lua" "$url" > /dev/null
  reset_orders
  BENCH_CAR_IDS=$WORK/car-ids.txt BENCH_THREADS=$THREADS BENCH_RUN=r$RANDOM \
    wrk_measure "$1" "$2" -s "$HERE/wrk-orders.lua" "$url"
  reset_orders
}
# pgbench-place-order.sql: car n = base + client_id * stride + i (each client its own 5300 cars).
orders_pgbench() {
  local script=(-f "$HERE/pgbench-place-order.sql" -D i=0 -D base=0 -D stride=5300) out
  pgbench -n -M prepared -c $CONC -j $THREADS -T "$WARM" "${script[@]}" "$DB" > /dev/null 2>&1
  reset_orders
  out=$(pgbench -n -M prepared -c $CONC -j $THREADS -T "$SECS" "${script[@]}" "$DB" 2>&1)
  grep -q '^number of failed transactions: 0 ' <<< "$out" || log "pg_orders: $(grep -E 'failed|abort' <<< "$out")"
  record pg_orders "$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<< "$out")"
  reset_orders
}

# --- 0. JIT warm-up: a JVM needs far more than the per-run warm-ups (C2 on a busy 2-core box) -----------
log "warm-up: ${JIT_WARMUP:=120}s of the search mix and 2 x 10s of orders on each carmarket, ${JIT_WARMUP}s of the mix on the peer"
for port in $CM_PORT $OFF_PORT $PEER_PORT ${BASELINE_JAR:+$BASE_PORT}; do
  wrk -t$THREADS -c$CONC -d"${JIT_WARMUP}s" -s "$WORK/peer/bench/wrk-mix.lua" "http://127.0.0.1:$port" > /dev/null
done
orders_wrk jit_warmup_on "$CM_PID" $CM_PORT 10
orders_wrk jit_warmup_off "$OFF_PID" $OFF_PORT 10
with_baseline orders_wrk jit_warmup_baseline "$BASE_PID" $BASE_PORT 10

# --- 1. search throughput: carmarket, peer, pgbench; alternating ------------------------------------
for target in mix light heavy; do
  for round in $(seq 1 "$ROUNDS"); do search_round "$target" "$round"; done
done
# --- 2. order capture: carmarket vs pgbench's rate for the same transaction (and vs the baseline) -------
reset_orders
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then orders_wrk cm_orders "$CM_PID" $CM_PORT; orders_pgbench; with_baseline orders_wrk base_orders "$BASE_PID" $BASE_PORT
  else with_baseline orders_wrk base_orders "$BASE_PID" $BASE_PORT; orders_pgbench; orders_wrk cm_orders "$CM_PID" $CM_PORT; fi
  log "orders round $round: carmarket $(value cm_orders), pgbench $(value pg_orders), baseline $(value base_orders)"
done
# --- 3. the production controls on/off (two instances of the same jar, alternating) ---------------------
for round in $(seq 1 "$ROUNDS"); do
  wrk_run on_light "$CM_PID" "http://127.0.0.1:$CM_PORT$LIGHT"; wrk_run off_light "$OFF_PID" "http://127.0.0.1:$OFF_PORT$LIGHT"
  with_baseline wrk_run base_light "$BASE_PID" "http://127.0.0.1:$BASE_PORT$LIGHT"
  orders_wrk off_orders "$OFF_PID" $OFF_PORT; orders_wrk on_orders "$CM_PID" $CM_PORT
  log "controls round $round: light on $(value on_light) / off $(value off_light), orders on $(value on_orders) / off $(value off_orders)"
done
# --- 4. latency at half of the measured maximum (open model, fixed rate) -------------------------------
# Three windows, so that one pause of the machine does not decide a percentile: the report takes the
# median of the three p50s and p99s, and the sum of the errors.
fixed_rate() { # name, rate, base url, mode args...
  local name=$1 rate=$2 base=$3 window warmup out; shift 3
  for window in 1 2 3; do
    warmup=$WARM; [[ $window -gt 1 ]] || warmup=$LATENCY_WARMUP
    out=$(java -cp "$WORK/classes" FixedRateLoad "$rate" "$warmup" "$SECS" "$base" "$@")
    log "$name at $rate/s, window $window: $out"
    record "${name}_p50" "$(sed -n 's/^RESULT.*p50_ms=\([0-9.]*\).*/\1/p' <<< "$out")"
    record "${name}_p99" "$(sed -n 's/^RESULT.*p99_ms=\([0-9.]*\).*/\1/p' <<< "$out")"
    record "${name}_errors" "$(sed -n 's/^RESULT.*errors=\([0-9]*\).*/\1/p' <<< "$out")"
    [[ $1 != --orders ]] || reset_orders # each window reserves the same cars again
  done
}
LATENCY_WARMUP=$((WARM * 2)) # the generator is a JVM too: its own JIT needs the warm-up
half() { awk -v x="$1" 'BEGIN { printf "%d", x / 2 }'; }
CM_HALF=$(half "$(mean cm_mix)"); PEER_HALF=$(half "$(mean peer_mix)")
fixed_rate lat_cm_mix "$CM_HALF" "http://127.0.0.1:$CM_PORT" --urls "$URLS"
fixed_rate lat_peer_mix "$PEER_HALF" "http://127.0.0.1:$PEER_PORT" --urls "$URLS"
fixed_rate lat_cm_mix_at_peer_rate "$PEER_HALF" "http://127.0.0.1:$CM_PORT" --urls "$URLS"
ORDERS_HALF=$(half "$(mean cm_orders)")
fixed_rate lat_cm_orders "$ORDERS_HALF" "http://127.0.0.1:$CM_PORT" --orders "$WORK/car-ids.txt" r
# --- 5. memory: peak RSS (VmHWM) of the carmarket process over the whole run ----------------------------
record cm_rss_mib "$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$CM_PID/status")"
record peer_rss_mib "$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$PEER_PID/status")"
END_LOAD=$(loadavg)

# --- report ----------------------------------------------------------------------------------------
row() { # metric, carmarket, reference, value, target text, verdict (1 pass, 0 miss, else shown as is)
  local verdict=$6; [[ $verdict == 1 ]] && verdict=PASS; [[ $verdict == 0 ]] && verdict=MISS
  printf '| %-40s | %10s | %10s | %7s | %-16s | %-4s |\n' "$1" "$2" "$3" "$4" "$5" "$verdict"
}
atleast() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t) ? 1 : 0 }'; }
atmost() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? 1 : 0 }'; }
cmp_ratio() { # metric, a name, b name, target (- for information only)
  local a b r; a=$(mean "$2"); b=$(mean "$3"); r=$(ratio "$a" "$b")
  if [[ $4 == - ]]; then row "$1" "$a" "$b" "$r" "(info)" info; else row "$1" "$a" "$b" "$r" ">= $4" "$(atleast "$r" "$4")"; fi
}
echo
echo "carmarket benchmark: $(nproc) cores, $(date -u +%FT%TZ), $(java -version 2>&1 | head -1), $(psql -Atc 'SHOW server_version' -d "$DB")"
echo "load average (1/5/15 min) at start: $START_LOAD, at end: $END_LOAD; ${ROUNDS} alternating rounds of ${SECS}s (+${WARM}s warm-up), $CONC connections"
echo "identical answers for the $(grep -c . "$URLS") URLs: $([[ $mismatches -eq 0 ]] && echo yes || echo "NO ($mismatches differ)")"
echo
printf '| %-40s | %10s | %10s | %7s | %-16s | %-4s |\n' metric carmarket reference ratio target verdict
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" ------------ ------------ --------- ------------------ ------
cmp_ratio "search mix req/s vs peer" cm_mix peer_mix 1.5
cmp_ratio "search light (Golf) req/s vs peer" cm_light peer_light 1.5
cmp_ratio "search heavy (no filter) req/s vs peer" cm_heavy peer_heavy 3
cmp_ratio "search light req/s vs pgbench own SQL" cm_light pg_light 0.85
cmp_ratio "search mix vs pgbench own SQL" cm_mix pg_mix -
cmp_ratio "search heavy vs pgbench own SQL" cm_heavy pg_heavy -
cmp_ratio "peer light vs pgbench own SQL" peer_light pg_light -
cmp_ratio "order capture/s vs pgbench same tx" cm_orders pg_orders 0.6
if [[ -n ${BASELINE_JAR:-} ]]; then
  cmp_ratio "order capture/s vs baseline jar" cm_orders base_orders 2
  cmp_ratio "search light req/s vs baseline jar" on_light base_light -
fi
cmp_ratio "controls on/off, search light req/s" on_light off_light 0.95
cmp_ratio "controls on/off, order capture/s" on_orders off_orders 0.95
cpu_row() { # target
  local a b; a=$(mean "cm_$1_cpu"); b=$(mean "peer_$1_cpu")
  row "CPU ms per request, search $1" "$a" "$b" "$(ratio "$a" "$b")" "(info)" info
}
cpu_row mix; cpu_row light; cpu_row heavy
p99=$(median lat_cm_mix_p99); peer99=$(median lat_peer_mix_p99); same99=$(median lat_cm_mix_at_peer_rate_p99)
row "search mix p50 ms @ half own max" "$(median lat_cm_mix_p50)" "$(median lat_peer_mix_p50)" - "(info)" info
row "search mix p99 ms @ half own max" "$p99" "$peer99" - "<= 30 ms" "$(atmost "$p99" 30)"
row "search mix p99 ms @ peer's half rate" "$same99" "$peer99" "$(ratio "$same99" "$peer99")" "<= 1 (peer)" "$(atmost "$same99" "$peer99")"
o99=$(median lat_cm_orders_p99)
row "order capture p50/p99 ms @ half max" "$(median lat_cm_orders_p50)/$o99" - - "p99 <= 40 ms" "$(atmost "$o99" 40)"
rss=$(value cm_rss_mib)
row "peak RSS MiB (PM2 JVM flags)" "$rss" "$(value peer_rss_mib)" - "<= 384" "$(atmost "$rss" 384)"
st=$(value start_ms)
row "start to ready, ms" "$st" - - "<= 3000" "$(atmost "$st" 3000)"
echo
echo "latency rows: the median of 3 windows of ${SECS}s each at a fixed rate (p50 and p99 per window under raw values)"
echo "half-load rates: carmarket mix ${CM_HALF}/s, peer mix ${PEER_HALF}/s, orders ${ORDERS_HALF}/s;" \
  "errors: $(total lat_cm_mix_errors)/$(total lat_peer_mix_errors)/$(total lat_cm_mix_at_peer_rate_errors)/$(total lat_cm_orders_errors)"
with_baseline echo "baseline: $BASELINE_JAR under $BASELINE_VERSION"
echo "controls off = STRICT_VALIDATION=off + RATE_LIMITS=off + ${CONTROLS_OFF_FLAGS[*]}; controls on = RATE_LIMITS=$BENCH_RATE_LIMITS (checked, never refusing); ORDER_QUOTA=off on both"
echo "raw values (name value):"; sort "$RESULTS" | awk '{ a[$1] = a[$1] " " $2 } END { for (k in a) print "  " k ":" a[k] }' | sort
