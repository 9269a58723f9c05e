package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.TestClock;
import io.crmkit.core.customer.ContactPoint.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A file rebuilt from its stored version keeps its history and continues from the next version. */
class CustomerRestoreTest {

    private final TestClock clock = TestClock.at("2026-01-05T09:00:00Z");

    private Customer threeVersions() {
        Customer c = Customer.person(CustomerId.of("c-1"), "张伟").contactPoint(ContactPoint.of(Kind.MOBILE, "13812345678"))
                .open("agent-1", clock);
        clock.advance(Duration.ofHours(1));
        c = c.withContactPoint(ContactPoint.of(Kind.MOBILE, "13900001111"), "agent-2");
        clock.advance(Duration.ofHours(1));
        return c.withNationalId(NationalId.of("110105199003071234"), "agent-3");
    }

    private static Customer restore(Customer c, List<ContactPeriod> periods, List<CustomerChange> history, TestClock clock) {
        Customer.Builder b = Customer.person(c.id(), c.name());
        c.nationalId().ifPresent(b::nationalId);
        return b.restore(periods, history, clock);
    }

    @Test
    void restoredFileEqualsTheStoredOneAndContinuesAtTheNextVersion() {
        Customer c = threeVersions();
        Customer r = restore(c, c.contactHistory(), c.history(), clock);
        assertEquals(c, r);
        assertEquals(3, r.version());
        clock.advance(Duration.ofHours(1));
        Customer next = r.withName("张伟明", "agent-4");
        assertEquals(4, next.version());
        assertEquals(c.withName("张伟明", "agent-4"), next);
        assertEquals(List.of(ContactPoint.of(Kind.MOBILE, "13812345678")),
                r.contactPointsAt(Instant.parse("2026-01-05T09:30:00Z")));
    }

    @Test
    void refusesAGapInTheVersions() {
        Customer c = threeVersions();
        List<CustomerChange> gap = new ArrayList<>(c.history());
        gap.remove(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> restore(c, c.contactHistory(), gap, clock));
        assertTrue(e.getMessage().contains("has version 3"), e.getMessage());
    }

    @Test
    void refusesAHistoryThatDoesNotStartByOpeningTheFile() {
        Customer c = threeVersions();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> restore(c, List.of(), c.history().subList(1, 3), clock));
        assertTrue(e.getMessage().contains("must open the file"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> restore(c, List.of(), List.of(), clock));
    }

    @Test
    void refusesTimesGoingBackwardsAnotherCustomersChangeAndPeriodsOutsideTheHistory() {
        Customer c = threeVersions();
        List<CustomerChange> h = c.history();
        CustomerChange early = new CustomerChange(c.id(), 3, h.get(0).time().minusSeconds(1), "a", "name", "-", "-");
        assertThrows(IllegalArgumentException.class, () -> restore(c, c.contactHistory(), List.of(h.get(0), h.get(1), early), clock));
        CustomerChange other = new CustomerChange(CustomerId.of("c-2"), 3, h.get(2).time(), "a", "name", "-", "-");
        assertThrows(IllegalArgumentException.class, () -> restore(c, c.contactHistory(), List.of(h.get(0), h.get(1), other), clock));
        ContactPeriod later = new ContactPeriod(ContactPoint.of(Kind.EMAIL, "z@example.com"), h.get(2).time().plusSeconds(1),
                Optional.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> restore(c, List.of(later), h, clock));
        assertFalse(e.getMessage().contains("z@example.com"), e.getMessage());
    }

    @Test
    void refusesContactPointsOnTheBuilder() {
        Customer c = threeVersions();
        Customer.Builder b = Customer.person(c.id(), c.name()).contactPoint(ContactPoint.of(Kind.MOBILE, "13812345678"));
        assertThrows(IllegalArgumentException.class, () -> b.restore(c.contactHistory(), c.history(), clock));
    }
}
