package io.crmkit.cli.tour;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.lifecycle.care.CareEvent;
import io.crmkit.lifecycle.care.CareMoment;
import io.crmkit.lifecycle.care.CareSchedule;
import io.crmkit.lifecycle.care.CareTask;
import io.crmkit.lifecycle.care.QuotaReport;
import io.crmkit.lifecycle.stage.ChurnPolicy;
import io.crmkit.lifecycle.stage.Departure;
import io.crmkit.lifecycle.stage.LifecycleClassifier;
import io.crmkit.lifecycle.stage.LostCustomerAnalysis;
import io.crmkit.lifecycle.stage.PhaseAssessment;
import io.crmkit.lifecycle.stage.PurchaseHistory;
import io.crmkit.lifecycle.stage.StageAssessment;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Tour chapter: life-cycle stages and phases, churn policies side by side, lost customers, care. */
public final class LifecycleTour implements TourSection {

    private static final String PURCHASES = "/io/crmkit/data/lifecycle-purchases.csv";
    private static final String CUSTOMERS = "/io/crmkit/data/lifecycle-customers.csv";
    private static final Instant AS_OF = Instant.parse("2026-06-30T00:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Override
    public String title() {
        return "Customer life cycle, churn and care (crm-lifecycle)";
    }

    private static List<CSVRecord> csv(String resource) {
        try (InputStream in = LifecycleTour.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled data " + resource + " is missing");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void narrate(PrintWriter out) {
        List<Purchase> purchases = new ArrayList<>();
        for (CSVRecord r : csv(PURCHASES)) {
            purchases.add(Purchase.of(CustomerId.of(r.get("customer_id")),
                    LocalDate.parse(r.get("date")).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    Money.of(r.get("amount"), "CNY")));
        }
        Map<CustomerId, CSVRecord> customers = new LinkedHashMap<>();
        for (CSVRecord r : csv(CUSTOMERS)) {
            customers.put(CustomerId.of(r.get("customer_id")), r);
        }
        LifecycleClassifier classifier = LifecycleClassifier.standard();
        out.printf("%d purchases of %d customers (lifecycle-purchases.csv), classified as of %s.%n",
                purchases.size(), customers.size(), AS_OF.atZone(ZoneOffset.UTC).toLocalDate());
        out.println("Stage (lapsed after 3 x the customer's own median gap, at risk after 1.5 x) and the");
        out.println("product-style phase from the trend of spend over six 60-day periods:");
        Map<CustomerId, PurchaseHistory> histories = new LinkedHashMap<>();
        for (CustomerId id : customers.keySet()) {
            PurchaseHistory h = PurchaseHistory.of(id, purchases, AS_OF);
            histories.put(id, h);
            StageAssessment s = classifier.stage(h);
            String phase = classifier.phase(h, Duration.ofDays(60), 6).map(PhaseAssessment::phase)
                    .map(Enum::name).orElse("-");
            out.printf("  %-5s %-10s %-12s %s%n", id, s.stage(), phase, s.reason());
        }
        out.println();
        out.println("Churn policies side by side: a weekly buyer silent for two weeks, a yearly buyer silent");
        out.println("for a year. P(alive) here is a simple stand-in, exp(-silence / mean gap); plug in");
        out.println("crm-scoring's BG/NBD the same way, as a function.");
        List<ChurnPolicy> policies = List.of(ChurnPolicy.fixedWindow(Duration.ofDays(180)),
                ChurnPolicy.relativeRhythm(3.0, Duration.ofDays(365)),
                ChurnPolicy.probabilityAlive("exponential stand-in", LifecycleTour::exponentialAlive, 0.3));
        for (String id : List.of("c-04", "c-07")) {
            for (ChurnPolicy p : policies) {
                var d = p.assess(histories.get(CustomerId.of(id)));
                out.printf("  %-5s %-36s %-7s %s%n", id, p.name(), d.churned() ? "lost" : "active", d.reason());
            }
        }
        out.println();
        List<Departure> departures = new ArrayList<>();
        for (Map.Entry<CustomerId, PurchaseHistory> e : histories.entrySet()) {
            CSVRecord c = customers.get(e.getKey());
            String cause = c.get("exit_cause").isBlank() ? "unknown" : c.get("exit_cause");
            Departure.detect(e.getValue(), classifier.churnPolicy(), cause, c.get("class")).ifPresent(departures::add);
        }
        LostCustomerAnalysis lost = LostCustomerAnalysis.of(departures, SHANGHAI);
        out.printf("Lost customers by cause %s, by class %s, by month %s.%n", lost.byCause(), lost.byClass(),
                lost.byMonth());
        out.printf("Fix the cause, not the single customer: '%s' explains %.0f %% of the losses.%n",
                lost.topCause().orElse("none"), 100 * lost.shareOf(lost.topCause().orElse("")));
        out.println();
        CareSchedule care = CareSchedule.dealerManual(SHANGHAI);
        Instant delivered = Instant.parse("2026-06-26T06:00:00Z");
        Instant visitLeft = Instant.parse("2026-06-28T08:30:00Z");
        List<CareTask> tasks = care.tasks(List.of(
                CareEvent.of(CustomerId.of("c-02"), CareMoment.DELIVERED, delivered, "wang.wei"),
                CareEvent.of(CustomerId.of("c-08"), CareMoment.PROSPECT_VISIT, visitLeft, "li.na"),
                CareEvent.of(CustomerId.of("c-08"), CareMoment.PROSPECT_LEFT, visitLeft, "customer-relations"),
                CareEvent.of(CustomerId.of("c-03"), CareMoment.DELIVERY_BOOKED,
                        Instant.parse("2026-07-03T02:00:00Z"), "wang.wei")));
        DateTimeFormatter when = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(SHANGHAI);
        out.println("The dealer manual's care schedule turns events into dated tasks (Shanghai time):");
        for (CareTask t : tasks) {
            out.printf("  due %s  %-5s %-20s %s%n", when.format(t.due()), t.customer().value(), t.assignee(), t.action());
        }
        List<CareTask> done = new ArrayList<>(tasks);
        done.replaceAll(t -> t.action().startsWith("thank the customer") ? t.doneAt(delivered.plus(Duration.ofHours(20)))
                : t);
        out.printf("As of %s, with the thank-you done, overdue: %s%n", when.format(AS_OF),
                care.overdue(done, AS_OF).stream().map(t -> t.customer().value() + " " + t.action()).toList());
        List<Interaction> calls = new ArrayList<>();
        for (String c : List.of("c-02", "c-03", "c-08")) {
            calls.add(Interaction.of(CustomerId.of(c), InteractionKind.CALL, Direction.OUTBOUND,
                    Instant.parse("2026-06-29T02:00:00Z"), "wang.wei", ""));
        }
        calls.add(Interaction.of(CustomerId.of("c-04"), InteractionKind.VISIT, Direction.OUTBOUND,
                Instant.parse("2026-06-29T03:00:00Z"), "li.na", ""));
        QuotaReport quota = care.followUpQuota(calls, LocalDate.of(2026, 6, 29), List.of("wang.wei", "li.na"));
        out.printf("Quota of %d follow-ups a day on %s: done %s, short %s%n", quota.minimum(), quota.day(),
                quota.followUps(), quota.shortfalls());
        out.println("From the shell: crm lifecycle stage|churn --input data/lifecycle-purchases.csv --as-of 2026-06-30,");
        out.println("crm care schedule --events data/care-events.csv --zone Asia/Shanghai --as-of 2026-03-04T12:00, crm care quota.");
    }

    /** exp(-silence / mean gap): the chance an active customer with this rhythm stays silent this long. */
    private static double exponentialAlive(PurchaseHistory h) {
        List<Duration> gaps = h.gaps();
        if (gaps.isEmpty()) {
            return 1.0;
        }
        double meanGap = gaps.stream().mapToLong(Duration::getSeconds).average().orElseThrow();
        if (meanGap <= 0) {
            return 1.0;
        }
        return Math.exp(-h.sinceLast().orElseThrow().getSeconds() / meanGap);
    }
}
