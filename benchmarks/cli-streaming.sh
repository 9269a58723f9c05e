#!/usr/bin/env bash
# Peak memory and CPU of the commands that read a whole transaction log into per-customer state
# (issue 18): crm clv evaluate, crm clv plot (a holdout kind and a model kind), crm lifecycle
# stage and crm lifecycle churn under the p-alive policy (its P(alive) file written once per log by
# crm clv summarize and predict, before the timed runs), on seeded logs (benchmarks/cli/TransactionLogGenerator.java), each under the default heap
# and under -Xmx512m (does it complete, or stop with the one-line out-of-memory message?), with
# java -jar and the serial collector as the launcher uses it. Not part of the build.
#
#   benchmarks/cli-streaming.sh [ROWS...]        default: 1000000 10000000
#
# Environment: CRM_JAR (default crm-cli/target/crm.jar), BASELINE_JAR (an earlier crm.jar, run
# interleaved with CRM_JAR when given), WORK (default /tmp/crm-cli-streaming), JOBS (default
# "evaluate plot-tracking plot-period lifecycle"; also lifecycle-p-alive).
# Prints one line per run: jar, job, heap, wall s, CPU s (user + system), peak RSS MiB, and the
# first line of stderr when the run failed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jar=${CRM_JAR:-$root/crm-cli/target/crm.jar}
work=${WORK:-/tmp/crm-cli-streaming}
mkdir -p "$work"
[ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package ($jar missing)" >&2; exit 2; }
jars=("after=$jar"); [ -n "${BASELINE_JAR:-}" ] && jars=("before=$BASELINE_JAR" "${jars[@]}")
jobs=(${JOBS:-evaluate plot-tracking plot-period lifecycle})
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)

args_of() {
  local job=$1 tx=$2
  case $job in
    evaluate) echo "clv evaluate --input $tx --calibration-end 1997-09-30 --holdout-end 1998-06-30" ;;
    plot-tracking) echo "clv plot --kind tracking --input $tx --calibration-end 1997-09-30 --holdout-end 1998-06-30 --output $work/plot.png --data $work/plot.csv" ;;
    plot-period) echo "clv plot --kind period-transactions --input $tx --as-of 1998-06-30 --output $work/plot.png --data $work/plot.csv" ;;
    lifecycle) echo "lifecycle stage --input $tx --as-of 1998-06-30" ;;
    lifecycle-p-alive) echo "lifecycle churn --input $tx --as-of 1998-06-30 --policy p-alive --p-alive $work/p-alive-$(basename "$tx" .csv).csv" ;;
  esac
}

measure() {
  local label=$1; shift
  if /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt"; then status=ok; else status="FAILED: $(grep -v '^\s*$' "$work/err.txt" | head -1 | cut -c1-220)"; fi
  awk -v l="$label" -v s="$status" -F': ' '/Elapsed \(wall/ {n=split($2,a,":"); w=(n==3?a[1]*3600+a[2]*60+a[3]:a[1]*60+a[2])}
       /User time/ {u=$2} /System time/ {y=$2} /Maximum resident/ {m=$2/1024}
       END {printf "%-44s %8.2f %8.2f %7.0f  %s\n", l, w, u+y, m, s}' "$work/time.txt"
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "# run                                          wall s    cpu s peak MiB"
for rows in "${sizes[@]}"; do
  tx=$work/tx-$rows.csv
  [ -f "$tx" ] || java "$here/cli/TransactionLogGenerator.java" "$rows" "$tx"
  for job in "${jobs[@]}"; do
    if [ "$job" = lifecycle-p-alive ] && [ ! -f "$work/p-alive-tx-$rows.csv" ]; then
      java -jar "$jar" clv summarize --input "$tx" --as-of 1998-06-30 --unit weeks > "$work/summary-of-tx-$rows.csv"
      java -jar "$jar" clv predict --model bgnbd --horizon 39 --input "$work/summary-of-tx-$rows.csv" > "$work/p-alive-tx-$rows.csv"
    fi
    for heap in default 512m; do
      opts=(-XX:+UseSerialGC); [ $heap = 512m ] && opts+=(-Xmx512m)
      for j in "${jars[@]}"; do
        measure "${j%%=*} $rows $job $heap" java "${opts[@]}" -jar "${j#*=}" $(args_of "$job" "$tx")
        cp "$work/out.txt" "$work/out-${j%%=*}-$rows-$job-$heap.txt"
      done
    done
  done
done
echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
