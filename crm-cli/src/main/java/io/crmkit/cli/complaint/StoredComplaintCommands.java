package io.crmkit.cli.complaint;

import io.crmkit.cli.db.StoreOptions;
import io.crmkit.cli.format.ComplaintScript;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintCategory;
import io.crmkit.lifecycle.complaint.ComplaintCommand;
import io.crmkit.lifecycle.complaint.ComplaintEvent;
import io.crmkit.lifecycle.complaint.ComplaintState;
import io.crmkit.lifecycle.complaint.ComplaintWorkflow;
import io.crmkit.lifecycle.complaint.InstantOutOfRangeException;
import io.crmkit.lifecycle.sla.BusinessCalendar;
import io.crmkit.store.AppendResult;
import io.crmkit.store.ComplaintStore;
import io.crmkit.store.ComplaintSummary;
import io.crmkit.store.CrmStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code crm complaint} commands that keep complaints in the store ({@code --db}): open,
 * apply, show, history, list, due and import. Commands are lines of the replay script format.
 */
final class StoredComplaintCommands {

    private StoredComplaintCommands() {
    }

    /** The idempotency key of a command given on the command line: the same line for the same complaint is one command. */
    static String keyOf(String id, String line) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((id + "\n" + line.strip())
                    .getBytes(StandardCharsets.UTF_8));
            return "cli-" + HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    static Instant instant(String option, String value) {
        Instant t;
        try {
            t = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new io.crmkit.cli.OptionException(option, value,
                    "not an ISO-8601 date-time with offset, e.g. 2026-03-02T09:00:00+08:00");
        }
        if (t.isBefore(BusinessCalendar.MIN_INSTANT) || t.isAfter(BusinessCalendar.MAX_INSTANT)) {
            throw new io.crmkit.cli.OptionException(option, value, "an instant must lie in the years 1 to 9999 (UTC)");
        }
        return t;
    }

    /** Applies a command through the store, wording a refused instant as the line wrote it. */
    static Complaint apply(ComplaintStore complaints, String id, ComplaintCommand command, String line, String key) {
        try {
            return complaints.apply(id, command, key);
        } catch (InstantOutOfRangeException e) {
            throw new IllegalArgumentException("--command: " + ComplaintScript.refusal(line, e), e);
        }
    }

