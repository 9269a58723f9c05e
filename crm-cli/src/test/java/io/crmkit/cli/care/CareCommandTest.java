package io.crmkit.cli.care;

import static io.crmkit.cli.CliRun.bundled;
import static io.crmkit.cli.CliRun.crm;
import static io.crmkit.cli.CliRun.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm care schedule|quota} on the bundled care-events.csv and care-interactions.csv in
 * Shanghai time, deadlines worked out by hand from the dealer manual's rules, and the refusals.
 */
class CareCommandTest {

    @TempDir
    Path dir;

    @Test
    void theBundledEventsBecomeDatedTasksAndFourAreOverdueAtNoonOnTheFourth() throws IOException {
        Result r = crm("care", "schedule", "--events", bundled(dir, "care-events.csv").toString(), "--zone", "Asia/Shanghai",
                "--as-of", "2026-03-04T12:00");
        assertEquals(0, r.exit(), r.err());
        // price objection: at the visit; prospect visit: by the end of its day; delivery booked for 03-06 09:00:
        // 72 h and 24 h before; prospect left: within 48 h; delivered 03-03 16:00: within 24 h and 72 h; birthday: that day
        assertEquals(List.of("customer_id,moment,action,assignee,event_at,due,overdue",
                "k-02,price_objection,agree the next contact time,li.na,2026-03-02T15:00+08:00,2026-03-02T15:00+08:00,true",
                "k-01,prospect_visit,send a thank-you message,wang.wei,2026-03-02T10:30+08:00,2026-03-03T00:00+08:00,true",
                "k-03,delivery_booked,remind the customer to prepare for delivery,wang.wei,2026-03-06T09:00+08:00,"
                        + "2026-03-03T09:00+08:00,true",
                "k-01,prospect_left,telephone follow-up by customer relations,wang.wei,2026-03-02T11:15+08:00,"
                        + "2026-03-04T11:15+08:00,true",
                "k-04,delivered,thank the customer for the purchase,li.na,2026-03-03T16:00+08:00,2026-03-04T16:00+08:00,false",
                "k-03,delivery_booked,remind the customer of tomorrow's delivery,wang.wei,2026-03-06T09:00+08:00,"
                        + "2026-03-05T09:00+08:00,false",
                "k-05,birthday,birthday greetings,li.na,2026-03-05T00:00+08:00,2026-03-06T00:00+08:00,false",
                "k-04,delivered,confirm anything the customer may be unhappy with,li.na,2026-03-03T16:00+08:00,"
                        + "2026-03-06T16:00+08:00,false"), r.lines());
        assertEquals("4 of 8 tasks overdue at 2026-03-04T12:00+08:00\n", r.err());

        Result overdue = crm("care", "schedule", "--events", bundled(dir, "care-events.csv").toString(), "--zone", "Asia/Shanghai",
                "--as-of", "2026-03-04T12:00", "--overdue-only");
        assertEquals(5, overdue.lines().size());
        Result plain = crm("care", "schedule", "--events", bundled(dir, "care-events.csv").toString(), "--zone", "Asia/Shanghai");
        assertEquals("customer_id,moment,action,assignee,event_at,due", plain.lines().get(0));
        assertEquals(9, plain.lines().size());
        assertEquals("", plain.err());
    }

