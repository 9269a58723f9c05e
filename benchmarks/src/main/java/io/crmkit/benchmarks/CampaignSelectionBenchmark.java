package io.crmkit.benchmarks;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.marketing.AudienceRule;
import io.crmkit.marketing.CampaignPlan;
import io.crmkit.marketing.CampaignSelection;
import io.crmkit.marketing.Channel;
import io.crmkit.marketing.ConsentEvent;
import io.crmkit.marketing.ConsentLedger;
import io.crmkit.marketing.ContactHistory;
import io.crmkit.marketing.CustomerProfile;
import io.crmkit.marketing.MarketingContact;
import io.crmkit.marketing.Schedule;
import io.crmkit.marketing.Suppression;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Area 8: a campaign selection over 1,000,000 customers: audience rule (segment or P(alive) and
 * CLV), consent replayed from 1,050,000 events, 100,000 earlier contacts against a one-a-day cap,
 * 10,000 open complaints, a 20 % control group from keyed hashes, the result sorted by id.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class CampaignSelectionBenchmark {

    private static final Instant CONTACT = Instant.parse("2026-12-01T00:00:00Z");
    private static final String[] SEGMENTS = {"Champions", "Loyal", "At risk", "Can't lose them", "Hibernating", "Lost"};

    private CampaignPlan plan;
    private List<CustomerProfile> profiles;
    private Suppression suppression;

    /** Builds the customers, consents and contacts once, from a fixed seed. */
    @Setup
    public void build() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 1_000_000;
        profiles = new ArrayList<>(n);
        List<ConsentEvent> consents = new ArrayList<>(n + n / 20);
        List<MarketingContact> contacts = new ArrayList<>(n / 10);
        Set<CustomerId> complaints = new HashSet<>();
        for (int i = 0; i < n; i++) {
            CustomerId id = CustomerId.of("c-" + i);
            profiles.add(CustomerProfile.builder(id).rfmSegment(SEGMENTS[random.nextInt(SEGMENTS.length)])
                    .pAlive(random.nextDouble()).clv(random.nextDouble() * 1000).build());
            consents.add(ConsentEvent.granted(id, Channel.EMAIL, CONTACT.minusSeconds(random.nextInt(1, 60_000_000))));
            if (i % 20 == 0) {
                consents.add(ConsentEvent.withdrawn(id, Channel.EMAIL, CONTACT.minusSeconds(random.nextInt(0, 86_400))));
            }
            if (i % 10 == 0) {
                contacts.add(MarketingContact.of(id, "other", Channel.SMS, CONTACT.minusSeconds(random.nextInt(0, 3 * 86_400))));
            }
            if (i % 100 == 0) {
                complaints.add(id);
            }
        }
        suppression = Suppression.of(ConsentLedger.of(consents), ContactHistory.of(contacts), complaints);
        plan = CampaignPlan.builder("bench", Channel.EMAIL)
                .budget(Money.of("1000000", "CNY")).costPerContact(Money.of("0.10", "CNY"))
                .schedule(Schedule.of(CONTACT, CONTACT.plusSeconds(86_400)))
                .audience(AudienceRule.anyOf(AudienceRule.rfmSegmentIn("At risk", "Can't lose them"),
                        AudienceRule.allOf(AudienceRule.pAliveBelow(0.5), AudienceRule.clvAtLeast(300))))
                .controlShare(0.2).build();
    }

    /** @return the selection */
    @Benchmark
    public CampaignSelection select() {
        return CampaignSelection.select(plan, profiles, suppression, CONTACT, 42L);
    }
}
