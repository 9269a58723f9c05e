package io.crmkit.marketing;

import static io.crmkit.marketing.Fixtures.CONTACT;
import static io.crmkit.marketing.Fixtures.customers;
import static io.crmkit.marketing.Fixtures.nothingSuppressed;
import static io.crmkit.marketing.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.marketing.Assignment.Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CampaignSelectionTest {

    private static final CustomerId A = CustomerId.of("a");
    private static final CustomerId B = CustomerId.of("b");
    private static final CustomerId C = CustomerId.of("c");
    private static final CustomerId D = CustomerId.of("d");
    private static final CustomerId E = CustomerId.of("e");

    /** Five customers, each stopped by a different rule, the last one eligible. */
    private static CampaignSelection oneOfEach(double controlShare) {
        List<CustomerProfile> profiles = List.of(
                CustomerProfile.builder(A).pAlive(0.9).build(),
                CustomerProfile.builder(B).pAlive(0.2).build(),
                CustomerProfile.builder(C).pAlive(0.2).build(),
                CustomerProfile.builder(D).pAlive(0.2).build(),
                CustomerProfile.builder(E).pAlive(0.2).build());
        ConsentLedger consents = ConsentLedger.of(List.of(
                ConsentEvent.granted(A, Channel.EMAIL, CONTACT.minusSeconds(86_400)),
                ConsentEvent.granted(B, Channel.EMAIL, CONTACT.minusSeconds(86_400)),
                ConsentEvent.withdrawn(B, Channel.EMAIL, CONTACT),
                ConsentEvent.granted(C, Channel.EMAIL, CONTACT.minusSeconds(86_400)),
                ConsentEvent.granted(D, Channel.EMAIL, CONTACT.minusSeconds(86_400)),
                ConsentEvent.granted(E, Channel.EMAIL, CONTACT.minusSeconds(86_400))));
        ContactHistory history = ContactHistory.of(List.of(
                MarketingContact.of(D, "autumn-26", Channel.SMS, CONTACT.minus(Duration.ofHours(23)))));
        CampaignPlan plan = plan(AudienceRule.pAliveBelow(0.5), controlShare).build();
        return CampaignSelection.select(plan, profiles, Suppression.of(consents, history, List.of(C)), CONTACT, 7L);
    }

    @Test
    void eachCustomerSaysWhichRuleAdmittedOrWhichExclusionRemovedThem() {
        CampaignSelection s = oneOfEach(0.0);
        assertEquals(new Assignment(A, Group.EXCLUDED, Cause.NOT_IN_AUDIENCE, "not in audience: pAlive 0.9 >= 0.5"),
                s.assignment(A).orElseThrow());
        assertEquals(new Assignment(B, Group.EXCLUDED, Cause.NO_CONSENT,
                "no marketing consent on email at 2026-12-01T10:00:00Z"), s.assignment(B).orElseThrow());
        assertEquals(new Assignment(C, Group.EXCLUDED, Cause.OPEN_COMPLAINT, "open complaint"), s.assignment(C).orElseThrow());
        assertEquals(new Assignment(D, Group.EXCLUDED, Cause.CONTACT_FATIGUE,
                "contact fatigue: 1 contact in the PT24H before 2026-12-01T10:00:00Z, at most 1 contact per PT24H"),
                s.assignment(D).orElseThrow());
        assertEquals(new Assignment(E, Group.TREATMENT, Cause.ADMITTED, "pAlive 0.2 < 0.5"), s.assignment(E).orElseThrow());
        assertEquals(List.of(E), s.customers(Group.TREATMENT));
        assertEquals(4, s.count(Group.EXCLUDED));
    }

    @Test
    void exclusionsApplyInTheirDocumentedOrder() {
        // no consent and an open complaint: consent is checked first
        CustomerProfile p = CustomerProfile.builder(A).build();
        CampaignSelection s = CampaignSelection.select(plan(AudienceRule.everyone(), 0).build(), List.of(p),
                Suppression.of(ConsentLedger.empty(), ContactHistory.empty(), List.of(A)), CONTACT, 1L);
        assertEquals(Cause.NO_CONSENT, s.assignment(A).orElseThrow().cause());
    }

    @Test
    void theNthContactOfThePeriodIsMadeAndTheNextIsSuppressed() {
        CampaignPlan plan = plan(AudienceRule.everyone(), 0).contactCap(ContactCap.of(3, Duration.ofDays(7))).build();
        List<CustomerProfile> both = List.of(CustomerProfile.builder(A).build(), CustomerProfile.builder(B).build());
        List<MarketingContact> earlier = new ArrayList<>();
        for (int d = 1; d <= 2; d++) {
            earlier.add(MarketingContact.of(A, "x", Channel.EMAIL, CONTACT.minus(Duration.ofDays(d))));
            earlier.add(MarketingContact.of(B, "x", Channel.EMAIL, CONTACT.minus(Duration.ofDays(d))));
        }
        earlier.add(MarketingContact.of(B, "y", Channel.PUSH, CONTACT.minus(Duration.ofDays(6))));
        CampaignSelection s = CampaignSelection.select(plan, both,
                Suppression.of(Fixtures.consentedToEmail(both), ContactHistory.of(earlier), List.of()), CONTACT, 1L);
        assertEquals(Group.TREATMENT, s.assignment(A).orElseThrow().group(), "two earlier contacts: this is the 3rd, allowed");
        assertEquals(Cause.CONTACT_FATIGUE, s.assignment(B).orElseThrow().cause(), "three earlier contacts: a 4th is refused");
    }

    @Test
    void theSameSeedGivesTheSameSelectionAndReorderingChangesNothing() {
        List<CustomerProfile> profiles = customers(2000, "Champions", "At Risk", "Hibernating");
        CampaignPlan plan = plan(AudienceRule.everyone(), 0.3).build();
        CampaignSelection first = CampaignSelection.select(plan, profiles, nothingSuppressed(profiles), CONTACT, 42L);
        List<CustomerProfile> shuffled = new ArrayList<>(profiles);
        Collections.shuffle(shuffled, new Random(3));
        CampaignSelection again = CampaignSelection.select(plan, shuffled, nothingSuppressed(shuffled), CONTACT, 42L);
        assertEquals(first.assignments(), again.assignments());
        CampaignSelection otherSeed = CampaignSelection.select(plan, profiles, nothingSuppressed(profiles), CONTACT, 43L);
        assertNotEquals(first.customers(Group.CONTROL), otherSeed.customers(Group.CONTROL));
    }

    @Test
    void addingACustomerLeavesEveryoneElsesGroupAsItWas() {
        List<CustomerProfile> profiles = customers(500);
        CampaignPlan plan = plan(AudienceRule.everyone(), 0.5).build();
        CampaignSelection before = CampaignSelection.select(plan, profiles, nothingSuppressed(profiles), CONTACT, 9L);
        List<CustomerProfile> more = new ArrayList<>(profiles);
        more.add(CustomerProfile.builder(CustomerId.of("newcomer")).build());
        CampaignSelection after = CampaignSelection.select(plan, more, nothingSuppressed(more), CONTACT, 9L);
        for (Assignment a : before.assignments()) {
            assertEquals(a, after.assignment(a.customer()).orElseThrow());
        }
    }

    @Test
    void stratifiedControlHoldsOutTheRoundedShareOfEachSegment() {
        // 1000 customers in three segments of 334, 333 and 333; share 0.25 gives 84, 83 and 83 (83.5 rounds up)
        List<CustomerProfile> profiles = customers(1000, "Champions", "At Risk", "Hibernating");
        CampaignPlan plan = plan(AudienceRule.everyone(), 0.25).stratifyBySegment(true).build();
        CampaignSelection s = CampaignSelection.select(plan, profiles, nothingSuppressed(profiles), CONTACT, 5L);
        Map<String, Long> control = profiles.stream()
                .filter(p -> s.assignment(p.customer()).orElseThrow().group() == Group.CONTROL)
                .collect(Collectors.groupingBy(p -> p.rfmSegment().orElseThrow(), Collectors.counting()));
        assertEquals(Map.of("Champions", 84L, "At Risk", 83L, "Hibernating", 83L), control);
        Assignment held = s.assignments().stream().filter(a -> a.group() == Group.CONTROL).findFirst().orElseThrow();
        assertTrue(held.reason().startsWith("held out as control ("), held.reason());
    }

    @Test
    void theBudgetCapsTheTreatmentGroupAndSaysSo() {
        List<CustomerProfile> profiles = customers(100);
        // CNY 10.00 at CNY 0.50 a contact pays for 20 contacts
        CampaignPlan plan = plan(AudienceRule.everyone(), 0.2).budget(Money.of("10.00", "CNY")).build();
        assertEquals(20, plan.contactCapacity());
        CampaignSelection s = CampaignSelection.select(plan, profiles, nothingSuppressed(profiles), CONTACT, 11L);
        assertEquals(20, s.count(Group.TREATMENT));
        long overBudget = s.assignments().stream().filter(a -> a.cause() == Cause.OVER_BUDGET).count();
        assertEquals(100 - 20 - s.count(Group.CONTROL), overBudget);
        assertEquals("over budget: CNY 10.00 at CNY 0.50 a contact pays for 20 contacts",
                s.assignments().stream().filter(a -> a.cause() == Cause.OVER_BUDGET).findFirst().orElseThrow().reason());
    }

    @Test
    void aContactOutsideTheScheduleOrATwiceListedCustomerIsRefused() {
        List<CustomerProfile> profiles = customers(3);
        CampaignPlan plan = plan(AudienceRule.everyone(), 0.1).build();
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () -> CampaignSelection.select(
                plan, profiles, nothingSuppressed(profiles), Fixtures.END, 1L));
        assertEquals("contactAt 2026-12-08T00:00:00Z is outside the schedule of campaign winter-26: "
                + "from 2026-12-01T00:00:00Z to 2026-12-08T00:00:00Z (exclusive)", late.getMessage());
        List<CustomerProfile> twice = new ArrayList<>(profiles);
        twice.add(profiles.get(0));
        assertEquals("customer c-00000 appears twice in the profiles", assertThrows(IllegalArgumentException.class,
                () -> CampaignSelection.select(plan, twice, nothingSuppressed(profiles), CONTACT, 1L)).getMessage());
    }

    @Test
    void theScheduleStartIsInsideAndItsEndOutside() {
        Schedule s = Schedule.of(Fixtures.START, Fixtures.END);
        assertTrue(s.contains(Fixtures.START));
        assertTrue(s.contains(Fixtures.END.minusNanos(1)));
        assertEquals(false, s.contains(Fixtures.END));
        assertThrows(IllegalArgumentException.class, () -> Schedule.of(Fixtures.END, Fixtures.START));
    }

    @Test
    void marketInformationStaysWithThePlan() {
        CompetitorObservation seen = CompetitorObservation.of("Rival Motors", "compact SUV service pack",
                Money.of("699.00", "CNY"), java.time.LocalDate.parse("2026-11-20"), "rival's web shop");
        CampaignPlan plan = plan(AudienceRule.everyone(), 0.1).marketInformation(List.of(seen)).build();
        assertEquals(List.of(seen), plan.marketInformation());
        assertThrows(IllegalArgumentException.class, () -> CompetitorObservation.of("Rival", "x",
                Money.of("-1", "CNY"), java.time.LocalDate.parse("2026-11-20"), "web"));
        assertThrows(IllegalArgumentException.class, () -> CompetitorObservation.of("Rival", "x",
                Money.of("1", "CNY"), java.time.LocalDate.parse("2026-11-20"), " "));
    }

    @Test
    void aPlanNeedsBudgetCostScheduleAndAudienceInOneCurrency() {
        assertEquals("campaign x has no audience rule", assertThrows(IllegalStateException.class,
                () -> CampaignPlan.builder("x", Channel.SMS).budget(Money.of("1", "CNY")).costPerContact(Money.of("1", "CNY"))
                        .schedule(Schedule.of(Fixtures.START, Fixtures.END)).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> plan(AudienceRule.everyone(), 0.1)
                .costPerContact(Money.of("1", "EUR")).build());
        assertThrows(IllegalArgumentException.class, () -> plan(AudienceRule.everyone(), 1.0));
        assertEquals(Long.MAX_VALUE, plan(AudienceRule.everyone(), 0.1).costPerContact(Money.of("0", "CNY")).build().contactCapacity());
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), CONTACT);
    }
}
