package io.crmkit.accounts;

import static com.google.common.base.Preconditions.checkArgument;

import io.crmkit.core.customer.CustomerId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The relationship plan for one key account: its decision chain, executive sponsors, dated
 * relationship assessments, market targets, competitor profiles, actions, expansion cards and
 * deals, with the contact interval and review cadence the plan promises. The steps follow the
 * mind map's four-step relationship planning and five-step key-relationship planning (docs/domain.md §8).
 *
 * <p>The plan is consistent when built: ids of people, actions and deals are unique; every
 * reference (reports-to, sponsor, action, card, competitor relationship) names a person or
 * action of the plan; reporting lines have no cycle; at most one assessment per day; at most one
 * card per person. Defaults: contact interval 60 days, review every 90 days, never reviewed.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * AccountPlan plan = AccountPlan.builder().account("Northwind Steel").lastReview(LocalDate.parse("2026-09-01"))
 *         .addPeople(cio).addActions(visit).build();
 * AccountReview review = plan.review(LocalDate.parse("2026-11-29"));
 * }</pre>
 */
@Value.Immutable
public abstract class AccountPlan {

    /** The contact interval when none is given, in days. */
    public static final int DEFAULT_CONTACT_INTERVAL_DAYS = 60;
    /** The review cadence when none is given, in days. */
    public static final int DEFAULT_REVIEW_EVERY_DAYS = 90;
    /** The longest interval or cadence accepted, in days (ten years). */
    public static final int MAX_DAYS = 3653;

    AccountPlan() {
    }

    /** @return the account: the customer organisation's name */
    public abstract String account();

    /** @return the id of the organisation's customer file in crm-core, if the plan is linked to one */
    public abstract Optional<CustomerId> customer();

    /**
     * Returns the most days that may pass between contacts with a decision maker: a contact
     * exactly this many days before the review still covers them.
     *
     * @return days, 1 to {@link #MAX_DAYS}; {@value #DEFAULT_CONTACT_INTERVAL_DAYS} unless set
     */
    @Value.Default
    public int contactIntervalDays() {
        return DEFAULT_CONTACT_INTERVAL_DAYS;
    }

    /**
     * Returns how often the plan and its expansion cards are reviewed: a review exactly this many
     * days ago is still current.
     *
     * @return days, 1 to {@link #MAX_DAYS}; {@value #DEFAULT_REVIEW_EVERY_DAYS} unless set
     */
    @Value.Default
    public int reviewEveryDays() {
        return DEFAULT_REVIEW_EVERY_DAYS;
    }

    /** @return the day the plan was last reviewed; empty if it never was (then it is overdue) */
    public abstract Optional<LocalDate> lastReview();

    /** @return the key people of the decision chain */
    public abstract List<KeyPerson> people();

    /** @return the executive sponsor pairings */
    public abstract List<SponsorPairing> sponsors();

    /** @return the actions of the plan */
    public abstract List<Action> actions();

    /** @return the relationship assessments, in any order */
    public abstract List<RelationshipAssessment> assessments();

    /** @return the deals with the account */
    public abstract List<Deal> deals();

    /** @return the market targets the plan serves */
    public abstract List<MarketTarget> targets();

    /** @return what the plan knows of the competitors at the account */
    public abstract List<CompetitorProfile> competitors();

    /** @return the key-account expansion cards, at most one per key person */
    public abstract List<ExpansionCard> cards();

    /**
     * Finds a key person by id.
     *
     * @param id the person's id
     * @return the person, or empty if the plan has none with that id
     */
    public final Optional<KeyPerson> person(String id) {
        return Optional.ofNullable(peopleById().get(id));
    }

    /** @return the key people by id */
    @Value.Derived
    @Value.Auxiliary
    Map<String, KeyPerson> peopleById() {
        Map<String, KeyPerson> byId = new HashMap<>();
        for (KeyPerson p : people()) {
            checkArgument(byId.put(p.id(), p) == null,
                    "people of account %s have the id %s twice: ids are unique in a plan", account(), p.id());
        }
        return Map.copyOf(byId);
    }

    /** @return the relationship assessments in date order with their trend */
    public final RelationshipTrend trend() {
        return RelationshipTrend.of(assessments());
    }

