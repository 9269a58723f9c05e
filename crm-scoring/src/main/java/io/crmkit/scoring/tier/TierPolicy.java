package io.crmkit.scoring.tier;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An ordered ladder of customer tiers, listed from the top down: a customer is placed in the
 * highest tier whose criteria hold (docs/domain.md §3, "grade by the value a customer brings"). The
 * bottom rung may be a base tier without criteria that takes everyone else; without one, a
 * customer who meets no tier gets no tier. Presets for the ladders of docs/domain.md §3 are in
 * {@link TierPresets}.
 *
 * <pre>{@code
 * TierPolicy wealth = TierPolicy.builder("wealth").tier("Diamond", Criterion.atLeast("assets", 5_000_000))
 *         .tier("Gold", Criterion.atLeast("assets", 100_000)).baseTier("Mass").build();
 * TierPlacement p = wealth.place(Map.of("assets", 620_000.0));   // Gold; for Diamond needs assets ≥ 5,000,000, has 620,000
 * }</pre>
 *
 * <p>A policy is rejected if it has no tiers, repeats a tier name, has a base tier that is not the
 * bottom rung, or has overlapping thresholds: a tier whose bound on a metric is laxer than the
 * bound of a tier below it on the same metric in the same direction (Platinum
 * {@code assets ≥ 100,000} above Gold {@code assets ≥ 1,000,000}), or two single-criterion tiers
 * with the same criterion (the lower one could never be reached). Immutable, thread-safe and serialisable.
 *
 * @serial exclude
 */
