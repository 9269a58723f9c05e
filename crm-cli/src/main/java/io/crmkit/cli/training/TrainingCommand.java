package io.crmkit.cli.training;

import io.crmkit.cli.format.CsvInput;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm training …}: customer training courses and their effect. */
@Command(name = "training", mixinStandardHelpOptions = true,
        description = "Customer training: courses, enrolments, attendance and Kirkpatrick's four levels.",
        subcommands = TrainingCommand.Report.class)
public final class TrainingCommand {

    /** {@code crm training report}: one row per course. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Reports each course as of a date: enrolled, attended, rates, mean reaction and learning "
                    + "gain, and the level-4 effect (difference-in-differences with a 95 %% bootstrap interval).",
                "Output: CSV " + "course_id,enrolled,attended,attendance_rate,completed,completion_rate,mean_reaction,"
                    + "mean_learning_gain,results_effect,results_low,results_high."})
    static final class Report implements Callable<Integer> {

        @Option(names = "--courses", required = true,
                description = "CSV, one row per session: course_id,topic,product,format,capacity,session_id,"
                        + "session_date[,completion,outcome,window_days,reaction_max,test_max,follow_up_days,"
                        + "certificate_months]")
        Path courses;

        @Option(names = "--enrolments", required = true,
                description = "CSV course_id,customer_id,enrolled_at,status (enrolled|waitlisted|cancelled)")
        Path enrolments;

        @Option(names = "--attendance", required = true,
                description = "CSV session_id,course_id,customer_id,attended (yes|no)")
        Path attendance;

        @Option(names = "--evaluations", description = "CSV course_id,customer_id,level,measure,value[,observed_on,session_id]")
        Path evaluations;

        @Option(names = "--outcomes",
                description = "CSV customer_id,kind,date[,amount,currency] (kind complaint|purchase|customer)")
        Path outcomes;

        @Option(names = "--as-of", required = true, description = "the report's date (yyyy-MM-dd)")
        LocalDate asOf;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<TrainingReport.Row> rows = TrainingReport.compute(open(courses), name(courses), open(enrolments),
                    name(enrolments), open(attendance), name(attendance),
                    Optional.ofNullable(evaluations).map(Report::open), name(evaluations),
                    Optional.ofNullable(outcomes).map(Report::open), name(outcomes), asOf);
            TrainingReport.print(rows, spec.commandLine().getOut());
            return 0;
        }

        private static Supplier<Reader> open(Path file) {
            return () -> CsvInput.reader(CsvInput.utf8(file, CsvInput.name(file)));
        }

        private static String name(Path file) {
            return file == null ? "" : file.getFileName().toString();
        }
    }
}
