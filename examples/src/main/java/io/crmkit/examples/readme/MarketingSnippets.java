package io.crmkit.examples.readme;

import io.crmkit.core.money.Money;
import io.crmkit.marketing.AudienceRule;
import io.crmkit.marketing.CampaignPlan;
import io.crmkit.marketing.CampaignResponse;
import io.crmkit.marketing.CampaignResults;
import io.crmkit.marketing.CampaignSelection;
import io.crmkit.marketing.Channel;
import io.crmkit.marketing.ConsentLedger;
import io.crmkit.marketing.ContactCap;
import io.crmkit.marketing.ContactHistory;
import io.crmkit.marketing.CustomerProfile;
import io.crmkit.marketing.Group;
import io.crmkit.marketing.SampleSize;
import io.crmkit.marketing.Schedule;
import io.crmkit.marketing.Suppression;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The README snippets of crm-marketing, compiled so that they cannot drift from the API. */
@SuppressWarnings({"unused", "ResultOfMethodCallIgnored"})
final class MarketingSnippets {

    private MarketingSnippets() {
    }

    /** The README's {@code campaign} snippet. */
    static void campaign(List<CustomerProfile> profiles, ConsentLedger consents, ContactHistory contacts,
                         Set<io.crmkit.core.customer.CustomerId> openComplaints, List<CampaignResponse> responses) {
        // tag::campaign[]
        Instant contactAt = Instant.parse("2026-12-01T00:00:00Z");
        CampaignPlan plan = CampaignPlan.builder("winter-26", Channel.EMAIL)
                .objective("bring lapsing buyers back").offer("free first-service check")
                .budget(Money.of("2000.00", "CNY")).costPerContact(Money.of("0.80", "CNY"))
                .schedule(Schedule.of(contactAt, Instant.parse("2026-12-15T00:00:00Z")))
                .audience(AudienceRule.anyOf(
                        AudienceRule.rfmSegmentIn("At risk", "Can't lose them"),
                        AudienceRule.allOf(AudienceRule.pAliveBelow(0.5), AudienceRule.clvAtLeast(300))))
                .contactCap(ContactCap.ONE_A_DAY)       // the dealer manual's one promotion a day
                .controlShare(0.2)
                .build();

        // audience rule, then consent on the channel at the contact instant, open complaints, the cap;
        // then a control group drawn from a keyed hash of (seed, customer id): same seed, same groups
        CampaignSelection selection = CampaignSelection.select(plan, profiles,
                Suppression.of(consents, contacts, openComplaints), contactAt, 7L);
        selection.count(Group.CONTROL);                // 168 on the bundled data
        selection.assignments().get(0).reason();       // no marketing consent on email at 2026-12-01T00:00:00Z

        CampaignResults results = CampaignResults.measure(plan, selection, responses, 1L);
        results.responseUplift();                      // 0.0707 (95% CI 0.0231 to 0.1057), Newcombe's method 10
        results.roi();                                 // (incremental revenue - cost) / cost

        SampleSize.forResponseUplift(0.08, 0.04, 0.05, 0.80, 0.5);   // 882 treated and 882 held out
        // end::campaign[]
    }
}