    @Test
    void theQuotaCountsDistinctCustomersContactedOutboundThatDay() throws IOException {
        // wang.wei: k-01, k-02 (a call and a visit: one customer), k-06 = 3; li.na: k-04 only (k-05 called in,
        // k-07's e-mail was the day before)
        Result r = crm("care", "quota", "--interactions", bundled(dir, "care-interactions.csv").toString(), "--day", "2026-03-04",
                "--zone", "Asia/Shanghai");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("salesperson,follow_ups,minimum,shortfall", "li.na,1,3,2", "wang.wei,3,3,0"), r.lines());
        assertEquals("1 of 2 salespeople short of the quota on 2026-03-04\n", r.err());
        Result named = crm("care", "quota", "--interactions", bundled(dir, "care-interactions.csv").toString(), "--day",
                "2026-03-04", "--zone", "Asia/Shanghai", "--salespeople", "wang.wei,zhao.lei", "--minimum", "2");
        assertEquals(List.of("salesperson,follow_ups,minimum,shortfall", "wang.wei,3,2,0", "zhao.lei,0,2,2"), named.lines());
    }

    @Test
    void refusals() throws IOException {
        Result moment = crm("care", "schedule", "--events",
                file(dir, "e.csv", "customer_id,moment,at,owner\nk,delivered,2026-03-01,w\nk,delivred,2026-03-01,w\n").toString());
        assertEquals(1, moment.exit());
        assertEquals("", moment.out());
        assertEquals("crm care schedule: e.csv:3: moment 'delivred': not one of prospect_visit, prospect_left, "
                + "price_objection, delivery_booked, delivered, first_service_due, birthday, holiday, club_event, "
                + "bad_weather, certificate_expires\n", moment.err());
        // the same event twice used to schedule its tasks twice
        Result twice = crm("care", "schedule", "--events", file(dir, "twice.csv", "customer_id,moment,at,owner\n"
                + "k,delivered,2026-03-01T10:00,w\nk,delivered,2026-03-02T10:00,w\nk,delivered,2026-03-01T10:00,li\n").toString());
        assertEquals(1, twice.exit());
        assertEquals("", twice.out());
        assertEquals("crm care schedule: twice.csv:4: moment 'delivered': the same moment of this customer at the same time "
                + "is listed again (first on line 2): one row per event\n", twice.err());
        Result at = crm("care", "schedule", "--events",
                file(dir, "t.csv", "customer_id,moment,at,owner\nk,delivered,03/01/2026,w\n").toString());
        assertEquals(1, at.exit());
        // the rule of the one date grammar, worded as in every other file (loyalty, campaign)
        assertEquals("crm care schedule: t.csv:2: at '03/01/2026': " + io.crmkit.cli.format.Values.INSTANT_RULE + "\n",
                at.err());
        Result direction = crm("care", "quota", "--day", "2026-03-04", "--interactions",
                file(dir, "i.csv", "customer_id,kind,direction,time,actor\nk,call,out,2026-03-04T09:00,w\n").toString());
        assertEquals(1, direction.exit());
        assertEquals("crm care quota: i.csv:2: direction 'out': not one of inbound, outbound\n", direction.err());
        // due times outside the years 1 to 9999 used to be written as 0000-12-30T00:00Z and +10000-01-01T23:00Z
        Result early = crm("care", "schedule", "--events",
                file(dir, "y1.csv", "customer_id,moment,at,owner\nk1,delivery_booked,0001-01-02T00:00,li\n").toString());
        assertEquals(1, early.exit());
        assertEquals("", early.out());
        assertTrue(early.err().startsWith("crm care schedule: y1.csv:2: at '0001-01-02T00:00': event DELIVERY_BOOKED"),
                early.err());
        assertTrue(early.err().endsWith("puts the due time outside the years 1 to 9999\n"), early.err());
        Result late = crm("care", "schedule", "--events",
                file(dir, "y9.csv", "customer_id,moment,at,owner\nk1,delivered,9999-12-31T23:00,li\n").toString());
        assertEquals(1, late.exit());
        assertTrue(late.err().startsWith("crm care schedule: y9.csv:2: at '9999-12-31T23:00': event DELIVERED"),
                late.err());
        Result zero = crm("care", "schedule", "--events",
                file(dir, "y0.csv", "customer_id,moment,at,owner\nk1,delivered,0000-06-01,li\n").toString());
        assertEquals(1, zero.exit());
        assertEquals("crm care schedule: y0.csv:2: at '0000-06-01': a date must lie in the years 1 to 9999\n",
                zero.err());
        // a salesperson named "" used to get a row of the quota
        for (String names : new String[] {"", "a,,b"}) {
            Result blank = crm("care", "quota", "--interactions", bundled(dir, "care-interactions.csv").toString(),
                    "--day", "2026-03-04", "--salespeople", names);
            assertEquals(2, blank.exit(), names);
            assertEquals("", blank.out());
            assertTrue(blank.err().contains("--salespeople '" + names + "' is invalid: a name must not be blank"),
                    blank.err());
        }
        // a salesperson named twice was checked once, the repetition silently dropped
        Result named = crm("care", "quota", "--interactions", bundled(dir, "care-interactions.csv").toString(),
                "--day", "2026-03-04", "--salespeople", "wang.wei,zhao.lei", "--salespeople", "wang.wei");
        assertEquals(2, named.exit());
        assertEquals("", named.out());
        assertEquals("crm care quota: --salespeople 'wang.wei': given twice: name each once\n", named.err());
        Result usage = crm("care", "schedule", "--events", "e.csv", "--overdue-only");
        assertEquals(2, usage.exit());
        assertEquals("crm care schedule: --overdue-only needs --as-of\n", usage.err());
        Result asOf = crm("care", "schedule", "--events", "e.csv", "--as-of", "tomorrow");
        assertEquals(2, asOf.exit());
        assertEquals(2, crm("care").exit());
    }
}
