#!/usr/bin/env bash
# Model proxy benchmark: a fast fake upstream (nginx returning canned OpenAI answers), called directly,
# through the proxy, and through nginx proxy_pass, side by side. Prints added latency p50/p99 at a fixed
# rate and maximum throughput, for non-streaming and streaming requests.
# Usage: [WARMUP=30] [TURNS=10] [TURN_SECONDS=2] bench/model-proxy/run.sh [rate=1000] [seconds=10]   (needs root for apt-get if nginx/wrk are missing)
set -euo pipefail
RATE=${1:-1000}
SECONDS_PER_RUN=${2:-10}
. "$(dirname "$0")/stack.sh"
start_proxy $PROXY_PORT "$PROXY_CLASSES"
PROXY_PID=$STARTED_PID

# A gateway runs for days: measure it compiled. On 2 shared cores the JIT needs tens of seconds of full load
# before the proxy reaches its steady speed (measured with WARMUP=0: the first 10 s run at a third of it).
WARMUP=${WARMUP:-30}
if [ "$WARMUP" -gt 0 ]; then
  echo "warming the proxy up: ${WARMUP}s of whole answers, ${WARMUP}s of streams at full load" >&2
  for mode in chat stream; do
    wrk_post $mode "http://127.0.0.1:$PROXY_PORT/v1/chat/completions" "$WARMUP" >/dev/null
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
url_of() {
  local prefix=""
  if [ "$1" = stream ]; then prefix=/stream; fi
  case $2 in
    direct) echo "http://127.0.0.1:$UPSTREAM_PORT$prefix/v1/chat/completions" ;;
    proxy) echo "http://127.0.0.1:$PROXY_PORT/v1/chat/completions" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT$prefix/v1/chat/completions" ;;
  esac
}
TARGETS=(direct proxy nginx)
printf '%-7s %-8s %12s %22s %s\n' mode target "req/s" "turns min-max req/s" "proxy CPU/request"
for mode in chat stream; do
  for target in "${TARGETS[@]}"; do # one unmeasured turn each: connections and pools open
    wrk_post $mode "$(url_of $mode $target)" 1 >/dev/null
  done
  declare -A REQUESTS=() SECONDS_SUM=() TURN_RPS=() ALL_RPS=()
  ticks=0
  ratios=""
  non2xx=0
  for turn in $(seq 1 "$TURNS"); do
    for k in 0 1 2; do
      target=${TARGETS[$(( (turn + k) % 3 ))]}
      before=$(process_cpu_ticks $PROXY_PID)
      out=$(wrk_post $mode "$(url_of $mode $target)" "$TURN_SECONDS")
      if [ "$target" = proxy ]; then ticks=$(( ticks + $(process_cpu_ticks $PROXY_PID) - before )); fi
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
