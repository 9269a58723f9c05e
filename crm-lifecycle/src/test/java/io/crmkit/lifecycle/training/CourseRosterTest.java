package io.crmkit.lifecycle.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crmkit.core.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Enrolment, the waiting list, cancellation and promotion. */
class CourseRosterTest {

    static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");
    static final Course COURSE = Course.of("C-1", "Safe operation", "forklift", TrainingFormat.ON_SITE, 2,
            List.of(Session.of("s1", LocalDate.of(2026, 3, 10))));

    static CustomerId c(int i) {
        return CustomerId.of("c-" + i);
    }

    @Test
    void theCustomerWhoFillsTheLastSeatIsEnrolledAndTheNextWaits() {
        CourseRoster r = CourseRoster.empty(COURSE).enrol(c(1), T0).enrol(c(2), T0.plusSeconds(60));
        assertEquals(List.of(c(1), c(2)), r.enrolled(), "capacity 2 exactly full");
        assertEquals(0, r.freeSeats());
        r = r.enrol(c(3), T0.plusSeconds(120)).enrol(c(4), T0.plusSeconds(180));
        assertEquals(List.of(c(3), c(4)), r.waitingList());
        assertEquals(Optional.of(EnrolmentStatus.WAITLISTED), r.status(c(3)));
    }

    @Test
    void cancellingASeatPromotesTheFirstInLine() {
        CourseRoster r = CourseRoster.empty(COURSE).enrol(c(1), T0).enrol(c(2), T0.plusSeconds(60))
                .enrol(c(3), T0.plusSeconds(120)).enrol(c(4), T0.plusSeconds(180)).cancel(c(1));
        assertEquals(List.of(c(2), c(3)), r.enrolled());
        assertEquals(List.of(c(4)), r.waitingList());
        assertEquals(Optional.of(EnrolmentStatus.CANCELLED), r.status(c(1)));
        assertEquals(1, r.cancellations());
    }

    @Test
    void cancellingAPlaceOnTheWaitingListPromotesNobody() {
        CourseRoster r = CourseRoster.empty(COURSE).enrol(c(1), T0).enrol(c(2), T0.plusSeconds(60))
                .enrol(c(3), T0.plusSeconds(120)).enrol(c(4), T0.plusSeconds(180)).cancel(c(3));
        assertEquals(List.of(c(1), c(2)), r.enrolled());
        assertEquals(List.of(c(4)), r.waitingList());
    }

    @Test
    void aCancelledCustomerMayEnrolAgainButNotTwiceAtOnce() {
        CourseRoster r = CourseRoster.empty(COURSE).enrol(c(1), T0);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> r.enrol(c(1), T0));
        assertEquals("customer c-1 is already enrolled in course C-1", twice.getMessage());
        CourseRoster again = r.cancel(c(1)).enrol(c(1), T0.plusSeconds(5));
        assertEquals(List.of(c(1)), again.enrolled());
        assertThrows(IllegalArgumentException.class, () -> again.cancel(c(9)));
    }

    @Test
    void recordedEnrolmentsAreCheckedAgainstTheRules() {
        Enrolment e1 = Enrolment.of("C-1", c(1), T0, EnrolmentStatus.ENROLLED);
        Enrolment e2 = Enrolment.of("C-1", c(2), T0, EnrolmentStatus.ENROLLED);
        Enrolment e3 = Enrolment.of("C-1", c(3), T0, EnrolmentStatus.ENROLLED);
        Enrolment w3 = Enrolment.of("C-1", c(3), T0, EnrolmentStatus.WAITLISTED);
        assertEquals(2, CourseRoster.of(COURSE, List.of(e1, e2, w3)).enrolled().size(), "exactly full, one waiting");
        assertEquals("course C-1 has 3 enrolled customers, above its capacity 2", assertThrows(
                IllegalArgumentException.class, () -> CourseRoster.of(COURSE, List.of(e1, e2, e3))).getMessage());
        assertEquals("course C-1 has 1 waitlisted customers while 1 of 2 seats are free: promote from the waiting "
                + "list first", assertThrows(IllegalArgumentException.class,
                        () -> CourseRoster.of(COURSE, List.of(e1, w3))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CourseRoster.of(COURSE,
                List.of(e1, Enrolment.of("C-1", c(1), T0.plusSeconds(1), EnrolmentStatus.WAITLISTED))));
        assertThrows(IllegalArgumentException.class, () -> CourseRoster.of(COURSE,
                List.of(Enrolment.of("C-2", c(1), T0, EnrolmentStatus.ENROLLED))));
    }
}
