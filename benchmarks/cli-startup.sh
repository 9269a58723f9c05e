#!/usr/bin/env bash
# Start-up of the crm command line: a crm.jar against an earlier one, interleaved in one run, each
# through the launcher crm-cli/bin/crm (archive and JIT choice of this checkout; with BASELINE_LAUNCHER
# the baseline jar runs through that launcher instead, e.g. the launcher of the baseline's checkout)
# and with plain java -jar. Not part of the build.
#
#   benchmarks/cli-startup.sh BASELINE_JAR [ROUNDS]        ROUNDS default 10
#
# Jobs: crm --version; crm clv fit --model bgnbd on the bundled CDNOW summary; crm rfm on the
# bundled CDNOW log (2,357 customers); crm tier on the bundled metrics and policy; crm --help (the
# whole command tree); the number of classes each of --version and clv fit loads (-Xlog:class+load,
# java -jar) and how many of clv fit's the launcher's archive lacks; if TX names a transaction log (e.g. the 1 M-row
# log benchmarks/cli-vs-python.sh writes, /tmp/crm-cli-bench/tx-1000000.csv), the three-step
# pipeline summarize (as of 1998-06-30, weeks) -> fit -> predict (39 weeks) through the launchers,
# PIPELINE_ROUNDS times (default 3). Prints the median wall and CPU seconds (user + system) of each.
# Environment: CRM_JAR (default crm-cli/target/crm.jar), WORK (default /tmp/crm-startup-bench; the
# launchers' archives are made there, in WORK/cache, on a first untimed run).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 BASELINE_JAR [ROUNDS]" >&2; exit 2; }
base=$1
rounds=${2:-10}
jar=${CRM_JAR:-$root/crm-cli/target/crm.jar}
launcher=$root/crm-cli/bin/crm
base_launcher=${BASELINE_LAUNCHER:-$launcher}
work=${WORK:-/tmp/crm-startup-bench}
summary=$root/data/cdnow_customers_summary_with_transactions.csv
log=$root/data/cdnow-transactions.csv
mkdir -p "$work"
export XDG_CACHE_HOME=$work/cache
times=$work/times.txt
: > "$times"
# copies, so that a rebuild during the run changes nothing
cp "$base" "$work/before.jar"
cp "$jar" "$work/after.jar"
run() { # label jar launcher args...
  local label=$1 j=$2 l=$3; shift 3
  /usr/bin/time -f "$label %e %U %S" -a -o "$times" env CRM_JAR="$j" "$l" "$@" > "$work/last.out" 2> /dev/null || true
}
runjar() { # label jar args...
  local label=$1 j=$2; shift 2
  /usr/bin/time -f "$label %e %U %S" -a -o "$times" java -XX:+UseSerialGC -jar "$j" "$@" > /dev/null 2>&1 || true
}
# the archives, untimed (made once per jar; the time it takes is printed)
for side in before after; do
  l=$launcher; [ $side = before ] && l=$base_launcher
  /usr/bin/time -f "$side: archive made in %e s wall, %U+%S s CPU (once per jar)" env CRM_JAR="$work/$side.jar" "$l" --version > /dev/null
  env CRM_JAR="$work/$side.jar" JAVA_OPTS="-Xlog:class+load:file=$work/classes.txt" "$l" clv fit --model bgnbd \
      --input "$summary" > /dev/null 2>&1 || true
  echo "$side fit: $(grep -vc 'shared objects file' "$work/classes.txt") classes loaded outside the launcher's archive"
done
for side in before after; do
  for job in version fit; do
    if [ $job = version ]; then args=(--version); else args=(clv fit --model bgnbd --input "$summary"); fi
    java -Xlog:class+load:file="$work/classes.txt" -jar "$work/$side.jar" "${args[@]}" > /dev/null 2>&1 || true
    echo "$side $job: $(wc -l < "$work/classes.txt") classes loaded (java -jar)"
  done
done
for ((i = 0; i < rounds; i++)); do
  for side in before after; do
    l=$launcher; [ $side = before ] && l=$base_launcher
    run "$side launcher --version" "$work/$side.jar" "$l" --version
    runjar "$side java-jar --version" "$work/$side.jar" --version
    run "$side launcher fit-cdnow" "$work/$side.jar" "$l" clv fit --model bgnbd --input "$summary"
    runjar "$side java-jar fit-cdnow" "$work/$side.jar" clv fit --model bgnbd --input "$summary"
    run "$side launcher rfm-cdnow" "$work/$side.jar" "$l" rfm --input "$log" --as-of 1998-06-30
    run "$side launcher tier" "$work/$side.jar" "$l" tier --policy "$root/data/wealth-tiers.json" \
        --input "$root/data/customer-metrics.csv"
    run "$side launcher help" "$work/$side.jar" "$l" --help
  done
done
if [ -n "${TX:-}" ]; then
  for ((i = 0; i < ${PIPELINE_ROUNDS:-3}; i++)); do
    for side in before after; do
      l=$launcher; [ $side = before ] && l=$base_launcher
      run "$side launcher summarize-tx" "$work/$side.jar" "$l" clv summarize --input "$TX" --as-of 1998-06-30 --unit weeks
      cp "$work/last.out" "$work/summary.csv"
      run "$side launcher fit-tx" "$work/$side.jar" "$l" clv fit --model bgnbd --input "$work/summary.csv"
      run "$side launcher predict-tx" "$work/$side.jar" "$l" clv predict --model bgnbd --input "$work/summary.csv" --horizon 39
    done
  done
fi
python3 - "$times" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) == 6:
        runs.setdefault((p[1], p[2], p[0]), []).append((float(p[3]), float(p[4]) + float(p[5])))
for (how, job, side), v in sorted(runs.items()):
    print("%-9s %-14s %-7s wall %6.3f s  cpu %6.3f s  (median of %d)" % (how, job, side,
          statistics.median(x[0] for x in v), statistics.median(x[1] for x in v), len(v)))
PY
uptime
