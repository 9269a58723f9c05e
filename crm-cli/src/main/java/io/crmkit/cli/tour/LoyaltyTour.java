package io.crmkit.cli.tour;

import io.crmkit.cli.loyalty.LoyaltyCommand;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.loyalty.Account;
import io.crmkit.loyalty.Ledger;
import io.crmkit.loyalty.LedgerEntry;
import io.crmkit.loyalty.Refusal;
import io.crmkit.loyalty.TierStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The tour's chapter on crm-loyalty: the bundled programme and events, statements, a ledger, a tier's outlook, liability. */
public final class LoyaltyTour implements TourSection {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 29);

    @Override
    public String title() {
        return "Loyalty points: earning, lots, expiry, refunds and tiers";
    }

    @Override
    public void narrate(PrintWriter out) {
        LoyaltyCommand.Loaded loaded;
        try (Reader program = ScoringTour.resource("loyalty-program.json"); Reader events = ScoringTour.resource("loyalty-events.csv")) {
            loaded = LoyaltyCommand.load(program, "loyalty-program.json", events, "loyalty-events.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Ledger ledger = loaded.ledger();
        ZoneId zone = loaded.program().zone();
        Instant asOf = AS_OF.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
        out.println("The sample programme (loyalty-program.json): 1 point per CNY, books x2, groceries x0.5, Gold x1.5 and");
        out.println("Silver x1.25 at the purchase instant, floor(amount x rate x category x tier); points expire 12 months");
        out.println("after they were earned; tiers on calendar-year qualifying points, held to the end of the next year.");
        out.printf("crm loyalty statement --as-of %s on loyalty-events.csv:%n", AS_OF);
        List<Account> accounts = ledger.accounts(asOf);
        java.io.StringWriter table = new java.io.StringWriter();
        LoyaltyCommand.write(accounts, loaded.program(), new PrintWriter(table));
        table.toString().lines().forEach(line -> out.println("  " + line));
        for (Account a : accounts) {
            for (Refusal r : a.refusals()) {
                out.println("Refused, changing nothing: " + r.reason());
            }
        }
        out.println();
        Account first = ledger.account(CustomerId.of("c-001"), asOf);
        out.println("c-001's ledger: append-only entries, each naming its source event and lot (redemptions take the lots");
        out.println("that expire first; expiry is derived as of the date, no job runs):");
        for (LedgerEntry e : first.entries()) {
            out.println(String.format("  %s  %-7s %6d  %-4s lot %-13s %s", e.at().atZone(zone).toLocalDate(), e.kind(), e.points(),
                    e.sourceEventId(), e.lot().orElse("-"), e.note()).stripTrailing());
        }
        TierStatus tier = first.tier();
        out.printf("  tier %s%n", tier.reason());
        out.printf("  %s%n", tier.outlook());
        out.println("c-004 spent 600 of 680 points, then the purchase was refunded in full: the negative-balance policy");
        out.println("takes all 680 back and leaves -600 for later earnings to fill (the debt policy would record a debt instead).");
        out.printf("Liability at 0.01 CNY a point: %s for %,d outstanding points; observed breakage %.1f%%.%n",
                ledger.liability(asOf, Money.of("0.01", "CNY")).amount().toPlainString(), ledger.outstanding(asOf),
                100 * ledger.breakageRate(asOf).orElse(0));
    }
}
