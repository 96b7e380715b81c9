#!/usr/bin/env bash
# The controlled fault of docs/observability.md, on loopback, with real processes:
#   carmarket (the packaged jar, APP_ENV=production, a fresh PostgreSQL database)
#     -> socat TCP proxy (the "database link" this test cuts) -> PostgreSQL
#   Prometheus scraping /metrics with the bearer token, and node-exporter serving the backup metrics
#   (deploy/backup/backup-metrics.sh), evaluating the alert rules
#     -> Alertmanager with ops/alertmanager/alertmanager.yml's routing
#     -> WebhookReceiver.java, recording every notification and which receiver (page/ticket) got it.
# Steps: healthy traffic (search, details, order, payment, signed webhooks, client errors); the proxy
# is stopped (every pooled connection dies, new ones are refused); CarmarketNotReady and
# CarmarketHigh5xxRatio must reach the page receiver, CarmarketDbFailureSpike the ticket receiver;
# the proxy comes back; all three must be delivered as resolved; CarmarketDown must never be sent.
# Then every Grafana dashboard query is checked against this Prometheus (check-dashboard-queries.sh).
#
# Honest but fast: the rule files are the real ones with every duration divided by 15 (the real
# 15 s scrape/evaluation interval becomes 1 s), i.e. the same expressions and thresholds on a
# 15x faster clock: for: 1m -> 4s, [5m] -> [20s]. Alertmanager keeps its routes, receivers'
# names and inhibition rules; only the group timers are shortened and the receivers' URLs point
# to the local receiver. About 1.5 minutes on an idle 2-core machine; every step has a deadline.
#
# Needs: bootstrap/target/carmarket.jar (package bootstrap first; CARMARKET_JAR overrides the
# path), PostgreSQL (FAULT_TEST_PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres, trust or
# PGPASSWORD), java 17+. prometheus, prometheus-alertmanager, socat, ... come from install-tools.sh.
set -euo pipefail

OPS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(dirname "$OPS_DIR")"
JAR="${CARMARKET_JAR:-$REPO_DIR/bootstrap/target/carmarket.jar}"
PGHOST="${FAULT_TEST_PGHOST:-127.0.0.1}"
PGPORT="${FAULT_TEST_PGPORT:-5432}"
PGUSER="${FAULT_TEST_PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
# Real 15 s clock -> test 1 s clock.
readonly TIME_SCALE=15

if [[ ! -f "$JAR" ]]; then
  echo "fault-injection test: $JAR does not exist. It tests the packaged service: build bootstrap" \
       "first (./mvnw -pl bootstrap package), or set CARMARKET_JAR." >&2
  exit 1
fi
"$OPS_DIR/scripts/install-tools.sh" >/dev/null
# shellcheck source=lib/processes.sh
source "$OPS_DIR/test/lib/processes.sh"

if ! psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  echo "fault-injection test: PostgreSQL is not reachable at $PGUSER@$PGHOST:$PGPORT" \
       "(set FAULT_TEST_PGHOST/PGPORT/PGUSER)" >&2
  exit 1
fi

WORK_DIR="$(mktemp -d)"
DATABASE="carmarket_fault_$(date +%s)_$$"
INTERNAL_TOKEN="$(openssl rand -hex 24)"
WEBHOOK_SECRET="$(openssl rand -hex 24)"
app_pid="" proxy_pid="" receiver_pid="" alertmanager_pid="" prometheus_pid="" traffic_pid="" node_exporter_pid=""
database_created=false
passed=false

