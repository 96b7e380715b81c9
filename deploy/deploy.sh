#!/usr/bin/env bash
# usage: deploy.sh [--allow-destructive-migration] [--smoke-jar PATH] ARTIFACT.jar
#
# Deploys a built carmarket.jar on this host (docs/deploy.md): preflight, a new release directory,
# a rolling start under PM2 (one instance at a time), a readiness gate and a smoke gate per instance,
# then known-good moves to the new release. When a gate fails, the instances go back to the
# known-good release, which must pass both gates again, and the script exits non-zero. A release
# with migrations the database has not applied gets a backup first (backup/pre-migration-backup.sh).
# The argument is a built artifact, not a git ref: the host builds nothing.
#
# The smoke pack (smoke/target/carmarket-smoke.jar) is stored with the release, so a rollback checks
# a release with its own pack. Default: carmarket-smoke.jar next to ARTIFACT, or CARMARKET_SMOKE_JAR.
#
# Exit status: 0 deployed; 1 a gate failed and the known-good release serves again; 2 usage;
# 3 preflight or backup refused (nothing changed); 4 another deploy/rollback runs; 5 the rollback
# failed too (manual action needed). Settings (CARMARKET_*): lib.sh, ecosystem.config.js and
# backup/pre-migration-backup.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

readonly USAGE="[--allow-destructive-migration] [--smoke-jar PATH] ARTIFACT.jar"

parse_arguments() {
  ALLOW_DESTRUCTIVE=false
  ARTIFACT=""
  SMOKE_JAR="${CARMARKET_SMOKE_JAR:-}"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --allow-destructive-migration) ALLOW_DESTRUCTIVE=true ;;
      --smoke-jar) [[ $# -ge 2 ]] || usage; SMOKE_JAR="$2"; shift ;;
      --smoke-jar=*) SMOKE_JAR="${1#*=}" ;;
      -h | --help) usage ;;
      -*) echo "unknown option: $1" >&2; usage ;;
      *) [[ -z "$ARTIFACT" ]] || usage; ARTIFACT="$1" ;;
    esac
    shift
  done
  [[ -n "$ARTIFACT" ]] || usage
  [[ -f "$ARTIFACT" ]] || { echo "no such artifact: $ARTIFACT" >&2; usage; }
  SMOKE_JAR="${SMOKE_JAR:-$(dirname "$ARTIFACT")/carmarket-smoke.jar}"
  [[ -f "$SMOKE_JAR" ]] || { echo "no smoke pack at $SMOKE_JAR (use --smoke-jar)" >&2; usage; }
  ARTIFACT="$(realpath "$ARTIFACT")"
  SMOKE_JAR="$(realpath "$SMOKE_JAR")"
}

# --- preflight: nothing on the host changes until all of it passed ------------------------------------
check_disk_space() {
  local min_mb available_mb needed_mb
  min_mb="$(positive_integer CARMARKET_MIN_FREE_MB 512)"
  # Both jars, plus class-data sharing's unpacked copy (the jar's size) and archive (1.3x the jar, measured).
  needed_mb=$(( min_mb + (4 * $(stat -c %s "$ARTIFACT") + $(stat -c %s "$SMOKE_JAR")) / 1048576 ))
  available_mb="$(df -Pk "$ROOT" | awk 'NR == 2 { print int($4 / 1024) }')"
  (( available_mb >= needed_mb )) ||
    die "$EXIT_PREFLIGHT" preflight "only ${available_mb} MB free under $ROOT, need ${needed_mb} MB (CARMARKET_MIN_FREE_MB=$min_mb plus the release)"
  log preflight "disk: ${available_mb} MB free under $ROOT (need ${needed_mb} MB)"
}

# Each instance port must be free, or held by that instance's own PM2 process (it is replaced).
check_port_plan() {
  local i port listeners pid
  for ((i = 1; i <= INSTANCES; i++)); do
    port="$(instance_port "$i")"
    listeners="$(ss -Htlnp "sport = :$port" 2>/dev/null || true)"
    [[ -z "$listeners" ]] && continue
    pid="$(instance_pid "$i")"
    # Without the right to see other users' sockets ss shows no pid: trust PM2's claim then.
    if [[ -n "$pid" ]] && { grep -q "pid=$pid," <<<"$listeners" || ! grep -q 'pid=' <<<"$listeners"; }; then
      continue
    fi
    die "$EXIT_PREFLIGHT" preflight "port $port (for $(instance_name "$i")) is taken by another process: $(grep -o 'users:.*' <<<"$listeners" || echo unknown)"
  done
  log preflight "ports $BASE_PORT..$(instance_port "$INSTANCES") free or held by our PM2 instances"
}

