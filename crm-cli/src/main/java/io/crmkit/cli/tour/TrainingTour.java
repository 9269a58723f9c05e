package io.crmkit.cli.tour;

import io.crmkit.cli.training.TrainingReport;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.care.CareSchedule;
import io.crmkit.lifecycle.care.CareTask;
import io.crmkit.lifecycle.training.Certificate;
import io.crmkit.lifecycle.training.CourseRoster;
import io.crmkit.lifecycle.training.ResultsEffect;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** Tour chapter: customer training, from the roster's waiting list to the level-4 effect. */
public final class TrainingTour implements TourSection {

    private static final String DATA = "/io/crmkit/data/";
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 29);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Override
    public String title() {
        return "Customer training on Kirkpatrick's four levels (crm-lifecycle)";
    }

    private static Supplier<Reader> resource(String name) {
        return () -> {
            InputStream in = TrainingTour.class.getResourceAsStream(DATA + name);
            if (in == null) {
                throw new IllegalStateException("bundled data " + name + " is missing");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        };
    }

    @Override
    public void narrate(PrintWriter out) {
        List<TrainingReport.Row> rows = TrainingReport.compute(resource("training-courses.csv"),
                "training-courses.csv", resource("training-enrolments.csv"), "training-enrolments.csv",
                resource("training-attendance.csv"), "training-attendance.csv",
                Optional.of(resource("training-evaluations.csv")), "training-evaluations.csv",
                Optional.of(resource("training-outcomes.csv")), "training-outcomes.csv", AS_OF);
        TrainingReport.Row drive = rows.stream().filter(r -> r.report().courseId().equals("DRV-1")).findFirst()
                .orElseThrow();
        out.printf(Locale.ROOT, "A dealer trains new owners: %s (%s, %d seats, %d sessions, completion %s of them).%n",
                drive.spec().course().topic(), drive.spec().course().format().name().toLowerCase(Locale.ROOT),
                drive.spec().course().capacity(), drive.spec().course().sessions().size(),
                drive.spec().course().completion());

        CourseRoster roster = CourseRoster.empty(drive.spec().course());
        Instant t = Instant.parse("2026-03-01T09:00:00Z");
        for (int i = 1; i <= 9; i++) {
            roster = roster.enrol(CustomerId.of(String.format("x%02d", i)), t.plusSeconds(i));
        }
        out.printf(Locale.ROOT, "Nine customers ask for eight seats: %s.%n", roster);
        out.printf(Locale.ROOT, "x02 cancels, so the first in line moves up: waiting list %s -> %s.%n", roster.waitingList(),
                roster.cancel(CustomerId.of("x02")).waitingList());

        out.println();
        out.println("crm training report --courses training-courses.csv --enrolments training-enrolments.csv \\");
        out.println("    --attendance training-attendance.csv --evaluations training-evaluations.csv \\");
        out.println("    --outcomes training-outcomes.csv --as-of " + AS_OF);
        StringBuilder csv = new StringBuilder();
        TrainingReport.print(rows, csv);
        csv.toString().lines().forEach(l -> out.println("  " + l));

        ResultsEffect effect = drive.results().orElseThrow();
        out.println();
        out.printf(Locale.ROOT, "Level 4 for DRV-1: the %d trained customers' complaints changed by %+.2f per customer over 90 days,%n",
                effect.trainedCustomers(), effect.trainedChange());
        out.printf(Locale.ROOT, "the %d comparable untrained customers' by %+.2f over the same windows: training made a difference "
                + "of %+.2f%n", effect.untrainedCustomers(), effect.untrainedChange(), effect.effect());
        out.printf(Locale.ROOT, "complaints per customer (95 %% bootstrap interval %.2f to %.2f, resampling customers).%n",
                effect.low(), effect.high());

        CareSchedule.Builder schedule = CareSchedule.dealerManualBuilder(SHANGHAI);
        Certificate.renewalRules().forEach(schedule::rule);
        Certificate certificate = drive.certificates().get(1);
        out.println();
        out.printf(Locale.ROOT, "%d certificates, valid %s; %s's expires on %s and is renewed through the care "
                + "schedule:%n", drive.certificates().size(), drive.spec().course().certificateValidity().orElseThrow(),
                certificate.customer().value(), certificate.expiresOn());
        for (CareTask task : schedule.build().tasks(List.of(certificate.renewalEvent("li.na", SHANGHAI)))) {
            out.printf(Locale.ROOT, "  %s  %s: %s%n", task.due(), task.assignee(), task.action());
        }
    }
}
