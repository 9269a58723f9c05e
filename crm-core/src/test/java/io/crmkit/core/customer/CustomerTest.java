package io.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.TestClock;
import io.crmkit.core.customer.ContactPoint.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final CustomerId ID = CustomerId.of("c-17");
    private static final ContactPoint MOBILE = ContactPoint.of(Kind.MOBILE, "13812345678");
    private static final ContactPoint NEW_MOBILE = ContactPoint.of(Kind.MOBILE, "13900001111");
    private static final ContactPoint EMAIL = ContactPoint.of(Kind.EMAIL, "zhang.wei@example.com");

    private final TestClock clock = TestClock.at("2026-01-05T09:00:00Z");

    private Customer zhang() {
        return Customer.person(ID, "张伟").birthDate(LocalDate.of(1990, 3, 7)).gender(Customer.Gender.MALE)
                .occupation("engineer").nationalId(NationalId.of("110105199003071234"))
                .contactPoint(MOBILE).contactPoint(EMAIL).open("agent-7", clock);
    }

    @Test
    void openingAFileMakesVersionOneWithOneHistoryEntry() {
        Customer c = zhang();
        assertEquals(1, c.version());
        assertEquals(List.of(new CustomerChange(ID, 1, Instant.parse("2026-01-05T09:00:00Z"), "agent-7", "file", "-", "opened")),
                c.history());
        assertEquals(List.of(MOBILE, EMAIL), c.contactPoints());
        assertEquals(Optional.of(LocalDate.of(1990, 3, 7)), c.birthDate());
        assertEquals(Optional.of("engineer"), c.occupation());
        assertEquals(Customer.Kind.PERSON, c.kind());
    }

    @Test
    void toStringMasksEveryPieceOfPersonalData() {
        assertEquals("Customer[c-17 PERSON 张**, born 1990-**-**, nationalId 110***********1234, "
                + "contacts [MOBILE 138****5678, EMAIL z***@example.com], v1]", zhang().toString());
    }

    @Test
    void aNewMobileSupersedesTheOldOneAndTheHistorySaysWhoWhenAndWhatMasked() {
        Customer v1 = zhang();
        clock.advance(Duration.ofDays(30));
        Customer v2 = v1.withContactPoint(NEW_MOBILE, "agent-9");

        assertEquals(List.of(EMAIL, NEW_MOBILE), v2.contactPoints());
        assertEquals(Optional.of(NEW_MOBILE), v2.primary(Kind.MOBILE));
        assertEquals(List.of(MOBILE, EMAIL), v2.contactPointsAt(Instant.parse("2026-01-20T00:00:00Z")));
        assertEquals(List.of(EMAIL, NEW_MOBILE), v2.contactPointsAt(Instant.parse("2026-02-04T09:00:00Z")));
        assertEquals(3, v2.contactHistory().size());
        assertEquals("2026-02-04T09:00:00Z v2 agent-9 mobile: 138****5678 -> 139****1111",
                v2.history().get(1).toString());
        assertEquals(1, v1.version());
        assertEquals(List.of(MOBILE, EMAIL), v1.contactPoints());
    }

    @Test
    void aSecondEmailIsAddedAlongsideTheFirstAndCanBeRemovedLater() {
        ContactPoint work = ContactPoint.of(Kind.EMAIL, "wei.zhang@corp.example.cn");
        Customer v2 = zhang().plusContactPoint(work, "agent-7");
        assertEquals(List.of(EMAIL, work), v2.contactPoints(Kind.EMAIL));
        assertEquals("mobile", Customer.fieldOf(Kind.MOBILE));
        assertEquals("email: - -> w***@corp.example.cn", v2.history().get(1).toString().split(" agent-7 ")[1]);

        clock.advance(Duration.ofHours(1));
        Customer v3 = v2.withoutContactPoint(EMAIL, "agent-7");
        assertEquals(List.of(work), v3.contactPoints(Kind.EMAIL));
        assertEquals("email: z***@example.com -> -", v3.history().get(2).toString().split(" agent-7 ")[1]);
        assertEquals(Optional.of(Instant.parse("2026-01-05T10:00:00Z")), v3.contactHistory().get(1).validTo());
    }

    @Test
    void removingAPointTheFileDoesNotHoldIsRejectedWithThePointMasked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> zhang().withoutContactPoint(NEW_MOBILE, "agent-7"));
        assertEquals("MOBILE 139****1111 is not a current contact point of customer c-17: only a current point can be removed",
                e.getMessage());
    }

    @Test
    void settingAValueTheFileAlreadyHoldsIsNotAChange() {
        Customer c = zhang();
        assertSame(c, c.withName(" 张伟 ", "agent-7"));
        assertSame(c, c.withContactPoint(MOBILE, "agent-7"));
        assertSame(c, c.plusContactPoint(EMAIL, "agent-7"));
        assertSame(c, c.withGender(Customer.Gender.MALE, "agent-7"));
        assertSame(c, c.withNationalId(NationalId.of("110105199003071234"), "agent-7"));
        assertSame(c, c.withBirthDate(LocalDate.of(1990, 3, 7), "agent-7"));
        assertSame(c, c.withOccupation("engineer", "agent-7"));
    }

    @Test
    void everyFieldChangeIsRecordedWithMaskedValues() {
        Customer c = zhang().withName("张伟强", "a").withBirthDate(LocalDate.of(1991, 3, 7), "a")
                .withGender(Customer.Gender.OTHER, "a").withOccupation("architect", "a")
                .withNationalId(NationalId.of("110105199103071235"), "a");
        List<String> entries = c.history().stream().skip(1).map(h -> h.field() + ": " + h.oldValue() + " -> " + h.newValue())
                .toList();
        assertEquals(List.of("name: 张** -> 张**", "birthDate: 1990-**-** -> 1991-**-**", "gender: MALE -> OTHER",
                "occupation: (8 chars) -> (9 chars)", "nationalId: 110***********1234 -> 110***********1235"), entries);
        assertEquals(6, c.version());
        assertEquals("张伟强", c.name());
    }

    @Test
    void aBirthDateInTheFutureIsRejectedNamingTheFieldAndTheRuleWithTheDateMasked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Customer.person(ID, "张伟").birthDate(LocalDate.of(2026, 1, 6)).open("agent-7", clock));
        assertEquals("birthDate 2026-**-** of customer c-17 is after today 2026-01-05 (clock zone Z): "
                + "a birth date cannot be in the future", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> zhang().withBirthDate(LocalDate.of(2027, 1, 1), "agent-7"));
        assertThrows(IllegalArgumentException.class, () -> zhang().withBirthDate(LocalDate.of(1870, 1, 1), "agent-7"));
    }

    @Test
    void todayIsAValidBirthDate() {
        assertEquals(Optional.of(LocalDate.of(2026, 1, 5)),
                Customer.person(ID, "新生儿").birthDate(LocalDate.of(2026, 1, 5)).open("agent-7", clock).birthDate());
    }

    @Test
    void blankNamesAndActorsAreRejected() {
        assertEquals("name of customer c-17 is blank: a customer needs a name",
                assertThrows(IllegalArgumentException.class, () -> Customer.person(ID, "  ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> zhang().withName("", "agent-7"));
        assertThrows(IllegalArgumentException.class, () -> zhang().withName("x".repeat(201), "agent-7"));
        assertEquals("actor of a change to customer c-17 is blank: name who made the change",
                assertThrows(IllegalArgumentException.class, () -> zhang().withName("王芳", " ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Customer.person(ID, "张伟").open("", clock));
        assertThrows(IllegalArgumentException.class, () -> zhang().withOccupation(" ", "agent-7"));
    }

    @Test
    void anOrganisationHasNoBirthDateGenderOrOccupationAndPrintsItsName() {
        Customer.Builder org = Customer.organisation(CustomerId.of("o-1"), "Acme Trading Co.");
        assertEquals("gender of customer o-1: an organisation has no gender, only a person has",
                assertThrows(IllegalArgumentException.class, () -> org.gender(Customer.Gender.FEMALE)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> org.birthDate(LocalDate.of(2000, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> org.occupation("retail"));
        Customer acme = org.contactPoint(ContactPoint.of(Kind.OFFICE_PHONE, "010-6543 2100")).open("agent-7", clock);
        assertEquals("Customer[o-1 ORGANISATION Acme Trading Co., contacts [OFFICE_PHONE 010****2100], v1]", acme.toString());
        assertEquals("name: Acme Trading Co. -> Acme Trading Ltd.",
                acme.withName("Acme Trading Ltd.", "agent-7").history().get(1).toString().split(" agent-7 ")[1]);
    }

    @Test
    void aClockThatRunsBackwardsCannotReorderTheHistory() {
        Customer c = zhang();
        clock.advance(Duration.ofMinutes(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.withName("王芳", "agent-7"));
        assertEquals("clock time 2026-01-05T08:59:00Z is before the last change 2026-01-05T09:00:00Z of customer c-17: "
                + "the history must stay in time order", e.getMessage());
    }

    @Test
    void versionsWithTheSameContentAreEqual() {
        assertEquals(zhang(), zhang());
        assertEquals(zhang().hashCode(), zhang().hashCode());
        assertTrue(!zhang().equals(zhang().withName("王芳", "agent-7")));
    }
}
