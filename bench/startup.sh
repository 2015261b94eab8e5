#!/usr/bin/env bash
# Start-up and idle memory of the embedded platform (`twin run`): one cold start (empty data directory, formats
# Kafka) then N warm starts on the same directory. Reports seconds to /health = 200 (measured from process start,
# so JVM start-up counts) and RSS after IDLE seconds of idling.
#   bench/startup.sh [warm-runs=3] [idle-seconds=15]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-3}"
IDLE="${2:-15}"
JAR="$ROOT/twin-app/target/twin-app.jar"
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
DATA="$(mktemp -d)"
HTTP_PORT=18080
trap 'rm -rf "$DATA"' EXIT

one_run() {
  local label="$1"
  local start end pid rss
  start=$(date +%s.%N)
  java -Xms128m -Xmx1g -XX:+UseG1GC -jar "$JAR" run --data-dir "$DATA" --http-port $HTTP_PORT \
    --kafka-port 19092 --set kafka.controller-port=19093 --mqtt-port 11883 --registry-port 18081 >/dev/null 2>"$DATA/last.err" &
  pid=$!
  until curl -sf "http://127.0.0.1:$HTTP_PORT/health" >/dev/null 2>&1; do
    if ! kill -0 $pid 2>/dev/null; then echo "twin run exited early:"; tail -5 "$DATA/last.err"; exit 1; fi
    sleep 0.1
  done
  end=$(date +%s.%N)
  sleep "$IDLE"
  rss=$(ps -o rss= -p $pid)
  kill -TERM $pid; wait $pid || true
  awk -v l="$label" -v s="$start" -v e="$end" -v i="$IDLE" -v r="$rss" \
    'BEGIN { printf "%-6s ready %6.2f s   RSS after %ss idle %6.0f MB\n", l, e - s, i, r / 1024 }'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)   cores: $(nproc)"
one_run cold
for i in $(seq 1 "$RUNS"); do one_run "warm$i"; done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
