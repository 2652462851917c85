#!/usr/bin/env bash
# The benchmark beside the database floor (docs/performance.md). One command:
#
#   bench/run.sh regio|land|smoke
#
# 1. generates the data set once into data/bench-<size> (the generator command of the application jar),
# 2. starts Keycloak (own copy, own ports) and waits for it, so the application's ready time excludes Keycloak,
# 3. starts the application from its jar with -Xmx512m, full security and access logging, on the embedded
#    PostgreSQL of data/bench-<size>, and times it until /actuator/health answers UP,
# 4. per scenario, runs the Java load driver (bench/LoadDriver.java, real Keycloak tokens, N connections) and then
#    the same SQL with pgbench (bench/pgbench/*.sql, the floor), RUNS times each, reporting the median run,
# 5. reads the heap of the application after the load (jcmd GC.heap_info, before and after a full GC),
# 6. writes target/bench/<size>-<time>/summary.tsv and prints it, then stops what it started (by pid).
#
# Settings (environment): RUNS (3), DURATION (20 s), WARMUP (5 s), CONNECTIONS (16), BENCH_PG_PORT (54359),
# BENCH_APP_PORT (18090), BENCH_KC_PORT (18380), BENCH_DATA (data/bench-<size>), ACCESS_LOG_FACTOR (10; only
# when the data set is generated), SCENARIOS (all: "history worklist register areascan monitor repeats").
# The jar is built by `./mvnw -pl modules/app -am package -DskipTests`.
set -euo pipefail

SIZE=${1:-regio}
RUNS=${RUNS:-3}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-16}
SCENARIOS=${SCENARIOS:-history worklist register areascan monitor repeats}
PG_PORT=${BENCH_PG_PORT:-54359}
APP_PORT=${BENCH_APP_PORT:-18090}
KC_PORT=${BENCH_KC_PORT:-18380}
KC_MANAGEMENT_PORT=$((KC_PORT + 10))
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${BENCH_DATA:-$ROOT/data/bench-$SIZE}
OUT=$ROOT/target/bench/$SIZE-$(date -u +%Y%m%dT%H%M%S)
ISSUER=http://127.0.0.1:$KC_PORT/realms/adreszicht
TOKEN_URL=$ISSUER/protocol/openid-connect/token
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres)
mkdir -p "$OUT"

JAR_BUILT=$(ls "$ROOT"/modules/app/target/adreszicht-app-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR_BUILT" ] || { echo "No application jar: ./mvnw -pl modules/app -am package -DskipTests" >&2; exit 1; }
JAR=$OUT/app.jar
cp "$JAR_BUILT" "$JAR" # a rebuild during the run must not change the running jar
APP_ARGS=(--server.port="$APP_PORT"
  --adreszicht.embedded-postgres.data-directory="$DATA"
  --adreszicht.embedded-postgres.port="$PG_PORT"
  --adreszicht.oidc.issuer-uri="$ISSUER"
  --adreszicht.oidc.client-secret=demo-only-web-secret
  # A few users drive many reads: the read guard's limit (issue 13) is raised, not switched off, so its check is
  # part of what is measured. READ_GUARD_BURST=60 READ_GUARD_PER_HOUR=300 runs with the production defaults.
  --adreszicht.read-guard.burst="${READ_GUARD_BURST:-100000000}"
  --adreszicht.read-guard.per-hour="${READ_GUARD_PER_HOUR:-100000000}")

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -f "$JAR"
}
trap cleanup EXIT

log() { echo "[bench $(date -u +%H:%M:%S)] $*"; }

# 1. The data set, once.
if [ ! -d "$DATA" ]; then
  log "generating $SIZE into $DATA"
  java -Xmx3g -jar "$JAR" --adreszicht.generate="$SIZE" \
    --adreszicht.generate.access-log-factor="${ACCESS_LOG_FACTOR:-10}" "${APP_ARGS[@]}" \
    > "$OUT/generate.log" 2>&1 || { tail -30 "$OUT/generate.log"; exit 1; }
  grep -A20 '^Synthetische gegevens' "$OUT/generate.log" | grep -v ' INFO ' || true
fi