check_migrations() {
  local known_good previous=() output status=0
  known_good="$(link_release known-good)"
  if [[ -n "$known_good" ]]; then previous=("$(release_path "$known_good")/carmarket.jar"); fi
  output="$("$DEPLOY_DIR/migration-check.sh" "$ARTIFACT" "${previous[@]}")" || status=$?
  while IFS= read -r line; do [[ -n "$line" ]] && log migrations "$line"; done <<<"$output"
  if (( status == 0 )); then
    log preflight "migrations new since ${known_good:-an empty database} are additive"
  elif (( status == 1 )) && [[ "$ALLOW_DESTRUCTIVE" == true ]]; then
    log preflight "non-additive migrations accepted by --allow-destructive-migration"
  elif (( status == 1 )); then
    die "$EXIT_PREFLIGHT" preflight "non-additive migrations (listed above): the known-good release could not run on the migrated schema; split them (expand/contract, docs/deploy.md) or rerun with --allow-destructive-migration"
  else
    die "$EXIT_PREFLIGHT" preflight "cannot read the migrations of $ARTIFACT"
  fi
}

# The new build checks the configuration, the database and the migration state itself. Its exit 69
# (EX_UNAVAILABLE: database not reachable in time) is retried once: one slow connection on a busy
# host must not fail a deploy, a real outage fails twice.
readonly EX_UNAVAILABLE=69
run_artifact_preflight() {
  run_with_service_env env PORT="$BASE_PORT" "$JAVA_BIN" -jar "$ARTIFACT" --preflight 2>&1
}

# Its report stays in PREFLIGHT_REPORT for the backup gate.
check_artifact_preflight() {
  local status=0
  PREFLIGHT_REPORT="$(run_artifact_preflight)" || status=$?
  if (( status == EX_UNAVAILABLE )); then
    log preflight "the database did not answer the new build's --preflight in time; retrying once in 3s"
    sleep 3
    status=0
    PREFLIGHT_REPORT="$(run_artifact_preflight)" || status=$?
  fi
  while IFS= read -r line; do log preflight "  $line"; done <<<"$PREFLIGHT_REPORT"
  (( status == 0 )) || die "$EXIT_PREFLIGHT" preflight "the new build's --preflight failed (exit $status, above); nothing was changed"
  log preflight "the new build's --preflight passed"
}

# A migration is the one change a rollback cannot undo. When the new build has migrations the
# database has not applied (its --preflight says `schema version 2; 1 pending: V3 reservation
# quota`) and the database has a schema, hence data, backup/pre-migration-backup.sh must provide a
# backup first (CARMARKET_BACKUP_COMMAND, CARMARKET_BACKUP_MAX_AGE_MINUTES); if it cannot, nothing
# changes. The time logged afterwards is a point-in-time recovery target before the migrations, in
# the form pgBackRest's --target parses.
backup_before_migrations() {
  local pending output status=0
  pending="$(grep -v 'schema version none' <<<"$PREFLIGHT_REPORT" | grep -o '[0-9][0-9]* pending: .*' || true)"
  [[ -n "$pending" ]] || return 0
  log backup "the new build migrates a database with data ($pending): backup first"
  output="$("$DEPLOY_DIR/backup/pre-migration-backup.sh" 2>&1 9>&-)" || status=$?
  while IFS= read -r line; do log backup "  $line"; done <<<"$output"
  (( status == 0 )) || die "$EXIT_PREFLIGHT" backup "no backup before the migrations (above); nothing was changed. Fix the backups (docs/backup.md), or deploy without one: CARMARKET_BACKUP_COMMAND=off"
  log backup "to undo this release's migrations, restore the database to '$(date -u '+%Y-%m-%d %H:%M:%S+00')', before them (docs/runbook.md, \"Undo a migration\")"
}

preflight() {
  log preflight "artifact $ARTIFACT, smoke pack $SMOKE_JAR"
  check_tools
  check_env_file
  check_disk_space
  check_port_plan
  report_release_state
  check_migrations
  check_artifact_preflight
  backup_before_migrations
}

# --- the release directory ---------------------------------------------------------------------------------
new_release_id() {
  local digest id
  digest="$(sha256sum "$ARTIFACT" | cut -c1-12)"
  id="$(date -u +%Y%m%dT%H%M%SZ)-$digest"
  while [[ -e "$(release_path "$id")" ]]; do
    sleep 1
    id="$(date -u +%Y%m%dT%H%M%SZ)-$digest"
  done
  printf '%s\n' "$id"
}

