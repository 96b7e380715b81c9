#!/usr/bin/env bash
# Makes sure a PostgreSQL server accepts connections on 127.0.0.1:5432 as user postgres:
# start an installed but stopped cluster with pg_ctlcluster, install one with apt if absent.
set -euo pipefail

ready() { pg_isready -q -h 127.0.0.1 -p 5432 -U postgres 2>/dev/null; }

if command -v pg_isready >/dev/null && ready; then
  echo "postgres: already accepting connections on 127.0.0.1:5432"
  exit 0
fi

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "postgres: not installed, installing from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql postgresql-contrib >/dev/null
fi

version=$(ls /etc/postgresql | sort -V | tail -n 1)
conf=/etc/postgresql/$version/main
# The project's tests use trust authentication on loopback (see README); make a fresh install match.
if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$conf/pg_hba.conf"; then
  sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' "$conf/pg_hba.conf"
fi
grep -qE "^listen_addresses" "$conf/postgresql.conf" || echo "listen_addresses = 'localhost'" >> "$conf/postgresql.conf"

echo "postgres: starting cluster $version/main"
pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main restart

for _ in $(seq 1 30); do
  ready && { echo "postgres: ready"; exit 0; }
  sleep 1
done
echo "postgres: did not become ready on 127.0.0.1:5432 within 30 s" >&2
exit 1
