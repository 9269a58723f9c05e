package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The distinct times of the BG/NBD likelihood found by hashing give what sorting every value and
 * searching each gave: the same sorted values and, per row, the same position.
 */
class DistinctTimesTest {

    @Property(tries = 300)
    void hashingGivesTheSortedValuesAndPositionsOfSortingAndSearching(
            @ForAll @IntRange(min = 0, max = 20_000) int rows, @ForAll @IntRange(min = 1, max = 5_000) int grid,
            @ForAll @IntRange(min = 0, max = 2) int kind, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = switch (kind) {
                // days on a grid, in weeks, as summaries carry them
                case 0 -> random.nextInt(grid) / 7.0;
                // a few values far apart, zero among them
                case 1 -> random.nextInt(grid) == 0 ? 0.0 : Math.scalb(1.0 + random.nextInt(grid), random.nextInt(-60, 60));
                // nearly every value different
                default -> random.nextDouble() * grid;
            };
        }
        int[] index = new int[rows];
        double[] distinct = BetaGeoLikelihood.distinct(values, index);
        double[] expected = BetaGeoLikelihood.distinct(values);
        assertArrayEquals(expected, distinct);
        for (int i = 0; i < rows; i++) {
            assertEquals(Arrays.binarySearch(expected, values[i]), index[i], "row " + i);
        }
    }
}