# Copied into a staging directory, checked, then renamed: releases/<id> is always complete.
stage_release() {
  local id=$1 staging="$ROOT/releases/.staging-$1"
  mkdir -p "$staging"
  cp "$ARTIFACT" "$staging/carmarket.jar"
  cp "$SMOKE_JAR" "$staging/carmarket-smoke.jar"
  [[ "$(sha256sum <"$staging/carmarket.jar")" == "$(sha256sum <"$ARTIFACT")" ]] ||
    die "$EXIT_PREFLIGHT" release "the copy of $ARTIFACT differs from the original"
  printf 'id=%s\nsha256=%s\nsource=%s\ncreated=%s\nby=%s\n' "$id" "$(sha256sum <"$ARTIFACT" | cut -d' ' -f1)" \
    "$ARTIFACT" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(id -un)" >"$staging/RELEASE"
  chmod 0444 "$staging"/*
  sync "$staging"/*
  mv -T "$staging" "$(release_path "$id")"
  log release "created $(release_path "$id")"
}

# Class-data sharing (class-data-sharing.sh) makes every start of the release faster. It is optional: when
# it cannot be prepared, the release runs from its jar. The training start sees the service's configuration,
# like --preflight, and the JVM options PM2 will use.
prepare_class_data_sharing() {
  local id=$1 output status=0 options line
  mapfile -t options < <("$DEPLOY_DIR/java-arguments.sh" 9>&-)
  output="$(run_with_service_env env PORT="$BASE_PORT" "$DEPLOY_DIR/class-data-sharing.sh" "$(release_path "$id")" \
    "$JAVA_BIN" "${options[@]}" 2>&1)" || status=$?
  if (( status == 0 )); then
    log release "class-data sharing prepared: $(release_path "$id")/app/carmarket.jsa"
    return
  fi
  while IFS= read -r line; do log release "  $line"; done <<<"$output"
  log release "WARNING: class-data sharing not prepared (exit $status, above); the release runs from its jar and starts slower"
}

# Newest first by id (ids start with the UTC time); current and known-good are always kept.
prune_releases() {
  local current known_good kept=0 id
  current="$(link_release current)"
  known_good="$(link_release known-good)"
  while IFS= read -r id; do
    if [[ "$id" == "$current" || "$id" == "$known_good" ]] || (( kept < KEEP_RELEASES )); then
      kept=$((kept + 1))
      continue
    fi
    rm -rf -- "$(release_path "$id")"
    log prune "removed release $id (keeping $KEEP_RELEASES)"
  done < <(find "$ROOT/releases" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | sort -r)
}

# --- outcome -------------------------------------------------------------------------------------------------
# The gate failed on the new release: back to known-good, verified like a deploy, or stop when
# there is none (a first deploy has nothing to fall back to).
roll_back_failed_release() {
  local failed=$1 failed_gate=$FAILED_GATE known_good
  known_good="$(link_release known-good)"
  if [[ -z "$known_good" ]]; then
    stop_all_instances
    rm -f "$ROOT/current"
    save_pm2_state
    log summary "DEPLOY FAILED: $failed failed $failed_gate; no known-good release to return to (first deploy): instances stopped, current removed"
    exit "$EXIT_GATE_FAILED"
  fi
  log rollback "$failed failed $failed_gate: rolling back to known-good $known_good"
  if ! restore_release "$known_good"; then
    log summary "DEPLOY FAILED AND ROLLBACK FAILED: $failed failed $failed_gate; known-good $known_good then failed $FAILED_GATE. Check the instances (pm2 ls, $ROOT/logs) and the database, then run rollback.sh"
    exit "$EXIT_ROLLBACK_FAILED"
  fi
  save_pm2_state
  log summary "DEPLOY FAILED: $failed failed $failed_gate; rolled back: all $INSTANCES instances serve known-good $known_good, ready and smoke-tested. current -> $known_good, known-good unchanged"
  exit "$EXIT_GATE_FAILED"
}

on_interrupt() {
  log summary "INTERRUPTED: current=$(link_release current) known-good=$(link_release known-good); rerun deploy.sh, or rollback.sh to return to known-good"
  exit 130
}

main() {
  parse_arguments "$@"
  load_config
  acquire_lock
  trap on_interrupt INT TERM HUP
  remove_interrupted_leftovers
  preflight
  local release
  release="$(new_release_id)"
  stage_release "$release"
  prepare_class_data_sharing "$release"
  point_link current "$release"
  # Test hook (never set in production): extra KEY=VALUE for the new release's instances only, e.g.
  # an unreachable DATABASE_URL, to fail readiness after a passed preflight.
  if ! roll_out "$release" "${CARMARKET_DEPLOY_ENV_OVERRIDES:-}"; then
    roll_back_failed_release "$release"
  fi
  promote_known_good "$release"
  save_pm2_state
  prune_releases
  log summary "DEPLOYED $release: all $INSTANCES instances ready and smoke-tested; current -> known-good -> $release"
}

main "$@"
