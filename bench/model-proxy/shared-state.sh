#!/usr/bin/env bash
# What sharing rate limits and usage through Redis costs the model proxy: streams through one replica without
# Redis vs two replicas sharing one redis-server (Debian's, as the tests use). Prints streams/s, p50/p99 and the
# JVM's CPU per request for each, after a warm-up round.
# Usage: bench/model-proxy/shared-state.sh [clients=64] [seconds=10] [chunks=20] [gapMillis=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$PWD/bench/model-proxy/target"
mkdir -p "$out"
./mvnw -B -q -o -pl langop-model-proxy -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
classpath="$PWD/langop-model-proxy/target/classes:$PWD/langop-memory/target/test-classes"
classpath="$classpath:$PWD/langop-sdk/target/test-classes:$PWD/langop-proxy-config/target/classes"
classpath="$classpath:$PWD/langop-server/target/classes:$PWD/langop-trace/target/classes:$PWD/langop-wire/target/classes"
classpath="$classpath:$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/java" --add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
  --sun-misc-unsafe-memory-access=allow -Dio.netty.leakDetection.level=disabled \
  -cp "$classpath" bench/model-proxy/SharedStateBench.java "$@"
