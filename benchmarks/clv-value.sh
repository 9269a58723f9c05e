#!/usr/bin/env bash
# Times `crm clv value` end to end on a seeded 10,000,000-row log of about 1,000,000 customers
# (issue 16): wall seconds, CPU seconds (user + system) and peak RSS from /usr/bin/time -v, through
# the launcher crm-cli/bin/crm and through java -jar, each also under -Xmx512m (does it complete,
# or stop with the one-line out-of-memory message?). Not part of the build.
#
#   benchmarks/clv-value.sh [ROWS]        default 10000000
#
# The log is the one LifetimeValueBenchmark generates in memory (TransactionLog, seed 20261129),
# written once as CSV customer_id,date,amount (about 260 MB for 10 M rows) by the benchmarks jar.
# Environment: CRM_JAR (default crm-cli/target/crm.jar), BENCH_JAR (default
# benchmarks/target/benchmarks.jar), ROUNDS (interleaved rounds, default 1), WORK (default
# /tmp/crm-clv-value).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jar=${CRM_JAR:-$root/crm-cli/target/crm.jar}
bench=${BENCH_JAR:-$here/target/benchmarks.jar}
work=${WORK:-/tmp/crm-clv-value}
rows=${1:-10000000}
mkdir -p "$work"
for f in "$jar" "$bench"; do
  [ -f "$f" ] || { echo "build first: mvn -B -q -DskipTests package ($f missing)" >&2; exit 2; }
done
launcher=$root/crm-cli/bin/crm
env CRM_JAR="$jar" "$launcher" --version > /dev/null   # records the AppCDS archive before the timed runs
tx=$work/tx-$rows.csv
[ -f "$tx" ] || java -cp "$bench" io.crmkit.benchmarks.TransactionLog "$rows" "$tx" >&2
args=(clv value --input "$tx" --as-of 1998-06-30 --unit weeks --horizon-months 12 --monthly-discount 0.01)

# one measured run: label, then the command; prints "label wall cpu peak-MiB lines-out" or the failure
measure() {
  local label=$1; shift
  if /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.csv" 2> "$work/err.txt"; then
    awk -v l="$label" -v out="$(($(wc -l < "$work/out.csv") - 1))" -F': ' '
         /Elapsed \(wall/ {n=split($2,a,":"); s=(n==3?a[1]*3600+a[2]*60+a[3]:a[1]*60+a[2])}
         /User time/ {u=$2} /System time/ {y=$2} /Maximum resident/ {m=$2/1024}
         END {printf "%-22s %8.2f %8.2f %8.0f %9d\n", l, s, u+y, m, out}' "$work/time.txt"
    sed 's/^/    /' "$work/err.txt"
  else
    echo "$label FAILED (exit $?): $(head -c 400 "$work/err.txt")"
  fi
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $(java -version 2>&1 | head -1); input: $tx ($(($(wc -l < "$tx") - 1)) rows)"
echo "# crm ${args[*]}"
echo "# job                     wall s    cpu s peak MiB customers"
for ((i = 1; i <= ${ROUNDS:-1}; i++)); do
  measure launcher env CRM_JAR="$jar" "$launcher" "${args[@]}"
  measure java-jar java -jar "$jar" "${args[@]}"
  measure launcher-Xmx512m env CRM_JAR="$jar" JAVA_OPTS=-Xmx512m "$launcher" "${args[@]}"
  measure java-jar-Xmx512m java -Xmx512m -jar "$jar" "${args[@]}"
done
echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
