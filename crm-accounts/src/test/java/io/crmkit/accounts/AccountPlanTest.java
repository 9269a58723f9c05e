package io.crmkit.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plan is consistent when built: unique ids, references inside the plan, no reporting cycle. */
class AccountPlanTest {

    static KeyPerson person(String id) {
        return KeyPerson.builder().id(id).name("Name " + id).build();
    }

    static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void defaultsAreThoseDocumented() {
        AccountPlan plan = AccountPlan.builder().account("Acme").build();
        assertEquals(60, plan.contactIntervalDays());
        assertEquals(90, plan.reviewEveryDays());
        assertEquals(Optional.empty(), plan.lastReview());
        KeyPerson p = person("p1");
        assertEquals(BuyingRole.INFLUENCER, p.role());
        assertEquals(Influence.MEDIUM, p.influence());
        assertEquals(Attitude.NEUTRAL, p.attitude());
        assertFalse(p.coach());
        assertEquals(Action.Status.OPEN, Action.builder().id("a1").due(LocalDate.EPOCH).build().status());
    }

    @Test
    void duplicateIdsAreRefused() {
        assertEquals("people of account Acme have the id p1 twice: ids are unique in a plan",
                refusal(() -> AccountPlan.builder().account("Acme").addPeople(person("p1"), person("p1")).build()));
        Action a = Action.builder().id("a1").due(LocalDate.EPOCH).build();
        assertEquals("actions of account Acme have the id a1 twice: ids are unique in a plan",
                refusal(() -> AccountPlan.builder().account("Acme").addActions(a, a).build()));
        Deal d = Deal.of("d1", ProjectStage.OPPORTUNITY, LocalDate.EPOCH);
        assertEquals("deals of account Acme have the id d1 twice: ids are unique in a plan",
                refusal(() -> AccountPlan.builder().account("Acme").addDeals(d, d).build()));
    }

    @Test
    void referencesMustNameSomeoneInThePlan() {
        KeyPerson orphan = KeyPerson.builder().from(person("p2")).reportsTo("p9").build();
        assertEquals("reportsTo of key person p2 is p9, which is not a key person of account Acme: "
                + "references name a person of the plan",
                refusal(() -> AccountPlan.builder().account("Acme").addPeople(orphan).build()));
        Action a = Action.builder().id("a1").person("p9").due(LocalDate.EPOCH).build();
        assertEquals("person of action a1 is p9, which is not a key person of account Acme: references name a person of the plan",
                refusal(() -> AccountPlan.builder().account("Acme").addActions(a).build()));
        SponsorPairing s = SponsorPairing.builder().executive("Wang Jun").person("p9").build();
        assertEquals("person of the sponsor pairing of W** is p9, which is not a key person of account Acme: "
                + "references name a person of the plan",
                refusal(() -> AccountPlan.builder().account("Acme").addSponsors(s).build()));
        ExpansionCard card = new ExpansionCard("p1", "", List.of("a7"), Optional.empty());
        refusal(() -> AccountPlan.builder().account("Acme").addPeople(person("p1")).addCards(card).build());
        CompetitorProfile c = new CompetitorProfile("Rival", "", List.of("p9"), "");
        refusal(() -> AccountPlan.builder().account("Acme").addCompetitors(c).build());
    }

    @Test
    void aReportingCycleIsRefused() {
        KeyPerson a = KeyPerson.builder().from(person("p1")).reportsTo("p2").build();
        KeyPerson b = KeyPerson.builder().from(person("p2")).reportsTo("p3").build();
        KeyPerson c = KeyPerson.builder().from(person("p3")).reportsTo("p1").build();
        String m = refusal(() -> AccountPlan.builder().account("Acme").addPeople(a, b, c).build());
        assertEquals("reportsTo of account Acme forms a cycle through p1: a reporting line ends at someone who reports "
                + "to nobody in the plan", m);
        refusal(() -> KeyPerson.builder().from(person("p1")).reportsTo("p1").build());
    }

    @Test
    void badNumbersAndBlankFieldsAreRefusedNamingTheField() {
        assertEquals("contactIntervalDays of account Acme is 0: it is from 1 to 3653 days",
                refusal(() -> AccountPlan.builder().account("Acme").contactIntervalDays(0).build()));
        assertEquals("rank of key person p1 is 0: a rank is 1 (the top) or more",
                refusal(() -> KeyPerson.builder().from(person("p1")).rank(0).build()));
        assertEquals("name of key person p1 is blank: it needs at least one visible character",
                refusal(() -> KeyPerson.builder().id("p1").name(" ").build()));
        assertEquals("id of key person is blank: an id needs at least one visible character",
                refusal(() -> KeyPerson.builder().id("").name("x").build()));
        assertEquals("name of key person p1 contains a line break or another control character: it is single-line text",
                refusal(() -> KeyPerson.builder().id("p1").name("Zhang\nWei").build()));
        assertEquals("description of action a1 has 2001 characters: at most 2000 are allowed",
                refusal(() -> Action.builder().id("a1").due(LocalDate.EPOCH).description("x".repeat(2001)).build()));
        assertEquals(2000, Action.builder().id("a1").due(LocalDate.EPOCH).description("x".repeat(2000)).build()
                .description().length());
    }

    @Test
    void printedPeopleShowMaskedNames() {
        KeyPerson p = KeyPerson.builder().id("p1").name("张伟").title("CIO").rank(2).role(BuyingRole.DECISION_MAKER)
                .influence(Influence.HIGH).attitude(Attitude.NOT_ACCEPTING).owner("li.na")
                .lastContact(LocalDate.parse("2026-10-01")).build();
        assertEquals("KeyPerson[p1 张** \"CIO\", rank 2, DECISION_MAKER HIGH NOT_ACCEPTING, owner l***, "
                + "last contact 2026-10-01]", p.toString());
        assertEquals("SponsorPairing[W** rank 2 with p1, business area yes, history no, able and willing yes]",
                SponsorPairing.builder().executive("Wang Jun").executiveRank(2).person("p1").sameBusinessArea(true)
                        .ableAndWilling(true).build().toString());
    }
}
