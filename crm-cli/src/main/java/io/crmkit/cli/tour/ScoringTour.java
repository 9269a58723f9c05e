package io.crmkit.cli.tour;

import io.crmkit.cli.format.Csv;
import io.crmkit.cli.format.TierPolicyJson;

import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.scoring.clv.RetentionValue;
import io.crmkit.scoring.rfm.RfmScore;
import io.crmkit.scoring.rfm.RfmScorer;
import io.crmkit.scoring.satisfaction.ItemRating;
import io.crmkit.scoring.satisfaction.RaterDimension;
import io.crmkit.scoring.satisfaction.ServiceQuality;
import io.crmkit.scoring.satisfaction.ServiceQualityReport;
import io.crmkit.scoring.satisfaction.SurveyReport;
import io.crmkit.scoring.satisfaction.SurveyResponse;
import io.crmkit.scoring.tier.DowngradeRule;
import io.crmkit.scoring.tier.TierMovement;
import io.crmkit.scoring.tier.TierPolicy;
import io.crmkit.scoring.value.AbcClass;
import io.crmkit.scoring.value.ParetoClassifier;
import io.crmkit.scoring.value.PortfolioMatrix;
import io.crmkit.scoring.value.PortfolioQuadrant;
import io.crmkit.scoring.value.ProfitAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The tour's chapter on crm-scoring: tiers, RFM, ABC and 80/20, the portfolio matrix, service quality, simple lifetime value. */
public final class ScoringTour implements TourSection {

    static final String DATA = "/io/crmkit/data/";
    static final LocalDate CDNOW_END = LocalDate.of(1998, 6, 30);

    @Override
    public String title() {
        return "Scoring customers: tiers, RFM, ABC and 80/20, portfolio, service quality, lifetime value";
    }

    @Override
    public void narrate(PrintWriter out) {
        tiers(out);
        List<Purchase> purchases = cdnow();
        rfm(out, purchases);
        value(out, purchases);
        portfolio(out, purchases);
        serviceQuality(out);
        lifetimeValue(out);
    }

