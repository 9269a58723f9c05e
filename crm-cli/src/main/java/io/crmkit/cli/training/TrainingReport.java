package io.crmkit.cli.training;

import io.crmkit.cli.format.Values;
import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.training.Attendance;
import io.crmkit.lifecycle.training.Certificate;
import io.crmkit.lifecycle.training.CourseHistory;
import io.crmkit.lifecycle.training.CourseReport;
import io.crmkit.lifecycle.training.CourseRoster;
import io.crmkit.lifecycle.training.CustomerOutcome;
import io.crmkit.lifecycle.training.DifferenceInDifferences;
import io.crmkit.lifecycle.training.Enrolment;
import io.crmkit.lifecycle.training.Evaluation;
import io.crmkit.lifecycle.training.OutcomeWindows;
import io.crmkit.lifecycle.training.ResultsEffect;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVPrinter;

/**
 * The per-course rows of {@code crm training report}, from the input files: the library's
 * {@link CourseReport} plus, when outcomes are given, the level-4 effect of
 * {@link DifferenceInDifferences} (2000 replicates, 95 % percentile interval, seed
 * {@value #SEED}).
 *
 * <p>Level 4 compares, among the customers named in the outcomes file, the <em>trained</em> ones
 * (enrolled customers who completed the course by the as-of date) with the <em>comparison</em>
 * ones (never enrolled in the course, in any status), over the course's windows of
 * {@code window_days} before its first and after its last session. The effect is left empty when
 * the window after is not over by the as-of date or either group has fewer than 2 customers.
 */
public final class TrainingReport {

    /** The bootstrap seed of the level-4 interval. */
    public static final long SEED = 1L;

    /** The columns of the report, in order. */
    public static final List<String> COLUMNS = List.of("course_id", "enrolled", "attended", "attendance_rate",
            "completed", "completion_rate", "mean_reaction", "mean_learning_gain", "results_effect", "results_low",
            "results_high");

    private TrainingReport() {
    }

    /**
     * One row of the report.
     *
     * @param spec the course as read
     * @param report the library's report of the course
     * @param results the level-4 effect, if computed
     * @param certificates the certificates earned by the as-of date
     */
    public record Row(CourseSpec spec, CourseReport report, Optional<ResultsEffect> results,
            List<Certificate> certificates) {

        /** @return the row's cells, in the order of {@link #COLUMNS} */
        public List<String> cells() {
            return List.of(report.courseId(), String.valueOf(report.enrolled()), String.valueOf(report.attended()),
                    format(report.attendanceRate()), String.valueOf(report.completed()),
                    format(report.completionRate()), format(report.meanReaction()),
                    format(report.meanLearningGain()),
                    results.map(r -> format(r.effect())).orElse(""), results.map(r -> format(r.low())).orElse(""),
                    results.map(r -> format(r.high())).orElse(""));
        }
    }

