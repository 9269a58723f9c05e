package io.crmkit.cli.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A table's rows formatted as text in blocks on every core and written in row order: the same
 * characters as formatting them one by one on the calling thread, whatever the number of cores.
 * Formatting numbers ({@link Values#format(double)}) is most of the cost of writing a large table;
 * at most two blocks per core are in flight, so that memory stays bounded.
 */
public final class OrderedBlocks {

    /** Rows per block. */
    static final int BLOCK_ROWS = 1 << 14;

    private OrderedBlocks() {
    }

    /** Formats rows {@code [from, to)} of a table. */
    @FunctionalInterface
    public interface Rows {
        /**
         * Appends the text of rows {@code [from, to)}.
         *
         * @param from the first row
         * @param to one past the last row
         * @param text where the text goes
         * @throws IOException if the text cannot be appended
         */
        void format(int from, int to, StringBuilder text) throws IOException;
    }

    /**
     * Writes rows {@code [0, rows)}, in blocks on {@link ParallelScan#threads()} threads when there
     * are more than two blocks.
     *
     * @param rows the number of rows
     * @param format what formats a range of rows; called from several threads at once, so it must
     *     only read shared state
     * @param out where the text goes, in row order
     */
    public static void write(int rows, Rows format, Appendable out) {
        write(rows, format, out, ParallelScan.threads(), BLOCK_ROWS);
    }

    static void write(int rows, Rows format, Appendable out, int threads, int blockRows) {
        try {
            if (threads < 2 || rows <= 2 * blockRows) {
                StringBuilder text = new StringBuilder(1 << 16);
                for (int from = 0; from < rows; from += blockRows) {
                    format.format(from, Math.min(rows, from + blockRows), text);
                    out.append(text);
                    text.setLength(0);
                }
                return;
            }
            ExecutorService pool = Workers.pool(threads, "crm-format");
            ArrayDeque<Future<StringBuilder>> inFlight = new ArrayDeque<>();
            try {
                int next = 0;
                while (next < rows || !inFlight.isEmpty()) {
                    while (next < rows && inFlight.size() < 2 * threads) {
                        int from = next;
                        int to = Math.min(rows, from + blockRows);
                        inFlight.add(pool.submit(() -> {
                            StringBuilder text = new StringBuilder((to - from) * 64);
                            format.format(from, to, text);
                            return text;
                        }));
                        next = to;
                    }
                    out.append(Workers.result(inFlight.poll(), "writing"));
                }
            } finally {
                for (Future<StringBuilder> f : inFlight) {
                    f.cancel(false);
                }
                pool.shutdown();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
