package io.crmkit.scoring.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the lifetimes data sets copied into the test resources (see NOTICE.md). */
final class Datasets {

    private Datasets() {
    }

    /** The lines of a resource, header included, blank lines dropped. */
    static List<String> lines(String name) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Datasets.class.getResourceAsStream(name), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numeric columns of a CSV resource with a header, as [column][row]. */
    static double[][] columns(String name, int count) {
        List<String> lines = lines(name);
        double[][] out = new double[count][lines.size() - 1];
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",");
            for (int c = 0; c < count; c++) {
                out[c][row - 1] = Double.parseDouble(cells[c]);
            }
        }
        return out;
    }

    /** cdnow_customers_summary.csv as summaries (x, t_x, T in weeks). */
    static CustomerSummaries cdnow() {
        double[][] c = columns("cdnow_customers_summary.csv", 4);
        return CustomerSummaries.of(c[1], c[2], c[3]);
    }

    /** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
    static double[][] cdnowWithSpend() {
        return columns("cdnow_customers_summary_with_transactions.csv", 5);
    }
}
