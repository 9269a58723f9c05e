package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ErlangBetaGeoModelTest {

    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    /** CDNOW_sample.txt summarised by day in weeks, with the sum of log inter-purchase times. */
    private static CustomerSummarizer.IndexedSummaries cdnow() {
        List<String> lines = Datasets.lines("CDNOW_sample.txt");
        int n = lines.size();
        int[] customer = new int[n];
        int[] day = new int[n];
        double[] amount = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split("\\s+");
            customer[i] = Integer.parseInt(f[1]) - 1;
            day[i] = (int) LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE).toEpochDay();
            amount[i] = Double.parseDouble(f[4]);
        }
        return CustomerSummarizer.asOf(CALIBRATION_END).inUnitsOf(Duration.ofDays(7)).withLogInterPurchaseTimes()
                .summarizeEpochDays(customer, day, amount);
    }

    @Property(tries = 300)
    void withKOneTheModelsAreBgNbdAndMbgNbd(@ForAll @DoubleRange(min = 0.05, max = 5) double r,
            @ForAll @DoubleRange(min = 0.1, max = 50) double alpha, @ForAll @DoubleRange(min = 0.05, max = 5) double a,
            @ForAll @DoubleRange(min = 0.05, max = 10) double b, @ForAll @IntRange(max = 200) int x,
            @ForAll @DoubleRange(min = 0, max = 1) double share, @ForAll @DoubleRange(min = 0.5, max = 500) double age,
            @ForAll @DoubleRange(min = 0, max = 100) double t) {
        double tx = x == 0 ? 0 : share * age;
        List<PurchaseModel> references = List.of(BetaGeoModel.of(r, alpha, a, b), ModifiedBetaGeoModel.of(r, alpha, a, b));
        for (PurchaseModel reference : references) {
            ErlangBetaGeoModel erlang = ErlangBetaGeoModel.of(reference instanceof ModifiedBetaGeoModel, 1, r, alpha,
                    a, b);
            double ll = reference.logLikelihood(x, tx, age);
            assertEquals(ll, erlang.logLikelihood(x, tx, age), 1e-9 * Math.max(1, Math.abs(ll)));
            assertEquals(ll, erlang.logLikelihood(x, tx, age, 0.37 * x), 1e-9 * Math.max(1, Math.abs(ll)));
            assertEquals(reference.probabilityAlive(x, tx, age), erlang.probabilityAlive(x, tx, age), 1e-9);
            double expected = reference.conditionalExpectedPurchases(t, x, tx, age);
            assertEquals(expected, erlang.conditionalExpectedPurchases(t, x, tx, age), 1e-9 * Math.max(1, expected));
            // BTYDplus' approximation scales alpha by k = 1: the closed form itself
            assertEquals(expected, erlang.conditionalExpectedPurchasesApproximation(t, x, tx, age),
                    1e-9 * Math.max(1, expected));
        }
    }

    @Test
    void theLikelihoodOfAOneTimeBuyerIsTheErlangSurvivalByHand() {
        // BG/CNBD-2, x = 0: L = alpha^r/(alpha+T)^r * [1 + r T/(alpha+T)] (no purchase in T: Erlang-2 survival
        // E[e^{-lambda T}(1 + lambda T)] under lambda ~ Gamma(r, alpha)); r 0.5, alpha 2, T 10
        ErlangBetaGeoModel model = ErlangBetaGeoModel.of(false, 2, 0.5, 2, 0.8, 2.4);
        double expected = 0.5 * Math.log(2.0 / 12) + Math.log(1 + 0.5 * 10 / 12);
        assertEquals(expected, model.logLikelihood(0, 0, 10, 0), 1e-14);
        assertEquals(1.0, model.probabilityAlive(0, 0, 10));
        // MBG/CNBD-2 adds the dropout at the first purchase: times b/(a+b), plus a/(a+b) (dead at once)
        ErlangBetaGeoModel modified = ErlangBetaGeoModel.of(true, 2, 0.5, 2, 0.8, 2.4);
        double survival = Math.exp(expected);
        assertEquals(Math.log(2.4 / 3.2 * survival + 0.8 / 3.2), modified.logLikelihood(0, 0, 10, 0), 1e-14);
    }

    @Test
    void theLikelihoodIntegratesToOneOverTheCountsAndTheirTimes() {
        // over a fixed T, summing P(X = 0) and integrating the densities of x = 1 (t_1 in (0, T)) gives
        // P(X <= 1); with P(X >= 2) from the model's own simulation the total must be 1 within sampling error
        ErlangBetaGeoModel model = ErlangBetaGeoModel.of(false, 3, 1.5, 4, 0.7, 2.5);
        double age = 6;
        double p0 = Math.exp(model.logLikelihood(0, 0, age, 0));
        double p1 = 0;
        int steps = 20_000;
        for (int i = 0; i < steps; i++) {
            double t1 = (i + 0.5) * age / steps;
            p1 += Math.exp(model.logLikelihood(1, t1, age, Math.log(t1))) * age / steps;
        }
        CustomerSummaries sim = model.simulate(filled(200_000, age), 5);
        double[] x = sim.frequencies();
        double zero = Arrays.stream(x).filter(v -> v == 0).count() / (double) x.length;
        double one = Arrays.stream(x).filter(v -> v == 1).count() / (double) x.length;
        assertEquals(zero, p0, 0.004);
        assertEquals(one, p1, 0.004);
    }

    @Test
    void theAnalyticGradientMatchesCentralDifferences() {
        double[][] params = {{0.5, 2, 0.8, 2.4}, {2.0, 10, 1.5, 0.6}, {0.3, 0.5, 0.2, 5}};
        double[][] customers = {{0, 0, 10, 0}, {1, 3, 10, 1.1}, {5, 9, 10, 0.5}, {12, 20, 20, 4}, {3, 3, 8, -1}};
        for (boolean modified : new boolean[] {false, true}) {
            for (int k : new int[] {1, 2, 4}) {
                for (double[] p : params) {
                    for (double[] c : customers) {
                        double[] gradient = new double[4];
                        ErlangBetaGeoModel.logLikelihood(modified, k, p, c[0], c[1], c[2], c[3], gradient);
                        for (int j = 0; j < 4; j++) {
                            double[] up = p.clone();
                            double[] down = p.clone();
                            double h = 1e-6 * p[j];
                            up[j] += h;
                            down[j] -= h;
                            double numeric = (ErlangBetaGeoModel.logLikelihood(modified, k, up, c[0], c[1], c[2], c[3],
                                    null) - ErlangBetaGeoModel.logLikelihood(modified, k, down, c[0], c[1], c[2], c[3],
                                    null)) / (2 * h);
                            assertEquals(numeric, gradient[j], 1e-6 * Math.max(1, Math.abs(numeric)),
                                    "d/d" + j + " k " + k + " " + Arrays.toString(p) + " " + Arrays.toString(c));
                        }
                    }
                }
            }
        }
    }

    @Test
    void simulatedRegularCustomersGiveBackTheirKAndParameters() {
        // simulate-then-fit: MBG/CNBD-3, 3000 customers observed 26 to 52 weeks; k is chosen by likelihood
        ErlangBetaGeoModel truth = ErlangBetaGeoModel.of(true, 3, 2.0, 6.0, 0.6, 3.0);
        double[] ages = new double[3000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 26 + 26.0 * i / ages.length;
        }
        ErlangBetaGeoModel fitted = ErlangBetaGeoModel.fit(truth.simulate(ages, 11), true);
        assertEquals(3, fitted.k());
        for (String name : List.of("r", "alpha", "a", "b")) {
            double se = fitted.diagnostics().standardErrors().get(name);
            double gap = Math.abs(fitted.parameters().get(name) - truth.parameters().get(name));
            assertTrue(gap < 3.5 * se, name + " " + fitted.parameters().get(name) + " se " + se);
        }
    }

    @Test
    void cdnowShowsNoRegularityAndTheFitIsMbgNbd() {
        // BTYDplus, demo/cdnow.R: "MBG/CNBD-k is identical to MBG/NBD, as no regularity is detected, hence k=1";
        // the MBG/NBD CDNOW estimate is pinned in ModifiedBetaGeoModelTest
        CustomerSummaries data = cdnow().summaries();
        ErlangBetaGeoModel fitted = ErlangBetaGeoModel.fit(data, true);
        assertEquals(1, fitted.k());
        ModifiedBetaGeoModel reference = ModifiedBetaGeoModel.fit(data);
        assertEquals(reference.diagnostics().logLikelihood(), fitted.diagnostics().logLikelihood(), 1e-9);
        assertEquals(reference.parameters().get("r"), fitted.parameters().get("r"), 1e-12);
        assertEquals(ClvModels.named("mbgcnbd").fit(data, 0).parameters(), fitted.parameters());
    }

    @Test
    void theSummarizerSumsTheLogsOfTheGapsBetweenPurchaseDays() {
        // CDNOW customer 1 bought on 1997-01-01, 01-18 and 08-02: gaps of 17 and 196 days, in weeks 17/7 and 28
        CustomerSummarizer.IndexedSummaries s = cdnow();
        assertEquals(0, s.customerIndex(0));
        CustomerSummaries rows = s.summaries();
        assertEquals(2, rows.frequency(0));
        assertEquals(Math.log(17 / 7.0) + Math.log(28), rows.logInterPurchaseTimes()[0], 1e-12);
        // same-day purchases count once: days 0, 3, 3, 10 as of day 20 give x 2 and ln 3 + ln 7 (days)
        CustomerSummaries days = CustomerSummarizer.asOf(LocalDate.ofEpochDay(20)).withLogInterPurchaseTimes()
                .summarizeEpochDays(new int[] {0, 0, 0, 0}, new int[] {0, 3, 3, 10}, null).summaries();
        assertEquals(2, days.frequency(0));
        assertEquals(Math.log(3) + Math.log(7), days.logInterPurchaseTimes()[0], 1e-12);
        // in weeks each of the x gaps is divided by 7
        CustomerSummaries weeks = days.withTimeUnit(Duration.ofDays(1)).convertedTo(Duration.ofDays(7));
        assertEquals(Math.log(3 / 7.0) + Math.log(1), weeks.logInterPurchaseTimes()[0], 1e-12);
        // the column survives compression and merging, and is required on both sides of a merge
        CustomerSummaries merged = days.merge(days).compressed();
        assertEquals(1, merged.size());
        assertEquals(2, merged.weight(0));
        assertArrayEquals(days.logInterPurchaseTimes(), merged.logInterPurchaseTimes());
        assertThrows(IllegalArgumentException.class, () -> days.merge(CustomerSummaries.of(new double[] {1},
                new double[] {1}, new double[] {2}).withTimeUnit(Duration.ofDays(1))));
        assertTrue(!CustomerSummarizer.asOf(LocalDate.ofEpochDay(20))
                .summarizeEpochDays(new int[] {0, 0}, new int[] {0, 3}, null).summaries().hasLogInterPurchaseTimes());
    }

    @Test
    void largeCustomersStayFinite() {
        for (boolean modified : new boolean[] {false, true}) {
            for (int k : new int[] {1, 2, 12}) {
                ErlangBetaGeoModel model = ErlangBetaGeoModel.of(modified, k, 0.5, 2, 0.8, 2.4);
                for (double x : new double[] {0, 1, 100, 10_000}) {
                    for (double age : new double[] {1, 1000, 100_000}) {
                        for (double tx : new double[] {0, age / 2, age}) {
                            if (x == 0 && tx > 0) {
                                continue;
                            }
                            String at = model + " " + x + " " + tx + " " + age;
                            assertTrue(Double.isFinite(model.logLikelihood(x, tx, age, x)), at);
                            double alive = model.probabilityAlive(x, tx, age);
                            assertTrue(alive >= 0 && alive <= 1, at);
                            double approximation = model.conditionalExpectedPurchasesApproximation(100_000, x, tx,
                                    age);
                            assertTrue(Double.isFinite(approximation) && approximation >= 0, at);
                            // the exact mean is a number or, past 50 million phase terms, a refusal by name
                            try {
                                double expected = model.conditionalExpectedPurchases(100_000, x, tx, age);
                                assertTrue(Double.isFinite(expected) && expected >= 0, at);
                                if (k == 1) {
                                    assertEquals(approximation, expected, 0, at);
                                }
                            } catch (IllegalArgumentException e) {
                                assertTrue(k > 1 && e.getMessage().contains("cannot sum its exact expected purchases"),
                                        at + ": " + e.getMessage());
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aMissingStatisticIsRefusedByName() {
        CustomerSummaries plain = CustomerSummaries.of(new double[] {1, 0, 2, 3, 1}, new double[] {1, 0, 2, 3, 1},
                new double[] {4, 4, 4, 4, 4});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ErlangBetaGeoModel.fit(plain, false));
        assertTrue(e.getMessage().startsWith("bgcnbd needs the sum of log inter-purchase times"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ErlangBetaGeoModel.of(false, 2, 1, 1, 1, 1).logLikelihood(1, 1, 2));
        assertTrue(e.getMessage().startsWith("bgcnbd with k 2 needs the sum"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ErlangBetaGeoModel.of(false, 0, 1, 1, 1, 1));
        assertEquals("k 0 is invalid: the Erlang shape must be a whole number from 1 to 1000", e.getMessage());
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }
}
