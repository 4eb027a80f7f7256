#!/usr/bin/env bash
# Builds the sample WAR and serves it on Payara Micro at the root context: the Inngest endpoint is
# http://localhost:${PORT:-8080}/api/inngest (dev mode, no keys needed).
# Drive it with the Inngest dev server:  npx inngest-cli@latest dev -u http://localhost:8080/api/inngest
set -euo pipefail
cd "$(dirname "$0")/.."
PAYARA_VERSION="${PAYARA_VERSION:-6.2025.10}"
mvn -B -q install -DskipTests -pl sample-war -am
mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy \
  -Dartifact="fish.payara.extras:payara-micro:${PAYARA_VERSION}" -DoutputDirectory=target/run
exec java -Xmx512m -jar "target/run/payara-micro-${PAYARA_VERSION}.jar" --nocluster \
  --deploy sample-war/target/sample.war --contextroot / --port "${PORT:-8080}"
