#!/usr/bin/env bash
# Accepted webhook events per second per agent: signed GitHub deliveries through the agent runtime's HTTP endpoint
# (authentication, CEL condition and mapping, the event forced to disk before 202), with concurrent senders.
# Usage: bench/triggers/run.sh [seconds] [senders]
# BENCH=ForwardBench bench/triggers/run.sh [seconds] [agents]: forwarded events per second per agent through the
# operator's and email tool's poster (see README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$PWD/bench/triggers/target"
mkdir -p "$out"
./mvnw -B -q -o -pl langop-agent -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
classpath="$PWD/langop-agent/target/classes:$PWD/langop-sdk/target/test-classes:$PWD/langop-sdk/target/classes"
classpath="$classpath:$PWD/langop-wire/target/classes:$PWD/langop-server/target/classes:$PWD/langop-trace/target/classes"
classpath="$classpath:$PWD/langop-kit/target/classes:$PWD/langop-memory/target/classes"
classpath="$classpath:$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/java" -Dlogback.configurationFile="$PWD/bench/triggers/logback-quiet.xml" -cp "$classpath" \
  "bench/triggers/${BENCH:-TriggerBench}.java" "${1:-10}" "${2:-8}" "${WORKSPACE_DIR:-$out/workspace}"
