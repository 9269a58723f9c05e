package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

/**
 * A model's prediction over a grid of histories, as {@code lifetimes}'
 * {@code plot_frequency_recency_matrix} and {@code plot_probability_alive_matrix} draw it: for
 * every frequency x from 0 to a maximum and every whole recency t<sub>x</sub> from 0 to the age
 * T, the expected purchases in the next t, or P(alive), of a customer of age T. A customer with
 * x = 0 has recency 0 by definition, so the row x = 0 holds that one value at every recency.
 *
 * <p>Immutable and thread-safe; {@link #value} reads a cell.
 */
public final class FrequencyRecencyMatrix {

    /** What a matrix holds. */
    public enum Quantity {
        /** E[Y(t) | x, t<sub>x</sub>, T]. */
        EXPECTED_PURCHASES,
        /** P(alive | x, t<sub>x</sub>, T). */
        PROBABILITY_ALIVE
    }

    private final Quantity quantity;
    private final double age;
    private final double[][] values;

    private FrequencyRecencyMatrix(Quantity quantity, double age, double[][] values) {
        this.quantity = quantity;
        this.age = age;
        this.values = values;
    }

    /**
     * Computes the matrix.
     *
     * @param model the purchase model (continuous time)
     * @param quantity what to compute
     * @param t the horizon of {@link Quantity#EXPECTED_PURCHASES}, &ge; 0, in the data's time unit
     *     (ignored for P(alive))
     * @param maxFrequency the largest frequency, 0 to 10,000
     * @param age the customers' age T, &gt; 0 and at most 10,000 (recency runs over 0, 1, …, ⌊T⌋)
     * @return the matrix
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static FrequencyRecencyMatrix of(TransactionModel model, Quantity quantity, double t, int maxFrequency,
            double age) {
        requireNonNull(model, "model");
        requireNonNull(quantity, "quantity");
        require(maxFrequency >= 0 && maxFrequency <= 10_000, "max frequency %s is invalid: it must be 0 to 10000",
                maxFrequency);
        require(Double.isFinite(age) && age > 0 && age <= 10_000, "T %s is invalid: it must be > 0 and <= 10000", age);
        require(Double.isFinite(t) && t >= 0, "horizon %s is invalid: it must be finite and >= 0", t);
        int recencies = (int) Math.floor(age) + 1;
        double[][] values = new double[maxFrequency + 1][recencies];
        for (int x = 0; x <= maxFrequency; x++) {
            for (int r = 0; r < recencies; r++) {
                double tx = x == 0 ? 0 : Math.min(r, age);
                values[x][r] = x == 0 && r > 0 ? values[0][0]
                        : quantity == Quantity.EXPECTED_PURCHASES ? model.conditionalExpectedPurchases(t, x, tx, age)
                        : model.probabilityAlive(x, tx, age);
            }
        }
        return new FrequencyRecencyMatrix(quantity, age, values);
    }

    /** @return what the matrix holds */
    public Quantity quantity() {
        return quantity;
    }

    /** @return the customers' age T */
    public double age() {
        return age;
    }

    /** @return the largest frequency */
    public int maxFrequency() {
        return values.length - 1;
    }

    /** @return the largest recency, ⌊T⌋ */
    public int maxRecency() {
        return values[0].length - 1;
    }

    /**
     * @param frequency x, 0 to {@link #maxFrequency()}
     * @param recency t<sub>x</sub>, 0 to {@link #maxRecency()}
     * @return the cell's value
     * @throws IndexOutOfBoundsException if the cell does not exist
     */
    public double value(int frequency, int recency) {
        return values[frequency][recency];
    }

    /** @return the size and quantity */
    @Override
    public String toString() {
        return "FrequencyRecencyMatrix[" + quantity + ", x 0.." + maxFrequency() + ", t_x 0.." + maxRecency() + "]";
    }
}
