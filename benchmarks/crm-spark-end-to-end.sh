#!/usr/bin/env bash
# End to end, single JVM against Spark local[2], on generated logs of the given numbers of purchases
# (default: 1,000,000 then 10,000,000). Builds crm-spark's test classes (offline), then runs
# io.crmkit.spark.bench.EndToEndBenchmark once per size, each in a fresh JVM with Spark's
# --add-opens flags. Output: one block of figures per size on stdout (Spark's logging goes to stderr).
#
#   benchmarks/crm-spark-end-to-end.sh                 # 1 M and 10 M purchases
#   benchmarks/crm-spark-end-to-end.sh 1000000         # one size
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mvn -B -q -o -pl crm-spark -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$root/crm-spark/target/bench.classpath"
classpath="$root/crm-spark/target/test-classes:$root/crm-spark/target/classes:$(cat "$root/crm-spark/target/bench.classpath")"
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
  sizes=(1000000 10000000)
fi
for purchases in "${sizes[@]}"; do
  echo "== $purchases purchases, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  SPARK_LOCAL_IP=127.0.0.1 java -Xmx4g \
    --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/java.net=ALL-UNNAMED \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/java.util=ALL-UNNAMED \
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
    --add-opens=java.base/sun.security.action=ALL-UNNAMED \
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
    -Djdk.reflect.useDirectMethodHandle=false \
    -cp "$classpath" io.crmkit.spark.bench.EndToEndBenchmark "$purchases" 2>"$root/crm-spark/target/bench-$purchases.log"
done
