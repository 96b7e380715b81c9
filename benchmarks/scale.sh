#!/usr/bin/env bash
# carmarket at two catalogue sizes, side by side in one run (docs/performance.md, "Catalogue size"):
# the search mix of search-mix.txt, its light and heavy URLs, the p99 of each URL at half of the
# mix's own maximum, and the first request of new filter combinations (a total counted cold).
# Not a test and not part of CI: too long for it (a 1M seed alone takes ~3 minutes).
#
# Usage: benchmarks/scale.sh              (~20 minutes with a fresh 1M seed, ~3 minutes of it seeding)
# Env:   SCALE_SMALL (100000) and SCALE_LARGE (1000000) cars; SCALE_LARGE_DB: an already seeded database
#        of SCALE_LARGE cars to use instead of seeding one (kept afterwards); BENCH_SECONDS (12),
#        BENCH_WARMUP (4), BENCH_ROUNDS (2), JIT_WARMUP (60), CARMARKET_JAR, PGHOST/PGPORT/PGUSER,
#        BENCH_PORT (18090: small; +1 large).
# Needs PostgreSQL (trust auth for PGUSER) and Java 17; installs wrk if absent (install-tools.sh).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$HERE/lib.sh"
SMALL=${SCALE_SMALL:-100000}
LARGE=${SCALE_LARGE:-1000000}
PORT_SMALL=${BENCH_PORT:-18090}
PORT_LARGE=$((PORT_SMALL + 1))
DB_SMALL=carmarket_scale_small_$$
DB_LARGE=${SCALE_LARGE_DB:-carmarket_scale_large_$$}
CONC=16
THREADS=2
LIGHT='/car-details/search?make=Volkswagen&model=Golf'
HEAVY='/car-details/search'
export BENCH_PATHS=$HERE/search-mix.txt
TOKEN=bench-internal-token-0123456789abcdef

