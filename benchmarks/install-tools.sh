#!/usr/bin/env bash
# Installs the load tools of compare.sh when absent (Debian 12): wrk (Debian package wrk),
# pgbench (Debian ships it in the server package postgresql-15, exposed as /usr/bin/pgbench by
# postgresql-client-common), curl, and Node.js/npm for the NestJS peer. Idempotent; needs root.
# There is no wrk2 in Debian: the fixed-rate (open-model) latency runs use FixedRateLoad.java.
set -euo pipefail
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v pgbench >/dev/null || missing+=(postgresql-15 postgresql-client-15)
command -v curl >/dev/null || missing+=(curl)
command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
wrk -v 2>&1 | head -1 || true
pgbench --version
