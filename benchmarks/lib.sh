# shellcheck shell=bash
# Helpers shared by compare.sh and scale.sh (sourced). begin_run sets WORK (the run's temporary
# directory), RESULTS (a file of "name value" lines) and SERVER_PIDS (the servers it started).

# The settings both share (HERE is the benchmarks folder, set by the caller).
# shellcheck disable=SC2034 # read by the scripts that source this file
ROOT=$(cd "$HERE/.." && pwd)
SECS=${BENCH_SECONDS:-12}
WARM=${BENCH_WARMUP:-4}
ROUNDS=${BENCH_ROUNDS:-2}
JAR=${CARMARKET_JAR:-$ROOT/bootstrap/target/carmarket.jar}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

# begin_run <name>: a fresh temporary directory /tmp/<name>.XXXXXX with an empty results file.
begin_run() {
  WORK=$(mktemp -d "/tmp/$1.XXXXXX")
  RESULTS=$WORK/results
  : > "$RESULTS"
  SERVER_PIDS=()
}

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
record() { echo "$1 $2" >> "$RESULTS"; }
# Mean of every value recorded under a name.
mean() { awk -v k="$1" '$1 == k { s += $2; n++ } END { if (n) printf "%.1f", s / n; else print "NaN" }' "$RESULTS"; }
# Median of every value recorded under a name (the middle one, or the mean of the two middle ones).
median() {
  awk -v k="$1" '$1 == k { print $2 }' "$RESULTS" | sort -g \
    | awk '{ v[NR] = $1 } END { if (!NR) print "NaN"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# Sum of every value recorded under a name.
total() { awk -v k="$1" '$1 == k { s += $2 } END { print s + 0 }' "$RESULTS"; }
value() { awk -v k="$1" '$1 == k { v = $2 } END { print v }' "$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# Stops every server in SERVER_PIDS and waits for them.
stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
