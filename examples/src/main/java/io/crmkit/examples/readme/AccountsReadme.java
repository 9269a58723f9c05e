package io.crmkit.examples.readme;

import io.crmkit.accounts.AccountPlan;
import io.crmkit.accounts.AccountReview;
import io.crmkit.accounts.Action;
import io.crmkit.accounts.Attitude;
import io.crmkit.accounts.BuyingRole;
import io.crmkit.accounts.DecisionChainDiagram;
import io.crmkit.accounts.Influence;
import io.crmkit.accounts.KeyPerson;
import io.crmkit.accounts.SponsorPairing;
import java.time.LocalDate;
import java.util.List;

/** The crm-accounts snippet of the README, compiled. */
public final class AccountsReadme {

    private AccountsReadme() {
    }

    /**
     * Builds a two-person plan and reviews it.
     *
     * @return the review's findings, then the Mermaid chart
     */
    public static List<String> run() {
        // tag::accounts[]
        KeyPerson ceo = KeyPerson.builder().id("p1").name("赵敏").title("CEO").rank(1)
                .role(BuyingRole.DECISION_MAKER).influence(Influence.HIGH).attitude(Attitude.NEUTRAL)
                .owner("li.na").lastContact(LocalDate.parse("2026-10-01")).build();
        KeyPerson cio = KeyPerson.builder().id("p2").name("钱浩").title("CIO").rank(2).reportsTo("p1")
                .role(BuyingRole.TECHNICAL_EVALUATOR).influence(Influence.HIGH)
                .attitude(Attitude.NOT_ACCEPTING).owner("chen.bo").build();
        AccountPlan plan = AccountPlan.builder().account("Northwind Steel")
                .contactIntervalDays(60).reviewEveryDays(90).lastReview(LocalDate.parse("2026-09-01"))
                .addPeople(ceo, cio)
                .addSponsors(SponsorPairing.builder().executive("王军").executiveRank(1).person("p1")
                        .sameBusinessArea(true).pastHistory(true).ableAndWilling(true).build())
                .addActions(Action.builder().id("a1").person("p2").owner("chen.bo")
                        .due(LocalDate.parse("2026-11-20")).build())
                .build();

        AccountReview review = plan.review(LocalDate.parse("2026-11-29"));
        review.findings().forEach(System.out::println);
        // OVERDUE_ACTION a1: action a1 for 钱** (p2), owner c***, was due 2026-11-20, 9 days ago
        // NO_COACH Northwind Steel: none of the 2 key people of Northwind Steel acts as our coach
        String mermaid = DecisionChainDiagram.of(plan).mermaid();   // or .dot(); names masked
        // end::accounts[]
        return List.of(review.findings().get(0).toString(), review.findings().get(1).toString(), mermaid);
    }
}
