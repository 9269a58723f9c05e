package io.crmkit.lifecycle.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * When is a customer lost? Three rules side by side, each explaining its decision:
 * <ul>
 * <li>{@link #fixedWindow}: no purchase for longer than a fixed window (e.g. 365 days);</li>
 * <li>{@link #relativeRhythm}: no purchase for more than k × the customer's own median gap
 *     between visits, the days with a purchase (a weekly buyer silent for a month is lost, a
 *     yearly buyer is not; a basket booked as several rows is one visit);</li>
 * <li>{@link #probabilityAlive}: a model's probability that the customer is still active (e.g.
 *     BG/NBD's P(alive) from crm-scoring) below a threshold; the model is supplied as a function,
 *     so this module does not depend on it.</li>
 * </ul>
 * A customer without purchases (a prospect) is never churned.
 *
 * <pre>{@code
 * ChurnPolicy rhythm = ChurnPolicy.relativeRhythm(3.0, Duration.ofDays(365));
 * ChurnDecision d = rhythm.assess(PurchaseHistory.of(customer, purchases, asOf));
 * }</pre>
 */
public interface ChurnPolicy {

    /** @return the policy's name, shown in decisions */
    String name();

    /**
     * Decides whether a customer is lost.
     *
     * @param history the customer's purchases as of the instant of decision
     * @return the decision with its reason
     */
    ChurnDecision assess(PurchaseHistory history);

    /**
     * Decides whether a customer is lost from the visit days alone. The built-in window and rhythm
     * policies read the days directly, with the decision they give for {@link VisitDays#toHistory()};
     * this default, and so every other policy, assesses that history.
     *
     * @param visits the customer's visit days as of the instant of decision
     * @return the decision with its reason
     */
    default ChurnDecision assess(VisitDays visits) {
        return assess(visits.toHistory());
    }

    /**
     * Lost after a fixed inactivity window.
     *
     * @param window the longest silence still considered active, positive
     * @return the policy
     * @throws IllegalArgumentException if the window is not positive
     */
    static ChurnPolicy fixedWindow(Duration window) {
        requireNonNull(window, "window");
        checkArgument(!window.isNegative() && !window.isZero(), "window %s must be positive", window);
        return new ChurnPolicy() {
            @Override
            public String name() {
                return "fixed window " + days(window) + " days";
            }

            @Override
            public ChurnDecision assess(PurchaseHistory h) {
                return decide(h.last(), h.asOf());
            }

            @Override
            public ChurnDecision assess(VisitDays v) {
                return decide(v.last(), v.asOf());
            }

            private ChurnDecision decide(Optional<Instant> last, Instant asOf) {
                if (last.isEmpty()) {
                    return notYetCustomer(name());
                }
                return silenceDecision(name(), last.get(), asOf, window, "the " + days(window) + "-day window");
            }
        };
    }

    /**
     * Lost when silent for more than k times the customer's own median gap between visits
     * ({@link PurchaseHistory#medianGap()}); with fewer than two visits (no rhythm yet) the
     * fallback window applies.
     *
     * @param k the multiple of the median gap, at least 1
     * @param fallback the window for customers with one visit, positive
     * @return the policy
     * @throws IllegalArgumentException if k is below 1 or not finite, or the fallback is not positive
     */
    static ChurnPolicy relativeRhythm(double k, Duration fallback) {
        checkArgument(Double.isFinite(k) && k >= 1.0, "k %s must be a finite number of at least 1", k);
        requireNonNull(fallback, "fallback");
        checkArgument(!fallback.isNegative() && !fallback.isZero(), "fallback %s must be positive", fallback);
        String multiple = String.format(Locale.ROOT, "%.1f", k);
        String name = "rhythm " + multiple + " x median gap";
        String fallbackRule = "the " + days(fallback) + "-day fallback window (no purchase rhythm yet)";
        return new ChurnPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ChurnDecision assess(PurchaseHistory h) {
                Optional<Instant> last = h.last();
                return last.isEmpty() ? notYetCustomer(name) : decide(last.get(), h.asOf(), h.medianGap());
            }

            @Override
            public ChurnDecision assess(VisitDays v) {
                Optional<Instant> last = v.last();
                return last.isEmpty() ? notYetCustomer(name) : decide(last.get(), v.asOf(), v.medianGap());
            }

            private ChurnDecision decide(Instant last, Instant asOf, Optional<Duration> median) {
                if (median.isEmpty()) {
                    return silenceDecision(name, last, asOf, fallback, fallbackRule);
                }
                Duration limit = Duration.ofSeconds((long) Math.ceil(k * median.get().getSeconds()));
                return silenceDecision(name, last, asOf, limit,
                        multiple + " x the median gap of " + days(median.get()) + " days");
            }
        };
    }

    /**
     * Lost when a model's probability alive falls below a threshold.
     *
     * @param name the model's name, e.g. "BG/NBD"
     * @param pAlive the model: from a history to P(alive) in [0, 1]
     * @param threshold the probability below which the customer is lost, in (0, 1)
     * @return the policy
     * @throws IllegalArgumentException if the threshold is outside (0, 1); the policy's
     *         {@link #assess} throws it if the model returns a value outside [0, 1] or not finite
     */
    static ChurnPolicy probabilityAlive(String name, ToDoubleFunction<PurchaseHistory> pAlive, double threshold) {
        requireNonNull(name, "name");
        requireNonNull(pAlive, "pAlive");
        checkArgument(threshold > 0 && threshold < 1, "threshold %s must be between 0 and 1", threshold);
        String policy = String.format(Locale.ROOT, "%s P(alive) < %.2f", name, threshold);
        return new ChurnPolicy() {
            @Override
            public String name() {
                return policy;
            }

            @Override
            public ChurnDecision assess(PurchaseHistory h) {
                if (h.last().isEmpty()) {
                    return notYetCustomer(policy);
                }
                double p = pAlive.applyAsDouble(h);
                checkArgument(Double.isFinite(p) && p >= 0 && p <= 1,
                        "model %s returned P(alive) %s for customer %s: a probability must be within [0, 1]", name, p,
                        h.customer().masked());
                boolean churned = p < threshold;
                return new ChurnDecision(policy, churned, String.format(Locale.ROOT, "P(alive) %.3f is %s %.2f", p,
                        churned ? "below" : "at or above", threshold), Optional.empty());
            }
        };
    }

    private static ChurnDecision notYetCustomer(String policy) {
        return new ChurnDecision(policy, false, "no purchases: a prospect cannot churn", Optional.empty());
    }

    private static ChurnDecision silenceDecision(String policy, Instant last, Instant asOf, Duration limit, String rule) {
        Duration silence = Duration.between(last, asOf);
        boolean churned = silence.compareTo(limit) > 0;
        String reason = "no purchase for " + days(silence) + " days, " + (churned ? "more than " : "within ") + rule;
        // Only a churned customer has a loss date; computing it for a window that ends after
        // Instant.MAX would overflow.
        return new ChurnDecision(policy, churned, reason,
                churned ? Optional.of(last.plus(limit)) : Optional.empty());
    }

    private static long days(Duration d) {
        return d.toDays();
    }
}
