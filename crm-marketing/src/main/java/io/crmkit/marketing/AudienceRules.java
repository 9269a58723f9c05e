package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.crmkit.marketing.AudienceRule.Verdict;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The built-in audience rules behind {@link AudienceRule}'s factories. */
final class AudienceRules {

    private AudienceRules() {
    }

    enum Everyone implements AudienceRule {
        INSTANCE;

        @Override
        public Verdict evaluate(CustomerProfile profile) {
            requireNonNull(profile, "profile");
            return new Verdict(true, "everyone");
        }

        @Override
        public String toString() {
            return "everyone";
        }
    }

    record NameIn(String field, ImmutableSet<String> names, String shown, Function<CustomerProfile, Optional<String>> value)
            implements AudienceRule {
        NameIn(String field, ImmutableSet<String> names, Function<CustomerProfile, Optional<String>> value) {
            this(field, names, names.toString(), value);
        }

        @Override
        public Verdict evaluate(CustomerProfile profile) {
            Optional<String> v = value.apply(requireNonNull(profile, "profile"));
            if (v.isEmpty()) {
                return new Verdict(false, "no " + field);
            }
            boolean in = names.contains(v.get());
            return new Verdict(in, field + " " + v.get() + (in ? " in " : " not in ") + shown);
        }

        @Override
        public String toString() {
            return field + " in " + names;
        }
    }

    record Threshold(String field, double threshold, boolean atLeast, Function<CustomerProfile, OptionalDouble> value)
            implements AudienceRule {
        Threshold {
            checkArgument(Double.isFinite(threshold), "%s threshold %s is not a finite number", field, threshold);
        }

        @Override
        public Verdict evaluate(CustomerProfile profile) {
            OptionalDouble v = value.apply(requireNonNull(profile, "profile"));
            if (v.isEmpty()) {
                return new Verdict(false, "no " + field);
            }
            double x = v.getAsDouble();
            boolean admitted = atLeast ? x >= threshold : x < threshold;
            String op = atLeast ? (admitted ? " >= " : " < ") : (admitted ? " < " : " >= ");
            return new Verdict(admitted, field + " " + x + op + threshold);
        }

        @Override
        public String toString() {
            return field + (atLeast ? " >= " : " < ") + threshold;
        }
    }

    record AllOf(ImmutableList<AudienceRule> rules) implements AudienceRule {
        @Override
        public Verdict evaluate(CustomerProfile profile) {
            StringBuilder reasons = new StringBuilder();
            for (AudienceRule r : rules) {
                Verdict v = verdict(r, profile);
                if (!v.admitted()) {
                    return v;
                }
                reasons.append(reasons.length() == 0 ? "" : " and ").append(v.reason());
            }
            return new Verdict(true, reasons.toString());
        }

        @Override
        public String toString() {
            return rules.stream().map(Object::toString).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    record AnyOf(ImmutableList<AudienceRule> rules) implements AudienceRule {
        @Override
        public Verdict evaluate(CustomerProfile profile) {
            StringBuilder reasons = new StringBuilder();
            for (AudienceRule r : rules) {
                Verdict v = verdict(r, profile);
                if (v.admitted()) {
                    return v;
                }
                reasons.append(reasons.length() == 0 ? "" : " and ").append(v.reason());
            }
            return new Verdict(false, reasons.toString());
        }

        @Override
        public String toString() {
            return rules.stream().map(Object::toString).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    private static Verdict verdict(AudienceRule rule, CustomerProfile profile) {
        return requireNonNull(rule.evaluate(profile), () -> "audience rule " + rule + " gave no verdict");
    }

    static ImmutableSet<String> names(String field, Collection<String> names) {
        requireNonNull(names, field);
        checkArgument(!names.isEmpty(), "%s is empty: name at least one", field);
        return names.stream().map(n -> name(field, n)).collect(ImmutableSet.toImmutableSet());
    }

    static String name(String field, String name) {
        requireNonNull(name, field);
        checkArgument(!name.isBlank(), "%s '%s' is blank", field, name);
        return name.strip();
    }

    static double probability(double threshold) {
        checkArgument(threshold >= 0 && threshold <= 1, "pAlive threshold %s is outside [0, 1]", threshold);
        return threshold;
    }

    static ImmutableList<AudienceRule> rules(Collection<AudienceRule> rules) {
        requireNonNull(rules, "rules");
        checkArgument(!rules.isEmpty(), "rules is empty: combine at least one rule");
        return rules.stream().map(r -> requireNonNull(r, "rule")).collect(ImmutableList.toImmutableList());
    }
}
