# Helpers shared by the ops tests that start real processes on loopback. Source it; needs ss and curl.

# free_port, shared with the backup scripts.
# shellcheck source-path=SCRIPTDIR/../../../deploy source=free-port.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../deploy/free-port.sh"

# alive <pid>: the process runs (an exited child not yet reaped is a zombie: kill -0 still succeeds).
alive() {
  [[ -r "/proc/$1/status" ]] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"
}

# wait_for_url <what> <url> <seconds> <pid> [curl options...]: polls until the URL answers 2xx, the
# process dies (its log is the caller's to print) or the time is up. Returns non-zero unless answered.
wait_for_url() {
  local what="$1" url="$2" seconds="$3" pid="$4"
  shift 4
  local deadline=$((SECONDS + seconds))
  while ((SECONDS < deadline)); do
    curl -fsS -o /dev/null -m 2 "$@" "$url" 2>/dev/null && return 0
    if ! alive "$pid"; then echo "$what (pid $pid) exited before answering $url" >&2; return 1; fi
    sleep 0.25
  done
  echo "$what did not answer $url within ${seconds}s" >&2
  return 1
}

# stop_process <pid>: SIGTERM, up to 15 s to exit, then SIGKILL. Quiet when it is already gone.
stop_process() {
  local pid="$1"
  [[ -n "$pid" ]] || return 0
  if ! alive "$pid"; then wait "$pid" 2>/dev/null || true; return 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    alive "$pid" || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.25
  done
  echo "pid $pid ignored SIGTERM for 15 s: killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
