#!/usr/bin/env bash
# The national-registers benchmark (docs/performance.md, "National registers"): generates an LV BAG 2.0 extract of
# N nummeraanduidingen and verblijfsobjecten plus a day of mutations (bench/BagExtractGenerator.java) outside the
# repository, loads it with the import command into a fresh embedded PostgreSQL with heap -Xmx512m, then applies the
# mutations, and prints wall time, the largest heap after GC (from -Xlog:gc) and the counts. Removes the data after.
#
#   bench/registers.sh [N] [MUTATIONS]        (default N = 10000000, MUTATIONS = 20000)
#
# The jar is built by `./mvnw -pl modules/app -am package -DskipTests`. BENCH_DATA (/work/bench-data/registers) holds
# the generated files and the database (removed after); BENCH_LOGS ($BENCH_DATA-logs) keeps the logs of both runs;
# BENCH_PG_PORT (54369); BENCH_JAR another build's jar (e.g. main's, to compare before and after in the same conditions).
set -euo pipefail
N=${1:-10000000}
MUTATIONS=${2:-20000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${BENCH_DATA:-/work/bench-data/registers}
PORT=${BENCH_PG_PORT:-54369}
LOGS=${BENCH_LOGS:-$DATA-logs}
JAR=${BENCH_JAR:-$(ls "$ROOT"/modules/app/target/adreszicht-app-*.jar | grep -v plain | head -1)}
rm -rf "$DATA" "$LOGS" && mkdir -p "$DATA" "$LOGS"
trap 'rm -rf "$DATA"' EXIT
start=$(date +%s)
java -Xmx512m "$ROOT/bench/BagExtractGenerator.java" "$DATA" "$N" "$MUTATIONS"
echo "generated in $(( $(date +%s) - start )) s: $(du -sh "$DATA" | cut -f1)"
run() {
  local label=$1; shift
  local t0=$(date +%s)
  set +e
  java -Xmx512m -Xlog:gc:file="$DATA/gc-$label.log" -jar "$JAR" --spring.main.web-application-type=none \
    --adreszicht.embedded-postgres.data-directory="$DATA/postgres" --adreszicht.embedded-postgres.port="$PORT" \
    --adreszicht.oidc.issuer-uri=http://127.0.0.1:8180/realms/adreszicht --adreszicht.oidc.client-secret=unused \
    --adreszicht.registers.door=benchmark "$@" 2>&1 \
    | while IFS= read -r line; do printf '%(%H:%M:%S)T %s\n' -1 "$line"; done > "$LOGS/$label.log"
  local code=${PIPESTATUS[0]}
  set -e
  cp "$DATA"/*.afgewezen.csv "$LOGS/" 2>/dev/null || true
  local heap=$(grep -oE '\->[0-9]+M' "$DATA/gc-$label.log" | tr -dc '0-9\n' | sort -n | tail -1)
  # The import's own lines (its phases with the time they started, and its summary); the whole log stays in $LOGS.
  grep -E '^[0-9:]{8} (Import |  [a-z]|bag|cbs|Rapport)' "$LOGS/$label.log" | grep -v '^[0-9:]\{8\}   \[' || true
  echo "$label: exit $code, $(( $(date +%s) - t0 )) s wall (including start-up), largest heap after GC ${heap:-?} MB of 512"
}
run full --adreszicht.import.bag="$DATA/lvbag-extract-nl-08112025.zip"
run mutations --adreszicht.import.bag="$DATA/BAGNLDM-08112025-09112025.zip"
