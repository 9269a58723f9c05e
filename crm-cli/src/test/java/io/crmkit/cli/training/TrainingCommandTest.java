package io.crmkit.cli.training;

import static io.crmkit.cli.CliRun.bundled;
import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm training report} on the bundled sample and on small files checked by hand. */
class TrainingCommandTest {

    @TempDir
    Path dir;

    @Test
    void theBundledSampleIsReported() throws IOException {
        Result r = crm("training", "report", "--courses", bundled(dir, "training-courses.csv").toString(),
                "--enrolments", bundled(dir, "training-enrolments.csv").toString(),
                "--attendance", bundled(dir, "training-attendance.csv").toString(),
                "--evaluations", bundled(dir, "training-evaluations.csv").toString(),
                "--outcomes", bundled(dir, "training-outcomes.csv").toString(), "--as-of", "2026-11-29");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        // CARE-1: 4 enrolled, all present once, 3 attended both sessions ("all"); reactions (4 + 5 + 3) / 3;
        // gains (8 + 6 − 1) / 3; repeat purchases: trained change +1, comparison 4/31, effect 1 − 4/31.
        // DRV-1: 7 of 8 attended, 5 met 3 of 4 sessions (two exactly); reactions 25/6; gains
        // (40 + 20 + 15 + 0 + 30) / 5; complaints: trained change −7/5, comparison −4/25, effect −1.24.
        // The intervals come from the seeded bootstrap (seed 1, 2000 replicates), pinned against changes to
        // four decimals. Every number is written exactly, in its shortest round-trip form.
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size());
        assertEquals(String.join(",", TrainingReport.COLUMNS), lines.get(0));
        assertRow(lines.get(1), "CARE-1,4,4,1,3,0.75,4,", 13.0 / 3, 1 - 4.0 / 31, 0.7419, 0.9677);
        assertRow(lines.get(2), "DRV-1,8,7,0.875,5,0.625," + (25.0 / 6) + ",", 21, -7.0 / 5 + 4.0 / 25, -1.72, -0.80);
        assertTrue(lines.get(1).contains(",4.333333333333333,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("DRV-1,8,7,0.875,5,0.625,4.166666666666667,21,"), lines.get(2));
    }

    /**
     * A report row: the exact cells up to the reaction, then the learning gain and the effect to the
     * last bits of a double, the interval bounds to four decimals (their pinned values).
     */
    private static void assertRow(String row, String exactStart, double gain, double effect, double low,
            double high) {
        assertTrue(row.startsWith(exactStart), row);
        String[] cells = row.split(",", -1);
        assertEquals(gain, Double.parseDouble(cells[7]), 1e-12, row);
        assertEquals(effect, Double.parseDouble(cells[8]), 1e-12, row);
        assertEquals(low, Double.parseDouble(cells[9]), 5e-5, row);
        assertEquals(high, Double.parseDouble(cells[10]), 5e-5, row);
        for (int i = 1; i < cells.length; i++) {
            // no padding zeros: 0.75, not 0.7500
            assertTrue(!cells[i].matches(".*\\.\\d*0"), "padded: " + cells[i]);
        }
    }

    static final String COURSES = "course_id,topic,product,format,capacity,session_id,session_date,completion\n"
            + "C-1,Safe operation,forklift,on_site,2,s1,2026-03-03,0.5\n"
            + "C-1,Safe operation,forklift,on_site,2,s2,2026-03-10,0.5\n";

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    Result report(String enrolments, String attendance, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("training", "report", "--courses",
                file("courses.csv", COURSES).toString(), "--enrolments", file("enrolments.csv", enrolments).toString(),
                "--attendance", file("attendance.csv", attendance).toString(), "--as-of", "2026-03-31"));
        args.addAll(List.of(more));
        return crm(args.toArray(String[]::new));
    }

    static final String FULL = "course_id,customer_id,enrolled_at,status\nC-1,c-1,2026-02-01,enrolled\n"
            + "C-1,c-2,2026-02-02,enrolled\nC-1,c-3,2026-02-03T08:00:00Z,waitlisted\n";

