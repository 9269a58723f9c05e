package io.crmkit.scoring.internal.math;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A weighted log-likelihood and its gradient summed over the rows of a data set in fixed chunks,
 * on several threads when there are enough rows, with a result that does not depend on the number
 * of threads or on their schedule: the same bits on one core as on many.
 *
 * <p>The rows [0, n) are cut into chunks of {@code chunkRows} consecutive rows (the last one
 * shorter); the boundaries depend on n and {@code chunkRows} alone. Each chunk is summed on its own,
 * from zero, in row order, into its own value and gradient; the chunks' sums are then added in
 * chunk order on the calling thread. Floating-point addition is not associative, so this fixed
 * grouping is what makes the result reproducible: whether the chunks run one after the other on
 * the calling thread (below {@code parallelRows} rows, where the threads would not pay for
 * themselves) or side by side, the same numbers are added in the same order.
 *
 * <p>Where it pays: each likelihood sets its chunk to about 0.25-1 ms of one core's work and sums
 * in parallel from the row count where one evaluation costs about 2 ms of CPU or more and the
 * parallel sums' extra CPU (handing chunks to the other threads, joining them) has fallen to a few
 * per cent of the work; each threshold's Javadoc gives its figures. The wall-clock gain could not
 * be measured on the loaded machine where the thresholds were set (load average 13-20 on 2 cores:
 * a second thread only takes a larger share of a saturated machine, and the interleaved
 * parallel/sequential wall ratios scattered between 0.5 and 2 at every size); the benchmarks'
 * README gives the commands that measure it on a quiet machine.
 *
 * <p>Threads: from {@code parallelRows} rows the chunks run as fork-join tasks (a parallel stream)
 * on the pool of the calling thread when it is a fork-join worker, otherwise on the common pool.
 * A caller that wants to bound or choose the threads runs the fit inside its own pool, e.g.
 * {@code new ForkJoinPool(1).submit(() -> BetaGeoModel.fit(data)).join()} for one thread; the
 * result is bit-identical either way.
 *
 * <p>Thread safety of the rows: a {@link Chunk} is called from several threads at once on disjoint
 * row ranges, so it may read shared data and per-evaluation tables written before
 * {@link #sum} (fork-join tasks see what the caller wrote before forking), but any scratch array
 * it writes must be its own: allocated inside {@link Chunk#sum}, once per chunk.
 */
public final class ChunkedSum {

    private ChunkedSum() {
    }

    /** The sum over one chunk of rows. */
    @FunctionalInterface
    public interface Chunk {

        /**
         * Sums the weighted log-likelihood and its gradient over rows [from, to), in row order.
         * Called concurrently for disjoint ranges: scratch arrays must be allocated here, not shared.
         *
         * @param from the first row
         * @param to one past the last row, &gt; from
         * @param gradient zero on entry, of the gradient's length; receives the chunk's gradient sum
         * @return the chunk's weighted log-likelihood sum
         */
        double sum(int from, int to, double[] gradient);
    }

    /**
     * Sums rows [0, rows) chunk by chunk, as the class comment says.
     *
     * @param rows the number of rows n, &ge; 0
     * @param chunkRows rows per chunk, &gt; 0; fixes the grouping of the additions, hence the result
     * @param parallelRows from this many rows on the chunks run on several threads; does not change
     *     the result
     * @param gradient receives the gradient, summed over chunks in order; its length is the number of
     *     parameters
     * @param chunk the sum over one chunk
     * @return the log-likelihood, summed over chunks in order
     */
    public static double sum(int rows, int chunkRows, int parallelRows, double[] gradient, Chunk chunk) {
        if (chunkRows <= 0 || rows < 0) {
            throw new IllegalArgumentException("chunkRows " + chunkRows + " must be > 0 and rows " + rows
                    + " >= 0");
        }
        int k = gradient.length;
        int chunks = (int) ((rows + (long) chunkRows - 1) / chunkRows);
        double[] values = new double[chunks];
        double[][] gradients = new double[chunks][];
        if (rows >= parallelRows && chunks > 1) {
            IntStream.range(0, chunks).parallel().forEach(c -> run(c, rows, chunkRows, k, chunk, values, gradients));
        } else {
            for (int c = 0; c < chunks; c++) {
                run(c, rows, chunkRows, k, chunk, values, gradients);
            }
        }
        Arrays.fill(gradient, 0.0);
        double value = 0;
        for (int c = 0; c < chunks; c++) {
            value += values[c];
            double[] g = gradients[c];
            for (int j = 0; j < k; j++) {
                gradient[j] += g[j];
            }
        }
        return value;
    }

    private static void run(int c, int rows, int chunkRows, int k, Chunk chunk, double[] values,
            double[][] gradients) {
        int from = c * chunkRows;
        int to = (int) Math.min(rows, (long) from + chunkRows);
        double[] g = new double[k];
        values[c] = chunk.sum(from, to, g);
        gradients[c] = g;
    }
}
