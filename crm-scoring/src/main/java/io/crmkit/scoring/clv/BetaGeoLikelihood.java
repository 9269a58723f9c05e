package io.crmkit.scoring.clv;

import io.crmkit.scoring.internal.math.LogLikelihood;
import io.crmkit.scoring.internal.math.SpecialFunctions;
import io.crmkit.scoring.internal.math.ChunkedSum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * The weighted log-likelihood of BG/NBD (Fader, Hardie &amp; Lee 2005, eq. 6) and of MBG/NBD
 * (Batislam, Denizel &amp; Filiztekin 2007, eq. 3), with its analytic gradient in
 * θ = (r, α, a, b). Both read, per customer,
 * <pre>
 *   ℓ = A1 + A2 + ln(e^A3 + [k &gt; 0] e^A4)
 *   A1 = ln Γ(r+x) − ln Γ(r) + r ln α
 *   A2 = ln Γ(b+k) − ln Γ(b) − ln Γ(a+b+k) + ln Γ(a+b)        (= ln B(a, b+k) − ln B(a, b))
 *   A3 = −(r+x) ln(α+T)
 *   A4 = ln a − ln(b+k−1) − (r+x) ln(α+t_x)
 * </pre>
 * with k = x for BG/NBD (a customer can only drop out after a repeat purchase) and k = x + 1 for
 * MBG/NBD (also right after the first purchase).
 *
 * <p>For speed the data are prepared once: the x-only terms ln Γ(c+k) − ln Γ(c) and
 * ψ(c+k) − ψ(c) for c = r, b, a+b come from running sums over k = 0..max k per evaluation (when
 * max k is small next to the number of rows), ln(α+T) and ln(α+t<sub>x</sub>) are evaluated once
 * per distinct T and t<sub>x</sub>, and rows are ordered by t<sub>x</sub> (a stable counting sort)
 * so that those tables are read in sequence.
 *
 * <p>Kernels: a row's terms depend on θ and on its (x, t<sub>x</sub>, T) alone, never on its weight
 * or on the spend that keeps otherwise equal rows apart in {@link CustomerSummaries#compressed()}.
 * The rows' distinct (x, t<sub>x</sub>, T), the kernels, are found once, in the constructor: within
 * each run of rows of equal t<sub>x</sub> the distinct (x, T) are looked up in one small hash table
 * that serves every run (it holds a run's kernels, not the rows, so it stays in cache). Each
 * evaluation computes, per kernel, the five terms
 * <pre>
 *   ℓ<sub>0</sub>   = [ln Γ(r+x) − ln Γ(r)] + r ln α + [A2] + ln(e^A3 + [k &gt; 0] e^A4)
 *   ∂r   = [ψ(r+x) − ψ(r)] + ln α − p<sub>3</sub> ln(α+T) − p<sub>4</sub> ln(α+t<sub>x</sub>)
 *   ∂α   = r/α − (r+x) (p<sub>3</sub>/(α+T) + p<sub>4</sub>/(α+t<sub>x</sub>))
 *   ∂a   = p<sub>4</sub>/a − [ψ(a+b+k) − ψ(a+b)]
 *   ∂b   = [ψ(b+k) − ψ(b)] − [ψ(a+b+k) − ψ(a+b)] − p<sub>4</sub>/(b+k−1)
 * </pre>
 * (p<sub>4</sub> = e^A4 / (e^A3 + e^A4), p<sub>3</sub> = 1 − p<sub>4</sub>) — one exp and one
 * log each, the cost of a row before — into five arrays, in blocks of {@value #CHUNK_KERNELS}
 * kernels, on several threads from {@value #PARALLEL_KERNELS} kernels on (each block writes only
 * its own kernels' slots). The rows are then summed as before, in the same order and the same
 * chunks, each adding w times its kernel's five terms. The bits are those of the per-row sum this
 * replaced: Java evaluates {@code w * term} the same whether the term was just computed or read
 * back from an array (no fused multiply-add, no extended precision), every term is computed by the
 * same expressions from the same inputs, and the additions happen in the same order. On the 10 M
 * customers of a summary with per-customer spend (7.4 M rows after merging: only customers without
 * a repeat purchase, whose spend is 0, merge) there are 1.1 M kernels: the exp and log are paid
 * 1.1 M times an evaluation instead of 7.4 M, and a row costs a few loads and five multiply-adds
 * (one evaluation 230 ms of CPU before, 50 ms now).
 *
 * <p>Merging ({@link #compressing}, the fits' way in): the likelihood of {@code data.compressed()}
 * without building it. compressed() merges rows equal in (x, t<sub>x</sub>, T, spend, log
 * inter-purchase times) into the first of them, adding the weights in row order, and keeps its rows
 * in order of first appearance; this class then ordered them by t<sub>x</sub>, stably. Rows equal
 * in that key have equal t<sub>x</sub>, so the same rows in the same order come from ordering the
 * data's rows by t<sub>x</sub> first (stably: within a run of equal t<sub>x</sub> they stay in row
 * order) and merging within each run, in a small hash table that serves every run, adding the
 * weights in the same row order. The number of merged rows, the sum of their weights and
 * Σ weight · x are added in compressed()'s order too (a merged row's weight is kept at its first
 * row's index, which is read in row order), so a fit gets the bits it got from compressed(). On
 * those 10 M customers that takes 0.75-0.95 s of CPU against 1.3 s for compressed() and the
 * former preparation of its copy, whose 10 M-row table missed the cache on every row, and needs
 * no copy of the summaries. From {@code parallelRows} rows on, the distinct T are found beside the
 * distinct recencies, and the runs are cut into up to {@value #PREPARATION_PARTS} parts (one a
 * core) scanned side by side, in the fork-join pool the caller runs in (the common pool
 * otherwise): a run's merged rows and kernels depend on its own rows alone, so the parts laid end
 * to end, their numbers offset by the rows and kernels before them, are what one scan gives
 * ({@code thePreparationInPartsIsThePreparationInOne} in the tests compares them bit for bit).
 *
 * <p>The loop over rows allocates nothing and writes only its own locals, so that chunks of
 * {@value #CHUNK_ROWS} rows can be summed side by side by {@link ChunkedSum}, which it does from
 * {@value #PARALLEL_ROWS} rows on; the per-evaluation tables and the kernels' terms are filled
 * before the chunks start and only read by them.
 */
final class BetaGeoLikelihood implements LogLikelihood {

    /**
     * Rows per chunk of the sum ({@link ChunkedSum}): fixed, so that the result does not depend on
     * the number of threads.
     */
    static final int CHUNK_ROWS = 8192;
    /**
     * From this many (distinct) rows on the chunks are summed on several threads, by the rule of
     * {@link ChunkedSum}. A row now costs a few loads and five multiply-adds: about 2 ns of CPU (1.1 to
     * 2.5 ns measured on the 7.4 M merged rows of a 10 M-customer summary), so a chunk of 8,192 rows is
     * 10-20 µs and the rows of an evaluation reach the 2 ms where parallel sums start to pay at about
     * 1,000,000 rows. Measured 2026-11-30 ({@code KernelSumMeasurement threshold} in the tests:
     * the first 131,072 to 4,194,304 rows of that summary, the kernels' terms on one thread both
     * ways, interleaved, load average 3 on 2 cores): the whole evaluation's CPU with the rows summed
     * in parallel was 0.98-1.02 of one thread's up to 524,288 rows and 1.03-1.05 from 1,048,576 on
     * (the kernels' terms, 70-80 % of an evaluation there, dilute the rows' share); the wall-clock
     * gain could not be seen at that load. Before rows shared kernels a row cost 28 ns and this
     * threshold was 100,000 rows.
     */
    static final int PARALLEL_ROWS = 1_000_000;
    /**
     * Kernels per block when their terms are computed on several threads: each block writes its own
     * kernels' slots, so the block size does not change the result.
     */
    static final int CHUNK_KERNELS = 8192;
    /**
     * From this many kernels on their terms are computed on several threads. A kernel costs what a
     * row cost before rows shared kernels (about 28 ns, an exp and a log), so the figures of the
     * former row threshold apply: 100,000 kernels are 2.8 ms an evaluation.
     */
    static final int PARALLEL_KERNELS = 100_000;
    /**
     * At most this many parts of the runs of equal recency are merged and scanned for kernels side by
     * side when preparing {@code parallelRows} rows or more; the number does not change the result.
     */
    static final int PREPARATION_PARTS = 4;

    private final int shift;
    private final double[] ages;
    private final double[] recencies;
    // per row, ordered by recency: its weight and its kernel
    private final double[] weight;
    private final int[] kernel;
    // per kernel, the distinct (x, t_x, T) in first-appearance order of the ordered rows
    private final double[] kernelX;
    private final int[] kernelAge;
    private final int[] kernelRecency;
    private final int maxK;
    private final boolean tables;
    // work arrays, reused between evaluations (a likelihood is used by one fit at a time)
    private final double[] lnRx;
    private final double[] psiRx;
    private final double[] lnBk;
    private final double[] psiBk;
    private final double[] lnABk;
    private final double[] psiABk;
    private final double[] lnBk1;
    private final double[] invBk1;
    private final double[] lnAlphaT;
    private final double[] invAlphaT;
    private final double[] lnAlphaTx;
    private final double[] invAlphaTx;
    // per kernel and evaluation: the five per-customer terms of ℓ and ∂ℓ/∂θ
    private final double[] termValue;
    private final double[] termR;
    private final double[] termAlpha;
    private final double[] termA;
    private final double[] termB;
    private final int parallelRows;
    private final int parallelKernels;
    private final double totalWeight;
    private final double repeatPurchases;
    private double r;
    private double alpha;
    private double a;
    private double b;

    /**
     * Prepares the data.
     *
     * @param data the summaries (compressed or not)
     * @param scale multiplies every recency and T (to fit on a rescaled time axis)
     * @param modified true for MBG/NBD, false for BG/NBD
     */
    BetaGeoLikelihood(CustomerSummaries data, double scale, boolean modified) {
        this(data, scale, modified, PARALLEL_ROWS, PARALLEL_KERNELS);
    }

    /**
     * Prepares the data, summing the rows and computing the kernels on several threads from
     * {@code parallel} rows or kernels on (which does not change the result).
     */
    BetaGeoLikelihood(CustomerSummaries data, double scale, boolean modified, int parallel) {
        this(data, scale, modified, parallel, parallel);
    }

    /**
     * Prepares the data, summing the rows on several threads from {@code parallelRows} rows on and
     * computing the kernels' terms on several threads from {@code parallelKernels} kernels on
     * (neither changes the result).
     */
    BetaGeoLikelihood(CustomerSummaries data, double scale, boolean modified, int parallelRows,
            int parallelKernels) {
        this(data, scale, modified, false, parallelRows, parallelKernels, preparationParts());
    }

    /**
     * The likelihood of {@code data.compressed()}, the same bits, without building the compressed
     * summaries: rows equal in (x, t<sub>x</sub>, T, spend, log inter-purchase times) are merged
     * here, run of equal t<sub>x</sub> by run of equal t<sub>x</sub>, as the class comment says.
     * {@link #rows()}, {@link #totalWeight()} and {@link #repeatPurchases()} give what the
     * compressed summaries would.
     *
     * @param data the summaries, not empty
     * @param scale multiplies every recency and T
     * @param modified true for MBG/NBD, false for BG/NBD
     * @return the likelihood
     */
    static BetaGeoLikelihood compressing(CustomerSummaries data, double scale, boolean modified) {
        return new BetaGeoLikelihood(data, scale, modified, true, PARALLEL_ROWS, PARALLEL_KERNELS, preparationParts());
    }

    /**
     * As {@link #compressing(CustomerSummaries, double, boolean)}, preparing the rows in up to
     * {@code parts} parts side by side from {@code parallelRows} rows on (which does not change the
     * result).
     */
    static BetaGeoLikelihood compressing(CustomerSummaries data, double scale, boolean modified, int parallelRows,
            int parts) {
        return new BetaGeoLikelihood(data, scale, modified, true, parallelRows, PARALLEL_KERNELS, parts);
    }

    /** The parts the preparation splits into: one a core, at most {@value #PREPARATION_PARTS}. */
    private static int preparationParts() {
        return Math.min(PREPARATION_PARTS, Runtime.getRuntime().availableProcessors());
    }

    private BetaGeoLikelihood(CustomerSummaries data, double scale, boolean modified, boolean merge,
            int parallelRows, int parallelKernels, int preparationParts) {
        this.parallelRows = parallelRows;
        this.parallelKernels = parallelKernels;
        int n = data.size();
        this.shift = modified ? 1 : 0;
        double[] t = new double[n];
        double[] tx = new double[n];
        for (int i = 0; i < n; i++) {
            // + 0.0 turns -0.0 into 0.0, so that equal times share one table entry
            t[i] = data.age(i) * scale + 0.0;
            tx[i] = data.recency(i) * scale + 0.0;
        }
        int[] byRecency = new int[n];
        int[] byAge = new int[n];
        // the distinct T and the distinct recencies: side by side on large data
        ForkJoinTask<double[]> distinctAges = n >= parallelRows && preparationParts > 1
                ? ForkJoinTask.adapt(() -> distinct(t, byAge)).fork() : null;
        this.recencies = distinct(tx, byRecency);
        int[] runStart = runStarts(byRecency, recencies.length);
        this.ages = distinctAges != null ? distinctAges.join() : distinct(t, byAge);
        // the rows in recency order (a stable counting sort), each as two longs, the hash of
        // compressed()'s key (when merging) and the T index with the row's index in the data, and two
        // doubles, x and the weight; written row by row, then read in sequence
        long[] sortedKeys = new long[2 * n];
        double[] sortedValues = new double[2 * n];
        int[] next = Arrays.copyOf(runStart, recencies.length);
        for (int i = 0; i < n; i++) {
            int p = 2 * next[byRecency[i]]++;
            sortedKeys[p] = merge ? data.keyHash(i) : 0;
            sortedKeys[p + 1] = (long) byAge[i] << 32 | i;
            sortedValues[p] = data.frequency(i) + 0.0;
            sortedValues[p + 1] = data.weight(i);
        }
        // merging: per row of the data, the weight of the merged row it is the first of, summed in
        // row order as compressed() sums it, else 0 (weights are > 0)
        double[] firstWeight = merge ? new double[n] : new double[0];
        // the runs of equal recency are independent: each part of them is scanned on its own thread,
        // its merged rows and kernels numbered from 0, then the parts are laid end to end, which gives
        // the numbering one scan of every run gives (see RunScan)
        int parts = n >= parallelRows ? Math.max(1, Math.min(preparationParts, recencies.length)) : 1;
        RunScan[] scans = new RunScan[parts];
        int[] partRun = new int[parts + 1];
        for (int k = 1; k < parts; k++) {
            // the first run that starts at or after k / parts of the rows
            long target = (long) n * k / parts;
            int run = partRun[k - 1];
            while (run < recencies.length && runStart[run] < target) {
                run++;
            }
            partRun[k] = run;
        }
        partRun[parts] = recencies.length;
        if (parts == 1) {
            scans[0] = RunScan.of(data, merge, shift, sortedKeys, sortedValues, runStart, 0, recencies.length,
                    firstWeight, n);
        } else {
            List<ForkJoinTask<RunScan>> forks = new ArrayList<>();
            for (int k = 1; k < parts; k++) {
                int from = partRun[k];
                int to = partRun[k + 1];
                forks.add(ForkJoinTask.adapt(() -> RunScan.of(data, merge, shift, sortedKeys, sortedValues, runStart, from,
                        to, firstWeight, runStart[to] - runStart[from])).fork());
            }
            scans[0] = RunScan.of(data, merge, shift, sortedKeys, sortedValues, runStart, 0, partRun[1], firstWeight,
                    runStart[partRun[1]]);
            for (int k = 1; k < parts; k++) {
                scans[k] = forks.get(k - 1).join();
            }
        }
        int rows = 0;
        int kernels = 0;
        double max = 0;
        for (RunScan scan : scans) {
            rows += scan.rows;
            kernels += scan.kernels;
            max = Math.max(max, scan.max);
        }
        double[] w = scans[0].weight;
        int[] kernelOf = scans[0].kernelOf;
        double[] kx = scans[0].kernelX;
        int[] kt = scans[0].kernelAge;
        int[] kr = scans[0].kernelRecency;
        if (parts > 1) {
            w = new double[rows];
            kernelOf = new int[rows];
            kx = new double[kernels];
            kt = new int[kernels];
            kr = new int[kernels];
            int rowAt = 0;
            int kernelAt = 0;
            for (RunScan scan : scans) {
                System.arraycopy(scan.weight, 0, w, rowAt, scan.rows);
                for (int r = 0; r < scan.rows; r++) {
                    kernelOf[rowAt + r] = kernelAt + scan.kernelOf[r];
                }
                System.arraycopy(scan.kernelX, 0, kx, kernelAt, scan.kernels);
                System.arraycopy(scan.kernelAge, 0, kt, kernelAt, scan.kernels);
                System.arraycopy(scan.kernelRecency, 0, kr, kernelAt, scan.kernels);
                rowAt += scan.rows;
                kernelAt += scan.kernels;
            }
        }
        this.weight = w.length == rows ? w : Arrays.copyOf(w, rows);
        this.kernel = kernelOf.length == rows ? kernelOf : Arrays.copyOf(kernelOf, rows);
        // the sums over the merged rows in compressed()'s order, the order of their first rows
        double total = 0;
        double repeat = 0;
        if (merge) {
            for (int i = 0; i < n; i++) {
                if (firstWeight[i] > 0) {
                    total += firstWeight[i];
                    repeat += firstWeight[i] * (data.frequency(i) + 0.0);
                }
            }
        } else {
            for (int row = 0; row < n; row++) {
                total += data.weight(row);
                repeat += data.weight(row) * data.frequency(row);
            }
        }
        this.totalWeight = total;
        this.repeatPurchases = repeat;
        this.kernelX = kx.length == kernels ? kx : Arrays.copyOf(kx, kernels);
        this.kernelAge = kt.length == kernels ? kt : Arrays.copyOf(kt, kernels);
        this.kernelRecency = kr.length == kernels ? kr : Arrays.copyOf(kr, kernels);
        // the running-sum tables pay off (and fit in memory) only when the largest k is modest
        this.tables = max <= 4.0 * rows + 64;
        this.maxK = tables ? (int) max : 0;
        int size = tables ? maxK + 1 : 0;
        lnRx = new double[size];
        psiRx = new double[size];
        lnBk = new double[size];
        psiBk = new double[size];
        lnABk = new double[size];
        psiABk = new double[size];
        lnBk1 = new double[size];
        invBk1 = new double[size];
        lnAlphaT = new double[ages.length];
        invAlphaT = new double[ages.length];
        lnAlphaTx = new double[recencies.length];
        invAlphaTx = new double[recencies.length];
        termValue = new double[kernels];
        termR = new double[kernels];
        termAlpha = new double[kernels];
        termA = new double[kernels];
        termB = new double[kernels];
    }

    /**
     * The merged rows and kernels of the runs {@code fromRun} to {@code toRun - 1} of equal recency,
     * numbered from 0 in the order one scan of every run numbers them. A run's merged rows and
     * kernels depend on its own rows alone (its hash tables treat another run's entries as empty),
     * so the scans of consecutive parts of the runs, laid end to end with their numbers offset by
     * the rows and kernels before them, are the one scan; a part writes {@code firstWeight} only
     * at its own rows' indices.
     */
    private static final class RunScan {
        int rows;
        int kernels;
        double max;
        double[] weight;
        int[] kernelOf;
        double[] kernelX;
        int[] kernelAge;
        int[] kernelRecency;

        static RunScan of(CustomerSummaries data, boolean merge, int shift, long[] sortedKeys,
                double[] sortedValues, int[] runStart, int fromRun, int toRun, double[] firstWeight, int n) {
            double[] w = new double[n];
            int[] kernelOf = new int[n];
            int[] firstRow = merge ? new int[n] : new int[0];
            int mergeBits = 6;
            long[] mergeKeys = new long[merge ? 1 << mergeBits : 0];
            int[] mergeSlots = new int[merge ? 1 << mergeBits : 0];
            Arrays.fill(mergeSlots, -1);
            // the kernels: distinct (x, T index) within each run of equal recency index, found in a small
            // hash table that serves every run (a slot holding a kernel of an earlier run counts as empty)
            int capacity = Math.max(16, Math.min(n, 1 << 16));
            double[] kx = new double[capacity];
            int[] kt = new int[capacity];
            int[] kr = new int[capacity];
            int bits = 6;
            int[] slots = new int[1 << bits];
            Arrays.fill(slots, -1);
            int kernels = 0;
            int runFirst = 0;
            int rows = 0;
            int runFirstRow = 0;
            int ri = fromRun - 1;
            double max = 0;
            for (int j = runStart[fromRun]; j < runStart[toRun]; j++) {
                int p = 2 * j;
                double xi = sortedValues[p];
                double wi = sortedValues[p + 1];
                int ti = (int) (sortedKeys[p + 1] >>> 32);
                int i = (int) sortedKeys[p + 1];
                if (j == runStart[ri + 1]) {
                    // the next run of equal recency index (runs are not empty)
                    ri++;
                    runFirst = kernels;
                    runFirstRow = rows;
                }
                if (merge) {
                    long h = sortedKeys[p];
                    int mask = (1 << mergeBits) - 1;
                    int slot = (int) (h >>> (64 - mergeBits));
                    int found = -1;
                    while (true) {
                        int at = mergeSlots[slot];
                        if (at < runFirstRow) {
                            break;
                        }
                        if (mergeKeys[slot] == h) {
                            int f = firstRow[at];
                            if (data.sameKey(f, i)) {
                                found = at;
                                break;
                            }
                        }
                        slot = (slot + 1) & mask;
                    }
                    if (found >= 0) {
                        w[found] += wi;
                        firstWeight[firstRow[found]] += wi;
                        continue;
                    }
                    mergeSlots[slot] = rows;
                    mergeKeys[slot] = h;
                    firstWeight[i] = wi;
                    firstRow[rows] = i;
                    if (2 * (rows + 1 - runFirstRow) > mask + 1) {
                        // half full with this run's rows: twice the slots, the run's rows placed again
                        mergeBits++;
                        long[] oldKeys = mergeKeys;
                        int[] oldSlots = mergeSlots;
                        mergeKeys = new long[1 << mergeBits];
                        mergeSlots = new int[1 << mergeBits];
                        placeAgain(oldKeys, oldSlots, runFirstRow, mergeKeys, mergeSlots);
                    }
                }
                int row = rows++;
                w[row] = wi;
                max = Math.max(max, xi + shift);
                long xBits = Double.doubleToRawLongBits(xi);
                int mask = (1 << bits) - 1;
                int slot = slot(xBits, ti, bits);
                while (true) {
                    int id = slots[slot];
                    if (id < runFirst) {
                        if (kernels == kx.length) {
                            int grown = (int) Math.min(n, 2L * kernels);
                            kx = Arrays.copyOf(kx, grown);
                            kt = Arrays.copyOf(kt, grown);
                            kr = Arrays.copyOf(kr, grown);
                        }
                        kx[kernels] = xi;
                        kt[kernels] = ti;
                        kr[kernels] = ri;
                        slots[slot] = kernels;
                        kernelOf[row] = kernels++;
                        if (2 * (kernels - runFirst) > mask + 1) {
                            // half full with this run's kernels: twice the slots, the run's kernels placed again
                            bits++;
                            slots = new int[1 << bits];
                            Arrays.fill(slots, -1);
                            for (int k = runFirst; k < kernels; k++) {
                                int to = slot(Double.doubleToRawLongBits(kx[k]), kt[k], bits);
                                while (slots[to] >= 0) {
                                    to = (to + 1) & ((1 << bits) - 1);
                                }
                                slots[to] = k;
                            }
                        }
                        break;
                    }
                    if (kt[id] == ti && Double.doubleToRawLongBits(kx[id]) == xBits) {
                        kernelOf[row] = id;
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
            RunScan scan = new RunScan();
            scan.rows = rows;
            scan.kernels = kernels;
            scan.max = max;
            scan.weight = w;
            scan.kernelOf = kernelOf;
            scan.kernelX = kx;
            scan.kernelAge = kt;
            scan.kernelRecency = kr;
            return scan;
        }
    }

    /** @return the number of rows summed: the distinct rows when compressing, else every row */
    int rows() {
        return weight.length;
    }

    /** @return the sum of the weights, added in the order of {@link CustomerSummaries#compressed()}'s rows */
    double totalWeight() {
        return totalWeight;
    }

    /** @return Σ weight · x, added in the order of {@link CustomerSummaries#compressed()}'s rows */
    double repeatPurchases() {
        return repeatPurchases;
    }

    /** The hash slot of the kernel key (x's bits, T index) in a table of 2^bits slots. */
    private static int slot(long xBits, int ageIndex, int bits) {
        long h = (xBits ^ (ageIndex * 0x9E3779B97F4A7C15L)) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h >>> (64 - bits));
    }

    /** The number of kernels: distinct (x, t<sub>x</sub>, T) among the rows. */
    int kernels() {
        return termValue.length;
    }

    /**
     * One customer's log-likelihood at θ = (r, α, a, b), with its gradient in θ: the formula of the
     * class comment without the tables, for models whose θ differs per customer (static covariates).
     *
     * @param theta r, α, a, b, each &gt; 0
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @param modified true for MBG/NBD
     * @param gradient receives ∂ℓ/∂θ
     * @return ℓ
     */
    static double customer(double[] theta, double x, double tx, double age, boolean modified, double[] gradient) {
        double r = theta[0];
        double alpha = theta[1];
        double a = theta[2];
        double b = theta[3];
        double ab = a + b;
        double k = x + (modified ? 1 : 0);
        double lnAlphaT = Math.log(alpha + age);
        double lnAlphaTx = Math.log(alpha + tx);
        double rx = r + x;
        double a3 = -rx * lnAlphaT;
        double mix;
        double p4;
        if (k > 0) {
            double a4 = Math.log(a) - Math.log(b + (k - 1)) - rx * lnAlphaTx;
            double d = a4 - a3;
            double e = Math.exp(-Math.abs(d));
            mix = Math.max(a3, a4) + Math.log1p(e);
            p4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
        } else {
            mix = a3;
            p4 = 0;
        }
        double p3 = 1 - p4;
        double dAB = SpecialFunctions.digamma(ab + k) - SpecialFunctions.digamma(ab);
        gradient[0] = SpecialFunctions.digamma(rx) - SpecialFunctions.digamma(r) + Math.log(alpha) - p3 * lnAlphaT
                - p4 * lnAlphaTx;
        gradient[1] = r / alpha - rx * (p3 / (alpha + age) + p4 / (alpha + tx));
        gradient[2] = p4 / a - dAB;
        gradient[3] = SpecialFunctions.digamma(b + k) - SpecialFunctions.digamma(b) - dAB
                - (k > 0 ? p4 / (b + (k - 1)) : 0);
        return SpecialFunctions.logGammaRatio(r, x) + r * Math.log(alpha) + SpecialFunctions.logGammaRatio(b, k)
                - SpecialFunctions.logGammaRatio(ab, k) + mix;
    }

    /** The sorted distinct values of {@code values}. */
    static double[] distinct(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[count - 1]) {
                sorted[count++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, count);
    }

    /**
     * The sorted distinct values of {@code values} (no NaN; no -0.0), as {@link #distinct(double[])}
     * gives them, with the position of each value among them written to {@code index}: the same
     * result as sorting every value and searching each, found by hashing the values' bits, since
     * the distinct values (times on a grid of days) are few next to the rows.
     */
    static double[] distinct(double[] values, int[] index) {
        int n = values.length;
        int bits = 10;
        long[] keys = new long[1 << bits];
        int[] ids = new int[1 << bits];
        Arrays.fill(ids, -1);
        double[] seen = new double[64];
        int count = 0;
        for (int i = 0; i < n; i++) {
            // the value's bits, mixed: a bijection, so equal keys are equal values, and the top bits are the slot
            long key = Double.doubleToRawLongBits(values[i]) * 0x9E3779B97F4A7C15L;
            int mask = (1 << bits) - 1;
            int slot = (int) (key >>> (64 - bits));
            while (ids[slot] >= 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (ids[slot] >= 0) {
                index[i] = ids[slot];
                continue;
            }
            if (count == seen.length) {
                seen = Arrays.copyOf(seen, count * 2);
            }
            seen[count] = values[i];
            keys[slot] = key;
            ids[slot] = count;
            index[i] = count++;
            if (2 * count > mask + 1) {
                // half full: twice the slots, every key placed again
                bits++;
                long[] oldKeys = keys;
                int[] oldIds = ids;
                keys = new long[1 << bits];
                ids = new int[1 << bits];
                placeAgain(oldKeys, oldIds, 0, keys, ids);
            }
        }
        // the distinct values in ascending order, and each one's rank
        double[] sorted = Arrays.copyOf(seen, count);
        Arrays.sort(sorted);
        int[] rank = new int[count];
        for (int k = 0; k < count; k++) {
            rank[k] = Arrays.binarySearch(sorted, seen[k]);
        }
        for (int i = 0; i < n; i++) {
            index[i] = rank[index[i]];
        }
        return sorted;
    }

    /**
     * Fills an emptied linear-probing table ({@code keys}, {@code ids}: 2<sup>bits</sup> slots,
     * each key's home the top {@code bits} bits of the key, -1 a free slot) with the entries of
     * the old one whose id is {@code first} or more: the grow step of the tables of
     * {@link #distinct(double[], int[])} and of the merging of rows.
     */
    private static void placeAgain(long[] oldKeys, int[] oldIds, int first, long[] keys, int[] ids) {
        int bits = Integer.numberOfTrailingZeros(ids.length);
        int mask = ids.length - 1;
        Arrays.fill(ids, -1);
        for (int s = 0; s < oldIds.length; s++) {
            if (oldIds[s] >= first) {
                int to = (int) (oldKeys[s] >>> (64 - bits));
                while (ids[to] >= 0) {
                    to = (to + 1) & mask;
                }
                ids[to] = oldIds[s];
                keys[to] = oldKeys[s];
            }
        }
    }

    /** Where each key's run begins in key order (keys + 1 entries, the last the number of rows). */
    private static int[] runStarts(int[] key, int keys) {
        int[] start = new int[keys + 1];
        for (int k : key) {
            start[k + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        return start;
    }

    /** Fills table[k] = ln Γ(c+k) − ln Γ(c) and psi[k] = ψ(c+k) − ψ(c) for k = 0..maxK. */
    private void runningSums(double c, double[] table, double[] psi) {
        double ln = 0;
        double inv = 0;
        table[0] = 0;
        psi[0] = 0;
        for (int k = 1; k <= maxK; k++) {
            double ck = c + k - 1;
            ln += Math.log(ck);
            inv += 1.0 / ck;
            table[k] = ln;
            psi[k] = inv;
        }
    }

    @Override
    public double evaluate(double[] params, double[] gradient) {
        r = params[0];
        alpha = params[1];
        a = params[2];
        b = params[3];
        if (tables) {
            runningSums(r, lnRx, psiRx);
            runningSums(b, lnBk, psiBk);
            runningSums(a + b, lnABk, psiABk);
            for (int k = 1; k <= maxK; k++) {
                lnBk1[k] = Math.log(b + (k - 1));
                invBk1[k] = 1.0 / (b + (k - 1));
            }
        }
        for (int j = 0; j < ages.length; j++) {
            lnAlphaT[j] = Math.log(alpha + ages[j]);
            invAlphaT[j] = 1.0 / (alpha + ages[j]);
        }
        for (int j = 0; j < recencies.length; j++) {
            lnAlphaTx[j] = Math.log(alpha + recencies[j]);
            invAlphaTx[j] = 1.0 / (alpha + recencies[j]);
        }
        int kernels = termValue.length;
        int chunks = (kernels + CHUNK_KERNELS - 1) / CHUNK_KERNELS;
        if (kernels >= parallelKernels && chunks > 1) {
            IntStream.range(0, chunks).parallel()
                    .forEach(c -> terms(c * CHUNK_KERNELS, Math.min(kernels, (c + 1) * CHUNK_KERNELS)));
        } else {
            terms(0, kernels);
        }
        return ChunkedSum.sum(weight.length, CHUNK_ROWS, parallelRows, gradient, this::rows);
    }

    /**
     * Writes the five terms of the kernels [from, to) for the current θ: each kernel's own slots,
     * so that ranges can be filled side by side.
     */
    private void terms(int from, int to) {
        double r = this.r;
        double alpha = this.alpha;
        double a = this.a;
        double b = this.b;
        double ab = a + b;
        double lnAlpha = Math.log(alpha);
        double lnA = Math.log(a);
        double invA = 1 / a;
        double psiR = tables ? 0 : SpecialFunctions.digamma(r);
        double psiB = tables ? 0 : SpecialFunctions.digamma(b);
        double psiAB = tables ? 0 : SpecialFunctions.digamma(ab);
        for (int i = from; i < to; i++) {
            double xi = kernelX[i];
            double k = xi + shift;
            int ix = tables ? (int) xi : 0;
            int ik = tables ? ix + shift : 0;
            double gammaR;
            double dR;
            double betaTerm;
            double dB;
            double dAB;
            double lnBk1i;
            double invBk1i;
            if (tables) {
                gammaR = lnRx[ix];
                dR = psiRx[ix];
                betaTerm = lnBk[ik] - lnABk[ik];
                dB = psiBk[ik];
                dAB = psiABk[ik];
                lnBk1i = lnBk1[ik];
                invBk1i = invBk1[ik];
            } else {
                gammaR = SpecialFunctions.logGammaRatio(r, xi);
                dR = SpecialFunctions.digamma(r + xi) - psiR;
                betaTerm = SpecialFunctions.logGammaRatio(b, k) - SpecialFunctions.logGammaRatio(ab, k);
                dB = SpecialFunctions.digamma(b + k) - psiB;
                dAB = SpecialFunctions.digamma(ab + k) - psiAB;
                lnBk1i = k > 0 ? Math.log(b + (k - 1)) : 0;
                invBk1i = k > 0 ? 1 / (b + (k - 1)) : 0;
            }
            double rx = r + xi;
            int ti = kernelAge[i];
            int ri = kernelRecency[i];
            double a3 = -rx * lnAlphaT[ti];
            double mix;
            double p4;
            if (k > 0) {
                double a4 = lnA - lnBk1i - rx * lnAlphaTx[ri];
                double d = a4 - a3;
                // ln(e^a3 + e^a4) around the larger; 1 + e is in (1, 2], where log is as good as log1p
                if (d > 0) {
                    double e = Math.exp(-d);
                    mix = a4 + Math.log(1 + e);
                    p4 = 1 / (1 + e);
                } else {
                    double e = Math.exp(d);
                    mix = a3 + Math.log(1 + e);
                    p4 = e / (1 + e);
                }
            } else {
                mix = a3;
                p4 = 0;
            }
            double p3 = 1 - p4;
            termValue[i] = gammaR + r * lnAlpha + betaTerm + mix;
            termR[i] = dR + lnAlpha - p3 * lnAlphaT[ti] - p4 * lnAlphaTx[ri];
            termAlpha[i] = r / alpha - rx * (p3 * invAlphaT[ti] + p4 * invAlphaTx[ri]);
            termA[i] = p4 * invA - dAB;
            termB[i] = dB - dAB - p4 * invBk1i;
        }
    }

    /**
     * Sums the rows [from, to): returns ℓ, and out receives (∂r, ∂α, ∂a, ∂b). Each row adds its weight
     * times its kernel's terms, in row order.
     */
    private double rows(int from, int to, double[] out) {
        double[] value = termValue;
        double[] dr = termR;
        double[] dalpha = termAlpha;
        double[] da = termA;
        double[] db = termB;
        double ll = 0;
        double gr = 0;
        double galpha = 0;
        double ga = 0;
        double gb = 0;
        for (int i = from; i < to; i++) {
            int k = kernel[i];
            double w = weight[i];
            ll += w * value[k];
            gr += w * dr[k];
            galpha += w * dalpha[k];
            ga += w * da[k];
            gb += w * db[k];
        }
        out[0] = gr;
        out[1] = galpha;
        out[2] = ga;
        out[3] = gb;
        return ll;
    }
}
