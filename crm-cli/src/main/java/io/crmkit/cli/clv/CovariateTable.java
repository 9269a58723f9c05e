package io.crmkit.cli.clv;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.Values;
import io.crmkit.scoring.clv.Covariates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The covariates file of {@code crm clv fit --covariates}: {@code customer_id} and one column per
 * covariate. A column whose every cell is a number is numeric; any other column is categorical and
 * dummy-coded, one 0/1 column {@code NAME=LEVEL} per level but the first in sorted order, which is
 * the reference. A fitted model's covariates are read back by their names ({@link #coded}).
 */
final class CovariateTable {

    private final String file;
    private final List<String> header;
    private final Map<String, Integer> rowOf;
    private final List<String[]> rows;
    /** The file line of every row. */
    private final List<Long> lines;

    private CovariateTable(String file, List<String> header, Map<String, Integer> rowOf, List<String[]> rows,
            List<Long> lines) {
        this.file = file;
        this.header = header;
        this.rowOf = rowOf;
        this.rows = rows;
        this.lines = lines;
    }

    static CovariateTable read(Path path) {
        CsvInput.Schema schema = CsvInput.Schema.of(CsvInput.Others.CARRY).required("customer_id", "id");
        try (CsvInput in = CsvInput.open(path, schema)) {
            int id = in.column("customer_id");
            Map<String, Integer> rowOf = new HashMap<>();
            List<String[]> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            int width = in.header().size();
            while (in.next()) {
                String customer = in.customerId(id);
                if (rowOf.putIfAbsent(customer, rows.size()) != null) {
                    throw in.refuse(id, "appears twice: one row of covariates per customer");
                }
                String[] row = new String[width];
                for (int c = 0; c < width; c++) {
                    row[c] = in.text(c);
                }
                rows.add(row);
                lines.add(in.line());
            }
            if (rows.isEmpty()) {
                throw new InputException(in.file() + ":1: has no data rows");
            }
            return new CovariateTable(in.file(), in.header(), rowOf, rows, lines);
        }
    }

    /**
     * The covariates a fitted model names, for customers in the given order: a name that is a
     * column is that column, numeric; {@code NAME=LEVEL} is 1 where column NAME holds LEVEL, else 0
     * (the coding {@link #covariates} gave the model).
     *
     * @param names the model's covariate names
     * @param customers the customer id of every summary row
     * @param summaryFile the summary file, for messages
     * @param summaryLines the file line of every summary row
     * @return the covariates in the order of {@code names}
     */
    Covariates coded(java.util.Collection<String> names, List<String> customers, String summaryFile,
            int[] summaryLines) {
        int[] source = rows(customers, summaryFile, summaryLines);
        List<String> columns = new ArrayList<>(names);
        double[][] matrix = new double[source.length][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            String name = columns.get(j);
            int c = header.indexOf(name);
            int equals = name.indexOf('=');
            String level = null;
            if (c < 0 && equals > 0) {
                c = header.indexOf(name.substring(0, equals));
                level = name.substring(equals + 1);
            }
            if (c < 0) {
                throw new InputException(file + ":1: no column '" + (equals > 0 ? name.substring(0, equals) : name)
                        + "': the model has covariate " + name + ", the header has " + header);
            }
            for (int i = 0; i < source.length; i++) {
                String text = rows.get(source[i])[c];
                if (level != null) {
                    matrix[i][j] = text.equals(level) ? 1 : 0;
                } else {
                    try {
                        matrix[i][j] = Values.number(text);
                    } catch (IllegalArgumentException e) {
                        throw new InputException(file + ":" + lineOf(source[i]) + ": " + name + " '" + text
                                + "': not a decimal number (the model's covariate is numeric)");
                    }
                }
            }
        }
        return Covariates.of(columns, matrix);
    }

