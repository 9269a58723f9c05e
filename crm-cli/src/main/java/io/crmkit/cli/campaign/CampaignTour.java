package io.crmkit.cli.campaign;

import io.crmkit.cli.tour.TourSection;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.marketing.Assignment;
import io.crmkit.marketing.CampaignPlan;
import io.crmkit.marketing.CampaignResults;
import io.crmkit.marketing.CampaignSelection;
import io.crmkit.marketing.CompetitorObservation;
import io.crmkit.marketing.ConsentLedger;
import io.crmkit.marketing.ContactHistory;
import io.crmkit.marketing.SampleSize;
import io.crmkit.marketing.Suppression;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Tour chapter: a campaign on bundled data, from plan to audience to uplift (crm-marketing). */
public final class CampaignTour implements TourSection {

    private static final String DATA = "/io/crmkit/data/";
    private static final Instant CONTACT = Instant.parse("2026-12-01T00:00:00Z");
    private static final long SEED = 7;

    @Override
    public String title() {
        return "Campaigns measured against a control group (crm-marketing)";
    }

    @Override
    public void narrate(PrintWriter out) {
        CampaignPlan plan = read("campaign.json", in -> PlanJson.read(in, "campaign.json"));
        CampaignFiles.Customers customers = read("campaign-customers.csv", in -> CampaignFiles.readCustomers(in, "campaign-customers.csv"));
        ContactHistory contacts = ContactHistory.of(read("campaign-contacts.csv", in -> CampaignFiles.readContacts(in, "campaign-contacts.csv")));

        out.printf(Locale.ROOT, "Plan %s on %s: %s; offer: %s.%n", plan.id(), plan.channel().name().toLowerCase(Locale.ROOT),
                plan.objective(), plan.offer());
        out.println("Audience: " + plan.audience());
        out.printf(Locale.ROOT, "Control share %.0f%%, %s (the dealer manual's one promotion a day), budget %s at %s a contact.%n",
                100 * plan.controlShare(), plan.contactCap(), plan.budget(), plan.costPerContact());
        for (CompetitorObservation o : plan.marketInformation()) {
            out.printf(Locale.ROOT, "Market information: %s sells %s at %s (%s, %s).%n", o.competitor(), o.product(), o.price(),
                    o.source(), o.observedOn());
        }
        SampleSize needed = SampleSize.forResponseUplift(0.05, 0.05, 0.05, 0.80, plan.controlShare());
        out.printf(Locale.ROOT, "To detect +5 points on a 5%% baseline (alpha 0.05, power 0.80) with this control share the plan"
                + " needs %d treated + %d held out = %d eligible customers.%n", needed.treatment(), needed.control(), needed.total());

        CampaignSelection selection = CampaignSelection.select(plan, customers.profiles(),
                Suppression.of(ConsentLedger.of(customers.consents()), contacts, customers.openComplaints()), CONTACT, SEED);
        out.printf(Locale.ROOT, "%nSelection of %d customers at %s, seed %d:%n", customers.profiles().size(), CONTACT, SEED);
        for (Map.Entry<Assignment.Cause, Integer> e : selection.countsByCause().entrySet()) {
            out.printf(Locale.ROOT, "  %-16s %5d%n", e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '), e.getValue());
        }
        int eligible = selection.count(io.crmkit.marketing.Group.TREATMENT) + selection.count(io.crmkit.marketing.Group.CONTROL);
        out.printf(Locale.ROOT, "%d eligible customers %s the %d the sample-size check asks for.%n", eligible,
                eligible < needed.total() ? "fall short of" : "cover", needed.total());
        out.println("At the boundaries (consent withdrawn at the contact instant; a contact exactly 24 h before; one 23:59:59 before):");
        for (String id : new String[] {"c-0001", "c-0002", "c-0003"}) {
            Assignment a = selection.assignment(CustomerId.of(id)).orElseThrow();
            out.printf(Locale.ROOT, "  %s %-9s %s%n", id, a.group().label(), a.reason());
        }

        CampaignResults r = CampaignResults.measure(plan, selection,
                read("campaign-responses.csv", in -> CampaignFiles.readResponses(in, "campaign-responses.csv", plan.budget().currency())), 1L);
        out.printf(Locale.ROOT, "%nResults within %d days of the contact:%n", plan.attributionWindow().toDays());
        out.printf(Locale.ROOT, "  treatment %d customers, %d responded (%.2f%%); control %d, %d responded (%.2f%%)%n",
                r.treatment().customers(), r.treatment().responders(), 100 * r.treatment().responseRate(),
                r.control().customers(), r.control().responders(), 100 * r.control().responseRate());
        out.printf(Locale.ROOT, "  response uplift %+.2f points, Newcombe 95%% CI %+.2f to %+.2f%n",
                100 * r.responseUplift().estimate(), 100 * r.responseUplift().low(), 100 * r.responseUplift().high());
        out.printf(Locale.ROOT, "  revenue per customer %+.2f, bootstrap 95%% CI %+.2f to %+.2f%n",
                r.revenueUplift().estimate(), r.revenueUplift().low(), r.revenueUplift().high());
        out.printf(Locale.ROOT, "  incremental revenue %s for a cost of %s: ROI %.2f%n", r.incrementalRevenue(), r.cost(),
                r.roi().orElseThrow());
        out.println("Try: crm campaign select --plan data/campaign.json --customers data/campaign-customers.csv"
                + " --contacts data/campaign-contacts.csv --as-of 2026-12-01 --seed 7");
    }

    private static <T> T read(String file, Function<Reader, T> parse) {
        InputStream in = CampaignTour.class.getResourceAsStream(DATA + file);
        if (in == null) {
            throw new IllegalStateException("bundled data " + file + " is missing from the jar");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse.apply(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
