package io.crmkit.lifecycle.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The dealer manual's care schedule (docs/domain.md §5) as specifications. */
class CareScheduleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CustomerId C17 = CustomerId.of("c-17");
    /** Tuesday 2026-03-03 15:00 in Shanghai. */
    static final Instant TUESDAY_3PM = Instant.parse("2026-03-03T07:00:00Z");

    private final CareSchedule schedule = CareSchedule.dealerManual(SHANGHAI);

    @Test
    void aProspectsVisitIsThankedTheSameDayAndCalledBackWithin48Hours() {
        List<CareTask> tasks = schedule.tasks(List.of(
                CareEvent.of(C17, CareMoment.PROSPECT_VISIT, TUESDAY_3PM, "wang.wei"),
                CareEvent.of(C17, CareMoment.PROSPECT_LEFT, TUESDAY_3PM, "customer-relations")));
        assertEquals(2, tasks.size());
        assertEquals("send a thank-you message", tasks.get(0).action());
        assertEquals(Instant.parse("2026-03-03T16:00:00Z"), tasks.get(0).due(), "midnight in Shanghai");
        assertEquals("telephone follow-up by customer relations", tasks.get(1).action());
        assertEquals(TUESDAY_3PM.plus(Duration.ofHours(48)), tasks.get(1).due());
        assertEquals("customer-relations", tasks.get(1).assignee());
    }

    @Test
    void aBookedDeliveryGetsRemindersSeventyTwoAndTwentyFourHoursBefore() {
        Instant delivery = Instant.parse("2026-03-10T02:00:00Z");
        List<CareTask> tasks = schedule.tasks(List.of(CareEvent.of(C17, CareMoment.DELIVERY_BOOKED, delivery, "w")));
        assertEquals(List.of(delivery.minus(Duration.ofHours(72)), delivery.minus(Duration.ofHours(24))),
                tasks.stream().map(CareTask::due).toList());
    }

    @Test
    void afterDeliveryTheCustomerIsThankedWithin24HoursAndAskedWithin72() {
        List<CareTask> tasks = schedule.tasks(List.of(CareEvent.of(C17, CareMoment.DELIVERED, TUESDAY_3PM, "w")));
        assertEquals(List.of("thank the customer for the purchase", "confirm anything the customer may be unhappy with"),
                tasks.stream().map(CareTask::action).toList());
        assertEquals(List.of(TUESDAY_3PM.plus(Duration.ofHours(24)), TUESDAY_3PM.plus(Duration.ofHours(72))),
                tasks.stream().map(CareTask::due).toList());
    }

    @Test
    void aDueTimeOutsideTheYearsOneTo9999IsRefusedNamingTheEventAndTheRule() {
        // a booking on 0001-01-02 with its 72-hour reminder fell on 0000-12-30, a delivery late on
        // 9999-12-31 was thanked in +10000: both were returned as tasks
        CareSchedule utc = CareSchedule.dealerManual(ZoneId.of("UTC"));
        Instant early = Instant.parse("0001-01-02T00:00:00Z");
        IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
                () -> utc.tasks(List.of(CareEvent.of(C17, CareMoment.DELIVERY_BOOKED, early, "li"))));
        assertTrue(before.getMessage().startsWith("event DELIVERY_BOOKED of customer c-17 at 0001-01-02T00:00:00Z: rule '"),
                before.getMessage());
        assertTrue(before.getMessage().endsWith("(BEFORE PT72H) puts the due time outside the years 1 to 9999"),
                before.getMessage());
        Instant late = Instant.parse("9999-12-31T23:00:00Z");
        IllegalArgumentException after = assertThrows(IllegalArgumentException.class,
                () -> utc.tasks(List.of(CareEvent.of(C17, CareMoment.DELIVERED, late, "li"))));
        assertTrue(after.getMessage().startsWith("event DELIVERED of customer c-17 at 9999-12-31T23:00:00Z: rule '"),
                after.getMessage());
        assertTrue(after.getMessage().endsWith("(WITHIN PT24H) puts the due time outside the years 1 to 9999"),
                after.getMessage());
    }

    @Test
    void aBlankSalespersonIsRefusedByTheQuota() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> schedule.followUpQuota(List.of(), LocalDate.of(2026, 3, 4), List.of("a", "", "b")));
        assertEquals("salesperson '' is invalid: a name must not be blank", blank.getMessage());
    }

    @Test
    void aPriceObjectionNeedsTheNextContactAgreedAtTheVisit() {
        CareTask t = schedule.tasks(List.of(CareEvent.of(C17, CareMoment.PRICE_OBJECTION, TUESDAY_3PM, "w"))).get(0);
        assertEquals(TUESDAY_3PM, t.due());
        assertTrue(t.isOverdue(TUESDAY_3PM.plusSeconds(1)));
        assertFalse(t.doneAt(TUESDAY_3PM).isOverdue(TUESDAY_3PM.plusSeconds(1)));
    }

    @Test
    void overdueTasksAreReportedAsOfAnInstant() {
        List<CareTask> tasks = new ArrayList<>(schedule.tasks(List.of(
                CareEvent.of(C17, CareMoment.DELIVERED, TUESDAY_3PM, "w"),
                CareEvent.of(CustomerId.of("c-18"), CareMoment.BIRTHDAY, TUESDAY_3PM, "w"))));
        Instant friday = TUESDAY_3PM.plus(Duration.ofHours(73));
        assertEquals(3, schedule.overdue(tasks, friday).size());
        assertEquals(2, schedule.overdue(tasks, TUESDAY_3PM.plus(Duration.ofHours(72))).size(), "due at 72 h is not yet late");
        assertEquals("birthday greetings", tasks.get(0).action(), "earliest deadline first: midnight on Tuesday");
        tasks.set(0, tasks.get(0).doneAt(TUESDAY_3PM.plus(Duration.ofHours(30))));
        List<CareTask> overdue = schedule.overdue(tasks, friday);
        assertEquals(2, overdue.size());
        assertTrue(tasks.get(0).wasLate());
        assertEquals(0, schedule.overdue(tasks, TUESDAY_3PM).size());
        assertThrows(IllegalArgumentException.class, () -> tasks.get(0).doneAt(friday));
    }

    @Test
    void eachSalespersonFollowsUpAtLeastThreeProspectsADay() {
        LocalDate tuesday = LocalDate.of(2026, 3, 3);
        List<Interaction> log = List.of(
                call("c-1", "wang.wei", TUESDAY_3PM),
                call("c-2", "wang.wei", TUESDAY_3PM.plusSeconds(60)),
                call("c-2", "wang.wei", TUESDAY_3PM.plusSeconds(120)),
                call("c-3", "wang.wei", TUESDAY_3PM.plusSeconds(180)),
                call("c-4", "li.na", TUESDAY_3PM),
                call("c-5", "li.na", TUESDAY_3PM.plus(Duration.ofDays(1))),
                Interaction.of(CustomerId.of("c-6"), InteractionKind.CALL, Direction.INBOUND, TUESDAY_3PM, "li.na", ""));
        QuotaReport r = schedule.followUpQuota(log, tuesday, List.of("wang.wei", "li.na", "zhao.lei"));
        assertEquals(Map.of("wang.wei", 3, "li.na", 1, "zhao.lei", 0), r.followUps());
        assertEquals(Map.of("li.na", 2, "zhao.lei", 3), r.shortfalls());
        assertFalse(r.met());
    }

    @Test
    void theQuotaReportListsSalespeopleByNameSoPrintedReportsAreReproducible() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            counts.put(String.format("s-%02d", i), i % 4);
        }
        QuotaReport r = new QuotaReport(LocalDate.of(2026, 3, 3), 3, counts, Map.of("s-00", 3, "s-04", 3, "s-01", 2));
        assertEquals(new java.util.TreeMap<>(counts).toString(), r.followUps().toString());
        assertEquals("{s-00=3, s-01=2, s-04=3}", r.shortfalls().toString());
        assertThrows(UnsupportedOperationException.class, () -> r.followUps().put("x", 1));
        counts.put("s-99", 9);
        assertFalse(r.followUps().containsKey("s-99"), "a defensive copy");
    }

    @Test
    void rulesAreConfigurable() {
        CareSchedule faster = CareSchedule.dealerManualBuilder(SHANGHAI).withoutRulesFor(CareMoment.PROSPECT_LEFT)
                .rule(CareRule.within(CareMoment.PROSPECT_LEFT, "call back", Duration.ofHours(24)))
                .dailyFollowUps(5).build();
        CareTask t = faster.tasks(List.of(CareEvent.of(C17, CareMoment.PROSPECT_LEFT, TUESDAY_3PM, "w"))).get(0);
        assertEquals(TUESDAY_3PM.plus(Duration.ofHours(24)), t.due());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CareRule.within(CareMoment.DELIVERED, "thank", Duration.ZERO));
        assertEquals("offset PT0S of care rule 'thank' does not fit timing WITHIN: positive for WITHIN and BEFORE, "
                + "zero otherwise", e.getMessage());
    }

    @Property(tries = 200)
    void aTaskIsOverdueExactlyWhenUndoneAfterItsDeadline(@ForAll @IntRange(min = 0, max = 20) int moment,
            @ForAll @IntRange(min = -100, max = 300) int hoursAfterEvent) {
        CareMoment m = CareMoment.values()[moment % CareMoment.values().length];
        Instant asOf = TUESDAY_3PM.plus(Duration.ofHours(hoursAfterEvent));
        for (CareTask t : schedule.tasks(List.of(CareEvent.of(C17, m, TUESDAY_3PM, "w")))) {
            assertEquals(asOf.isAfter(t.due()), t.isOverdue(asOf));
            assertFalse(t.doneAt(t.due()).isOverdue(asOf.plus(Duration.ofDays(999))));
        }
    }

    static Interaction call(String customer, String actor, Instant at) {
        return Interaction.of(CustomerId.of(customer), InteractionKind.CALL, Direction.OUTBOUND, at, actor, "");
    }
}
