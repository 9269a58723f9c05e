package io.crmkit.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each finding code at its boundary. Day counts are worked out by hand on the 2026 calendar
 * (not a leap year): 2026-10-01 to 2026-11-30 is 30 + 30 = 60 days; 2026-09-01 to 2026-11-30 is
 * 29 + 31 + 30 = 90 days; 2026-05-01 to 2026-07-30 is 31 + 30 + 29 = 90 days.
 */
class ReviewBoundaryTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-30");

    /** A decision maker fully covered, our coach. */
    static KeyPerson decisionMaker() {
        return KeyPerson.builder().id("p1").name("Zhang Wei").title("CIO").rank(2)
                .role(BuyingRole.DECISION_MAKER).influence(Influence.HIGH).attitude(Attitude.EXCLUSIVE_SUPPORT)
                .coach(true).owner("li.na").lastContact(LocalDate.parse("2026-10-01")).build();
    }

    /** A sponsor meeting all four principles for p1. */
    static SponsorPairing goodSponsor() {
        return SponsorPairing.builder().executive("Wang Jun").executiveRank(2).person("p1")
                .sameBusinessArea(true).pastHistory(true).ableAndWilling(true).build();
    }

    /** A plan with nothing to find on {@link #DAY}, every boundary reached exactly that day. */
    static AccountPlan.Builder cleanPlan() {
        return AccountPlan.builder().account("Northwind Steel").contactIntervalDays(60).reviewEveryDays(90)
                .lastReview(LocalDate.parse("2026-09-01")).addPeople(decisionMaker()).addSponsors(goodSponsor());
    }

    static List<FindingCode> codes(AccountPlan plan, LocalDate asOf) {
        return plan.review(asOf).findings().stream().map(Finding::code).toList();
    }

    static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), () -> "expected one finding: " + findings);
        return findings.get(0);
    }

    @Test
    void theCleanPlanHasNoFindingsOnTheLastDayEverythingIsStillCurrent() {
        assertEquals(List.of(), cleanPlan().build().review(DAY).findings());
    }

    @Test
    void aDecisionMakerContactedExactlyTheIntervalAgoIsCoveredAndOneDayLaterIsNot() {
        AccountPlan plan = cleanPlan().lastReview(DAY).build();
        assertEquals(List.of(), codes(plan, DAY));
        assertEquals(new Finding(FindingCode.DECISION_MAKER_UNCOVERED, "p1",
                "decision maker Z** (p1) was last contacted on 2026-10-01, 61 days ago, more than the 60-day contact interval"),
                only(plan.review(DAY.plusDays(1)).findings()));
    }

    @Test
    void aDecisionMakerWithoutOwnerOrNeverContactedIsUncovered() {
        KeyPerson bare = KeyPerson.builder().from(decisionMaker()).owner(Optional.empty()).lastContact(Optional.empty()).build();
        AccountPlan plan = cleanPlan().people(List.of(bare)).build();
        assertEquals("decision maker Z** (p1) has no owner and was never contacted", only(plan.review(DAY).findings()).reason());
    }

    @Test
    void anInfluentialOpponentNeedsAnOpenActionAndALowInfluenceOneDoesNot() {
        KeyPerson opponent = KeyPerson.builder().id("p2").name("Liu Yang").reportsTo("p1")
                .role(BuyingRole.TECHNICAL_EVALUATOR).influence(Influence.MEDIUM).attitude(Attitude.NOT_ACCEPTING).build();
        Finding f = only(cleanPlan().addPeople(opponent).build().review(DAY).findings());
        assertEquals(FindingCode.OPPOSED_WITHOUT_ACTION, f.code());
        assertEquals("p2", f.subject());
        assertEquals("medium-influence TECHNICAL_EVALUATOR L** (p2) does not accept us and has no open action "
                + "(tactics: KEEP_VISITING, SEEK_EVERY_EXCHANGE, MANAGE_EXPECTATIONS, KEEP_PROMISES)", f.reason());

        Action done = Action.builder().id("a1").person("p2").due(DAY).status(Action.Status.DONE).build();
        assertEquals(List.of(FindingCode.OPPOSED_WITHOUT_ACTION), codes(cleanPlan().addPeople(opponent).addActions(done).build(), DAY));
        Action open = Action.builder().from(done).status(Action.Status.OPEN).build();
        assertEquals(List.of(), codes(cleanPlan().addPeople(opponent).addActions(open).build(), DAY));
        KeyPerson highOpponent = KeyPerson.builder().from(opponent).influence(Influence.HIGH).build();
        assertEquals(List.of(FindingCode.OPPOSED_WITHOUT_ACTION), codes(cleanPlan().addPeople(highOpponent).build(), DAY));
        KeyPerson lowOpponent = KeyPerson.builder().from(opponent).influence(Influence.LOW).build();
        assertEquals(List.of(), codes(cleanPlan().addPeople(lowOpponent).build(), DAY));
    }

    @Test
    void anActionDueTodayIsNotOverdueAndTheDayAfterItIs() {
        Action visit = Action.builder().id("a1").person("p1").owner("li.na").due(DAY).build();
        AccountPlan plan = cleanPlan().lastReview(DAY).addActions(visit).build();
        assertEquals(List.of(), codes(plan, DAY));
        LocalDate tomorrow = DAY.plusDays(1);
        assertEquals(new Finding(FindingCode.OVERDUE_ACTION, "a1",
                "action a1 for Z** (p1), owner l***, was due 2026-11-30, 1 day ago"),
                only(plan.review(tomorrow).findings(FindingCode.OVERDUE_ACTION)));
        assertFalse(codes(cleanPlan().lastReview(DAY).addActions(visit.done()).build(), tomorrow)
                .contains(FindingCode.OVERDUE_ACTION));
    }

    @Test
    void aPlanReviewedExactlyTheCadenceAgoIsCurrentAndNeverReviewedIsOverdue() {
        assertEquals(List.of(), codes(cleanPlan().build(), DAY));
        assertEquals(new Finding(FindingCode.REVIEW_OVERDUE, "Northwind Steel",
                "the plan was last reviewed on 2026-09-01, 91 days ago, more than the 90-day cadence"),
                only(cleanPlan().build().review(DAY.plusDays(1)).findings(FindingCode.REVIEW_OVERDUE)));
        assertEquals("the plan was never reviewed (the cadence is every 90 days)",
                only(cleanPlan().lastReview(Optional.empty()).build().review(DAY).findings()).reason());
    }

    @Test
    void anExpansionCardPastTheCadenceIsOverdueUnderThePersonsId() {
        ExpansionCard card = new ExpansionCard("p1", "sole supplier for the 2027 upgrade", List.of(),
                Optional.of(LocalDate.parse("2026-09-01")));
        AccountPlan plan = cleanPlan().lastReview(DAY).addCards(card).build();
        assertEquals(List.of(), codes(plan, DAY));
        assertEquals(new Finding(FindingCode.REVIEW_OVERDUE, "p1",
                "the expansion card of Z** (p1) was last reviewed on 2026-09-01, 91 days ago, more than the 90-day cadence"),
                only(plan.review(DAY.plusDays(1)).findings(FindingCode.REVIEW_OVERDUE)));
    }

    @Test
    void aFallingIndexBetweenTheLastTwoAssessmentsIsDeclining() {
        // 4+4+3+3+4+3 = 21, 21/6 = 3.50; six threes give 3.00
        RelationshipAssessment march = RelationshipAssessment.of(LocalDate.parse("2026-03-31"),
                RelationshipAssessmentTest.scores(4, 4, 3, 3, 4, 3));
        RelationshipAssessment june = RelationshipAssessment.of(LocalDate.parse("2026-06-30"),
                RelationshipAssessmentTest.scores(3, 3, 3, 3, 3, 3));
        AccountPlan plan = cleanPlan().addAssessments(june, march).build();
        assertEquals(new Finding(FindingCode.ASSESSMENT_DECLINING, "Northwind Steel",
                "relationship index fell from 3.50 on 2026-03-31 to 3.00 on 2026-06-30"), only(plan.review(DAY).findings()));
        // a review before the June assessment does not see it yet
        assertEquals(List.of(), codes(cleanPlan().lastReview(LocalDate.parse("2026-06-01"))
                .people(List.of(KeyPerson.builder().from(decisionMaker()).lastContact(LocalDate.parse("2026-06-01")).build()))
                .addAssessments(june, march).build(), LocalDate.parse("2026-06-29")));
        // 1+5+3+3+3+3 = 18, 18/6 = 3.00: unchanged, not declining
        RelationshipAssessment july = RelationshipAssessment.of(LocalDate.parse("2026-07-31"),
                RelationshipAssessmentTest.scores(1, 5, 3, 3, 3, 3));
        assertEquals(List.of(), codes(cleanPlan().addAssessments(march, june, july).build(), DAY));
    }

    @Test
    void aDealExactlyAtItsLimitIsNotStalledAndOneDayMoreIs() {
        Deal deal = Deal.builder().from(Deal.of("d1", ProjectStage.PROJECT_RUN, LocalDate.parse("2026-05-01")))
                .maxDaysInStage(90).build();
        AccountPlan plan = cleanPlan().lastReview(LocalDate.parse("2026-07-30"))
                .people(List.of(KeyPerson.builder().from(decisionMaker()).lastContact(LocalDate.parse("2026-07-01")).build()))
                .addDeals(deal).build();
        assertEquals(List.of(), codes(plan, LocalDate.parse("2026-07-30")));
        assertEquals(new Finding(FindingCode.STAGE_STALLED, "d1",
                "deal d1 has been in PROJECT_RUN since 2026-05-01, 91 days, more than the 90 days the plan allows"),
                only(plan.review(LocalDate.parse("2026-07-31")).findings()));
    }

    @Test
    void aReviewBeforeAFactThePlanKeepsOnlyTheLatestOfIsRefused() {
        AccountPlan plan = cleanPlan().lastReview(LocalDate.parse("2026-07-30"))
                .people(List.of(KeyPerson.builder().from(decisionMaker()).lastContact(LocalDate.parse("2026-11-10")).build()))
                .addDeals(Deal.of("d1", ProjectStage.PROJECT_RUN, LocalDate.parse("2026-05-01"))).build();
        // as of 2026-10-01 the contact of 2026-11-10 had not happened: counting p1 as covered would be a guess
        IllegalArgumentException contact = assertThrows(IllegalArgumentException.class,
                () -> plan.review(LocalDate.parse("2026-10-01")));
        assertEquals("asOf 2026-10-01 is before the lastContact of key person p1, 2026-11-10: a review is as of a day on or "
                + "after every last contact, last review and stage change the plan records", contact.getMessage());
        IllegalArgumentException old = assertThrows(IllegalArgumentException.class,
                () -> plan.review(LocalDate.parse("1900-01-01")));
        assertEquals("asOf 1900-01-01 is before the lastReview of account Northwind Steel, 2026-07-30: " + AccountReview.RULE,
                old.getMessage());
        AccountPlan staged = cleanPlan().lastReview(Optional.empty())
                .people(List.of(KeyPerson.builder().from(decisionMaker()).lastContact(Optional.empty()).build()))
                .addDeals(Deal.of("d1", ProjectStage.PROJECT_RUN, LocalDate.parse("2026-05-01"))).build();
        assertEquals("asOf 2026-04-30 is before the since (stage PROJECT_RUN) of deal d1, 2026-05-01: " + AccountReview.RULE,
                assertThrows(IllegalArgumentException.class, () -> staged.review(LocalDate.parse("2026-04-30"))).getMessage());
        // the day of the latest fact itself is a review day
        assertEquals(LocalDate.parse("2026-11-10"), plan.review(LocalDate.parse("2026-11-10")).asOf());
    }

    @Test
    void aPlanWithoutACoachIsReported() {
        AccountPlan plan = cleanPlan().people(List.of(KeyPerson.builder().from(decisionMaker()).coach(false).build())).build();
        assertEquals(new Finding(FindingCode.NO_COACH, "Northwind Steel",
                "none of the 1 key people of Northwind Steel acts as our coach"), only(plan.review(DAY).findings()));
    }

    @Test
    void aSponsorFailingAPrincipleIsAMismatchNamingThePrinciples() {
        SponsorPairing senior = SponsorPairing.builder().from(goodSponsor()).executiveRank(1).pastHistory(false).build();
        AccountPlan plan = cleanPlan().sponsors(List.of(senior)).build();
        assertEquals(new Finding(FindingCode.SPONSOR_MISMATCH, "p1",
                "sponsor W** for Z** (p1) fails equal standing (executive rank 1, person rank 2), past history"),
                only(plan.review(DAY).findings()));
    }

    @Test
    void findingsComeInSeverityOrderThenInfluenceThenSubject() {
        KeyPerson low = KeyPerson.builder().id("p3").name("Chen Jie").role(BuyingRole.DECISION_MAKER)
                .influence(Influence.LOW).build();
        KeyPerson high = KeyPerson.builder().id("p9").name("Sun Li").role(BuyingRole.DECISION_MAKER)
                .influence(Influence.HIGH).build();
        KeyPerson medium = KeyPerson.builder().id("p5").name("Ma Lin").role(BuyingRole.DECISION_MAKER).build();
        Action late = Action.builder().id("a0").person("p3").due(LocalDate.parse("2026-11-01")).build();
        AccountPlan plan = cleanPlan().lastReview(Optional.empty()).addPeople(low, high, medium).addActions(late).build();
        assertEquals(List.of("DECISION_MAKER_UNCOVERED p9", "DECISION_MAKER_UNCOVERED p5", "DECISION_MAKER_UNCOVERED p3",
                "OVERDUE_ACTION a0", "REVIEW_OVERDUE Northwind Steel"),
                plan.review(DAY).findings().stream().map(f -> f.code() + " " + f.subject()).toList());
        assertEquals(1, FindingCode.DECISION_MAKER_UNCOVERED.severity());
        assertEquals(8, FindingCode.REVIEW_OVERDUE.severity());
    }

    @Test
    void namesNeverAppearInFindingsOrPrintedValues() {
        AccountPlan plan = cleanPlan().lastReview(Optional.empty())
                .sponsors(List.of(SponsorPairing.builder().from(goodSponsor()).pastHistory(false).build()))
                .addActions(Action.builder().id("a1").person("p1").owner("li.na").due(DAY).build()).build();
        String printed = plan.review(DAY.plusYears(1)).findings() + " " + plan.people() + plan.sponsors()
                + plan.sponsorChecks() + plan.actions() + plan;
        for (String name : List.of("Zhang", "Wei", "Wang Jun", "li.na")) {
            assertFalse(printed.contains(name), () -> name + " printed in " + printed);
        }
        assertTrue(printed.contains("Z**") && printed.contains("W**") && printed.contains("l***"), printed);
    }

    @Test
    void theDevelopmentTacticsFollowTheAttitudeAsTheDocumentGivesThem() {
        assertEquals(List.of(DevelopmentTactic.KEEP_VISITING, DevelopmentTactic.SEEK_EVERY_EXCHANGE,
                DevelopmentTactic.MANAGE_EXPECTATIONS, DevelopmentTactic.KEEP_PROMISES), Attitude.NOT_ACCEPTING.tactics());
        assertEquals(List.of(DevelopmentTactic.SHOW_COMPANY_STRENGTH, DevelopmentTactic.BUILD_PERSONAL_RAPPORT),
                Attitude.NEUTRAL.tactics());
        assertEquals(List.of(DevelopmentTactic.ENTER_THEIR_LIFE, DevelopmentTactic.ENTER_THEIR_VALUES),
                Attitude.LIMITED_SUPPORT.tactics());
        assertEquals(List.of(DevelopmentTactic.MAINTAIN, DevelopmentTactic.DEVELOP_INTO_COACH), decisionMaker().tactics());
        assertEquals("发展成教练", DevelopmentTactic.DEVELOP_INTO_COACH.sourceTerm());
        assertEquals("关键客户不认可", Attitude.NOT_ACCEPTING.sourceTerm());
    }
}
