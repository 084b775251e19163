#!/usr/bin/env bash
# Console load: concurrent chat sessions streaming through the console (docs: bench/console/README.md).
# Usage: bench/console/run.sh [sessions=200] [rounds=10] [chunks=20] [pauseMs=25] [spreadMs=0]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$PWD/bench/console/target"
mkdir -p "$out/lib"
./mvnw -B -q -pl langop-console -am package dependency:build-classpath -DskipTests \
  -DincludeScope=runtime -Dmdep.outputFile="$out/classpath.txt"
# Snapshot the project's own jars: a concurrent build must not swap them under a running benchmark.
classpath=""
for entry in "$PWD/langop-console/target/langop-console-0.1.0-SNAPSHOT.jar" $(tr ':' ' ' < "$out/classpath.txt"); do
  if [[ "$entry" == "$PWD"/* ]]; then cp "$entry" "$out/lib/"; entry="$out/lib/$(basename "$entry")"; fi
  classpath="${classpath:+$classpath:}$entry"
done
LOG_LEVEL=warn "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" bench/console/ConsoleLoad.java "$@"
