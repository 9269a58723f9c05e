package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Static (time-invariant) covariates of customers: named numeric columns, one row per row of the
 * {@link CustomerSummaries} they go with, in the same order. Categorical variables enter as dummy
 * columns (0/1), one per level but the reference level; the caller codes them. Immutable.
 */
public final class Covariates {

    private final ImmutableList<String> names;
    /** [row][column]. */
    private final double[][] values;

    private Covariates(ImmutableList<String> names, double[][] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * Covariates from rows.
     *
     * @param names the column names, distinct, not blank
     * @param rows one row per customer, each as long as {@code names}, finite. The arrays are copied.
     * @return the covariates
     * @throws IllegalArgumentException naming the first bad name, row or value
     */
    public static Covariates of(List<String> names, double[][] rows) {
        requireNonNull(names, "names");
        requireNonNull(rows, "rows");
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            require(name != null && !name.isBlank(), "covariate name '%s' is invalid: it must not be blank", name);
            require(seen.add(name), "covariate %s appears twice: names must be distinct", name);
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            require(rows[i] != null && rows[i].length == names.size(), "covariate row %s has %s values for %s names",
                    i, rows[i] == null ? 0 : rows[i].length, names.size());
            for (int j = 0; j < names.size(); j++) {
                require(Double.isFinite(rows[i][j]), "covariate %s %s at row %s is invalid: it must be finite",
                        names.get(j), rows[i][j], i);
            }
            copy[i] = rows[i].clone();
        }
        return new Covariates(ImmutableList.copyOf(names), copy);
    }

    /**
     * No covariates for {@code rows} customers.
     *
     * @param rows the number of customers, &ge; 0
     * @return the empty covariates
     */
    public static Covariates none(int rows) {
        require(rows >= 0, "rows %s is invalid: it must be >= 0", rows);
        return new Covariates(ImmutableList.of(), new double[rows][0]);
    }

    /** @return the column names */
    public ImmutableList<String> names() {
        return names;
    }

    /** @return the number of rows */
    public int size() {
        return values.length;
    }

    /**
     * @param row a row index
     * @param column a column index
     * @return the value
     */
    public double value(int row, int column) {
        return values[row][column];
    }

    /** @return the number of columns and rows, never the data */
    @Override
    public String toString() {
        return "Covariates" + names + "[rows=" + values.length + "]";
    }
}
