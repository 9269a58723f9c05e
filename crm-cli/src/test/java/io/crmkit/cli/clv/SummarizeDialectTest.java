package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm clv summarize} reads the dialects analysts export: delimiter, date format, zone, byte-order mark. */
class SummarizeDialectTest {

    @TempDir
    Path dir;

    /** The first CDNOW customer's purchases (CDNOW_sample.txt, customer 4) and a second customer. */
    private static final String EXPECTED = String.join("\n", "customer_id,frequency,recency,T,monetary_value",
            "c1,2,30.428571428571427,38.857142857142854,22.345", "c2,1,1.7142857142857142,38.857142857142854,11.77", "");

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Result summarize(Path input, String... options) {
        List<String> args = new ArrayList<>(List.of("clv", "summarize", "--input", input.toString(), "--as-of",
                "1997-09-30", "--unit", "weeks"));
        args.addAll(List.of(options));
        return crm(args.toArray(String[]::new));
    }

    @Test
    void theIsoCommaLogGivesTheCdnowSummary() throws IOException {
        // c1: 1997-01-01, 01-18, 08-02 (and 12-12, after the as-of date): 2 repeats, recency 213 days / 7,
        // T 272 days / 7, mean repeat spend (29.73 + 14.96) / 2 = 22.345 (lifetimes' CDNOW summary: 2, 30.43, 38.86, 22.35)
        Path log = file("log.csv", "customer_id,date,amount\nc1,1997-01-01,29.33\nc1,1997-01-18,29.73\n"
                + "c1,1997-08-02,14.96\nc1,1997-12-12,26.48\nc2,1997-01-01,63.34\nc2,1997-01-13,11.77\n");
        Result run = summarize(log);
        assertEquals(0, run.exit(), run.err());
        assertEquals(EXPECTED, run.out());
    }

    @Test
    void aSemicolonLogWithEuropeanDatesAndAByteOrderMarkGivesTheSameSummary() throws IOException {
        Path log = file("eu.csv", "\uFEFFcustomer_id;date;amount\nc1;01/01/1997;29.33\nc1;18/01/1997;29.73\n"
                + "c1;02/08/1997;14.96\nc1;12/12/1997;26.48\nc2;01/01/1997;63.34\nc2;13/01/1997;11.77\n");
        Result run = summarize(log, "--delimiter", ";", "--date-format", "dd/MM/yyyy");
        assertEquals(0, run.exit(), run.err());
        assertEquals(EXPECTED, run.out());
        Path tabs = file("tabs.tsv", "customer_id\tdate\tamount\nc1\t1997-01-01\t29.33\nc1\t1997-01-18\t29.73\n"
                + "c1\t1997-08-02\t14.96\nc2\t1997-01-01\t63.34\nc2\t1997-01-13\t11.77\n");
        Result tab = summarize(tabs, "--delimiter", "\\t");
        assertEquals(0, tab.exit(), tab.err());
        assertEquals(EXPECTED, tab.out());
    }

    @Test
    void dateTimesWithOffsetsFallOnTheCalendarDayOfTheZone() throws IOException {
        // 1997-01-17T23:30-05:00 is 01-18 04:30 UTC: day 01-18 in UTC, 01-17 in New York
        Path log = file("offsets.csv", "customer_id,date,amount\nc1,1997-01-01T12:00:00Z,29.33\n"
                + "c1,1997-01-17T23:30:00-05:00,29.73\nc1,1997-08-02T10:00:00+02:00,14.96\n"
                + "c2,1997-01-01T00:00:00Z,63.34\nc2,1997-01-13T08:00:00Z,11.77\n");
        Result utc = summarize(log, "--date-format", "iso-offset");
        assertEquals(0, utc.exit(), utc.err());
        assertEquals(EXPECTED, utc.out());
        Result newYork = summarize(log, "--date-format", "iso-offset", "--zone", "America/New_York");
        assertEquals(0, newYork.exit(), newYork.err());
        // in New York c2's first purchase (00:00Z) is on 1996-12-31 and its second on 01-13: T is 273 days
        // = 39 weeks, recency 13 days = 13 / 7 weeks; c1's second purchase moves to 01-17, which changes nothing
        assertTrue(newYork.out().contains("\nc1,2,30.428571428571427,38.857142857142854,22.345\n"), newYork.out());
        String c2 = newYork.out().lines().filter(l -> l.startsWith("c2,")).findFirst().orElseThrow();
        assertEquals("c2,1,1.857142857142857,39,11.77", c2);
    }

