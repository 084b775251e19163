#!/usr/bin/env bash
# A/B of two builds of the proxy on the same machine at the same time: the proxy as committed at REV (A) against
# the working tree (B), both warmed up, then ROUNDS rounds of SECONDS of MODE requests at full load against each
# in turn. Prints each round and the medians of req/s and of proxy CPU per request. On shared cores the machine's
# speed drifts by a third within minutes, more than most changes move the proxy: short alternating windows and
# medians let such a change show. Usage: bench/model-proxy/ab.sh REV [rounds=30] [seconds=3] [mode=stream]
set -euo pipefail
REV=${1:?"usage: ab.sh REV [rounds] [seconds] [chat|stream]"}
ROUNDS=${2:-30}
SECONDS_PER_ROUND=${3:-3}
MODE=${4:-stream}
. "$(dirname "$0")/stack.sh"

echo "building $REV" >&2
git -C "$ROOT" worktree add -q --detach "$WORK/a" "$REV"
trap 'cleanup; git -C "$ROOT" worktree prune' EXIT
(cd "$WORK/a" && ./mvnw -B -q -pl langop-model-proxy -am compile)

start_proxy $PROXY_PORT "$WORK/a/langop-model-proxy/target/classes"
A_PID=$STARTED_PID
start_proxy $((PROXY_PORT + 1)) "$PROXY_CLASSES"
B_PID=$STARTED_PID
echo "warming both up: 20 s of whole answers, 30 s of streams each" >&2
for port in $PROXY_PORT $((PROXY_PORT + 1)); do
  wrk_post chat "http://127.0.0.1:$port/v1/chat/completions" 20 >/dev/null
  wrk_post stream "http://127.0.0.1:$port/v1/chat/completions" 30 >/dev/null
done

echo "== $MODE, $ROUNDS rounds of ${SECONDS_PER_ROUND}s each: A = $REV, B = working tree =="
printf '%-6s %10s %10s %14s %14s\n' round "A req/s" "B req/s" "A ns/request" "B ns/request"
A_RPS="" B_RPS="" A_CPU="" B_CPU=""
measure() { # PORT PID: "req/s ns-of-CPU-per-request"
  local before out requests
  before=$(process_cpu_ticks "$2")
  out=$(wrk_post "$MODE" "http://127.0.0.1:$1/v1/chat/completions" "$SECONDS_PER_ROUND")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")" \
    "$(( ($(process_cpu_ticks "$2") - before) * 1000000000 / $(getconf CLK_TCK) / requests ))"
}
for round in $(seq 1 "$ROUNDS"); do
  read -r a_rps a_cpu < <(measure $PROXY_PORT "$A_PID")
  read -r b_rps b_cpu < <(measure $((PROXY_PORT + 1)) "$B_PID")
  A_RPS+="$a_rps " B_RPS+="$b_rps " A_CPU+="$a_cpu " B_CPU+="$b_cpu "
  printf '%-6s %10s %10s %14s %14s\n' "$round" "$a_rps" "$b_rps" "$a_cpu" "$b_cpu"
done
printf '%-6s %10s %10s %14s %14s\n' median "$(median "$A_RPS")" "$(median "$B_RPS")" "$(median "$A_CPU")" \
  "$(median "$B_CPU")"
