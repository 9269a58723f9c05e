package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.marketing.Assignment.Cause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A campaign's audience as selected at the contact instant: every customer given, placed in
 * treatment, control or excluded, each with the {@link Assignment#reason() reason}.
 *
 * <p>The steps, for each customer:
 * <ol>
 *   <li>the plan's {@link AudienceRule} must admit the customer ({@code NOT_IN_AUDIENCE});</li>
 *   <li>then, in this order, the suppressions: marketing consent on the plan's channel in force at
 *       the contact instant ({@code NO_CONSENT}, see {@link ConsentLedger}), no open complaint
 *       ({@code OPEN_COMPLAINT}), and fewer than {@code maxContacts} earlier contacts in the rolling
 *       period ending at the contact instant ({@code CONTACT_FATIGUE}, see {@link ContactCap});</li>
 *   <li>the eligible customers are split at random: without stratification each is held out as
 *       control when its seeded draw is below the control share (so the control size is
 *       Binomial(n, share)); with stratification by RFM segment, within each segment the
 *       {@code round(share × size)} customers with the lowest draws are held out (customers without
 *       a segment form one stratum);</li>
 *   <li>if the budget pays for fewer contacts than the treatment group holds, the treatment
 *       customers with the highest seeded rank are excluded ({@code OVER_BUDGET}). Treatment and
 *       control then both remain random samples of the same eligible audience, so the uplift stays
 *       unbiased, though the control's share of those contacted grows.</li>
 * </ol>
 * Each random draw is a keyed hash of the seed and the customer id ({@code SipHash-2-4}), never a
 * shuffle: the same seed gives the same selection, and reordering the input changes nothing.
 * Assignments are listed in customer-id order.
 *
 * <pre>{@code
 * CampaignSelection s = CampaignSelection.select(plan, profiles, suppression, contactAt, 42L);
 * s.assignments().forEach(a -> System.out.println(a.customer() + "," + a.group().label() + "," + a.reason()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CampaignSelection {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignSelection.class);
    private static final String NO_SEGMENT = "(no segment)";

    private final String campaignId;
    private final Instant contactAt;
    private final long seed;
    private final ImmutableList<Assignment> assignments;
    private final ImmutableMap<CustomerId, Assignment> byCustomer;
    private final ImmutableMap<Group, Integer> counts;

    private CampaignSelection(String campaignId, Instant contactAt, long seed, List<Assignment> assignments) {
        this.campaignId = campaignId;
        this.contactAt = contactAt;
        this.seed = seed;
        this.assignments = ImmutableList.sortedCopyOf(Comparator.comparing(Assignment::customer), assignments);
        this.byCustomer = this.assignments.stream().collect(ImmutableMap.toImmutableMap(Assignment::customer, a -> a));
        Map<Group, Integer> c = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            c.put(g, 0);
        }
        assignments.forEach(a -> c.merge(a.group(), 1, Integer::sum));
        this.counts = ImmutableMap.copyOf(c);
    }

    /**
     * Selects the campaign's audience.
     *
     * @param plan the campaign plan
     * @param profiles one profile per customer, in any order
     * @param suppression consents, contact history and open complaints
     * @param contactAt the instant the contacts are made, within the plan's schedule
     * @param seed the seed of every random draw
     * @return the selection
     * @throws IllegalArgumentException if {@code contactAt} is outside the schedule or a customer
     *     appears twice
     */
    public static CampaignSelection select(CampaignPlan plan, Collection<CustomerProfile> profiles,
                                           Suppression suppression, Instant contactAt, long seed) {
        requireNonNull(plan, "plan");
        requireNonNull(profiles, "profiles");
        requireNonNull(suppression, "suppression");
        requireNonNull(contactAt, "contactAt");
        checkArgument(plan.schedule().contains(contactAt),
                "contactAt %s is outside the schedule of campaign %s: from %s to %s (exclusive)",
                contactAt, plan.id(), plan.schedule().start(), plan.schedule().end());
        Set<CustomerId> unique = new HashSet<>();
        for (CustomerProfile p : profiles) {
            requireNonNull(p, "profile");
            checkArgument(unique.add(p.customer()), "customer %s appears twice in the profiles", p.customer().masked());
        }

        Draw draw = new Draw(seed);
        List<Assignment> out = new ArrayList<>(profiles.size());
        Map<String, List<Eligible>> strata = new TreeMap<>();
        for (CustomerProfile p : profiles) {
            AudienceRule.Verdict verdict = requireNonNull(plan.audience().evaluate(p),
                    () -> "audience rule " + plan.audience() + " gave no verdict");
            Optional<Assignment> excluded = exclusion(plan, p, verdict, suppression, contactAt);
            if (excluded.isPresent()) {
                out.add(excluded.get());
            } else {
                Eligible e = new Eligible(p, verdict.reason(), draw.control(p.customer()), draw.rank(p.customer()));
                String stratum = plan.stratifyBySegment() ? p.rfmSegment().orElse(NO_SEGMENT) : "";
                strata.computeIfAbsent(stratum, k -> new ArrayList<>()).add(e);
            }
        }

        List<Eligible> treatment = new ArrayList<>();
        String heldOut = "held out as control (share " + plan.controlShare() + "): ";
        for (Map.Entry<String, List<Eligible>> stratum : strata.entrySet()) {
            List<Eligible> members = stratum.getValue();
            if (plan.stratifyBySegment()) {
                members.sort(Comparator.comparingDouble(Eligible::draw).thenComparing(e -> e.profile().customer()));
                long quota = Math.round(plan.controlShare() * members.size());
                for (int i = 0; i < members.size(); i++) {
                    Eligible e = members.get(i);
                    if (i < quota) {
                        out.add(Assignment.of(e.profile().customer(), Cause.HELD_OUT, "held out as control (" + quota + " of "
                                + members.size() + " in segment " + stratum.getKey() + "): " + e.admission()));
                    } else {
                        treatment.add(e);
                    }
                }
            } else {
                for (Eligible e : members) {
                    if (e.draw() < plan.controlShare()) {
                        out.add(Assignment.of(e.profile().customer(), Cause.HELD_OUT, heldOut + e.admission()));
                    } else {
                        treatment.add(e);
                    }
                }
            }
        }

        long capacity = plan.contactCapacity();
        String overBudget = String.format(Locale.ROOT, "over budget: %s at %s a contact pays for %d contacts",
                plan.budget(), plan.costPerContact(), capacity);
        if (treatment.size() > capacity) {
            treatment.sort(Comparator.comparingDouble(Eligible::rank).thenComparing(e -> e.profile().customer()));
        }
        for (int i = 0; i < treatment.size(); i++) {
            Eligible e = treatment.get(i);
            if (i < capacity) {
                out.add(Assignment.of(e.profile().customer(), Cause.ADMITTED, e.admission()));
            } else {
                out.add(Assignment.of(e.profile().customer(), Cause.OVER_BUDGET, overBudget));
            }
        }
        CampaignSelection selection = new CampaignSelection(plan.id(), contactAt, seed, out);
        LOG.debug("campaign {} selected at {}: {}", plan.id(), contactAt, selection.counts);
        return selection;
    }

    private static Optional<Assignment> exclusion(CampaignPlan plan, CustomerProfile p, AudienceRule.Verdict verdict,
                                                  Suppression s, Instant at) {
        CustomerId id = p.customer();
        if (!verdict.admitted()) {
            return Optional.of(Assignment.of(id, Cause.NOT_IN_AUDIENCE, "not in audience: " + verdict.reason()));
        }
        if (!s.consents().permits(id, plan.channel(), at)) {
            return Optional.of(Assignment.of(id, Cause.NO_CONSENT,
                    "no marketing consent on " + plan.channel().name().toLowerCase(Locale.ROOT) + " at " + at));
        }
        if (s.openComplaint().test(id)) {
            return Optional.of(Assignment.of(id, Cause.OPEN_COMPLAINT, "open complaint"));
        }
        ContactCap cap = plan.contactCap();
        int recent = s.contacts().countInPeriod(id, at, cap);
        if (recent >= cap.maxContacts()) {
            return Optional.of(Assignment.of(id, Cause.CONTACT_FATIGUE, String.format(Locale.ROOT,
                    "contact fatigue: %d %s in the %s before %s, %s", recent, recent == 1 ? "contact" : "contacts",
                    cap.period(), at, cap)));
        }
        return Optional.empty();
    }

    private record Eligible(CustomerProfile profile, String admission, double draw, double rank) {
    }

    /** @return the campaign the selection is for */
    public String campaignId() {
        return campaignId;
    }

    /** @return the instant the contacts are made; attribution windows start here */
    public Instant contactAt() {
        return contactAt;
    }

    /** @return the seed of the random draws */
    public long seed() {
        return seed;
    }

    /** @return every customer's assignment, in customer-id order */
    public List<Assignment> assignments() {
        return assignments;
    }

    /**
     * One customer's assignment.
     *
     * @param customer the customer
     * @return the assignment, if the customer was in the input
     */
    public Optional<Assignment> assignment(CustomerId customer) {
        return Optional.ofNullable(byCustomer.get(requireNonNull(customer, "customer")));
    }

    /**
     * The customers in a group, in id order.
     *
     * @param group the group
     * @return the customers
     */
    public List<CustomerId> customers(Group group) {
        requireNonNull(group, "group");
        return assignments.stream().filter(a -> a.group() == group).map(Assignment::customer)
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * The size of a group.
     *
     * @param group the group
     * @return the number of customers in it
     */
    public int count(Group group) {
        return counts.get(requireNonNull(group, "group"));
    }

    /** @return the number of customers per cause, in the order of {@link Cause} */
    public Map<Cause, Integer> countsByCause() {
        Map<Cause, Integer> c = new LinkedHashMap<>();
        for (Cause cause : Cause.values()) {
            c.put(cause, 0);
        }
        assignments.forEach(a -> c.merge(a.cause(), 1, Integer::sum));
        return ImmutableMap.copyOf(c);
    }

    /** @return the campaign, instant, seed and group sizes */
    @Override
    public String toString() {
        return "CampaignSelection[" + campaignId + " at " + contactAt + ", seed " + seed + ", " + counts + "]";
    }
}
