package io.crmkit.cli.format;


import io.crmkit.scoring.clv.CustomerSummaries;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer-summary CSV of {@code crm clv fit|predict}: a header naming at least
 * {@code frequency}, {@code recency} and {@code T} (or {@code periods} for BG/BB), optionally
 * {@code monetary_value}, {@code weight} and {@code litt} (the sum of log inter-purchase times of the
 * Erlang-k models); aliases {@code x}, {@code t_x}, {@code zbar},
 * {@code weights}, {@code n_periods}; other columns are left for {@code predict} to carry through (a
 * name that looks like a misspelt column, such as {@code wt}, is refused). Read with
 * {@link CsvInput}: every value is checked on reading and a bad row is reported with file, line,
 * field, value and rule.
 */
public final class SummaryCsv {

    private static final Pattern ROW = Pattern.compile(" at row (\\d+)");

    /** The file's name, as messages give it. */
    public final String file;
    /** The header, as written. */
    public final List<String> header;
    public final double[] frequency;
    public final double[] recency;
    public final double[] age;
    public final double[] monetary;
    public final double[] weight;
    /** The sum of log inter-purchase times per row ({@code litt}), or null when the file has no such column. */
    public final double[] litt;
    /** The file line of every row. */
    private final int[] lines;
    private final int size;

    private SummaryCsv(String file, List<String> header, int size, double[] frequency,
            double[] recency, double[] age, double[] monetary, double[] weight, double[] litt, int[] lines) {
        this.litt = litt;
        this.file = file;
        this.header = header;
        this.size = size;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetary = monetary;
        this.weight = weight;
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
     * Reads the file.
     *
     * @param path the CSV file
     * @param discrete true for BG/BB ({@code periods} instead of {@code T})
     * @param needMonetary true when {@code monetary_value} is required
     * @return the parsed input
     * @throws InputException naming the file, the line and the problem
     */
    public static SummaryCsv read(Path path, boolean discrete, boolean needMonetary) {
        try (CsvInput in = CsvInput.open(path, schema(discrete, needMonetary))) {
            String ageName = discrete ? "periods" : "T";
            int x = in.column("frequency");
            int tx = in.column("recency");
            int t = in.column(ageName);
            int m = in.column("monetary_value");
            int w = in.column("weight");
            int l = in.column("litt");
            int capacity = 1024;
            double[] frequency = new double[capacity];
            double[] recency = new double[capacity];
            double[] age = new double[capacity];
            double[] monetary = m >= 0 ? new double[capacity] : null;
            double[] weight = new double[capacity];
            double[] litt = l >= 0 ? new double[capacity] : null;
            int[] lines = new int[capacity];
            int n = 0;
            while (in.next()) {
                if (n == capacity) {
                    capacity = Math.multiplyExact(capacity, 2);
                    frequency = Arrays.copyOf(frequency, capacity);
                    recency = Arrays.copyOf(recency, capacity);
                    age = Arrays.copyOf(age, capacity);
                    monetary = monetary == null ? null : Arrays.copyOf(monetary, capacity);
                    weight = Arrays.copyOf(weight, capacity);
                    litt = litt == null ? null : Arrays.copyOf(litt, capacity);
                    lines = Arrays.copyOf(lines, capacity);
                }
                double f = in.number(x);
                double rec = in.number(tx);
                double a = in.number(t);
                if (f < 0 || f != Math.rint(f)) {
                    throw in.refuse(x, "must be a whole number of repeat purchases >= 0");
                }
                if (!(a > 0)) {
                    throw in.refuse(t, "must be > 0");
                }
                if (rec < 0) {
                    throw in.refuse(tx, "must be >= 0");
                }
                if (rec > a) {
                    throw in.refuse(tx, "exceeds " + ageName + " " + in.text(t) + ": the last purchase cannot follow "
                            + "the end of observation");
                }
                if (f == 0 && rec != 0) {
                    throw in.refuse(tx, "must be 0 when frequency is 0");
                }
                frequency[n] = f;
                recency[n] = rec;
                age[n] = a;
                if (m >= 0) {
                    double value = in.number(m);
                    if (value < 0) {
                        throw in.refuse(m, "must be >= 0");
                    }
                    monetary[n] = value;
                }
                weight[n] = 1;
                if (w >= 0) {
                    double value = in.number(w);
                    if (!(value > 0)) {
                        throw in.refuse(w, "must be > 0");
                    }
                    weight[n] = value;
                }
                if (l >= 0) {
                    double value = in.number(l);
                    if (f == 0 && value != 0) {
                        throw in.refuse(l, "must be 0 when frequency is 0");
                    }
                    litt[n] = value;
                }
                lines[n] = (int) Math.min(in.line(), Integer.MAX_VALUE);
                n++;
            }
            if (n == 0) {
                throw new InputException(in.file() + ":1: has no data rows");
            }
            return new SummaryCsv(in.file(), in.header(), n, Arrays.copyOf(frequency, n),
                    Arrays.copyOf(recency, n), Arrays.copyOf(age, n), monetary == null ? null : Arrays.copyOf(monetary, n),
                    Arrays.copyOf(weight, n), litt == null ? null : Arrays.copyOf(litt, n), Arrays.copyOf(lines, n));
        }
    }

    /** The rows as summaries (T holds the periods for BG/BB). */
    public CustomerSummaries summaries() {
        CustomerSummaries s = monetary == null ? CustomerSummaries.of(frequency, recency, age, weight)
                : CustomerSummaries.withMonetaryValue(frequency, recency, age, monetary, weight);
        return litt == null ? s : s.withLogInterPurchaseTimes(litt);
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
