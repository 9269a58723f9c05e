#!/usr/bin/env bash
# Times the crm command line against the same jobs done the usual way in Python (lifetimes and
# pandas), interleaved in one run, with peak memory from /usr/bin/time -v. Not part of the build.
#
#   benchmarks/cli-vs-python.sh [ROWS...]        default: 1000000 10000000
#
# Jobs: the three-step pipeline (crm clv summarize | fit | predict, three JVMs; once as written, predict
# fitting again, and once with fit --save model.json and predict --model-file model.json) and the one-step
# crm clv value (summary, BG/NBD, Gamma-Gamma, 12-month CLV in one JVM) against lifetimes; crm rfm
# against pandas.
# Environment: CRM_JAR (default crm-cli/target/crm.jar), BASELINE_JAR (an earlier crm.jar, used
# when no Python with lifetimes is available, or in addition; its pipeline runs with java -jar and through the launcher), ROUNDS (default 3 for up to
# 1 M rows, 1 above), WORK (default /tmp/crm-cli-bench), PYTHON (a command running a Python with
# pandas and lifetimes; default: python3 on the PATH, if it has both).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jar=${CRM_JAR:-$root/crm-cli/target/crm.jar}
work=${WORK:-/tmp/crm-cli-bench}
mkdir -p "$work"
[ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package ($jar missing)" >&2; exit 2; }
PYTHON=${PYTHON:-python3}
if ! env $PYTHON -c "import lifetimes, pandas" 2>/dev/null; then PYTHON=; fi
as_of=1998-06-30
launcher=$root/crm-cli/bin/crm   # AppCDS archive (made on its first run, before the timed runs) and the serial GC
env CRM_JAR="$jar" "$launcher" --version > /dev/null
[ -z "${BASELINE_JAR:-}" ] || env CRM_JAR="$BASELINE_JAR" "$launcher" --version > /dev/null
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)

# one measured run: label, then the command; prints "label seconds cpu-seconds peak-MiB"
measure() {
  local label=$1; shift
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt" || { echo "$label FAILED: $(head -c 300 "$work/err.txt" | tr "\n" " ")"; return; }
  awk -v l="$label" -F': ' '/Elapsed \(wall/ {n=split($2,a,":"); s=(n==3?a[1]*3600+a[2]*60+a[3]:a[1]*60+a[2])}
       /User time/ {u=$2} /System time/ {y=$2} /Maximum resident/ {m=$2/1024}
       END {printf "%s %.2f %.2f %.0f\n", l, s, u+y, m}' "$work/time.txt"
}

# the crm pipeline: summarize, fit, predict as three processes; times add up, memory is the peak.
# $2 is the command that runs crm: "java -jar JAR" or the launcher crm-cli/bin/crm; $4 "saved" makes fit
# save the model (--save model.json) and predict read it (--model-file model.json) instead of fitting again,
# as the README shows an analyst
crm_pipeline() {
  local label=$1 crm=$2 tx=$3 saved=${4:-}
  local a b c
  a=$(measure x $crm clv summarize --input "$tx" --as-of $as_of --unit weeks); cp "$work/out.txt" "$work/summary.csv"
  if [ "$saved" = saved ]; then
    rm -f "$work/model.json"
    b=$(measure x $crm clv fit --model bgnbd --input "$work/summary.csv" --unit weeks --save "$work/model.json")
    c=$(measure x $crm clv predict --model-file "$work/model.json" --horizon 39 --input "$work/summary.csv")
  else
    b=$(measure x $crm clv fit --model bgnbd --input "$work/summary.csv")
    c=$(measure x $crm clv predict --model bgnbd --horizon 39 --input "$work/summary.csv")
  fi
  echo "$a;$b;$c" | awk -v l="$label" -F';' '{split($1,x," "); split($2,y," "); split($3,z," ");
    if (x[2]=="FAILED:"||y[2]=="FAILED:"||z[2]=="FAILED:") {print l " FAILED: " $0; exit}
    m=x[4]; if (y[4]>m) m=y[4]; if (z[4]>m) m=z[4];
    printf "%s %.2f %.2f %.0f (summarize %.2f, fit %.2f, predict %.2f s)\n", l, x[2]+y[2]+z[2], x[3]+y[3]+z[3], m, x[2], y[2], z[2]}'
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${PYTHON:-}" ]; then
  python_version=$(env $PYTHON -c 'import sys, pandas, lifetimes; print(sys.version.split()[0], "pandas", pandas.__version__, "lifetimes", lifetimes.__version__)')
else
  python_version="none (comparing with BASELINE_JAR only)"
fi
echo "# java: $(java -version 2>&1 | head -1); python: $python_version"
echo "# columns: job, wall seconds, cpu seconds (user+sys), peak RSS MiB"
for rows in "${sizes[@]}"; do
  tx="$work/tx-$rows.csv"
  [ -f "$tx" ] || java "$here/cli/TransactionLogGenerator.java" "$rows" "$tx" >&2
  rounds=${ROUNDS:-$([ "$rows" -le 1000000 ] && echo 3 || echo 1)}
  echo "## $rows transactions, $rounds interleaved rounds"
  for ((i = 1; i <= rounds; i++)); do
    crm_pipeline "crm-pipeline" "java -jar $jar" "$tx"
    crm_pipeline "crm-launcher-pipeline" "env CRM_JAR=$jar $launcher" "$tx"
    # the same with the model saved by fit and read by predict: one fit instead of two
    crm_pipeline "crm-launcher-pipeline-saved-model" "env CRM_JAR=$jar $launcher" "$tx" saved
    [ -n "${PYTHON:-}" ] && measure "python-pipeline" env $PYTHON "$here/cli/python_pipeline.py" "$tx" $as_of 39 "$work/py-predict.csv"
    [ -n "${BASELINE_JAR:-}" ] && crm_pipeline "baseline-pipeline" "java -jar $BASELINE_JAR" "$tx"
    [ -n "${BASELINE_JAR:-}" ] && crm_pipeline "baseline-launcher-pipeline" "env CRM_JAR=$BASELINE_JAR $launcher" "$tx"
    # the one-step path: crm clv value reads the log once, fits BG/NBD and Gamma-Gamma, prints the CLV table
    measure "crm-launcher-value" env CRM_JAR="$jar" $launcher clv value --input "$tx" --as-of $as_of --unit weeks \
      --model bgnbd --horizon-months 12
    [ -n "${PYTHON:-}" ] && measure "python-value" env $PYTHON "$here/cli/python_value.py" "$tx" $as_of "$work/py-value.csv"
    measure "crm-rfm" java -jar "$jar" rfm --input "$tx" --as-of $as_of
    measure "crm-launcher-rfm" env CRM_JAR="$jar" $launcher rfm --input "$tx" --as-of $as_of
    [ -n "${PYTHON:-}" ] && measure "pandas-rfm" env $PYTHON "$here/cli/python_rfm.py" "$tx" $as_of "$work/py-rfm.csv"
    [ -n "${BASELINE_JAR:-}" ] && measure "baseline-rfm" java -jar "$BASELINE_JAR" rfm --input "$tx" --as-of $as_of
    true
  done
done
