package io.crmkit.cli.format;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A large transaction log parsed on every core, handed on in file order: the same rows, customer
 * indices and refusals as one core gives, whatever the number of cores.
 *
 * <p>The bytes after the header are cut into chunks of about {@value #CHUNK_BYTES} bytes, each ending
 * just after a line feed; worker threads parse chunks (Commons CSV, or for a chunk of plain ASCII
 * lines the byte-level split that gives the same cells, {@link CsvInput#continuedAtPlain}; the
 * value grammar of {@link Values}, the date format of the dialect) into columns, and the calling thread interns the
 * ids and hands the rows on, chunk by chunk in order, with at most two chunks per core in flight, so
 * that memory stays bounded. A line feed is a line boundary only outside quoted cells: a chunk that
 * holds a quote character is not parsed in parallel, and the rest of the file from its start (a
 * line boundary, since no earlier chunk opened a quote) is read on the calling thread. So is the
 * rest of the file from a chunk with a bad row, its lines numbered on from the chunks before it,
 * so that the refusal names the file's own line; the first bad line of the file wins, as the
 * chunks are taken in order.
 *
 * <p>The number of threads is the number of processors, or the system property {@code crm.threads}
 * (1: one core, for comparisons).
 */
final class ParallelScan {

    /** The bytes of a chunk, before it is extended to the next line feed. */
    static final int CHUNK_BYTES = 1 << 21;
    /** Smaller files are read on one core: the threads would not pay for themselves. */
    static final long MIN_BYTES = 8L << 20;

    private ParallelScan() {
    }

    static int threads() {
        return Math.max(1, Integer.getInteger("crm.threads", Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Where the data rows begin when the file is worth reading in parallel: a regular file of
     * {@value #MIN_BYTES} bytes or more, more than one thread, and a first line (after a byte-order
     * mark) that is the header — not blank, no quote, ended by a line feed.
     *
     * @return the byte offset of the second line, or 0 to read on one core
     */
    static long dataStart(Path path, CsvInput header, int threads, long minBytes) {
        try {
            if (threads < 2 || !Files.isRegularFile(path) || Files.size(path) < minBytes) {
                return 0;
            }
            byte[] head = new byte[1 << 16];
            int n;
            try (InputStream in = Files.newInputStream(path)) {
                n = in.readNBytes(head, 0, head.length);
            }
            int start = n >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf
                    ? 3 : 0;
            boolean blank = true;
            for (int i = start; i < n; i++) {
                byte b = head[i];
                if (b == '\n') {
                    return blank ? 0 : i + 1;
                }
                if (b == '"' || b == '\r' && i + 1 < n && head[i + 1] != '\n') {
                    return 0;
                }
                if (b != ' ' && b != '\r' && b != '\t') {
                    blank = false;
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * How one kind of file is read in chunks.
     *
     * @param <C> the columns a worker parses one chunk into
     * @param <R> what the scan returns
     */
    interface Rows<C, R> {
        /**
         * Parses the rows of one chunk on a worker thread (lines numbered from 0 within it).
         *
         * @param chunk the chunk's rows
         * @param lines the chunk's lines, at least its rows: the columns' size
         * @return the parsed rows
         * @throws InputException for a bad row: the chunk is then read again on the calling thread
         */
        C parse(CsvInput chunk, int lines);

        /**
         * Hands on the rows of a parsed chunk, in file order, on the calling thread.
         *
         * @param rows the chunk's rows
         * @param from the byte offset in the file where the chunk starts
         * @param linesBefore the file's lines before the chunk
         */
        void take(C rows, long from, long linesBefore);

        /** Reads the rest of the file from the start of a chunk on the calling thread, and returns the result. */
        R rest(CsvInput rest);

        /** The result when every chunk was parsed on the workers. */
        R done();
    }

    /** One chunk: its parsed rows, or a mark that it must be read on the calling thread. */
    private static final class Chunk<C> {
        final long from;
        final long to;
        C rows;
        /** Line breaks in the chunk. */
        long lines;
        /** The chunk holds a quote: it and the rest are read on the calling thread. */
        boolean quoted;
        /** The chunk has a bad row: it is read again on the calling thread for the message. */
        boolean failed;

        Chunk(long from, long to) {
            this.from = from;
            this.to = to;
        }
    }

    /** The columns of one chunk of a transaction log. */
    private static final class LogRows {
        String[] ids;
        int[] day;
        double[] amount;
        int size;
    }

    static TransactionLog.Scanned scan(Path path, CsvInput header, long dataStart, CustomerIndex customers,
            TransactionLog.Rows rows, int threads, int chunkBytes) {
        boolean hasAmount = header.column("amount") >= 0;
        return scan(path, header, dataStart, threads, chunkBytes, new Rows<LogRows, TransactionLog.Scanned>() {
            long n;

            @Override
            public LogRows parse(CsvInput in, int lines) {
                return parseLog(in, lines);
            }

            @Override
            public void take(LogRows chunk, long from, long linesBefore) {
                String previous = null;
                int customer = -1;
                for (int i = 0; i < chunk.size; i++) {
                    String id = chunk.ids[i];
                    if (id != previous) {
                        customer = customers.of(id);
                        previous = id;
                    }
                    rows.purchase(customer, chunk.day[i], chunk.amount[i]);
                }
                n += chunk.size;
            }

            @Override
            public TransactionLog.Scanned rest(CsvInput in) {
                return TransactionLog.scanRows(in, customers, rows, n);
            }

            @Override
            public TransactionLog.Scanned done() {
                return new TransactionLog.Scanned(header.file(), hasAmount, n);
            }
        });
    }

    /**
     * Reads the data rows of a file from {@code dataStart} in chunks on {@code threads} threads, handing
     * them on in file order; from the first chunk with a quote or a bad row, the rest is read on the
     * calling thread with its lines numbered on.
     */
    static <C, R> R scan(Path path, CsvInput header, long dataStart, int threads, int chunkBytes, Rows<C, R> kind) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            List<long[]> ranges = ranges(channel, dataStart, chunkBytes);
            ExecutorService pool = Workers.pool(threads, "crm-parse");
            ArrayDeque<Future<Chunk<C>>> inFlight = new ArrayDeque<>();
            try {
                int next = 0;
                long linesBefore = 1;
                for (int k = 0; k < ranges.size(); k++) {
                    while (next < ranges.size() && inFlight.size() < 2 * threads) {
                        long[] r = ranges.get(next++);
                        inFlight.add(pool.submit(() -> parse(channel, r[0], r[1], header, kind)));
                    }
                    Chunk<C> chunk = Workers.result(inFlight.poll(), "reading");
                    if (chunk.quoted || chunk.failed) {
                        // the rest on this thread, from the chunk's first line, lines numbered on: a quoted
                        // cell may hold a line feed, and a refusal names the file's line. The workers are
                        // not interrupted (an interrupt closes the channel they share); their chunks are
                        // dropped. A stream of its own reads the rest.
                        try (InputStream rest = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
                            rest.skipNBytes(chunk.from);
                            return kind.rest(header.continuedAt(CsvInput.reader(rest), linesBefore));
                        }
                    }
                    kind.take(chunk.rows, chunk.from, linesBefore);
                    linesBefore += chunk.lines;
                }
                return kind.done();
            } finally {
                for (Future<Chunk<C>> f : inFlight) {
                    f.cancel(false);
                }
                pool.shutdown();
            }
        } catch (IOException e) {
            throw FileProblem.reading(path, e);
        }
    }

    /** Chunks of about CHUNK_BYTES from dataStart to the end, each ending just after a line feed (or at the end). */
    static List<long[]> ranges(FileChannel channel, long dataStart, int chunkBytes) throws IOException {
        long size = channel.size();
        List<long[]> ranges = new ArrayList<>();
        ByteBuffer probe = ByteBuffer.allocate(1 << 12);
        long from = dataStart;
        while (from < size) {
            long to = Math.min(size, from + chunkBytes);
            search:
            while (to < size) {
                probe.clear();
                int got = channel.read(probe, to);
                if (got <= 0) {
                    to = size;
                    break;
                }
                for (int i = 0; i < got; i++) {
                    if (probe.get(i) == '\n') {
                        to += i + 1;
                        break search;
                    }
                }
                to += got;
            }
            to = Math.min(to, size);
            ranges.add(new long[] {from, to});
            from = to;
        }
        return ranges;
    }

    static byte[] read(FileChannel channel, long from, long to) throws IOException {
        byte[] bytes = new byte[Math.toIntExact(to - from)];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, from + buffer.position()) < 0) {
                throw new IOException("the file shrank while it was read");
            }
        }
        return bytes;
    }

    /** Reads one chunk on a worker thread: its lines, and its rows unless it holds a quote or a bad row. */
    private static <C> Chunk<C> parse(FileChannel channel, long from, long to, CsvInput header, Rows<C, ?> kind)
            throws IOException {
        Chunk<C> chunk = new Chunk<>(from, to);
        byte[] bytes = read(channel, from, to);
        long lines = 0;
        char delimiter = header.dialect().delimiter();
        boolean plain = delimiter < 0x80;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                chunk.quoted = true;
                return chunk;
            }
            if (b == '\n' || b == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                lines++;
            } else if (plain && !CsvInput.plainByte(b, delimiter)) {
                plain = false;
            }
        }
        chunk.lines = lines;
        // plain ASCII lines are split byte by byte; anything else (a tab, UTF-8) goes through the parser
        try (CsvInput in = plain ? header.continuedAtPlain(bytes, 0)
                : header.continuedAt(CsvInput.reader(new ByteArrayInputStream(bytes)), 0)) {
            chunk.rows = kind.parse(in, (int) Math.min(lines + 1, Integer.MAX_VALUE));
        } catch (InputException e) {
            chunk.failed = true;
        }
        return chunk;
    }

    /** The rows of one chunk of a transaction log. */
    private static LogRows parseLog(CsvInput in, int lines) {
        int id = in.column("customer_id");
        int date = in.column("date");
        int value = in.column("amount");
        int capacity = Math.max(16, lines);
        String[] ids = new String[capacity];
        int[] day = new int[capacity];
        double[] amount = new double[capacity];
        int n = 0;
        String previous = null;
        while (in.next()) {
            if (n == capacity) {
                capacity += capacity >> 1;
                ids = Arrays.copyOf(ids, capacity);
                day = Arrays.copyOf(day, capacity);
                amount = Arrays.copyOf(amount, capacity);
            }
            String customer = in.customerId(id);
            if (customer.equals(previous)) {
                customer = previous;
            } else {
                previous = customer;
                // the hash code is cached in the string: the calling thread's look-up finds it computed
                int ignored = customer.hashCode();
            }
            ids[n] = customer;
            day[n] = in.epochDay(date);
            amount[n] = value >= 0 ? TransactionLog.amount(in, value) : 0;
            n++;
        }
        LogRows rows = new LogRows();
        rows.ids = ids;
        rows.day = day;
        rows.amount = amount;
        rows.size = n;
        return rows;
    }
}
