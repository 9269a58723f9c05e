package io.crmkit.marketing;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Plans and customers shared by the tests. */
final class Fixtures {

    static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant CONTACT = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant END = Instant.parse("2026-12-08T00:00:00Z");

    private Fixtures() {
    }

    static CampaignPlan.Builder plan(AudienceRule audience, double controlShare) {
        return CampaignPlan.builder("winter-26", Channel.EMAIL)
                .objective("bring lapsing buyers back").offer("10% off the next order")
                .budget(Money.of("100000", "CNY")).costPerContact(Money.of("0.50", "CNY"))
                .schedule(Schedule.of(START, END)).audience(audience).controlShare(controlShare);
    }

    static List<CustomerProfile> customers(int n, String... segments) {
        List<CustomerProfile> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CustomerProfile.Builder b = CustomerProfile.builder(CustomerId.of(String.format("c-%05d", i)));
            if (segments.length > 0) {
                b.rfmSegment(segments[i % segments.length]);
            }
            out.add(b.build());
        }
        return out;
    }

    /** Everyone consented to e-mail a year before the contact. */
    static ConsentLedger consentedToEmail(List<CustomerProfile> customers) {
        return ConsentLedger.of(customers.stream()
                .map(p -> ConsentEvent.granted(p.customer(), Channel.EMAIL, Instant.parse("2025-12-01T00:00:00Z"))).toList());
    }

    static Suppression nothingSuppressed(List<CustomerProfile> customers) {
        return Suppression.of(consentedToEmail(customers), ContactHistory.empty(), List.of());
    }
}