[[ -f $JAR ]] || { echo "no $JAR: build it first (./mvnw -q -DskipTests package)" >&2; exit 2; }
begin_run carmarket-scale
cleanup() {
  stop_servers
  dropdb --if-exists "$DB_SMALL" 2>/dev/null || true
  [[ -n ${SCALE_LARGE_DB:-} ]] || dropdb --if-exists "$DB_LARGE" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$HERE/install-tools.sh" >&2
mkdir -p "$WORK/classes" && javac -d "$WORK/classes" "$HERE/FixedRateLoad.java"

env_for() { # database: one variable per line
  printf '%s\n' APP_ENV=production "DATABASE_URL=postgresql://$PGUSER@$PGHOST:$PGPORT/$1" \
    CORS_ALLOWED_ORIGINS=http://localhost:3000 TRUST_PROXY=false INTERNAL_TOKEN=$TOKEN \
    PAYMENT_WEBHOOK_SECRET=bench-webhook-secret-0123456789abcdef LOG_FORMAT=json RATE_LIMITS=off ORDER_QUOTA=off
}
seed() { # database, cars
  createdb "$1"
  local out environment; mapfile -t environment < <(env_for "$1")
  out=$(/usr/bin/time -f 'max_rss_kib=%M' env "${environment[@]}" java -Xmx384m -XX:+UseSerialGC -jar "$JAR" --seed="$2" 2>&1)
  grep 'carmarket seed' <<< "$out" | tail -3 >&2
  record "seed_seconds_$2" "$(sed -n 's/.*loaded [0-9]* cars in \([0-9.]*\) s.*/\1/p' <<< "$out")"
  record "seed_rss_mib_$2" "$(sed -n 's/.*max_rss_kib=\([0-9]*\).*/\1/p' <<< "$out" | awk '{ printf "%.0f", $1 / 1024 }')"
}
log "seeding $SMALL cars"; seed "$DB_SMALL" "$SMALL"
if [[ -n ${SCALE_LARGE_DB:-} ]]; then log "using $DB_LARGE as it is"; else log "seeding $LARGE cars"; seed "$DB_LARGE" "$LARGE"; fi
for db in "$DB_SMALL" "$DB_LARGE"; do record "cars_$db" "$(psql -Atc 'SELECT count(*) FROM cars' -d "$db")"; done

mapfile -t JAVA_ARGS < <("$ROOT/deploy/java-arguments.sh")
start() { # database, port
  local environment; mapfile -t environment < <(env_for "$1")
  env "${environment[@]}" PORT="$2" java "${JAVA_ARGS[@]}" -jar "$JAR" > "$WORK/$2.log" 2>&1 &
  SERVER_PIDS+=($!)
  local deadline=$((SECONDS + 120))
  until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$2/health/ready"; do
    [[ $SECONDS -lt $deadline ]] || { echo "not ready on $2" >&2; exit 1; }
    sleep 0.1
  done
}
start "$DB_SMALL" "$PORT_SMALL"; SMALL_PID=${SERVER_PIDS[-1]}
start "$DB_LARGE" "$PORT_LARGE"; LARGE_PID=${SERVER_PIDS[-1]}

# A cold total: the first request of a filter combination nobody asked for (a price bound of its own), before
# any JIT warm-up has touched the filters' SQL either: what the first visitor with a new filter waits.
cold() { # name, port, query prefix
  local ms=()
  for _ in 1 2 3 4 5; do
    ms+=("$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$2$3$((900000 + RANDOM))" | awk '{ printf "%.1f", $1 * 1000 }')")
  done
  record "$1" "$(printf '%s\n' "${ms[@]}" | sort -n | sed -n 3p)"
}
warm_jit() { wrk -t$THREADS -c$CONC -d"${JIT_WARMUP:-60}s" -s "$HERE/wrk-paths.lua" "http://127.0.0.1:$1" > /dev/null; }
log "JIT warm-up: ${JIT_WARMUP:-60}s of the mix on each"
warm_jit "$PORT_SMALL"; warm_jit "$PORT_LARGE"
for size in small large; do
  port=$PORT_SMALL; [[ $size == large ]] && port=$PORT_LARGE
  cold "cold_broad_$size" "$port" "/car-details/search?priceMax="            # matches almost every car
  cold "cold_narrow_$size" "$port" "/car-details/search?make=BMW&fuelType=DIESEL&priceMax="
done

wrk_run() { # name, url, wrk args...
  local name=$1 url=$2 out; shift 2
  wrk -t$THREADS -c$CONC -d"${WARM}s" "$@" "$url" > /dev/null
  out=$(wrk -t$THREADS -c$CONC -d"${SECS}s" "$@" "$url")
  if grep -q 'Non-2xx\|Socket errors' <<< "$out"; then log "$name: $(grep 'Non-2xx\|Socket errors' <<< "$out" | tr '\n' ' ')"; fi
  record "$name" "$(awk '/^Requests\/sec/ {print $2}' <<< "$out")"
}
for round in $(seq 1 "$ROUNDS"); do
  order=(small large); (( round % 2 )) || order=(large small)
  for size in "${order[@]}"; do
    port=$PORT_SMALL; [[ $size == large ]] && port=$PORT_LARGE
    wrk_run "mix_$size" "http://127.0.0.1:$port" -s "$HERE/wrk-paths.lua"
    wrk_run "light_$size" "http://127.0.0.1:$port$LIGHT"
    wrk_run "heavy_$size" "http://127.0.0.1:$port$HEAVY"
  done
  log "round $round: mix $(value mix_small) / $(value mix_large), light $(value light_small) / $(value light_large), heavy $(value heavy_small) / $(value heavy_large) (load $(loadavg))"
done

# p99 of every URL of the mix at half of the mix's own maximum, on each size.
for size in small large; do
  port=$PORT_SMALL; [[ $size == large ]] && port=$PORT_LARGE
  rate=$(awk -v x="$(mean "mix_$size")" 'BEGIN { printf "%d", x / 2 }')
  java -cp "$WORK/classes" FixedRateLoad "$rate" "$((WARM * 2))" "$SECS" "http://127.0.0.1:$port" --urls "$BENCH_PATHS" \
    > "$WORK/latency_$size.txt"
  log "$size at $rate/s: $(head -1 "$WORK/latency_$size.txt")"
  record "half_rate_$size" "$rate"
  record "mix_p99_$size" "$(sed -n 's/^RESULT.*p99_ms=\([0-9.]*\).*/\1/p' "$WORK/latency_$size.txt")"
done
record "rss_mib_small" "$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SMALL_PID/status")"
record "rss_mib_large" "$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$LARGE_PID/status")"

