package io.crmkit.examples;

import io.crmkit.accounts.AccountPlan;
import io.crmkit.accounts.AccountReview;
import io.crmkit.accounts.Action;
import io.crmkit.accounts.Attitude;
import io.crmkit.accounts.BuyingRole;
import io.crmkit.accounts.DecisionChainDiagram;
import io.crmkit.accounts.Deal;
import io.crmkit.accounts.ExpansionCard;
import io.crmkit.accounts.Finding;
import io.crmkit.accounts.Influence;
import io.crmkit.accounts.KeyPerson;
import io.crmkit.accounts.Need;
import io.crmkit.accounts.ProjectStage;
import io.crmkit.accounts.RelationshipAssessment;
import io.crmkit.accounts.RelationshipDimension;
import io.crmkit.accounts.SponsorPairing;
import io.crmkit.accounts.StageChange;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key-account plan bundled as {@code data/key-account-plan.json}, built with the crm-accounts
 * API instead of read from JSON, then reviewed and drawn: run it from the IDE. The command line
 * gives the same findings: {@code crm account review --plan data/key-account-plan.json --as-of 2026-11-29}.
 */
public final class AccountsExample {

    private AccountsExample() {
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static Map<RelationshipDimension, Integer> scores(int... s) {
        Map<RelationshipDimension, Integer> m = new EnumMap<>(RelationshipDimension.class);
        for (RelationshipDimension d : RelationshipDimension.values()) {
            m.put(d, s[d.ordinal()]);
        }
        return m;
    }

    /** @return the Northwind Steel plan of {@code data/key-account-plan.json} (targets and competitors left out) */
    static AccountPlan northwindSteel() {
        KeyPerson ceo = KeyPerson.builder().id("p1").name("赵敏").title("CEO").rank(1).role(BuyingRole.DECISION_MAKER)
                .influence(Influence.HIGH).attitude(Attitude.NEUTRAL).addNeeds(Need.ESTEEM).owner("li.na")
                .lastContact(day("2026-08-20")).build();
        KeyPerson cio = KeyPerson.builder().id("p2").name("钱浩").title("CIO").rank(2).reportsTo("p1")
                .role(BuyingRole.TECHNICAL_EVALUATOR).influence(Influence.HIGH).attitude(Attitude.NOT_ACCEPTING)
                .owner("chen.bo").lastContact(day("2026-11-10")).build();
        KeyPerson cfo = KeyPerson.builder().id("p3").name("孙丽").title("CFO").rank(2).reportsTo("p1")
                .role(BuyingRole.DECISION_MAKER).influence(Influence.HIGH).attitude(Attitude.LIMITED_SUPPORT)
                .addNeeds(Need.SAFETY).owner("li.na").lastContact(day("2026-11-02")).build();
        KeyPerson itOps = KeyPerson.builder().id("p4").name("李强").title("Head of IT operations").rank(3).reportsTo("p2")
                .role(BuyingRole.USER).influence(Influence.MEDIUM).attitude(Attitude.EXCLUSIVE_SUPPORT).coach(true)
                .addNeeds(Need.ESTEEM, Need.SELF_ACTUALISATION).owner("chen.bo").lastContact(day("2026-11-20")).build();
        KeyPerson buyer = KeyPerson.builder().id("p5").name("周云").title("Procurement manager").rank(3).reportsTo("p3")
                .role(BuyingRole.GATEKEEPER).influence(Influence.MEDIUM).attitude(Attitude.NEUTRAL)
                .lastContact(day("2026-10-15")).build();
        KeyPerson architect = KeyPerson.builder().id("p6").name("吴芳").title("Network architect").rank(4).reportsTo("p2")
                .role(BuyingRole.INFLUENCER).influence(Influence.LOW).attitude(Attitude.NOT_ACCEPTING).owner("chen.bo")
                .lastContact(day("2026-09-30")).build();
        return AccountPlan.builder().account("Northwind Steel").contactIntervalDays(60).reviewEveryDays(90)
                .lastReview(day("2026-09-01"))
                .addPeople(ceo, cio, cfo, itOps, buyer, architect)
                .addSponsors(SponsorPairing.builder().executive("王军").executiveRank(1).person("p1")
                        .sameBusinessArea(true).pastHistory(false).ableAndWilling(true).build(),
                        SponsorPairing.builder().executive("刘洋").executiveRank(2).person("p3")
                        .sameBusinessArea(true).pastHistory(true).ableAndWilling(true).build())
                .addActions(Action.builder().id("a1").person("p1").owner("li.na").due(day("2026-11-20"))
                        .description("invite to the reference-site visit").build(),
                        Action.builder().id("a2").person("p5").owner("chen.bo").due(day("2026-12-15")).build(),
                        Action.builder().id("a3").person("p2").owner("chen.bo").due(day("2026-10-30"))
                        .status(Action.Status.DONE).build(),
                        Action.builder().id("a4").person("p4").owner("chen.bo").due(day("2026-11-29")).build())
                .addAssessments(RelationshipAssessment.of(day("2026-05-31"), scores(4, 3, 4, 3, 4, 3)),
                        RelationshipAssessment.of(day("2026-08-31"), scores(3, 3, 3, 3, 4, 2)))
                .addDeals(Deal.builder().id("core-network-2027").maxDaysInStage(120)
                        .addChanges(new StageChange(ProjectStage.OPPORTUNITY, day("2026-03-02")),
                                new StageChange(ProjectStage.PROJECT_RUN, day("2026-06-01"))).build(),
                        Deal.builder().from(Deal.of("datacentre-upgrade", ProjectStage.PAYMENT_COLLECTION,
                                day("2026-10-20"))).maxDaysInStage(60).build())
                .addCards(new ExpansionCard("p1", "sponsor the 2027 rebuild in the board", List.of("a1"),
                                Optional.of(day("2026-07-15"))),
                        new ExpansionCard("p3", "approve the multi-year budget", List.of(), Optional.of(day("2026-10-01"))))
                .build();
    }

    /**
     * Builds the plan, prints its review as of 2026-11-29 and its decision chain in Mermaid.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        AccountPlan plan = northwindSteel();
        AccountReview review = plan.review(day("2026-11-29"));
        System.out.println(review);
        for (Finding f : review.findings()) {
            System.out.println(f);
        }
        System.out.print(DecisionChainDiagram.of(plan).mermaid());
    }
}
