package io.crmkit.benchmarks;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.training.Attendance;
import io.crmkit.lifecycle.training.CompletionRule;
import io.crmkit.lifecycle.training.Course;
import io.crmkit.lifecycle.training.CourseHistory;
import io.crmkit.lifecycle.training.CourseReport;
import io.crmkit.lifecycle.training.CustomerOutcome;
import io.crmkit.lifecycle.training.DifferenceInDifferences;
import io.crmkit.lifecycle.training.Enrolment;
import io.crmkit.lifecycle.training.EnrolmentStatus;
import io.crmkit.lifecycle.training.EvaluationPlan;
import io.crmkit.lifecycle.training.ResultsEffect;
import io.crmkit.lifecycle.training.Session;
import io.crmkit.lifecycle.training.TrainingFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Customer training: the level-4 difference-in-differences with its bootstrap interval for
 * 10,000 trained and 10,000 comparison customers (2,000 replicates), and the report of a course
 * with 20 sessions, 5,000 enrolled customers and 80,000 attendance records (seeded data).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingBenchmark {

    private List<CustomerOutcome> trained;
    private List<CustomerOutcome> untrained;
    private CourseHistory history;

    /** Generates the outcomes and the course history once. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261129L);
        trained = new ArrayList<>();
        untrained = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            trained.add(CustomerOutcome.of(CustomerId.of("t-" + i), random.nextInt(4), random.nextInt(3)));
            untrained.add(CustomerOutcome.of(CustomerId.of("u-" + i), random.nextInt(4), random.nextInt(4)));
        }
        List<Session> sessions = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            sessions.add(Session.of("s" + s, LocalDate.of(2026, 1, 5).plusWeeks(s)));
        }
        Course course = Course.of("C-1", "product training", "sedan", TrainingFormat.ONLINE, 5_000, sessions)
                .withCompletion(CompletionRule.share("0.8"));
        List<Enrolment> enrolments = new ArrayList<>();
        List<Attendance> attendance = new ArrayList<>();
        Instant at = Instant.parse("2025-12-01T09:00:00Z");
        for (int i = 0; i < 5_000; i++) {
            CustomerId c = CustomerId.of("c-" + i);
            enrolments.add(Enrolment.of("C-1", c, at.plusSeconds(i), EnrolmentStatus.ENROLLED));
            for (Session s : sessions) {
                if (random.nextInt(5) > 0) {
                    attendance.add(Attendance.present("C-1", s.id(), c));
                }
            }
        }
        history = CourseHistory.of(course, EvaluationPlan.standard(), enrolments, attendance, List.of());
    }

    /** @return the effect with its 95 % interval */
    @Benchmark
    public ResultsEffect differenceInDifferences() {
        return DifferenceInDifferences.standard(1).estimate(trained, untrained);
    }

    /** @return the course report */
    @Benchmark
    public CourseReport courseReport() {
        return history.report(LocalDate.of(2026, 6, 30));
    }
}
