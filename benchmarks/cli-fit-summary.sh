#!/usr/bin/env bash
# Times `crm clv fit --model bgnbd` on a seeded customer summary of CUSTOMERS rows (default 10 M,
# written once by cli/SummaryGenerator.java, about 490 MB and 1-3 minutes), in the default heap and
# under -Xmx512m, through the launcher (AppCDS, serial GC); with BASELINE_JAR, an earlier crm.jar is
# timed the same way, interleaved. Not part of the build.
#
#   benchmarks/cli-fit-summary.sh [CUSTOMERS]
#
# Environment: CRM_JAR (default crm-cli/target/crm.jar), BASELINE_JAR, ROUNDS (default 3),
# WORK (default /tmp/crm-cli-bench). Prints "label wall-seconds cpu-seconds peak-MiB" per run; a run
# that fails prints its first line of stderr (under -Xmx512m: the one-line out-of-memory message).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jar=${CRM_JAR:-$root/crm-cli/target/crm.jar}
work=${WORK:-/tmp/crm-cli-bench}
customers=${1:-10000000}
mkdir -p "$work"
[ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package ($jar missing)" >&2; exit 2; }
launcher=$root/crm-cli/bin/crm
summary=$work/summary-$customers.csv
[ -f "$summary" ] || java "$here/cli/SummaryGenerator.java" "$customers" "$summary" >&2
for j in "$jar" ${BASELINE_JAR:+"$BASELINE_JAR"}; do env CRM_JAR="$j" "$launcher" --version > /dev/null; done

measure() {
  local label=$1; shift
  if /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt"; then
    awk -v l="$label" -F': ' '/Elapsed \(wall/ {n=split($2,a,":"); s=(n==3?a[1]*3600+a[2]*60+a[3]:a[1]*60+a[2])}
         /User time/ {u=$2} /System time/ {y=$2} /Maximum resident/ {m=$2/1024}
         END {printf "%s %.2f %.2f %.0f\n", l, s, u+y, m}' "$work/time.txt"
  else
    echo "$label FAILED: $(head -1 "$work/err.txt")"
  fi
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $customers customers"
echo "# columns: job, wall seconds, cpu seconds (user+sys), peak RSS MiB"
for ((i = 1; i <= ${ROUNDS:-3}; i++)); do
  for heap in default 512m; do
    opts=; [ $heap = default ] || opts=-Xmx$heap
    measure "crm-fit-$heap" env CRM_JAR="$jar" JAVA_OPTS="$opts" "$launcher" clv fit --model bgnbd --input "$summary"
    [ -z "${BASELINE_JAR:-}" ] || measure "baseline-fit-$heap" env CRM_JAR="$BASELINE_JAR" JAVA_OPTS="$opts" \
      "$launcher" clv fit --model bgnbd --input "$summary"
  done
done
