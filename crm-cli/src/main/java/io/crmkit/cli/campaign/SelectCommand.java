package io.crmkit.cli.campaign;

import io.crmkit.cli.format.CsvRows;
import io.crmkit.marketing.Assignment;
import io.crmkit.marketing.CampaignPlan;
import io.crmkit.marketing.CampaignSelection;
import io.crmkit.marketing.ConsentLedger;
import io.crmkit.marketing.ContactHistory;
import io.crmkit.marketing.MarketingContact;
import io.crmkit.marketing.Suppression;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm campaign select}: every customer in treatment, control or excluded, and why. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = {"Selects a campaign's audience: the plan's audience rule, then the suppressions (no consent on the "
                + "channel at the contact instant, an open complaint, the contact cap), then a seeded control group.",
            "Output: CSV customer_id,group,reason with group treatment, control or excluded, in customer-id order."})
public final class SelectCommand implements Callable<Integer> {

    @Option(names = "--plan", required = true, description = "the campaign plan as JSON")
    Path plan;

    @Option(names = "--customers", required = true,
            description = "CSV customer_id[,rfm_segment,tier,lifecycle_stage,clv,p_alive,open_complaint,consent_<channel>,withdrawn_<channel>,<metric>…]")
    Path customers;

    @Option(names = "--contacts", description = "optional CSV customer_id,campaign,channel,at of marketing contacts already made")
    Path contacts;

    @Option(names = "--as-of", required = true,
            converter = InstantConverter.class,
            description = "the contact instant: a date (start of the day, UTC) or an ISO instant; must lie in the plan's schedule")
    Instant asOf;

    @Option(names = "--seed", required = true, description = "the seed of the random draws")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CampaignPlan p;
        p = PlanJson.read(plan);
        CampaignFiles.Customers c;
        c = CampaignFiles.readCustomers(customers);
        List<MarketingContact> made = List.of();
        if (contacts != null) {
            made = CampaignFiles.readContacts(contacts);
        }
        if (!p.schedule().contains(asOf)) {
            throw new IllegalArgumentException(plan.getFileName() + ": schedule " + p.schedule().start() + " to "
                    + p.schedule().end() + " (exclusive) does not contain --as-of " + asOf);
        }
        CampaignSelection selection;
        try {
            selection = CampaignSelection.select(p, c.profiles(),
                    Suppression.of(ConsentLedger.of(c.consents()), ContactHistory.of(made), c.openComplaints()), asOf, seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(customers.getFileName() + ": " + e.getMessage(), e);
        }
        CsvRows csv = CsvRows.to(spec.commandLine().getOut());
        csv.row("customer_id", "group", "reason");
        for (Assignment a : selection.assignments()) {
            csv.text(a.customer().value()).text(a.group().label()).text(a.reason()).endRow();
        }
        csv.flush();
        return 0;
    }

}
