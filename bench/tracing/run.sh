#!/usr/bin/env bash
# The model proxy's throughput and CPU per request with tracing off and on, side by side: two proxies of the same
# build (A: no OTLP endpoint, so no SDK; B: OTEL_EXPORTER_OTLP_ENDPOINT set, sampling parentbased_always_off as the
# operator configures proxies), one fake model streaming CHUNKS events GAP_MS apart (GappedUpstream.java, which also
# takes B's spans), and wrk sending every request a sampled traceparent (a new trace id each), so that B traces every
# request: its server span and its upstream attempt span. Both are warmed up, then measured in ROUNDS alternating
# windows of SECONDS at full load (CONNECTIONS open streams); medians of req/s and proxy CPU per request.
# Usage: bench/tracing/run.sh [rounds=10] [seconds=3] [connections=128] [chunks=8] [gapMs=5]
set -euo pipefail
ROUNDS=${1:-10}
SECONDS_PER_ROUND=${2:-3}
CONNECTIONS=${3:-128}
CHUNKS=${4:-8}
GAP_MS=${5:-5}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=$(mktemp -d)
UPSTREAM_PORT=18091 OFF_PORT=18092 ON_PORT=18093
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
for port in $UPSTREAM_PORT $OFF_PORT $ON_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is already in use" >&2; exit 1; fi
done
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null

echo "building the proxy" >&2
(cd "$ROOT" && ./mvnw -B -q -o -pl langop-model-proxy -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$WORK/cp.txt" -DincludeScope=runtime)
CLASSPATH_PROXY="$ROOT/langop-model-proxy/target/classes:$(cat "$WORK/cp.txt")"

"$JAVA_HOME/bin/java" "$HERE/GappedUpstream.java" $UPSTREAM_PORT "$CHUNKS" "$GAP_MS" &
PIDS+=($!)
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$UPSTREAM_PORT") 2>/dev/null && break; sleep 0.2; done

cat > "$WORK/proxy.yaml" <<YAML
models:
  - name: gapped
    endpoints: [{url: "http://127.0.0.1:$UPSTREAM_PORT/v1"}]
YAML
printf '%s' '{"model":"gapped","stream":true,"messages":[{"role":"user","content":"hi"}]}' > "$WORK/stream.json"

# start_proxy PORT [VAR=value...]: the proxy with its image's JVM flags and a fixed heap; sets STARTED_PID when ready
start_proxy() {
  local port=$1
  shift
  env PROXY_CONFIG="$WORK/proxy.yaml" PORT="$port" LOG_LEVEL=warn "$@" \
    "$JAVA_HOME/bin/java" -Xms256m -Xmx512m --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    --add-opens=java.base/java.lang=ALL-UNNAMED -Dio.netty.leakDetection.level=disabled -XX:+UseCompactObjectHeaders \
    -cp "$CLASSPATH_PROXY" io.langop.proxy.ModelProxyMain &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return; sleep 0.2; done
  echo "the proxy on port $port did not become ready" >&2
  exit 1
}
start_proxy $OFF_PORT
OFF_PID=$STARTED_PID
start_proxy $ON_PORT OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$UPSTREAM_PORT" OTEL_SERVICE_NAME=gapped \
  OTEL_TRACES_SAMPLER=parentbased_always_off
ON_PID=$STARTED_PID

wrk_stream() { # PORT SECONDS
  BODY_FILE="$WORK/stream.json" wrk -t2 -c"$CONNECTIONS" -d"$2s" -s "$HERE/traced.lua" \
    "http://127.0.0.1:$1/v1/chat/completions"
}
process_cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
measure() { # PORT PID: "req/s µs-of-CPU-per-request p50-latency"
  local before out requests
  before=$(process_cpu_ticks "$2")
  out=$(wrk_stream "$1" "$SECONDS_PER_ROUND")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")" \
    "$(( ($(process_cpu_ticks "$2") - before) * 1000000 / $(getconf CLK_TCK) / requests ))" \
    "$(awk '/Latency/ {print $2}' <<<"$out")"
}

echo "warming both up: 3 x 10 s each, alternating" >&2
for _ in 1 2 3; do wrk_stream $OFF_PORT 10 >/dev/null; wrk_stream $ON_PORT 10 >/dev/null; done
SPANS_BEFORE=$(curl -s "http://127.0.0.1:$ON_PORT/metrics" | awk '/^langop_proxy_requests_total/ {s += $2} END {print s}')

echo "== streams of $CHUNKS chunks ${GAP_MS} ms apart, $CONNECTIONS connections, $ROUNDS rounds of ${SECONDS_PER_ROUND}s =="
printf '%-6s %12s %12s %14s %14s %10s %10s\n' round "off req/s" "on req/s" "off µs CPU/req" "on µs CPU/req" "off avg" "on avg"
OFF_RPS="" ON_RPS="" OFF_CPU="" ON_CPU=""
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then
    read -r off_rps off_cpu off_lat < <(measure $OFF_PORT "$OFF_PID")
    read -r on_rps on_cpu on_lat < <(measure $ON_PORT "$ON_PID")
  else
    read -r on_rps on_cpu on_lat < <(measure $ON_PORT "$ON_PID")
    read -r off_rps off_cpu off_lat < <(measure $OFF_PORT "$OFF_PID")
  fi
  OFF_RPS+="$off_rps " ON_RPS+="$on_rps " OFF_CPU+="$off_cpu " ON_CPU+="$on_cpu "
  printf '%-6s %12s %12s %14s %14s %10s %10s\n' "$round" "$off_rps" "$on_rps" "$off_cpu" "$on_cpu" "$off_lat" "$on_lat"
done
m_off_rps=$(median "$OFF_RPS") m_on_rps=$(median "$ON_RPS") m_off_cpu=$(median "$OFF_CPU") m_on_cpu=$(median "$ON_CPU")
printf '%-6s %12s %12s %14s %14s\n' median "$m_off_rps" "$m_on_rps" "$m_off_cpu" "$m_on_cpu"
awk -v a="$m_off_rps" -v b="$m_on_rps" -v c="$m_off_cpu" -v d="$m_on_cpu" 'BEGIN {
  printf "tracing on: throughput %+.1f %%, proxy CPU per request %+.1f %%\n", (b - a) * 100 / a, (d - c) * 100 / c }'
echo "a traced request's exemplar on the traced proxy's /metrics:"
curl -s -H 'Accept: application/openmetrics-text; version=1.0.0' "http://127.0.0.1:$ON_PORT/metrics" \
  | grep -m1 'langop_proxy_request_duration_seconds_bucket.*trace_id' || echo "(none)"
