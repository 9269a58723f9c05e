package io.crmkit.examples.readme;

import io.crmkit.core.purchase.Purchase;
import io.crmkit.scoring.clv.RetentionValue;
import io.crmkit.scoring.rfm.RfmScore;
import io.crmkit.scoring.rfm.RfmScorer;
import io.crmkit.scoring.rfm.RfmScores;
import io.crmkit.scoring.satisfaction.ItemRating;
import io.crmkit.scoring.satisfaction.RaterDimension;
import io.crmkit.scoring.satisfaction.ServiceQuality;
import io.crmkit.scoring.satisfaction.SurveyReport;
import io.crmkit.scoring.satisfaction.SurveyResponse;
import io.crmkit.scoring.tier.Criterion;
import io.crmkit.scoring.tier.DowngradeRule;
import io.crmkit.scoring.tier.TierMovement;
import io.crmkit.scoring.tier.TierPolicy;
import io.crmkit.scoring.value.AbcClass;
import io.crmkit.scoring.value.ParetoClassifier;
import io.crmkit.scoring.value.PortfolioMatrix;
import io.crmkit.scoring.value.PortfolioQuadrant;
import io.crmkit.scoring.value.ProfitAction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The README snippets of this area, compiled so that they cannot drift from the API. */
@SuppressWarnings({"unused", "ResultOfMethodCallIgnored"})
final class ScoringSnippets {

    private ScoringSnippets() {
    }

    /** The README's {@code tier-ladder} snippet. */
    static void tierLadder(Map<LocalDate, Map<String, Double>> metricsByMonthEnd) {
        // tag::tier-ladder[]
        TierPolicy wealth = TierPolicy.builder("wealth")
                .tier("Diamond", Criterion.atLeast("assets+loans", 8_000_000), Criterion.atLeast("assets", 3_500_000))
                .tier("Platinum", Criterion.atLeast("assets+loans", 2_000_000), Criterion.atLeast("assets", 1_000_000))
                .tier("Gold", Criterion.atLeast("assets", 100_000))
                .baseTier("Mass").build();
        wealth.place(Map.of("assets", 3_700_000.0, "loans", 2_500_000.0)).reason();
        // Platinum: assets+loans ≥ 2,000,000 (has 6,200,000), assets ≥ 1,000,000 (has 3,700,000); for Diamond needs assets+loans ≥ 8,000,000, has 6,200,000
        List<TierMovement> moves = wealth.track(metricsByMonthEnd, DowngradeRule.gracePeriods(2).withHysteresis(0.1).withOneTierPerPeriod());
        // end::tier-ladder[]
    }

    /** The README's {@code rfm} snippet. */
    static void rfm(List<Purchase> purchases, double[] recencyDays, double[] frequency, double[] monetary) {
        // tag::rfm[]
        List<RfmScore> scores = RfmScorer.standard().score(purchases, LocalDate.parse("1998-06-30"));
        RfmScores bulk = RfmScorer.standard().scoreColumns(recencyDays, frequency, monetary); // double[] columns, millions of customers
        // end::rfm[]
    }

    /** The README's {@code value} snippet. */
    static void value(double[] revenue, double[] profit, double relativeShare, double growth) {
        // tag::value[]
        double top20 = ParetoClassifier.topShare(revenue, 0.20);                 // the 80/20 figure
        AbcClass[] abc = ParetoClassifier.standard().abc(revenue);               // 80/15/5; the customer crossing a line joins the class being filled
        ProfitAction[] act = ParetoClassifier.standard().keepMaintainLetGo(profit); // 20/60/20 by count
        int[] deciles = ParetoClassifier.deciles(revenue);                       // 1 = top 10%
        PortfolioQuadrant q = PortfolioMatrix.standard().place(relativeShare, growth); // STAR, CASH_COW, QUESTION_MARK, DOG
        // end::value[]
    }

    /** The README's {@code satisfaction} snippet. */
    static void satisfaction(List<SurveyResponse> responses) {
        // tag::satisfaction[]
        ServiceQuality q = ServiceQuality.builder(1, 7).item("on-time", RaterDimension.RELIABILITY).item("polite", RaterDimension.ASSURANCE)
                .weight(RaterDimension.RELIABILITY, 0.6).weight(RaterDimension.ASSURANCE, 0.4).build();   // weights sum to 1
        double gap = q.assess(List.of(new ItemRating("on-time", 6, 4), new ItemRating("polite", 5, 6))).weightedGap(); // -0.8
        SortedMap<String, SurveyReport.Summary> weekly = SurveyReport.aggregate(responses, SurveyReport.Grouping.WEEK);
        // end::satisfaction[]
    }

    /** The README's {@code retention-value} snippet. */
    static void retentionValue() {
        // tag::retention-value[]
        RetentionValue v = RetentionValue.of(100, 0.8, 0.1);   // margin, retention, discount per period
        v.marginMultiple();     // m·r/(1+d−r) = 266.667
        v.withCurrentMargin();  // m(1+d)/(1+d−r) = 366.667
        v.finiteHorizon(4);     // Σ_{t=0..4} m·r^t/(1+d)^t = 292.063
        RetentionValue.cohortValue(20, new long[] {1000, 627, 471, 385, 328}, 0); // 56.22 per acquired customer
        // end::retention-value[]
    }
}