    static Reader resource(String file) {
        InputStream in = ScoringTour.class.getResourceAsStream(DATA + file);
        if (in == null) {
            throw new IllegalStateException("bundled data " + file + " is missing from the jar");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static List<Purchase> cdnow() {
        try (Reader in = resource("cdnow-transactions.csv")) {
            return Csv.readTransactions(in, "cdnow-transactions.csv", Money.currency("USD"), CDNOW_END);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void tiers(PrintWriter out) {
        out.println("Tier ladders (docs/domain.md §3). The bank's wealth tiers with loans, read from wealth-tiers.json:");
        TierPolicy policy;
        List<Csv.MetricsRow> rows;
        try (Reader json = resource("wealth-tiers.json"); Reader csv = resource("customer-metrics.csv")) {
            policy = TierPolicyJson.read(json, "wealth-tiers.json");
            rows = Csv.readMetrics(csv, "customer-metrics.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Csv.MetricsRow row : rows) {
            out.printf("  %s  %s%n", row.customerId(), policy.place(row.metrics()).reason());
        }
        out.println("A tier can need two criteria at once: c-006 has assets+loans of 9,000,000 but assets of only 3,000,000.");
        out.println();
        out.println("Movement over six month-ends under a grace of one period, one tier at a time (TierPolicy.track):");
        Map<LocalDate, Map<String, Double>> months = new LinkedHashMap<>();
        double[] assets = {1_200_000, 5_400_000, 4_100_000, 4_000_000, 60_000, 70_000};
        for (int i = 0; i < assets.length; i++) {
            months.put(LocalDate.of(2026, i + 1, 1).plusMonths(1).minusDays(1), Map.of("assets", assets[i], "loans", 0.0));
        }
        for (TierMovement move : policy.track(months, DowngradeRule.gracePeriods(1).withOneTierPerPeriod())) {
            out.println("  " + move);
        }
    }

    private static void rfm(PrintWriter out, List<Purchase> purchases) {
        out.println();
        out.printf("RFM on the bundled CDNOW sample (%,d purchases, Fader & Hardie), as of %s:%n", purchases.size(), CDNOW_END);
        List<RfmScore> scores = RfmScorer.standard().score(purchases, CDNOW_END);
        Map<String, Integer> bySegment = new TreeMap<>();
        for (RfmScore s : scores) {
            bySegment.merge(s.segment(), 1, Integer::sum);
        }
        bySegment.forEach((segment, n) -> out.printf("  %-20s %5d customers%n", segment, n));
        long once = scores.stream().filter(s -> s.frequency() == 1).count();
        int fOfOnce = scores.stream().filter(s -> s.frequency() == 1).mapToInt(RfmScore::f).max().orElse(0);
        int fOfTwice = scores.stream().filter(s -> s.frequency() == 2).mapToInt(RfmScore::f).min().orElse(0);
        out.printf("%,d of %,d customers bought once: ties are never split, so all of them score f = %d, and those who bought twice f = %d.%n",
                once, scores.size(), fOfOnce, fOfTwice);
        RfmScore first = scores.get(0);
        out.printf("  customer %s: last bought %d days before, %d purchases, %s -> r=%d f=%d m=%d, %s%n",
                first.customer().value(), first.recencyDays(), first.frequency(), first.monetary(), first.r(), first.f(), first.m(), first.segment());
    }

    private static double[] spendPerCustomer(List<Purchase> purchases, LocalDate from, LocalDate to, Map<String, Integer> index) {
        double[] spend = new double[index.size()];
        for (Purchase p : purchases) {
            LocalDate d = p.time().atZone(ZoneOffset.UTC).toLocalDate();
            if (!d.isBefore(from) && !d.isAfter(to)) {
                spend[index.get(p.customer().value())] += p.amount().amount().doubleValue();
            }
        }
        return spend;
    }

    private static Map<String, Integer> customerIndex(List<Purchase> purchases) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Purchase p : purchases) {
            index.putIfAbsent(p.customer().value(), index.size());
        }
        return index;
    }

    private static void value(PrintWriter out, List<Purchase> purchases) {
        out.println();
        Map<String, Integer> index = customerIndex(purchases);
        double[] spend = spendPerCustomer(purchases, LocalDate.MIN, CDNOW_END, index);
        out.printf("80/20: the top 20%% of the %,d CDNOW customers bring %.1f%% of the revenue.%n",
                spend.length, 100 * ParetoClassifier.topShare(spend, 0.20));
        AbcClass[] abc = ParetoClassifier.standard().abc(spend);
        Map<AbcClass, double[]> byClass = new EnumMap<>(AbcClass.class);
        double total = 0;
        for (int i = 0; i < spend.length; i++) {
            double[] acc = byClass.computeIfAbsent(abc[i], c -> new double[2]);
            acc[0]++;
            acc[1] += spend[i];
            total += spend[i];
        }
        out.println("ABC by cumulative share of revenue (80/15/5; the customer who crosses a line joins the class being filled):");
        for (Map.Entry<AbcClass, double[]> e : byClass.entrySet()) {
            out.printf("  %s: %,5.0f customers (%4.1f%%) bring %4.1f%% of revenue%n",
                    e.getKey(), e.getValue()[0], 100 * e.getValue()[0] / spend.length, 100 * e.getValue()[1] / total);
        }
        ProfitAction[] actions = ParetoClassifier.standard().keepMaintainLetGo(spend);
        Map<ProfitAction, Integer> byAction = new EnumMap<>(ProfitAction.class);
        for (ProfitAction a : actions) {
            byAction.merge(a, 1, Integer::sum);
        }
        out.println("The seed's 20/60/20 rule by count (revenue standing in for profit; ties share the better action): " + byAction);
        out.println("From the shell, on one value per customer: crm value abc|pareto|deciles|portfolio --input data/customer-values.csv");
    }

    private static void portfolio(PrintWriter out, List<Purchase> purchases) {
        out.println();
        Map<String, Integer> index = customerIndex(purchases);
        double[] before = spendPerCustomer(purchases, LocalDate.of(1997, 1, 1), LocalDate.of(1997, 9, 30), index);
        double[] after = spendPerCustomer(purchases, LocalDate.of(1997, 10, 1), CDNOW_END, index);
        PortfolioQuadrant[] q = PortfolioMatrix.standard().placeByRelativeValue(before, after);
        Map<PortfolioQuadrant, Integer> counts = new EnumMap<>(PortfolioQuadrant.class);
        for (PortfolioQuadrant p : q) {
            counts.merge(p, 1, Integer::sum);
        }
        out.println("Portfolio matrix, Oct 1997-Jun 1998 against Jan-Sep 1997 (share: spend over the mean; growth split 10%):");
        out.println("  " + counts);
    }

    private static void serviceQuality(PrintWriter out) {
        out.println();
        ServiceQuality q = ServiceQuality.builder(1, 7)
                .item("delivered on the promised day", RaterDimension.RELIABILITY)
                .item("salesperson knew the product", RaterDimension.ASSURANCE)
                .item("showroom clean and tidy", RaterDimension.TANGIBLES)
                .item("remembered my needs", RaterDimension.EMPATHY)
                .item("called back within 48 hours", RaterDimension.RESPONSIVENESS)
                .weight(RaterDimension.RELIABILITY, 0.30).weight(RaterDimension.ASSURANCE, 0.20).weight(RaterDimension.TANGIBLES, 0.10)
                .weight(RaterDimension.EMPATHY, 0.15).weight(RaterDimension.RESPONSIVENESS, 0.25)
                .build();
        ServiceQualityReport r = q.assess(List.of(
                new ItemRating("delivered on the promised day", 7, 5), new ItemRating("delivered on the promised day", 6, 6),
                new ItemRating("salesperson knew the product", 6, 6), new ItemRating("showroom clean and tidy", 5, 6),
                new ItemRating("remembered my needs", 5, 4), new ItemRating("called back within 48 hours", 7, 4)));
        out.println("Service quality (SERVQUAL, RATER; satisfaction = perception - expectation on a 1-7 scale):");
        r.dimensionGaps().forEach((d, gap) -> out.printf("  %-15s gap %+5.2f (weight %.2f)%n", d, gap, q.weights().get(d)));
        out.printf("  weighted overall gap %+5.2f: responsiveness is where expectations are missed most%n", r.weightedGap());
        SortedMap<String, SurveyReport.Summary> bySalesperson = SurveyReport.aggregate(List.of(
                new SurveyResponse(LocalDate.of(2026, 3, 2), "s-01", "satisfied with delivery", 5),
                new SurveyResponse(LocalDate.of(2026, 3, 3), "s-01", "satisfied with delivery", 4),
                new SurveyResponse(LocalDate.of(2026, 3, 3), "s-02", "satisfied with delivery", 2)), SurveyReport.Grouping.SALESPERSON);
        out.println("Internal survey, per salesperson: " + bySalesperson);
        out.println("From the shell: crm satisfaction gaps --questionnaire data/servqual-items.csv --ratings data/servqual-ratings.csv,");
        out.println("crm satisfaction survey --responses data/survey-responses.csv --by week");
    }

    private static void lifetimeValue(PrintWriter out) {
        out.println();
        RetentionValue v = RetentionValue.of(100, 0.8, 0.1);
        out.println("Simple lifetime value, margin 100 a period, retention 80%, discount 10% (Gupta & Lehmann 2003):");
        out.printf("  margin multiple m·r/(1+d-r)               %8.3f%n", v.marginMultiple());
        out.printf("  with the current margin m(1+d)/(1+d-r)   %8.3f%n", v.withCurrentMargin());
        out.printf("  margins at period ends m/(1+d-r)         %8.3f%n", v.endOfPeriodMargins());
        out.printf("  over 4 more periods                      %8.3f%n", v.finiteHorizon(4));
        out.printf("  average value 75 x 3 a year x 2.5 years  %8.2f%n", RetentionValue.averageValue(75, 3, 2.5));
        out.printf("  a cohort 1000 -> 627 -> 471 -> 385 -> 328 at 20 a period: %.2f per acquired customer%n",
                RetentionValue.cohortValue(20, new long[] {1000, 627, 471, 385, 328}, 0));
    }
}
