# shellcheck shell=bash
# Shared by deploy.sh and rollback.sh (sourced, never run): configuration, logging, the lock, the
# release layout, PM2 and the two gates (readiness, smoke). Callers run with `set -euo pipefail`.
#
# Layout under $ROOT (CARMARKET_DEPLOY_ROOT, default /opt/carmarket):
#   releases/<UTC timestamp>-<sha256 prefix>/   carmarket.jar, carmarket-smoke.jar, RELEASE (read-only)
#     app/                                      the jar unpacked + carmarket.jsa (class-data-sharing.sh)
#   releases/.staging-<id>/                     a release being copied; renamed into place when complete
#   current -> releases/<id>                    what the instances run (or are being moved to)
#   known-good -> releases/<id>                 the last release that passed readiness and smoke
#   known-good.history                          known-good ids, oldest first: rollback.sh's stack
#   logs/                                       PM2's log files of the instances
#   .deploy.lock                                flock: one deploy or rollback at a time

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly DEPLOY_DIR
# shellcheck disable=SC2034 # exit statuses, KEEP_RELEASES, FAILED_GATE: read by the sourcing scripts
readonly EXIT_GATE_FAILED=1 EXIT_USAGE=2 EXIT_PREFLIGHT=3 EXIT_LOCKED=4 EXIT_ROLLBACK_FAILED=5
FAILED_GATE=""

log() {
  printf '[%s] %s: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" "$1" "$2"
}

# die STATUS STEP MESSAGE
die() {
  log "$2" "$3" >&2
  exit "$1"
}

# The sourcing script sets USAGE (its arguments).
usage() {
  echo "usage: $(basename "$0") $USAGE" >&2
  exit "$EXIT_USAGE"
}

positive_integer() {
  local name=$1 fallback=$2 value
  value="${!name:-$fallback}"
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || die "$EXIT_USAGE" config "$name must be a positive integer, got '$value'"
  printf '%s\n' "$value"
}

# The same variables drive ecosystem.config.js, so they are exported for the `pm2` calls.
load_config() {
  ROOT="${CARMARKET_DEPLOY_ROOT:-/opt/carmarket}"
  ENV_FILE="${CARMARKET_ENV_FILE:-/etc/carmarket/env}"
  INSTANCES="$(positive_integer CARMARKET_INSTANCES 2)"
  BASE_PORT="$(positive_integer CARMARKET_BASE_PORT 8081)"
  # shellcheck disable=SC2034 # read by deploy.sh
  KEEP_RELEASES="$(positive_integer CARMARKET_KEEP_RELEASES 5)"
  READY_TIMEOUT="$(positive_integer CARMARKET_READY_TIMEOUT 60)"
  ROLLBACK_READY_TIMEOUT="$(positive_integer CARMARKET_ROLLBACK_READY_TIMEOUT 120)"
  SMOKE_RETRIES="$(positive_integer CARMARKET_SMOKE_RETRIES 2)"
  SMOKE_ATTEMPTS="$(positive_integer CARMARKET_SMOKE_ATTEMPTS 2)"
  # Per request: a just-started instance answers its first requests on a cold JVM, and a timeout is
  # never retried by the pack, so the gate allows more than the pack's 5 s default.
  SMOKE_TIMEOUT="$(positive_integer CARMARKET_SMOKE_TIMEOUT_SECONDS 15)"
  JAVA_BIN="${CARMARKET_JAVA:-java}"
  (( BASE_PORT + INSTANCES - 1 <= 65535 )) || die "$EXIT_USAGE" config "ports $BASE_PORT.. do not fit $INSTANCES instances"
  export CARMARKET_DEPLOY_ROOT="$ROOT" CARMARKET_ENV_FILE="$ENV_FILE" CARMARKET_INSTANCES="$INSTANCES" \
    CARMARKET_BASE_PORT="$BASE_PORT" CARMARKET_JAVA="$JAVA_BIN"
}

# --- the lock -------------------------------------------------------------------------------------
# fd 9 holds the lock until the script exits. Long-lived children must not inherit it (the PM2
# daemon would keep it forever), hence the `9>&-` on every pm2, java and curl call below.
acquire_lock() {
  mkdir -p "$ROOT/releases" "$ROOT/logs"
  exec 9>>"$ROOT/.deploy.lock"
  flock -n 9 || die "$EXIT_LOCKED" lock "another deploy or rollback is running (lock $ROOT/.deploy.lock is held); nothing was changed"
  log lock "acquired $ROOT/.deploy.lock"
}

