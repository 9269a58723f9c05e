package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

/** Checks for the bulk, column-wise prediction methods. */
final class Columns {

    private Columns() {
    }

    /**
     * Checks that the input columns have equal length and the output is long enough.
     *
     * @param x frequency column
     * @param tx recency column
     * @param age T column
     * @param out output column
     */
    static void check(double[] x, double[] tx, double[] age, double[] out) {
        requireNonNull(x, "x");
        requireNonNull(tx, "tx");
        requireNonNull(age, "T");
        requireNonNull(out, "out");
        require(tx.length == x.length && age.length == x.length,
                "columns differ in length: x %s, tx %s, T %s", x.length, tx.length, age.length);
        require(out.length >= x.length, "output column of length %s is shorter than the %s input rows",
                out.length, x.length);
    }
}
