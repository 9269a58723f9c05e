package io.crmkit.cli.format;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV reader of every {@code crm} command: UTF-8 (with or without a byte-order mark),
 * RFC 4180 with a header line, spaces around cells ignored, blank lines skipped, and the value
 * grammar of {@link Values}. It streams: one record at a time, read into whatever columns the
 * command keeps.
 *
 * <p>The header is matched against a {@link Schema} of required and optional columns (names
 * compared without regard to case, each with its aliases). A column named twice, a required column
 * missing, or a column the schema does not know is refused on line 1 — except that a schema may
 * carry unknown columns through ({@link Others#CARRY}) or treat them as data ({@link Others#DATA});
 * even then a name that looks like a misspelt schema column ({@code wt} for {@code weight},
 * {@code frequncy}) is refused with the suggestion.
 *
 * <p>Every refusal is an {@link InputException} whose message is one line,
 * {@code file:line: field 'value': rule}, the line being the file's own line (blank lines and
 * quoted line breaks counted). Reading a valid row builds no message text.
 *
 * <p>Text goes through Commons CSV, with one exception for speed: the chunks of a large file read
 * in parallel ({@code ParallelScan}) whose bytes are plain lines — printable ASCII, no quote, no
 * tab or other control character — are split at the delimiter byte by byte
 * ({@link #continuedAtPlain}), which gives the cells, lines and refusals the parser gives for such
 * lines (a property test holds the two to each other) without decoding the bytes or making a
 * string per cell.
 */
public final class CsvInput implements Closeable {

    /** What a schema does with header columns it does not name. */
    public enum Others {
        /** An unknown column is an error. */
        REFUSE,
        /** Unknown columns are kept as text, for the command to carry through or ignore. */
        CARRY,
        /** Unknown columns are data columns whose names the command interprets (e.g. metrics). */
        DATA
    }

    /** One column of a schema: its name and the aliases it is also known by. */
    private record Column(String name, List<String> aliases, boolean required) {
        boolean matches(String header) {
            if (name.equalsIgnoreCase(header)) {
                return true;
            }
            for (String a : aliases) {
                if (a.equalsIgnoreCase(header)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The columns a command reads. Immutable: each method returns a new schema.
     */
    public static final class Schema {
        private final List<Column> columns;
        private final Others others;
        private final boolean mayBeEmpty;

        private Schema(List<Column> columns, Others others, boolean mayBeEmpty) {
            this.columns = List.copyOf(columns);
            this.others = others;
            this.mayBeEmpty = mayBeEmpty;
        }

        /**
         * An empty schema.
         *
         * @param others what to do with columns the schema does not name
         * @return the schema
         */
        public static Schema of(Others others) {
            return new Schema(List.of(), others, false);
        }

        /**
         * Adds a required column.
         *
         * @param name the column's name, as messages show it
         * @param aliases other names accepted for it
         * @return the new schema
         */
        public Schema required(String name, String... aliases) {
            return with(new Column(name, List.of(aliases), true));
        }

        /**
         * Adds an optional column.
         *
         * @param name the column's name
         * @param aliases other names accepted for it
         * @return the new schema
         */
        public Schema optional(String name, String... aliases) {
            return with(new Column(name, List.of(aliases), false));
        }

        /**
         * Lets a file of this schema hold a header and no data rows (an optional list that may be
         * empty, such as a contact history). Without it, {@link CsvInput#next()} refuses a file
         * without data rows: {@code file:1: has no data rows}.
         *
         * @return the new schema
         */
        public Schema mayBeEmpty() {
            return new Schema(columns, others, true);
        }

        private Schema with(Column c) {
            List<Column> list = new ArrayList<>(columns);
            list.add(c);
            return new Schema(list, others, mayBeEmpty);
        }
    }

    /** The dialect of every input: RFC 4180, spaces around cells ignored, blank lines kept (and skipped by {@link #next()}). */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false).build();

    /**
     * How a file writes its cells, beyond the default dialect: the delimiter, the date format and
     * the zone in which a date-time with an offset falls on a day.
     *
     * @param delimiter the cell separator, {@code ,} by default
     * @param dateFormat {@code iso} (the default grammar of {@link Values#epochDay}),
     *     {@code iso-offset} (ISO date-time with offset, e.g. {@code 1997-01-01T10:15:00+01:00}) or
     *     a {@link java.time.format.DateTimeFormatter} pattern such as {@code dd/MM/yyyy}
     * @param zone the zone whose calendar day a date-time with an offset is counted in
     */
    public record Dialect(char delimiter, String dateFormat, java.time.ZoneId zone) {

        /** Comma, ISO dates, UTC. */
        public static final Dialect DEFAULT = new Dialect(',', "iso", java.time.ZoneOffset.UTC);

        /**
         * Checks the dialect.
         *
         * @param delimiter the delimiter
         * @param dateFormat the date format
         * @param zone the zone
         * @throws IllegalArgumentException naming the option if the delimiter is a quote or a line
         *     break, or the date format is not one that yields a day ({@link #checkDateFormat})
         */
        public Dialect {
            java.util.Objects.requireNonNull(dateFormat, "dateFormat");
            java.util.Objects.requireNonNull(zone, "zone");
            if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
                throw new IllegalArgumentException("delimiter " + Values.quote(String.valueOf(delimiter))
                        + " is invalid: it cannot be a quote or a line break");
            }
            checkDateFormat(dateFormat);
        }

        /**
         * Checks a date format before any file is read: {@code iso}, {@code iso-offset}, or a
         * {@link java.time.format.DateTimeFormatter} pattern that can yield a day (a year with a
         * month and a day, or with a day of the year). A pattern is tried on a sample instant,
         * 2020-01-15T10:15:30+01:00 (Europe/Paris), formatted and read back as a cell would be:
         * a pattern that gives no day for it (a zone name only, {@code yyyy-MM}, {@code HH:mm})
         * could never give one for a file, which is a wrong option, not bad data on line 2.
         *
         * @param dateFormat the date format as typed
         * @throws IllegalArgumentException with the rule, without the option's name, otherwise
         */
        public static void checkDateFormat(String dateFormat) {
            if (dateFormat.equals("iso") || dateFormat.equals("iso-offset")) {
                return;
            }
            java.time.format.DateTimeFormatter f;
            try {
                f = java.time.format.DateTimeFormatter.ofPattern(dateFormat, java.util.Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a date pattern: " + e.getMessage(), e);
            }
            java.time.ZonedDateTime sample = java.time.ZonedDateTime.of(2020, 1, 15, 10, 15, 30, 0,
                    java.time.ZoneId.of("Europe/Paris"));
            try {
                day(f.parse(f.format(sample)), java.time.ZoneOffset.UTC);
            } catch (java.time.DateTimeException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the pattern gives no date: it needs a year with a month and a day"
                        + " (e.g. dd/MM/yyyy) or with a day of the year", e);
            }
        }

        /** The day a parsed cell names, in the zone when it is a date-time with an offset. */
        private static java.time.LocalDate day(java.time.temporal.TemporalAccessor t, java.time.ZoneId zone) {
            if (t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
                    && t.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)
                    && t.isSupported(java.time.temporal.ChronoField.EPOCH_DAY)) {
                return java.time.OffsetDateTime.from(t).atZoneSameInstant(zone).toLocalDate();
            } else if (t.isSupported(java.time.temporal.ChronoField.EPOCH_DAY)) {
                return java.time.LocalDate.from(t);
            }
            throw new IllegalArgumentException("no day");
        }

        /** Whether dates are ISO {@code yyyy-MM-dd} ({@link Values#epochDay(String)}), the default. */
        boolean isIso() {
            return dateFormat.equals("iso");
        }

        /** The day of a date cell, or an IllegalArgumentException with the rule. */
        int epochDay(String text) {
            if (isIso()) {
                return Values.epochDay(text);
            }
            java.time.format.DateTimeFormatter f = dateFormat.equals("iso-offset")
                    ? java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    : java.time.format.DateTimeFormatter.ofPattern(dateFormat, java.util.Locale.ROOT);
            java.time.temporal.TemporalAccessor t;
            try {
                t = f.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("not a date of the format " + dateFormat);
            }
            java.time.LocalDate day;
            try {
                day = day(t, zone);
            } catch (java.time.DateTimeException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the format " + dateFormat + " does not give a day");
            }
            if (day.getYear() < 1 || day.getYear() > 9999) {
                throw new IllegalArgumentException(Values.YEAR_RULE);
            }
            return (int) day.toEpochDay();
        }
    }

    private final Path path;
    private final String file;
    /** The parser of the characters, or null when this reads plain bytes ({@link #continuedAtPlain}). */
    private final CSVParser parser;
    /** The watcher of the characters the parser reads, for quotes inside unquoted cells; null with plain bytes. */
    private final StrayQuotes quotes;
    private final Iterator<CSVRecord> records;
    /** The plain bytes this reads, or null when it reads through the parser. */
    private final byte[] plain;
    /** The next line's offset in {@link #plain}. */
    private int plainAt;
    /** Line breaks of {@link #plain} passed. */
    private long plainLines;
    /** Where each cell of the current plain row starts and ends (spaces around it left out). */
    private int[] cellStart = new int[8];
    private int[] cellEnd = new int[8];
    /** The cells of the current plain row. */
    private int cells;
    /** A buffer for the general number reader, which reads characters ({@link Values#number(byte[], int, int, char[])}). */
    private final char[] chars = new char[32];
    private final List<String> header;
    private final int[] schemaColumn;
    private final int[] others;
    private final Schema schema;
    private CSVRecord record;
    private long line = 1;
    private final Dialect dialect;
    /** Whether {@link #next()} has found a data row. */
    private boolean rowsSeen;
    /** Whether this reads a later part of a file ({@link #continuedAt}), which may hold no rows. */
    private final boolean continued;
    /** Lines of the file before the text this parser reads (a chunk of a file read in parallel). */
    private final long linesBefore;

    private CsvInput(Path path, String file, StrayQuotes text, Schema schema, Dialect dialect) throws IOException {
        this.linesBefore = 0;
        this.continued = false;
        this.path = path;
        this.file = file;
        this.dialect = dialect;
        this.quotes = text;
        this.parser = parse(text, dialect);
        this.records = parser.iterator();
        this.plain = null;
        if (!advance()) {
            throw new InputException(file + ":1: the file is empty: a header line is expected");
        }
        List<String> names = new ArrayList<>(record.size());
        record.forEach(names::add);
        this.header = List.copyOf(names);
        this.schemaColumn = new int[schema.columns.size()];
        Arrays.fill(schemaColumn, -1);
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                throw new InputException(file + ":1: column " + (i + 1) + " has no name");
            }
            for (int j = 0; j < i; j++) {
                if (schema.others == Others.DATA ? header.get(j).equals(name) : header.get(j).equalsIgnoreCase(name)) {
                    throw new InputException(file + ":1: column " + Values.quote(name) + " appears twice (columns "
                            + (j + 1) + " and " + (i + 1) + ")");
                }
            }
            int match = -1;
            for (int c = 0; c < schema.columns.size(); c++) {
                if (schema.columns.get(c).matches(name)) {
                    match = c;
                    break;
                }
            }
            if (match >= 0) {
                if (schemaColumn[match] >= 0) {
                    throw new InputException(file + ":1: column " + Values.quote(name) + " is "
                            + schema.columns.get(match).name() + " again, already given as "
                            + Values.quote(header.get(schemaColumn[match])) + ": each column once");
                }
                schemaColumn[match] = i;
                continue;
            }
            String near = schema.others == Others.DATA ? null : nearest(name, schema.columns);
            if (near != null) {
                throw new InputException(file + ":1: column " + Values.quote(name) + ": unknown; did you mean '"
                        + near + "'?");
            }
            if (schema.others == Others.REFUSE) {
                throw new InputException(file + ":1: column " + Values.quote(name) + ": unknown; the columns are "
                        + expected(schema.columns));
            }
            rest.add(i);
        }
        for (int c = 0; c < schema.columns.size(); c++) {
            Column column = schema.columns.get(c);
            if (column.required() && schemaColumn[c] < 0) {
                throw new InputException(file + ":1: header lacks column '" + column.name() + "'"
                        + (column.aliases().isEmpty() ? "" : " (or " + String.join(", ", column.aliases()) + ")")
                        + "; it has " + Values.quote(String.join(",", header)));
            }
        }
        this.others = rest.stream().mapToInt(Integer::intValue).toArray();
        this.schema = schema;
    }

    /**
     * The data rows of a later part of the file {@code header} has opened: same columns, lines
     * counted on; read by {@code parser} (over {@code text}), or, both null, from plain bytes.
     */
    private CsvInput(CsvInput header, StrayQuotes text, CSVParser parser, byte[] plain, long linesBefore) {
        this.path = header.path;
        this.file = header.file;
        this.quotes = text;
        this.parser = parser;
        this.records = parser == null ? null : parser.iterator();
        this.plain = plain;
        this.header = header.header;
        this.schemaColumn = header.schemaColumn;
        this.others = header.others;
        this.schema = header.schema;
        this.dialect = header.dialect;
        this.linesBefore = linesBefore;
        this.line = linesBefore;
        this.continued = true;
    }

    /**
     * Reads a later part of this input's file — whole lines after the header, say one chunk of a
     * file parsed in parallel — with this input's columns and dialect; its lines are numbered on
     * from {@code linesBefore}, so that messages name the file's own line.
     *
     * @param text the characters of whole lines, starting at the beginning of a line outside any
     *     quoted cell
     * @param linesBefore the number of the file's lines before the text
     * @return the input, positioned before the first row of the text
     */
    public CsvInput continuedAt(java.io.Reader text, long linesBefore) {
        try {
            StrayQuotes quoted = new StrayQuotes(text, dialect.delimiter());
            return new CsvInput(this, quoted, parse(quoted, dialect), null, linesBefore);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Reads a later part of this input's file, as {@link #continuedAt(java.io.Reader, long)} does,
     * from bytes that {@link #isPlain} accepts: lines of printable ASCII without a quote. Such a
     * line means the same to Commons CSV as a split at each delimiter with the spaces around each
     * cell dropped, so it is read that way, byte by byte, with no decoding and no string for a
     * cell that is not asked for; every row, line number, cell and refusal is the one the parser
     * gives. This is the path of the chunks of a large file read in parallel, whose caller has
     * already looked at every byte (for quotes and line breaks) and so checks {@link #isPlain}'s
     * rule in the same pass.
     *
     * @param bytes whole lines after the header, each ended by a line feed, a carriage return
     *     and line feed, or a lone carriage return (the last may end at the end of the file),
     *     which the caller has found plain
     * @param linesBefore the number of the file's lines before the bytes
     * @return the input, positioned before the first row of the bytes
     */
    CsvInput continuedAtPlain(byte[] bytes, long linesBefore) {
        return new CsvInput(this, null, null, bytes, linesBefore);
    }

    /**
     * Whether bytes can be read as plain lines ({@link #continuedAtPlain}): every byte a
     * printable ASCII character other than the quote, a space, the delimiter or a line break. A
     * tab, another control character or any byte beyond ASCII (UTF-8 to decode and check) sends
     * the bytes through the parser instead.
     *
     * @param bytes the bytes
     * @param from the first
     * @param to one past the last
     * @param delimiter the dialect's delimiter
     * @return whether they are plain
     */
    static boolean isPlain(byte[] bytes, int from, int to, char delimiter) {
        if (delimiter >= 0x80) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!plainByte(bytes[i], delimiter)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a byte may occur in plain lines ({@link #isPlain}).
     *
     * @param b the byte
     * @param delimiter the dialect's delimiter, below 0x80
     * @return whether it may
     */
    static boolean plainByte(byte b, char delimiter) {
        return b >= 0x20 && b < 0x7f && b != '"' || b == '\n' || b == '\r' || b == delimiter;
    }

    /**
     * The next non-blank plain line: its cells, spaces around each dropped, as Commons CSV splits
     * a line without quotes (ignoring surrounding spaces, keeping empty lines as one empty cell,
     * which {@link #advance()} skips).
     */
    private boolean advancePlain() {
        byte[] b = plain;
        int limit = b.length;
        byte delimiter = (byte) dialect.delimiter();
        while (plainAt < limit) {
            int i = plainAt;
            int start = i;
            cells = 0;
            byte c = 0;
            while (i < limit && (c = b[i]) != '\n' && c != '\r') {
                if (c == delimiter) {
                    addCell(b, start, i);
                    start = i + 1;
                }
                i++;
            }
            addCell(b, start, i);
            plainAt = i >= limit ? limit : c == '\r' && i + 1 < limit && b[i + 1] == '\n' ? i + 2 : i + 1;
            line = linesBefore + plainLines + 1;
            plainLines++;
            if (!(cells == 1 && cellStart[0] == cellEnd[0])) {
                return true;
            }
        }
        return false;
    }

    private void addCell(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        if (cells == cellStart.length) {
            cellStart = Arrays.copyOf(cellStart, cells * 2);
            cellEnd = Arrays.copyOf(cellEnd, cells * 2);
        }
        cellStart[cells] = from;
        cellEnd[cells] = to;
        cells++;
    }

    /** The text of a cell of the current row. */
    private String cell(int column) {
        if (plain == null) {
            return record.get(column);
        }
        checkPlainColumn(column);
        return new String(plain, cellStart[column], cellEnd[column] - cellStart[column],
                StandardCharsets.ISO_8859_1);
    }

    /** Refuses a column the current plain row does not have, as {@link CSVRecord#get(int)} would. */
    private void checkPlainColumn(int column) {
        if (column < 0 || column >= cells) {
            throw new ArrayIndexOutOfBoundsException("column " + column + " of a row of " + cells);
        }
    }

    private static CSVParser parse(java.io.Reader text, Dialect dialect) throws IOException {
        CSVFormat format = dialect.delimiter() == ',' ? FORMAT : FORMAT.builder().setDelimiter(dialect.delimiter()).build();
        return format.parse(text);
    }

    /** @return the dialect the input reads */
    public Dialect dialect() {
        return dialect;
    }

    private static String expected(List<Column> columns) {
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            names.add(c.name() + (c.required() ? "" : " (optional)"));
        }
        return String.join(", ", names);
    }

    /**
     * The schema name (or alias) the header name is likely a misspelling of, or null: an
     * abbreviation (same first letter, the letters in order, e.g. {@code wt} for {@code weight}) or
     * a name at most two edits away from a name of five or more letters.
     */
    private static String nearest(String name, List<Column> columns) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Column c : columns) {
            List<String> all = new ArrayList<>(c.aliases());
            all.add(0, c.name());
            for (String candidate : all) {
                String k = candidate.toLowerCase(Locale.ROOT);
                if (n.length() >= 2 && n.length() < k.length() && n.charAt(0) == k.charAt(0) && subsequence(n, k)
                        || k.length() >= 5 && editDistance(n, k) <= 2) {
                    return c.name();
                }
            }
        }
        return null;
    }

    private static boolean subsequence(String small, String big) {
        int j = 0;
        for (int i = 0; i < big.length() && j < small.length(); i++) {
            if (big.charAt(i) == small.charAt(j)) {
                j++;
            }
        }
        return j == small.length();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /**
     * Opens a file and reads its header.
     *
     * @param path the file
     * @param schema the columns the command reads
     * @return the input, positioned before the first data row
     * @throws InputException if the file cannot be read, is not UTF-8, or its header does not fit
     *     the schema
     */
    public static CsvInput open(Path path, Schema schema) {
        return open(path, schema, Dialect.DEFAULT);
    }

    /**
     * Opens a file of another dialect and reads its header.
     *
     * @param path the file
     * @param schema the columns the command reads
     * @param dialect the delimiter, date format and zone
     * @return the input, positioned before the first data row
     * @throws InputException if the file cannot be read, is not UTF-8, or its header does not fit
     *     the schema
     */
    public static CsvInput open(Path path, Schema schema, Dialect dialect) {
        String file = name(path);
        InputStream in = utf8(path, file);
        try {
            return new CsvInput(path, file, new StrayQuotes(reader(in), dialect.delimiter()), schema, dialect);
        } catch (IOException e) {
            throw FileProblem.reading(path, e);
        } catch (RuntimeException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the refusal is what the user needs
            }
            throw e;
        }
    }

    /**
     * Reads CSV text that is already characters (a bundled resource, say) with the same rules as
     * {@link #open(Path, Schema)}; a leading byte-order mark character is skipped.
     *
     * @param text the characters; closed with the input
     * @param file the name messages give the text
     * @param schema the columns the command reads
     * @return the input, positioned before the first data row
     * @throws InputException if the text cannot be read or its header does not fit the schema
     */
    public static CsvInput read(java.io.Reader text, String file, Schema schema) {
        try {
            java.io.PushbackReader in = new java.io.PushbackReader(text, 1);
            int first = in.read();
            if (first >= 0 && first != '\uFEFF') {
                in.unread(first);
            }
            return new CsvInput(null, file, new StrayQuotes(in, ','), schema, Dialect.DEFAULT);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The name a message gives a file: its last path element.
     *
     * @param path the file
     * @return its name
     */
    public static String name(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /**
     * Opens a file as UTF-8 text: a UTF-8 byte-order mark is skipped; UTF-16 and UTF-32 (by
     * their byte-order marks, or NUL bytes in the first characters) are refused by name.
     *
     * @param path the file
     * @param file the file's name, for messages
     * @return the bytes after any byte-order mark
     * @throws InputException if the file is missing, unreadable or not UTF-8
     */
    public static InputStream utf8(Path path, String file) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        } catch (IOException e) {
            throw FileProblem.reading(path, e);
        }
        try {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            int b0 = head.length > 0 ? head[0] & 0xff : -1;
            int b1 = head.length > 1 ? head[1] & 0xff : -1;
            if (b0 == 0xef && b1 == 0xbb && head.length > 2 && (head[2] & 0xff) == 0xbf) {
                in.skipNBytes(3);
            } else if (b0 == 0xfe && b1 == 0xff || b0 == 0xff && b1 == 0xfe) {
                throw new InputException(file + ":1: the file is UTF-16 (or UTF-32): crm reads UTF-8, "
                        + "with or without a byte-order mark");
            } else if (b0 == 0 || b1 == 0) {
                throw new InputException(file + ":1: the file holds NUL bytes (UTF-16 or binary?): crm reads UTF-8 "
                        + "text, with or without a byte-order mark");
            }
            return in;
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the refusal is what the user needs
            }
            throw FileProblem.reading(path, e);
        } catch (InputException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the refusal is what the user needs
            }
            throw e;
        }
    }

    /**
     * A strict UTF-8 reader of the bytes: a malformed sequence is an error, never a replacement
     * character.
     *
     * @param in the bytes
     * @return the characters
     */
    public static java.io.Reader reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * The message for a file that is not UTF-8.
     *
     * @param file the file's name
     * @param line the line where the bad bytes are
     * @return the one-line message
     */
    public static String notUtf8(String file, long line) {
        return file + ":" + line + ": not valid UTF-8: crm reads UTF-8 text, with or without a byte-order mark "
                + "(convert with e.g. iconv -t UTF-8)";
    }

    /**
     * The first line of a file that is not valid UTF-8 — found by a second pass, since a decoder
     * reports bad bytes a buffer ahead of the line being parsed. A line feed byte never occurs
     * inside a UTF-8 sequence, so lines can be checked one by one.
     *
     * @param path the file
     * @return the 1-based line, or 1 if it cannot be told
     */
    public static long firstMalformedLine(Path path) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            long number = 1;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    try {
                        decoder.reset().decode(java.nio.ByteBuffer.wrap(line.toByteArray()));
                    } catch (CharacterCodingException e) {
                        return number;
                    }
                    if (b < 0) {
                        return 1;
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            return 1;
        }
    }

    private boolean advance() {
        if (plain != null) {
            return advancePlain();
        }
        while (true) {
            long before = parser.getCurrentLineNumber() + linesBefore;
            boolean more;
            try {
                more = records.hasNext();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    throw new InputException(notUtf8(file, path == null ? before + 1 : firstMalformedLine(path)));
                }
                throw new InputException(file + ":" + (before + 1) + ": malformed CSV: a quoted field must end with "
                        + "a quote followed by a comma or the end of the line");
            } catch (IllegalStateException e) {
                throw new InputException(file + ":" + (before + 1) + ": malformed CSV");
            }
            if (!more) {
                record = null;
                return false;
            }
            record = records.next();
            line = before + 1;
            int stray = quotes.strayCell(line - linesBefore);
            if (stray >= 0) {
                String value = stray < record.size() ? record.get(stray) : "";
                String rule = "a quote inside a cell that does not start with one (RFC 4180): quote the whole cell "
                        + "and double the quote, e.g. \"ab\"\"c\"";
                throw header == null ? InputException.of(file, line, "column " + (stray + 1) + " name", value, rule)
                        : InputException.of(file, line, stray < header.size() ? header.get(stray)
                                : "column " + (stray + 1), value, rule);
            }
            if (!(record.size() == 1 && record.get(0).isEmpty())) {
                return true;
            }
        }
    }

    /**
     * Moves to the next data row, skipping blank lines.
     *
     * @return false at the end of the file
     * @throws InputException if the row is malformed CSV, not UTF-8, or has another number of
     *     fields than the header; or, at the end of a file without data rows, {@code file:1: has no
     *     data rows} (unless the schema {@linkplain Schema#mayBeEmpty() may be empty})
     */
    public boolean next() {
        if (!advance()) {
            if (!rowsSeen && !continued && !schema.mayBeEmpty) {
                throw new InputException(file + ":1: has no data rows");
            }
            return false;
        }
        rowsSeen = true;
        int size = plain == null ? record.size() : cells;
        if (size != header.size()) {
            throw InputException.atLine(file, line, "has " + size + " fields but the header has "
                    + header.size());
        }
        return true;
    }

    /** @return the file's name, as messages give it */
    public String file() {
        return file;
    }

    /** @return the header's names, as written */
    public List<String> header() {
        return header;
    }

    /**
     * The position of a schema column in the file.
     *
     * @param name the column's schema name (not an alias)
     * @return its index in the header, or -1 if the file lacks this optional column
     * @throws IllegalArgumentException if the schema has no such column
     */
    public int column(String name) {
        for (int c = 0; c < schema.columns.size(); c++) {
            if (schema.columns.get(c).name().equals(name)) {
                return schemaColumn[c];
            }
        }
        throw new IllegalArgumentException("the schema has no column '" + name + "'");
    }

    /** @return the indices of the header columns the schema does not name, in file order */
    public int[] otherColumns() {
        return others.clone();
    }

    /** @return the file's line of the current row (1 is the header) */
    public long line() {
        return line;
    }

    /**
     * The raw text of a cell of the current row, spaces around it removed.
     *
     * @param column the header index
     * @return the text
     */
    public String text(int column) {
        return cell(column);
    }

    /**
     * A cell of the number grammar.
     *
     * @param column the header index
     * @return the finite value
     * @throws InputException naming file, line, column and value otherwise
     */
    public double number(int column) {
        try {
            if (plain != null) {
                // a cell of a plain line is ASCII: read from its bytes, no string made
                checkPlainColumn(column);
                return Values.number(plain, cellStart[column], cellEnd[column], chars);
            }
            return Values.number(cell(column));
        } catch (IllegalArgumentException e) {
            throw refuse(column, e.getMessage());
        }
    }

    /**
     * A cell of the date grammar.
     *
     * @param column the header index
     * @return the day, as {@link java.time.LocalDate#toEpochDay()}
     * @throws InputException naming file, line, column and value otherwise
     */
    public int epochDay(int column) {
        try {
            if (plain != null && dialect.isIso()) {
                checkPlainColumn(column);
                return Values.epochDay(plain, cellStart[column], cellEnd[column]);
            }
            return dialect.epochDay(cell(column));
        } catch (IllegalArgumentException e) {
            throw refuse(column, e.getMessage());
        }
    }

    /**
     * A cell of the number grammar as an exact decimal (money, say).
     *
     * @param column the header index
     * @return the value
     * @throws InputException naming file, line, column and value otherwise
     */
    public java.math.BigDecimal decimal(int column) {
        String text = cell(column);
        try {
            return Values.decimal(text);
        } catch (IllegalArgumentException e) {
            throw refuse(column, e.getMessage());
        }
    }

    /**
     * Reads a cell as an amount of money in a currency: a number of the grammar with no more
     * decimals than the currency has (5.001 is no amount of CNY, whose smallest unit is 0.01).
     *
     * @param column the column
     * @param currency the currency of the amount
     * @return the amount
     * @throws InputException naming the file, line, column and rule otherwise
     */
    public io.crmkit.core.money.Money money(int column, java.util.Currency currency) {
        return io.crmkit.core.money.Money.of(amount(column, currency), currency);
    }

    /**
     * Reads a cell as an exact amount in a currency, by the one money grammar
     * ({@link Values#money(String, java.util.Currency)}).
     *
     * @param column the column
     * @param currency the currency of the amount
     * @return the amount, as written
     * @throws InputException naming the file, line, column and rule otherwise
     */
    public java.math.BigDecimal amount(int column, java.util.Currency currency) {
        String text = cell(column);
        try {
            return Values.money(text, currency);
        } catch (IllegalArgumentException e) {
            throw refuse(column, e.getMessage());
        }
    }

    /**
     * A cell holding a whole number.
     *
     * @param column the header index
     * @return the value
     * @throws InputException naming file, line, column and value otherwise
     */
    public long wholeNumber(int column) {
        String text = cell(column);
        try {
            return Values.wholeNumber(text);
        } catch (IllegalArgumentException e) {
            throw refuse(column, e.getMessage());
        }
    }

    /**
     * A cell of the date grammar with an optional offset, as an instant.
     *
     * @param column the header index
     * @param zone the zone of a date or date-time without an offset
     * @return the instant
     * @throws InputException naming file, line, column and value otherwise
     */
    public java.time.Instant instant(int column, java.time.ZoneId zone) {
        String text = cell(column);
        try {
            return Values.instant(text, zone);
        } catch (IllegalArgumentException e) {
            throw refuse(column, e.getMessage());
        }
    }

    /**
     * A cell holding a customer id, checked with crm-core's rules.
     *
     * @param column the header index
     * @return the id
     * @throws InputException naming file, line, column and value otherwise
     */
    public String customerId(int column) {
        String text = cell(column);
        try {
            return Values.customerId(text);
        } catch (IllegalArgumentException e) {
            throw refuse(column, e.getMessage());
        }
    }

    /**
     * A refusal of a cell of the current row.
     *
     * @param column the header index
     * @param rule what the value must be
     * @return the refusal, to throw
     */
    public InputException refuse(int column, String rule) {
        return InputException.of(file, line, header.get(column), cell(column), rule);
    }

    /**
     * A refusal of the current row as a whole.
     *
     * @param rule what is wrong
     * @return the refusal, to throw
     */
    public InputException refuse(String rule) {
        return InputException.atLine(file, line, rule);
    }

    @Override
    public void close() {
        if (parser == null) {
            return;
        }
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
