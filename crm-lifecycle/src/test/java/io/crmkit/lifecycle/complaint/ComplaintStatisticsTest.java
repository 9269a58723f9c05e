package io.crmkit.lifecycle.complaint;

import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.LI_NA;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.LI_NA_OWNER;
import static io.crmkit.lifecycle.complaint.ComplaintStoriesTest.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.sla.Severity;
import io.crmkit.lifecycle.sla.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplaintStatisticsTest {

    static Complaint closedAfter(String id, ComplaintCategory category, int hours, int satisfaction, String cause,
            int registrationMinutes) {
        ComplaintIntake intake = ComplaintIntake.builder().id(id).customer(CustomerId.of("c-" + id)).channel(Channel.PHONE)
                .category(category).severity(Severity.MEDIUM).build();
        Actor owner = Actor.of("li.na", Role.OWNER);
        Instant t = T0;
        return Complaint.receive(intake, t, LI_NA)
                .assign(t.plus(Duration.ofMinutes(registrationMinutes)), LI_NA_OWNER, "li.na")
                .acknowledge(t.plus(Duration.ofMinutes(registrationMinutes + 1)), owner)
                .proposeResolution(t.plus(Duration.ofHours(hours).minusMinutes(2)), owner)
                .customerAccepts(t.plus(Duration.ofHours(hours).minusMinutes(1)), Actor.of("c-" + id, Role.CUSTOMER))
                .close(t.plus(Duration.ofHours(hours)), owner, satisfaction, cause);
    }

    @Test
    void statisticsCountByCategoryAndCauseAndSummariseTimesToResolve() {
        List<Complaint> complaints = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            complaints.add(closedAfter("K" + i, i <= 6 ? ComplaintCategory.PRODUCT_DEFECT
                    : ComplaintCategory.SERVICE_ATTITUDE, i, 1 + i % 5, i <= 7 ? "supplier" : "training",
                    i == 10 ? 45 : 10));
        }
        Complaint reopened = complaints.get(0).reopen(T0.plus(Duration.ofDays(2)), Actor.of("c-K1", Role.CUSTOMER));
        complaints.set(0, reopened);
        ComplaintStatistics s = ComplaintStatistics.of(complaints, T0.plus(Duration.ofDays(3)));
        assertEquals(10, s.total());
        assertEquals(1, s.open());
        assertEquals(Map.of(ComplaintCategory.PRODUCT_DEFECT, 6L, ComplaintCategory.SERVICE_ATTITUDE, 4L), s.byCategory());
        assertEquals(Map.of(ComplaintCategory.Group.PRODUCT_QUALITY, 6L, ComplaintCategory.Group.SERVICE_QUALITY, 4L),
                s.byGroup());
        // the reopened complaint has no root cause now: 6 supplier, 3 training
        assertEquals(List.of("supplier", "training"), List.copyOf(s.byRootCause().keySet()));
        assertEquals(6L, s.byRootCause().get("supplier"));
        // times to first close: 1..10 hours; median (5+6)/2 = 5.5 h, nearest-rank p90 = 9 h
        assertEquals(Duration.ofMinutes(330), s.medianTimeToResolve().orElseThrow());
        assertEquals(Duration.ofHours(9), s.p90TimeToResolve().orElseThrow());
        assertEquals(0.1, s.reopenRate(), 1e-12);
        assertEquals(0.1, s.slaBreachRate(SlaClock.REGISTRATION), 1e-12, "one registered after 45 minutes");
        assertTrue(s.slaBreachRate() >= 0.1);
        // scores 1 + i % 5 for i = 2..10 (the reopened i = 1 is not closed): 3,4,5,1,2,3,4,5,1 → mean 28/9
        assertEquals(28.0 / 9, s.meanSatisfaction().orElseThrow(), 1e-12);
    }

    @Test
    void complaintsReceivedLaterAreLeftOutAndEmptyStatisticsHaveNoNaN() {
        ComplaintStatistics none = ComplaintStatistics.of(List.of(closedAfter("X", ComplaintCategory.PRICE_DISPUTE, 2, 5,
                "policy", 5)), T0.minusSeconds(1));
        assertEquals(0, none.total());
        assertEquals(0.0, none.slaBreachRate());
        assertEquals(0.0, none.reopenRate());
        assertTrue(none.medianTimeToResolve().isEmpty());
        assertTrue(none.meanSatisfaction().isEmpty());
    }
}
