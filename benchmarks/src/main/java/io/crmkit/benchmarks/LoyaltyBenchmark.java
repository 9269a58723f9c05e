package io.crmkit.benchmarks;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.loyalty.Campaign;
import io.crmkit.loyalty.ExpiryPolicy;
import io.crmkit.loyalty.Ledger;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.loyalty.Program;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * crm-loyalty: earning on 10 purchases per member (a batch loaded into a fresh in-memory ledger:
 * tier at each purchase instant, category and tier multipliers, a capped campaign, rolling expiry),
 * and every member's account as of a date (the statement's figures, tier and expiring points).
 * Members, instants (two years, random order), amounts and categories come from a fixed seed. The
 * issue's size is 1,000,000 members (10,000,000 purchases): {@code -p members=1000000}; the default
 * is a tenth of it, to keep a run on a shared machine short.
 *
 * <p>Memory at the full size: the purchases share one {@code Money} per distinct amount and one
 * category value per category (the events differ only in id, member and instant), so the input
 * takes about 1.5 GB and the loaded ledger (the journal: a map by id and a list per member) about
 * 0.7 GB; an earning run builds a second ledger beside it, and the statements hold every
 * member's account at once (about 1 KB each). All of it fits the 6 GB heap of the fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class LoyaltyBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Number of members; each makes 10 purchases. */
    @Param({"100000"})
    public int members;

    private Program program;
    private List<LoyaltyEvent> purchases;
    private Ledger loaded;
    private final Instant asOf = LocalDate.of(2026, 1, 1).atStartOfDay(SHANGHAI).toInstant();

    /** Generates the purchases and a loaded ledger once per trial. */
    @Setup
    public void generate() {
        program = Program.builder(Currency.getInstance("CNY"), SHANGHAI)
                .categoryMultiplier("books", new BigDecimal("2")).categoryMultiplier("groceries", new BigDecimal("0.5"))
                .campaign(Campaign.of("double11", LocalDate.of(2025, 11, 11).atStartOfDay(SHANGHAI).toInstant(),
                        LocalDate.of(2025, 11, 12).atStartOfDay(SHANGHAI).toInstant(), BigDecimal.ONE, 500))
                .tier("Gold", 5_000, new BigDecimal("1.5")).tier("Silver", 2_000, new BigDecimal("1.25")).baseTier("Member")
                .expiry(ExpiryPolicy.rolling(12)).build();
        SplittableRandom random = new SplittableRandom(13);
        Instant start = LocalDate.of(2024, 1, 1).atStartOfDay(SHANGHAI).toInstant();
        String[] categories = {null, "books", "groceries", "electronics"};
        CustomerId[] ids = new CustomerId[members];
        for (int m = 0; m < members; m++) {
            ids[m] = CustomerId.of("m" + m);
        }
        List<Optional<String>> category = new ArrayList<>();
        for (String c : categories) {
            category.add(Optional.ofNullable(c));
        }
        Money[] amounts = new Money[200_000];
        purchases = new ArrayList<>(members * 10);
        for (int i = 0; i < members * 10; i++) {
            Instant at = start.plusSeconds(random.nextLong(2L * 365 * 24 * 3600));
            int cents = random.nextInt(200_000);
            if (amounts[cents] == null) {
                amounts[cents] = Money.of(BigDecimal.valueOf(100 + cents, 2), program.currency());
            }
            purchases.add(new LoyaltyEvent.Purchased("p" + i, Purchase.of(ids[random.nextInt(members)], at, amounts[cents]),
                    category.get(random.nextInt(categories.length))));
        }
        loaded = earn();
    }

    /** @return a ledger holding every purchase, earned */
    @Benchmark
    public Ledger earn() {
        Ledger ledger = Ledger.inMemory(program);
        ledger.applyAll(purchases);
        return ledger;
    }

    /** @return every member's account as of 2026-01-01 */
    @Benchmark
    public Object statements() {
        return loaded.accounts(asOf);
    }
}
