package io.crmkit.lifecycle.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.lifecycle.complaint.Actor;
import io.crmkit.lifecycle.complaint.Channel;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintIntake;
import io.crmkit.lifecycle.complaint.Role;
import io.crmkit.lifecycle.sla.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Level 4: equal windows around the course and the difference-in-differences, checked by hand. */
class DifferenceInDifferencesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Sessions on 10 and 17 March 2026; 30-day windows [8 Feb, 10 Mar) and [18 Mar, 16 Apr]. */
    static final Course COURSE = Course.of("C-1", "Handling the warning lights", "sedan", TrainingFormat.CLASSROOM, 20,
            List.of(Session.of("s1", LocalDate.of(2026, 3, 10)), Session.of("s2", LocalDate.of(2026, 3, 17))));
    static final OutcomeWindows WINDOWS = OutcomeWindows.around(COURSE, 30, SHANGHAI);
    static final List<CustomerId> TRAINED = List.of(id("t-1"), id("t-2"), id("t-3"));
    static final List<CustomerId> UNTRAINED = List.of(id("u-1"), id("u-2"), id("u-3"));

    static CustomerId id(String s) {
        return CustomerId.of(s);
    }

    /** Noon in Shanghai on a day. */
    static Instant noon(String day) {
        return LocalDate.parse(day).atTime(12, 0).atZone(SHANGHAI).toInstant();
    }

    static int serial;

    static Complaint complaint(String customer, Instant at) {
        ComplaintIntake intake = ComplaintIntake.builder().id("CP-" + serial++).customer(id(customer))
                .channel(Channel.PHONE).category(ComplaintCategory.FAULT_IN_USE).severity(Severity.MEDIUM)
                .description("warning light").build();
        return Complaint.receive(intake, at, Actor.of("li.na", Role.AGENT));
    }

    static List<Complaint> complaints() {
        return List.of(
                complaint("t-1", noon("2026-02-10")), complaint("t-1", noon("2026-03-01")),
                complaint("t-1", noon("2026-04-16")),
                complaint("t-2", noon("2026-03-05")),
                // 20:00 UTC on 9 March is 04:00 on 10 March in Shanghai: the first session's day
                complaint("t-2", Instant.parse("2026-03-09T20:00:00Z")), complaint("t-2", noon("2026-03-12")),
                complaint("t-3", noon("2026-02-07")), complaint("t-3", noon("2026-03-20")),
                complaint("t-3", noon("2026-04-17")),
                complaint("u-1", noon("2026-02-08")), complaint("u-1", noon("2026-03-18")),
                complaint("u-1", noon("2026-03-25")),
                complaint("u-3", noon("2026-03-09")), complaint("u-3", noon("2026-04-01")),
                complaint("x-9", noon("2026-03-01")));
    }

    @Test
    void theWindowsAreEquallyLongAndLeaveOutTheTrainingPeriod() {
        assertEquals(LocalDate.of(2026, 2, 8), WINDOWS.beforeStart());
        assertEquals(LocalDate.of(2026, 3, 18), WINDOWS.afterStart());
        assertEquals(LocalDate.of(2026, 4, 16), WINDOWS.afterEnd());
        assertTrue(WINDOWS.isOverBy(LocalDate.of(2026, 4, 16)));
        assertTrue(!WINDOWS.isOverBy(LocalDate.of(2026, 4, 15)));
    }

    @Test
    void complaintsAreCountedPerCustomerInEachWindowByTheDayInTheZone() {
        assertEquals(List.of(CustomerOutcome.of(id("t-1"), 2, 1), CustomerOutcome.of(id("t-2"), 1, 0),
                CustomerOutcome.of(id("t-3"), 0, 1)), WINDOWS.complaints(TRAINED, complaints()));
        assertEquals(List.of(CustomerOutcome.of(id("u-1"), 1, 2), CustomerOutcome.of(id("u-2"), 0, 0),
                CustomerOutcome.of(id("u-3"), 1, 1)), WINDOWS.complaints(UNTRAINED, complaints()));
    }

    @Test
    void theEffectIsTheTrainedChangeMinusTheComparisonChangeComputedByHand() {
        // trained changes −1, −1, +1: mean −1/3; comparison +1, 0, 0: mean +1/3; effect −2/3
        ResultsEffect e = DifferenceInDifferences.standard(7).estimate(WINDOWS.complaints(TRAINED, complaints()),
                WINDOWS.complaints(UNTRAINED, complaints()));
        assertEquals(-1.0 / 3, e.trainedChange(), 1e-15);
        assertEquals(1.0 / 3, e.untrainedChange(), 1e-15);
        assertEquals(-2.0 / 3, e.effect(), 1e-15);
        assertEquals(3, e.trainedCustomers());
        assertEquals(2000, e.replicates());
        // each bootstrap mean of three values from {−1, −1, +1} lies in [−1, 1], from {1, 0, 0} in [0, 1]
        assertTrue(e.low() >= -2 && e.high() <= 1 && e.low() < e.effect() && e.effect() < e.high(), e.toString());
    }

    @Test
    void spendAndRepeatPurchasesUseTheSameWindows() {
        List<Purchase> purchases = List.of(
                Purchase.of(id("t-1"), noon("2026-02-20"), Money.of("100.00", "CNY")),
                Purchase.of(id("t-1"), noon("2026-03-20"), Money.of("250.50", "CNY")),
                Purchase.of(id("t-1"), noon("2026-04-02"), Money.of("49.50", "CNY")),
                Purchase.of(id("t-2"), noon("2026-03-15"), Money.of("999.00", "CNY")));
        assertEquals(List.of(CustomerOutcome.of(id("t-1"), 100, 300), CustomerOutcome.of(id("t-2"), 0, 0)),
                WINDOWS.spend(List.of(id("t-1"), id("t-2")), purchases));
        assertEquals(List.of(CustomerOutcome.of(id("t-1"), 1, 2), CustomerOutcome.of(id("t-2"), 0, 0)),
                WINDOWS.measure(OutcomeMeasure.PURCHASES, List.of(id("t-2"), id("t-1")), List.of(), purchases));
        List<Purchase> mixed = List.of(purchases.get(0), Purchase.of(id("t-2"), noon("2026-03-20"), Money.of("1", "EUR")));
        assertEquals("spend mixes currencies CNY and EUR: give the purchases in one currency",
                assertThrows(IllegalArgumentException.class,
                        () -> WINDOWS.spend(List.of(id("t-1"), id("t-2")), mixed)).getMessage());
    }

    @Test
    void thePercentileIntervalTakesTheOrderStatisticsOfTheReplicates() {
        // trained changes {0, 1}: a resampled mean is 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4;
        // comparison changes {0, 0}. Of 2000 replicates about 500 are 0 and 500 are 1, so the
        // 50th and the 1950th order statistics are 0 and 1.
        List<CustomerOutcome> trained = List.of(CustomerOutcome.of(id("t-1"), 3, 3), CustomerOutcome.of(id("t-2"), 2, 3));
        List<CustomerOutcome> untrained = List.of(CustomerOutcome.of(id("u-1"), 1, 1), CustomerOutcome.of(id("u-2"), 5, 5));
        ResultsEffect e = DifferenceInDifferences.of(2000, 0.95, 11).estimate(trained, untrained);
        assertEquals(0.5, e.effect(), 0.0);
        assertEquals(0.0, e.low(), 0.0);
        assertEquals(1.0, e.high(), 0.0);
        ResultsEffect constant = DifferenceInDifferences.of(100, 0.9, 11).estimate(untrained,
                List.of(CustomerOutcome.of(id("v-1"), 0, 2), CustomerOutcome.of(id("v-2"), 1, 3)));
        assertEquals(-2.0, constant.effect(), 0.0);
        assertEquals(-2.0, constant.low(), 0.0, "no variation: a point");
        assertEquals(-2.0, constant.high(), 0.0);
    }

    @Test
    void theSameSeedAndDataGiveTheSameIntervalInAnyOrder() {
        Random random = new Random(3);
        List<CustomerOutcome> trained = new ArrayList<>();
        List<CustomerOutcome> untrained = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            trained.add(CustomerOutcome.of(id("t-" + i), random.nextInt(5), random.nextInt(4)));
            untrained.add(CustomerOutcome.of(id("u-" + i), random.nextInt(5), random.nextInt(5)));
        }
        DifferenceInDifferences did = DifferenceInDifferences.standard(42);
        ResultsEffect first = did.estimate(trained, untrained);
        Collections.shuffle(trained, random);
        Collections.shuffle(untrained, random);
        assertEquals(first, did.estimate(trained, untrained));
        assertTrue(!first.equals(DifferenceInDifferences.standard(43).estimate(trained, untrained)));
    }

    @Test
    void groupsTooSmallOrOverlappingAreRefused() {
        CustomerOutcome a = CustomerOutcome.of(id("a"), 1, 0);
        CustomerOutcome b = CustomerOutcome.of(id("b"), 1, 0);
        CustomerOutcome c = CustomerOutcome.of(id("c"), 1, 0);
        DifferenceInDifferences did = DifferenceInDifferences.standard(1);
        assertEquals("the trained group has 1 customers: a bootstrap interval needs at least 2", assertThrows(
                IllegalArgumentException.class, () -> did.estimate(List.of(a), List.of(b, c))).getMessage());
        assertEquals("customer b is both trained and in the comparison group: a customer belongs to one group",
                assertThrows(IllegalArgumentException.class, () -> did.estimate(List.of(a, b), List.of(b, c)))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> did.estimate(List.of(a, a), List.of(b, c)));
        assertThrows(IllegalArgumentException.class, () -> DifferenceInDifferences.of(99, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> DifferenceInDifferences.of(1000, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> CustomerOutcome.of(id("a"), Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> CustomerOutcome.of(id("a"), 0, Double.POSITIVE_INFINITY));
    }
}
