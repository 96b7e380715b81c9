#!/usr/bin/env bash
# Checks that need no running service (a few seconds):
#   - ShellCheck on every deploy and backup script;
#   - nginx -t on a complete nginx.conf that includes nginx/carmarket.conf (as root, in a temp prefix,
#     so no system nginx or its files are involved);
#   - ecosystem.config.js evaluated by node with a sample env file: the PM2 settings deploy.sh relies on;
#   - migration-check.sh on small jars: what it flags, the marker, only migrations new since the previous jar.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR/.. source=free-port.sh
source "$DEPLOY_DIR/free-port.sh"
readonly DEPLOY_DIR
"$DEPLOY_DIR/scripts/install-tools.sh" >/dev/null

WORK="$(mktemp -d -t carmarket-deploy-static.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

check_shell_scripts() {
  (cd "$DEPLOY_DIR" && shellcheck -x deploy.sh rollback.sh lib.sh migration-check.sh class-data-sharing.sh java-arguments.sh free-port.sh scripts/*.sh test/*.sh \
    backup/*.sh backup/test/*.sh)
  echo "PASS: shellcheck"
}

check_nginx() {
  local prefix="$WORK/nginx"
  mkdir -p "$prefix/logs"
  # nginx's workers run as nobody and buffer large request bodies in the prefix: let them reach it.
  chmod 755 "$WORK"
  # The example logs to /var/log/nginx; -t opens its log files, so point them into the prefix.
  sed "s|/var/log/nginx/|$prefix/logs/|" "$DEPLOY_DIR/nginx/carmarket.conf" >"$prefix/carmarket.conf"
  cat >"$prefix/nginx.conf" <<EOF
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log;
events { worker_connections 64; }
http {
    client_body_temp_path $prefix/client_body;
    proxy_temp_path $prefix/proxy;
    fastcgi_temp_path $prefix/fastcgi;
    uwsgi_temp_path $prefix/uwsgi;
    scgi_temp_path $prefix/scgi;
    include $prefix/carmarket.conf;
}
EOF
  local nginx_bin
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  "$nginx_bin" -t -p "$prefix" -c "$prefix/nginx.conf" 2>"$WORK/nginx-t.log" ||
    { cat "$WORK/nginx-t.log" >&2; fail "nginx -t rejects nginx/carmarket.conf"; }
  grep -q 'proxy_next_upstream *error timeout;' "$DEPLOY_DIR/nginx/carmarket.conf" ||
    fail "nginx: proxy_next_upstream is not 'error timeout' (a deliberate 503 must not mark instances down)"
  # A POST is retried only in @keyed_write, which the map sends POSTs with an Idempotency-Key to.
  grep -v '^ *#' "$DEPLOY_DIR/nginx/carmarket.conf" |
    awk '/location @keyed_write/ { inside = 1 } inside && /^    }/ { inside = 0 } /non_idempotent/ && !inside { bad = 1 } END { exit bad }' ||
    fail "nginx: non_idempotent must only be set in location @keyed_write"
  echo "PASS: nginx -t accepts nginx/carmarket.conf; retries stay on idempotent methods and keyed POSTs"
  check_nginx_errors_use_the_envelope "$nginx_bin" "$prefix"
}

# The running example, with no instance up: nginx's own 503, 413, 404, 414 and 431 are the contract's JSON envelope,
# also for a keyed POST (handed to @keyed_write through error_page).
check_nginx_errors_use_the_envelope() {
  local nginx_bin="$1" prefix="$2" listen dead body
  listen="$(free_port)"
  dead="$(free_port)"
  sed -i "s|listen 80;|listen 127.0.0.1:$listen;|; s|127.0.0.1:808[12]|127.0.0.1:$dead|" "$prefix/carmarket.conf"
  "$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" || fail "nginx did not start with the example"
  body="$(curl -s -m 10 -H 'X-Request-Id: static-check-1' "http://127.0.0.1:$listen/car-details/search")"
  grep -q '^{"statusCode":503,"message":"Service temporarily unavailable","error":"Service Unavailable","requestId":"static-check-1"}$' <<<"$body" ||
    { "$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -s stop; fail "nginx: no instance up did not answer the 503 envelope (got: $body)"; }
  body="$(head -c 70000 /dev/zero | tr '\0' a | curl -s -m 10 -X POST -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$listen/orders")"
  local keyed keyed_chunked internal oversized long_line
  keyed="$(curl -s -m 10 -w ' %{http_code}' -X POST -H 'Idempotency-Key: static-check-key' -H 'Content-Type: application/json' --data '{}' "http://127.0.0.1:$listen/orders")"
  keyed_chunked="$(head -c 70000 /dev/zero | tr '\0' a | curl -s -m 10 -w ' %{http_code}' -X POST -H 'Idempotency-Key: static-check-key' -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$listen/orders")"
  internal="$(curl -s -m 10 -w ' %{http_code}' "http://127.0.0.1:$listen/metrics")"
  oversized="$(curl -s -m 10 -w ' %{http_code}' -H "X-Filler: $(head -c 20000 /dev/zero | tr '\0' h)" "http://127.0.0.1:$listen/car-details/search")"
  long_line="$(curl -s -m 10 -w ' %{http_code}' "http://127.0.0.1:$listen/car-details/search?q=$(head -c 5000 /dev/zero | tr '\0' a)")"
  # The writes zone lets a burst of 20 through (each a 503 here: no instance), then refuses.
  local flood_statuses limited
  flood_statuses="$(for _ in $(seq 1 24); do curl -s -o /dev/null -m 10 -w '%{http_code}\n' -X POST -H 'Content-Type: application/json' --data '{}' "http://127.0.0.1:$listen/payments"; done | sort | uniq -c | tr -s ' ' | tr '\n' ',')"
  limited="$(curl -s -m 10 -D - -X POST -H 'Content-Type: application/json' --data '{}' "http://127.0.0.1:$listen/orders")"
  local with_parameters
  with_parameters="$(curl -s -m 10 -w ' %{http_code}' -X POST -H 'Content-Type: application/json' --data '{}' "http://127.0.0.1:$listen/orders;x=1")"
  "$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -s stop
  grep -q '"statusCode":413,.*"error":"Payload Too Large"' <<<"$body" ||
    fail "nginx: an oversized body did not answer the 413 envelope (got: $body)"
  grep -q '^{"statusCode":503,.*"error":"Service Unavailable",.*} 503$' <<<"$keyed" ||
    fail "nginx: a keyed POST with no instance up did not answer the 503 envelope (got: $keyed)"
  grep -q '^{"statusCode":413,.*"error":"Payload Too Large",.*} 413$' <<<"$keyed_chunked" ||
    fail "nginx: an oversized chunked keyed POST did not answer the 413 envelope (got: $keyed_chunked)"
  grep -q '^{"statusCode":404,.*"error":"Not Found",.*} 404$' <<<"$internal" ||
    fail "nginx: an internal route did not answer the 404 envelope (got: $internal)"
  grep -q '^{"statusCode":431,.*"error":"Request Header Fields Too Large",.*} 431$' <<<"$oversized" ||
    fail "nginx: an oversized header did not answer the 431 envelope (got: $oversized)"
  grep -q '^{"statusCode":414,.*"error":"URI Too Long",.*} 414$' <<<"$long_line" ||
    fail "nginx: an oversized request line did not answer the 414 envelope (got: $long_line)"
  [[ "$flood_statuses" == *" 429,"* ]] ||
    fail "nginx: 24 quick writes from one address were never refused with 429 (got: $flood_statuses)"
  grep -q '^{"statusCode":429,"message":"Too many requests","error":"Too Many Requests","requestId":".*"}$' <<<"$limited" ||
    fail "nginx: a write over the limit did not answer the 429 envelope (got: $limited)"
  local header
  for header in '^Retry-After: 1' '^RateLimit-Policy: "writes";q=20;w=10' '^RateLimit: "writes";r=0;t=1'; do
    grep -qi "$header" <<<"$limited" || fail "nginx: its 429 lacks $header (got: $limited)"
  done
  grep -q '^{"statusCode":400,.*"error":"Bad Request",.*} 400$' <<<"$with_parameters" ||
    fail "nginx: a path with ;parameters was not refused with the 400 envelope (got: $with_parameters)"
  echo "PASS: nginx's own 503, 413, 404, 414, 431 and 429 use the contract's error envelope; 429 with Retry-After and RateLimit; ;parameters refused"
}

# Prints the ecosystem's apps as JSON, evaluated with CARMARKET_* from the caller's environment.
ecosystem_json() {
  node -e 'console.log(JSON.stringify(require(process.argv[1]).apps))' "$DEPLOY_DIR/ecosystem.config.js"
}

check_ecosystem() {
  mkdir -p "$WORK/root/releases/20260101T000000Z-abcdef012345"
  ln -s releases/20260101T000000Z-abcdef012345 "$WORK/root/current"
  cat >"$WORK/env" <<'EOF'
# comment, then a blank line

export APP_ENV=production
DATABASE_URL="postgresql://u:p@db:5432/carmarket"
INTERNAL_TOKEN='a-token-with-=-and-#-inside-0123456789'
SHUTDOWN_GRACE_PERIOD=30s
EOF
  local apps
  apps="$(CARMARKET_DEPLOY_ROOT="$WORK/root" CARMARKET_ENV_FILE="$WORK/env" CARMARKET_INSTANCES=3 \
    CARMARKET_BASE_PORT=9001 LEAKED_FROM_SHELL=1 ecosystem_json)"
  jq -e --arg jar "$WORK/root/releases/20260101T000000Z-abcdef012345/carmarket.jar" '
    length == 3
    and ([.[].name] == ["carmarket-1", "carmarket-2", "carmarket-3"])
    and ([.[].env.PORT] == ["9001", "9002", "9003"])
    and all(.[]; .exec_mode == "fork" and .exec_interpreter == "none" and .script == "java"
      and .kill_timeout == 35000 and .exp_backoff_restart_delay > 0 and .max_memory_restart != null
      and .args[-2:] == ["-jar", $jar] and (.args | index("-Xmx384m")) != null
      and .env.APP_RELEASE == "20260101T000000Z-abcdef012345"
      and .env.APP_ENV == "production"
      and .env.DATABASE_URL == "postgresql://u:p@db:5432/carmarket"
      and .env.INTERNAL_TOKEN == "a-token-with-=-and-#-inside-0123456789"
      and .filter_env == [""] and (.env | has("LEAKED_FROM_SHELL") | not))' <<<"$apps" >/dev/null ||
    fail "ecosystem.config.js: unexpected apps: $apps"
  [[ "$(CARMARKET_DEPLOY_ROOT="$WORK/root" CARMARKET_ENV_FILE="$WORK/env" CARMARKET_RELEASE=other \
    ecosystem_json | jq -r '.[0].env.APP_RELEASE')" == other ]] || fail "ecosystem.config.js ignores CARMARKET_RELEASE"
  printf 'GOOD=1\nnot a pair\n' >"$WORK/bad-env"
  if CARMARKET_DEPLOY_ROOT="$WORK/root" CARMARKET_ENV_FILE="$WORK/bad-env" ecosystem_json >/dev/null 2>"$WORK/bad.log"; then
    fail "ecosystem.config.js accepted a malformed env file"
  fi
  grep -q 'bad-env:2: expected KEY=VALUE' "$WORK/bad.log" || fail "ecosystem.config.js: the env file error does not name line 2"
  # A release with a class-data-sharing archive starts from app/ with it, by its canonical path (current is a link).
  local release="$WORK/root/releases/20260101T000000Z-abcdef012345"
  mkdir -p "$release/app" && touch "$release/app/carmarket.jsa"
  CARMARKET_DEPLOY_ROOT="$WORK/root" CARMARKET_ENV_FILE="$WORK/env" ecosystem_json | jq -e --arg app "$release/app" '
    all(.[]; .args[-3:] == ["-XX:SharedArchiveFile=\($app)/carmarket.jsa", "-jar", "\($app)/carmarket.jar"]
      and (.args | index("-Xlog:all=warning:stderr")) != null)' >/dev/null ||
    fail "ecosystem.config.js does not start a release with an archive from app/ with -XX:SharedArchiveFile"
  [[ "$("$DEPLOY_DIR/java-arguments.sh" "$release" | tail -n 1)" == "$release/app/carmarket.jar" ]] ||
    fail "java-arguments.sh does not print the arguments PM2 starts the release with"
  echo "PASS: ecosystem.config.js (names, ports, fork/none, kill_timeout = grace + 5s, env file parsing, filter_env, class-data sharing)"
}

# migration_jar NAME FILE=SQL...: a jar with those files under BOOT-INF/classes/db/migration/.
migration_jar() {
  local name=$1 dir="$WORK/jar-$1" entry
  shift
  mkdir -p "$dir/BOOT-INF/classes/db/migration"
  for entry in "$@"; do printf '%s\n' "${entry#*=}" >"$dir/BOOT-INF/classes/db/migration/${entry%%=*}"; done
  (cd "$dir" && jar --create --file "$WORK/$name.jar" BOOT-INF)
}

check_migration_safety() {
  local additive="V1__cars.sql=CREATE TABLE cars (id uuid PRIMARY KEY, note text); -- DROP TABLE cars"
  local comment_only="V2__words.sql=COMMENT ON TABLE cars IS 'never DROP or TRUNCATE'; ALTER TABLE cars ADD COLUMN seats int NOT NULL DEFAULT 4;"
  local destructive="V3__reshape.sql=ALTER TABLE cars
  ALTER COLUMN note TYPE varchar(10); ALTER TABLE cars ALTER COLUMN note SET NOT NULL; TRUNCATE cars;
ALTER TABLE cars RENAME COLUMN note TO remark; ALTER TABLE cars ADD COLUMN owner text NOT NULL;"
  local marked="V4__drop.sql=-- carmarket:destructive-allowed: nothing reads it since V2
DROP TABLE legacy;"
  migration_jar previous "$additive"
  migration_jar next "$additive" "$comment_only" "$destructive" "$marked"
  local output status=0
  output="$("$DEPLOY_DIR/migration-check.sh" "$WORK/next.jar" "$WORK/previous.jar")" || status=$?
  [[ "$status" == 1 ]] || fail "migration-check: exit $status on a destructive migration: $output"
  local expected="V3__reshape.sql: column type change: ALTER TABLE cars ALTER COLUMN note TYPE varchar(10)
V3__reshape.sql: SET NOT NULL: ALTER TABLE cars ALTER COLUMN note SET NOT NULL
V3__reshape.sql: TRUNCATE: TRUNCATE cars
V3__reshape.sql: RENAME: ALTER TABLE cars RENAME COLUMN note TO remark
V3__reshape.sql: NOT NULL column without default: ALTER TABLE cars ADD COLUMN owner text NOT NULL
V4__drop.sql: destructive statements allowed by its marker"
  [[ "$output" == "$expected" ]] || fail "migration-check printed:
$output
expected:
$expected"
  "$DEPLOY_DIR/migration-check.sh" "$WORK/previous.jar" >/dev/null || fail "migration-check flags an additive migration"
  migration_jar only-old "$destructive"
  "$DEPLOY_DIR/migration-check.sh" "$WORK/only-old.jar" "$WORK/only-old.jar" >/dev/null ||
    fail "migration-check flags a migration the previous release already shipped"
  echo "PASS: migration-check.sh (DROP/RENAME/TYPE/SET NOT NULL/TRUNCATE/NOT NULL w/o default; comments, literals, marker, old files)"
}

check_shell_scripts
check_nginx
check_ecosystem
check_migration_safety
