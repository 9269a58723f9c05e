package io.crmkit.examples;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.marketing.Assignment;
import io.crmkit.marketing.AudienceRule;
import io.crmkit.marketing.CampaignPlan;
import io.crmkit.marketing.CampaignResponse;
import io.crmkit.marketing.CampaignResults;
import io.crmkit.marketing.CampaignSelection;
import io.crmkit.marketing.Channel;
import io.crmkit.marketing.CompetitorObservation;
import io.crmkit.marketing.ConsentEvent;
import io.crmkit.marketing.ConsentLedger;
import io.crmkit.marketing.ContactCap;
import io.crmkit.marketing.ContactHistory;
import io.crmkit.marketing.CustomerProfile;
import io.crmkit.marketing.Group;
import io.crmkit.marketing.MarketingContact;
import io.crmkit.marketing.SampleSize;
import io.crmkit.marketing.Schedule;
import io.crmkit.marketing.Suppression;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The crm-marketing API on the bundled winter-26 campaign (the plan of {@code data/campaign.json},
 * built here in code): select the audience with a control group, then measure the uplift.
 */
public final class MarketingExample {

    private static final Instant CONTACT = Instant.parse("2026-12-01T00:00:00Z");

    private MarketingExample() {
    }

    /**
     * Plans, selects and measures the bundled campaign.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        CampaignPlan plan = CampaignPlan.builder("winter-26", Channel.EMAIL)
                .objective("bring lapsing buyers back before the spring service season")
                .offer("free first-service check with any accessory order")
                .budget(Money.of("2000.00", "CNY")).costPerContact(Money.of("0.80", "CNY"))
                .schedule(Schedule.of(CONTACT, Instant.parse("2026-12-15T00:00:00Z")))
                .audience(AudienceRule.anyOf(
                        AudienceRule.rfmSegmentIn("At risk", "Can't lose them", "About to sleep"),
                        AudienceRule.allOf(AudienceRule.pAliveBelow(0.5), AudienceRule.clvAtLeast(300))))
                .contactCap(ContactCap.ONE_A_DAY).controlShare(0.2).attributionWindow(Duration.ofDays(14))
                .marketInformation(List.of(CompetitorObservation.of("Rival Motors", "first-service check",
                        Money.of("299.00", "CNY"), LocalDate.parse("2026-11-20"), "competitor's web shop")))
                .build();

        List<CustomerProfile> profiles = new ArrayList<>();
        List<ConsentEvent> consents = new ArrayList<>();
        Set<CustomerId> complaints = new TreeSet<>();
        read("campaign-customers.csv", row -> {
            CustomerId id = CustomerId.of(row.get("customer_id"));
            profiles.add(CustomerProfile.builder(id).rfmSegment(row.get("rfm_segment")).tier(row.get("tier"))
                    .clv(Double.parseDouble(row.get("clv"))).pAlive(Double.parseDouble(row.get("p_alive")))
                    .lifecycleStage(row.get("lifecycle_stage")).metric("visits_90d", Double.parseDouble(row.get("visits_90d")))
                    .build());
            if (!row.get("consent_email").isEmpty()) {
                consents.add(ConsentEvent.granted(id, Channel.EMAIL, Instant.parse(row.get("consent_email"))));
            }
            if (!row.get("withdrawn_email").isEmpty()) {
                consents.add(ConsentEvent.withdrawn(id, Channel.EMAIL, Instant.parse(row.get("withdrawn_email"))));
            }
            if (Boolean.parseBoolean(row.get("open_complaint"))) {
                complaints.add(id);
            }
        });
        List<MarketingContact> contacts = new ArrayList<>();
        read("campaign-contacts.csv", row -> contacts.add(MarketingContact.of(CustomerId.of(row.get("customer_id")),
                row.get("campaign"), Channel.parse(row.get("channel")), Instant.parse(row.get("at")))));

        SampleSize needed = SampleSize.forResponseUplift(0.05, 0.05, 0.05, 0.80, plan.controlShare());
        System.out.println("needed to detect +5 points on 5%: " + needed.treatment() + " treated, " + needed.control() + " held out");

        Suppression suppression = Suppression.of(ConsentLedger.of(consents), ContactHistory.of(contacts), complaints);
        CampaignSelection selection = CampaignSelection.select(plan, profiles, suppression, CONTACT, 7L);
        System.out.println("treatment " + selection.count(Group.TREATMENT) + ", control " + selection.count(Group.CONTROL)
                + ", excluded " + selection.count(Group.EXCLUDED));
        for (String id : List.of("c-0001", "c-0002", "c-0003")) {
            Assignment a = selection.assignment(CustomerId.of(id)).orElseThrow();
            System.out.println(id + " " + a.group().label() + ": " + a.reason());
        }

        List<CampaignResponse> responses = new ArrayList<>();
        read("campaign-responses.csv", row -> responses.add(CampaignResponse.of(CustomerId.of(row.get("customer_id")),
                Instant.parse(row.get("at")), Boolean.parseBoolean(row.get("responded")), Money.of(row.get("revenue"), "CNY"))));
        CampaignResults results = CampaignResults.measure(plan, selection, responses, 1L);
        System.out.println("response uplift " + results.responseUplift());
        System.out.printf(Locale.ROOT, "incremental revenue %s, cost %s, ROI %.2f%n", results.incrementalRevenue(), results.cost(),
                results.roi().orElseThrow());
    }

    private static void read(String file, Consumer<CSVRecord> row) {
        InputStream in = MarketingExample.class.getResourceAsStream("/io/crmkit/data/" + file);
        if (in == null) {
            throw new IllegalStateException("bundled data " + file + " is missing");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).forEach(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
