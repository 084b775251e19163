#!/usr/bin/env bash
# Model proxy benchmark: a fast fake upstream (nginx returning canned OpenAI answers), called directly,
# through the proxy, and through nginx proxy_pass, side by side. Prints added latency p50/p99 at a fixed
# rate and maximum throughput, for non-streaming and streaming requests.
# Usage: [WARMUP=30] [TURNS=10] [TURN_SECONDS=2] bench/model-proxy/run.sh [rate=1000] [seconds=10]   (needs root for apt-get if nginx/wrk are missing)
set -euo pipefail
RATE=${1:-1000}
SECONDS_PER_RUN=${2:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=$(mktemp -d)
UPSTREAM_PORT=18081 NGINX_PORT=18082 PROXY_PORT=18083
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for port in $UPSTREAM_PORT $NGINX_PORT $PROXY_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is already in use" >&2; exit 1; fi
done

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  echo "installing nginx and wrk from Debian's packages" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light wrk >/dev/null
fi

echo "building the proxy" >&2
(cd "$ROOT" && ./mvnw -B -q -pl langop-model-proxy -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$WORK/cp.txt" -DincludeScope=runtime)
CLASSPATH="$ROOT/langop-model-proxy/target/classes:$(cat "$WORK/cp.txt")"

# The fake upstream answers like a very fast model: a complete answer, or a short SSE stream.
COMPLETION='{"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"fast","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":9,"total_tokens":18}}'
chunk() { printf 'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"fast","choices":[{"index":0,"delta":{"content":"%s"},"finish_reason":null}]}\\n\\n' "$1"; }
STREAM="$(chunk Hello)$(chunk ' there')$(chunk '!')"'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"fast","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}\n\ndata: [DONE]\n\n'
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/body;
  proxy_temp_path $WORK/proxy;
  upstream fake_model { server 127.0.0.1:$UPSTREAM_PORT; keepalive 256; }
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    keepalive_requests 100000;
    location /stream/ { default_type text/event-stream; return 200 '$STREAM'; }
    location / { default_type application/json; return 200 '$COMPLETION'; }
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    keepalive_requests 100000;
    location / {
      proxy_pass http://fake_model;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }
  }
}
CONF
mkdir -p "$WORK/body" "$WORK/proxy"
nginx -c "$WORK/nginx.conf" -g 'daemon on;'

cat > "$WORK/proxy.yaml" <<YAML
models:
  - name: fast
    endpoints: [{url: "http://127.0.0.1:$UPSTREAM_PORT/v1"}]
  - name: fast-stream
    endpoints: [{url: "http://127.0.0.1:$UPSTREAM_PORT/stream/v1"}]
YAML
# The image's JVM flags (langop-model-proxy/pom.xml, Jib), with a fixed heap.
PROXY_CONFIG="$WORK/proxy.yaml" PORT=$PROXY_PORT LOG_LEVEL=warn \
  "$JAVA_HOME/bin/java" -Xms256m -Xmx512m --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  --add-opens=java.base/java.lang=ALL-UNNAMED -Dio.netty.leakDetection.level=disabled -XX:+UseCompactObjectHeaders \
  -cp "$CLASSPATH" io.langop.proxy.ModelProxyMain &
PROXY_PID=$!
PIDS+=($PROXY_PID)
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PROXY_PORT/readyz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$PROXY_PORT/readyz" >/dev/null || { echo "the proxy did not become ready" >&2; exit 1; }

printf '%s' '{"model":"fast","messages":[{"role":"user","content":"hi"}]}' > "$WORK/chat.json"
printf '%s' '{"model":"fast-stream","stream":true,"messages":[{"role":"user","content":"hi"}]}' > "$WORK/stream.json"

# A gateway runs for days: measure it compiled. On 2 shared cores the JIT needs tens of seconds of full load
# before the proxy reaches its steady speed (measured with WARMUP=0: the first 10 s run at a third of it).
WARMUP=${WARMUP:-30}
if [ "$WARMUP" -gt 0 ]; then
  echo "warming the proxy up: ${WARMUP}s of whole answers, ${WARMUP}s of streams at full load" >&2
  for mode in chat stream; do
    BODY_FILE="$WORK/$mode.json" wrk -t2 -c64 -d"${WARMUP}s" -s "$HERE/post.lua" \
      "http://127.0.0.1:$PROXY_PORT/v1/chat/completions" >/dev/null
  done
fi

echo "== $(nproc) cores, load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) =="
echo "== added latency (open loop, latency counted from when each request was due) =="
"$JAVA_HOME/bin/java" "$HERE/LoadBench.java" "$RATE" "$SECONDS_PER_RUN" \
  direct=http://127.0.0.1:$UPSTREAM_PORT proxy=http://127.0.0.1:$PROXY_PORT nginx=http://127.0.0.1:$NGINX_PORT

echo
TURNS=${TURNS:-10}
TURN_SECONDS=${TURN_SECONDS:-2}
echo "== maximum throughput (wrk, 2 threads, 64 connections; per mode $TURNS turns of ${TURN_SECONDS}s per target in" \
  "rotating order; all on the same 2 cores) =="
# Short turns in rotating order, as in the latency test: on shared cores the machine's speed drifts by a third
# within minutes, and a target measured in one long window after the other would carry that drift as its own.
proxy_cpu_ticks() { awk '{print $14 + $15}' "/proc/$PROXY_PID/stat"; }
url_of() {
  local prefix=""
  if [ "$1" = stream ]; then prefix=/stream; fi
  case $2 in
    direct) echo "http://127.0.0.1:$UPSTREAM_PORT$prefix/v1/chat/completions" ;;
    proxy) echo "http://127.0.0.1:$PROXY_PORT/v1/chat/completions" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT$prefix/v1/chat/completions" ;;
  esac
}
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
TARGETS=(direct proxy nginx)
printf '%-7s %-8s %12s %22s %s\n' mode target "req/s" "turns min-max req/s" "proxy CPU/request"
for mode in chat stream; do
  for target in "${TARGETS[@]}"; do # one unmeasured turn each: connections and pools open
    BODY_FILE="$WORK/$mode.json" wrk -t2 -c64 -d1s -s "$HERE/post.lua" "$(url_of $mode $target)" >/dev/null
  done
  declare -A REQUESTS=() SECONDS_SUM=() TURN_RPS=() ALL_RPS=()
  ticks=0
  ratios=""
  non2xx=0
  for turn in $(seq 1 "$TURNS"); do
    for k in 0 1 2; do
      target=${TARGETS[$(( (turn + k) % 3 ))]}
      before=$(proxy_cpu_ticks)
      out=$(BODY_FILE="$WORK/$mode.json" wrk -t2 -c64 -d"${TURN_SECONDS}s" -s "$HERE/post.lua" "$(url_of $mode $target)")
      if [ "$target" = proxy ]; then ticks=$(( ticks + $(proxy_cpu_ticks) - before )); fi
      read -r requests seconds < <(awk '/requests in/ {sub(/s,$/, "", $4); print $1, $4}' <<<"$out")
      non2xx=$(( non2xx + $(awk '/Non-2xx/ {n=$NF} END {print n+0}' <<<"$out") ))
      REQUESTS[$target]=$(( ${REQUESTS[$target]:-0} + requests ))
      SECONDS_SUM[$target]=$(awk -v a="${SECONDS_SUM[$target]:-0}" -v b="$seconds" 'BEGIN {print a + b}')
      TURN_RPS[$target]=$(awk -v r="$requests" -v s="$seconds" 'BEGIN {print r / s}')
      ALL_RPS[$target]+="${TURN_RPS[$target]} "
    done
    ratios+="$(awk -v p="${TURN_RPS[proxy]}" -v n="${TURN_RPS[nginx]}" 'BEGIN {printf "%.0f", 100 * p / n}') "
  done
  for target in "${TARGETS[@]}"; do
    rps=$(awk -v r="${REQUESTS[$target]}" -v s="${SECONDS_SUM[$target]}" 'BEGIN {printf "%.0f", r / s}')
    range=$(tr ' ' '\n' <<<"${ALL_RPS[$target]}" | grep . | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%.0f-%.0f", lo, hi}')
    cpu=""
    if [ "$target" = proxy ]; then cpu="$(( ticks * 1000000 / $(getconf CLK_TCK) / ${REQUESTS[proxy]} )) µs"; fi
    printf '%-7s %-8s %12s %22s %s\n' "$mode" "$target" "$rps" "$range" "$cpu"
  done
  total=$(awk -v p="${REQUESTS[proxy]}" -v ps="${SECONDS_SUM[proxy]}" -v n="${REQUESTS[nginx]}" -v ns="${SECONDS_SUM[nginx]}" \
    'BEGIN {printf "%.1f", 100 * (p / ps) / (n / ns)}')
  printf '%-7s proxy/nginx %s %% over all turns; median of the turns %s %% (turns: %s)%s\n' "$mode" "$total" \
    "$(median "$ratios")" "${ratios% }" "$( [ "$non2xx" -gt 0 ] && echo "; non-2xx answers: $non2xx")"
done
