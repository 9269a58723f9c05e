package io.crmkit.cli.care;

import io.crmkit.cli.format.Csv;
import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.InputException;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionKind;
import io.crmkit.lifecycle.care.CareEvent;
import io.crmkit.lifecycle.care.CareMoment;
import io.crmkit.lifecycle.care.CareSchedule;
import io.crmkit.lifecycle.care.CareTask;
import io.crmkit.lifecycle.care.QuotaReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm care}: the dealer manual's care schedule and follow-up quota (crm-lifecycle's {@link CareSchedule}). */
@Command(name = "care", mixinStandardHelpOptions = true,
        description = {"Care (contact) tasks from events by the dealer manual's schedule, and the daily follow-up quota.",
            "Times, every input: an ISO date (the start of the day in --zone), a local date-time in --zone "
                    + "(2026-03-15T10:30) or a date-time with an offset (2026-03-15T10:30+08:00). A local time that "
                    + "does not exist in --zone (a daylight-saving gap) is refused; one that occurs twice (the overlap) "
                    + "is taken at the earlier offset. Deadlines within or before an event are elapsed hours."},
        subcommands = {CareCommand.ScheduleCommand.class, CareCommand.QuotaCommand.class})
public final class CareCommand {

    private static Instant option(CommandSpec spec, String name, String text, ZoneId zone) {
        try {
            return Moments.instant(text, zone);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), name + " '" + text + "': " + e.getMessage());
        }
    }

    /** {@code crm care schedule}. */
    @Command(name = "schedule", mixinStandardHelpOptions = true,
            description = {"Turns care events into dated tasks by the dealer manual: prospect_visit -> thank-you the same day; "
                    + "prospect_left -> telephone follow-up within 48 hours; price_objection -> agree the next contact at the "
                    + "visit; delivery_booked -> reminders 72 and 24 hours before; delivered -> thanks within 24 hours, "
                    + "confirm satisfaction within 72 hours; first_service_due, birthday, holiday, club_event, bad_weather, "
                    + "certificate_expires -> reminder, greeting, invitation or warning on the date.",
                "Input: CSV customer_id,moment,at,owner (moment one of the words above; owner: the salesperson or team).",
                "Output: CSV customer_id,moment,action,assignee,event_at,due[,overdue], earliest deadline first, times in "
                        + "--zone with their offset; overdue (true/false) with --as-of; stderr: the count overdue."})
    public static final class ScheduleCommand implements Callable<Integer> {

        @Option(names = "--events", required = true, description = "care events CSV: customer_id,moment,at,owner")
        Path events;

        @Option(names = "--zone", defaultValue = "UTC", description = "the zone that names the days (default: ${DEFAULT-VALUE})")
        ZoneId zone;

        @Option(names = "--as-of", description = "the instant overdue tasks are reported at (date or date-time)")
        String asOf;

        @Option(names = "--overdue-only", description = "list only the tasks overdue at --as-of")
        boolean overdueOnly;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Instant at = asOf == null ? null : option(spec, "--as-of", asOf, zone);
            if (overdueOnly && at == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--overdue-only needs --as-of");
            }
            CareSchedule schedule = CareSchedule.dealerManual(zone);
            List<CareEvent> list = new ArrayList<>();
            try (CsvInput in = CsvInput.open(events, CsvInput.Schema.of(CsvInput.Others.REFUSE)
                    .required("customer_id", "id", "customer").required("moment", "event").required("at", "date", "time")
                    .required("owner", "salesperson"))) {
                int id = in.column("customer_id");
                int moment = in.column("moment");
                int when = in.column("at");
                int owner = in.column("owner");
                java.util.Map<List<Object>, Long> lines = new java.util.HashMap<>();
                while (in.next()) {
                    CustomerId customer = CustomerId.of(in.customerId(id));
                    CareMoment m;
                    try {
                        m = Moments.word(CareMoment.class, in.text(moment));
                    } catch (IllegalArgumentException e) {
                        throw in.refuse(moment, e.getMessage());
                    }
                    Instant t;
                    try {
                        t = Moments.instant(in.text(when), zone);
                    } catch (IllegalArgumentException e) {
                        throw in.refuse(when, e.getMessage());
                    }
                    if (in.text(owner).isBlank()) {
                        throw in.refuse(owner, "empty: name the salesperson or team responsible");
                    }
                    Long first = lines.putIfAbsent(List.of(customer, m, t), in.line());
                    if (first != null) {
                        // scheduled twice, the same moment would give its tasks twice
                        throw in.refuse(moment, "the same moment of this customer at the same time is listed again (first on "
                                + "line " + first + "): one row per event");
                    }
                    CareEvent event = CareEvent.of(customer, m, t, in.text(owner));
                    try {
                        schedule.tasks(List.of(event));
                    } catch (IllegalArgumentException e) {
                        throw in.refuse(when, e.getMessage());
                    }
                    list.add(event);
                }
                if (list.isEmpty()) {
                    throw new InputException(in.file() + ":1: has no data rows");
                }
            }
            List<CareTask> tasks = schedule.tasks(list);
            List<CareTask> overdue = at == null ? List.of() : schedule.overdue(tasks, at);
            CSVPrinter csv = Csv.printer(spec.commandLine().getOut());
            if (at == null) {
                csv.printRecord("customer_id", "moment", "action", "assignee", "event_at", "due");
            } else {
                csv.printRecord("customer_id", "moment", "action", "assignee", "event_at", "due", "overdue");
            }
            for (CareTask t : overdueOnly ? overdue : tasks) {
                List<Object> row = new ArrayList<>(List.of(t.customer().value(), Moments.word(t.moment()), t.action(),
                        t.assignee(), Moments.format(t.eventAt(), zone), Moments.format(t.due(), zone)));
                if (at != null) {
                    row.add(t.isOverdue(at));
                }
                csv.printRecord(row);
            }
            csv.flush();
            if (at != null) {
                spec.commandLine().getErr().println(overdue.size() + " of " + tasks.size() + " tasks overdue at "
                        + Moments.format(at, zone));
            }
            return 0;
        }
    }

    /** {@code crm care quota}. */
    @Command(name = "quota", mixinStandardHelpOptions = true,
            description = {"Checks the daily follow-up quota: for each salesperson, the distinct customers contacted outbound "
                    + "(call, visit, message or email) on the day, against the minimum (the dealer manual: 3).",
                "Input: CSV customer_id,kind,direction,time,actor[,note] (kind: " + "call, visit, message, email, letter, survey, "
                        + "complaint, joint_work; direction: inbound or outbound; actor: the salesperson).",
                "Output: CSV salesperson,follow_ups,minimum,shortfall, by salesperson; stderr: whether the quota was met."})
    public static final class QuotaCommand implements Callable<Integer> {

        @Option(names = "--interactions", required = true, description = "interactions CSV: customer_id,kind,direction,time,actor[,note]")
        Path interactions;

        @Option(names = "--day", required = true, description = "the day checked (yyyy-MM-dd, in --zone)")
        LocalDate day;

        @Option(names = "--zone", defaultValue = "UTC", description = "the zone that names the days (default: ${DEFAULT-VALUE})")
        ZoneId zone;

        @Option(names = "--salespeople", split = ",",
                description = "whom to check, comma-separated (someone without follow-ups counts zero); default: every actor in the file")
        List<String> salespeople;

        @Option(names = "--minimum", defaultValue = "3", description = "distinct customers a day per salesperson, at least 1 (default: ${DEFAULT-VALUE})")
        int minimum;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            io.crmkit.cli.OptionException.require(minimum >= 1, "--minimum", minimum, "must be at least 1");
            CareSchedule schedule;
            try {
                schedule = CareSchedule.dealerManualBuilder(zone).dailyFollowUps(minimum).build();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--minimum: " + e.getMessage());
            }
            List<Interaction> list = new ArrayList<>();
            Set<String> actors = new TreeSet<>();
            try (CsvInput in = CsvInput.open(interactions, CsvInput.Schema.of(CsvInput.Others.REFUSE)
                    .required("customer_id", "id", "customer").required("kind").required("direction")
                    .required("time", "at", "date").required("actor", "salesperson").optional("note"))) {
                int id = in.column("customer_id");
                int kind = in.column("kind");
                int direction = in.column("direction");
                int time = in.column("time");
                int actor = in.column("actor");
                while (in.next()) {
                    CustomerId customer = CustomerId.of(in.customerId(id));
                    InteractionKind k;
                    Direction d;
                    Instant t;
                    try {
                        k = Moments.word(InteractionKind.class, in.text(kind));
                    } catch (IllegalArgumentException e) {
                        throw in.refuse(kind, e.getMessage());
                    }
                    try {
                        d = Moments.word(Direction.class, in.text(direction));
                    } catch (IllegalArgumentException e) {
                        throw in.refuse(direction, e.getMessage());
                    }
                    try {
                        t = Moments.instant(in.text(time), zone);
                    } catch (IllegalArgumentException e) {
                        throw in.refuse(time, e.getMessage());
                    }
                    if (in.text(actor).isBlank()) {
                        throw in.refuse(actor, "empty: name who acted");
                    }
                    actors.add(in.text(actor));
                    list.add(Interaction.of(customer, k, d, t, in.text(actor), ""));
                }
            }
            if (salespeople != null && (salespeople.isEmpty() || salespeople.stream().anyMatch(String::isBlank))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--salespeople '"
                        + String.join(",", salespeople) + "' is invalid: a name must not be blank");
            }
            QuotaReport report = schedule.followUpQuota(list, day, salespeople == null ? actors : salespeople);
            CSVPrinter csv = Csv.printer(spec.commandLine().getOut());
            csv.printRecord("salesperson", "follow_ups", "minimum", "shortfall");
            for (var e : report.followUps().entrySet()) {
                csv.printRecord(e.getKey(), e.getValue(), report.minimum(), report.shortfalls().getOrDefault(e.getKey(), 0));
            }
            csv.flush();
            spec.commandLine().getErr().println(report.met() ? "quota met on " + day
                    : report.shortfalls().size() + " of " + report.followUps().size() + " salespeople short of the quota on " + day);
            return 0;
        }
    }
}
