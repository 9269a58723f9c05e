package io.crmkit.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.scoring.tier.DowngradeRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The replay's fast paths (calendar boundaries cached per window, month arithmetic on epoch days,
 * one precomputed earning rate, no sort of ordered events, reasons written lazily) give exactly
 * what the straightforward replay gives ({@link ReferenceReplay}: java.time and BigDecimal on every
 * event), over random programs and histories in zones with daylight saving (Europe/Berlin,
 * America/New_York, Australia/Lord_Howe's half-hour shift, America/Sao_Paulo's midnight
 * changes, Pacific/Apia's skipped day) and without (Asia/Shanghai).
 */
class FastReplayPropertiesTest {

    private static final List<ZoneId> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Shanghai",
            "Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Apia").stream().map(ZoneId::of).toList();
    private static final Currency EUR = Currency.getInstance("EUR");
    /** 2010-01-01T00:00Z: Apia skipped 2011-12-30, Sao Paulo still changed at midnight. */
    private static final long BASE = 1_262_304_000L;
    private static final long SPAN = 18L * 366 * 86_400;

    @Property(tries = 3000)
    void monthsOnEpochDaysAreJavaTimeMonths(@ForAll @IntRange(min = 0, max = 5) int zone,
                                            @ForAll @LongRange(min = -200L * 366 * 86_400, max = 200L * 366 * 86_400) long second,
                                            @ForAll @IntRange(min = -1200, max = 1200) int months,
                                            @ForAll @IntRange(min = -7200, max = 7200) int nearTransition,
                                            @ForAll boolean atTransition) {
        ZoneId z = ZONES.get(zone);
        Instant t = Instant.ofEpochSecond(BASE + second, 500);
        if (atTransition) {
            ZoneOffsetTransition next = z.getRules().nextTransition(t);
            if (next != null) {
                t = next.getInstant().plusSeconds(nearTransition);
            }
        }
        ZoneCalendar calendar = new ZoneCalendar(z);
        assertEquals(t.atZone(z).plusMonths(months).toInstant(), calendar.plusMonths(t, months), z + " " + t + " " + months);
        assertEquals(t.atZone(z).toLocalDate(), calendar.date(t), z + " " + t);
    }

    /** One generated event: kind, member, second after BASE, cents, points, a reference, whether near a boundary. */
    record Spec(int kind, int member, long second, int cents, int points, int ref) {
    }

    @Provide
    Arbitrary<List<Spec>> histories() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.frequency(Tuple.of(8, 0), Tuple.of(2, 1), Tuple.of(2, 2), Tuple.of(1, 3), Tuple.of(1, 4)),
                Arbitraries.integers().between(0, 1),
                Arbitraries.longs().between(0, SPAN),
                Arbitraries.integers().between(0, 900_000),
                Arbitraries.integers().between(1, 5_000),
                Arbitraries.integers().between(0, 1_000)).as(Spec::new);
        return spec.list().ofMaxSize(40);
    }

    /**
     * Turns specs into events in zone z: kinds 0 purchase, 1 refund, 2 redemption, 3 bonus, 4
     * adjustment. A third of the instants are moved next to a local midnight, a year's first
     * instant or an offset change, where the calendar's fast paths end.
     */
    private static List<LoyaltyEvent> events(List<Spec> specs, ZoneId z) {
        List<LoyaltyEvent> events = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            String id = "e" + i;
            CustomerId who = CustomerId.of("m" + s.member());
            Instant at = Instant.ofEpochSecond(BASE + s.second());
            int jitter = s.ref() % 121 - 60;
            switch (s.ref() % 9) {
                case 0 -> at = at.atZone(z).toLocalDate().atStartOfDay(z).toInstant().plusSeconds(jitter);
                case 1 -> at = LocalDateTime.of(at.atZone(z).getYear(), 1, 1, 0, 0).atZone(z).toInstant().plusSeconds(jitter);
                case 2 -> {
                    ZoneOffsetTransition next = z.getRules().nextTransition(at);
                    at = next == null ? at : next.getInstant().plusSeconds(jitter * 60L);
                }
                default -> {
                }
            }
            switch (s.kind()) {
                case 0 -> events.add(LoyaltyEvent.purchase(id, Purchase.of(who, at, Money.of(BigDecimal.valueOf(s.cents(), 2), EUR)),
                        s.ref() % 3 == 0 ? "books" : s.ref() % 3 == 1 ? "food" : null));
                case 1 -> events.add(new LoyaltyEvent.Refunded(id, who, at, "e" + (s.ref() % Math.max(i, 1)),
                        Money.of(BigDecimal.valueOf(1 + s.cents() / 3, 2), EUR)));
                case 2 -> events.add(new LoyaltyEvent.Redeemed(id, who, at, s.points()));
                case 3 -> events.add(new LoyaltyEvent.Awarded(id, who, at, s.points(), "birthday"));
                default -> events.add(new LoyaltyEvent.Adjusted(id, who, at, s.ref() % 2 == 0 ? s.points() : -s.points(),
                        "staff-7", "correction"));
            }
        }
        return events;
    }

    private static Program program(ZoneId z, int expiry, int period, int window, int grace, boolean oneTier,
                                   boolean recordedDebt, boolean bonusesQualify, RoundingMode rounding) {
        Instant campaignStart = Instant.ofEpochSecond(BASE + SPAN / 3);
        return Program.builder(EUR, z)
                .pointsPerUnit(new BigDecimal("1.3"))
                .rounding(rounding)
                .categoryMultiplier("books", new BigDecimal("2.5")).categoryMultiplier("food", new BigDecimal("0.75"))
                .campaign(Campaign.of("spring", campaignStart, campaignStart.plusSeconds(200L * 86_400), new BigDecimal("0.5"), 900))
                .tier("Platinum", 40_000, new BigDecimal("2")).tier("Gold", 12_000, new BigDecimal("1.5"))
                .tier("Silver", 3_000, new BigDecimal("1.25")).baseTier("Member")
                .expiry(switch (expiry) {
                    case 0 -> ExpiryPolicy.rolling(period);
                    case 1 -> ExpiryPolicy.endOfYear(period % 3);
                    case 2 -> ExpiryPolicy.activityExtended(period);
                    default -> ExpiryPolicy.never();
                })
                .refundPolicy(recordedDebt ? RefundPolicy.RECORDED_DEBT : RefundPolicy.NEGATIVE_BALANCE)
                .qualification(QualificationWindow.values()[window])
                .downgrade(oneTier ? DowngradeRule.gracePeriods(grace).withOneTierPerPeriod() : DowngradeRule.gracePeriods(grace))
                .bonusesQualify(bonusesQualify)
                .build();
    }

    @Property(tries = 400)
    void theFastReplayIsTheReferenceReplay(@ForAll("histories") List<Spec> specs,
                                           @ForAll @IntRange(min = 0, max = 5) int zone,
                                           @ForAll @IntRange(min = 0, max = 3) int expiry,
                                           @ForAll @IntRange(min = 1, max = 30) int period,
                                           @ForAll @IntRange(min = 0, max = 2) int window,
                                           @ForAll @IntRange(min = 0, max = 2) int grace,
                                           @ForAll boolean oneTier, @ForAll boolean recordedDebt, @ForAll boolean bonusesQualify,
                                           @ForAll boolean halfUp,
                                           @ForAll @LongRange(min = 0, max = SPAN + 3L * 366 * 86_400) long asOfSecond) {
        ZoneId z = ZONES.get(zone);
        int graceWindows = window == QualificationWindow.ROLLING_12_MONTHS.ordinal() ? Math.max(grace, 1) : grace;
        Program p = program(z, expiry, period, window, graceWindows, oneTier, recordedDebt, bonusesQualify,
                halfUp ? RoundingMode.HALF_UP : RoundingMode.FLOOR);
        List<LoyaltyEvent> events = events(specs, z);
        List<Instant> instants = new ArrayList<>();
        instants.add(Instant.ofEpochSecond(BASE + asOfSecond));
        for (LoyaltyEvent e : events) {
            instants.add(e.at());
        }
        for (CustomerId member : List.of(CustomerId.of("m0"), CustomerId.of("m1"))) {
            List<LoyaltyEvent> own = new ArrayList<>(events.stream().filter(e -> e.customer().equals(member)).toList());
            if (asOfSecond % 2 == 0) {
                own.sort(ReferenceReplay.ORDER); // in replay order already: the replay does not sort again
            }
            for (Instant asOf : instants) {
                assertEquals(ReferenceReplay.run(p, member, own, asOf).account(asOf),
                        Replay.run(p, member, own, asOf).account(asOf), member + " as of " + asOf + " in " + z);
            }
        }
    }
}
