#!/usr/bin/env bash
# usage: rollback.sh [RELEASE_ID]
#
# Manual rollback (docs/deploy.md): moves every instance, one at a time, to RELEASE_ID or, without
# it, to the previous known-good release (the newest entry of known-good.history that is not what
# `current` runs), through the same readiness and smoke gates as a deploy. On success known-good
# moves to it and the history forgets what came after it, so a second rollback goes further back.
#
# Exit status: 0 rolled back; 2 usage; 3 no such release / nothing to roll back to; 4 another deploy
# or rollback runs; 5 the target failed a gate (manual action needed).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

readonly USAGE="[RELEASE_ID]"

previous_known_good() {
  local current id
  current="$(link_release current)"
  while IFS= read -r id; do
    if [[ "$id" != "$current" ]] && is_complete_release "$id"; then
      printf '%s\n' "$id"
      return 0
    fi
  done < <(tac "$ROOT/known-good.history" 2>/dev/null)
}

choose_target() {
  local target=${1:-}
  if [[ -z "$target" ]]; then
    target="$(previous_known_good)"
    [[ -n "$target" ]] || die "$EXIT_PREFLIGHT" rollback "no earlier known-good release in $ROOT/known-good.history"
  fi
  is_complete_release "$target" || die "$EXIT_PREFLIGHT" rollback "no complete release $target under $ROOT/releases"
  printf '%s\n' "$target"
}

# The history is a stack: returning to a release drops the releases verified after it.
truncate_history_after() {
  local history="$ROOT/known-good.history"
  if grep -qxF "$1" "$history" 2>/dev/null; then
    awk -v id="$1" '{ print } $0 == id { exit }' "$history" >"$history.next"
    mv -f "$history.next" "$history"
  fi
}

main() {
  [[ $# -le 1 ]] || usage
  if [[ $# -eq 1 && ( "$1" == -* || ! "$1" =~ ^[A-Za-z0-9._-]+$ ) ]]; then usage; fi
  load_config
  acquire_lock
  remove_interrupted_leftovers
  check_tools
  check_env_file
  report_release_state
  local target
  target="$(choose_target "${1:-}")"
  log rollback "rolling back to $target"
  if ! restore_release "$target"; then
    log summary "ROLLBACK FAILED: $target failed $FAILED_GATE; current -> $target. Check the instances (pm2 ls, $ROOT/logs) and the database"
    exit "$EXIT_ROLLBACK_FAILED"
  fi
  truncate_history_after "$target"
  promote_known_good "$target"
  save_pm2_state
  log summary "ROLLED BACK to $target: all $INSTANCES instances ready and smoke-tested; current -> known-good -> $target"
}

main "$@"