    @Test
    void badDialectOptionsAreUsageErrorsAndBadCellsNameTheFormat() throws IOException {
        Path log = file("log.csv", "customer_id,date,amount\nc1,1997-01-01,29.33\n");
        Result delimiter = summarize(log, "--delimiter", ";;");
        assertEquals(2, delimiter.exit());
        assertTrue(delimiter.err().contains("--delimiter ';;' is invalid: it must be one character"), delimiter.err());
        Result zone = summarize(log, "--zone", "Mars/Olympus");
        assertEquals(2, zone.exit());
        assertTrue(zone.err().contains("--zone 'Mars/Olympus': not a zone"), zone.err());
        Result format = summarize(log, "--date-format", "dd/MM/yyyy");
        assertEquals(1, format.exit());
        assertTrue(format.err().contains("log.csv:2: date '1997-01-01': not a date of the format dd/MM/yyyy"),
                format.err());
        assertEquals("", format.out());
    }

    @Test
    void aDatePatternThatCanNeverGiveADayIsAUsageErrorBeforeAnyLine() throws IOException {
        Path log = file("log.csv", "customer_id,date,amount\na,2020-01-01,1\na,2020-02-01,2\n");
        String rule = ": the pattern gives no date: it needs a year with a month and a day (e.g. dd/MM/yyyy) or with"
                + " a day of the year";
        // a zone name only, a month without a day, a time with an offset but no date
        for (String pattern : List.of("zzz", "yyyy-MM", "HH:mmXXX", "'literal'")) {
            Result r = summarize(log, "--date-format", pattern);
            assertEquals(2, r.exit(), pattern + ": " + r.err());
            assertEquals("", r.out());
            assertEquals("crm clv summarize: --date-format '" + pattern + "'" + rule, r.err().strip());
        }
        // every command that reads a log with --date-format checks it up front, whatever its other options
        Result evaluate = crm("clv", "evaluate", "--input", log.toString(), "--calibration-end", "2020-01-15",
                "--holdout-end", "2020-03-01", "--date-format", "zzz");
        assertEquals(2, evaluate.exit(), evaluate.err());
        assertEquals("crm clv evaluate: --date-format 'zzz'" + rule, evaluate.err().strip());
        // patterns that do give a day pass the check and read the file: day of the year, date-time with an offset
        Path ordinal = file("ordinal.csv", "customer_id,date,amount\nc1,1997-001,29.33\nc1,1997-018,29.73\n"
                + "c1,1997-214,14.96\nc1,1997-346,26.48\nc2,1997-001,63.34\nc2,1997-013,11.77\n");
        Result byDayOfYear = summarize(ordinal, "--date-format", "uuuu-DDD");
        assertEquals(0, byDayOfYear.exit(), byDayOfYear.err());
        assertEquals(EXPECTED, byDayOfYear.out());
        Path offsets = file("offsets.csv", "customer_id,date,amount\nc1,1997-01-01 10:00 +01:00,29.33\n"
                + "c1,1997-01-18 10:00 +01:00,29.73\nc1,1997-08-02 10:00 +01:00,14.96\nc1,1997-12-12 10:00 +01:00,26.48\n"
                + "c2,1997-01-01 10:00 +01:00,63.34\nc2,1997-01-13 10:00 +01:00,11.77\n");
        Result withOffset = summarize(offsets, "--date-format", "uuuu-MM-dd HH:mm XXX");
        assertEquals(0, withOffset.exit(), withOffset.err());
        assertEquals(EXPECTED, withOffset.out());
        // a pattern Java cannot read at all is the same usage line
        Result unknown = summarize(log, "--date-format", "yyyy-MM-dd-bb");
        assertEquals(2, unknown.exit(), unknown.err());
        assertTrue(unknown.err().startsWith("crm clv summarize: --date-format 'yyyy-MM-dd-bb': not a date pattern: "),
                unknown.err());
    }
}
