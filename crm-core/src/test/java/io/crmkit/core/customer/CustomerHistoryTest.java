package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.crmkit.core.TestClock;
import io.crmkit.core.customer.ContactPoint.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The customer file's history (docs/domain.md §1) is append-only: each change adds exactly one
 * record, a change to a value the file already holds adds none, and older versions never change.
 */
class CustomerHistoryTest {

    private static final List<String> NAMES = List.of("张伟", "王芳", "李娜");
    private static final List<ContactPoint> MOBILES = List.of(ContactPoint.of(Kind.MOBILE, "13812345678"),
            ContactPoint.of(Kind.MOBILE, "13900001111"), ContactPoint.of(Kind.MOBILE, "+8615011112222"));
    private static final List<ContactPoint> EMAILS = List.of(ContactPoint.of(Kind.EMAIL, "zhang@example.com"),
            ContactPoint.of(Kind.EMAIL, "wang@example.cn"), ContactPoint.of(Kind.EMAIL, "li@corp.example.org"));
    private static final List<String> OCCUPATIONS = List.of("engineer", "teacher", "driver");
    private static final List<NationalId> IDS = List.of(NationalId.of("110105199003071234"),
            NationalId.of("31010419851231002X"), NationalId.of("E12345678"));

    /** Applies step {@code s} (kind {@code s / 3}, value {@code s % 3}) and says whether it is a no-op. */
    private record Step(Customer next, boolean noOp) {
    }

    private static Step apply(Customer c, int s, String actor) {
        int v = s % 3;
        return switch (s / 3) {
            case 0 -> new Step(c.withName(NAMES.get(v), actor), c.name().equals(NAMES.get(v)));
            case 1 -> new Step(c.withContactPoint(MOBILES.get(v), actor),
                    c.contactPoints(Kind.MOBILE).equals(List.of(MOBILES.get(v))));
            case 2 -> new Step(c.plusContactPoint(EMAILS.get(v), actor), c.contactPoints().contains(EMAILS.get(v)));
            case 3 -> c.contactPoints().contains(EMAILS.get(v))
                    ? new Step(c.withoutContactPoint(EMAILS.get(v), actor), false) : new Step(c, true);
            case 4 -> new Step(c.withOccupation(OCCUPATIONS.get(v), actor), c.occupation().orElse("").equals(OCCUPATIONS.get(v)));
            default -> new Step(c.withNationalId(IDS.get(v), actor), c.nationalId().map(IDS.get(v)::equals).orElse(false));
        };
    }

    @Property
    void eachChangeAppendsExactlyOneRecordAndOlderVersionsNeverChange(
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 17) Integer> steps,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 3000) Integer> minutesBetween) {
        TestClock clock = TestClock.at("2026-01-05T09:00:00Z");
        Customer c = Customer.person(CustomerId.of("c-1"), NAMES.get(0)).contactPoint(MOBILES.get(0)).open("agent-0", clock);
        List<Customer> versions = new ArrayList<>(List.of(c));
        List<String> printedThen = new ArrayList<>(List.of(c.toString()));
        List<List<CustomerChange>> historyThen = new ArrayList<>(List.of(List.copyOf(c.history())));

        for (int i = 0; i < steps.size(); i++) {
            clock.advance(Duration.ofMinutes(i < minutesBetween.size() ? minutesBetween.get(i) : 1));
            Customer before = versions.get(versions.size() - 1);
            Step step = apply(before, steps.get(i), "agent-" + i);
            if (step.noOp()) {
                assertSame(before, step.next());
                continue;
            }
            Customer after = step.next();
            assertNotSame(before, after);
            assertEquals(before.history().size() + 1, after.history().size());
            assertEquals(before.history(), after.history().subList(0, before.history().size()));
            CustomerChange last = after.history().get(after.history().size() - 1);
            assertEquals(after.version(), last.version());
            assertEquals(clock.instant(), last.time());
            assertEquals("agent-" + i, last.actor());
            assertFalse(last.oldValue().equals(last.newValue()) && !last.field().equals("name"), last::toString);
            versions.add(after);
            printedThen.add(after.toString());
            historyThen.add(List.copyOf(after.history()));
        }
        for (int v = 0; v < versions.size(); v++) {
            assertEquals(printedThen.get(v), versions.get(v).toString());
            assertEquals(historyThen.get(v), versions.get(v).history());
            assertEquals(v + 1, versions.get(v).version());
        }
    }
}
