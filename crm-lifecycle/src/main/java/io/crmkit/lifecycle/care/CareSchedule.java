package io.crmkit.lifecycle.care;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A care (contact) schedule: rules that turn events into dated tasks, the overdue report, and
 * the daily follow-up quota. The {@link #dealerManual(ZoneId) dealer manual's} defaults
 * (docs/domain.md §5):
 * <ul>
 * <li>prospect visit → thank-you message the same day;</li>
 * <li>prospect left → telephone follow-up by customer relations within 48 hours;</li>
 * <li>price objection, customer leaves → agree the next contact time at the visit;</li>
 * <li>delivery booked → reminders to prepare 72 hours and 24 hours before;</li>
 * <li>delivered → thank the customer within 24 hours, confirm anything they may be unhappy with
 *     within 72 hours;</li>
 * <li>first service due, birthday, holiday, club event, bad weather → reminder, greeting,
 *     invitation or warning on the date;</li>
 * <li>quota: each salesperson follows up at least 3 prospects a day.</li>
 * </ul>
 *
 * <pre>{@code
 * CareSchedule schedule = CareSchedule.dealerManual(ZoneId.of("Asia/Shanghai"));
 * List<CareTask> tasks = schedule.tasks(List.of(CareEvent.of(customer, CareMoment.DELIVERED, deliveredAt, "wang.wei")));
 * }</pre>
 */
public final class CareSchedule {

    /** The interaction kinds that count as a follow-up contact for the quota. */
    private static final Set<InteractionKind> FOLLOW_UP_KINDS = EnumSet.of(InteractionKind.CALL, InteractionKind.VISIT,
            InteractionKind.MESSAGE, InteractionKind.EMAIL);

    private final ZoneId zone;
    private final ImmutableList<CareRule> rules;
    private final int dailyFollowUps;

    private CareSchedule(ZoneId zone, ImmutableList<CareRule> rules, int dailyFollowUps) {
        this.zone = zone;
        this.rules = rules;
        this.dailyFollowUps = dailyFollowUps;
    }

    /**
     * Returns the dealer manual's schedule.
     *
     * @param zone the zone that names the days
     * @return the schedule
     */
    public static CareSchedule dealerManual(ZoneId zone) {
        return dealerManualBuilder(zone).build();
    }

    /**
     * Starts from the dealer manual's rules and quota, to adjust.
     *
     * @param zone the zone that names the days
     * @return a builder
     */
    public static Builder dealerManualBuilder(ZoneId zone) {
        return builder(zone)
                .rule(CareRule.sameDay(CareMoment.PROSPECT_VISIT, "send a thank-you message"))
                .rule(CareRule.within(CareMoment.PROSPECT_LEFT, "telephone follow-up by customer relations",
                        Duration.ofHours(48)))
                .rule(CareRule.atTheEvent(CareMoment.PRICE_OBJECTION, "agree the next contact time"))
                .rule(CareRule.before(CareMoment.DELIVERY_BOOKED, "remind the customer to prepare for delivery",
                        Duration.ofHours(72)))
                .rule(CareRule.before(CareMoment.DELIVERY_BOOKED, "remind the customer of tomorrow's delivery",
                        Duration.ofHours(24)))
                .rule(CareRule.within(CareMoment.DELIVERED, "thank the customer for the purchase", Duration.ofHours(24)))
                .rule(CareRule.within(CareMoment.DELIVERED, "confirm anything the customer may be unhappy with",
                        Duration.ofHours(72)))
                .rule(CareRule.sameDay(CareMoment.FIRST_SERVICE_DUE, "first-service reminder"))
                .rule(CareRule.sameDay(CareMoment.BIRTHDAY, "birthday greetings"))
                .rule(CareRule.sameDay(CareMoment.HOLIDAY, "holiday greetings"))
                .rule(CareRule.sameDay(CareMoment.CLUB_EVENT, "invite to the club event"))
                .rule(CareRule.sameDay(CareMoment.BAD_WEATHER, "bad-weather warning"))
                .dailyFollowUps(3);
    }

    /**
     * Starts an empty schedule (no rules, quota of 3 follow-ups a day).
     *
     * @param zone the zone that names the days
     * @return a builder
     */
    public static Builder builder(ZoneId zone) {
        return new Builder(requireNonNull(zone, "zone"));
    }

    /** @return the rules, in the order they were added */
    public List<CareRule> rules() {
        return rules;
    }

    /** @return the zone that names the days */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Turns events into tasks: one per matching rule, assigned to the event's owner.
     *
     * @param events the events
     * @return the tasks, earliest deadline first
     * @throws IllegalArgumentException if a rule puts the due time of an event outside the years
     *     1 to 9999 in the schedule's zone (the message names the event and the rule)
     */
    public List<CareTask> tasks(Collection<CareEvent> events) {
        List<CareTask> tasks = new ArrayList<>();
        for (CareEvent e : requireNonNull(events, "events")) {
            for (CareRule r : rules) {
                if (r.moment() == e.moment()) {
                    tasks.add(new CareTask(e.customer(), e.moment(), r.action(), e.owner(), e.at(), due(r, e),
                            Optional.empty()));
                }
            }
        }
        tasks.sort(Comparator.comparing(CareTask::due).thenComparing(t -> t.customer().value()));
        return ImmutableList.copyOf(tasks);
    }

    /** The due time of a rule for an event, refused when it leaves the years 1 to 9999. */
    private Instant due(CareRule r, CareEvent e) {
        Instant due = null;
        try {
            due = r.dueFor(e.at(), zone);
        } catch (java.time.DateTimeException | ArithmeticException overflow) {
            // beyond the range of an instant: refused below as outside the years
        }
        int year = due == null ? 0 : due.atZone(zone).getYear();
        checkArgument(year >= 1 && year <= 9999, "event %s of customer %s at %s: rule '%s' (%s %s) puts the due time "
                + "outside the years 1 to 9999", e.moment(), e.customer().masked(), e.at(), r.action(), r.timing(),
                r.offset());
        return due;
    }

    /**
     * Lists the tasks overdue at an instant.
     *
     * @param tasks the tasks, done or not
     * @param asOf the instant
     * @return the overdue tasks, earliest deadline first
     */
    public List<CareTask> overdue(Collection<CareTask> tasks, Instant asOf) {
        requireNonNull(asOf, "asOf");
        return requireNonNull(tasks, "tasks").stream().filter(t -> t.isOverdue(asOf))
                .sorted(Comparator.comparing(CareTask::due)).collect(ImmutableList.toImmutableList());
    }

    /**
     * Checks the daily follow-up quota: for each salesperson, the distinct customers contacted
     * outbound (call, visit, message or e-mail) on the day, against the minimum.
     *
     * @param interactions the interactions, any days and actors
     * @param day the day, in the schedule's zone
     * @param salespeople whom to check (someone without any follow-up counts zero)
     * @return the report
     * @throws IllegalArgumentException if a salesperson's name is blank
     */
    public QuotaReport followUpQuota(Collection<Interaction> interactions, LocalDate day, Collection<String> salespeople) {
        requireNonNull(day, "day");
        Map<String, Set<String>> contacted = new HashMap<>();
        for (String s : requireNonNull(salespeople, "salespeople")) {
            checkArgument(!requireNonNull(s, "salesperson").isBlank(),
                    "salesperson '%s' is invalid: a name must not be blank", s);
            contacted.put(s, new HashSet<>());
        }
        for (Interaction i : requireNonNull(interactions, "interactions")) {
            if (i.direction() == Direction.OUTBOUND && FOLLOW_UP_KINDS.contains(i.kind())
                    && contacted.containsKey(i.actor()) && i.time().atZone(zone).toLocalDate().equals(day)) {
                contacted.get(i.actor()).add(i.customer().value());
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> shortfalls = new TreeMap<>();
        contacted.forEach((s, customers) -> {
            counts.put(s, customers.size());
            if (customers.size() < dailyFollowUps) {
                shortfalls.put(s, dailyFollowUps - customers.size());
            }
        });
        return new QuotaReport(day, dailyFollowUps, counts, shortfalls);
    }

    @Override
    public String toString() {
        return "CareSchedule[" + rules.size() + " rules, " + dailyFollowUps + " follow-ups a day, " + zone + "]";
    }

    /** Builds a care schedule; not thread-safe. */
    public static final class Builder {
        private final ZoneId zone;
        private final List<CareRule> rules = new ArrayList<>();
        private int dailyFollowUps = 3;

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        /**
         * Adds a rule.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder rule(CareRule rule) {
            rules.add(requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Removes every rule of a moment (to replace them).
         *
         * @param moment the moment
         * @return this builder
         */
        public Builder withoutRulesFor(CareMoment moment) {
            rules.removeIf(r -> r.moment() == moment);
            return this;
        }

        /**
         * Sets the daily follow-up quota per salesperson.
         *
         * @param minimum distinct customers a day, at least 1
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder dailyFollowUps(int minimum) {
            checkArgument(minimum >= 1, "dailyFollowUps %s must be at least 1", minimum);
            this.dailyFollowUps = minimum;
            return this;
        }

        /** @return the schedule */
        public CareSchedule build() {
            return new CareSchedule(zone, ImmutableList.copyOf(rules), dailyFollowUps);
        }
    }
}
