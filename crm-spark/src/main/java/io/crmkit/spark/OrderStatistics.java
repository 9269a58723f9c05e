package io.crmkit.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Exact order statistics of a distributed column: the value a full ascending sort would put at
 * given (0-based) ranks. The distinct values are counted and sorted (a range-partitioned sort),
 * one job counts each partition, and a second reads the few values asked for — no sample, no
 * approximation, and the driver holds one number per partition.
 */
final class OrderStatistics {

    private OrderStatistics() {
    }

    /**
     * @param values the column, finite (−0.0 is read as 0.0, as the single-JVM scores read it)
     * @param ranks the ranks wanted, each in [0, number of values)
     * @return the value at each rank, in the order of {@code ranks}
     */
    static double[] at(JavaRDD<Double> values, long[] ranks) {
        JavaPairRDD<Double, Long> sorted = values.mapToPair(v -> new Tuple2<>(v + 0.0, 1L))
                .reduceByKey(Long::sum)
                .sortByKey(true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Tuple2<Integer, Long>> counts = sorted.mapPartitionsWithIndex((index, it) -> {
                long n = 0;
                while (it.hasNext()) {
                    n += it.next()._2();
                }
                return List.of(new Tuple2<>(index, n)).iterator();
            }, true).collect();
            long[] offset = new long[sorted.getNumPartitions() + 1];
            for (Tuple2<Integer, Long> c : counts) {
                offset[c._1() + 1] = c._2();
            }
            for (int p = 0; p < offset.length - 1; p++) {
                offset[p + 1] += offset[p];
            }
            long[] wanted = ranks.clone();
            List<Tuple2<Integer, Double>> found = sorted.mapPartitionsWithIndex((index, it) -> {
                List<Tuple2<Integer, Double>> out = new ArrayList<>();
                long start = offset[index];
                long end = offset[index + 1];
                long seen = start;
                Tuple2<Double, Long> current = null;
                // ranks in this partition, in ascending order
                Integer[] order = new Integer[wanted.length];
                for (int k = 0; k < order.length; k++) {
                    order[k] = k;
                }
                Arrays.sort(order, (a, b) -> Long.compare(wanted[a], wanted[b]));
                for (int k : order) {
                    long r = wanted[k];
                    if (r < start || r >= end) {
                        continue;
                    }
                    while (current == null || seen <= r) {
                        current = it.next();
                        seen += current._2();
                    }
                    out.add(new Tuple2<>(k, current._1()));
                }
                return out.iterator();
            }, true).collect();
            double[] out = new double[ranks.length];
            boolean[] got = new boolean[ranks.length];
            for (Tuple2<Integer, Double> f : found) {
                out[f._1()] = f._2();
                got[f._1()] = true;
            }
            for (int k = 0; k < got.length; k++) {
                if (!got[k]) {
                    throw new IllegalStateException("rank " + ranks[k] + " lies outside the " + offset[offset.length - 1]
                            + " values");
                }
            }
            return out;
        } finally {
            sorted.unpersist(false);
        }
    }

    /**
     * The distinct values with their counts, ascending or descending, read on the driver one
     * partition at a time.
     */
    static Iterator<Tuple2<Double, Long>> walk(JavaRDD<Double> values, boolean ascending) {
        return values.mapToPair(v -> new Tuple2<>(v + 0.0, 1L))
                .reduceByKey(Long::sum)
                .sortByKey(ascending)
                .toLocalIterator();
    }
}
