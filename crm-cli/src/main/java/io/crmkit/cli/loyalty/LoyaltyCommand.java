package io.crmkit.cli.loyalty;

import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.CsvRows;
import io.crmkit.cli.db.StoreOptions;
import io.crmkit.cli.format.InputException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.loyalty.Account;
import io.crmkit.loyalty.EntryKind;
import io.crmkit.loyalty.Ledger;
import io.crmkit.loyalty.LoyaltyEvent;
import io.crmkit.loyalty.Outcome;
import io.crmkit.loyalty.Program;
import io.crmkit.loyalty.Refusal;
import io.crmkit.loyalty.RejectedEventException;
import io.crmkit.store.CrmStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crm loyalty}: points programmes. */
@Command(name = "loyalty", mixinStandardHelpOptions = true,
        description = "Loyalty points: earning, lots, expiry, redemption, refunds and tiers.",
        subcommands = {LoyaltyCommand.StatementCommand.class, LoyaltyCommand.ImportCommand.class})
public final class LoyaltyCommand {

    /** The result of reading and applying an events file. */
    public record Loaded(Program program, Ledger ledger, Map<String, Long> lines) {
    }

    /**
     * Reads a program and an events file and applies every event to a new ledger.
     *
     * @param programIn the program JSON
     * @param programName its file name
     * @param eventsIn the events CSV
     * @param eventsName its file name
     * @return the program, the ledger and each event id's line
     * @throws IllegalArgumentException naming the file and line of the first bad input
     */
    public static Loaded load(Reader programIn, String programName, Reader eventsIn, String eventsName) {
        Program program = ProgramJson.read(programIn, programName);
        return apply(program, EventsCsv.read(eventsIn, eventsName, program), eventsName);
    }

    /**
     * Reads a program file and an events file and applies every event to a new ledger.
     *
     * @param programFile the program JSON
     * @param eventsFile the events CSV (UTF-8, a byte-order mark allowed)
     * @return the program, the ledger and each event id's line
     * @throws IllegalArgumentException one line naming the file and line of the first bad input
     */
    public static Loaded load(Path programFile, Path eventsFile) {
        Program program = ProgramJson.read(programFile);
        return apply(program, EventsCsv.read(eventsFile, program), CsvInput.name(eventsFile));
    }

    private static Loaded apply(Program program, List<EventsCsv.Row> rows, String eventsName) {
        Ledger ledger = Ledger.inMemory(program);
        return new Loaded(program, ledger, apply(ledger, rows, eventsName).lines());
    }

    /** The outcome of each row applied to a ledger, and each event id's first line. */
    private record Applied(List<Outcome> outcomes, Map<String, Long> lines) {
    }

    /**
     * Applies the rows to a ledger as one batch.
     *
     * @throws InputException naming the line of an event the ledger rejects (an id used by a
     *         different event, in the file or already in the ledger's journal)
     */
    private static Applied apply(Ledger ledger, List<EventsCsv.Row> rows, String eventsName) {
        Map<String, Long> lines = new HashMap<>();
        Map<String, LoyaltyEvent> first = new HashMap<>();
        for (EventsCsv.Row row : rows) {
            lines.putIfAbsent(row.event().id(), row.line());
            first.putIfAbsent(row.event().id(), row.event());
        }
        try {
            return new Applied(ledger.applyAll(rows.stream().map(EventsCsv.Row::event).toList()), lines);
        } catch (RejectedEventException e) {
            long line = lines.get(e.eventId());
            for (EventsCsv.Row row : rows) {
                if (row.event().id().equals(e.eventId()) && !row.event().equals(first.get(e.eventId()))) {
                    line = row.line();
                    break;
                }
            }
            throw InputException.atLine(eventsName, line, e.getMessage());
        }
    }

    /** {@code crm loyalty statement}: every member's points as of a day. */
    @Command(name = "statement", mixinStandardHelpOptions = true,
            description = {"Every member's points up to the end of a day in the program's zone.",
                "Program: JSON (see the README: crm-loyalty); events: CSV event_id,customer_id,at,type,amount,points,category,ref"
                    + " with type purchase|refund|redeem|bonus|adjust (ref: the purchase's event id for a refund,"
                    + " the reason for a bonus, 'actor: reason' for an adjust).",
                "Events come from --events, or with --db from the store's journal that crm loyalty import fills.",
                "Output: CSV customer_id,balance,qualifying_points,tier,expiring_30d,earned,redeemed,expired,reversed;"
                    + " earned counts purchase and bonus points. A refused redemption is reported on stderr with its line"
                    + " (with --db: its event id). A --customer without a single event is bad data (exit 1).",
                "A refund of a purchase the events do not hold (for the member, at or before the refund), or beyond what"
                    + " was purchased, is bad data: its line on stderr, exit 1, no statement."})
    public static final class StatementCommand implements Callable<Integer> {

        @Option(names = "--program", required = true, description = "the program as JSON")
        Path program;

        @Option(names = "--events", description = "events CSV (or --db: the stored journal)")
        Path events;

        @Mixin
        StoreOptions store;

        @Option(names = "--as-of", required = true, description = "the day, yyyy-MM-dd: figures up to its end in the program's zone")
        LocalDate asOf;

