package io.crmkit.examples.readme;

import io.crmkit.core.purchase.Purchase;
import io.crmkit.scoring.clv.BetaGeoBetaBinomModel;
import io.crmkit.scoring.clv.BetaGeoCovariateModel;
import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.ClvModel;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.Covariates;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.CustomerSummary;
import io.crmkit.scoring.clv.ErlangBetaGeoModel;
import io.crmkit.scoring.clv.FitWarning;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.GammaGompertzNbdModel;
import io.crmkit.scoring.clv.LifetimeValue;
import io.crmkit.scoring.clv.ParetoNbdCovariateModel;
import io.crmkit.scoring.clv.ParetoNbdModel;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The README snippets of this area, compiled so that they cannot drift from the API. */
@SuppressWarnings({"unused", "ResultOfMethodCallIgnored"})
final class ClvSnippets {

    private ClvSnippets() {
    }

    /** The README's {@code clv} snippet. */
    static void clv(List<Purchase> purchases) {
        // tag::clv[]
        // purchases: Purchase values (customer, instant, Money); summarise as of the end of calibration, in weeks
        List<CustomerSummary> rows = CustomerSummarizer.asOf(LocalDate.of(1997, 9, 30))
                .inUnitsOf(Duration.ofDays(7))
                .summarize(purchases);
        CustomerSummaries data = CustomerSummary.toSummaries(rows);

        BetaGeoModel purchasesModel = BetaGeoModel.fit(data);             // r 0.243, α 4.414, a 0.793, b 2.426
        GammaGammaModel spend = GammaGammaModel.fit(data);                // fitted on the repeat customers
        spend.warnings().forEach(System.out::println);                    // q <= 1, or spend correlated with frequency

        LifetimeValue clv = LifetimeValue.of(purchasesModel, spend)
                .overMonths(12).withMonthlyDiscountRate(0.01)
                .withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH);
        CustomerSummary c = rows.get(0);
        double value = clv.value(c.frequency(), c.recency(), c.age(), c.monetaryValue());
        double alive = purchasesModel.probabilityAlive(c.frequency(), c.recency(), c.age());
        // end::clv[]
    }

    /** The README's {@code pareto-bgbb} snippet. */
    static void paretoBgbb(double[] frequency, double[] recency, double[] T, double[] x, double[] tx, double[] n, double[] donors) {
        // tag::pareto-bgbb[]
        CustomerSummaries weeks = CustomerSummaries.of(frequency, recency, T);           // CDNOW, weeks
        ParetoNbdModel pareto = ParetoNbdModel.fit(weeks);    // r 0.5533, alpha 10.578, s 0.6062, beta 11.667
        double alive = pareto.probabilityAlive(2, 30.43, 38.86);
        double next39 = pareto.conditionalExpectedPurchases(39, 2, 30.43, 38.86);

        // BG/BB: x = gifts, t_x = opportunity of the last gift, T = opportunities n; rows may be weighted
        BetaGeoBetaBinomModel bgbb = BetaGeoBetaBinomModel.fit(CustomerSummaries.of(x, tx, n, donors));
        double nextFive = bgbb.conditionalExpectedPurchases(5, 3, 4, 6);
        CustomerSummaries whatIf = bgbb.simulate(10_000, 6, 42L);
        // end::pareto-bgbb[]
    }

    /** The README's {@code clv-registry} snippet. */
    static void registry(CustomerSummaries data) {
        // tag::clv-registry[]
        ClvModels.Model kind = ClvModels.named("pareto");               // bgnbd, pareto, mbgnbd, bgbb, gammagamma
        ClvModel model = kind.fit(data, 0);
        for (FitWarning w : model.diagnostics().warnings()) {            // e.g. s ran to 0: no dropout detected
            System.out.println(w.kind() + " " + w);
        }
        Map<String, double[]> columns = kind.predict(model, data, 39);   // expected_purchases, p_alive
        // end::clv-registry[]
    }

    /** The README's {@code ggomnbd} snippet. */
    static void gammaGompertz(CustomerSummaries weeks) {
        // tag::ggomnbd[]
        GammaGompertzNbdModel ggom = GammaGompertzNbdModel.fit(weeks);  // CDNOW: LL -9594.98, r 0.553, alpha 10.578, s 0.606
        ggom.warnings().forEach(System.out::println);                   // b ran to 0: the Pareto/NBD limit, beta/b = 11.67
        double alive = ggom.probabilityAlive(2, 30.43, 38.86);
        double next39 = ggom.conditionalExpectedPurchases(39, 2, 30.43, 38.86);
        double noneIn39 = ggom.conditionalProbabilityOfPurchases(0, 39, 2, 30.43, 38.86);
        // end::ggomnbd[]
    }

    /** The README's {@code cnbd} snippet. */
    static void regularity(int[] customer, int[] epochDay, double[] amount) {
        // tag::cnbd[]
        CustomerSummaries weeks = CustomerSummarizer.asOf(LocalDate.of(1997, 9, 30))
                .inUnitsOf(Duration.ofDays(7))
                .withLogInterPurchaseTimes()                          // adds litt: sum of ln(gap between purchase days)
                .summarizeEpochDays(customer, epochDay, amount).summaries();
        ErlangBetaGeoModel mbgcnbd = ErlangBetaGeoModel.fit(weeks, true);  // k = 1..12 by likelihood; CDNOW: k = 1
        int k = mbgcnbd.k();
        double alive = mbgcnbd.probabilityAlive(2, 30.43, 38.86);
        double next39 = mbgcnbd.conditionalExpectedPurchases(39, 2, 30.43, 38.86);  // the exact mean, every k
        double btydplus = mbgcnbd.conditionalExpectedPurchasesApproximation(39, 2, 30.43, 38.86);  // alpha scaled by k
        double twoIn39 = mbgcnbd.conditionalProbabilityOfPurchases(2, 39, 2, 30.43, 38.86);  // exact for every k
        // end::cnbd[]
    }

    /** The README's {@code covariates} snippet. */
    static void covariates(CustomerSummaries data, double[][] genderAndChannel) {
        // tag::covariates[]
        Covariates z = Covariates.of(List.of("gender=M", "channel=web"), genderAndChannel);  // one row per customer
        ParetoNbdCovariateModel full = ParetoNbdCovariateModel.fit(data, z, z, Set.of(), 0);
        ParetoNbdCovariateModel same = ParetoNbdCovariateModel.fit(data, z, z, Set.of("gender=M"), 0);
        double gammaTrans = full.transactionCoefficients().get("gender=M");   // alpha_i = alpha exp(-gamma'z_i)
        double se = full.diagnostics().standardErrors().get("trans.gender=M");
        double p = ParetoNbdCovariateModel.likelihoodRatioTest(same, full).pValue();
        Map<String, double[]> columns = full.predict(data, z, z, 39);          // expected_purchases, p_alive
        // end::covariates[]
    }

    /** The README's {@code covariates-bgnbd} snippet. */
    static void covariatesBgnbd(CustomerSummaries data, double[][] genderAndChannel) {
        // tag::covariates-bgnbd[]
        Covariates z = Covariates.of(List.of("gender=M", "channel=web"), genderAndChannel);
        BetaGeoCovariateModel bgnbd = BetaGeoCovariateModel.fit(data, z, z, Set.of(), 0);  // alpha_i, a_i, b_i
        BetaGeoModel customer = bgnbd.forCustomer(Map.of("gender=M", 1.0, "channel=web", 0.0),
                Map.of("gender=M", 1.0, "channel=web", 0.0));                // a man who buys in shops
        double alive = customer.probabilityAlive(2, 30.43, 38.86);
        ClvModel again = ClvModels.named("bgnbd").restore(bgnbd.parameters());  // the saved form, coefficients included
        // end::covariates-bgnbd[]
    }
}
