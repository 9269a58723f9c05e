package io.crmkit.cli.format;

import io.crmkit.scoring.clv.CustomerSummaries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The customer-summary CSV of {@code crm clv fit|predict}: a header naming at least
 * {@code frequency}, {@code recency} and {@code T} (or {@code periods} for BG/BB), optionally
 * {@code monetary_value}, {@code weight} and {@code litt} (the sum of log inter-purchase times of the
 * Erlang-k models); aliases {@code x}, {@code t_x}, {@code zbar},
 * {@code weights}, {@code n_periods}; other columns are left for {@code predict} to carry through (a
 * name that looks like a misspelt column, such as {@code wt}, is refused). Read with
 * {@link CsvInput}: every value is checked on reading and a bad row is reported with file, line,
 * field, value and rule. Rows go straight into primitive columns (no record kept), then once into
 * the {@link CustomerSummaries} the models read ({@link CustomerSummaries.Builder}: no joined copy,
 * no copy of a copy); a file of 1 MiB or more is parsed in chunks on every core (as the logs are),
 * with the same columns, lines and refusals as on one. {@link #printWith} writes the file again with
 * columns appended, for {@code predict}.
 */
public final class SummaryCsv {

    private static final Pattern ROW = Pattern.compile(" at row (\\d+)");

    /** The file's name, as messages give it. */
    public final String file;
    /** The header, as written. */
    public final List<String> header;
    /** The rows, built once as they were read (T holds the periods for BG/BB). */
    private final CustomerSummaries summaries;
    /** The file line of every row. */
    private final int[] lines;
    /** The columns the file was read with. */
    private final CsvInput.Schema schema;
    /** The byte offset and the first row of each chunk the file was read in, when it was read in parallel. */
    private final long[][] chunks;
    private final int threads;
    private final int size;

    private SummaryCsv(String file, List<String> header, CustomerSummaries summaries, int[] lines,
            CsvInput.Schema schema, long[][] chunks, int threads) {
        this.schema = schema;
        this.chunks = chunks;
        this.threads = threads;
        this.file = file;
        this.header = header;
        this.summaries = summaries;
        this.size = summaries.size();
        this.lines = lines;
    }

    /**
     * The schema of a summary file: frequency, recency and T (or periods), optional
     * monetary_value and weight, with the aliases of lifetimes and BTYD; other columns carried.
     *
     * @param discrete true for BG/BB ({@code periods} instead of {@code T})
     * @param needMonetary true when {@code monetary_value} is required
     * @return the schema
     */
    public static CsvInput.Schema schema(boolean discrete, boolean needMonetary) {
        CsvInput.Schema s = CsvInput.Schema.of(CsvInput.Others.CARRY).required("frequency", "x")
                .required("recency", "t_x");
        s = discrete ? s.required("periods", "n_periods") : s.required("T");
        s = needMonetary ? s.required("monetary_value", "zbar") : s.optional("monetary_value", "zbar");
        return s.optional("weight", "weights").optional("litt", "log_inter_purchase_times");
    }

    /**
     * Reads the file: every row, in file order.
     *
     * @param path the CSV file
     * @param discrete true for BG/BB ({@code periods} instead of {@code T})
     * @param needMonetary true when {@code monetary_value} is required
     * @return the parsed input
     * @throws InputException naming the file, the line and the problem
     */
    public static SummaryCsv read(Path path, boolean discrete, boolean needMonetary) {
        return read(path, discrete, needMonetary, ParallelScan.threads(), ParallelScan.CHUNK_BYTES, MIN_BYTES);
    }

    /** Smaller files are read on one core. */
    static final long MIN_BYTES = 1L << 20;

    /**
     * As {@link #read(Path, boolean, boolean)}, on {@code threads} threads in chunks of
     * {@code chunkBytes} for files of {@code minBytes} or more.
     */
    static SummaryCsv read(Path path, boolean discrete, boolean needMonetary, int threads,
            int chunkBytes, long minBytes) {
        CsvInput.Schema schema = schema(discrete, needMonetary);
        try (CsvInput in = CsvInput.open(path, schema)) {
            Layout layout = new Layout(in, discrete ? "periods" : "T");
            // the rows in parts (one per chunk read in parallel, or one for the whole file), joined once at the
            // end into columns of the exact size: a 10 M-row file is not copied again each time its columns grow
            List<Columns> parts = new ArrayList<>();
            // where each chunk read in parallel starts, and its first row: the output is written in the same chunks
            List<long[]> chunks = new ArrayList<>();
            long dataStart = ParallelScan.dataStart(path, in, threads, minBytes);
            if (dataStart > 0) {
                ParallelScan.scan(path, in, dataStart, threads, chunkBytes, new ParallelScan.Rows<Columns, Void>() {
                    int rows;

                    @Override
                    public Columns parse(CsvInput chunk, int lines) {
                        Columns part = new Columns(layout, Math.max(16, lines));
                        parseRows(chunk, layout, part);
                        return part;
                    }

                    @Override
                    public void take(Columns part, long from, long linesBefore) {
                        chunks.add(new long[] {from, rows});
                        part.numberLinesFrom(linesBefore);
                        parts.add(part);
                        rows += part.size;
                    }

                    @Override
                    public Void rest(CsvInput rest) {
                        chunks.clear();
                        Columns part = new Columns(layout, 1 << 10);
                        parseRows(rest, layout, part);
                        parts.add(part);
                        return null;
                    }

                    @Override
                    public Void done() {
                        return null;
                    }
                });
            } else {
                Columns all = new Columns(layout, 1 << 10);
                parseRows(in, layout, all);
                parts.add(all);
            }
            long total = 0;
            for (Columns part : parts) {
                total += part.size;
            }
            if (total == 0) {
                throw new InputException(in.file() + ":1: has no data rows");
            }
            int n = Math.toIntExact(total);
            // the parts' rows go straight into the summaries' own columns: built once, not joined and copied again
            CustomerSummaries.Builder rows = CustomerSummaries.builder(n);
            if (layout.m >= 0) {
                rows.withMonetaryValue();
            }
            if (layout.w >= 0) {
                rows.withWeights();
            }
            if (layout.l >= 0) {
                rows.withLogInterPurchaseTimes();
            }
            int[] lines = new int[n];
            try {
                for (int k = 0; k < parts.size(); k++) {
                    Columns part = parts.get(k);
                    System.arraycopy(part.lines, 0, lines, rows.size(), part.size);
                    part.addTo(rows);
                    // each part is garbage once added
                    parts.set(k, null);
                }
            } catch (IllegalArgumentException e) {
                throw refusal(in.file(), lines, rows.size() + 1, e);
            }
            return new SummaryCsv(in.file(), in.header(), rows.build(), lines, schema,
                    chunks.toArray(new long[0][]), threads);
        }
    }

    /** Where the schema's columns are in a file. */
    private static final class Layout {
        final String ageName;
        final int x;
        final int tx;
        final int t;
        final int m;
        final int w;
        final int l;

        Layout(CsvInput in, String ageName) {
            this.ageName = ageName;
            x = in.column("frequency");
            tx = in.column("recency");
            t = in.column(ageName);
            m = in.column("monetary_value");
            w = in.column("weight");
            l = in.column("litt");
        }
    }

    /** Checks the rows of an input and adds them to {@code out}, each with its file line. */
    private static void parseRows(CsvInput in, Layout c, Columns out) {
        while (in.next()) {
            double f = in.number(c.x);
            double rec = in.number(c.tx);
            double a = in.number(c.t);
            if (f < 0 || f != Math.rint(f)) {
                throw in.refuse(c.x, "must be a whole number of repeat purchases >= 0");
            }
            if (!(a > 0)) {
                throw in.refuse(c.t, "must be > 0");
            }
            if (rec < 0) {
                throw in.refuse(c.tx, "must be >= 0");
            }
            if (rec > a) {
                throw in.refuse(c.tx, "exceeds " + c.ageName + " " + in.text(c.t) + ": the last purchase cannot follow "
                        + "the end of observation");
            }
            if (f == 0 && rec != 0) {
                throw in.refuse(c.tx, "must be 0 when frequency is 0");
            }
            double value = 0;
            if (c.m >= 0) {
                value = in.number(c.m);
                if (value < 0) {
                    throw in.refuse(c.m, "must be >= 0");
                }
            }
            double weight = 1;
            if (c.w >= 0) {
                weight = in.number(c.w);
                if (!(weight > 0)) {
                    throw in.refuse(c.w, "must be > 0");
                }
            }
            double logGaps = 0;
            if (c.l >= 0) {
                logGaps = in.number(c.l);
                if (f == 0 && logGaps != 0) {
                    throw in.refuse(c.l, "must be 0 when frequency is 0");
                }
            }
            out.add(f, rec, a, value, weight, logGaps, in.line());
        }
    }

    /** Growable primitive columns of rows, each with its file line. */
    private static final class Columns {
        double[] frequency;
        double[] recency;
        double[] age;
        double[] monetary;
        double[] weight;
        double[] litt;
        int[] lines;
        int size;

        Columns(Layout layout, int capacity) {
            frequency = new double[capacity];
            recency = new double[capacity];
            age = new double[capacity];
            monetary = layout.m >= 0 ? new double[capacity] : null;
            weight = layout.w >= 0 ? new double[capacity] : null;
            litt = layout.l >= 0 ? new double[capacity] : null;
            lines = new int[capacity];
        }

        void add(double f, double rec, double a, double m, double w, double l, long line) {
            if (size == frequency.length) {
                grow(Math.max(16, size + (size >> 1)));
            }
            frequency[size] = f;
            recency[size] = rec;
            age[size] = a;
            if (monetary != null) {
                monetary[size] = m;
            }
            if (weight != null) {
                weight[size] = w;
            }
            if (litt != null) {
                litt[size] = l;
            }
            lines[size] = (int) Math.min(line, Integer.MAX_VALUE);
            size++;
        }

        private void grow(int capacity) {
            frequency = Arrays.copyOf(frequency, capacity);
            recency = Arrays.copyOf(recency, capacity);
            age = Arrays.copyOf(age, capacity);
            monetary = monetary == null ? null : Arrays.copyOf(monetary, capacity);
            weight = weight == null ? null : Arrays.copyOf(weight, capacity);
            litt = litt == null ? null : Arrays.copyOf(litt, capacity);
            lines = Arrays.copyOf(lines, capacity);
        }

        /** Turns the lines of a chunk read with its lines counted from 0 into the file's lines. */
        void numberLinesFrom(long linesBefore) {
            for (int i = 0; i < size; i++) {
                lines[i] = (int) Math.min(linesBefore + lines[i], Integer.MAX_VALUE);
            }
        }

        /** Adds the rows to the summaries being built, in order. */
        void addTo(CustomerSummaries.Builder rows) {
            for (int i = 0; i < size; i++) {
                rows.add(frequency[i], recency[i], age[i], monetary == null ? 0 : monetary[i],
                        weight == null ? 1 : weight[i], litt == null ? 0 : litt[i]);
            }
        }
    }

    /**
     * Writes the file again with columns appended: the header with their names, then every row's
     * cells as {@link Csv#printer} prints them (spaces around cells dropped, quotes only where a cell
     * needs them, lines ended by a line feed) followed by the row's values in the shortest text
     * that reads back exactly ({@link Values#format(double)}). A line whose cells the printer
     * would write unchanged — no quote, each cell non-empty, starting after {@code #} and ending
     * after a space, in ASCII at both ends — is copied as it stands; any other line goes through
     * the CSV parser and the printer, and from a line with a quote (which may hold a line break)
     * the rest of the file does. The same bytes either way, at a fraction of the cost for the
     * common file. A file read in parallel chunks is written in the same chunks, formatted on every
     * core and handed on in order.
     *
     * @param path the file this input was read from
     * @param names the names of the appended columns
     * @param columns the appended columns, one value per row of this input
     * @param out where the table goes
     * @throws InputException if the file no longer has the rows it had when it was read
     */
    public void printWith(Path path, List<String> names, List<double[]> columns, Appendable out) {
        List<String> all = new ArrayList<>(header);
        all.addAll(names);
        double[][] values = columns.toArray(new double[0][]);
        try {
            StringBuilder text = new StringBuilder(1 << 16);
            Csv.printer(text).printRecord(all);
            if (chunks.length > 0) {
                out.append(text);
                printChunks(path, values, out);
                return;
            }
            Cursor at = new Cursor(0, true);
            try (InputStream in = CsvInput.utf8(path, file)) {
                byte[] block = new byte[1 << 16];
                int length = 0;
                long offset = 0;
                for (int got = in.read(block, length, block.length - length); got >= 0 || length > 0;
                        got = in.read(block, length, block.length - length)) {
                    int end = length + Math.max(got, 0);
                    // whole lines only, but the last one at the end of the file
                    int cut = end;
                    if (got >= 0) {
                        while (cut > 0 && block[cut - 1] != '\n') {
                            cut--;
                        }
                        if (cut == 0 && end < block.length) {
                            length = end;
                            continue;
                        }
                        if (cut == 0) {
                            block = Arrays.copyOf(block, block.length * 2);
                            length = end;
                            continue;
                        }
                    }
                    printLines(block, 0, cut, at, values, text);
                    if (at.rest >= 0) {
                        printRest(path, offset + at.rest, at, values, text, out);
                        return;
                    }
                    out.append(text);
                    text.setLength(0);
                    offset += cut;
                    length = end - cut;
                    System.arraycopy(block, cut, block, 0, length);
                    if (got < 0) {
                        break;
                    }
                }
            }
            if (at.row != size) {
                throw new InputException(file + ": changed while it was read");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the writing is: the next row, whether the header is still to come, lines read, and where a quote sends the rest to the parser. */
    private static final class Cursor {
        int row;
        boolean header;
        long lines;
        /** The offset in the block of the line with a quote, or -1. */
        int rest = -1;

        Cursor(int row, boolean header) {
            this.row = row;
            this.header = header;
        }
    }

    /** The chunks the file was read in, each written on a worker thread, handed on in order. */
    private void printChunks(Path path, double[][] values, Appendable out) throws IOException {
        ExecutorService pool = Workers.pool(threads, "crm-print");
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long end = channel.size();
            ArrayDeque<Future<StringBuilder>> inFlight = new ArrayDeque<>();
            int next = 0;
            try {
                for (int k = 0; k < chunks.length; k++) {
                    while (next < chunks.length && inFlight.size() < 2 * threads) {
                        long from = chunks[next][0];
                        long to = next + 1 < chunks.length ? chunks[next + 1][0] : end;
                        int first = (int) chunks[next][1];
                        int last = next + 1 < chunks.length ? (int) chunks[next + 1][1] : size;
                        inFlight.add(pool.submit(() -> {
                            byte[] bytes = ParallelScan.read(channel, from, to);
                            StringBuilder text = new StringBuilder(bytes.length + (last - first) * 48);
                            Cursor at = new Cursor(first, false);
                            printLines(bytes, 0, bytes.length, at, values, text);
                            if (at.rest >= 0 || at.row != last) {
                                throw new InputException(file + ": changed while it was read");
                            }
                            return text;
                        }));
                        next++;
                    }
                    out.append(Workers.result(inFlight.poll(), "writing"));
                }
            } finally {
                for (Future<StringBuilder> f : inFlight) {
                    f.cancel(false);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The lines of {@code bytes[from, to)} (whole lines, or the file's last) to the output: the
     * header is dropped (it was printed with the new names), a blank line skipped, a plain line
     * copied, another line printed through the parser; at a quote, {@code at.rest} marks the line
     * and the writing stops.
     */
    private void printLines(byte[] bytes, int from, int to, Cursor at, double[][] values, StringBuilder text)
            throws IOException {
        CSVPrinter printer = null;
        int width = header.size();
        int start = from;
        while (start < to) {
            int end = start;
            boolean plain = true;
            boolean ascii = true;
            boolean blank = true;
            boolean quote = false;
            int cells = 1;
            int cellStart = start;
            // the line: up to a line feed, a carriage return and line feed, or a lone carriage return
            byte b = 0;
            while (end < to && (b = bytes[end]) != '\n' && b != '\r') {
                if (b == ',') {
                    plain &= plainCell(bytes, cellStart, end);
                    cells++;
                    cellStart = end + 1;
                } else if (b == '"') {
                    quote = true;
                } else if (b < 0) {
                    ascii = false;
                    blank = false;
                } else if (blank && !Character.isWhitespace(b)) {
                    blank = false;
                }
                end++;
            }
            int next = end >= to ? to : b == '\r' && end + 1 < to && bytes[end + 1] == '\n' ? end + 2 : end + 1;
            if (quote || at.header && !ascii) {
                // a quoted cell may hold a line break; a header beyond ASCII may follow a line of other spaces
                at.rest = start;
                return;
            }
            at.lines++;
            if (blank && cells == 1) {
                start = next;
                continue;
            }
            if (at.header) {
                at.header = false;
                start = next;
                continue;
            }
            if (at.row >= size) {
                throw new InputException(file + ": changed while it was read");
            }
            plain &= plainCell(bytes, cellStart, end);
            if (plain && cells == width) {
                if (ascii) {
                    for (int i = start; i < end; i++) {
                        text.append((char) bytes[i]);
                    }
                } else {
                    text.append(new String(bytes, start, end - start, StandardCharsets.UTF_8));
                }
                appendValues(text, values, at.row);
                text.append('\n');
            } else {
                if (printer == null) {
                    printer = Csv.printer(text);
                }
                try (CSVParser parser = CsvInput.FORMAT.parse(new java.io.StringReader(
                        new String(bytes, start, end - start, StandardCharsets.UTF_8)))) {
                    CSVRecord record = parser.iterator().next();
                    if (record.size() == 1 && record.get(0).isEmpty()) {
                        // blank to the parser too: spaces beyond ASCII
                        start = next;
                        continue;
                    }
                    if (record.size() != width) {
                        throw new InputException(file + ": changed while it was read");
                    }
                    for (String cell : record) {
                        printer.print(cell);
                    }
                }
                appendValues(text, values, at.row);
                printer.println();
            }
            at.row++;
            start = next;
        }
    }

    /** Whether the printer writes the cell as it stands and the parser reads it as it stands. */
    private static boolean plainCell(byte[] line, int from, int to) {
        if (to <= from) {
            return false;
        }
        byte first = line[from];
        byte last = line[to - 1];
        return first > '#' && first < 0x7f && last > ' ' && last < 0x7f;
    }

    private static void appendValues(StringBuilder text, double[][] values, int row) {
        for (double[] column : values) {
            text.append(',');
            Values.format(column[row], text);
        }
    }

    /** The rest of the file from the line at {@code offset} through the parser. */
    private void printRest(Path path, long offset, Cursor at, double[][] values, StringBuilder text, Appendable out)
            throws IOException {
        try (CsvInput header = CsvInput.open(path, schema); InputStream rest = CsvInput.utf8(path, file)) {
            rest.skipNBytes(offset);
            CsvInput again = header.continuedAt(CsvInput.reader(rest), at.lines);
            if (at.header) {
                again.next();
            }
            CSVPrinter printer = Csv.printer(text);
            int width = this.header.size();
            int n = at.row;
            while (again.next()) {
                if (n >= size) {
                    throw new InputException(file + ": changed while it was read");
                }
                for (int i = 0; i < width; i++) {
                    printer.print(again.text(i));
                }
                for (double[] column : values) {
                    printer.print(Values.format(column[n]));
                }
                printer.println();
                n++;
                if (text.length() > (1 << 15)) {
                    out.append(text);
                    text.setLength(0);
                }
            }
            if (n != size) {
                throw new InputException(file + ": changed while it was read");
            }
            out.append(text);
        }
    }

    /** @return the rows as summaries (T holds the periods for BG/BB), each of weight 1 when the file has no weight column */
    public CustomerSummaries summaries() {
        return summaries;
    }

    /**
     * @param row a row index
     * @return the file line of the row
     */
    public int line(int row) {
        return lines[row];
    }

    /** @return the number of rows */
    public int size() {
        return size;
    }

    /**
     * A library refusal of this input, reworded for the user: a refusal "at row N" (0-based) names
     * the file and the line that row came from; any other names the file.
     *
     * @param e the library's refusal
     * @return the refusal with file and line
     */
    public InputException refusal(IllegalArgumentException e) {
        return refusal(file, lines, size, e);
    }

    /** {@link #refusal(IllegalArgumentException)} for the first {@code size} rows of a file and their lines. */
    private static InputException refusal(String file, int[] lines, int size, IllegalArgumentException e) {
        if (e instanceof InputException known) {
            return known;
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher row = ROW.matcher(message);
        if (row.find()) {
            int index = Integer.parseInt(row.group(1));
            if (index >= 0 && index < size) {
                return new InputException(file + ":" + lines[index] + ": " + row.replaceFirst(""));
            }
        }
        return new InputException(file + ": " + message);
    }
}
