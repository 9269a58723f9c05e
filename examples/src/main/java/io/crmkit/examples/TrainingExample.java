package io.crmkit.examples;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.care.CareSchedule;
import io.crmkit.lifecycle.care.CareTask;
import io.crmkit.lifecycle.training.Attendance;
import io.crmkit.lifecycle.training.Certificate;
import io.crmkit.lifecycle.training.CompletionRule;
import io.crmkit.lifecycle.training.Course;
import io.crmkit.lifecycle.training.CourseHistory;
import io.crmkit.lifecycle.training.CourseReport;
import io.crmkit.lifecycle.training.CourseRoster;
import io.crmkit.lifecycle.training.CustomerOutcome;
import io.crmkit.lifecycle.training.DifferenceInDifferences;
import io.crmkit.lifecycle.training.Enrolment;
import io.crmkit.lifecycle.training.EnrolmentStatus;
import io.crmkit.lifecycle.training.Evaluation;
import io.crmkit.lifecycle.training.EvaluationPlan;
import io.crmkit.lifecycle.training.KirkpatrickLevel;
import io.crmkit.lifecycle.training.OutcomeWindows;
import io.crmkit.lifecycle.training.ResultsEffect;
import io.crmkit.lifecycle.training.Session;
import io.crmkit.lifecycle.training.TrainingFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Customer training with crm-lifecycle, run from the IDE: the safe-driving course of the bundled
 * sample ({@code data/training-*.csv}) — a roster with its waiting list, the course report,
 * certificates renewed through the care schedule, and the effect on complaints against comparable
 * untrained customers.
 */
public final class TrainingExample {

    private static final String COURSE = "DRV-1";
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 29);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private TrainingExample() {
    }

    /**
     * Reports the safe-driving course of the bundled sample.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Course course = Course.of(COURSE, "Safe driving of your new car", "sedan", TrainingFormat.CLASSROOM, 8,
                List.of(Session.of("DRV-1-a", LocalDate.of(2026, 4, 11)), Session.of("DRV-1-b", LocalDate.of(2026, 4, 18)),
                        Session.of("DRV-1-c", LocalDate.of(2026, 4, 25)), Session.of("DRV-1-d", LocalDate.of(2026, 5, 2))))
                .withCompletion(CompletionRule.share("0.75")).withCertificateValidity(Period.ofYears(2));

        CourseRoster roster = CourseRoster.empty(course);
        for (int i = 1; i <= 9; i++) {
            roster = roster.enrol(CustomerId.of("x" + i), Instant.parse("2026-03-01T09:00:00Z").plusSeconds(i));
        }
        System.out.println("enrolled " + roster.enrolled().size() + ", waiting " + roster.waitingList());
        System.out.println("after x2 cancels: waiting " + roster.cancel(CustomerId.of("x2")).waitingList());

        List<Enrolment> enrolments = new ArrayList<>();
        for (CSVRecord r : rows("training-enrolments.csv")) {
            enrolments.add(Enrolment.of(r.get("course_id"), CustomerId.of(r.get("customer_id")),
                    LocalDate.parse(r.get("enrolled_at")).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    EnrolmentStatus.valueOf(r.get("status").toUpperCase(Locale.ROOT))));
        }
        List<Attendance> attendance = new ArrayList<>();
        for (CSVRecord r : rows("training-attendance.csv")) {
            attendance.add(new Attendance(r.get("course_id"), r.get("session_id"), CustomerId.of(r.get("customer_id")),
                    r.get("attended").equals("yes")));
        }
        List<Evaluation> evaluations = new ArrayList<>();
        for (CSVRecord r : rows("training-evaluations.csv")) {
            Optional<LocalDate> observedOn = r.get("observed_on").isEmpty() ? Optional.empty()
                    : Optional.of(LocalDate.parse(r.get("observed_on")));
            evaluations.add(new Evaluation(r.get("course_id"), CustomerId.of(r.get("customer_id")),
                    KirkpatrickLevel.of(Integer.parseInt(r.get("level"))), r.get("measure"),
                    Double.parseDouble(r.get("value")), observedOn, Optional.empty()));
        }
        CourseHistory history = CourseHistory.of(course, EvaluationPlan.of(1, 5, 100, Period.ofDays(60)),
                only(enrolments, Enrolment::courseId), only(attendance, Attendance::courseId),
                only(evaluations, Evaluation::courseId));
        CourseReport report = history.report(AS_OF);
        System.out.printf(Locale.ROOT, "%s: enrolled %d, attended %d (%.3f), completed %d (%.3f), no-shows %d%n",
                report.courseId(), report.enrolled(), report.attended(), report.attendanceRate().getAsDouble(),
                report.completed(), report.completionRate().getAsDouble(), report.noShows());
        System.out.printf(Locale.ROOT, "reaction %.2f of 5; learning gain %.1f points, normalised %.3f (%d at the "
                + "ceiling); behaviour %s%n", report.meanReaction().getAsDouble(),
                report.meanLearningGain().getAsDouble(), report.meanNormalisedGain().getAsDouble(), report.atCeiling(),
                report.behaviourMeans());

        Set<CustomerId> population = new TreeSet<>();
        List<Complaint> complaints = new ArrayList<>();
        for (CSVRecord r : rows("training-outcomes.csv")) {
            CustomerId c = CustomerId.of(r.get("customer_id"));
            population.add(c);
            if (r.get("kind").equals("complaint")) {
                complaints.add(new Complaint(c, LocalDate.parse(r.get("date")).atStartOfDay(ZoneOffset.UTC).toInstant()));
            }
        }
        Set<CustomerId> trained = new TreeSet<>(history.completions(AS_OF).keySet());
        Set<CustomerId> untrained = new TreeSet<>(population);
        history.roster().enrolments().forEach(e -> untrained.remove(e.customer()));
        OutcomeWindows windows = OutcomeWindows.around(course, 90, ZoneOffset.UTC);
        List<CustomerOutcome> t = windows.count(trained, complaints, Complaint::customer, Complaint::at);
        List<CustomerOutcome> u = windows.count(untrained, complaints, Complaint::customer, Complaint::at);
        ResultsEffect effect = DifferenceInDifferences.standard(1).estimate(t, u);
        System.out.printf(Locale.ROOT, "complaints per customer in 90 days: trained %+.2f, untrained %+.2f, "
                + "effect %+.2f [%.2f, %.2f]%n", effect.trainedChange(), effect.untrainedChange(), effect.effect(),
                effect.low(), effect.high());

        CareSchedule.Builder care = CareSchedule.dealerManualBuilder(SHANGHAI);
        Certificate.renewalRules().forEach(care::rule);
        List<Certificate> certificates = history.certificates(AS_OF);
        List<CareTask> tasks = care.build().tasks(certificates.stream().map(c -> c.renewalEvent("li.na", SHANGHAI))
                .toList());
        System.out.printf("%d certificates; first renewal task: %s %s%n", certificates.size(), tasks.get(0).due(),
                tasks.get(0).action());
    }

    /** A complaint from the outcomes file. */
    private record Complaint(CustomerId customer, Instant at) {
    }

    private static <T> List<T> only(List<T> records, java.util.function.Function<T, String> courseId) {
        return records.stream().filter(r -> courseId.apply(r).equals(COURSE)).toList();
    }

    private static List<CSVRecord> rows(String name) {
        try (InputStream in = TrainingExample.class.getResourceAsStream("/io/crmkit/data/" + name)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
