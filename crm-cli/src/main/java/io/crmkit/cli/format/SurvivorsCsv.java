package io.crmkit.cli.format;

import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.ShiftedBetaGeometricModel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The cohort CSV of {@code crm clv fit|predict --model sbg}: a header {@code period,alive} (alias
 * {@code survivors}), one row per period 0, 1, 2, … in order, {@code alive} the whole number of the
 * cohort's customers still active at the end of that period (at period 0: the cohort's size),
 * never rising. Any other column is refused. Read with {@link CsvInput}: a bad row is reported
 * with file, line, field, value and rule.
 */
public final class SurvivorsCsv {

    /** The file's name, as messages give it. */
    public final String file;
    /** Customers active at the end of period 0, 1, …, n. */
    private final long[] alive;

    private SurvivorsCsv(String file, long[] alive) {
        this.file = file;
        this.alive = alive;
    }

    /** @return the schema: period and alive, nothing else */
    public static CsvInput.Schema schema() {
        return CsvInput.Schema.of(CsvInput.Others.REFUSE).required("period").required("alive", "survivors");
    }

    /**
     * Reads the file.
     *
     * @param path the CSV file
     * @return the cohort
     * @throws InputException naming the file, the line and the problem
     */
    public static SurvivorsCsv read(Path path) {
        try (CsvInput in = CsvInput.open(path, schema())) {
            int p = in.column("period");
            int a = in.column("alive");
            long[] alive = new long[64];
            int n = 0;
            while (in.next()) {
                double period = in.number(p);
                if (period != n) {
                    throw in.refuse(p, "must be " + n + ": periods run 0, 1, 2, ... in order");
                }
                double count = in.number(a);
                if (count < 0 || count != Math.rint(count) || count > 1e15) {
                    throw in.refuse(a, "must be a whole number of customers >= 0");
                }
                if (n == 0 && count == 0) {
                    throw in.refuse(a, "must be > 0 at period 0: the cohort's size");
                }
                if (n > 0 && count > alive[n - 1]) {
                    throw in.refuse(a, "exceeds " + alive[n - 1] + " at period " + (n - 1) + ": a cohort only shrinks");
                }
                if (n == alive.length) {
                    alive = Arrays.copyOf(alive, Math.multiplyExact(n, 2));
                }
                alive[n++] = (long) count;
            }
            if (n < 2) {
                throw new InputException(in.file() + ": has " + n + (n == 1 ? " period" : " periods")
                        + ": a cohort needs period 0 and at least one more");
            }
            return new SurvivorsCsv(in.file(), Arrays.copyOf(alive, n));
        }
    }

    /** @return customers active at the end of period 0, 1, …, n */
    public long[] alive() {
        return alive.clone();
    }

    /** @return the cohort as the sBG model's summaries */
    public CustomerSummaries summaries() {
        return ShiftedBetaGeometricModel.cohort(alive);
    }

    /**
     * A library refusal of this input, reworded for the user with the file's name.
     *
     * @param e the library's refusal
     * @return the refusal with the file
     */
    public InputException refusal(IllegalArgumentException e) {
        if (e instanceof InputException known) {
            return known;
        }
        return new InputException(file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}