# --- the service's environment file ----------------------------------------------------------------
# KEY<TAB>VALUE per entry, parsed like ecosystem.config.js does: blank lines and # comments skipped,
# optional `export `, one pair of matching quotes removed, nothing expanded (never `source`d).
env_file_entries() {
  local line key value
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    if [[ ! "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]]; then
      die "$EXIT_PREFLIGHT" config "$ENV_FILE: a line is not KEY=VALUE"
    fi
    key="${BASH_REMATCH[2]}"
    value="${BASH_REMATCH[3]}"
    if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then value="${BASH_REMATCH[1]}"; fi
    printf '%s\t%s\n' "$key" "$value"
  done <"$ENV_FILE"
}

# The last assignment wins, as in the ecosystem file.
env_file_value() {
  env_file_entries | awk -F'\t' -v key="$1" '$1 == key { value = substr($0, length(key) + 2) } END { print value }'
}

# Runs a command with exactly the env file's variables (plus PATH and HOME), like PM2's filter_env;
# values travel through the environment, never through a command line that `ps` shows.
run_with_service_env() {
  local entries
  entries="$(env_file_entries)"
  (
    while IFS= read -r name; do
      [[ "$name" == PATH || "$name" == HOME ]] || unset "$name" 2>/dev/null || true
    done < <(compgen -e)
    while IFS=$'\t' read -r key value; do
      [[ -n "$key" ]] && export "$key=$value"
    done <<<"$entries"
    exec "$@" 9>&-
  )
}

check_env_file() {
  [[ -r "$ENV_FILE" ]] || die "$EXIT_PREFLIGHT" preflight "environment file $ENV_FILE is missing or unreadable (set CARMARKET_ENV_FILE)"
  INTERNAL_TOKEN="$(env_file_value INTERNAL_TOKEN)"
  [[ -n "$INTERNAL_TOKEN" ]] || die "$EXIT_PREFLIGHT" preflight "$ENV_FILE sets no INTERNAL_TOKEN: the readiness gate needs it"
  log preflight "environment file $ENV_FILE readable"
}

# --- tools ------------------------------------------------------------------------------------------
find_pm2() {
  local candidate
  for candidate in "${PM2:-}" "$DEPLOY_DIR/.tools/node_modules/.bin/pm2" "$(command -v pm2 || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then PM2_BIN="$candidate"; return 0; fi
  done
  die "$EXIT_PREFLIGHT" preflight "PM2 not found: set PM2, or install it (docs/deploy.md)"
}

pm2_cmd() {
  "$PM2_BIN" "$@" 9>&-
}

# PM2's tables only on failure.
pm2_quiet() {
  local output
  output="$(pm2_cmd "$@" 2>&1)" || { printf '%s\n' "$output" >&2; return 1; }
}

check_tools() {
  local version
  find_pm2
  version="$("$JAVA_BIN" -XshowSettings:properties -version 2>&1 9>&- | awk -F'= ' '/java.specification.version/ { print $2 }')" || true
  if [[ ! "$version" =~ ^[0-9]+$ ]] || (( version < 17 )); then
    die "$EXIT_PREFLIGHT" preflight "Java 17 or newer required; '$JAVA_BIN' reports '${version:-nothing}' (set CARMARKET_JAVA)"
  fi
  log preflight "java $version, pm2 $(pm2_cmd --version 2>/dev/null | tail -n1) ($PM2_BIN)"
}

# --- release layout -----------------------------------------------------------------------------------
release_path() {
  printf '%s/releases/%s\n' "$ROOT" "$1"
}

# The release id a link points to, or nothing.
link_release() {
  local link="$ROOT/$1"
  if [[ -L "$link" ]]; then basename "$(readlink "$link")"; fi
}

is_complete_release() {
  local dir
  dir="$(release_path "$1")"
  [[ -n "$1" && -f "$dir/carmarket.jar" && -f "$dir/carmarket-smoke.jar" && -f "$dir/RELEASE" ]]
}

# Atomic: a new link is renamed over the old one, so readers see either the old or the new target.
point_link() {
  local name=$1 release=$2
  ln -sfn "releases/$release" "$ROOT/.$name.next"
  mv -Tf "$ROOT/.$name.next" "$ROOT/$name"
  log release "$name -> $release"
}

# known-good moves only here: after a release passed both gates on every instance.
promote_known_good() {
  point_link known-good "$1"
  if [[ "$(tail -n1 "$ROOT/known-good.history" 2>/dev/null)" != "$1" ]]; then
    printf '%s\n' "$1" >>"$ROOT/known-good.history"
  fi
}

# A staging directory is what an interrupted copy leaves behind; it never became a release.
remove_interrupted_leftovers() {
  local leftover
  for leftover in "$ROOT"/releases/.staging-* "$ROOT"/.*.next; do
    [[ -e "$leftover" || -L "$leftover" ]] || continue
    rm -rf -- "$leftover"
    log recover "removed $leftover (left by an interrupted run)"
  done
}

# Prints the state, and refuses links that point nowhere (someone removed a release by hand).
report_release_state() {
  local current known_good
  current="$(link_release current)"
  known_good="$(link_release known-good)"
  if [[ -n "$known_good" ]] && ! is_complete_release "$known_good"; then
    die "$EXIT_PREFLIGHT" preflight "known-good points to $known_good, which is missing or incomplete: fix $ROOT by hand"
  fi
  if [[ -n "$current" ]] && ! is_complete_release "$current"; then
    die "$EXIT_PREFLIGHT" preflight "current points to $current, which is missing or incomplete: fix $ROOT by hand"
  fi
  log state "current=${current:-none} known-good=${known_good:-none}"
  if [[ -n "$current" && "$current" != "$known_good" ]]; then
    log state "current $current never passed the gates (an interrupted or failed run); the rollback target stays ${known_good:-none}"
  fi
}

# --- instances under PM2 -------------------------------------------------------------------------------
instance_name() {
  printf 'carmarket-%s\n' "$1"
}

instance_port() {
  printf '%s\n' "$((BASE_PORT + $1 - 1))"
}

# PM2's pid of the instance, or nothing.
instance_pid() {
  local pid
  pid="$(pm2_cmd pid "$(instance_name "$1")" 2>/dev/null | tail -n1)" || true
  if [[ "$pid" =~ ^[1-9][0-9]*$ ]]; then printf '%s\n' "$pid"; fi
}

# (Re)starts one instance on a release. `delete` lets the old process drain (SIGINT, then
# kill_timeout) and frees the port; `start` then reads the ecosystem file afresh, so the jar path,
# APP_RELEASE and the env file are the new ones (a plain reload would keep the old arguments).
# $3: the test-only CARMARKET_DEPLOY_ENV_OVERRIDES file for this start (empty: none).
declare -A LOG_OFFSET=()
start_instance() {
  local name
  name="$(instance_name "$1")"
  if pm2_cmd describe "$name" >/dev/null 2>&1; then pm2_quiet delete "$name"; fi
  LOG_OFFSET[$name.err]="$(log_size "$name.err.log")"
  LOG_OFFSET[$name.out]="$(log_size "$name.out.log")"
  CARMARKET_RELEASE="$2" CARMARKET_DEPLOY_ENV_OVERRIDES="${3:-}" \
    pm2_quiet start "$DEPLOY_DIR/ecosystem.config.js" --only "$name"
}

stop_all_instances() {
  local i name
  for ((i = 1; i <= INSTANCES; i++)); do
    name="$(instance_name "$i")"
    if pm2_cmd describe "$name" >/dev/null 2>&1; then pm2_quiet delete "$name"; log stop "$name stopped"; fi
  done
}

# So that `pm2 resurrect` (at boot) starts what was last verified.
save_pm2_state() {
  pm2_quiet save && log pm2 "process list saved"
}

# --- gates ------------------------------------------------------------------------------------------------
# The bearer token reaches curl on stdin (-K -), never its command line.
ready_status() {
  local token="${INTERNAL_TOKEN//\\/\\\\}"
  printf 'header = "Authorization: Bearer %s"\n' "${token//\"/\\\"}" |
    curl -s -o /dev/null -w '%{http_code}' --max-time 3 -K - "http://127.0.0.1:$1/health/ready" 9>&- || true
}

# The "version" of /health/live (APP_RELEASE of the process), or nothing.
live_version() {
  curl -fsS --max-time 3 "http://127.0.0.1:$1/health/live" 9>&- 2>/dev/null |
    sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' || true
}

log_size() {
  stat -c %s "$ROOT/logs/$1" 2>/dev/null || echo 0
}

# What the instance wrote to its PM2 logs since its start (stderr first: a failed start's reason
# ends up there), the last lines of it.
show_instance_log() {
  local name=$1 stream line
  for stream in err out; do
    if (( $(log_size "$name.$stream.log") > ${LOG_OFFSET[$name.$stream]:-0} )); then
      log readiness "$name: last lines of $ROOT/logs/$name.$stream.log since its start:"
      while IFS= read -r line; do log readiness "  ${line:0:300}"; done < <(
        tail -c +"$(( ${LOG_OFFSET[$name.$stream]:-0} + 1 ))" "$ROOT/logs/$name.$stream.log" | tail -n 5)
      return 0
    fi
  done
}

wait_until_ready() {
  local name=$1 port=$2 deadline=$((SECONDS + READY_TIMEOUT)) status
  log readiness "$name: polling http://127.0.0.1:$port/health/ready for up to ${READY_TIMEOUT}s"
  while true; do
    status="$(ready_status "$port")"
    if [[ "$status" == 200 ]]; then return 0; fi
    if (( SECONDS >= deadline )); then
      log readiness "$name: not ready after ${READY_TIMEOUT}s (last answer: HTTP ${status:-none}, 000 = no connection)"
      show_instance_log "$name"
      return 1
    fi
    sleep 1
  done
}

readiness_gate() {
  local name port version
  name="$(instance_name "$1")"
  port="$(instance_port "$1")"
  if ! wait_until_ready "$name" "$port"; then FAILED_GATE="readiness on $name"; return 1; fi
  version="$(live_version "$port")"
  if [[ "$version" != "$2" ]]; then
    log readiness "$name: /health/live reports version '${version}', expected '$2'"
    FAILED_GATE="readiness on $name (wrong version)"
    return 1
  fi
  log readiness "$name: ready and serving $2"
}

# The release's own smoke pack: the compatibility a front end relies on, read-only. The pack
# retries refused connections and 503 itself (--retries); the whole run is retried once more
# (CARMARKET_SMOKE_ATTEMPTS) because a just-started JVM may answer its first requests slowly, while
# a wrong answer fails every attempt. CARMARKET_SMOKE_INTERNAL=false leaves out the pack's internal
# checks (/health/ready, /metrics).
run_smoke_pack() {
  local -a token_env=()
  if [[ "${CARMARKET_SMOKE_INTERNAL:-true}" != false ]]; then token_env=("SMOKE_INTERNAL_TOKEN=$INTERNAL_TOKEN"); fi
  env "${token_env[@]}" "$JAVA_BIN" -jar "$(release_path "$2")/carmarket-smoke.jar" \
    --base-url "http://127.0.0.1:$1" --retries "$SMOKE_RETRIES" --timeout "${SMOKE_TIMEOUT}s" 2>&1 9>&-
}

smoke_gate() {
  local name port output attempt
  name="$(instance_name "$1")"
  port="$(instance_port "$1")"
  for ((attempt = 1; attempt <= SMOKE_ATTEMPTS; attempt++)); do
    if output="$(run_smoke_pack "$port" "$2")"; then
      log smoke "$name: passed ($(tail -n1 <<<"$output"))"
      return 0
    fi
    log smoke "$name: attempt $attempt of $SMOKE_ATTEMPTS FAILED against $2"
    while IFS= read -r line; do log smoke "  $line"; done < <(grep -E '^(FAIL|error:|[0-9]+ passed)' <<<"$output" || tail -n5 <<<"$output")
    if (( attempt < SMOKE_ATTEMPTS )); then sleep 2; fi
  done
  FAILED_GATE="smoke on $name"
  return 1
}

# Moves the instances to a release one at a time (the others keep serving), each through both
# gates. An instance already serving that release only goes through the gates.
roll_out() {
  local release=$1 overrides=${2:-} i name
  for ((i = 1; i <= INSTANCES; i++)); do
    name="$(instance_name "$i")"
    if [[ "$(live_version "$(instance_port "$i")")" == "$release" && -n "$(instance_pid "$i")" ]]; then
      log rollout "$name already runs $release"
    else
      log rollout "$name: starting $release on port $(instance_port "$i")"
      start_instance "$i" "$release" "$overrides" || { FAILED_GATE="pm2 start of $name"; return 1; }
    fi
    readiness_gate "$i" "$release" || return 1
    smoke_gate "$i" "$release" || return 1
  done
}

# Points current at a verified-before release and brings every instance back to it, verified again.
# It waits longer for readiness than a deploy (CARMARKET_ROLLBACK_READY_TIMEOUT): giving up on the
# release that is meant to serve would leave nothing verified running.
restore_release() {
  # shellcheck disable=SC2034 # read by the caller's summary
  FAILED_GATE=""
  READY_TIMEOUT="$ROLLBACK_READY_TIMEOUT"
  point_link current "$1"
  roll_out "$1"
}