public final class TierPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The policy's name. */
    private final String name;
    /** The tiers, top first. */
    private final ImmutableList<Tier> tiers;

    private TierPolicy(String name, List<Tier> tiers) {
        this.name = name;
        this.tiers = ImmutableList.copyOf(tiers);
        validate();
    }

    /**
     * Returns a policy from tiers listed top first.
     *
     * @param name the policy's name, non-blank
     * @param tiers the tiers, highest first, at least one
     * @return the policy
     * @throws IllegalArgumentException if the ladder is empty, repeats a name, has a base tier
     *         above the bottom or has overlapping thresholds
     */
    public static TierPolicy of(String name, List<Tier> tiers) {
        requireNonNull(name, "name");
        checkArgument(!name.isBlank(), "policy name '%s' is blank", name);
        return new TierPolicy(name, tiers);
    }

    /**
     * Starts a fluent builder; add tiers from the top down.
     *
     * @param name the policy's name, non-blank
     * @return the builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    private void validate() {
        checkArgument(!tiers.isEmpty(), "policy '%s' has no tiers: a ladder needs at least one", name);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            checkArgument(names.add(t.name()), "tier name '%s' appears twice in policy '%s'", t.name(), name);
            checkArgument(!t.isBase() || i == tiers.size() - 1,
                    "base tier '%s' is not the bottom rung of policy '%s': a tier without criteria takes everyone below it",
                    t.name(), name);
            for (int above = 0; above < i; above++) {
                checkNotOverlapping(tiers.get(above), t);
            }
        }
    }

    private void checkNotOverlapping(Tier upper, Tier lower) {
        for (Criterion u : upper.criteria()) {
            for (Criterion l : lower.criteria()) {
                int strictness = u.strictnessAgainst(l);
                checkArgument(strictness >= 0,
                        "overlapping thresholds in policy '%s': tier %s requires %s, laxer than %s of tier %s below it",
                        name, upper.name(), u, l, lower.name());
                boolean sameSingle = upper.criteria().size() == 1 && lower.criteria().size() == 1 && u.equals(l);
                checkArgument(!sameSingle,
                        "overlapping thresholds in policy '%s': tiers %s and %s both require only %s, so %s is never reached",
                        name, upper.name(), lower.name(), u, lower.name());
            }
        }
    }

    /** @return the policy's name */
    public String name() {
        return name;
    }

    /** @return the tiers, highest first */
    public List<Tier> tiers() {
        return tiers;
    }

    /**
     * Places a customer on the ladder and explains why.
     *
     * @param metrics the customer's metrics by name; every metric a tier down to the placed tier
     *        (and the tier above it) names must be present and finite
     * @return the placement
     * @throws IllegalArgumentException if a metric is missing or not a finite number, or a summed metric
     *         lies beyond the range of a {@code double} (see {@link Criterion#valueOf(Map)})
     */
    public TierPlacement place(Map<String, Double> metrics) {
        requireNonNull(metrics, "metrics");
        return explain(metrics, indexOf(metrics, tiers));
    }

    /** The index of the highest qualifying tier, or {@code tiers.size()} if none. */
    private static int indexOf(Map<String, Double> metrics, List<Tier> ladder) {
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i).qualifies(metrics)) {
                return i;
            }
        }
        return ladder.size();
    }

    private TierPlacement explain(Map<String, Double> metrics, int index) {
        Optional<String> tier = index < tiers.size() ? Optional.of(tiers.get(index).name()) : Optional.empty();
        List<String> held = new ArrayList<>();
        if (index < tiers.size()) {
            for (Criterion c : tiers.get(index).criteria()) {
                if (c.holds(metrics)) {
                    held.add(c + " (has " + c.formatBeside(c.valueOf(metrics)) + ")");
                }
            }
        }
        if (index == 0) {
            return new TierPlacement(tier, held, Optional.empty(), List.of());
        }
        Tier next = tiers.get(index - 1);
        List<String> missing = new ArrayList<>();
        for (Criterion c : next.criteria()) {
            if (!c.holds(metrics)) {
                missing.add(c.shortfall(metrics));
            }
        }
        if (next.match() == Tier.Match.ANY_OF && missing.size() > 1) {
            missing = List.of("needs one of: " + String.join("; ", missing));
        }
        return new TierPlacement(tier, held, Optional.of(next.name()), missing);
    }

    /**
     * Follows a customer through a series of periods and reports every change of tier, applying
     * the downgrade rule: the first period places the customer directly; later, an upgrade takes
     * effect in the period the customer qualifies (with the hysteresis band for tiers above the
     * current one), and a downgrade only after the grace periods are used up, at most one tier at
     * a time if the rule says so. A customer who is below the current tier and then recovers
     * starts a fresh grace count the next time.
     *
     * <pre>{@code
     * List<TierMovement> moves = policy.track(Map.of(LocalDate.parse("2026-01-31"), m1, LocalDate.parse("2026-02-28"), m2),
     *         DowngradeRule.gracePeriods(1));
     * }</pre>
     *
     * @param periods the customer's metrics per period, keyed by the period's date (any order)
     * @param rule how tiers are lost
     * @return the movements in date order, the first being the initial placement
     * @throws IllegalArgumentException if there are no periods or a metric is missing or not finite,
     *         or a summed metric lies beyond the range of a {@code double} (see {@link Criterion#valueOf(Map)})
     */
    public List<TierMovement> track(Map<LocalDate, Map<String, Double>> periods, DowngradeRule rule) {
        requireNonNull(periods, "periods");
        requireNonNull(rule, "rule");
        checkArgument(!periods.isEmpty(), "periods is empty: tracking needs at least one period");
        List<Tier> entry = new ArrayList<>(tiers.size());
        for (Tier t : tiers) {
            entry.add(t.tightened(rule.hysteresis()));
        }
        ImmutableList.Builder<TierMovement> moves = ImmutableList.builder();
        int current = -1;
        int periodsBelow = 0;
        for (Map.Entry<LocalDate, Map<String, Double>> period : new TreeMap<>(periods).entrySet()) {
            LocalDate date = period.getKey();
            Map<String, Double> metrics = period.getValue();
            int qualified = indexOf(metrics, tiers);
            if (current < 0) {
                current = qualified;
                moves.add(new TierMovement(date, Optional.empty(), nameAt(current), "entered: " + explain(metrics, current).reason()));
                continue;
            }
            int upTo = indexOf(metrics, entry.subList(0, Math.min(current, entry.size())));
            if (upTo < current) {
                moves.add(new TierMovement(date, nameAt(current), nameAt(upTo), "qualified for " + explain(metrics, upTo).reason()
                        + (rule.hysteresis() > 0 ? " (thresholds beaten by " + Criterion.format(rule.hysteresis() * 100) + "%)" : "")));
                current = upTo;
                periodsBelow = 0;
            } else if (qualified <= current) {
                periodsBelow = 0;
            } else {
                periodsBelow++;
                if (periodsBelow > rule.gracePeriods()) {
                    int target = rule.oneTierPerPeriod() ? Math.min(qualified, current + 1) : qualified;
                    String was = nameAt(current).orElse("(none)");
                    moves.add(new TierMovement(date, nameAt(current), nameAt(target), "below " + was + " for " + periodsBelow
                            + (periodsBelow == 1 ? " period" : " periods")
                            + (rule.gracePeriods() > 0 ? ", grace of " + rule.gracePeriods() + " used up" : "")
                            + (target != qualified ? ", one tier per period" : "")
                            + "; qualifies for " + explain(metrics, qualified).reason()));
                    current = target;
                    if (target == qualified) {
                        periodsBelow = 0;
                    }
                }
            }
        }
        return moves.build();
    }

    private Optional<String> nameAt(int index) {
        return index < tiers.size() ? Optional.of(tiers.get(index).name()) : Optional.empty();
    }

    /** @return e.g. {@code TierPolicy[wealth: Diamond: all of assets ≥ 5,000,000 | ... | Mass: base tier]} */
    @Override
    public String toString() {
        return "TierPolicy[" + name + ": " + String.join(" | ", tiers.stream().map(Tier::toString).toArray(String[]::new)) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierPolicy && ((TierPolicy) o).name.equals(name) && ((TierPolicy) o).tiers.equals(tiers);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + tiers.hashCode();
    }

    /** A fluent builder of a ladder, tiers added from the top down. */
    public static final class Builder {
        private final String name;
        private final List<Tier> tiers = new ArrayList<>();

        private Builder(String name) {
            this.name = requireNonNull(name, "name");
        }

        /**
         * Adds the next tier down; all the criteria must hold.
         *
         * @param tier the tier's name
         * @param criteria the criteria, at least one
         * @return this builder
         * @throws IllegalArgumentException if no criterion is given
         */
        public Builder tier(String tier, Criterion... criteria) {
            checkArgument(criteria.length > 0, "tier '%s' has no criteria: use baseTier for the bottom rung", tier);
            tiers.add(new Tier(tier, Tier.Match.ALL_OF, Arrays.asList(criteria)));
            return this;
        }

        /**
         * Adds the next tier down; one of the criteria is enough.
         *
         * @param tier the tier's name
         * @param criteria the criteria, at least one
         * @return this builder
         * @throws IllegalArgumentException if no criterion is given
         */
        public Builder tierAnyOf(String tier, Criterion... criteria) {
            checkArgument(criteria.length > 0, "tier '%s' has no criteria: use baseTier for the bottom rung", tier);
            tiers.add(new Tier(tier, Tier.Match.ANY_OF, Arrays.asList(criteria)));
            return this;
        }

        /**
         * Adds the bottom rung, which takes every customer no tier above took.
         *
         * @param tier the tier's name
         * @return this builder
         */
        public Builder baseTier(String tier) {
            tiers.add(new Tier(tier, Tier.Match.ALL_OF, List.of()));
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalArgumentException if the ladder is invalid (see {@link TierPolicy})
         */
        public TierPolicy build() {
            return TierPolicy.of(name, tiers);
        }
    }

    /**
     * Serialises through {@link SerializedForm}, whose {@code readResolve} calls the factory, so a
     * patched stream cannot bring in a value the factory refuses.
     *
     * @return the serial proxy
     */
    @Serial
    private Object writeReplace() {
        return new SerializedForm(name, tiers);
    }

    /**
     * Refuses a stream that bypasses the proxy.
     *
     * @param in the stream
     * @throws InvalidObjectException always
     */
    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("TierPolicy is deserialised only through its serial proxy");
    }

    /** The serial form: the fields the factory needs, checked again by it on the way in. */
    private record SerializedForm(String name, List<Tier> tiers) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() throws InvalidObjectException {
            try {
                return TierPolicy.of(name, tiers);
            } catch (IllegalArgumentException | NullPointerException e) {
                InvalidObjectException refused = new InvalidObjectException("TierPolicy: " + e.getMessage());
                refused.initCause(e);
                throw refused;
            }
        }
    }
}
