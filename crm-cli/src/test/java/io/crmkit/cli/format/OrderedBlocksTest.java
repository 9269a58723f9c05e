package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rows formatted in blocks on several threads come out in row order, as one thread writes them. */
class OrderedBlocksTest {

    private static final OrderedBlocks.Rows ROWS = (from, to, text) -> {
        for (int row = from; row < to; row++) {
            text.append(row).append(',').append(Values.format(new Random(row).nextDouble())).append('\n');
        }
    };

    @Test
    void blocksOnManyThreadsWriteTheTextOfOne() throws java.io.IOException {
        for (int rows : new int[] {0, 1, 999, 10_000}) {
            StringBuilder one = new StringBuilder();
            for (int row = 0; row < rows; row++) {
                ROWS.format(row, row + 1, one);
            }
            for (int threads : new int[] {1, 2, 5}) {
                for (int block : new int[] {1, 7, 100, 4096}) {
                    StringBuilder many = new StringBuilder();
                    OrderedBlocks.write(rows, ROWS, many, threads, block);
                    assertEquals(one.toString(), many.toString(), rows + " rows, " + threads + " threads, blocks of "
                            + block);
                }
            }
        }
    }

    @Test
    void aFailureInABlockReachesTheCaller() {
        OrderedBlocks.Rows failing = (from, to, text) -> {
            if (to > 500) {
                throw new IllegalStateException("row " + from);
            }
        };
        assertEquals("row 500", assertThrows(IllegalStateException.class,
                () -> OrderedBlocks.write(1_000, failing, new StringBuilder(), 3, 100)).getMessage());
    }
}
