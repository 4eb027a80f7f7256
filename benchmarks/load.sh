#!/usr/bin/env bash
# Load benchmark over loopback: builds the bench WAR (load-test/), starts it on Payara Micro (the jar from Maven
# Central, version from pom.xml), runs benchmarks/load/LoadGenerator.java against the serve endpoint and the bare
# JAX-RS endpoint of the same WAR, prints a table, stops Payara. Bounded: a warm-up pass of WARMUP seconds per case
# and endpoint, then per row WARMUP + MEASURE seconds, in ROUNDS (3) turns taken with the other endpoint of the case;
# at most MAX_REQUESTS measured requests per row. Prints the server's CPU time per request too.
#   benchmarks/load.sh                          # PORT=8089 WORKERS=16 WARMUP=10 MEASURE=20 (about 6 minutes)
#   WORKERS=8 MEASURE=10 benchmarks/load.sh     # MVN_ARGS=-o to build offline
#   CASES=1 PAYARA_OPTS=-javaagent:... benchmarks/load.sh   # one case (0 first call, 1 and 2 mid-run, 3 GET), profiled
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8089}"
WORKERS="${WORKERS:-16}"
WARMUP="${WARMUP:-10}"
MEASURE="${MEASURE:-20}"
MAX_REQUESTS="${MAX_REQUESTS:-2000000}"
PAYARA_VERSION="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -1)"
RUN="$PWD/load-test/target/run"

# a fresh root each time: Payara Micro redeploys every application left in its root directory
rm -rf "$RUN/payara-root"
mkdir -p "$RUN"
mvn -B -q ${MVN_ARGS:-} package -DskipTests -pl load-test -am
mvn -B -q ${MVN_ARGS:-} -pl load-test dependency:copy \
  -Dartifact="fish.payara.extras:payara-micro:${PAYARA_VERSION}:jar" -DoutputDirectory="$RUN" -Dmdep.stripVersion=true

echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/{print $2}') MB RAM, $(uname -sr)"
echo "java:    $(java -version 2>&1 | head -1)"
echo "payara:  Payara Micro ${PAYARA_VERSION}, -Xmx512m, same machine as the load generator"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

java -Xmx512m ${PAYARA_OPTS:-} -jar "$RUN/payara-micro.jar" --nocluster --rootdir "$RUN/payara-root" \
  --deploy load-test/target/load-test.war --contextroot / --port "$PORT" > "$RUN/payara.log" 2>&1 &
PAYARA_PID=$!
trap 'kill "$PAYARA_PID" 2>/dev/null || true; wait "$PAYARA_PID" 2>/dev/null || true' EXIT

java -Xmx512m -Drounds="${ROUNDS:-3}" benchmarks/load/LoadGenerator.java "http://127.0.0.1:${PORT}" "$WORKERS" "$WARMUP" "$MEASURE" \
  "$MAX_REQUESTS" "${CASES:-}" "$PAYARA_PID" || { echo "load generator failed; Payara's log ends with:"; tail -40 "$RUN/payara.log"; exit 1; }
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
