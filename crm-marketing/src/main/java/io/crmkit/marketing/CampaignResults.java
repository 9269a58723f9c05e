package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a campaign achieved, measured against its control group.
 *
 * <p><b>Attribution.</b> A response or purchase of a treatment or control customer counts when it
 * happens in the window {@code [contactAt, contactAt + attributionWindow)} of the plan; a customer
 * is a responder when at least one attributed event is a response, and the customer's revenue is
 * the sum of the attributed revenue. Events of excluded or unknown customers, or outside the
 * window, are counted in {@link #unattributed()} and otherwise ignored.
 *
 * <p><b>Uplift</b> is treatment minus control: for the response rate with Newcombe's hybrid score
 * interval, for revenue per customer with a seeded percentile bootstrap (see {@link Uplift}); both
 * at 95 %.
 *
 * <p><b>Money.</b> Incremental revenue is what the treatment group earned beyond what the same
 * number of customers earned without a contact: {@code revenue(T) − revenue(C) × n(T) / n(C)},
 * rounded half-even to the currency's minor unit. Cost is {@code n(T) × costPerContact} (the
 * control group costs nothing). ROI is {@code (incremental revenue − cost) / cost}: 0 means the
 * campaign paid for itself, 1.5 that every unit spent brought 1.5 back on top. It is revenue-based
 * (margins are the caller's to apply) and absent when the cost is zero.
 *
 * <pre>{@code
 * CampaignResults r = CampaignResults.measure(plan, selection, responses, 7L);
 * System.out.println(r.responseUplift());   // 0.0400 (95% CI 0.0137 to 0.0664)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CampaignResults {

    /** The confidence level of both uplift intervals. */
    public static final double LEVEL = 0.95;

    private final GroupOutcome treatment;
    private final GroupOutcome control;
    private final ConfidenceInterval responseUplift;
    private final ConfidenceInterval revenueUplift;
    private final Money incrementalRevenue;
    private final Money cost;
    private final OptionalDouble roi;
    private final long unattributed;

    private CampaignResults(GroupOutcome treatment, GroupOutcome control, ConfidenceInterval responseUplift,
                            ConfidenceInterval revenueUplift, Money incrementalRevenue, Money cost, OptionalDouble roi,
                            long unattributed) {
        this.treatment = treatment;
        this.control = control;
        this.responseUplift = responseUplift;
        this.revenueUplift = revenueUplift;
        this.incrementalRevenue = incrementalRevenue;
        this.cost = cost;
        this.roi = roi;
        this.unattributed = unattributed;
    }

    /**
     * Measures a selection's results.
     *
     * @param plan the campaign plan (attribution window, cost per contact, currency)
     * @param selection the selection that made the contacts, at its contact instant
     * @param responses the responses and purchases of any customers, in any order
     * @param seed the seed of the revenue bootstrap
     * @return the results
     * @throws IllegalArgumentException as {@link #measure(CampaignPlan, Collection, Instant, Collection, long)}
     */
    public static CampaignResults measure(CampaignPlan plan, CampaignSelection selection,
                                          Collection<CampaignResponse> responses, long seed) {
        requireNonNull(selection, "selection");
        return measure(plan, selection.assignments(), selection.contactAt(), responses, seed);
    }

    /**
     * Measures the results of assignments made at a contact instant (for example read back from a
     * file).
     *
     * @param plan the campaign plan
     * @param assignments one per customer; excluded customers are ignored
     * @param contactAt the instant the contacts were made; the attribution window starts here
     * @param responses the responses and purchases, in any order
     * @param seed the seed of the revenue bootstrap
     * @return the results
     * @throws IllegalArgumentException if the treatment or control group is empty, a customer is
     *     assigned twice, or a revenue is not in the plan's currency
     */
    public static CampaignResults measure(CampaignPlan plan, Collection<Assignment> assignments, Instant contactAt,
                                          Collection<CampaignResponse> responses, long seed) {
        requireNonNull(plan, "plan");
        requireNonNull(assignments, "assignments");
        requireNonNull(contactAt, "contactAt");
        requireNonNull(responses, "responses");
        Map<CustomerId, Group> groups = new HashMap<>();
        long nT = 0;
        long nC = 0;
        for (Assignment a : assignments) {
            checkArgument(groups.put(a.customer(), a.group()) == null, "customer %s is assigned twice", a.customer().masked());
            nT += a.group() == Group.TREATMENT ? 1 : 0;
            nC += a.group() == Group.CONTROL ? 1 : 0;
        }
        checkArgument(nT >= 1, "treatment group is empty: nothing was contacted, so there is no uplift to measure");
        checkArgument(nC >= 1, "control group is empty: without a control group the uplift cannot be measured");

        Currency currency = plan.budget().currency();
        Instant end = contactAt.plus(plan.attributionWindow());
        Map<CustomerId, BigDecimal> revenue = new HashMap<>();
        Set<CustomerId> responders = new HashSet<>();
        long[] purchases = new long[2];
        long unattributed = 0;
        for (CampaignResponse r : responses) {
            requireNonNull(r, "response");
            checkArgument(r.revenue().currency().equals(currency), "revenue %s of customer %s is not in the plan's currency %s",
                    r.revenue(), r.customer().masked(), currency);
            Group g = groups.get(r.customer());
            boolean inWindow = !r.at().isBefore(contactAt) && r.at().isBefore(end);
            if (g == null || g == Group.EXCLUDED || !inWindow) {
                unattributed++;
                continue;
            }
            if (r.responded()) {
                responders.add(r.customer());
            }
            if (!r.revenue().isZero()) {
                purchases[g == Group.TREATMENT ? 0 : 1]++;
                revenue.merge(r.customer(), r.revenue().amount(), BigDecimal::add);
            }
        }

        double[] perT = new double[(int) Math.min(nT, Integer.MAX_VALUE)];
        double[] perC = new double[(int) Math.min(nC, Integer.MAX_VALUE)];
        BigDecimal sumT = BigDecimal.ZERO;
        BigDecimal sumC = BigDecimal.ZERO;
        long respT = 0;
        long respC = 0;
        int iT = 0;
        int iC = 0;
        for (Map.Entry<CustomerId, Group> e : groups.entrySet()) {
            BigDecimal v = revenue.getOrDefault(e.getKey(), BigDecimal.ZERO);
            boolean responded = responders.contains(e.getKey());
            if (e.getValue() == Group.TREATMENT) {
                perT[iT++] = v.doubleValue();
                sumT = sumT.add(v);
                respT += responded ? 1 : 0;
            } else if (e.getValue() == Group.CONTROL) {
                perC[iC++] = v.doubleValue();
                sumC = sumC.add(v);
                respC += responded ? 1 : 0;
            }
        }
        GroupOutcome t = new GroupOutcome(nT, respT, purchases[0], Money.of(sumT, currency));
        GroupOutcome c = new GroupOutcome(nC, respC, purchases[1], Money.of(sumC, currency));

        ConfidenceInterval response = Uplift.responseRate(respT, nT, respC, nC, LEVEL);
        ConfidenceInterval revenueUplift = Uplift.meanDifference(perT, perC, LEVEL, Uplift.DEFAULT_RESAMPLES, seed);
        BigDecimal baseline = sumC.multiply(BigDecimal.valueOf(nT)).divide(BigDecimal.valueOf(nC), MathContext.DECIMAL128);
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        Money incremental = Money.of(sumT.subtract(baseline).setScale(scale, RoundingMode.HALF_EVEN), currency);
        Money cost = plan.costPerContact().times(nT);
        OptionalDouble roi = OptionalDouble.empty();
        if (!cost.isZero()) {
            double ratio = incremental.minus(cost).amount().divide(cost.amount(), MathContext.DECIMAL64).doubleValue();
            checkArgument(Double.isFinite(ratio), "ROI of %s on a cost of %s is beyond the double range", incremental, cost);
            roi = OptionalDouble.of(ratio);
        }
        return new CampaignResults(t, c, response, revenueUplift, incremental, cost, roi, unattributed);
    }

    /** @return the treatment group's outcome */
    public GroupOutcome treatment() {
        return treatment;
    }

    /** @return the control group's outcome */
    public GroupOutcome control() {
        return control;
    }

    /** @return response rate, treatment minus control, with Newcombe's 95 % interval */
    public ConfidenceInterval responseUplift() {
        return responseUplift;
    }

    /** @return revenue per customer, treatment minus control, in currency units, with a 95 % bootstrap interval */
    public ConfidenceInterval revenueUplift() {
        return revenueUplift;
    }

    /** @return treatment revenue beyond the control's rate applied to the treatment group; may be negative */
    public Money incrementalRevenue() {
        return incrementalRevenue;
    }

    /** @return the cost of the contacts made */
    public Money cost() {
        return cost;
    }

    /** @return {@code (incremental revenue − cost) / cost}, absent when the cost is zero */
    public OptionalDouble roi() {
        return roi;
    }

    /** @return responses not attributed: outside the window, or of excluded or unknown customers */
    public long unattributed() {
        return unattributed;
    }

    /** @return group sizes, rates and the two uplifts */
    @Override
    public String toString() {
        return "CampaignResults[treatment " + treatment + ", control " + control + ", response uplift " + responseUplift
                + ", revenue uplift " + revenueUplift + ", incremental " + incrementalRevenue + ", cost " + cost
                + ", roi " + (roi.isPresent() ? roi.getAsDouble() : "-") + "]";
    }
}
