package io.crmkit.lifecycle.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.core.customer.CustomerId;
import io.crmkit.lifecycle.care.CareSchedule;
import io.crmkit.lifecycle.care.CareTask;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A four-session course reported by hand: rates at their boundaries, no-shows, levels 1–3, certificates. */
class CourseHistoryTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");
    static final Course COURSE = Course.of("C-1", "Safe operation", "forklift", TrainingFormat.ON_SITE, 4,
            List.of(Session.of("s3", LocalDate.of(2026, 3, 17)), Session.of("s1", LocalDate.of(2026, 3, 3)),
                    Session.of("s2", LocalDate.of(2026, 3, 10)), Session.of("s4", LocalDate.of(2026, 3, 24))))
            .withCompletion(CompletionRule.share("0.75")).withCertificateValidity(Period.ofYears(2));
    static final EvaluationPlan PLAN = EvaluationPlan.of(1, 5, 100, Period.ofDays(60));

    static CustomerId c(int i) {
        return CustomerId.of("c-" + i);
    }

    static List<Enrolment> enrolments() {
        List<Enrolment> list = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            list.add(Enrolment.of("C-1", c(i), T0.plusSeconds(i), EnrolmentStatus.ENROLLED));
        }
        list.add(Enrolment.of("C-1", c(5), T0.plusSeconds(5), EnrolmentStatus.WAITLISTED));
        list.add(Enrolment.of("C-1", c(6), T0.plusSeconds(6), EnrolmentStatus.CANCELLED));
        return list;
    }

    static List<Attendance> attendance() {
        List<Attendance> list = new ArrayList<>();
        for (String s : List.of("s1", "s2", "s3", "s4")) {
            list.add(Attendance.present("C-1", s, c(1)));
        }
        for (String s : List.of("s1", "s2", "s4")) {
            list.add(Attendance.present("C-1", s, c(2)));
        }
        list.add(Attendance.absent("C-1", "s3", c(2)));
        list.add(Attendance.present("C-1", "s1", c(3)));
        list.add(Attendance.present("C-1", "s2", c(3)));
        list.add(Attendance.present("C-1", "s1", c(6)));
        return list;
    }

    static List<Evaluation> evaluations() {
        return List.of(Evaluation.reaction("C-1", c(1), "s3", 5), Evaluation.reaction("C-1", c(2), 4),
                Evaluation.reaction("C-1", c(3), "s3", 3), Evaluation.reaction("C-1", c(6), 4),
                Evaluation.preTest("C-1", c(1), 40), Evaluation.postTest("C-1", c(1), 70),
                Evaluation.preTest("C-1", c(2), 100), Evaluation.postTest("C-1", c(2), 90),
                Evaluation.preTest("C-1", c(3), 60), Evaluation.postTest("C-1", c(3), 80),
                Evaluation.preTest("C-1", c(4), 50),
                Evaluation.behaviour("C-1", c(1), "uses_checklist", 1, LocalDate.of(2026, 5, 23)),
                Evaluation.behaviour("C-1", c(2), "uses_checklist", 0, LocalDate.of(2026, 6, 1)));
    }

    static CourseHistory history() {
        return CourseHistory.of(COURSE, PLAN, enrolments(), attendance(), evaluations());
    }

    @Test
    void ratesAreSharesOfTheEnrolledAndAThreeQuarterShareIsMetByThreeOfFour() {
        CourseReport r = history().report(LocalDate.of(2026, 3, 31));
        assertEquals(4, r.enrolled(), "capacity 4 exactly full");
        assertEquals(1, r.waitlisted());
        assertEquals(1, r.cancelled());
        assertEquals(3, r.attended(), "c-4 never came; c-6 came once but cancelled");
        assertEquals(0.75, r.attendanceRate().getAsDouble(), 0.0);
        assertEquals(2, r.completed(), "c-1 with 4 sessions, c-2 with exactly 3 of 4");
        assertEquals(0.5, r.completionRate().getAsDouble(), 0.0);
        assertEquals(4, r.sessionsHeld());
        assertEquals(1 + 1 + 3 + 2, r.noShows());
    }

    @Test
    void eachSessionReportsItsAttendance() {
        List<SessionReport> sessions = history().report(LocalDate.of(2026, 3, 31)).sessionReports();
        assertEquals(List.of("s1", "s2", "s3", "s4"), sessions.stream().map(SessionReport::sessionId).toList());
        SessionReport s3 = sessions.get(2);
        assertEquals(1, s3.attended());
        assertEquals(3, s3.noShows());
        assertEquals(0.25, s3.attendanceRate().getAsDouble(), 0.0);
        assertEquals(4.0, s3.meanReaction().getAsDouble(), 0.0, "(5 + 3) / 2 after s3");
        assertEquals(2, s3.reactionResponses());
        assertTrue(sessions.get(0).meanReaction().isEmpty());
    }

    @Test
    void aReactionToASessionNotYetHeldIsRefused() {
        CourseHistory h = CourseHistory.of(COURSE, PLAN, enrolments(), List.of(),
                List.of(Evaluation.reaction("C-1", c(1), "s4", 5)));
        assertEquals("a reaction to session s4 on 2026-03-24 is recorded, after 2026-03-20: a session is rated once "
                + "it is held", assertThrows(IllegalArgumentException.class,
                        () -> h.report(LocalDate.of(2026, 3, 20))).getMessage());
        assertEquals("session s9 of the reaction of customer c-1 is not a session of course C-1", assertThrows(
                IllegalArgumentException.class, () -> CourseHistory.of(COURSE, PLAN, enrolments(), List.of(),
                        List.of(Evaluation.reaction("C-1", c(1), "s9", 5)))).getMessage());
    }

    @Test
    void midwayOnlyHeldSessionsCountAndAttendanceAfterTheDateIsRefused() {
        List<Attendance> firstTwo = attendance().stream().filter(a -> a.sessionId().compareTo("s3") < 0).toList();
        CourseReport r = CourseHistory.of(COURSE, PLAN, enrolments(), firstTwo, List.of())
                .report(LocalDate.of(2026, 3, 12));
        assertEquals(2, r.sessionsHeld());
        assertEquals(0, r.completed(), "two of four sessions cannot meet 0.75");
        assertEquals(2, r.noShows());
        SessionReport s4 = r.sessionReports().get(3);
        assertTrue(!s4.held() && s4.attendanceRate().isEmpty() && s4.noShows() == 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> history().report(LocalDate.of(2026, 3, 12)));
        assertEquals("attendance of customer c-1 is recorded for session s3 on 2026-03-17, after 2026-03-12: a "
                + "session is attended once it is held", e.getMessage());
    }

    @Test
    void reactionLearningAndBehaviourAreSummarised() {
        CourseReport r = history().report(LocalDate.of(2026, 6, 30));
        assertEquals(4.0, r.meanReaction().getAsDouble(), 0.0, "(5 + 4 + 3 + 4) / 4");
        assertEquals(4, r.reactionResponses());
        assertEquals(3, r.learningPairs(), "c-4 has no post-test");
        assertEquals(40.0 / 3, r.meanLearningGain().getAsDouble(), 1e-12, "(30 − 10 + 20) / 3");
        assertEquals(0.5, r.meanNormalisedGain().getAsDouble(), 0.0, "c-1 30/60, c-3 20/40; c-2 at the ceiling");
        assertEquals(1, r.atCeiling());
        assertEquals(Map.of("uses_checklist", 0.5), r.behaviourMeans());
        assertTrue(r.results().isEmpty());
    }

    @Test
    void nobodyEnrolledGivesNoRatesRatherThanNaN() {
        CourseReport r = CourseHistory.of(COURSE, PLAN, List.of(), List.of(), List.of()).report(LocalDate.of(2026, 4, 1));
        assertEquals(0, r.enrolled());
        assertTrue(r.attendanceRate().isEmpty() && r.completionRate().isEmpty() && r.meanReaction().isEmpty()
                && r.meanLearningGain().isEmpty());
    }

    @Test
    void badRecordsAreRefusedNamingTheCustomerAndTheRule() {
        LocalDate tooEarly = LocalDate.of(2026, 5, 22);
        assertEquals("behaviour uses_checklist of customer c-1 observed on 2026-05-22, before the follow-up date "
                + "2026-05-23 (last session 2026-03-24 plus P60D)", assertThrows(IllegalArgumentException.class,
                        () -> CourseHistory.of(COURSE, PLAN, enrolments(), attendance(),
                                List.of(Evaluation.behaviour("C-1", c(1), "uses_checklist", 1, tooEarly))))
                        .getMessage());
        assertEquals("reaction 6.0 of customer c-1 is outside the scale 1-5", assertThrows(IllegalArgumentException.class,
                () -> CourseHistory.of(COURSE, PLAN, enrolments(), attendance(),
                        List.of(Evaluation.reaction("C-1", c(1), 6)))).getMessage());
        assertEquals("customer c-9 attended session s1 of course C-1 without an enrolment", assertThrows(
                IllegalArgumentException.class, () -> CourseHistory.of(COURSE, PLAN, enrolments(),
                        List.of(Attendance.present("C-1", "s1", c(9))), List.of())).getMessage());
        assertEquals("session s9 is not a session of course C-1", assertThrows(IllegalArgumentException.class,
                () -> CourseHistory.of(COURSE, PLAN, enrolments(), List.of(Attendance.present("C-1", "s9", c(1))),
                        List.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CourseHistory.of(COURSE, PLAN, enrolments(),
                List.of(Attendance.present("C-1", "s1", c(1)), Attendance.absent("C-1", "s1", c(1))), List.of()));
        assertThrows(IllegalArgumentException.class, () -> CourseHistory.of(COURSE, PLAN, enrolments(), List.of(),
                List.of(Evaluation.preTest("C-1", c(1), 10), Evaluation.preTest("C-1", c(1), 20))));
        // an evaluation from a customer who never enrolled would move the course's means (review s24: two
        // test scores of a stranger moved a mean learning gain from 21 to 34.17)
        assertEquals("customer c-9 is not enrolled in course C-1", assertThrows(IllegalArgumentException.class,
                () -> CourseHistory.of(COURSE, PLAN, enrolments(), attendance(),
                        List.of(Evaluation.preTest("C-1", c(9), 0), Evaluation.postTest("C-1", c(9), 100))))
                .getMessage());
        assertEquals("customer c-9 is not enrolled in course C-1", assertThrows(IllegalArgumentException.class,
                () -> history().check(Evaluation.reaction("C-1", c(9), 1))).getMessage());
        // a second rating of the course, or of one session, by the same customer would count them twice
        assertEquals("customer c-1 rated course C-1 twice", assertThrows(IllegalArgumentException.class,
                () -> CourseHistory.of(COURSE, PLAN, enrolments(), attendance(),
                        List.of(Evaluation.reaction("C-1", c(1), 5), Evaluation.reaction("C-1", c(1), 3))))
                .getMessage());
        assertEquals("customer c-1 rated session s3 of course C-1 twice", assertThrows(IllegalArgumentException.class,
                () -> CourseHistory.of(COURSE, PLAN, enrolments(), attendance(),
                        List.of(Evaluation.reaction("C-1", c(1), "s3", 5), Evaluation.reaction("C-1", c(1), "s3", 3))))
                .getMessage());
        // one rating of the course and one per session are different things rated once each: (5 + 3 + 4) / 3 = 4
        assertEquals(4.0, CourseHistory.of(COURSE, PLAN, enrolments(), attendance(),
                List.of(Evaluation.reaction("C-1", c(1), 5), Evaluation.reaction("C-1", c(1), "s3", 3),
                        Evaluation.reaction("C-1", c(1), "s1", 4))).report(LocalDate.of(2026, 6, 30))
                .meanReaction().getAsDouble(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new Evaluation("C-1", c(1), KirkpatrickLevel.RESULTS,
                "complaints", 1, java.util.Optional.empty(), java.util.Optional.empty()));
    }

    @Test
    void certificatesDateFromTheSessionThatMetTheRuleAndRenewalRemindersAreCareTasks() {
        List<Certificate> certificates = history().certificates(LocalDate.of(2026, 3, 31));
        assertEquals(List.of(new Certificate("C-1", c(1), LocalDate.of(2026, 3, 17), LocalDate.of(2028, 3, 17)),
                new Certificate("C-1", c(2), LocalDate.of(2026, 3, 24), LocalDate.of(2028, 3, 24))), certificates);
        assertTrue(certificates.get(0).isValidOn(LocalDate.of(2028, 3, 16)));
        assertTrue(!certificates.get(0).isValidOn(LocalDate.of(2028, 3, 17)));

        CareSchedule.Builder builder = CareSchedule.dealerManualBuilder(SHANGHAI);
        Certificate.renewalRules().forEach(builder::rule);
        List<CareTask> tasks = builder.build().tasks(List.of(certificates.get(0).renewalEvent("li.na", SHANGHAI)));
        Instant expiry = LocalDate.of(2028, 3, 17).atStartOfDay(SHANGHAI).toInstant();
        assertEquals(List.of("invite the customer to renew the training certificate",
                "the training certificate expires today: confirm the renewal"),
                tasks.stream().map(CareTask::action).toList());
        assertEquals(List.of(expiry.minus(Duration.ofDays(30)), expiry.plus(Duration.ofDays(1))),
                tasks.stream().map(CareTask::due).toList());
        assertEquals("li.na", tasks.get(0).assignee());
        assertEquals(List.of(c(1)), CourseHistory.of(COURSE.withCompletion(CompletionRule.allSessions()), PLAN,
                enrolments(), attendance(), List.of()).certificates(LocalDate.of(2026, 3, 31)).stream()
                .map(Certificate::customer).toList(), "all four sessions: only c-1");
    }
}
