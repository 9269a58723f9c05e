package io.crmkit.examples.readme;

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
import io.crmkit.lifecycle.training.Evaluation;
import io.crmkit.lifecycle.training.EvaluationPlan;
import io.crmkit.lifecycle.training.ResultsEffect;
import io.crmkit.lifecycle.training.Session;
import io.crmkit.lifecycle.training.TrainingFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The README's customer-training snippet, compiled. */
public final class TrainingSnippet {

    private TrainingSnippet() {
    }

    /**
     * Reports a two-session course and estimates its effect on complaints.
     *
     * @return the report, with its level-4 effect
     */
    public static CourseReport training() {
        CustomerId ann = CustomerId.of("c-1");
        CustomerId bo = CustomerId.of("c-2");
        Instant enrolled = Instant.parse("2026-03-01T09:00:00Z");
        List<CustomerOutcome> trained = List.of(CustomerOutcome.of(ann, 2, 0), CustomerOutcome.of(bo, 1, 0));
        List<CustomerOutcome> untrained = List.of(CustomerOutcome.of(CustomerId.of("u-1"), 1, 1),
                CustomerOutcome.of(CustomerId.of("u-2"), 2, 1));
        // tag::training[]
        Course course = Course.of("DRV-1", "Safe driving", "sedan", TrainingFormat.CLASSROOM, 8,
                List.of(Session.of("a", LocalDate.of(2026, 4, 11)), Session.of("b", LocalDate.of(2026, 4, 18))))
                .withCompletion(CompletionRule.share("0.5"));
        CourseHistory history = CourseHistory.of(course, EvaluationPlan.standard(),
                List.of(Enrolment.of("DRV-1", ann, enrolled, EnrolmentStatus.ENROLLED),
                        Enrolment.of("DRV-1", bo, enrolled, EnrolmentStatus.ENROLLED)),
                List.of(Attendance.present("DRV-1", "a", ann), Attendance.present("DRV-1", "b", bo)),
                List.of(Evaluation.reaction("DRV-1", ann, 5), Evaluation.preTest("DRV-1", ann, 40),
                        Evaluation.postTest("DRV-1", ann, 70)));
        // complaints per customer in the 90 days before and after, trained vs comparable untrained
        ResultsEffect effect = DifferenceInDifferences.standard(1).estimate(trained, untrained);
        CourseReport report = history.report(LocalDate.of(2026, 11, 29)).withResults(effect);
        // report.completionRate() = 1.0, report.meanNormalisedGain() = 0.5, effect.effect() = -1.0
        // end::training[]
        return report;
    }
}
