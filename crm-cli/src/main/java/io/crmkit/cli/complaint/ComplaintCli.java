package io.crmkit.cli.complaint;

import io.crmkit.cli.format.ComplaintScript;
import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.Values;

import io.crmkit.lifecycle.complaint.Complaint;
import io.crmkit.lifecycle.complaint.ComplaintWorkflow;
import io.crmkit.lifecycle.sla.BusinessCalendar;
import io.crmkit.lifecycle.sla.SlaPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crm complaint}: replay a complaint script, draw the workflow. */
@Command(name = "complaint", mixinStandardHelpOptions = true,
        description = "The complaint workflow: replay a script of commands, draw the state diagram, or run "
                + "complaints through the store (--db): open, apply, show, history, list, due, import.",
        subcommands = {ComplaintCli.Replay.class, ComplaintCli.Diagram.class, StoredComplaintCommands.Open.class,
            StoredComplaintCommands.Apply.class, StoredComplaintCommands.Show.class,
            StoredComplaintCommands.History.class, StoredComplaintCommands.ListCommand.class,
            StoredComplaintCommands.Due.class, StoredComplaintCommands.Import.class})
public final class ComplaintCli {

    /** {@code crm complaint replay --input script.jsonl}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {
                "Applies a script of complaint commands (JSON lines) and prints the final complaint as JSON: "
                        + "state, owner, SLA status per clock, pending actions and the full history.",
                "",
                "Each line is one JSON object: command (receive, assign, acknowledge, startInvestigation, "
                        + "requestInformation, customerResponded, escalate, proposeResolution, customerAccepts, "
                        + "customerRejects, close, reopen, withdraw), at (ISO-8601 with offset, "
                        + "e.g. 2026-03-02T09:00:00+08:00), actor, role (agent, owner, supervisor, manager, "
                        + "customer); receive also needs id, customer, category, severity and may give channel, "
                        + "description, linkedTo; assign needs assignee (escalate may give one); close needs "
                        + "satisfaction (1-5) and rootCause; any command may give a note.",
                "",
                "A refused or malformed line stops the replay: nothing is printed on stdout, one line on stderr "
                        + "names the file, the line number and the reason, and the exit status is 1."
            })
    static final class Replay implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "the script, JSON lines")
        Path input;

        @Option(names = "--as-of", paramLabel = "INSTANT",
                description = "show the complaint as it was at this ISO-8601 instant, with its SLA clocks and "
                        + "pending actions then (default: the last applied command)")
        String asOf;

        @Option(names = "--business-hours", paramLabel = "HH:MM-HH:MM",
                description = "measure SLA targets in these working hours, Monday to Friday (default: 24x7)")
        String businessHours;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
                description = "time zone of the business hours (default: ${DEFAULT-VALUE})")
        String zone;

        @Override
        public void run() {
            // the options first: a usage error (exit 2) before any data is read
            ComplaintWorkflow workflow = workflow();
            if (asOf != null) {
                asOfInstant();
            }
            String source = CsvInput.name(input);
            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(CsvInput.reader(CsvInput.utf8(input, source)))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (CharacterCodingException e) {
                throw new InputException(CsvInput.notUtf8(source, CsvInput.firstMalformedLine(input)));
            } catch (IOException e) {
                throw new InputException(source + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            ComplaintScript.Outcome outcome = ComplaintScript.run(source, lines, workflow);
            outcome.failure().ifPresent(f -> {
                throw new InputException(f);
            });
            Complaint c = outcome.complaint().orElseThrow();
            Instant t = evaluationInstant(c);
            PrintWriter out = spec.commandLine().getOut();
            out.println(ComplaintScript.pretty(ComplaintScript.toJson(c.asOf(t).orElseThrow(), t)));
            out.flush();
        }

        private Instant asOfInstant() {
            Instant t;
            try {
                t = OffsetDateTime.parse(asOf).toInstant();
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--as-of " + Values.quote(asOf)
                        + ": not an ISO-8601 date-time with offset, e.g. 2026-03-02T09:00:00+08:00");
            }
            if (t.isBefore(BusinessCalendar.MIN_INSTANT) || t.isAfter(BusinessCalendar.MAX_INSTANT)) {
                throw new ParameterException(spec.commandLine(), "--as-of " + Values.quote(asOf)
                        + ": an instant must lie in the years 1 to 9999 (UTC)");
            }
            return t;
        }

        private Instant evaluationInstant(Complaint c) {
            if (asOf == null) {
                return c.lastEvent().at();
            }
            Instant t = asOfInstant();
            if (t.isBefore(c.receivedAt())) {
                throw new IllegalArgumentException("--as-of " + asOf + " is before the complaint was received at "
                        + c.receivedAt());
            }
            return t;
        }

        private ComplaintWorkflow workflow() {
            ZoneId zoneId;
            try {
                zoneId = io.crmkit.cli.OptionTypes.zone(zone);
            } catch (picocli.CommandLine.TypeConversionException e) {
                throw new ParameterException(spec.commandLine(), "--zone " + Values.quote(zone) + ": " + e.getMessage());
            }
            BusinessCalendar calendar = businessHours == null ? BusinessCalendar.alwaysOpen(zoneId) : calendar(zoneId);
            return ComplaintWorkflow.standardBuilder().slaPolicy(SlaPolicy.standard(calendar)).build();
        }

        private BusinessCalendar calendar(ZoneId zoneId) {
            String[] parts = businessHours.split("-");
            try {
                if (parts.length != 2) {
                    throw new DateTimeParseException("two times expected", businessHours, 0);
                }
                return BusinessCalendar.builder(zoneId)
                        .hours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip())).build();
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--business-hours " + Values.quote(businessHours)
                        + ": not HH:MM-HH:MM, e.g. 09:00-18:00");
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--business-hours " + Values.quote(businessHours)
                        + ": " + e.getMessage());
            }
        }
    }

    /** The diagram formats. */
    enum Format { MERMAID, DOT, MARKDOWN }

    /** {@code crm complaint diagram --format mermaid|dot|markdown}. */
    @Command(name = "diagram", mixinStandardHelpOptions = true,
            description = "Prints the standard complaint workflow's transition table as a diagram "
                    + "(Mermaid, Graphviz DOT) or a Markdown table.")
    static final class Diagram implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "mermaid", paramLabel = "FORMAT",
                description = "mermaid, dot or markdown (default: ${DEFAULT-VALUE})")
        Format format;

        @Override
        public void run() {
            ComplaintWorkflow workflow = ComplaintWorkflow.standard();
            PrintWriter out = spec.commandLine().getOut();
            out.print(switch (format) {
                case MERMAID -> workflow.toMermaid();
                case DOT -> workflow.toDot();
                case MARKDOWN -> workflow.toMarkdown();
            });
            out.flush();
        }
    }
}
