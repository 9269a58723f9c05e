package io.crmkit.cli.tour;

import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.LifetimeValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Tour chapter: BG/NBD and Gamma-Gamma on the CDNOW sample of Fader, Hardie &amp; Lee. */
public final class LifetimeValueTour implements TourSection {

    private static final String DATA = "/io/crmkit/data/";

    @Override
    public String title() {
        return "Lifetime value on CDNOW";
    }

    @Override
    public void narrate(PrintWriter out) {
        out.println("CDNOW sold CDs online. Fader, Hardie & Lee followed 2,357 customers who first bought in early");
        out.println("1997; we summarise their purchase log up to 1997-09-30 (39 weeks) into frequency x (repeat");
        out.println("purchase days), recency t_x and age T, in weeks.");
        int[][] log = transactionLog();
        CustomerSummarizer.IndexedSummaries summary = CustomerSummarizer.asOf(LocalDate.of(1997, 9, 30))
                .inUnitsOf(Duration.ofDays(7)).summarizeEpochDays(log[0], log[1], null);
        CustomerSummaries data = summary.summaries();
        out.printf(Locale.ROOT, "  %d purchase rows -> %d customers; customer 1: x %.0f, t_x %.2f, T %.2f%n",
                log[0].length, summary.size(), data.frequency(0), data.recency(0), data.age(0));

        BetaGeoModel purchases = BetaGeoModel.fit(data);
        out.println();
        out.println("BG/NBD (buy at a Poisson rate, drop out after a purchase with probability p), fitted by");
        out.println("maximum likelihood:");
        out.printf(Locale.ROOT, "  crmkit: r %.4f  alpha %.3f  a %.3f  b %.3f  LL %.2f  (%d BFGS iterations)%n",
                purchases.r(), purchases.alpha(), purchases.a(), purchases.b(),
                purchases.diagnostics().logLikelihood(), purchases.diagnostics().iterations());
        out.println("  paper:  r 0.243   alpha 4.414  a 0.793  b 2.426  LL -9582.4");
        out.printf(Locale.ROOT, "  a new customer buys %.3f times in 39 weeks, %.3f in 78 (lifetimes: 1.195, 1.858)%n",
                purchases.expectedPurchases(39), purchases.expectedPurchases(78));
        out.printf(Locale.ROOT, "  customer (x 2, t_x 30.43, T 38.86): %.3f purchases in the next 39 weeks (paper 1.226)%n",
                purchases.conditionalExpectedPurchases(39, 2, 30.43, 38.86));

        double[][] spendFile = spendSummary();
        CustomerSummaries withSpend = CustomerSummaries.withMonetaryValue(spendFile[1], spendFile[2], spendFile[3],
                spendFile[4]);
        GammaGammaModel spend = GammaGammaModel.fit(withSpend);
        out.println();
        out.println("Gamma-Gamma spend per purchase, on the 946 repeat customers:");
        out.printf(Locale.ROOT, "  crmkit: p %.3f  q %.3f  v %.3f  (paper: 6.25, 3.74, 15.44)%s%n", spend.p(), spend.q(),
                spend.v(), spend.warnings().isEmpty() ? "" : "  warnings: " + spend.warnings());

        LifetimeValue clv = LifetimeValue.of(purchases, spend).withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH);
        int n = withSpend.size();
        double[] value = new double[n];
        double[] alive = new double[n];
        clv.values(spendFile[1], spendFile[2], spendFile[3], spendFile[4], value);
        purchases.probabilityAlive(spendFile[1], spendFile[2], spendFile[3], alive);
        out.println();
        out.println("Twelve-month lifetime value (1% a month, lifetimes' convention), the top five:");
        out.println("  ID     x   t_x     T   zbar  p_alive     CLV");
        IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble((Integer i) -> -value[i])).limit(5)
                .forEach(i -> out.printf(Locale.ROOT, "  %-5.0f %2.0f %5.2f %5.2f %6.2f  %6.3f %8.2f%n", spendFile[0][i],
                        spendFile[1][i], spendFile[2][i], spendFile[3][i], spendFile[4][i], alive[i], value[i]));
        double total = 0;
        for (double v : value) {
            total += v;
        }
        out.printf(Locale.ROOT, "  the whole sample is worth $%.0f over the next year; a silent frequent buyer%n", total);
        out.printf(Locale.ROOT, "  (x 10, last seen in week 5) is alive with probability %.3f, a one-time buyer with 1%n",
                purchases.probabilityAlive(10, 5, 38.86));
        out.println("  (in BG/NBD dropping out only follows a repeat purchase; MBG/NBD relaxes that).");
    }

    /** CDNOW_sample.txt: sample id - 1 and epoch day per purchase row. */
    private static int[][] transactionLog() {
        List<int[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open("CDNOW_sample.txt"),
                StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 5) {
                    rows.add(new int[] {Integer.parseInt(f[1]) - 1,
                        (int) LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE).toEpochDay()});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[][] columns = new int[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            columns[0][i] = rows.get(i)[0];
            columns[1][i] = rows.get(i)[1];
        }
        return columns;
    }

    /** cdnow_customers_summary_with_transactions.csv as columns ID, x, t_x, T, zbar. */
    private static double[][] spendSummary() {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new InputStreamReader(open("cdnow_customers_summary_with_transactions.csv"),
                        StandardCharsets.US_ASCII))) {
            List<CSVRecord> records = parser.getRecords();
            double[][] columns = new double[5][records.size()];
            for (int i = 0; i < records.size(); i++) {
                for (int c = 0; c < 5; c++) {
                    columns[c][i] = Double.parseDouble(records.get(i).get(c));
                }
            }
            return columns;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = LifetimeValueTour.class.getResourceAsStream(DATA + name);
        if (in == null) {
            throw new IllegalStateException("bundled data " + name + " is missing from the jar");
        }
        return in;
    }
}
