package io.crmkit.benchmarks;

import io.crmkit.scoring.clv.CustomerSummaries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDNOW calibration summary (2,357 customers, weeks) bundled with the benchmarks: a copy of
 * {@code cdnow_customers_summary.csv} from the lifetimes library's data (see NOTICE.md).
 */
final class CdnowData {

    private CdnowData() {
    }

    /** @return the CDNOW summaries, one row per customer, weight 1 */
    static CustomerSummaries summaries() {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = CdnowData.class.getResourceAsStream("cdnow_customers_summary.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",");
                    rows.add(new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2]),
                        Double.parseDouble(cells[3])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] x = new double[rows.size()];
        double[] tx = new double[rows.size()];
        double[] age = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = rows.get(i)[0];
            tx[i] = rows.get(i)[1];
            age[i] = rows.get(i)[2];
        }
        return CustomerSummaries.of(x, tx, age);
    }
}