        @Option(names = "--customer", description = "only this member")
        String customer;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            boolean stored = spec.commandLine().getParseResult().hasMatchedOption("--db");
            if (stored == (events != null)) {
                throw new ParameterException(spec.commandLine(), stored ? "give --events or --db, not both"
                        : "missing the events: give --events FILE, or --db JDBC_URL for the journal crm loyalty import filled");
            }
            CustomerId id = null;
            if (customer != null) {
                try {
                    id = CustomerId.of(customer);
                } catch (IllegalArgumentException ex) {
                    throw new ParameterException(spec.commandLine(), "--customer: " + ex.getMessage());
                }
            }
            Program read;
            Map<String, Long> lines;
            List<Account> accounts;
            if (stored) {
                read = ProgramJson.read(program);
                lines = Map.of();
                try (CrmStore opened = store.open()) {
                    accounts = accounts(Ledger.on(read, opened.loyalty()), read, id, store.describe());
                }
            } else {
                Loaded loaded = load(program, events);
                read = loaded.program();
                lines = loaded.lines();
                accounts = accounts(loaded.ledger(), read, id, CsvInput.name(events));
            }
            PrintWriter err = spec.commandLine().getErr();
            List<Refusal> refusals = new ArrayList<>();
            accounts.forEach(a -> refusals.addAll(a.refusals()));
            String qualified = spec.commandLine().getCommandSpec().qualifiedName();
            if (stored) {
                for (Refusal r : refusals) {
                    err.println(qualified + ": " + store.describe() + ": event " + r.eventId() + ": " + r.reason());
                }
            } else {
                refusals.sort(Comparator.comparing(r -> lines.get(r.eventId())));
                for (Refusal r : refusals) {
                    err.println(qualified + ": " + CsvInput.name(events) + ":" + lines.get(r.eventId()) + ": " + r.reason());
                }
            }
            write(accounts, read, spec.commandLine().getOut());
            return 0;
        }

        /**
         * The accounts as of the end of the day; with --customer only that member's, and a member
         * without a single event in the source is bad data (a mistyped id), not an all-zero statement.
         */
        private List<Account> accounts(Ledger ledger, Program read, CustomerId id, String source) {
            Instant end = asOf.plusDays(1).atStartOfDay(read.zone()).toInstant().minusNanos(1);
            if (id != null && !ledger.customers().contains(id)) {
                throw new InputException("--customer '" + id.masked() + "': no events for this customer in " + source);
            }
            return id != null ? List.of(ledger.account(id, end)) : ledger.accounts(end);
        }
    }

    /** {@code crm loyalty import}: stores an events file in the store's loyalty journal, idempotently. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Appends the events of a CSV file to the store's loyalty journal, each event id once: importing"
                    + " a file again, or a file that repeats stored events, appends only the new ones.",
                "Events as for crm loyalty statement; the program checks them (currency, amounts) exactly as the statement"
                    + " does. An id already stored with other fields, or a refund of a purchase neither the journal nor the"
                    + " file holds (for the member, at or before the refund) or beyond what was purchased, is bad data (its"
                    + " line, exit 1) and nothing is appended: the journal is append-only.",
                "Output: one line, events appended: N, duplicates: M (already stored, or repeated in the file), store: URL. A redemption refused at its instant is"
                    + " stored (it stays refused whatever arrives later) and reported on stderr with its line."})
    public static final class ImportCommand implements Callable<Integer> {

        @Option(names = "--program", required = true, description = "the program as JSON")
        Path program;

        @Option(names = "--events", required = true, description = "events CSV")
        Path events;

        @Mixin
        StoreOptions store;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Program read = ProgramJson.read(program);
            List<EventsCsv.Row> rows = EventsCsv.read(events, read);
            Applied applied;
            try (CrmStore opened = store.open()) {
                applied = apply(Ledger.on(read, opened.loyalty()), rows, CsvInput.name(events));
            }
            long appended = 0;
            long duplicates = 0;
            String qualified = spec.commandLine().getCommandSpec().qualifiedName();
            PrintWriter err = spec.commandLine().getErr();
            for (int i = 0; i < rows.size(); i++) {
                Outcome o = applied.outcomes().get(i);
                if (o.status() == Outcome.Status.DUPLICATE) {
                    duplicates++;
                } else {
                    appended++;
                }
                if (o.status() == Outcome.Status.REFUSED) {
                    err.println(qualified + ": " + CsvInput.name(events) + ":" + rows.get(i).line() + ": "
                            + o.reason().orElse("refused"));
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("events appended: " + appended + ", duplicates: " + duplicates + ", store: " + store.describe());
            out.flush();
            return 0;
        }
    }

    /**
     * Writes the statement CSV.
     *
     * @param accounts the accounts, all as of the same instant
     * @param program the program
     * @param out where to write
     */
    public static void write(List<Account> accounts, Program program, PrintWriter out) {
        CsvRows csv = CsvRows.to(out);
        csv.row("customer_id", "balance", "qualifying_points", "tier", "expiring_30d", "earned", "redeemed", "expired",
                "reversed");
        for (Account a : accounts) {
            Instant horizon = a.asOf().atZone(program.zone()).plusDays(30).toInstant();
            csv.text(a.customer().value()).integer(a.balance()).integer(a.tier().qualifyingPoints()).text(a.tier().tier())
                    .integer(a.expiringBy(horizon)).integer(a.total(EntryKind.EARN) + a.total(EntryKind.BONUS))
                    .integer(-a.total(EntryKind.REDEEM)).integer(-a.total(EntryKind.EXPIRE))
                    .integer(-a.total(EntryKind.REVERSE)).endRow();
        }
        csv.flush();
    }
}