# 2. Keycloak, from an own copy of the distribution (its realm import directory is its own), on its own ports.
# The unpacked distribution, not the logs beside it.
KC_SOURCE=$(ls -d "$ROOT"/.cache/keycloak/keycloak-*/ | head -1)
KC_SOURCE=${KC_SOURCE%/}
KC_HOME=$ROOT/data/bench-keycloak
if [ ! -d "$KC_HOME" ]; then
  cp -r "$KC_SOURCE" "$KC_HOME"
fi
mkdir -p "$KC_HOME/data/import"
cp "$ROOT/infra/keycloak/adreszicht-realm.json" "$KC_HOME/data/import/adreszicht-realm.json"
log "starting Keycloak on $KC_PORT"
(cd "$KC_HOME" && KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=demo-only-admin \
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" exec bin/kc.sh start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
  --http-management-port="$KC_MANAGEMENT_PORT" --db=dev-mem --import-realm --cache=local) > "$OUT/keycloak.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 180); do
  curl -fsS "$ISSUER/.well-known/openid-configuration" > /dev/null 2>&1 && break
  sleep 1
done
curl -fsS "$ISSUER/.well-known/openid-configuration" > /dev/null || { echo "Keycloak did not start" >&2; exit 1; }

# 3. The application, timed until healthy.
log "starting the application (-Xmx512m) on $APP_PORT"
START_NS=$(date +%s%N)
java -Xmx512m -jar "$JAR" "${APP_ARGS[@]}" > "$OUT/app.log" 2>&1 &
APP_PID=$!
PIDS+=("$APP_PID")
for _ in $(seq 1 1200); do
  curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$OUT/app.log"; exit 1; }
  sleep 0.1
done
READY_MS=$(( ($(date +%s%N) - START_NS) / 1000000 ))
log "ready after $READY_MS ms"

# 4. Targets drawn from the generated data: addresses with records in VT03's gemeenten (history), addresses in
#    Hoogeveen GM0118 (registration), in a fixed pseudo-random order.
"${PSQL[@]}" <<'SQL'
CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.target;
CREATE TABLE bench.target (scenario text, n integer, id uuid, PRIMARY KEY (scenario, n));
INSERT INTO bench.target
SELECT 'history', row_number() OVER (ORDER BY md5(id::text)), id FROM (
  SELECT DISTINCT r.address_id AS id
  FROM (SELECT address_id FROM vt_melding UNION ALL SELECT address_id FROM incident
        UNION ALL SELECT address_id FROM municipal_record) r
  JOIN address a ON a.id = r.address_id
  JOIN vt_region_gemeente g ON g.gemeente_code = a.gemeente_code AND g.region_code = 'VT03') x
ORDER BY md5(id::text) LIMIT 20000;
INSERT INTO bench.target
SELECT 'register', row_number() OVER (ORDER BY md5(id::text)), id
FROM (SELECT id FROM address WHERE gemeente_code = 'GM0118' AND synthetic ORDER BY md5(id::text) LIMIT 20000) x;
ANALYZE bench.target;
SQL
"${PSQL[@]}" -At -c "SELECT id FROM bench.target WHERE scenario = 'history' ORDER BY n" > "$OUT/history-ids.txt"
"${PSQL[@]}" -At -c "SELECT id FROM bench.target WHERE scenario = 'register' ORDER BY n" > "$OUT/register-ids.txt"
"${PSQL[@]}" -At -c "SELECT 'data: ' || (SELECT count(*) FROM address) || ' addresses, '
  || (SELECT count(*) FROM incident) || ' incidents, ' || (SELECT count(*) FROM vt_melding) || ' meldingen/adviezen, '
  || (SELECT count(*) FROM municipal_record) || ' municipal records, ' || (SELECT count(*) FROM access_log)
  || ' access-log entries; open VT03 cases: '
  || (SELECT count(*) FROM vt_melding WHERE vt_region = 'VT03' AND ended_at IS NULL)" | tee "$OUT/data.txt"

SUMMARY=$OUT/summary.tsv
FLOOR_ARGS=(-D gem=GM0118)
printf 'scenario\tside\tconnections\treq_per_s\tp50_ms\tp95_ms\tp99_ms\terrors\n' > "$SUMMARY"