echo
echo "carmarket at $SMALL and $LARGE cars: $(nproc) cores, $(date -u +%FT%TZ), $(java -version 2>&1 | head -1), PostgreSQL $(psql -Atc 'SHOW server_version' -d "$DB_SMALL")"
echo "${ROUNDS} alternating rounds of ${SECS}s (+${WARM}s warm-up), $CONC connections; load average at end $(loadavg)"
echo "seed: $SMALL cars in $(value "seed_seconds_$SMALL") s (peak RSS $(value "seed_rss_mib_$SMALL") MiB)$( [[ -n $(value "seed_seconds_$LARGE") ]] && echo ", $LARGE cars in $(value "seed_seconds_$LARGE") s (peak RSS $(value "seed_rss_mib_$LARGE") MiB)")"
echo
printf '| %-38s | %10s | %10s | %6s | %-14s | %-4s |\n' metric "$SMALL" "$LARGE" ratio target verdict
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..40})" ------------ ------------ -------- ---------------- ------
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v <= t; print ok ? "PASS" : "MISS" }'; }
row() { # metric, small, large, target op, target value
  local r; r=$(ratio "$3" "$2")
  if [[ -z ${4:-} ]]; then printf '| %-38s | %10s | %10s | %6s | %-14s | %-4s |\n' "$1" "$2" "$3" "$r" "(info)" info
  else printf '| %-38s | %10s | %10s | %6s | %-14s | %-4s |\n' "$1" "$2" "$3" "$r" "ratio $4 $5" "$(verdict "$r" "$5" "$4")"; fi
}
row "search mix req/s" "$(mean mix_small)" "$(mean mix_large)" ">=" 0.7
row "search light (Golf) req/s" "$(mean light_small)" "$(mean light_large)"
row "search heavy (no filter) req/s" "$(mean heavy_small)" "$(mean heavy_large)"
row "mix p99 ms at half own max" "$(value mix_p99_small)" "$(value mix_p99_large)"
row "cold total, broad filter, ms (median of 5)" "$(value cold_broad_small)" "$(value cold_broad_large)"
row "cold total, narrow filter, ms (median of 5)" "$(value cold_narrow_small)" "$(value cold_narrow_large)"
row "peak RSS MiB" "$(value rss_mib_small)" "$(value rss_mib_large)"
echo
echo "p99 ms of each URL of the mix at half the mix's own maximum (target: at most 50 ms each):"
printf '| %-72s | %8s | %8s | %-4s |\n' url "$SMALL" "$LARGE" verdict
while read -r path; do
  [[ -n $path ]] || continue
  s=$(awk -v p="$path" '$1 == "URL" && $3 == p { sub("p99_ms=", "", $2); print $2 }' "$WORK/latency_small.txt")
  l=$(awk -v p="$path" '$1 == "URL" && $3 == p { sub("p99_ms=", "", $2); print $2 }' "$WORK/latency_large.txt")
  printf '| %-72s | %8s | %8s | %-4s |\n' "$path" "${s:--}" "${l:--}" "$([[ -n $l ]] && verdict "$l" 50 "<=" || echo "none")"
done < "$BENCH_PATHS"