    @Test
    void aFullCourseAndAShareMetExactlyByOneOfTwoSessions() throws IOException {
        Result r = report(FULL, "session_id,course_id,customer_id,attended\ns1,C-1,c-1,yes\ns2,C-1,c-1,no\n"
                + "s1,C-1,c-3,yes\n");
        assertEquals(0, r.exit(), r.err());
        // 2 enrolled (capacity 2 exactly full); c-1 attended 1 of 2 = 0.5 exactly; c-3 waits, not counted
        assertEquals(List.of(String.join(",", TrainingReport.COLUMNS), "C-1,2,1,0.5,1,0.5,,,,,"),
                r.out().lines().toList(), "no evaluations or outcomes: their columns are empty");
    }

    @Test
    void theResultsStayEmptyUntilTheWindowAfterIsOver() throws IOException {
        String attendance = "session_id,course_id,customer_id,attended\ns1,C-1,c-1,yes\ns1,C-1,c-2,yes\n";
        String outcomes = "customer_id,kind,date\nc-1,complaint,2026-02-20\nc-2,customer,\n"
                + "u-1,complaint,2026-02-25\nu-1,complaint,2026-03-20\nu-2,customer,\n";
        Result r = report(FULL, attendance, "--outcomes", file("outcomes.csv", outcomes).toString());
        assertEquals("C-1,2,2,1,2,1,,,,,", r.out().lines().toList().get(1), "90 days after 10 March");
        String courses = COURSES.replace(",completion\n", ",completion,window_days\n").replace(",0.5\n", ",0.5,20\n");
        file("courses.csv", courses);
        List<String> args = List.of("training", "report", "--courses", dir.resolve("courses.csv").toString(),
                "--enrolments", dir.resolve("enrolments.csv").toString(), "--attendance",
                dir.resolve("attendance.csv").toString(), "--outcomes", dir.resolve("outcomes.csv").toString(),
                "--as-of", "2026-03-31");
        r = crm(args.toArray(String[]::new));
        // windows [11 Feb, 3 Mar) and [11 Mar, 30 Mar]: trained c-1 1 → 0, c-2 0 → 0: mean −0.5;
        // comparison u-1 1 → 1, u-2 0 → 0: mean 0; effect −0.5
        assertEquals(0, r.exit(), r.err());
        List<String> cells = List.of(r.out().lines().toList().get(1).split(",", -1));
        assertEquals("-0.5", cells.get(8));
    }

    private static void refused(Result r, String line) {
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("crm training report: " + line + "\n", r.err().replace("\r\n", "\n"));
    }

    @Test
    void theInputsFollowTheOneInputDialect() throws IOException {
        String attendance = "session_id,course_id,customer_id,attended\ns1,C-1,c-1,yes\n";
        Result utf16 = report(FULL, attendance, "--outcomes", Files.write(dir.resolve("utf16.csv"),
                "customer_id,kind,date\nc-1,complaint,2026-02-20\n".getBytes(java.nio.charset.StandardCharsets.UTF_16)).toString());
        refused(utf16, "utf16.csv:1: the file is UTF-16 (or UTF-32): crm reads UTF-8, with or without a byte-order mark");
        refused(report(FULL, "session_id,course_id,customer_id,attended,attended\n"),
                "attendance.csv:1: column 'attended' appears twice (columns 4 and 5)");
        refused(report(FULL, "session_id,course_id,customer_id,atended\n"),
                "attendance.csv:1: column 'atended': unknown; did you mean 'attended'?");
        refused(report(FULL, attendance, "--evaluations", file("ev.csv",
                        "course_id,customer_id,level,measure,value\nC-1,c-1,2,test,0x1p3\n").toString()),
                "ev.csv:2: value '0x1p3': not a decimal number (digits with an optional point and exponent, e.g. 12.5 or 1.25e3)");
        refused(report(FULL.replace("2026-02-01", "2020-01-02Tgarbage"), attendance),
                "enrolments.csv:2: enrolled_at '2020-01-02Tgarbage': not a date yyyy-MM-dd (optionally followed by T and"
                        + " a time HH:mm[:ss], then optionally an offset Z or +HH:mm)");
        refused(report(FULL, attendance, "--outcomes", file("out.csv", "customer_id,kind,date\nc-1,complaint,2020-01-02Tgarbage\n")
                        .toString()),
                "out.csv:2: date '2020-01-02Tgarbage': not a date yyyy-MM-dd (optionally followed by T and a time HH:mm[:ss])");
        Result bom = report("\uFEFF" + FULL, attendance);
        assertEquals(0, bom.exit(), bom.err());
    }

