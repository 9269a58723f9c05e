package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.scoring.rfm.RfmScore;
import io.crmkit.scoring.tier.TierPlacement;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What crmkit knows about one customer when a campaign picks its audience: the RFM segment, the
 * tier, the lifetime value, P(alive), the life-cycle stage and any other named metric. Each value
 * is optional; an audience rule on a missing value does not admit the customer. The values are
 * taken as given, so this module does not depend on how they were computed (for example on
 * crm-lifecycle for the stage).
 *
 * <pre>{@code
 * CustomerProfile p = CustomerProfile.builder(CustomerId.of("c-1"))
 *         .rfmSegment("Champions").clv(820.0).pAlive(0.91).metric("visits_90d", 4).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerProfile {

    private final CustomerId customer;
    private final Optional<String> rfmSegment;
    private final Optional<String> tier;
    private final OptionalDouble clv;
    private final OptionalDouble pAlive;
    private final Optional<String> lifecycleStage;
    private final ImmutableMap<String, Double> metrics;

    private CustomerProfile(Builder b) {
        this.customer = b.customer;
        this.rfmSegment = Optional.ofNullable(b.rfmSegment);
        this.tier = Optional.ofNullable(b.tier);
        this.clv = b.clv == null ? OptionalDouble.empty() : OptionalDouble.of(b.clv);
        this.pAlive = b.pAlive == null ? OptionalDouble.empty() : OptionalDouble.of(b.pAlive);
        this.lifecycleStage = Optional.ofNullable(b.lifecycleStage);
        this.metrics = ImmutableMap.copyOf(b.metrics);
    }

    /**
     * Starts a profile.
     *
     * @param customer the customer
     * @return a builder with no values yet
     */
    public static Builder builder(CustomerId customer) {
        return new Builder(requireNonNull(customer, "customer"));
    }

    /** @return the customer */
    public CustomerId customer() {
        return customer;
    }

    /** @return the RFM segment name, if scored */
    public Optional<String> rfmSegment() {
        return rfmSegment;
    }

    /** @return the tier name, if placed in a tier */
    public Optional<String> tier() {
        return tier;
    }

    /** @return the customer lifetime value in the campaign's currency units, if known */
    public OptionalDouble clv() {
        return clv;
    }

    /** @return the probability in [0, 1] that the customer is still active, if known */
    public OptionalDouble pAlive() {
        return pAlive;
    }

    /** @return the life-cycle stage name, if known */
    public Optional<String> lifecycleStage() {
        return lifecycleStage;
    }

    /** @return the other named metrics, each finite */
    public Map<String, Double> metrics() {
        return metrics;
    }

    /**
     * One named metric.
     *
     * @param name the metric's name
     * @return its value, if the profile has it
     */
    public OptionalDouble metric(String name) {
        Double v = metrics.get(requireNonNull(name, "name"));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Two profiles are equal when every value is equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerProfile p && customer.equals(p.customer) && rfmSegment.equals(p.rfmSegment)
                && tier.equals(p.tier) && clv.equals(p.clv) && pAlive.equals(p.pAlive)
                && lifecycleStage.equals(p.lifecycleStage) && metrics.equals(p.metrics);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(customer, rfmSegment, tier, clv, pAlive, lifecycleStage, metrics);
    }

    /** @return the customer id and which values are present (values are not personal data) */
    @Override
    public String toString() {
        return "CustomerProfile[" + customer.masked() + ", segment " + rfmSegment.orElse("-") + ", tier " + tier.orElse("-")
                + ", clv " + (clv.isPresent() ? clv.getAsDouble() : "-") + ", pAlive " + (pAlive.isPresent() ? pAlive.getAsDouble() : "-")
                + ", stage " + lifecycleStage.orElse("-") + ", metrics " + metrics + "]";
    }

    /** Collects a profile's values; not thread-safe, build once. */
    public static final class Builder {
        private final CustomerId customer;
        private @Nullable String rfmSegment;
        private @Nullable String tier;
        private @Nullable Double clv;
        private @Nullable Double pAlive;
        private @Nullable String lifecycleStage;
        private final Map<String, Double> metrics = new TreeMap<>();

        private Builder(CustomerId customer) {
            this.customer = customer;
        }

        /**
         * Sets the RFM segment.
         *
         * @param segment the segment's name, non-blank
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder rfmSegment(String segment) {
            this.rfmSegment = name("rfmSegment", segment);
            return this;
        }

        /**
         * Takes the segment from an RFM score of the same customer.
         *
         * @param score the customer's RFM score
         * @return this builder
         * @throws IllegalArgumentException if the score is for another customer
         */
        public Builder rfm(RfmScore score) {
            requireNonNull(score, "score");
            checkArgument(score.customer().equals(customer),
                    "rfm score of customer %s given for customer %s", score.customer().masked(), customer.masked());
            return rfmSegment(score.segment());
        }

        /**
         * Sets the tier.
         *
         * @param tierName the tier's name, non-blank
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder tier(String tierName) {
            this.tier = name("tier", tierName);
            return this;
        }

        /**
         * Takes the tier from a placement; a placement in no tier leaves the tier unset.
         *
         * @param placement the customer's tier placement
         * @return this builder
         */
        public Builder tier(TierPlacement placement) {
            requireNonNull(placement, "placement").tier().ifPresent(this::tier);
            return this;
        }

        /**
         * Sets the customer lifetime value.
         *
         * @param value the value, finite (may be negative for a loss-making customer)
         * @return this builder
         * @throws IllegalArgumentException if the value is NaN or infinite
         */
        public Builder clv(double value) {
            checkArgument(Double.isFinite(value), "clv %s for customer %s is not a finite number", value, customer.masked());
            this.clv = value;
            return this;
        }

        /**
         * Sets P(alive).
         *
         * @param probability in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if outside [0, 1] or NaN
         */
        public Builder pAlive(double probability) {
            checkArgument(probability >= 0 && probability <= 1,
                    "pAlive %s for customer %s is outside [0, 1]", probability, customer.masked());
            this.pAlive = probability;
            return this;
        }

        /**
         * Sets the life-cycle stage.
         *
         * @param stage the stage's name, non-blank
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder lifecycleStage(String stage) {
            this.lifecycleStage = name("lifecycleStage", stage);
            return this;
        }

        /**
         * Sets a named metric, replacing an earlier value of the same name.
         *
         * @param name the metric's name, non-blank
         * @param value the value, finite
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or the value not finite
         */
        public Builder metric(String name, double value) {
            String n = name("metric name", name);
            checkArgument(Double.isFinite(value), "metric %s %s for customer %s is not a finite number", n, value, customer.masked());
            metrics.put(n, value);
            return this;
        }

        /** @return the profile */
        public CustomerProfile build() {
            return new CustomerProfile(this);
        }

        private static String name(String field, String value) {
            requireNonNull(value, field);
            checkArgument(!value.isBlank(), "%s '%s' is blank", field, value);
            return value.strip();
        }
    }
}
