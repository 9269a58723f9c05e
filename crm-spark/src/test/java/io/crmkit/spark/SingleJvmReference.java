package io.crmkit.spark;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.rfm.RfmScore;
import io.crmkit.scoring.rfm.RfmScorer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-JVM results for a transaction log given as text rows {@code customer_id,date,amount}:
 * what {@code crm clv summarize} and {@code crm rfm} compute, by the library calls they make, and
 * the discrete-time summaries of BG/BB, by {@link CustomerSummarizer#groupingBy}.
 */
final class SingleJvmReference {

    /** The summaries by customer, and the same rows as library summaries, in first-appearance order. */
    final Map<String, double[]> summaries = new LinkedHashMap<>();
    final CustomerSummaries columns;
    final Map<String, RfmScore> rfm = new HashMap<>();
    /** The discrete-time summaries of BG/BB (one transaction per period of {@code unit}), by customer. */
    final Map<String, double[]> periodSummaries = new LinkedHashMap<>();
    final CustomerSummaries periodColumns;

    SingleJvmReference(List<String[]> rows, LocalDate asOf, Duration unit) {
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        int n = rows.size();
        int[] customer = new int[n];
        int[] day = new int[n];
        double[] amount = new double[n];
        List<Purchase> purchases = new ArrayList<>();
        Currency usd = Currency.getInstance("USD");
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            customer[i] = index.computeIfAbsent(r[0], id -> {
                ids.add(id);
                return ids.size() - 1;
            });
            LocalDate date = LocalDate.parse(r[1]);
            day[i] = Math.toIntExact(date.toEpochDay());
            amount[i] = Double.parseDouble(r[2]);
            if (!date.isAfter(asOf)) {
                purchases.add(Purchase.of(CustomerId.of(r[0]), date.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        Money.of(new BigDecimal(r[2]), usd)));
            }
        }
        CustomerSummarizer.IndexedSummaries result = CustomerSummarizer.asOf(asOf).inUnitsOf(unit)
                .summarizeEpochDays(customer, day, amount);
        columns = result.summaries();
        for (int row = 0; row < result.size(); row++) {
            summaries.put(ids.get(result.customerIndex(row)), new double[] {columns.frequency(row),
                columns.recency(row), columns.age(row), columns.monetaryValue(row)});
        }
        CustomerSummarizer.IndexedSummaries periods = CustomerSummarizer.asOf(asOf).groupingBy(unit).inUnitsOf(unit)
                .summarizeEpochDays(customer, day, amount);
        periodColumns = periods.summaries();
        for (int row = 0; row < periods.size(); row++) {
            periodSummaries.put(ids.get(periods.customerIndex(row)), new double[] {periodColumns.frequency(row),
                periodColumns.recency(row), periodColumns.age(row), periodColumns.monetaryValue(row)});
        }
        for (RfmScore s : RfmScorer.standard().score(purchases, asOf)) {
            rfm.put(s.customer().value(), s);
        }
    }
}
