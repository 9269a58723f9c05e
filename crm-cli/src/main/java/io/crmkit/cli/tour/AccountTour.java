package io.crmkit.cli.tour;

import io.crmkit.accounts.AccountPlan;
import io.crmkit.accounts.AccountReview;
import io.crmkit.accounts.Deal;
import io.crmkit.accounts.Finding;
import io.crmkit.accounts.KeyPerson;
import io.crmkit.accounts.RelationshipAssessment;
import io.crmkit.accounts.SponsorCheck;
import io.crmkit.cli.account.PlanJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/** The crm-accounts chapter of the tour: the bundled key-account plan, its sponsors, trend, deals and review. */
public final class AccountTour implements TourSection {

    static final String PLAN = "/io/crmkit/data/key-account-plan.json";
    static final LocalDate AS_OF = LocalDate.parse("2026-11-29");

    @Override
    public String title() {
        return "crm-accounts: a key-account plan checked against its facts";
    }

    @Override
    public void narrate(PrintWriter out) {
        AccountPlan plan = load();
        out.printf("The plan for %s (data/key-account-plan.json, docs/domain.md §8): the decision chain, names masked,%n",
                plan.account());
        out.println("with the development tactic the key-account map gives for each attitude:");
        for (KeyPerson p : plan.people()) {
            out.printf("  %-3s %-4s %-22s %-20s %-6s %-17s %s%n", p.id(), p.maskedName(), p.title(), p.role(),
                    p.influence(), p.attitude(), p.coach() ? "coach" : p.tactics().get(0).name().toLowerCase(Locale.ROOT));
        }
        out.println("Executive sponsors against the four principles (equal standing, business area, history, ability):");
        for (SponsorCheck c : plan.sponsorChecks()) {
            out.println("  " + c);
        }
        out.println("Relationship index (weighted mean of six 1-5 scores):");
        for (RelationshipAssessment a : plan.trend().assessments()) {
            out.printf(Locale.ROOT, "  %s %.2f%n", a.date(), a.index());
        }
        out.println("  trend: " + plan.trend().direction());
        out.println("Days per stage of the project life cycle as of " + AS_OF + ":");
        for (Deal d : plan.deals()) {
            out.println("  " + d.id() + " " + d.daysInStages(AS_OF));
        }
        AccountReview review = plan.review(AS_OF);
        out.println("The review, most severe first (crm account review --plan data/key-account-plan.json --as-of "
                + AS_OF + "):");
        for (Finding f : review.findings()) {
            out.println("  " + f);
        }
        out.println("Draw the chain with: crm account map --plan data/key-account-plan.json --format mermaid|dot");
    }

    /** @return the bundled plan */
    static AccountPlan load() {
        try (InputStream in = AccountTour.class.getResourceAsStream(PLAN)) {
            if (in == null) {
                throw new IllegalStateException("bundled plan " + PLAN + " is missing from the class path");
            }
            return PlanJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "key-account-plan.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
