package io.crmkit.examples;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.loyalty.Account;
import io.crmkit.loyalty.Campaign;
import io.crmkit.loyalty.ExpiryPolicy;
import io.crmkit.loyalty.Ledger;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.loyalty.Outcome;
import io.crmkit.loyalty.Program;
import io.crmkit.loyalty.Statement;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** crm-loyalty from the IDE: the bundled programme and events, a statement, a tier's outlook. */
public final class LoyaltyExample {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private LoyaltyExample() {
    }

    /** @return the programme of data/loyalty-program.json, built in code */
    static Program program() {
        return Program.builder(Currency.getInstance("CNY"), SHANGHAI)
                .pointsPerUnit(BigDecimal.ONE)
                .categoryMultiplier("books", new BigDecimal("2"))
                .categoryMultiplier("groceries", new BigDecimal("0.5"))
                .campaign(Campaign.of("double11", day("2026-11-11"), day("2026-11-12"), BigDecimal.ONE, 500))
                .expiry(ExpiryPolicy.rolling(12))
                .tier("Gold", 5_000, new BigDecimal("1.5"))
                .tier("Silver", 2_000, new BigDecimal("1.25"))
                .baseTier("Member")
                .build();
    }

    private static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(SHANGHAI).toInstant();
    }

    private static Instant at(String text) {
        return text.length() == 10 ? day(text) : LocalDateTime.parse(text).atZone(SHANGHAI).toInstant();
    }

    /** Reads data/loyalty-events.csv from the classpath (the crm command line's reader checks every cell; this one trusts the sample). */
    static LoyaltyEvent event(CSVRecord row) {
        String id = row.get("event_id");
        CustomerId who = CustomerId.of(row.get("customer_id"));
        Instant at = at(row.get("at"));
        return switch (row.get("type")) {
            case "purchase" -> LoyaltyEvent.purchase(id, Purchase.of(who, at, Money.of(row.get("amount"), "CNY")),
                    row.get("category").isEmpty() ? null : row.get("category"));
            case "refund" -> new LoyaltyEvent.Refunded(id, who, at, row.get("ref"), Money.of(row.get("amount"), "CNY"));
            case "redeem" -> new LoyaltyEvent.Redeemed(id, who, at, Long.parseLong(row.get("points")));
            case "bonus" -> new LoyaltyEvent.Awarded(id, who, at, Long.parseLong(row.get("points")), row.get("ref"));
            default -> new LoyaltyEvent.Adjusted(id, who, at, Long.parseLong(row.get("points")),
                    row.get("ref").split(":")[0].strip(), row.get("ref").split(":")[1].strip());
        };
    }

    /**
     * Applies the sample events and prints c-001's statement for 2026, its tier and what it needs.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Ledger ledger = Ledger.inMemory(program());
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                LoyaltyExample.class.getResourceAsStream("/io/crmkit/data/loyalty-events.csv")), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                Outcome outcome = ledger.apply(event(row));
                outcome.reason().ifPresent(reason -> System.out.println("refused: " + reason));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CustomerId ann = CustomerId.of("c-001");
        Instant yearStart = day("2026-01-01").minusNanos(1);
        Instant asOf = day("2026-11-30").minusNanos(1);
        Statement s = ledger.statement(ann, yearStart, asOf);
        System.out.printf("c-001 in 2026: opening %d, earned %d, bonus %d, redeemed %d, expired %d, reversed %d, closing %d%n",
                s.opening(), s.earned(), s.bonus(), s.redeemed(), s.expired(), s.reversed(), s.closing());
        Account account = ledger.account(ann, asOf);
        System.out.println("tier " + account.tier().tier() + ": " + account.tier().outlook());
        System.out.println("expiring in 30 days: " + ledger.expiring(ann, asOf, 30));
        System.out.println("liability at 0.01 CNY a point: " + ledger.liability(asOf, Money.of("0.01", "CNY")));
    }
}
