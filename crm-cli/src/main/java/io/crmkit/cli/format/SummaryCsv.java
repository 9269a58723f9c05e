package io.crmkit.cli.format;


import io.crmkit.scoring.clv.CustomerSummaries;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The customer-summary CSV of {@code crm clv fit|predict}: a header naming at least
 * {@code frequency}, {@code recency} and {@code T} (or {@code periods} for BG/BB), optionally
 * {@code monetary_value} and {@code weight}; aliases {@code x}, {@code t_x}, {@code zbar},
 * {@code weights}, {@code n_periods}; other columns are kept as text to be carried through.
 * Every value is checked on reading and a bad row is reported with file, line and problem.
 */
public final class SummaryCsv {

    /**
     * The CSV dialect of every {@code crm clv} input (summaries and transaction logs): a header
     * row, surrounding spaces ignored. Empty lines come through as records so that record numbers
     * stay line numbers; readers skip them with {@link #blank(CSVRecord)}.
     */
    public static final CSVFormat INPUT_FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).build();

    /**
     * Whether the record is an empty line, which the readers skip.
     *
     * @param record a record of {@link #INPUT_FORMAT}
     * @return true for a line without any content
     */
    public static boolean blank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    private static final Map<String, String> ALIASES = Map.of("x", "frequency", "t_x", "recency", "zbar",
            "monetary_value", "weights", "weight", "n_periods", "periods", "t", "T");

    public final String file;
    public final List<String> header;
    public final List<List<String>> cells = new ArrayList<>();
    public final double[] frequency;
    public final double[] recency;
    public final double[] age;
    public final double[] monetary;
    public final double[] weight;

    private SummaryCsv(String file, List<String> header, int rows, boolean monetary) {
        this.file = file;
        this.header = header;
        this.frequency = new double[rows];
        this.recency = new double[rows];
        this.age = new double[rows];
        this.monetary = monetary ? new double[rows] : null;
        this.weight = new double[rows];
    }

    /**
     * Reads the file.
     *
     * @param path the CSV file
     * @param discrete true for BG/BB ({@code periods} instead of {@code T})
     * @param needMonetary true when {@code monetary_value} is required
     * @return the parsed input
     * @throws IllegalArgumentException naming the file, the line and the problem
     */
    public static SummaryCsv read(Path path, boolean discrete, boolean needMonetary) {
        String file = path.getFileName().toString();
        List<CSVRecord> records;
        List<String> header;
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser parser = INPUT_FORMAT.parse(in)) {
            header = parser.getHeaderNames();
            records = parser.getRecords().stream().filter(r -> !blank(r)).toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": cannot read CSV: " + e.getMessage());
        }
        String ageName = discrete ? "periods" : "T";
        int x = column(file, header, "frequency", true);
        int tx = column(file, header, "recency", true);
        int t = column(file, header, ageName, true);
        int m = column(file, header, "monetary_value", needMonetary);
        int w = column(file, header, "weight", false);
        SummaryCsv input = new SummaryCsv(file, header, records.size(), m >= 0);
        for (int row = 0; row < records.size(); row++) {
            CSVRecord r = records.get(row);
            long line = r.getRecordNumber() + 1;
            require(r.size() == header.size(), file, line,
                    "has " + r.size() + " fields but the header has " + header.size());
            input.cells.add(r.toList());
            double f = number(file, line, "frequency", r.get(x));
            double rec = number(file, line, "recency", r.get(tx));
            double age = number(file, line, ageName, r.get(t));
            require(f >= 0 && f == Math.rint(f), file, line, "frequency '" + r.get(x)
                    + "' is invalid: it must be a whole number of repeat purchases >= 0");
            require(age > 0, file, line, ageName + " '" + r.get(t) + "' is invalid: it must be > 0");
            require(rec >= 0, file, line, "recency '" + r.get(tx) + "' is invalid: it must be >= 0");
            require(rec <= age, file, line, "recency " + r.get(tx) + " exceeds " + ageName + " " + r.get(t));
            require(f > 0 || rec == 0, file, line, "recency " + r.get(tx) + " must be 0 when frequency is 0");
            input.frequency[row] = f;
            input.recency[row] = rec;
            input.age[row] = age;
            if (m >= 0) {
                double value = number(file, line, "monetary_value", r.get(m));
                require(value >= 0, file, line, "monetary_value '" + r.get(m) + "' is negative");
                input.monetary[row] = value;
            }
            input.weight[row] = 1;
            if (w >= 0) {
                double weight = number(file, line, "weight", r.get(w));
                require(weight > 0, file, line, "weight '" + r.get(w) + "' is invalid: it must be > 0");
                input.weight[row] = weight;
            }
        }
        require(!records.isEmpty(), file, 1, "has no data rows");
        return input;
    }

    /** The rows as summaries (T holds the periods for BG/BB). */
    public CustomerSummaries summaries() {
        return monetary == null ? CustomerSummaries.of(frequency, recency, age, weight)
                : CustomerSummaries.withMonetaryValue(frequency, recency, age, monetary, weight);
    }

    public int size() {
        return frequency.length;
    }

    private static int column(String file, List<String> header, String name, boolean required) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            String canonical = ALIASES.getOrDefault(h.toLowerCase(Locale.ROOT), h.toLowerCase(Locale.ROOT));
            if (canonical.equalsIgnoreCase(name)) {
                return i;
            }
        }
        if (required) {
            throw new IllegalArgumentException(file + " line 1: header " + header + " has no column '" + name + "'");
        }
        return -1;
    }

    private static double number(String file, long line, String field, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": " + field + " '" + text + "' is not a number");
        }
        require(Double.isFinite(value), file, line, field + " '" + text + "' is not a finite number");
        return value;
    }

    public static void require(boolean ok, String file, long line, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(file + " line " + line + ": " + problem);
        }
    }
}
