package io.crmkit.scoring.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the published data sets copied into the test resources (see the datasets README and
 * NOTICE.md): the CDNOW weekly summary and the donations of Fader, Hardie &amp; Shang (2010).
 */
final class BtydDataFiles {

    private BtydDataFiles() {
    }

    /** CDNOW sample, 2,357 customers, weeks: columns ID, frequency, recency, T. */
    static CustomerSummaries cdnowWeeks() {
        List<double[]> rows = read("cdnow_customers_summary.csv");
        double[] x = new double[rows.size()];
        double[] tx = new double[rows.size()];
        double[] t = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = rows.get(i)[1];
            tx[i] = rows.get(i)[2];
            t[i] = rows.get(i)[3];
        }
        return CustomerSummaries.of(x, tx, t);
    }

    /** Donations, 11,104 donors in 22 weighted rows: frequency, recency, periods, weights. */
    static CustomerSummaries donations() {
        List<double[]> rows = read("donations.csv");
        double[][] columns = new double[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 4; c++) {
                columns[c][i] = rows.get(i)[c];
            }
        }
        return CustomerSummaries.of(columns[0], columns[1], columns[2], columns[3]);
    }

    private static List<double[]> read(String name) {
        InputStream in = BtydDataFiles.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.trim().split(",");
                double[] row = new double[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    row[c] = Double.parseDouble(cells[c]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
