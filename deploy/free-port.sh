# shellcheck shell=bash
# free_port: a TCP port nothing listens on, random in 20000-39999 (so parallel runs rarely collide).
# Sourced by the backup scripts (a scratch cluster for a restore drill) and by the ops tests; needs ss.
free_port() {
  local port _
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! ss -Htln "sport = :$port" | grep -q .; then echo "$port"; return 0; fi
  done
  echo "no free port found" >&2
  return 1
}
