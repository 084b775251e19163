# Sourced by run.sh and ab.sh: a fast fake upstream (nginx answering canned OpenAI bodies) on UPSTREAM_PORT,
# nginx proxy_pass to it on NGINX_PORT, the proxy's configuration and request bodies in $WORK, and start_proxy,
# which runs the proxy with its image's JVM flags. Everything started is stopped on exit.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
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

for port in $UPSTREAM_PORT $NGINX_PORT $PROXY_PORT $((PROXY_PORT + 1)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is already in use" >&2; exit 1; fi
done

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  echo "installing nginx and wrk from Debian's packages" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light wrk >/dev/null
fi

echo "building the proxy" >&2
(cd "$ROOT" && ./mvnw -B -q -pl langop-model-proxy -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$WORK/cp.txt" -DincludeScope=runtime)
PROXY_CLASSES="$ROOT/langop-model-proxy/target/classes"
DEPENDENCIES="$(cat "$WORK/cp.txt")"

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
printf '%s' '{"model":"fast","messages":[{"role":"user","content":"hi"}]}' > "$WORK/chat.json"
printf '%s' '{"model":"fast-stream","stream":true,"messages":[{"role":"user","content":"hi"}]}' > "$WORK/stream.json"

# start_proxy PORT CLASSES: the proxy built into CLASSES, with the image's JVM flags (langop-model-proxy/pom.xml,
# Jib) and a fixed heap, listening on PORT; sets STARTED_PID once it is ready.
start_proxy() {
  PROXY_CONFIG="$WORK/proxy.yaml" PORT=$1 LOG_LEVEL=warn \
    "$JAVA_HOME/bin/java" -Xms256m -Xmx512m --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    --add-opens=java.base/java.lang=ALL-UNNAMED -Dio.netty.leakDetection.level=disabled -XX:+UseCompactObjectHeaders \
    -cp "$2:$DEPENDENCIES" io.langop.proxy.ModelProxyMain &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return; sleep 0.2; done
  echo "the proxy on port $1 did not become ready" >&2
  exit 1
}

# wrk_post MODE URL SECONDS: wrk's output for SECONDS of MODE (chat or stream) requests at URL, 2 threads,
# 64 connections.
wrk_post() {
  BODY_FILE="$WORK/$1.json" wrk -t2 -c64 -d"$3s" -s "$HERE/post.lua" "$2"
}

# process_cpu_ticks PID: user + system CPU the process has used, in clock ticks.
process_cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
