package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

/**
 * How many customers made 0, 1, 2, … repeat purchases in their own observation period, actual
 * against the model — the fit check of {@code lifetimes}' {@code plot_period_transactions} and of
 * Fader, Hardie &amp; Lee (2005), Figure 1. The model's count for x is
 * Σ<sub>i</sub> w<sub>i</sub> P(X(T<sub>i</sub>) = x), computed exactly rather than simulated; the
 * last bin holds x and more.
 *
 * <p>Immutable and thread-safe.
 */
public final class RepeatPurchaseDistribution {

    private final double[] actual;
    private final double[] expected;

    private RepeatPurchaseDistribution(double[] actual, double[] expected) {
        this.actual = actual;
        this.expected = expected;
    }

    /**
     * Computes the distribution.
     *
     * @param model the fitted purchase model
     * @param data the customers it was fitted on (weights count)
     * @param bins the number of bins, 2 to 100: frequencies 0 to bins − 2 and a last bin "bins − 1 or more"
     * @return the distribution
     * @throws IllegalArgumentException if the bins are out of range or a row is invalid
     */
    public static RepeatPurchaseDistribution of(TransactionModel model, CustomerSummaries data, int bins) {
        requireNonNull(model, "model");
        requireNonNull(data, "data");
        require(bins >= 2 && bins <= 100, "bins %s is invalid: it must be 2 to 100", bins);
        double[] actual = new double[bins];
        double[] expected = new double[bins];
        for (int i = 0; i < data.size(); i++) {
            double w = data.weight(i);
            actual[(int) Math.min(data.frequency(i), bins - 1)] += w;
            double below = 0;
            for (int x = 0; x < bins - 1; x++) {
                double p = model.probabilityOfPurchases(x, data.age(i));
                expected[x] += w * p;
                below += p;
            }
            expected[bins - 1] += w * Math.max(0, 1 - below);
        }
        return new RepeatPurchaseDistribution(actual, expected);
    }

    /** @return the number of bins */
    public int bins() {
        return actual.length;
    }

    /**
     * @param bin 0 to {@link #bins()} − 1 (the last: that many or more)
     * @return the customers with that many repeat purchases
     */
    public double actual(int bin) {
        return actual[bin];
    }

    /**
     * @param bin 0 to {@link #bins()} − 1 (the last: that many or more)
     * @return the model's expected number of such customers
     */
    public double expected(int bin) {
        return expected[bin];
    }

    /** @return the number of bins */
    @Override
    public String toString() {
        return "RepeatPurchaseDistribution[bins=" + actual.length + "]";
    }
}
