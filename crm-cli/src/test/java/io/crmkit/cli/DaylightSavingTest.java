package io.crmkit.cli;

import static io.crmkit.cli.CliRun.bundled;
import static io.crmkit.cli.CliRun.crm;
import static io.crmkit.cli.CliRun.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.cli.CliRun.Result;
import io.crmkit.cli.format.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local times of a zone with daylight saving, in every command that reads them: a local time that
 * does not exist (in the spring gap) is refused with file and line, or as a usage error for an
 * option — it was moved an hour later without a word; one that exists twice (in the autumn
 * overlap) is taken at the earlier offset; a date is its day's first instant; care deadlines are
 * elapsed durations after or before the event. Transitions from the tz database: Europe/Berlin
 * 2026-03-29 02:00 CET to 03:00 CEST and 2026-10-25 03:00 CEST back to 02:00 CET; America/Santiago
 * 2026-09-06 00:00 -04:00 to 01:00 -03:00.
 */
class DaylightSavingTest {

    private static final String BERLIN_GAP = "not a time in Europe/Berlin: the clocks go from 02:00 straight to "
            + "03:00 on 2026-03-29 (daylight saving); give a time outside the gap, or the time with the offset it was "
            + "read in (+01:00 or +02:00)";
    private static final String CARE = "customer_id,moment,at,owner\n";

    @TempDir
    Path dir;

    @Test
    void theReaderRefusesATimeInTheGapAndTakesTheEarlierOffsetInTheOverlap() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(BERLIN_GAP, org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Values.instant("2026-03-29T02:30", berlin)).getMessage());
        // the last minute before the gap and its end exist
        assertEquals(Instant.parse("2026-03-29T00:59:00Z"), Values.instant("2026-03-29T01:59", berlin));
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), Values.instant("2026-03-29T03:00", berlin));
        // with its offset the time is an instant, whatever the zone's clocks did
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), Values.instant("2026-03-29T02:30+01:00", berlin));
        // 02:30 on 2026-10-25 happens at 00:30Z (CEST, +02:00) and again at 01:30Z (CET): the first is taken
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), Values.instant("2026-10-25T02:30", berlin));
        assertEquals(Instant.parse("2026-10-25T01:30:00Z"), Values.instant("2026-10-25T02:30+01:00", berlin));
        // a day whose midnight is skipped starts at the end of the jump, 01:00 -03:00
        assertEquals(Instant.parse("2026-09-06T04:00:00Z"), Values.instant("2026-09-06", ZoneId.of("America/Santiago")));
    }

    @Test
    void careRefusesAnEventTimeInTheGapOnItsLine() {
        Path events = file(dir, "care.csv", CARE + "c1,prospect_left,2026-03-28T02:30,ann\n"
                + "c2,delivered,2026-03-29T02:30,bob\n");
        Result r = crm("care", "schedule", "--events", events.toString(), "--zone", "Europe/Berlin");
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("crm care schedule: care.csv:3: at '2026-03-29T02:30': " + BERLIN_GAP, r.err().strip());
    }

    @Test
    void careRefusesAnAsOfTimeInTheGapAsAUsageError() {
        Path events = file(dir, "care.csv", CARE + "c1,prospect_left,2026-03-28T02:30,ann\n");
        Result r = crm("care", "schedule", "--events", events.toString(), "--zone", "Europe/Berlin", "--as-of",
                "2026-03-29T02:15");
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("crm care schedule: --as-of '2026-03-29T02:15': " + BERLIN_GAP,
                r.err().strip());
    }

    @Test
    void careTakesTheEarlierOffsetInTheOverlapAndCountsDeadlinesInElapsedHours() {
        Path events = file(dir, "care.csv", CARE
                // 02:30 twice on 2026-10-25: the first, +02:00 (00:30Z); 48 elapsed hours later is 2026-10-27T00:30Z,
                // 01:30 on the winter clock
                + "c1,prospect_left,2026-10-25T02:30,ann\n"
                // the same wall time, the second occurrence, written with its offset: 01:30Z + 48 h = 02:30 CET
                + "c2,prospect_left,2026-10-25T02:30+01:00,ann\n"
                // 2026-03-30T02:30+02:00 is 00:30Z; 72 and 24 elapsed hours before: 03-27T00:30Z (01:30 CET) and
                // 03-29T00:30Z (01:30 CET, before the jump)
                + "c3,delivery_booked,2026-03-30T02:30,bob\n"
                // a date is the day's start; the same-day deadline the next day's start, 00:00 CEST
                + "c4,prospect_visit,2026-03-29,bob\n");
        Result r = crm("care", "schedule", "--events", events.toString(), "--zone", "Europe/Berlin");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("customer_id,moment,action,assignee,event_at,due",
                "c3,delivery_booked,remind the customer to prepare for delivery,bob,2026-03-30T02:30+02:00,"
                        + "2026-03-27T01:30+01:00",
                "c3,delivery_booked,remind the customer of tomorrow's delivery,bob,2026-03-30T02:30+02:00,"
                        + "2026-03-29T01:30+01:00",
                "c4,prospect_visit,send a thank-you message,bob,2026-03-29T00:00+01:00,2026-03-30T00:00+02:00",
                "c1,prospect_left,telephone follow-up by customer relations,ann,2026-10-25T02:30+02:00,"
                        + "2026-10-27T01:30+01:00",
                "c2,prospect_left,telephone follow-up by customer relations,ann,2026-10-25T02:30+01:00,"
                        + "2026-10-27T02:30+01:00"), r.lines());
    }

    @Test
    void aDayWhoseMidnightIsSkippedStartsAtTheEndOfTheJump() {
        Path events = file(dir, "care.csv", CARE + "c1,prospect_visit,2026-09-06,ann\n");
        Result r = crm("care", "schedule", "--events", events.toString(), "--zone", "America/Santiago");
        assertEquals(0, r.exit(), r.err());
        assertEquals("c1,prospect_visit,send a thank-you message,ann,2026-09-06T01:00-03:00,2026-09-07T00:00-03:00",
                r.lines().get(1));
    }

    @Test
    void loyaltyRefusesAnEventTimeInTheGapOfTheProgramsZone() throws IOException {
        String program = Files.readString(bundled(dir, "loyalty-program.json"), StandardCharsets.UTF_8)
                .replace("Asia/Shanghai", "Europe/Berlin");
        Path events = file(dir, "ev.csv", "event_id,customer_id,at,type,amount,points,category,ref\n"
                + "e1,c1,2026-03-02T10:15,purchase,10,,,\ne2,c1,2026-03-29T02:15,purchase,10,,,\n");
        Result r = crm("loyalty", "statement", "--program", file(dir, "p.json", program).toString(), "--events",
                events.toString(), "--as-of", "2026-12-31");
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("crm loyalty statement: ev.csv:3: at '2026-03-29T02:15': " + BERLIN_GAP,
                r.err().strip());
    }
}
