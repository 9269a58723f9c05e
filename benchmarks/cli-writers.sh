#!/usr/bin/env bash
# The commands that write a row per customer, against an earlier crm.jar: first their whole
# outputs (stdout and stderr) compared byte for byte (cmp) on the bundled data, on a small log
# whose customer ids need CSV quotes, and on TX; then interleaved timed rounds on TX, wall and CPU
# seconds (user + system) from /usr/bin/time, each job through the launcher crm-cli/bin/crm.
# Not part of the build.
#
#   BASELINE_JAR=/path/to/earlier/crm.jar benchmarks/cli-writers.sh [TX]
#
# TX: a transaction log customer_id,date,amount (default /tmp/crm-cli-bench/tx-1000000.csv, the
# 1 M-row log of benchmarks/cli-vs-python.sh). Jobs on it: clv value (BG/NBD + Gamma-Gamma, 12
# months), clv summarize, clv predict on that summary (BG/NBD, 39 weeks), rfm, lifecycle stage.
# Environment: CRM_JAR (default crm-cli/target/crm.jar), BASELINE_JAR (required), ROUNDS
# (default 3), WORK (default /tmp/crm-cli-writers). A round of the five jobs on both jars takes
# about 15 s on a quiet 2-core machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
jar=${CRM_JAR:-$root/crm-cli/target/crm.jar}
base=${BASELINE_JAR:?set BASELINE_JAR to the crm.jar to compare with}
work=${WORK:-/tmp/crm-cli-writers}
tx=${1:-/tmp/crm-cli-bench/tx-1000000.csv}
launcher=$root/crm-cli/bin/crm
data=$root/data
mkdir -p "$work"
for f in "$jar" "$base" "$tx"; do
  [ -f "$f" ] || { echo "missing: $f" >&2; exit 2; }
done
env CRM_JAR="$jar" "$launcher" --version > /dev/null   # the AppCDS archives, before the timed runs
env CRM_JAR="$base" "$launcher" --version > /dev/null

# customer ids that the CSV quoting turns on: comma, quote, leading '#', space at either end
edge=$work/edge-ids.csv
printf '%s\n' 'customer_id,date,amount' '"a,b",2026-01-05,10.00' '"a,b",2026-02-07,12.50' \
  '"say ""hi""",2026-01-09,3.00' '"#hash",2026-03-01,7.25' '"#hash",2026-04-01,8.00' \
  '"x y",2026-02-02,1.00' 'zé中,2026-01-03,4.00' 'zé中,2026-05-03,6.00' > "$edge"
printf '%s\n' 'customer_id,value,previous_value' '"a,b",10,8' '"#hash",7.5,9' '"say ""hi""",0,1' \
  'plain,3,3' > "$work/edge-values.csv"

