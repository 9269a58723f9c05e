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
 * the reference.
 */
final class CovariateTable {

    private final String file;
    private final List<String> header;
    private final Map<String, Integer> rowOf;
    private final List<String[]> rows;

    private CovariateTable(String file, List<String> header, Map<String, Integer> rowOf, List<String[]> rows) {
        this.file = file;
        this.header = header;
        this.rowOf = rowOf;
        this.rows = rows;
    }

    static CovariateTable read(Path path) {
        CsvInput.Schema schema = CsvInput.Schema.of(CsvInput.Others.CARRY).required("customer_id", "id");
        try (CsvInput in = CsvInput.open(path, schema)) {
            int id = in.column("customer_id");
            Map<String, Integer> rowOf = new HashMap<>();
            List<String[]> rows = new ArrayList<>();
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
            }
            if (rows.isEmpty()) {
                throw new InputException(in.file() + ":1: has no data rows");
            }
            return new CovariateTable(in.file(), in.header(), rowOf, rows);
        }
    }

    /**
     * The covariates of the named columns for customers in the given order.
     *
     * @param names the covariate columns
     * @param customers the customer id of every summary row
     * @param summaryFile the summary file, for messages
     * @param summaryLines the file line of every summary row
     * @return the dummy-coded covariates
     */
    Covariates covariates(List<String> names, List<String> customers, String summaryFile, int[] summaryLines) {
        int[] source = new int[customers.size()];
        for (int i = 0; i < customers.size(); i++) {
            Integer row = rowOf.get(customers.get(i));
            if (row == null) {
                throw new InputException(summaryFile + ":" + summaryLines[i] + ": customer_id '" + customers.get(i)
                        + "': has no row in " + file);
            }
            source[i] = row;
        }
        List<String> columns = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (String name : names) {
            int c = header.indexOf(name);
            if (c < 0) {
                throw new InputException(file + ":1: no column '" + name + "': the header has " + header);
            }
            boolean numeric = true;
            TreeSet<String> levels = new TreeSet<>();
            for (int s : source) {
                String text = rows.get(s)[c];
                levels.add(text);
                try {
                    Values.number(text);
                } catch (IllegalArgumentException e) {
                    numeric = false;
                }
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