    static void print(CommandSpec spec, Complaint c, Instant asOf) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(ComplaintScript.pretty(ComplaintScript.toJson(c, asOf)));
        out.flush();
    }

    /** {@code crm complaint open --command JSON}. */
    @Command(name = "open", mixinStandardHelpOptions = true,
            description = {"Receives a complaint into the store: --command is one receive line of the replay "
                    + "script format (see crm complaint replay --help). Prints the stored complaint as JSON.",
                    "Running the same line again is a no-op (the line is its own idempotency key unless --key is "
                            + "given)."})
    static final class Open implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--command", required = true, paramLabel = "JSON", description = "a receive line")
        String line;

        @Option(names = "--key", paramLabel = "KEY", description = "the command's idempotency key")
        String key;

        @Override
        public void run() {
            ComplaintCommand command = parse(line, null);
            String id = command.intake().orElseThrow().id();
            Complaint c;
            try (CrmStore opened = store.open()) {
                c = apply(opened.complaints(), id, command, line, key == null ? keyOf(id, line) : key);
            }
            print(spec, c, c.lastEvent().at());
        }
    }

    static ComplaintCommand parse(String line, io.crmkit.lifecycle.complaint.ComplaintIntake intake) {
        try {
            return ComplaintScript.command(line, intake);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--command: " + e.getMessage(), e);
        }
    }

    /** {@code crm complaint apply --id ID --command JSON}. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Applies one command (a line of the replay script format) to a stored complaint and "
                    + "stores its event. Prints the complaint as JSON.",
                    "If another writer changed the complaint in between, nothing is stored and the exit status is "
                            + "1; a line already applied is a no-op."})
    static final class Apply implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "the complaint")
        String id;

        @Option(names = "--command", required = true, paramLabel = "JSON", description = "the command line")
        String line;

        @Option(names = "--key", paramLabel = "KEY", description = "the command's idempotency key")
        String key;

        @Override
        public void run() {
            Complaint c;
            try (CrmStore opened = store.open()) {
                ComplaintStore complaints = opened.complaints();
                Complaint current = complaints.load(id).orElseThrow(() -> new IllegalArgumentException(
                        "--id " + id + ": no such complaint in " + store.describe()));
                ComplaintCommand command = parse(line, current.intake());
                c = apply(complaints, id, command, line, key == null ? keyOf(id, line) : key);
            }
            print(spec, c, c.lastEvent().at());
        }
    }

    /** {@code crm complaint show --id ID [--as-of INSTANT]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints a stored complaint as JSON: now, or as it was at --as-of.")
    static final class Show implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "the complaint")
        String id;

        @Option(names = "--as-of", paramLabel = "INSTANT",
                description = "show the complaint as it was at this ISO-8601 instant (default: its last event)")
        String asOf;

        @Override
        public void run() {
            Instant t = asOf == null ? null : instant("--as-of", asOf); // a bad option before the store opens
            try (CrmStore opened = store.open()) {
                ComplaintStore complaints = opened.complaints();
                if (t == null) {
                    Complaint c = complaints.load(id).orElseThrow(() -> new IllegalArgumentException(
                            "--id " + id + ": no such complaint in " + store.describe()));
                    print(spec, c, c.lastEvent().at());
                } else {
                    Complaint c = complaints.load(id, t).orElseThrow(() -> new IllegalArgumentException(
                            "--id " + id + ": no such complaint in " + store.describe() + " at " + t));
                    print(spec, c, t);
                }
            }
        }
    }

    /** {@code crm complaint history --id ID}. */
    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Prints a stored complaint's events as CSV: seq, at, command, from, to, actor, role and "
                    + "the event's hash.")
    static final class History implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "the complaint")
        String id;

        @Override
        public void run() {
            Complaint c;
            try (CrmStore opened = store.open()) {
                c = opened.complaints().load(id).orElseThrow(() -> new IllegalArgumentException(
                        "--id " + id + ": no such complaint in " + store.describe()));
            }
            PrintWriter out = spec.commandLine().getOut();
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                    .setHeader("seq", "at", "command", "from", "to", "actor", "role", "hash").build())) {
                int seq = 0;
                for (ComplaintEvent e : c.history()) {
                    csv.printRecord(++seq, e.at(), e.trigger().commandName(), e.from(), e.to(), e.actor().id(),
                            e.actor().role().label(), e.hash());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void printSummaries(CommandSpec spec, List<ComplaintSummary> summaries) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                    .setHeader("id", "customer", "category", "severity", "state", "owner", "version", "received_at")
                    .build());
            for (ComplaintSummary s : summaries) {
                csv.printRecord(s.id(), s.customer().value(), s.category().name().toLowerCase(java.util.Locale.ROOT),
                        s.severity().name().toLowerCase(java.util.Locale.ROOT),
                        s.state().name().toLowerCase(java.util.Locale.ROOT), s.owner(), s.version(), s.receivedAt());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code crm complaint list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists stored complaints as CSV: the open ones (not closed or withdrawn), narrowed by "
                    + "--state, --category and --owner; or all complaints of one --customer.")
    static final class ListCommand implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--state", paramLabel = "STATE", description = "only this open state, e.g. investigating")
        ComplaintState state;

        @Option(names = "--category", paramLabel = "CATEGORY", description = "only this category, e.g. fault_in_use")
        ComplaintCategory category;

        @Option(names = "--owner", paramLabel = "OWNER", description = "only complaints this person owns")
        String owner;

        @Option(names = "--customer", paramLabel = "ID",
                description = "every complaint of this customer, open or not (other filters do not apply)")
        String customer;

        @Override
        public void run() {
            try (CrmStore opened = store.open()) {
                ComplaintStore complaints = opened.complaints();
                printSummaries(spec, customer != null ? complaints.ofCustomer(CustomerId.of(customer))
                        : complaints.open(state, category, owner));
            }
        }
    }

    /** {@code crm complaint due --within DURATION}. */
    @Command(name = "due", mixinStandardHelpOptions = true,
            description = "Lists open stored complaints with an SLA clock that has breached or breaches within "
                    + "--within (an ISO-8601 duration such as PT4H or P2D), soonest first, as CSV.")
    static final class Due implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--within", required = true, paramLabel = "DURATION", description = "e.g. PT4H, P1D")
        String within;

        @Option(names = "--as-of", paramLabel = "INSTANT", description = "evaluate at this instant (default: now)")
        String asOf;

        @Override
        public void run() {
            Duration window;
            try {
                window = Duration.parse(within);
            } catch (DateTimeParseException e) {
                throw new io.crmkit.cli.OptionException("--within", within,
                        "not an ISO-8601 duration, e.g. PT4H or P2D");
            }
            Instant t = asOf == null ? Clock.systemUTC().instant() : instant("--as-of", asOf);
            List<String> ids;
            List<ComplaintSummary> all;
            try (CrmStore opened = store.open()) {
                ids = opened.complaints().breachingWithin(window, t).stream().map(Complaint::id).toList();
                all = opened.complaints().open(null, null, null);
            }
            printSummaries(spec, ids.stream().map(id -> all.stream().filter(s -> s.id().equals(id)).findFirst())
                    .flatMap(java.util.Optional::stream).toList());
        }
    }

    /** {@code crm complaint import --input script.jsonl}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Replays a complaint script (the crm complaint replay format) and stores the complaint "
                    + "with its whole history in one transaction. Importing the same script again is a no-op.",
                    "A refused or malformed line stores nothing: one line on stderr names the file, the line and "
                            + "the reason, and the exit status is 1."})
    static final class Import implements Runnable {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "the script, JSON lines")
        Path input;

        @Override
        public void run() {
            List<String> lines;
            try {
                lines = Files.readAllLines(input, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(input + ": cannot read: " + e.getMessage(), e);
            }
            String source = input.getFileName() == null ? input.toString() : input.getFileName().toString();
            ComplaintScript.Outcome outcome = ComplaintScript.run(source, lines, ComplaintWorkflow.standard());
            outcome.failure().ifPresent(f -> {
                throw new IllegalArgumentException(f.replaceFirst(" line (\\d+): ", ":$1: "));
            });
            Complaint c = outcome.complaint().orElseThrow();
            AppendResult r;
            try (CrmStore opened = store.open()) {
                r = opened.complaints().append(c, 0, "import-" + c.id() + "-" + c.headHash());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println((r.duplicate() ? "already imported " : "imported ") + c.id() + ": " + r.version()
                    + " events, state " + c.state().name().toLowerCase(java.util.Locale.ROOT) + ", head "
                    + r.headHash());
            out.flush();
        }
    }
}