    /**
     * Reads the files and reports every course.
     *
     * @param courses opens the courses file
     * @param coursesName its name
     * @param enrolments opens the enrolments file
     * @param enrolmentsName its name
     * @param attendance opens the attendance file
     * @param attendanceName its name
     * @param evaluations opens the evaluations file, if given
     * @param evaluationsName its name
     * @param outcomes opens the outcomes file, if given
     * @param outcomesName its name
     * @param asOf the report's date
     * @return one row per course, sorted by course id
     */
    public static List<Row> compute(Supplier<Reader> courses, String coursesName, Supplier<Reader> enrolments,
            String enrolmentsName, Supplier<Reader> attendance, String attendanceName,
            Optional<Supplier<Reader>> evaluations, String evaluationsName, Optional<Supplier<Reader>> outcomes,
            String outcomesName, LocalDate asOf) {
        Map<String, CourseSpec> specs;
        try (Reader in = courses.get()) {
            specs = TrainingFiles.readCourses(in, coursesName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, CourseRoster> rosters;
        try (Reader in = enrolments.get()) {
            rosters = TrainingFiles.readEnrolments(in, enrolmentsName, specs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, CourseHistory> histories = new LinkedHashMap<>();
        specs.forEach((id, spec) -> histories.put(id, CourseHistory.of(spec.course(), spec.plan(),
                rosters.get(id).enrolments(), List.of(), List.of())));
        Map<String, List<Attendance>> present;
        try (Reader in = attendance.get()) {
            present = TrainingFiles.readAttendance(in, attendanceName, histories, asOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<Evaluation>> evaluated = Map.of();
        if (evaluations.isPresent()) {
            try (Reader in = evaluations.get().get()) {
                evaluated = TrainingFiles.readEvaluations(in, evaluationsName, histories, asOf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Optional<TrainingFiles.Outcomes> outcomeData = Optional.empty();
        if (outcomes.isPresent()) {
            try (Reader in = outcomes.get().get()) {
                outcomeData = Optional.of(TrainingFiles.readOutcomes(in, outcomesName));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, CourseSpec> e : specs.entrySet()) {
            CourseSpec spec = e.getValue();
            CourseHistory history = CourseHistory.of(spec.course(), spec.plan(), rosters.get(e.getKey()).enrolments(),
                    present.getOrDefault(e.getKey(), List.of()), evaluated.getOrDefault(e.getKey(), List.of()));
            CourseReport report = history.report(asOf);
            Optional<ResultsEffect> results = outcomeData.flatMap(o -> results(spec, history, o, asOf));
            rows.add(new Row(spec, results.map(report::withResults).orElse(report), results,
                    history.certificates(asOf)));
        }
        return rows;
    }

    /** The level-4 effect of one course, or empty when it cannot be measured yet. */
    static Optional<ResultsEffect> results(CourseSpec spec, CourseHistory history, TrainingFiles.Outcomes outcomes,
            LocalDate asOf) {
        OutcomeWindows windows = OutcomeWindows.around(spec.course(), spec.windowDays(), ZoneOffset.UTC);
        if (!windows.isOverBy(asOf)) {
            return Optional.empty();
        }
        Set<CustomerId> everEnrolled = new HashSet<>();
        history.roster().enrolments().stream().map(Enrolment::customer).forEach(everEnrolled::add);
        Set<CustomerId> trained = new TreeSet<>(history.completions(asOf).keySet());
        trained.retainAll(outcomes.population());
        Set<CustomerId> comparison = new TreeSet<>(outcomes.population());
        comparison.removeAll(everEnrolled);
        if (trained.size() < 2 || comparison.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(DifferenceInDifferences.standard(SEED).estimate(measure(spec, windows, trained, outcomes),
                measure(spec, windows, comparison, outcomes)));
    }

    private static List<CustomerOutcome> measure(CourseSpec spec, OutcomeWindows windows, Set<CustomerId> customers,
            TrainingFiles.Outcomes outcomes) {
        return switch (spec.outcome()) {
            case COMPLAINTS -> windows.count(customers, outcomes.complaints(), TrainingFiles.Complaint::customer,
                    TrainingFiles.Complaint::at);
            case PURCHASES -> windows.purchases(customers, outcomes.purchases());
            case SPEND -> windows.spend(customers, outcomes.purchases());
        };
    }

    /**
     * Prints the report as CSV.
     *
     * @param rows the rows
     * @param out where to print
     */
    public static void print(List<Row> rows, Appendable out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                    .setRecordSeparator('\n').build());
            csv.printRecord(COLUMNS);
            for (Row r : rows) {
                csv.printRecord(r.cells());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value exactly, in the shortest text that reads back as it ({@link Values#format}), or an empty cell. */
    static String format(OptionalDouble value) {
        return value.isPresent() ? format(value.getAsDouble()) : "";
    }

    static String format(double value) {
        return Values.format(value);
    }
}
