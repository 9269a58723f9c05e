package io.crmkit.examples;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.CustomerSummary;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.LifetimeValue;
import io.crmkit.scoring.rfm.RfmScore;
import io.crmkit.scoring.rfm.RfmScorer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * crm-scoring on the bundled CDNOW sample: RFM segments, then BG/NBD and Gamma-Gamma fitted on
 * the calibration period and each customer's twelve-month lifetime value. Run it from the IDE.
 */
public final class ScoringExample {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static final LocalDate END = LocalDate.of(1998, 6, 30);

    private ScoringExample() {
    }

    /**
     * Scores the bundled CDNOW transactions.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        List<Purchase> purchases = cdnow();
        System.out.printf(Locale.ROOT, "%d purchases of %d customers%n", purchases.size(),
                purchases.stream().map(Purchase::customer).distinct().count());

        Map<String, Integer> segments = new TreeMap<>();
        for (RfmScore s : RfmScorer.standard().score(purchases, END)) {
            segments.merge(s.segment(), 1, Integer::sum);
        }
        System.out.println("RFM segments as of " + END + ": " + segments);

        List<CustomerSummary> rows = CustomerSummarizer.asOf(CALIBRATION_END).inUnitsOf(Duration.ofDays(7))
                .summarize(purchases);
        CustomerSummaries weeks = CustomerSummary.toSummaries(rows);
        BetaGeoModel bgnbd = BetaGeoModel.fit(weeks);
        GammaGammaModel spend = GammaGammaModel.fit(weeks);
        System.out.println("BG/NBD " + format(bgnbd.parameters()));
        System.out.println("Gamma-Gamma " + format(spend.parameters()));

        LifetimeValue clv = LifetimeValue.of(bgnbd, spend).overMonths(12).withMonthlyDiscountRate(0.01)
                .withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH);
        rows.stream()
                .filter(c -> c.frequency() > 0)
                .sorted(Comparator.comparingDouble((CustomerSummary c) ->
                        -clv.value(c.frequency(), c.recency(), c.age(), c.monetaryValue())))
                .limit(3)
                .forEach(c -> System.out.printf(Locale.ROOT, "%s: %d repeat purchases, P(alive) %.3f, 12-month value %.2f%n",
                        c.customer().value(), (long) c.frequency(), bgnbd.probabilityAlive(c.frequency(), c.recency(), c.age()),
                        clv.value(c.frequency(), c.recency(), c.age(), c.monetaryValue())));
    }

    private static String format(Map<String, Double> parameters) {
        StringBuilder b = new StringBuilder();
        parameters.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", v)));
        return b.toString();
    }

    private static List<Purchase> cdnow() {
        List<Purchase> purchases = new ArrayList<>();
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                ScoringExample.class.getResourceAsStream("/io/crmkit/data/cdnow-transactions.csv")), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                purchases.add(Purchase.of(CustomerId.of(r.get("customer_id")),
                        LocalDate.parse(r.get("date")).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        Money.of(r.get("amount"), "USD")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return purchases;
    }
}