# The floor: pgbench with the scenario's SQL, per-transaction log, percentiles from the log; median of RUNS.
floor() {
  local scenario=$1 targets=$2 lines=()
  pgbench -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "$CONNECTIONS" -j 2 -T "$WARMUP" \
    -f "$ROOT/bench/pgbench/$scenario.sql" -D targets="$targets" "${FLOOR_ARGS[@]}" postgres \
    > "$OUT/pgbench-$scenario-warmup.txt" 2>&1 \
    || { cat "$OUT/pgbench-$scenario-warmup.txt"; exit 1; }
  for run in $(seq 1 "$RUNS"); do
    rm -f "$OUT"/pgbench-"$scenario"-"$run".*
    pgbench -n -M prepared -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "$CONNECTIONS" -j 2 -T "$DURATION" \
      -f "$ROOT/bench/pgbench/$scenario.sql" -D targets="$targets" "${FLOOR_ARGS[@]}" \
      -l --log-prefix="$OUT/pgbench-$scenario-$run" \
      postgres > "$OUT/pgbench-$scenario-$run.txt" 2>&1 || { cat "$OUT/pgbench-$scenario-$run.txt"; exit 1; }
    local failed
    failed=$(grep -Eo 'number of failed transactions: [0-9]+' "$OUT/pgbench-$scenario-$run.txt" | grep -Eo '[0-9]+$' || echo 0)
    lines+=("$(cat "$OUT"/pgbench-"$scenario"-"$run".* | awk '{print $3}' | sort -n | awk -v d="$DURATION" -v f="$failed" '
      { v[NR] = $1 }
      END {
        p50 = v[int(0.50 * NR + 0.999)]; p95 = v[int(0.95 * NR + 0.999)]; p99 = v[int(0.99 * NR + 0.999)];
        printf "%.0f\t%.2f\t%.2f\t%.2f\t%d\n", NR / d, p50 / 1000, p95 / 1000, p99 / 1000, f
      }')")
    log "$scenario floor run $run: ${lines[-1]}"
  done
  printf '%s\n' "${lines[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p" \
    | awk -v s="$scenario" -v c="$CONNECTIONS" '{ printf "%s\tfloor\t%s\t%s\n", s, c, $0 }' >> "$SUMMARY"
}

api() {
  local scenario=$1 user=$2 ids=${3:-}
  java "$ROOT/bench/LoadDriver.java" base="http://127.0.0.1:$APP_PORT" token-url="$TOKEN_URL" user="$user" \
    password=demo-only scenario="$scenario" ${ids:+ids="$ids"} connections="$CONNECTIONS" warmup="$WARMUP" \
    duration="$DURATION" runs="$RUNS" | tee "$OUT/api-$scenario.txt"
  grep '^RESULT' "$OUT/api-$scenario.txt" | cut -f2- >> "$SUMMARY"
}

want() { [[ " $SCENARIOS " == *" $1 "* ]]; }
HISTORY_TARGETS=$(wc -l < "$OUT/history-ids.txt")
REGISTER_TARGETS=$(wc -l < "$OUT/register-ids.txt")
if want history; then
  log "scenario: address history (vt.drenthe, $HISTORY_TARGETS addresses)"
  api history vt.drenthe "$OUT/history-ids.txt"
  floor history "$HISTORY_TARGETS"
fi
if want worklist; then
  log "scenario: worklist (vt.drenthe, VT03)"
  api worklist vt.drenthe
  floor worklist 1
fi
if want register; then
  log "scenario: incident registration (politie.drenthe, $REGISTER_TARGETS addresses in GM0118)"
  api register politie.drenthe "$OUT/register-ids.txt"
  floor register "$REGISTER_TARGETS"
fi
# The area scan (GET /api/v1/gebiedsscans, merged from main): the analist's own gemeente (analist.hoogeveen, GM0118,
# or analist.zwolle, GM0193: whichever is larger in this data set) at buurt level over the last complete year, and
# the whole country as reference. The analist may only scan the own gemeente; no larger one can be chosen.
SCAN_GEMEENTE=$("${PSQL[@]}" -At -c "SELECT gemeente_code FROM address WHERE gemeente_code IN ('GM0118', 'GM0193')
  GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
SCAN_USER=analist.hoogeveen
[ "$SCAN_GEMEENTE" = GM0193 ] && SCAN_USER=analist.zwolle
want areascan && log "scenario: area scan of $SCAN_GEMEENTE over a year, and of the whole country ($SCAN_USER)"
api_scan() {
  local label=$1 query=$2 scenario=${3:-areascan} user=${4:-$SCAN_USER}
  java "$ROOT/bench/LoadDriver.java" base="http://127.0.0.1:$APP_PORT" token-url="$TOKEN_URL" user="$user" \
    password=demo-only scenario="$scenario" query="$query" label="$label" connections="$CONNECTIONS" \
    warmup="$WARMUP" duration="$DURATION" runs="$RUNS" | tee "$OUT/api-$label.txt"
  grep '^RESULT' "$OUT/api-$label.txt" | cut -f2- >> "$SUMMARY"
}
if want areascan; then
  api_scan areascan-gemeente "periode=jaar"
  FLOOR_ARGS=(-D gem="$SCAN_GEMEENTE")
  floor areascan-gemeente 1
  api_scan areascan-land "periode=jaar&niveau=land"
  floor areascan-land 1
fi
# The monitor (issue 15): the same analist's own gemeente over five years by quarter, beside its VT region and all
# gemeenten (the API's default), and by year (the yearly blocks protected on top of the quarters).
if want monitor; then
  UNTIL=$("${PSQL[@]}" -At -c "SELECT date_trunc('quarter', now() AT TIME ZONE 'Europe/Amsterdam')::date")
  FROM=$("${PSQL[@]}" -At -c "SELECT (date '$UNTIL' - interval '5 years')::date")
  log "scenario: monitor of $SCAN_GEMEENTE, $FROM to $UNTIL ($SCAN_USER)"
  FLOOR_ARGS=(-D gem="$SCAN_GEMEENTE" -D from="$FROM" -D until="$UNTIL")
  api_scan monitor-kwartaal "interval=kwartaal" monitor
  floor monitor-kwartaal 1
  api_scan monitor-jaar "interval=jaar" monitor
fi
# The list of repeat addresses of VT03 (vt.drenthe), its first page by number of repeats.
if want repeats; then
  log "scenario: repeat addresses of VT03 (vt.drenthe)"
  api_scan repeats "sorteer=herhalingen" repeats vt.drenthe
  floor repeats 1
fi

# 5. The heap after the load, as it is and after a full collection (the live set).
jcmd "$APP_PID" GC.heap_info > "$OUT/heap-after-load.txt" 2>&1 || true
jcmd "$APP_PID" GC.run > /dev/null 2>&1 || true
jcmd "$APP_PID" GC.heap_info > "$OUT/heap-after-gc.txt" 2>&1 || true
HEAP_LOAD=$(grep -Eo 'total [0-9]+K, used [0-9]+K' "$OUT/heap-after-load.txt" | head -1 || true)
HEAP_GC=$(grep -Eo 'total [0-9]+K, used [0-9]+K' "$OUT/heap-after-gc.txt" | head -1 || true)

{
  echo "size: $SIZE; $(cat "$OUT/data.txt")"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(java -version 2>&1 | head -1)"
  echo "ready: $READY_MS ms (Keycloak already up); heap after load: $HEAP_LOAD; after full GC: $HEAP_GC (-Xmx512m)"
  echo "runs: $RUNS x ${DURATION}s after ${WARMUP}s warm-up, $CONNECTIONS connections; medians"
} | tee "$OUT/machine.txt"
column -t -s $'\t' "$SUMMARY"
awk -F'\t' 'NR > 1 { rate[$1 FS $2] = $4; p99[$1 FS $2] = $7 }
  END { for (k in rate) { split(k, a, FS); if (a[2] == "api" && ((a[1] FS "floor") in rate))
    printf "%s: api/floor throughput %.2f\n", a[1], rate[k] / rate[a[1] FS "floor"] } }' "$SUMMARY" | sort | tee "$OUT/ratios.txt"
log "results in $OUT"
