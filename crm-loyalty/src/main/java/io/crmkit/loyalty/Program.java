package io.crmkit.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.tier.Criterion;
import io.crmkit.scoring.tier.DowngradeRule;
import io.crmkit.scoring.tier.Tier;
import io.crmkit.scoring.tier.TierPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.ZoneId;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A points program: how purchases earn points, which points count toward status, when points
 * expire, what a refund does, and the tier ladder with its qualification window.
 *
 * <p><b>Earning rule.</b> The points of a purchase are
 * {@code round(amount × pointsPerUnit × categoryMultiplier × tierMultiplier)}, computed exactly in
 * decimal and rounded once by the rounding rule ({@link RoundingMode#FLOOR} by default, so the
 * default rule is floor(amount × pointsPerUnit × categoryMultiplier × tierMultiplier)). The
 * category multiplier is that of the purchase's category (1 for a category without one or a
 * purchase without a category); the tier multiplier is that of the tier the member holds at the
 * purchase's instant, before the purchase's own qualifying points count. Each {@link Campaign}
 * active at the instant adds its bonus, computed separately and capped per member. These base
 * points are the purchase's qualifying points; campaign and one-off bonuses are redeemable but
 * count toward status only if {@link Builder#bonusesQualify(boolean)} is set; adjustments never
 * qualify. A result beyond the range of {@code long} is refused, never wrapped.
 *
 * <p><b>Defaults.</b> No category or tier multipliers, no campaigns, {@link RoundingMode#FLOOR},
 * points that never expire, {@link RefundPolicy#NEGATIVE_BALANCE}, a single base tier "Member",
 * {@link QualificationWindow#CALENDAR_YEAR}, {@code DowngradeRule.gracePeriods(1)} (a tier is held
 * to the end of the window after the one it was reached in, then the member drops straight to the
 * tier they qualify for), bonuses not qualifying.
 *
 * <pre>{@code
 * Program program = Program.builder(Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"))
 *         .pointsPerUnit(BigDecimal.ONE).categoryMultiplier("books", new BigDecimal("2"))
 *         .tier("Gold", 5_000, new BigDecimal("1.5")).tier("Silver", 2_000).baseTier("Member")
 *         .expiry(ExpiryPolicy.rolling(12)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Program {

    private final Currency currency;
    private final ZoneId zone;
    private final BigDecimal pointsPerUnit;
    private final RoundingMode rounding;
    private final ImmutableMap<String, BigDecimal> categoryMultipliers;
    private final ImmutableList<LoyaltyTier> tiers;
    private final TierPolicy tierPolicy;
    private final ImmutableList<Campaign> campaigns;
    private final ExpiryPolicy expiry;
    private final RefundPolicy refundPolicy;
    private final QualificationWindow qualification;
    private final DowngradeRule downgrade;
    private final boolean bonusesQualify;
    private final ZoneCalendar calendar;
    private final ImmutableList<BigDecimal> plainRates;
    private final ImmutableMap<String, ImmutableList<BigDecimal>> categoryRates;

    private Program(Builder b) {
        this.currency = b.currency;
        this.zone = b.zone;
        this.pointsPerUnit = b.pointsPerUnit;
        this.rounding = b.rounding;
        this.categoryMultipliers = ImmutableMap.copyOf(b.categoryMultipliers);
        this.tiers = b.tiers.isEmpty() ? ImmutableList.of(LoyaltyTier.of("Member", 0)) : ImmutableList.copyOf(b.tiers);
        this.campaigns = ImmutableList.copyOf(b.campaigns);
        this.expiry = b.expiry;
        this.refundPolicy = b.refundPolicy;
        this.qualification = b.qualification;
        this.downgrade = b.downgrade;
        this.bonusesQualify = b.bonusesQualify;
        this.tierPolicy = validateTiers(tiers);
        checkArgument(downgrade.hysteresis() == 0.0,
                "downgrade hysteresis %s is not supported for points: thresholds are exact point counts, so it must be 0",
                downgrade.hysteresis());
        checkArgument(qualification != QualificationWindow.ROLLING_12_MONTHS || downgrade.gracePeriods() >= 1,
                "downgrade gracePeriods %s with a rolling 12-month window: it must be at least 1 (the 12 months a tier is held)",
                downgrade.gracePeriods());
        Set<String> names = new HashSet<>();
        for (Campaign c : campaigns) {
            checkArgument(names.add(c.name()), "campaign name '%s' appears twice", c.name());
        }
        this.calendar = new ZoneCalendar(zone);
        this.plainRates = rates(BigDecimal.ONE);
        ImmutableMap.Builder<String, ImmutableList<BigDecimal>> byCategory = ImmutableMap.builder();
        categoryMultipliers.forEach((category, multiplier) -> byCategory.put(category, rates(multiplier)));
        this.categoryRates = byCategory.build();
    }

    /** pointsPerUnit × categoryMultiplier × tierMultiplier for each tier, in the order of {@link #tiers()}. */
    private ImmutableList<BigDecimal> rates(BigDecimal categoryMultiplier) {
        ImmutableList.Builder<BigDecimal> rates = ImmutableList.builder();
        for (LoyaltyTier t : tiers) {
            rates.add(pointsPerUnit.multiply(categoryMultiplier).multiply(t.multiplier()));
        }
        return rates.build();
    }

    /**
     * The exact product pointsPerUnit × categoryMultiplier × tierMultiplier, computed once per
     * category and tier: BigDecimal products are exact, so amount × this rate is the same number,
     * with the same scale, as the earning rule's product taken factor by factor.
     *
     * @param category the purchase's category, or null for none
     * @param tier the tier's index in {@link #tiers()}
     */
    BigDecimal earningRate(@Nullable String category, int tier) {
        List<BigDecimal> rates = category == null ? plainRates : categoryRates.getOrDefault(category, plainRates);
        return rates.get(tier);
    }

    /** The calendar arithmetic of the program's zone. */
    ZoneCalendar calendar() {
        return calendar;
    }

    /** Checks the ladder with crm-scoring's tier policy: unique names, strictly falling thresholds, a base tier at the bottom. */
    private static TierPolicy validateTiers(List<LoyaltyTier> ladder) {
        LoyaltyTier bottom = ladder.get(ladder.size() - 1);
        checkArgument(bottom.qualifyingPoints() == 0,
                "bottom tier %s qualifyingPoints %s: the bottom tier is the base tier and must need 0", bottom.name(),
                bottom.qualifyingPoints());
        List<Tier> rungs = new ArrayList<>();
        for (int i = 0; i < ladder.size(); i++) {
            LoyaltyTier t = ladder.get(i);
            checkArgument(i == ladder.size() - 1 || t.qualifyingPoints() > ladder.get(i + 1).qualifyingPoints(),
                    "tier %s qualifyingPoints %s is not above the %s of tier %s below it: list tiers from the top down",
                    t.name(), t.qualifyingPoints(), ladder.get(Math.min(i + 1, ladder.size() - 1)).qualifyingPoints(),
                    ladder.get(Math.min(i + 1, ladder.size() - 1)).name());
            rungs.add(i == ladder.size() - 1 ? new Tier(t.name(), Tier.Match.ALL_OF, List.of())
                    : new Tier(t.name(), Tier.Match.ALL_OF, List.of(Criterion.atLeast("qualifyingPoints", t.qualifyingPoints()))));
        }
        return TierPolicy.of("loyalty tiers", rungs);
    }

    /**
     * Starts a builder.
     *
     * @param currency the currency purchases and refunds must be in
     * @param zone the zone whose calendar dates expiry, windows and as-of days
     * @return the builder
     */
    public static Builder builder(Currency currency, ZoneId zone) {
        return new Builder(currency, zone);
    }

    /** @return the currency of purchases and refunds */
    public Currency currency() {
        return currency;
    }

    /** @return the zone of the program's calendar */
    public ZoneId zone() {
        return zone;
    }

    /** @return points per currency unit, positive */
    public BigDecimal pointsPerUnit() {
        return pointsPerUnit;
    }

    /** @return the rounding rule applied once to each purchase's and campaign's points */
    public RoundingMode rounding() {
        return rounding;
    }

    /** @return the category multipliers by category */
    public Map<String, BigDecimal> categoryMultipliers() {
        return categoryMultipliers;
    }

    /**
     * The multiplier of a category.
     *
     * @param category the category, or null for none
     * @return its multiplier, 1 if it has none
     */
    public BigDecimal categoryMultiplier(@Nullable String category) {
        return category == null ? BigDecimal.ONE : categoryMultipliers.getOrDefault(category, BigDecimal.ONE);
    }

    /** @return the tiers, highest first, the last being the base tier */
    public List<LoyaltyTier> tiers() {
        return tiers;
    }

    /** @return the tier ladder as a crm-scoring policy on the metric {@code qualifyingPoints} */
    public TierPolicy tierPolicy() {
        return tierPolicy;
    }

    /** @return the campaigns */
    public List<Campaign> campaigns() {
        return campaigns;
    }

    /** @return the expiry policy */
    public ExpiryPolicy expiry() {
        return expiry;
    }

    /** @return the refund policy */
    public RefundPolicy refundPolicy() {
        return refundPolicy;
    }

    /** @return the qualification window */
    public QualificationWindow qualification() {
        return qualification;
    }

    /** @return how tiers are lost: grace windows and whether one tier at a time */
    public DowngradeRule downgrade() {
        return downgrade;
    }

    /** @return whether bonus points count toward status */
    public boolean bonusesQualify() {
        return bonusesQualify;
    }

    @Override
    public String toString() {
        return "Program[" + currency + " " + zone + ", " + pointsPerUnit + " per unit, " + tiers.size() + " tiers, "
                + campaigns.size() + " campaigns, expiry " + expiry + ", " + refundPolicy + ", " + qualification + "]";
    }

    /** A builder of a program; every field has the default documented on {@link Program}. */
    public static final class Builder {
        private final Currency currency;
        private final ZoneId zone;
        private BigDecimal pointsPerUnit = BigDecimal.ONE;
        private RoundingMode rounding = RoundingMode.FLOOR;
        private final Map<String, BigDecimal> categoryMultipliers = new LinkedHashMap<>();
        private final List<LoyaltyTier> tiers = new ArrayList<>();
        private final List<Campaign> campaigns = new ArrayList<>();
        private ExpiryPolicy expiry = ExpiryPolicy.never();
        private RefundPolicy refundPolicy = RefundPolicy.NEGATIVE_BALANCE;
        private QualificationWindow qualification = QualificationWindow.CALENDAR_YEAR;
        private DowngradeRule downgrade = DowngradeRule.gracePeriods(1);
        private boolean bonusesQualify;

        private Builder(Currency currency, ZoneId zone) {
            this.currency = requireNonNull(currency, "currency");
            this.zone = requireNonNull(zone, "zone");
        }

        /**
         * Sets the points per currency unit.
         *
         * @param points points per unit, positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder pointsPerUnit(BigDecimal points) {
            requireNonNull(points, "pointsPerUnit");
            checkArgument(points.signum() > 0, "pointsPerUnit %s is not positive", points);
            this.pointsPerUnit = points;
            return this;
        }

        /**
         * Sets the rounding rule.
         *
         * @param mode any mode but {@link RoundingMode#UNNECESSARY}
         * @return this builder
         * @throws IllegalArgumentException for UNNECESSARY
         */
        public Builder rounding(RoundingMode mode) {
            requireNonNull(mode, "rounding");
            checkArgument(mode != RoundingMode.UNNECESSARY, "rounding %s cannot round points: choose FLOOR, HALF_UP...", mode);
            this.rounding = mode;
            return this;
        }

        /**
         * Sets a category's multiplier.
         *
         * @param category the category, non-blank
         * @param multiplier the multiplier, 0 or more (0: the category earns nothing)
         * @return this builder
         * @throws IllegalArgumentException if the category is blank or the multiplier negative
         */
        public Builder categoryMultiplier(String category, BigDecimal multiplier) {
            requireNonNull(category, "category");
            requireNonNull(multiplier, "multiplier");
            checkArgument(!category.isBlank(), "category '%s' is blank", category);
            checkArgument(multiplier.signum() >= 0, "category %s multiplier %s is negative", category, multiplier);
            categoryMultipliers.put(category, multiplier);
            return this;
        }

        /**
         * Adds the next tier down.
         *
         * @param name the tier's name
         * @param qualifyingPoints the threshold, above every tier added later
         * @param multiplier the earning multiplier, positive
         * @return this builder
         * @throws IllegalArgumentException if a field is out of range
         */
        public Builder tier(String name, long qualifyingPoints, BigDecimal multiplier) {
            tiers.add(new LoyaltyTier(name, qualifyingPoints, multiplier));
            return this;
        }

        /**
         * Adds the next tier down, without a multiplier.
         *
         * @param name the tier's name
         * @param qualifyingPoints the threshold, above every tier added later
         * @return this builder
         * @throws IllegalArgumentException if a field is out of range
         */
        public Builder tier(String name, long qualifyingPoints) {
            return tier(name, qualifyingPoints, BigDecimal.ONE);
        }

        /**
         * Adds the bottom tier, which every member holds at least.
         *
         * @param name the tier's name
         * @return this builder
         */
        public Builder baseTier(String name) {
            return tier(name, 0);
        }

        /**
         * Adds a campaign.
         *
         * @param campaign the campaign, its name unique in the program
         * @return this builder
         */
        public Builder campaign(Campaign campaign) {
            campaigns.add(requireNonNull(campaign, "campaign"));
            return this;
        }

        /**
         * Sets the expiry policy.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder expiry(ExpiryPolicy policy) {
            this.expiry = requireNonNull(policy, "expiry");
            return this;
        }

        /**
         * Sets the refund policy.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder refundPolicy(RefundPolicy policy) {
            this.refundPolicy = requireNonNull(policy, "refundPolicy");
            return this;
        }

        /**
         * Sets the qualification window.
         *
         * @param window the window
         * @return this builder
         */
        public Builder qualification(QualificationWindow window) {
            this.qualification = requireNonNull(window, "qualification");
            return this;
        }

        /**
         * Sets the downgrade rule: {@code gracePeriods} windows a tier is held after the window it
         * was reached in (at least 1 for a rolling window), and whether a lapsed tier drops one
         * tier at a time (each step held one window) instead of straight to the tier still held.
         * Hysteresis must be 0.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder downgrade(DowngradeRule rule) {
            this.downgrade = requireNonNull(rule, "downgrade");
            return this;
        }

        /**
         * Sets whether campaign and one-off bonus points count toward status.
         *
         * @param qualify true if they do
         * @return this builder
         */
        public Builder bonusesQualify(boolean qualify) {
            this.bonusesQualify = qualify;
            return this;
        }

        /**
         * Builds the program.
         *
         * @return the program
         * @throws IllegalArgumentException if the tiers are not listed top down with a base tier at
         *         the bottom, a campaign name repeats, or the downgrade rule does not fit
         */
        public Program build() {
            return new Program(this);
        }
    }
}