cleanup() {
  local pid
  for pid in "$traffic_pid" "$prometheus_pid" "$alertmanager_pid" "$app_pid" "$receiver_pid" "$node_exporter_pid"; do
    stop_process "$pid"
  done
  stop_proxy
  if [[ "$database_created" == true ]]; then
    psql -d postgres -qc "DROP DATABASE IF EXISTS \"$DATABASE\" WITH (FORCE)" >/dev/null 2>&1 \
      || echo "could not drop test database $DATABASE" >&2
  fi
  if [[ "$passed" != true ]]; then
    for log in seed app proxy receiver alertmanager prometheus node-exporter; do
      [[ -s "$WORK_DIR/$log.log" ]] || continue
      echo "---- last lines of $log.log"
      tail -n 25 "$WORK_DIR/$log.log" | cut -c1-400
    done
    [[ -s "$WORK_DIR/notifications.log" ]] && { echo "---- notifications"; cut -c1-300 "$WORK_DIR/notifications.log"; }
  fi
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT

step() { printf '[%3ds] %s\n' "$SECONDS" "$*"; }
die() { echo "fault-injection test FAILED: $*" >&2; exit 1; }

app_port="$(free_port)"; proxy_port="$(free_port)"; prometheus_port="$(free_port)"
alertmanager_port="$(free_port)"; receiver_port="$(free_port)"; node_exporter_port="$(free_port)"
BASE="http://127.0.0.1:$app_port"
PROMETHEUS="http://127.0.0.1:$prometheus_port"

# ---- the database link ------------------------------------------------------------------------
# socat forks a child per connection; setsid gives it its own process group, so stopping the group
# also cuts every connection already open (the pool's included), like a database going away.
start_proxy() {
  setsid socat "TCP-LISTEN:$proxy_port,bind=127.0.0.1,reuseaddr,fork" "TCP:$PGHOST:$PGPORT" \
    >>"$WORK_DIR/proxy.log" 2>&1 &
  proxy_pid=$!
  for _ in $(seq 1 40); do
    ss -Htln "sport = :$proxy_port" | grep -q . && return 0
    sleep 0.1
  done
  die "the socat proxy did not listen on $proxy_port"
}
stop_proxy() {
  [[ -n "$proxy_pid" ]] || return 0
  kill -TERM -- "-$proxy_pid" 2>/dev/null || true
  wait "$proxy_pid" 2>/dev/null || true
  proxy_pid=""
}

# ---- configuration for the short clock --------------------------------------------------------
# Every duration in a range selector, "for:" or "interval:" divided by TIME_SCALE.
scaled_rules() {
  perl -pe 'BEGIN { %unit = (s => 1, m => 60, h => 3600, d => 86400); $scale = shift @ARGV }
            s/(\[|\bfor: |\binterval: )(\d+)([smhd])\b/$1 . int($2 * $unit{$3} \/ $scale) . "s"/ge' \
    "$TIME_SCALE" "$1"
}

write_configuration() {
  mkdir -p "$WORK_DIR/prometheus/secrets"
  printf '%s\n' "$INTERNAL_TOKEN" >"$WORK_DIR/prometheus/secrets/carmarket-internal-token"
  local rule_file
  for rule_file in $(yq -r '.rule_files[]' "$OPS_DIR/prometheus/prometheus.yml"); do
    scaled_rules "$OPS_DIR/prometheus/$rule_file" >"$WORK_DIR/prometheus/$rule_file"
  done
  yq -y --arg target "127.0.0.1:$app_port" --arg node "127.0.0.1:$node_exporter_port" \
      --arg alertmanager "127.0.0.1:$alertmanager_port" '
      .global.scrape_interval = "1s" | .global.evaluation_interval = "1s" | .global.scrape_timeout = "1s"
      | .alerting.alertmanagers[0].static_configs[0].targets = [$alertmanager]
      | .scrape_configs |= map(.scrape_interval = "1s" | .scrape_timeout = "1s"
                               | (if .job_name == "node" then $node else $target end) as $job_target
                               | .static_configs |= map(.targets = [$job_target]))' \
    "$OPS_DIR/prometheus/prometheus.yml" >"$WORK_DIR/prometheus/prometheus.yml"
  promtool check config "$WORK_DIR/prometheus/prometheus.yml" >"$WORK_DIR/promtool.log" 2>&1 \
    || { cat "$WORK_DIR/promtool.log"; die "the generated Prometheus configuration is invalid"; }

  # Each receiver's webhook goes to the local receiver under its own path (/page, /ticket).
  yq -y --arg url "http://127.0.0.1:$receiver_port" '
      def short: (if has("group_wait") then .group_wait = "1s" else . end)
                 | (if has("group_interval") then .group_interval = "2s" else . end);
      .route |= (short | .routes |= map(short))
      | .receivers |= map(.name as $name | .webhook_configs |= map(.url = ($url + "/" + $name)))' \
    "$OPS_DIR/alertmanager/alertmanager.yml" >"$WORK_DIR/alertmanager.yml"
  amtool check-config "$WORK_DIR/alertmanager.yml" >"$WORK_DIR/amtool.log" 2>&1 \
    || { cat "$WORK_DIR/amtool.log"; die "the generated Alertmanager configuration is invalid"; }
}

# ---- the backup metrics -------------------------------------------------------------------------
# As on the VPS, node-exporter's textfile collector serves what deploy/backup/backup-metrics.sh writes:
# here the WAL archive state of the test's PostgreSQL (not archiving) and an empty pgBackRest
# repository (no backup), enough for the dashboard's backup panels to find their series.
start_node_exporter() {
  mkdir -p "$WORK_DIR/textfile"
  PGBACKREST_CONFIG=/dev/null PGBACKREST_REPO1_PATH="/nonexistent/carmarket-fault-test-repo" PGBACKREST_LOG_LEVEL_FILE=off \
    CARMARKET_PG_HOST="$PGHOST" CARMARKET_PG_PORT="$PGPORT" CARMARKET_BACKUP_STATUS_FILE="$WORK_DIR/textfile/carmarket_backup.prom" \
    "$REPO_DIR/deploy/backup/backup-metrics.sh" >"$WORK_DIR/backup-metrics.log" 2>&1 \
    || { cat "$WORK_DIR/backup-metrics.log"; die "backup-metrics.sh failed"; }
  prometheus-node-exporter --web.listen-address="127.0.0.1:$node_exporter_port" --collector.disable-defaults \
    --collector.textfile --collector.textfile.directory="$WORK_DIR/textfile" >"$WORK_DIR/node-exporter.log" 2>&1 &
  node_exporter_pid=$!
}

# ---- the service --------------------------------------------------------------------------------
# The production environment, reaching PostgreSQL through the proxy. An array, not a function: a
# function run in the background is a subshell, and its pid would not be the service's.
SERVICE_ENVIRONMENT=(APP_ENV=production PORT="$app_port" LOG_FORMAT=json
  DATABASE_URL="postgresql://$PGUSER@127.0.0.1:$proxy_port/$DATABASE?sslmode=disable" DATABASE_POOL_MAX=4
  CORS_ALLOWED_ORIGINS=https://shop.example TRUST_PROXY=false SHUTDOWN_GRACE_PERIOD=2s
  INTERNAL_TOKEN="$INTERNAL_TOKEN" PAYMENT_WEBHOOK_SECRET="$WEBHOOK_SECRET"
  RATE_LIMITS=off ORDER_QUOTA=off # measures a database cut, not the abuse controls
  # A read replica that is configured but never answers (nothing listens on port 1): its reads go to the
  # primary, and the dashboard's replica panels have series to check.
  DATABASE_READ_URL="postgresql://$PGUSER@127.0.0.1:1/$DATABASE?sslmode=disable")

internal_get() { curl -sS -m 5 -H "Authorization: Bearer $INTERNAL_TOKEN" "$@"; }

# json_request <method> <path> <body> [header...] -> "<status> <body>"
json_request() {
  local method="$1" path="$2" body="$3"
  shift 3
  curl -sS -m 5 -X "$method" -H 'Content-Type: application/json' "$@" --data "$body" \
    -w '\n%{http_code}' "$BASE$path" | { mapfile -t lines; echo "${lines[-1]} ${lines[*]:0:${#lines[@]}-1}"; }
}

expect_status() {
  local expected="$1" response="$2" what="$3"
  [[ "${response%% *}" == "$expected" ]] || die "$what: expected HTTP $expected, got: ${response:0:300}"
  printf '%s' "${response#* }"
}

signed_webhook() {
  local body="$1" t signature
  t="$(date +%s)"
  signature="$(printf '%s.%s' "$t" "$body" | openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" -hex | sed 's/^.* //')"
  json_request POST /payments/webhook "$body" -H "X-Signature: t=$t,v1=$signature"
}

# One purchase per call: order, payment, webhook of the given type.
purchase() {
  local car_id="$1" webhook_type="$2" order payment event
  order="$(expect_status 201 "$(json_request POST /orders "{\"carId\":\"$car_id\",\"customer\":{\"fullName\":\"Fault Test\",\"email\":\"fault@example.com\",\"phone\":\"+4915112345678\"},\"deliveryOption\":\"PICKUP\"}" \
    -H "Idempotency-Key: fault-$car_id")" "POST /orders")"
  payment="$(expect_status 201 "$(json_request POST /payments "{\"orderId\":\"$(jq -r .data.id <<<"$order")\",\"method\":\"CARD\"}")" "POST /payments")"
  event="$(jq -c --arg type "$webhook_type" --arg id "evt_$RANDOM$RANDOM" '{eventId: $id, type: $type,
      providerReference: .data.providerReference, amount: .data.amount, currency: .data.currency,
      occurredAt: (now | todate)}' <<<"$payment")"
  expect_status 200 "$(signed_webhook "$event")" "POST /payments/webhook ($webhook_type)" >/dev/null
}

