package io.crmkit.cli.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The worker threads of the chunked readers and writers ({@link ParallelScan}, {@link SummaryCsv},
 * {@link OrderedBlocks}) and how a chunk's result is taken back on the calling thread.
 */
final class Workers {

    private Workers() {
    }

    /** A fixed pool of daemon threads, so that an abandoned chunk never keeps the JVM alive. */
    static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The result of a chunk's work, waited for. What the work threw is thrown here: a runtime
     * exception or an error as it is (an out-of-memory error on a worker reaches the command line's
     * one-line message), anything else as an {@link UncheckedIOException}.
     *
     * @param doing what the work is doing, for the message of an interrupt ("reading", "writing")
     */
    static <T> T result(Future<T> future, String doing) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }
}
