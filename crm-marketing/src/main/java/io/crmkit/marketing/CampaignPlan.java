package io.crmkit.marketing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A marketing campaign as planned: its objective and offer, the channel, the budget and the cost of
 * one contact, the schedule, the {@link AudienceRule audience}, the {@link ContactCap contact cap},
 * the share of the audience held out as a control group (optionally stratified by RFM segment), the
 * attribution window for responses, and the market information that informed it.
 *
 * <p>The budget pays for treatment contacts only (the control group receives nothing): the
 * campaign can afford {@code floor(budget / costPerContact)} contacts, or any number when a contact
 * costs nothing.
 *
 * <pre>{@code
 * CampaignPlan plan = CampaignPlan.builder("spring-24", Channel.EMAIL)
 *         .objective("win back lapsing buyers").offer("10% off the next order")
 *         .budget(Money.of("5000", "CNY")).costPerContact(Money.of("0.50", "CNY"))
 *         .schedule(Schedule.of(start, end)).audience(AudienceRule.pAliveBelow(0.4))
 *         .controlShare(0.2).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CampaignPlan {

    /** The attribution window used when the plan sets none: 14 days after the contact. */
    public static final Duration DEFAULT_ATTRIBUTION_WINDOW = Duration.ofDays(14);

    private final String id;
    private final Channel channel;
    private final String objective;
    private final String offer;
    private final Money budget;
    private final Money costPerContact;
    private final Schedule schedule;
    private final AudienceRule audience;
    private final ContactCap contactCap;
    private final double controlShare;
    private final boolean stratifyBySegment;
    private final Duration attributionWindow;
    private final ImmutableList<CompetitorObservation> marketInformation;

    private CampaignPlan(Builder b) {
        this.id = b.id;
        this.channel = b.channel;
        this.objective = b.objective;
        this.offer = b.offer;
        this.budget = b.budget;
        this.costPerContact = b.costPerContact;
        this.schedule = b.schedule;
        this.audience = b.audience;
        this.contactCap = b.contactCap;
        this.controlShare = b.controlShare;
        this.stratifyBySegment = b.stratifyBySegment;
        this.attributionWindow = b.attributionWindow;
        this.marketInformation = ImmutableList.copyOf(b.marketInformation);
    }

    /**
     * Starts a plan.
     *
     * @param id the campaign's identifier, non-blank; it also names the campaign in contact histories
     * @param channel the channel the contacts use
     * @return a builder
     * @throws IllegalArgumentException if the id is blank
     */
    public static Builder builder(String id, Channel channel) {
        requireNonNull(id, "id");
        checkArgument(!id.isBlank(), "campaign id '%s' is blank", id);
        return new Builder(id.strip(), requireNonNull(channel, "channel"));
    }

    /** @return the campaign's identifier */
    public String id() {
        return id;
    }

    /** @return the channel of every contact */
    public Channel channel() {
        return channel;
    }

    /** @return what the campaign means to achieve */
    public String objective() {
        return objective;
    }

    /** @return what the customers are offered */
    public String offer() {
        return offer;
    }

    /** @return the budget for contacts, not negative */
    public Money budget() {
        return budget;
    }

    /** @return the cost of one contact, not negative, in the budget's currency */
    public Money costPerContact() {
        return costPerContact;
    }

    /** @return when contacts may be made */
    public Schedule schedule() {
        return schedule;
    }

    /** @return who the campaign is aimed at */
    public AudienceRule audience() {
        return audience;
    }

    /** @return the contact cap across campaigns */
    public ContactCap contactCap() {
        return contactCap;
    }

    /** @return the share of the eligible audience held out as control, in [0, 1) */
    public double controlShare() {
        return controlShare;
    }

    /** @return whether the control group is drawn separately within each RFM segment */
    public boolean stratifyBySegment() {
        return stratifyBySegment;
    }

    /** @return how long after the contact a response or purchase is attributed to the campaign */
    public Duration attributionWindow() {
        return attributionWindow;
    }

    /** @return the competitor observations that informed the plan */
    public List<CompetitorObservation> marketInformation() {
        return marketInformation;
    }

    /**
     * The number of contacts the budget pays for: {@code floor(budget / costPerContact)}, or
     * {@link Long#MAX_VALUE} when a contact costs nothing.
     *
     * @return the capacity, 0 or more
     */
    public long contactCapacity() {
        if (costPerContact.isZero()) {
            return Long.MAX_VALUE;
        }
        BigDecimal n = budget.amount().divide(costPerContact.amount(), 0, RoundingMode.FLOOR);
        return n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : n.longValueExact();
    }

    /** @return the id, channel, audience and control share */
    @Override
    public String toString() {
        return "CampaignPlan[" + id + " " + channel + ", audience " + audience + ", control " + controlShare
                + (stratifyBySegment ? " by segment" : "") + ", " + contactCap + "]";
    }

    /** Collects a plan; not thread-safe, build once. */
    public static final class Builder {
        private final String id;
        private final Channel channel;
        private String objective = "";
        private String offer = "";
        private @Nullable Money budget;
        private @Nullable Money costPerContact;
        private @Nullable Schedule schedule;
        private @Nullable AudienceRule audience;
        private ContactCap contactCap = ContactCap.ONE_A_DAY;
        private double controlShare = 0.1;
        private boolean stratifyBySegment;
        private Duration attributionWindow = DEFAULT_ATTRIBUTION_WINDOW;
        private final List<CompetitorObservation> marketInformation = new ArrayList<>();

        private Builder(String id, Channel channel) {
            this.id = id;
            this.channel = channel;
        }

        /**
         * Sets the objective.
         *
         * @param text what the campaign means to achieve
         * @return this builder
         */
        public Builder objective(String text) {
            this.objective = requireNonNull(text, "objective").strip();
            return this;
        }

        /**
         * Sets the offer.
         *
         * @param text what the customers are offered
         * @return this builder
         */
        public Builder offer(String text) {
            this.offer = requireNonNull(text, "offer").strip();
            return this;
        }

        /**
         * Sets the budget for contacts.
         *
         * @param amount not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder budget(Money amount) {
            requireNonNull(amount, "budget");
            checkArgument(!amount.isNegative(), "budget %s is negative", amount);
            this.budget = amount;
            return this;
        }

        /**
         * Sets the cost of one contact.
         *
         * @param amount not negative, in the budget's currency
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder costPerContact(Money amount) {
            requireNonNull(amount, "costPerContact");
            checkArgument(!amount.isNegative(), "costPerContact %s is negative", amount);
            this.costPerContact = amount;
            return this;
        }

        /**
         * Sets the schedule.
         *
         * @param value when contacts may be made
         * @return this builder
         */
        public Builder schedule(Schedule value) {
            this.schedule = requireNonNull(value, "schedule");
            return this;
        }

        /**
         * Sets the audience rule.
         *
         * @param rule who the campaign is aimed at
         * @return this builder
         */
        public Builder audience(AudienceRule rule) {
            this.audience = requireNonNull(rule, "audience");
            return this;
        }

        /**
         * Sets the contact cap; the default is {@link ContactCap#ONE_A_DAY}.
         *
         * @param cap the cap across campaigns
         * @return this builder
         */
        public Builder contactCap(ContactCap cap) {
            this.contactCap = requireNonNull(cap, "contactCap");
            return this;
        }

        /**
         * Sets the control share; the default is 0.1.
         *
         * @param share in [0, 1): 0 holds out nobody (no uplift can then be measured)
         * @return this builder
         * @throws IllegalArgumentException if outside [0, 1)
         */
        public Builder controlShare(double share) {
            checkArgument(share >= 0 && share < 1, "controlShare %s is outside [0, 1)", share);
            this.controlShare = share;
            return this;
        }

        /**
         * Draws the control group within each RFM segment (exactly the share, rounded, of each
         * segment) instead of independently per customer.
         *
         * @param stratify whether to stratify
         * @return this builder
         */
        public Builder stratifyBySegment(boolean stratify) {
            this.stratifyBySegment = stratify;
            return this;
        }

        /**
         * Sets the attribution window; the default is 14 days.
         *
         * @param window positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder attributionWindow(Duration window) {
            requireNonNull(window, "attributionWindow");
            checkArgument(!window.isNegative() && !window.isZero(), "attributionWindow %s is not positive", window);
            this.attributionWindow = window;
            return this;
        }

        /**
         * Adds market information that informed the plan.
         *
         * @param observations competitor observations
         * @return this builder
         */
        public Builder marketInformation(Collection<CompetitorObservation> observations) {
            requireNonNull(observations, "marketInformation").forEach(o -> marketInformation.add(requireNonNull(o, "observation")));
            return this;
        }

        /**
         * Builds the plan.
         *
         * @return the plan
         * @throws IllegalStateException if budget, cost per contact, schedule or audience is missing
         * @throws IllegalArgumentException if budget and cost per contact differ in currency
         */
        public CampaignPlan build() {
            checkState(budget != null, "campaign %s has no budget", id);
            checkState(costPerContact != null, "campaign %s has no costPerContact", id);
            checkState(schedule != null, "campaign %s has no schedule", id);
            checkState(audience != null, "campaign %s has no audience rule", id);
            checkArgument(budget.currency().equals(costPerContact.currency()),
                    "costPerContact %s is not in the budget's currency %s", costPerContact, budget.currency());
            return new CampaignPlan(this);
        }
    }
}