    /** @return each sponsor pairing checked against the four principles, in the plan's order */
    public final List<SponsorCheck> sponsorChecks() {
        List<SponsorCheck> checks = new ArrayList<>();
        for (SponsorPairing s : sponsors()) {
            checks.add(s.check(peopleById().get(s.person())));
        }
        return List.copyOf(checks);
    }

    /**
     * Reviews the plan as of a day: see {@link AccountReview}.
     *
     * @param asOf the day of the review
     * @return the review with its findings
     */
    public final AccountReview review(LocalDate asOf) {
        return AccountReview.of(this, asOf);
    }

    /**
     * Returns a new builder.
     *
     * @return a builder; {@code account} is required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects an account plan's fields, or copies a plan to revise it with {@code from(plan)};
     * {@code build()} runs the plan's checks. Not thread-safe: use it on one thread.
     */
    public static final class Builder extends ImmutableAccountPlan.Builder {
        Builder() {
        }
    }

    @Value.Check
    void check() {
        Texts.requireText("account", account(), true);
        checkArgument(contactIntervalDays() >= 1 && contactIntervalDays() <= MAX_DAYS,
                "contactIntervalDays of account %s is %s: it is from 1 to %s days", account(), contactIntervalDays(), MAX_DAYS);
        checkArgument(reviewEveryDays() >= 1 && reviewEveryDays() <= MAX_DAYS,
                "reviewEveryDays of account %s is %s: it is from 1 to %s days", account(), reviewEveryDays(), MAX_DAYS);
        Map<String, KeyPerson> byId = peopleById();
        for (KeyPerson p : people()) {
            p.reportsTo().ifPresent(b -> requirePerson(byId, b, "reportsTo of key person " + p.id()));
        }
        checkNoReportingCycle(byId);
        for (SponsorPairing s : sponsors()) {
            requirePerson(byId, s.person(), "person of the sponsor pairing of " + s.maskedExecutive());
        }
        Set<String> actionIds = new HashSet<>();
        for (Action a : actions()) {
            checkArgument(actionIds.add(a.id()), "actions of account %s have the id %s twice: ids are unique in a plan",
                    account(), a.id());
            a.person().ifPresent(p -> requirePerson(byId, p, "person of action " + a.id()));
        }
        Set<String> dealIds = new HashSet<>();
        for (Deal d : deals()) {
            checkArgument(dealIds.add(d.id()), "deals of account %s have the id %s twice: ids are unique in a plan",
                    account(), d.id());
        }
        Set<String> carded = new HashSet<>();
        for (ExpansionCard c : cards()) {
            requirePerson(byId, c.person(), "person of an expansion card");
            checkArgument(carded.add(c.person()), "cards of account %s are for person %s twice: one card per person",
                    account(), c.person());
            for (String a : c.actions()) {
                checkArgument(actionIds.contains(a), "action %s of the expansion card of %s is not in the plan: "
                        + "a card lists actions of the plan", a, c.person());
            }
        }
        for (CompetitorProfile c : competitors()) {
            c.relationshipsHeld().forEach(p -> requirePerson(byId, p, "relationshipsHeld of competitor " + c.competitor()));
        }
        trend();
    }

    private void requirePerson(Map<String, KeyPerson> byId, String id, String field) {
        checkArgument(byId.containsKey(id), "%s is %s, which is not a key person of account %s: "
                + "references name a person of the plan", field, id, account());
    }

    private void checkNoReportingCycle(Map<String, KeyPerson> byId) {
        Set<String> acyclic = new HashSet<>();
        for (KeyPerson start : people()) {
            Set<String> path = new HashSet<>();
            KeyPerson p = start;
            while (p != null && !acyclic.contains(p.id())) {
                checkArgument(path.add(p.id()), "reportsTo of account %s forms a cycle through %s: "
                        + "a reporting line ends at someone who reports to nobody in the plan", account(), p.id());
                p = p.reportsTo().map(byId::get).orElse(null);
            }
            acyclic.addAll(path);
        }
    }

    /** @return for example {@code AccountPlan[Northwind Steel, 5 people, 2 sponsors, 4 actions, 2 assessments, 1 deals]} */
    @Override
    public String toString() {
        return "AccountPlan[" + account() + ", " + people().size() + " people, " + sponsors().size() + " sponsors, "
                + actions().size() + " actions, " + assessments().size() + " assessments, " + deals().size() + " deals]";
    }
}
