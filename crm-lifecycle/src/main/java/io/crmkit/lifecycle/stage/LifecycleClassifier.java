package io.crmkit.lifecycle.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.purchase.Purchase;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Classifies customers into life-cycle stages and product-style phases.
 *
 * <p>Stages count <em>visits</em>, the days with a purchase ({@link PurchaseHistory#visits()}),
 * so that a basket booked as several rows is one purchase occasion. Checked in this order: no
 * purchases → PROSPECT; the churn policy says lost → LAPSED; the latest visit came after a lapse
 * (the churn policy, applied just before that visit, said lost) and lies within the win-back
 * window → WON_BACK; the at-risk policy says lost → AT_RISK; otherwise one visit → FIRST_TIME, at
 * least the loyalty threshold of visits → LOYAL, else REPEAT. Defaults: churn after 3 × the
 * customer's median gap between visits (365 days with one visit), at risk after 1.5 × the median
 * gap (180 days with one visit), loyal from 5 visits, won back for 90 days.
 * These thresholds are crmkit's defaults, not from the seeds; set your own.
 *
 * <p>Phases ({@link #phase}): spend is summed in equal periods ending at the history's instant;
 * a first purchase within the last two periods → INTRODUCTION; otherwise the relative trend
 * (least-squares slope ÷ mean) above +10 % per period → GROWTH, below −10 % or no spend at all in
 * the window → DECLINE, else MATURITY.
 *
 * <pre>{@code
 * LifecycleClassifier classifier = LifecycleClassifier.builder().loyalPurchases(4).build();
 * StageAssessment a = classifier.stage(PurchaseHistory.of(customer, purchases, asOf));
 * }</pre>
 */
public final class LifecycleClassifier {

    private static final double TREND_BAND = 0.10;
    /**
     * The most periods {@link #phase} looks back, {@value}: the assessment carries the spend of
     * every period, so its size and cost grow with the count, whatever the purchases.
     */
    public static final int MAX_PERIODS = 1000;

    private final ChurnPolicy churn;
    private final ChurnPolicy atRisk;
    private final int loyalPurchases;
    private final Duration wonBackWindow;

    private LifecycleClassifier(Builder b) {
        this.churn = b.churn;
        this.atRisk = b.atRisk;
        this.loyalPurchases = b.loyalPurchases;
        this.wonBackWindow = b.wonBackWindow;
    }

    /** @return a classifier with the default thresholds */
    public static LifecycleClassifier standard() {
        return builder().build();
    }

    /** @return a builder starting from the default thresholds */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the policy that decides LAPSED */
    public ChurnPolicy churnPolicy() {
        return churn;
    }

    /**
     * Places a customer in a stage.
     *
     * @param history the customer's purchases as of the instant of classification
     * @return the stage with its reason
     */
    public StageAssessment stage(PurchaseHistory history) {
        requireNonNull(history, "history");
        return stage(history, history.customer(), history.visits(), history.last(), history.asOf(),
                PurchaseHistory::beforeLastVisit, PurchaseHistory::asOf, (p, h) -> p.assess(h));
    }

    /**
     * Places a customer in a stage from the visit days alone: the assessment {@link #stage(PurchaseHistory)}
     * gives for {@link VisitDays#toHistory()}, without building a purchase per visit when the
     * policies are the built-in window or rhythm ones (see {@link ChurnPolicy#assess(VisitDays)}).
     *
     * @param visits the customer's visit days as of the instant of classification
     * @return the stage with its reason
     */
    public StageAssessment stage(VisitDays visits) {
        requireNonNull(visits, "visits");
        return stage(visits, visits.customer(), visits.visits(), visits.last(), visits.asOf(),
                VisitDays::beforeLastVisit, VisitDays::asOf, (p, v) -> p.assess(v));
    }

    /** The rules of {@link #stage(PurchaseHistory)}, on a history or on visit days. */
    private <H> StageAssessment stage(H history, CustomerId customer, int n, Optional<Instant> lastVisit, Instant asOf,
            Function<H, Optional<H>> beforeLastVisit, Function<H, Instant> asOfOf,
            BiFunction<ChurnPolicy, H, ChurnDecision> assess) {
        if (n == 0) {
            return new StageAssessment(customer, LifecycleStage.PROSPECT, "no purchases yet");
        }
        ChurnDecision lost = assess.apply(churn, history);
        if (lost.churned()) {
            return new StageAssessment(customer, LifecycleStage.LAPSED, lost.reason());
        }
        Instant last = lastVisit.orElseThrow();
        if (n >= 2 && Duration.between(last, asOf).compareTo(wonBackWindow) <= 0) {
            H before = beforeLastVisit.apply(history).orElseThrow();
            ChurnDecision then = assess.apply(churn, before);
            if (then.churned()) {
                return new StageAssessment(customer, LifecycleStage.WON_BACK,
                        "bought again on " + asOfOf.apply(before) + " after having lapsed (" + then.reason() + ")");
            }
        }
        ChurnDecision risk = assess.apply(atRisk, history);
        if (risk.churned()) {
            return new StageAssessment(customer, LifecycleStage.AT_RISK, risk.reason());
        }
        String purchases = n + (n == 1 ? " visit, " : " visits, ") + lost.reason();
        if (n == 1) {
            return new StageAssessment(customer, LifecycleStage.FIRST_TIME, purchases);
        }
        return new StageAssessment(customer, n >= loyalPurchases ? LifecycleStage.LOYAL : LifecycleStage.REPEAT,
                purchases);
    }

    /**
     * Reads the product-style phase from the trend of spend.
     *
     * @param history the customer's purchases as of the instant of classification
     * @param periodLength the length of one period, e.g. 90 days
     * @param periods how many periods to look back, 3 to {@link #MAX_PERIODS}
     * @return the phase, or empty for a customer without purchases
     * @throws IllegalArgumentException if the period is not positive, there are fewer than 3 or
     *         more than {@link #MAX_PERIODS} periods, or the purchases are in more than one currency
     */
    public Optional<PhaseAssessment> phase(PurchaseHistory history, Duration periodLength, int periods) {
        requireNonNull(history, "history");
        checkPeriods(periodLength, periods);
        if (history.count() == 0) {
            return Optional.empty();
        }
        BigDecimal[] spend = new BigDecimal[periods];
        java.util.Arrays.fill(spend, BigDecimal.ZERO);
        Currency currency = null;
        for (Purchase p : history.purchases()) {
            if (currency == null) {
                currency = p.amount().currency();
            }
            checkArgument(currency.equals(p.amount().currency()),
                    "purchases of customer %s are in %s and %s: the trend needs one currency", history.customer().masked(),
                    currency, p.amount().currency());
            int i = periodOf(p.time(), history.asOf(), periodLength, periods);
            if (i >= 0) {
                spend[i] = spend[i].add(p.amount().amount());
            }
        }
        return Optional.of(phase(history.customer(), history.first().orElseThrow(), history.asOf(), periodLength,
                spend));
    }

    /**
     * Reads the product-style phase from visit days and the spend per period the caller summed,
     * each purchase placed by {@link #periodOf} (for example while streaming a transaction log): the
     * assessment {@link #phase(PurchaseHistory, Duration, int)} gives for a history with those visit
     * days whose purchases in each period add up to that period's spend.
     *
     * @param visits the customer's visit days as of the instant of classification
     * @param periodLength the length of one period, e.g. 90 days
     * @param spendPerPeriod the amount spent in each period, oldest first, each 0 or more; 3 to
     *     {@link #MAX_PERIODS} periods
     * @return the phase, or empty for a customer without visits
     * @throws IllegalArgumentException if the period is not positive, the count of periods is out of
     *     range, or a spend is negative
     */
    public Optional<PhaseAssessment> phase(VisitDays visits, Duration periodLength, List<BigDecimal> spendPerPeriod) {
        requireNonNull(visits, "visits");
        requireNonNull(spendPerPeriod, "spendPerPeriod");
        checkPeriods(periodLength, spendPerPeriod.size());
        BigDecimal[] spend = spendPerPeriod.toArray(new BigDecimal[0]);
        for (BigDecimal v : spend) {
            requireNonNull(v, "spendPerPeriod element");
            checkArgument(v.signum() >= 0, "spendPerPeriod %s of customer %s: a spend must be 0 or more", v,
                    visits.customer().masked());
        }
        if (visits.visits() == 0) {
            return Optional.empty();
        }
        return Optional.of(phase(visits.customer(), visits.first().orElseThrow(), visits.asOf(), periodLength, spend));
    }

    /**
     * The phase period a purchase counts in: ceil(age / period length) periods back from the as-of
     * instant (the age being the time from the purchase to that instant; a purchase at the instant
     * is in the newest period), by division of durations so that no span overflows.
     *
     * @param time when the purchase happened, not after {@code asOf}
     * @param asOf the instant of classification
     * @param periodLength the length of one period, positive
     * @param periods how many periods the phase looks back, 3 to {@link #MAX_PERIODS}
     * @return the period's index, 0 (oldest) to {@code periods} − 1 (newest), or −1 if the
     *     purchase lies further back than the periods
     * @throws IllegalArgumentException if {@code time} is after {@code asOf}, the period is not
     *     positive or the count of periods is out of range
     */
    public static int periodOf(Instant time, Instant asOf, Duration periodLength, int periods) {
        requireNonNull(time, "time");
        requireNonNull(asOf, "asOf");
        checkPeriods(periodLength, periods);
        checkArgument(!time.isAfter(asOf), "time %s is after asOf %s", time, asOf);
        Duration age = Duration.between(time, asOf);
        long q = age.dividedBy(periodLength);
        long back = q + (age.equals(periodLength.multipliedBy(q)) ? 0 : 1);
        return back <= periods ? (int) Math.min(periods - back, periods - 1) : -1;
    }

    private static void checkPeriods(Duration periodLength, int periods) {
        requireNonNull(periodLength, "periodLength");
        checkArgument(!periodLength.isNegative() && !periodLength.isZero(), "periodLength %s must be positive",
                periodLength);
        checkArgument(periods >= 3, "periods %s: at least 3 periods are needed for a trend", periods);
        checkArgument(periods <= MAX_PERIODS, "periods %s is invalid: at most %s periods", periods, MAX_PERIODS);
    }

    /** The phase rules on the spend per period, oldest first. */
    private static PhaseAssessment phase(CustomerId customer, Instant first, Instant asOf, Duration periodLength,
            BigDecimal[] spend) {
        int periods = spend.length;
        List<BigDecimal> perPeriod = List.of(spend);
        if (Duration.between(first, asOf).dividedBy(periodLength) < 2) {
            return new PhaseAssessment(customer, LifecyclePhase.INTRODUCTION, perPeriod, 0.0,
                    "first purchase on " + first + ", within the last two periods");
        }
        double trend = relativeSlope(spend);
        boolean nothingSpent = java.util.Arrays.stream(spend).allMatch(v -> v.signum() == 0);
        LifecyclePhase phase;
        String reason;
        if (nothingSpent) {
            phase = LifecyclePhase.DECLINE;
            reason = "no spend in the last " + periods + " periods";
        } else {
            phase = trend > TREND_BAND ? LifecyclePhase.GROWTH
                    : trend < -TREND_BAND ? LifecyclePhase.DECLINE : LifecyclePhase.MATURITY;
            reason = String.format(Locale.ROOT, "spend trend %+.1f %% of the mean per period (band ±10 %%)",
                    100 * trend);
        }
        return new PhaseAssessment(customer, phase, perPeriod, trend, reason);
    }

    /**
     * Least-squares slope of y over 0..n-1, divided by the mean of y; 0 when the mean is 0. The
     * ratio does not depend on the unit of y, so y is first divided by its largest magnitude:
     * amounts beyond the range of a double still give a finite trend.
     */
    static double relativeSlope(BigDecimal[] spend) {
        int n = spend.length;
        BigDecimal largest = BigDecimal.ZERO;
        for (BigDecimal v : spend) {
            largest = largest.max(v.abs());
        }
        if (largest.signum() == 0) {
            return 0;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = spend[i].divide(largest, MathContext.DECIMAL64).doubleValue();
        }
        double xMean = (n - 1) / 2.0;
        double yMean = 0;
        for (double v : y) {
            yMean += v;
        }
        yMean /= n;
        if (yMean == 0) {
            return 0;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - xMean) * (y[i] - yMean);
            den += (i - xMean) * (i - xMean);
        }
        return num / den / yMean;
    }

    /** Builds a classifier; not thread-safe. */
    public static final class Builder {
        private ChurnPolicy churn = ChurnPolicy.relativeRhythm(3.0, Duration.ofDays(365));
        private ChurnPolicy atRisk = ChurnPolicy.relativeRhythm(1.5, Duration.ofDays(180));
        private int loyalPurchases = 5;
        private Duration wonBackWindow = Duration.ofDays(90);

        private Builder() {
        }

        /**
         * Sets the policy that decides LAPSED.
         *
         * @param policy the churn policy
         * @return this builder
         */
        public Builder churnPolicy(ChurnPolicy policy) {
            this.churn = requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the earlier-warning policy that decides AT_RISK.
         *
         * @param policy the at-risk policy (usually a shorter window than the churn policy)
         * @return this builder
         */
        public Builder atRiskPolicy(ChurnPolicy policy) {
            this.atRisk = requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the number of visits (days with a purchase) from which an active customer is LOYAL.
         *
         * @param purchases the number of visits, at least 2
         * @return this builder
         * @throws IllegalArgumentException if below 2
         */
        public Builder loyalPurchases(int purchases) {
            checkArgument(purchases >= 2, "loyalPurchases %s must be at least 2", purchases);
            this.loyalPurchases = purchases;
            return this;
        }

        /**
         * Sets how long after the returning purchase a customer counts as WON_BACK.
         *
         * @param window positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder wonBackWindow(Duration window) {
            requireNonNull(window, "window");
            checkArgument(!window.isNegative() && !window.isZero(), "wonBackWindow %s must be positive", window);
            this.wonBackWindow = window;
            return this;
        }

        /** @return the classifier */
        public LifecycleClassifier build() {
            return new LifecycleClassifier(this);
        }
    }

    /**
     * Classifies many customers at once.
     *
     * @param histories the customers' histories
     * @return one assessment per history, in the same order
     */
    public List<StageAssessment> stages(List<PurchaseHistory> histories) {
        List<StageAssessment> out = new ArrayList<>(histories.size());
        for (PurchaseHistory h : histories) {
            out.add(stage(h));
        }
        return List.copyOf(out);
    }
}
