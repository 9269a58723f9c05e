package io.crmkit.scoring.internal.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChunkedSumTest {

    private static final double TWO_TO_53 = 9007199254740992.0;

    /** Row i contributes value v_i and gradient (v_i, i·v_i), v_i of very different magnitudes. */
    private static ChunkedSum.Chunk rows() {
        return (from, to, gradient) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                double v = value(i);
                sum += v;
                gradient[0] += v;
                gradient[1] += i * v;
            }
            return sum;
        };
    }

    private static double value(int i) {
        return Math.sin(i) * Math.exp((i * 7919L % 61) - 30);
    }

    private static long[] bits(int rows, int chunkRows, int parallelRows) {
        double[] gradient = {Double.NaN, 42};
        double value = ChunkedSum.sum(rows, chunkRows, parallelRows, gradient, rows());
        return new long[] {Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(gradient[0]),
            Double.doubleToRawLongBits(gradient[1])};
    }

    private static <T> T in(ForkJoinPool pool, Supplier<T> work) {
        try {
            return pool.submit(work::get).join();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void chunksAreSummedSeparatelyThenAddedInChunkOrder() {
        // rows 2^53, 1, 1, 1 in chunks of two: (2^53 + 1) rounds to 2^53 (ties to even), (1 + 1) = 2, and
        // 2^53 + 2 is exact; summed row by row, every + 1 would round away and leave 2^53
        double[] rows = {TWO_TO_53, 1, 1, 1};
        ChunkedSum.Chunk chunk = (from, to, gradient) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += rows[i];
                gradient[0] += rows[i];
            }
            return sum;
        };
        for (int parallelRows : new int[] {0, Integer.MAX_VALUE}) {
            double[] gradient = new double[1];
            assertEquals(TWO_TO_53 + 2, ChunkedSum.sum(4, 2, parallelRows, gradient, chunk));
            assertEquals(TWO_TO_53 + 2, gradient[0]);
        }
        double[] gradient = new double[1];
        assertEquals(TWO_TO_53, ChunkedSum.sum(4, 4, 0, gradient, chunk));
    }

    @Test
    void theResultIsTheSameBitsOnOneThreadAndOnEveryPool() {
        int rows = 200_000;
        long[] sequential = bits(rows, 1000, Integer.MAX_VALUE);
        assertEquals(Arrays.toString(sequential), Arrays.toString(bits(rows, 1000, 0)));
        for (int threads : new int[] {1, 2, 3, 7}) {
            long[] pooled = in(new ForkJoinPool(threads), () -> bits(rows, 1000, 0));
            assertEquals(Arrays.toString(sequential), Arrays.toString(pooled),
                    threads + " threads");
        }
    }

    @Test
    void aOneThreadPoolSumsEveryChunkOnItsOwnThread() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ChunkedSum.Chunk chunk = (from, to, gradient) -> {
            threads.add(Thread.currentThread());
            return to - from;
        };
        double sum = in(new ForkJoinPool(1), () -> ChunkedSum.sum(100_000, 100, 0, new double[0], chunk));
        assertEquals(100_000, sum);
        assertEquals(1, threads.size(), threads.toString());
    }

    @Test
    void noRowsSumToZero() {
        double[] gradient = {3, 4};
        assertEquals(0, ChunkedSum.sum(0, 10, 0, gradient, rows()));
        assertEquals(0, gradient[0]);
        assertEquals(0, gradient[1]);
    }

    @Test
    void aChunkSizeBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChunkedSum.sum(10, 0, 0, new double[1], rows()));
        assertEquals("chunkRows 0 must be > 0 and rows 10 >= 0", e.getMessage());
    }

    @Property(tries = 200)
    void theThresholdAndTheThreadsNeverChangeTheBits(@ForAll @IntRange(min = 0, max = 20_000) int rows,
            @ForAll @IntRange(min = 1, max = 3000) int chunkRows) {
        long[] sequential = bits(rows, chunkRows, Integer.MAX_VALUE);
        assertEquals(Arrays.toString(sequential), Arrays.toString(bits(rows, chunkRows, 0)));
    }

    @Property(tries = 100)
    void everyRowIsSummedExactlyOnce(@ForAll @IntRange(min = 0, max = 20_000) int rows,
            @ForAll @IntRange(min = 1, max = 3000) int chunkRows) {
        // each row contributes 1 and its index: whole numbers below 2^53, so the sums are exact
        double[] gradient = new double[1];
        double count = ChunkedSum.sum(rows, chunkRows, 0, gradient, (from, to, g) -> {
            for (int i = from; i < to; i++) {
                g[0] += i;
            }
            return to - from;
        });
        assertEquals(rows, count);
        assertEquals(rows * (rows - 1L) / 2.0, gradient[0]);
    }
}
