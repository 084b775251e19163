#!/usr/bin/env bash
# Memory operations per backend (workspace, Redis, Postgres, S3) at a fixed rate: p50, p99 and max latency.
# Starts the servers the tests use (redis-server from Debian, embedded Postgres, S3Proxy) on loopback ports.
# Usage: bench/memory/run.sh [operationsPerSecond] [secondsPerOperation] [s3OperationsPerSecond]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$PWD/bench/memory/target"
mkdir -p "$out"
./mvnw -B -q -pl langop-memory -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
classpath="$PWD/langop-memory/target/test-classes:$PWD/langop-memory/target/classes"
classpath="$classpath:$PWD/langop-sdk/target/test-classes:$PWD/langop-sdk/target/classes:$PWD/langop-wire/target/classes"
classpath="$classpath:$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/java" -Ds3proxy.jar="$PWD/langop-memory/target/servers/s3proxy.jar" -cp "$classpath" \
  bench/memory/MemoryBench.java "${1:-50}" "${2:-4}" "${3:-10}"