jobs=(
  "clv summarize --input $data/cdnow-transactions.csv --as-of 1997-09-30 --unit weeks"
  "clv summarize --input $data/cdnow-transactions.csv --as-of 1997-09-30 --unit weeks --litt"
  "clv value --input $data/cdnow-transactions.csv --as-of 1997-09-30 --unit weeks"
  "clv value --input $data/cdnow-transactions.csv --as-of 1997-09-30 --unit weeks --model pareto"
  "clv value --input $data/cdnow-transactions.csv --as-of 1997-09-30 --unit days --model mbgnbd --horizon-months 36"
  "clv predict --model bgnbd --input $data/cdnow_customers_summary_with_transactions.csv --horizon 39"
  "rfm --input $data/cdnow-transactions.csv --as-of 1997-09-30"
  "rfm --input $data/lifecycle-purchases.csv --as-of 2026-06-30"
  "lifecycle stage --input $data/lifecycle-purchases.csv --as-of 2026-06-30"
  "lifecycle churn --input $data/lifecycle-purchases.csv --as-of 2026-06-30 --policy window --window-days 180"
  "value abc --input $data/customer-values.csv"
  "value pareto --input $data/customer-values.csv"
  "value deciles --input $data/customer-values.csv"
  "value portfolio --input $data/customer-values.csv"
  "tier --input $data/customer-metrics.csv --policy $data/wealth-tiers.json"
  "loyalty statement --program $data/loyalty-program.json --events $data/loyalty-events.csv --as-of 2026-12-31"
  "campaign select --plan $data/campaign.json --customers $data/campaign-customers.csv --contacts $data/campaign-contacts.csv --as-of 2026-12-01 --seed 7"
  "clv summarize --input $edge --as-of 2026-06-30"
  "rfm --input $edge --as-of 2026-06-30"
  "lifecycle stage --input $edge --as-of 2026-06-30"
  "lifecycle churn --input $edge --as-of 2026-06-30 --policy window --window-days 60"
  "value deciles --input $work/edge-values.csv"
  "value portfolio --input $work/edge-values.csv"
  "clv value --input $tx --as-of 1998-06-30 --unit weeks --model bgnbd --horizon-months 12"
  "clv summarize --input $tx --as-of 1998-06-30 --unit weeks"
  "rfm --input $tx --as-of 1998-06-30"
  "lifecycle stage --input $tx --as-of 1998-06-30"
)
echo "# outputs compared with $base"
same=0
for job in "${jobs[@]}"; do
  # shellcheck disable=SC2086
  env CRM_JAR="$base" "$launcher" $job > "$work/before.out" 2> "$work/before.err" || true
  # shellcheck disable=SC2086
  env CRM_JAR="$jar" "$launcher" $job > "$work/after.out" 2> "$work/after.err" || true
  if cmp -s "$work/before.out" "$work/after.out" && cmp -s "$work/before.err" "$work/after.err"; then
    same=$((same + 1))
    echo "same  $(wc -l < "$work/after.out") lines: crm ${job//$root\//}"
  else
    echo "DIFFERENT: crm ${job//$root\//}"
  fi
done
env CRM_JAR="$jar" "$launcher" clv summarize --input "$tx" --as-of 1998-06-30 --unit weeks > "$work/summary.csv"
predict=(clv predict --model bgnbd --horizon 39 --input "$work/summary.csv")
env CRM_JAR="$base" "$launcher" "${predict[@]}" > "$work/before.out" 2> "$work/before.err"
env CRM_JAR="$jar" "$launcher" "${predict[@]}" > "$work/after.out" 2> "$work/after.err"
if cmp -s "$work/before.out" "$work/after.out" && cmp -s "$work/before.err" "$work/after.err"; then
  same=$((same + 1)); echo "same  $(wc -l < "$work/after.out") lines: crm ${predict[*]}"
else
  echo "DIFFERENT: crm ${predict[*]}"
fi
echo "# $same of $((${#jobs[@]} + 1)) jobs byte-identical"

# one measured run: label, then the command; prints "label wall-s cpu-s"
measure() {
  local label=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$@" > /dev/null 2>&1 || { echo "$label FAILED"; return; }
  awk -v l="$label" '{printf "%-40s %6.2f %6.2f\n", l, $1, $2 + $3}' "$work/time.txt"
}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); input $tx"
echo "# job                                     wall s  cpu s"
timed=(
  "clv-value|clv value --input $tx --as-of 1998-06-30 --unit weeks --model bgnbd --horizon-months 12"
  "clv-summarize|clv summarize --input $tx --as-of 1998-06-30 --unit weeks"
  "clv-predict|clv predict --model bgnbd --horizon 39 --input $work/summary.csv"
  "rfm|rfm --input $tx --as-of 1998-06-30"
  "lifecycle-stage|lifecycle stage --input $tx --as-of 1998-06-30"
)
for ((i = 1; i <= ${ROUNDS:-3}; i++)); do
  for entry in "${timed[@]}"; do
    name=${entry%%|*}; job=${entry#*|}
    # shellcheck disable=SC2086
    measure "before $name" env CRM_JAR="$base" "$launcher" $job
    # shellcheck disable=SC2086
    measure "after  $name" env CRM_JAR="$jar" "$launcher" $job
  done
done
echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