    private int[] rows(List<String> customers, String summaryFile, int[] summaryLines) {
        int[] source = new int[customers.size()];
        for (int i = 0; i < customers.size(); i++) {
            Integer row = rowOf.get(customers.get(i));
            if (row == null) {
                throw new InputException(summaryFile + ":" + summaryLines[i] + ": customer_id '" + customers.get(i)
                        + "': has no row in " + file);
            }
            source[i] = row;
        }
        return source;
    }

    private static boolean isNumber(String text) {
        try {
            Values.number(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a numeric column holds one value for every customer. */
    private boolean constant(int[] source, int column) {
        double first = Values.number(rows.get(source[0])[column]);
        for (int s : source) {
            if (Values.number(rows.get(s)[column]) != first) {
                return false;
            }
        }
        return true;
    }

    /** The file line of a data row (the header is line 1; one record a line). */
    private long lineOf(int row) {
        return lines.get(row);
    }

    /**
     * The covariates of the named columns for customers in the given order.
     *
     * @param names the covariate columns
     * @param option the option that names them ({@code --trans}, {@code --life}), for messages
     * @param customers the customer id of every summary row
     * @param summaryFile the summary file, for messages
     * @param summaryLines the file line of every summary row
     * @return the dummy-coded covariates
     */
    Covariates covariates(List<String> names, String option, List<String> customers, String summaryFile,
            int[] summaryLines) {
        int[] source = rows(customers, summaryFile, summaryLines);
        List<String> columns = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (String name : names) {
            int c = header.indexOf(name);
            if (c < 0) {
                throw new InputException(file + ":1: " + option + " " + Values.quote(name) + ": no such column (the"
                        + " header has " + String.join(", ", header) + ")");
            }
            TreeSet<String> levels = new TreeSet<>();
            int firstNumber = -1;
            int firstText = -1;
            for (int s : source) {
                String text = rows.get(s)[c];
                levels.add(text);
                if (isNumber(text)) {
                    firstNumber = firstNumber < 0 ? s : Math.min(firstNumber, s);
                } else {
                    firstText = firstText < 0 ? s : Math.min(firstText, s);
                }
            }
            boolean numeric = firstText < 0;
            if (source.length == 0) {
                continue;
            }
            if (firstNumber >= 0 && firstText >= 0) {
                // a column of numbers with a stray word (or words with a stray number) is a typo, not a category
                int odd = firstNumber < firstText ? firstText : firstNumber;
                throw InputException.of(file, lineOf(odd), name, rows.get(odd)[c], firstNumber < firstText
                        ? "not a decimal number, while the column's other cells are (a numeric covariate needs a"
                                + " number in every row)"
                        : "a number in a column of categories (a categorical covariate's levels are words)");
            }
            int first = Math.min(firstNumber < 0 ? Integer.MAX_VALUE : firstNumber,
                    firstText < 0 ? Integer.MAX_VALUE : firstText);
            if (numeric ? constant(source, c) : levels.size() < 2) {
                throw InputException.of(file, lineOf(first), name, rows.get(first)[c], "the same for every customer"
                        + " fitted: a constant covariate's coefficient cannot be told from the model's own parameters");
            }
            if (numeric) {
                double[] column = new double[source.length];
                for (int i = 0; i < source.length; i++) {
                    column[i] = Values.number(rows.get(source[i])[c]);
                }
                columns.add(name);
                values.add(column);
            } else {
                levels.pollFirst();
                for (String level : levels) {
                    double[] column = new double[source.length];
                    for (int i = 0; i < source.length; i++) {
                        column[i] = rows.get(source[i])[c].equals(level) ? 1 : 0;
                    }
                    columns.add(name + "=" + level);
                    values.add(column);
                }
            }
        }
        double[][] matrix = new double[source.length][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            double[] column = values.get(j);
            for (int i = 0; i < source.length; i++) {
                matrix[i][j] = column[i];
            }
        }
        return Covariates.of(columns, matrix);
    }
}
