#!/usr/bin/env bash
# Backup and restore drill: takes a backup of a running PostgreSQL under load, restores it into a new cluster,
# checks the counts, and starts the application on it to verify the access-log chain (BackupDrill.java).
#
#   infra/backup/drill.sh DATA_DIR PORT [WORK_DIR]
#
# DATA_DIR and PORT: the running server (the embedded one of the local run: data/postgres and 54329). Run it from
# the repository root after ./mvnw -pl modules/app -am package -DskipTests (it needs the application jar and the
# PostgreSQL JDBC driver from the local Maven repository, or PGJDBC_JAR). Superuser and application login come
# from DRILL_SUPERUSER(_PASSWORD) and DRILL_APP_USER/DRILL_APP_PASSWORD (defaults: those of the embedded database).
# CI runs it on the embedded PostgreSQL under load: BackupRestoreDrillIT in ./mvnw verify.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:?usage: drill.sh DATA_DIR PORT [WORK_DIR]}"
port="${2:?usage: drill.sh DATA_DIR PORT [WORK_DIR]}"
work="${3:-$(mktemp -d -t adreszicht-drill-XXXXXX)}"

jar="$(ls "$root"/modules/app/target/adreszicht-app-*.jar 2>/dev/null | grep -v -- '-plain\|original' | head -n 1 || true)"
if [[ -z "$jar" ]]; then
  echo "drill: no application jar; run ./mvnw -pl modules/app -am package -DskipTests first" >&2
  exit 2
fi
driver="${PGJDBC_JAR:-$(ls "${HOME}"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -n 1 || true)}"
if [[ -z "$driver" ]]; then
  echo "drill: no PostgreSQL JDBC driver; set PGJDBC_JAR" >&2
  exit 2
fi

echo "drill: work directory $work"
exec java -cp "$driver" "$here/BackupDrill.java" "$data" "$port" "$work" "$jar"