    @Test
    void aBadValueNamesTheFileTheLineTheFieldAndTheRule() throws IOException {
        Result r = report(FULL.replace("waitlisted", "maybe"), "session_id,course_id,customer_id,attended\n");
        assertEquals(1, r.exit());
        assertEquals("crm training report: enrolments.csv:4: status 'maybe': expected one of enrolled, waitlisted, "
                + "cancelled", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void anEnrolmentBeyondTheCapacityIsRefusedAtItsLine() throws IOException {
        Result r = report(FULL.replace("waitlisted", "enrolled"), "session_id,course_id,customer_id,attended\n");
        assertEquals(1, r.exit());
        assertEquals("crm training report: enrolments.csv:4: status 'enrolled': course C-1 is full: its capacity is 2",
                r.err().strip());
    }

    @Test
    void attendanceBeforeTheSessionIsHeldOrWithoutEnrolmentIsRefused() throws IOException {
        String courses = COURSES.replace("2026-03-10", "2026-04-10");
        file("courses.csv", courses);
        Result r = crm("training", "report", "--courses", dir.resolve("courses.csv").toString(), "--enrolments",
                file("enrolments.csv", FULL).toString(), "--attendance", file("attendance.csv",
                        "session_id,course_id,customer_id,attended\ns1,C-1,c-1,yes\ns2,C-1,c-1,yes\n").toString(),
                "--as-of", "2026-03-31");
        assertEquals(1, r.exit());
        assertEquals("crm training report: attendance.csv:3: session_id 's2': takes place on 2026-04-10, after the "
                + "as-of date 2026-03-31: a session is attended once it is held", r.err().strip());
        r = report(FULL, "session_id,course_id,customer_id,attended\ns1,C-1,c-9,yes\n");
        assertEquals("crm training report: attendance.csv:2: customer c-9 attended session s1 of course C-1 without "
                + "an enrolment", r.err().strip());
    }

    @Test
    void evaluationsOutsideTheirScaleAreRefused() throws IOException {
        Result r = report(FULL, "session_id,course_id,customer_id,attended\n", "--evaluations",
                file("evaluations.csv", "course_id,customer_id,level,measure,value\nC-1,c-1,1,reaction,6\n").toString());
        assertEquals(1, r.exit());
        assertEquals("crm training report: evaluations.csv:2: reaction 6.0 of customer c-1 is outside the scale 1-5",
                r.err().strip());
        r = report(FULL, "session_id,course_id,customer_id,attended\n", "--evaluations",
                file("evaluations.csv", "course_id,customer_id,level,measure,value\nC-1,c-1,5,reaction,4\n").toString());
        assertEquals("crm training report: evaluations.csv:2: level '5': expected a whole number from 1 to 4",
                r.err().strip());
        file("evaluations.csv", "course_id,customer_id,level,measure,value,session_id\n"
                + "C-1,c-1,1,reaction,4,s1\nC-1,c-2,1,reaction,5,s2\n");
        r = crm("training", "report", "--courses", dir.resolve("courses.csv").toString(), "--enrolments",
                dir.resolve("enrolments.csv").toString(), "--attendance", dir.resolve("attendance.csv").toString(),
                "--evaluations", dir.resolve("evaluations.csv").toString(), "--as-of", "2026-03-05");
        assertEquals("crm training report: evaluations.csv:3: session_id 's2': takes place on 2026-03-10, after the "
                + "as-of date 2026-03-05: a session is rated once it is held", r.err().strip());
    }

    /** The bundled report with extra evaluation lines appended to the bundled evaluations. */
    private Result bundledWithEvaluations(String extra) throws IOException {
        Path evaluations = file("ev.csv", Files.readString(bundled(dir, "training-evaluations.csv")) + extra);
        return crm("training", "report", "--courses", bundled(dir, "training-courses.csv").toString(),
                "--enrolments", bundled(dir, "training-enrolments.csv").toString(),
                "--attendance", bundled(dir, "training-attendance.csv").toString(),
                "--evaluations", evaluations.toString(), "--as-of", "2026-11-29");
    }

    @Test
    void evaluationsFromCustomersOutsideTheCourseOrRatingTwiceAreRefused() throws IOException {
        long lines = Files.readString(bundled(dir, "training-evaluations.csv")).lines().count();
        // review s24: a stranger's two test scores moved DRV-1's mean learning gain from 21 to 34.17, exit 0
        refused(bundledWithEvaluations("DRV-1,zz,2,pre,0,\nDRV-1,zz,2,post,100,\n"),
                "ev.csv:" + (lines + 1) + ": customer_id 'zz': not enrolled in course DRV-1");
        // d01 is enrolled in DRV-1, not CARE-1: its rating moved CARE-1's mean reaction from 4 to 3.25
        refused(bundledWithEvaluations("CARE-1,d01,1,reaction,1,\n"),
                "ev.csv:" + (lines + 1) + ": customer_id 'd01': not enrolled in course CARE-1");
        // d01 rated DRV-1 on line 2 already: a second rating counted it twice (mean 4.0 instead of 25/6)
        refused(bundledWithEvaluations("DRV-1,d01,1,reaction,3,\n"),
                "ev.csv:" + (lines + 1) + ": customer_id 'd01': already rated course DRV-1 on line 2");
        // the same for a session's rating; a rating of the course and one of a session are two things
        String twice = "course_id,customer_id,level,measure,value,session_id\n"
                + "C-1,c-1,1,reaction,4,s1\nC-1,c-1,1,reaction,5,\nC-1,c-1,1,reaction,2,s1\n";
        refused(report(FULL, "session_id,course_id,customer_id,attended\n", "--evaluations",
                file("evaluations.csv", twice).toString()),
                "evaluations.csv:4: customer_id 'c-1': already rated session s1 of course C-1 on line 2");
        // a customer id that could be a phone number is masked
        refused(report(FULL, "session_id,course_id,customer_id,attended\n", "--evaluations", file("evaluations.csv",
                "course_id,customer_id,level,measure,value\nC-1,13812345678,1,reaction,4\n").toString()),
                "evaluations.csv:2: customer_id '138****5678': not enrolled in course C-1");
    }

    @Test
    void aPurchaseNeedsAnAmountInOneCurrency() throws IOException {
        String attendance = "session_id,course_id,customer_id,attended\n";
        Result r = report(FULL, attendance, "--outcomes", file("outcomes.csv",
                "customer_id,kind,date,amount,currency\nc-1,purchase,2026-02-20,10.00,CNY\nc-2,purchase,2026-02-21,,\n")
                .toString());
        assertEquals("crm training report: outcomes.csv:3: amount '': required", r.err().strip());
        r = report(FULL, attendance, "--outcomes", file("outcomes.csv",
                "customer_id,kind,date,amount,currency\nc-1,purchase,2026-02-20,10.00,CNY\nc-2,purchase,2026-02-21,5,EUR\n")
                .toString());
        assertEquals("crm training report: outcomes.csv:3: currency 'EUR': differs from CNY on line 2: give all "
                + "purchases in one currency", r.err().strip());
        assertEquals(1, r.exit());
    }

    @Test
    void aMissingOptionIsAUsageError() {
        Result r = crm("training", "report", "--courses", "courses.csv");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