healthy_traffic() {
  local cars car_ids
  cars="$(curl -fsS -m 5 "$BASE/car-details/search?limit=5&sort=price_asc")" || die "search failed"
  mapfile -t car_ids < <(jq -r '.data[].id' <<<"$cars")
  [[ ${#car_ids[@]} -ge 3 ]] || die "the seeded database returned ${#car_ids[@]} cars"
  curl -fsS -m 5 -o /dev/null "$BASE/car-details/${car_ids[0]}"
  purchase "${car_ids[0]}" payment.succeeded
  purchase "${car_ids[1]}" payment.failed
  # Client errors: unknown route, bad id, a property POST /orders does not declare (enforce mode).
  curl -sS -m 5 -o /dev/null "$BASE/no/such/route"
  curl -sS -m 5 -o /dev/null "$BASE/orders/not-a-uuid"
  expect_status 400 "$(json_request POST /orders "{\"carId\":\"${car_ids[2]}\",\"customer\":{\"fullName\":\"X\",\"email\":\"x@example.com\",\"phone\":\"+4915112345678\"},\"deliveryOption\":\"PICKUP\",\"coupon\":\"FREE\"}")" \
    "POST /orders with an unknown property" >/dev/null
  CAR_ID="${car_ids[2]}"
}

# Background customer traffic, a few requests per second, until killed. The 404 keeps a 4xx series
# growing (a counter first seen at 1 shows no increase in Prometheus).
start_traffic() {
  ( while true; do
      curl -sS -m 3 -o /dev/null "$BASE/car-details/search?limit=3" 2>/dev/null || true
      curl -sS -m 3 -o /dev/null "$BASE/car-details/$CAR_ID" 2>/dev/null || true
      curl -sS -m 3 -o /dev/null "$BASE/no/such/route" 2>/dev/null || true
      sleep 0.2
    done ) &
  traffic_pid=$!
}

# ---- observations -------------------------------------------------------------------------------
prometheus_value() {
  curl -sS -m 5 -G --data-urlencode "query=$1" "$PROMETHEUS/api/v1/query" | jq -r '.data.result[0].value[1] // "none"'
}

# delivered <receiver> <alertname> <firing|resolved>: the receiver got a notification saying so.
delivered() {
  [[ -s "$WORK_DIR/notifications.log" ]] || return 1
  awk -F'\t' -v path="/$1" '$1 == path { print $2 }' "$WORK_DIR/notifications.log" \
    | jq -e -s --arg name "$2" --arg status "$3" \
        'any(.[].alerts[]; .labels.alertname == $name and .status == $status)' >/dev/null
}

# await <seconds> <description> <command...>
await() {
  local seconds="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    ((SECONDS < deadline)) || die "$what: not within ${seconds}s"
    sleep 0.5
  done
  step "$what"
}

all_delivered() {
  local status="$1"
  delivered page CarmarketNotReady "$status" && delivered page CarmarketHigh5xxRatio "$status" \
    && delivered ticket CarmarketDbFailureSpike "$status"
}

# ---- the test -----------------------------------------------------------------------------------
step "work dir $WORK_DIR; service :$app_port, proxy :$proxy_port -> $PGHOST:$PGPORT, prometheus :$prometheus_port, alertmanager :$alertmanager_port, receiver :$receiver_port"
psql -d postgres -qc "CREATE DATABASE \"$DATABASE\"" >/dev/null
database_created=true
write_configuration
start_proxy

# The receiver compiles itself at start (a second or two): start it first.
java "$OPS_DIR/test/WebhookReceiver.java" "$receiver_port" "$WORK_DIR/notifications.log" >"$WORK_DIR/receiver.log" 2>&1 &
receiver_pid=$!
# The jar's own --seed command migrates the database and loads demo cars (bounded like every step).
env "${SERVICE_ENVIRONMENT[@]}" timeout 180 java -Xmx256m -jar "$JAR" --seed=20 >"$WORK_DIR/seed.log" 2>&1 \
  || { cat "$WORK_DIR/seed.log"; die "seeding the test database failed"; }
step "database $DATABASE migrated and seeded"

env "${SERVICE_ENVIRONMENT[@]}" java -Xmx256m -jar "$JAR" >"$WORK_DIR/app.log" 2>&1 &
app_pid=$!
prometheus-alertmanager --config.file="$WORK_DIR/alertmanager.yml" --storage.path="$WORK_DIR/alertmanager-data" \
  --web.listen-address="127.0.0.1:$alertmanager_port" --cluster.listen-address="" >"$WORK_DIR/alertmanager.log" 2>&1 &
alertmanager_pid=$!
wait_for_url "the webhook receiver" "http://127.0.0.1:$receiver_port/" 120 "$receiver_pid" -X POST -d '{}' \
  || die "the webhook receiver did not start"
: >"$WORK_DIR/notifications.log"
wait_for_url Alertmanager "http://127.0.0.1:$alertmanager_port/-/ready" 30 "$alertmanager_pid" || die "Alertmanager did not start"
start_node_exporter
wait_for_url node-exporter "http://127.0.0.1:$node_exporter_port/metrics" 30 "$node_exporter_pid" || die "node-exporter did not start"
wait_for_url carmarket "$BASE/health/ready" 120 "$app_pid" -H "Authorization: Bearer $INTERNAL_TOKEN" \
  || die "carmarket did not become ready"
# Only now: scraping a service still starting would (rightly) fire CarmarketDown.
prometheus --config.file="$WORK_DIR/prometheus/prometheus.yml" --storage.tsdb.path="$WORK_DIR/prometheus-data" \
  --web.listen-address="127.0.0.1:$prometheus_port" >"$WORK_DIR/prometheus.log" 2>&1 &
prometheus_pid=$!
wait_for_url Prometheus "$PROMETHEUS/-/ready" 30 "$prometheus_pid" || die "Prometheus did not start"
step "carmarket, Prometheus, Alertmanager and the receiver are up"

metrics_without_token="$(curl -sS -m 5 -o /dev/null -w '%{http_code}' "$BASE/metrics")"
[[ "$metrics_without_token" == 401 ]] || die "GET /metrics without the token answered $metrics_without_token, not 401"
healthy_traffic
step "healthy traffic sent (search, details, 2 purchases with webhooks, client errors)"
await 30 "Prometheus scrapes carmarket (up 1, readiness_status 1)" \
  eval '[[ "$(prometheus_value "up{job=\"carmarket\"}")" == 1 && "$(prometheus_value "readiness_status{job=\"carmarket\"}")" == 1 ]]'

# The fault.
stop_proxy
step "database link cut"
start_traffic
await 20 "GET /health/ready answers 503, /health/live still 200" eval '
  [[ "$(internal_get -o /dev/null -w "%{http_code}" "$BASE/health/ready")" == 503
     && "$(curl -sS -m 5 -o /dev/null -w "%{http_code}" "$BASE/health/live")" == 200 ]]'
await 90 "firing CarmarketNotReady and CarmarketHigh5xxRatio (page), CarmarketDbFailureSpike (ticket) delivered" \
  all_delivered firing

# The repair.
start_proxy
step "database link restored"
await 30 "GET /health/ready answers 200 again" \
  eval '[[ "$(internal_get -o /dev/null -w "%{http_code}" "$BASE/health/ready")" == 200 ]]'
await 90 "all three delivered as resolved" all_delivered resolved
stop_process "$traffic_pid"; traffic_pid=""
if delivered page CarmarketDown firing || delivered ticket CarmarketDown firing; then
  die "CarmarketDown was sent although the service was scraped all along"
fi
step "CarmarketDown never sent"

"$OPS_DIR/test/check-dashboard-queries.sh" "$PROMETHEUS" || die "dashboard queries"
passed=true
step "fault-injection test passed"
