package io.crmkit.cli.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.Crm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm loyalty statement}: the contract columns, refusals on stderr, and one-line errors. */
class LoyaltyCommandTest {

    private static final String MINIMAL = "{\"currency\":\"CNY\",\"zone\":\"Asia/Shanghai\",\"pointsPerUnit\":1,"
            + "\"expiry\":{\"policy\":\"rolling\",\"months\":12},"
            + "\"tiers\":[{\"name\":\"Gold\",\"qualifyingPoints\":5000},{\"name\":\"Silver\",\"qualifyingPoints\":2000},{\"name\":\"Member\"}],"
            + "\"qualification\":\"calendarYear\"}";
    private static final String HEADER = "event_id,customer_id,at,type,amount,points,category,ref\n";

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result crm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Crm.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path bundled(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/crmkit/data/" + name)) {
            Path p = dir.resolve(name);
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        }
    }

    private Result statement(Path program, Path events, String asOf, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("loyalty", "statement", "--program", program.toString(),
                "--events", events.toString(), "--as-of", asOf));
        args.addAll(List.of(more));
        return crm(args.toArray(String[]::new));
    }

    @Test
    void theMinimalProgramTakesTheDocumentedDefaults() throws IOException {
        Path program = file("program.json", MINIMAL);
        Path events = file("events.csv", HEADER
                + "p1,c-1,2026-01-10,purchase,1999.99,,books,\n"          // 1,999 (no category multiplier by default)
                + "p2,c-1,2026-02-10T15:00,purchase,1.00,,,\n"           // 1: 2,000 qualifying points, Silver
                + "r1,c-1,2026-02-11,redeem,,1500,,\n"
                + "f1,c-1,2026-02-12,refund,1000.00,,,p1\n"              // 1,999 × 1000/1999.99 = 999.5 → 1,000; 500 left, 500 below zero
                + "p3,c-2,2026-11-30,purchase,50.00,,,\n");              // after the as-of day: c-2 is not listed yet
        Result r = statement(program, events, "2026-02-12");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertEquals(List.of("customer_id,balance,qualifying_points,tier,expiring_30d,earned,redeemed,expired,reversed",
                "c-1,-500,1000,Silver,0,2000,1500,0,1000"), r.out().lines().toList());
    }

    @Test
    void asOfIsTheEndOfTheDayInTheProgramsZone() throws IOException {
        Path program = file("program.json", MINIMAL);
        // 23:30 in Shanghai on 2026-03-01 is 15:30 UTC; 2026-03-02T00:00+08:00 is the next day
        Path events = file("events.csv", HEADER + "p1,c-1,2026-03-01T23:30,purchase,10.00,,,\n"
                + "p2,c-1,2026-03-01T16:30:00Z,purchase,5.00,,,\n"
                + "p3,c-1,2026-03-02T00:00+08:00,purchase,7.00,,,\n");
        assertEquals("c-1,10,10,Member,0,10,0,0,0", statement(program, events, "2026-03-01").out().lines().toList().get(1));
        assertEquals("c-1,22,22,Member,0,22,0,0,0", statement(program, events, "2026-03-02").out().lines().toList().get(1));
    }

    @Test
    void aRefundOfAPurchaseNeverSeenOrBeyondItIsBadDataWithItsLine() throws IOException {
        Path program = file("program.json", MINIMAL);
        // both used to print a statement with exit 0, the refunds only listed as refused
        Result unknown = statement(program, file("unknown.csv", HEADER + "p1,c-1,2025-03-02T10:15,purchase,100.00,,,\n"
                + "f1,c-1,2025-03-03T10:15,refund,50.00,,,p9\n"), "2025-12-31");
        assertEquals(1, unknown.exit());
        assertEquals("", unknown.out());
        assertEquals("crm loyalty statement: unknown.csv:3: refund f1 of 50.00 refers to purchase p9, which is not a purchase "
                + "of this member at or before the refund: a refund reverses a purchase the ledger holds\n", unknown.err());
        Result beyond = statement(program, file("beyond.csv", HEADER + "p1,c-1,2025-03-02T10:15,purchase,100.00,,,\n"
                + "f1,c-1,2025-03-04T10:15,refund,60.00,,,p1\n" + "f2,c-1,2025-03-05T10:15,refund,50.00,,,p1\n"), "2025-12-31");
        assertEquals(1, beyond.exit());
        assertEquals("", beyond.out());
        assertEquals("crm loyalty statement: beyond.csv:4: refund f2 of 50.00 with 60.00 already refunded exceeds purchase "
                + "p1's 100.00: the refunds of a purchase total at most its amount\n", beyond.err());
    }

    @Test
    void aRefusedRedemptionIsReportedWithItsLineAndTheStatementContinues() throws IOException {
        Path program = file("program.json", MINIMAL);
        Path events = file("events.csv", HEADER + "p1,c-1,2026-01-10,purchase,300.00,,,\n\n"
                + "r1,c-1,2026-01-11,redeem,,500,,\n"
                + "r2,c-1,2026-01-12,redeem,,100,,\n");
        Result r = statement(program, events, "2026-12-31");
        assertEquals(0, r.exit());
        assertEquals("crm loyalty statement: events.csv:4: redemption r1 of 500 points refused: the balance is 300 points",
                r.err().strip());
        // the 200 left expire on 2027-01-10, within 30 days of 2026-12-31
        assertEquals("c-1,200,300,Member,200,300,100,0,0", r.out().lines().toList().get(1));
    }

    @Test
    void theBundledSampleGivesTheHandCheckedFigures() throws IOException {
        Result r = statement(bundled("loyalty-program.json"), bundled("loyalty-events.csv"), "2026-11-29");
        assertEquals(0, r.exit(), r.err());
        // c-001, by hand: earned 1,280 + 2,350 + 1,500×2×1.25 (Silver) + 400×1.5 (Gold) + 200 (birthday) + 860×0.5×1.5
        //   + floor(1,999×1.5) + min(1,999, cap 500) = 12,323; expired 1,630 (2026-06-18) + 3,750 (2026-09-09);
        //   refund 500 of 1,999 reverses round(2,998×500/1,999) = 750 and round(500×500/1,999) = 125;
        //   the 600 of 2025-12-10 expire on 2026-12-10, within 30 days; Gold from 2025, held through 2026
        assertEquals(List.of("customer_id,balance,qualifying_points,tier,expiring_30d,earned,redeemed,expired,reversed",
                "c-001,4068,2893,Gold,600,12323,2000,5380,875",
                "c-002,1040,2040,Silver,0,2040,1000,0,0",
                "c-003,50,0,Member,0,450,0,450,0",
                "c-004,-600,0,Member,0,680,600,0,680"), r.out().lines().toList());
        assertEquals("crm loyalty statement: loyalty-events.csv:12: redemption e11 of 1,000 points refused: the balance is 840 points",
                r.err().strip());
        Result one = statement(bundled("loyalty-program.json"), bundled("loyalty-events.csv"), "2026-11-29", "--customer", "c-002");
        assertEquals(List.of("customer_id,balance,qualifying_points,tier,expiring_30d,earned,redeemed,expired,reversed",
                "c-002,1040,2040,Silver,0,2040,1000,0,0"), one.out().lines().toList());
        // a member without a single event (a mistyped id) is bad data, not an all-zero statement
        Result nobody = statement(bundled("loyalty-program.json"), bundled("loyalty-events.csv"), "2026-11-29",
                "--customer", "nobody");
        assertEquals(1, nobody.exit());
        assertEquals("", nobody.out());
        assertEquals("crm loyalty statement: --customer 'nobody': no events for this customer in loyalty-events.csv",
                nobody.err().strip());
        // the id is masked as everywhere: a phone number as a customer id shows its first 3 and last 4 digits
        Result phone = statement(bundled("loyalty-program.json"), bundled("loyalty-events.csv"), "2026-11-29",
                "--customer", "13812345678");
        assertEquals("crm loyalty statement: --customer '138****5678': no events for this customer in "
                + "loyalty-events.csv", phone.err().strip());
    }

    @Test
    void malformedInputIsOneLineNamingTheFileAndLine() throws IOException {
        Path program = file("program.json", MINIMAL);
        assertEquals("crm loyalty statement: events.csv:3: amount 'abc': not a decimal number (digits with an optional point and exponent, e.g. 12.5 or 1.25e3)",
                statement(program, file("events.csv", HEADER + "p1,c-1,2026-01-10,purchase,1.00,,,\np2,c-1,2026-01-10,purchase,abc,,,\n"),
                        "2026-12-31").err().strip());
        // 5.001 CNY is no amount of money: the yuan has two decimals
        assertEquals("crm loyalty statement: events.csv:2: amount '5.001': more decimals than CNY has (2)",
                statement(program, file("events.csv", HEADER + "p1,c-1,2026-01-10,purchase,5.001,,,\n"), "2026-12-31").err().strip());
        // two adjustments of the largest long used to end in "long overflow" without a line
        String overflow = statement(program, file("events.csv", HEADER
                + "a1,c-1,2026-01-10,adjust,,9223372036854775807,,li: goodwill\n"
                + "a2,c-1,2026-01-11,adjust,,9223372036854775807,,li: goodwill\n"), "2026-12-31").err().strip();
        assertTrue(overflow.startsWith("crm loyalty statement: events.csv:3: event a2: points overflow the range of a long"),
                overflow);
        assertEquals("crm loyalty statement: events.csv:2: type 'sale': must be one of purchase, refund, redeem, bonus, adjust",
                statement(program, file("events.csv", HEADER + "p1,c-1,2026-01-10,sale,1.00,,,\n"), "2026-12-31").err().strip());
        assertEquals("crm loyalty statement: events.csv:2: at '10/01/2026': not a date yyyy-MM-dd (optionally followed by T and a time"
                        + " HH:mm[:ss], then optionally an offset Z or +HH:mm)",
                statement(program, file("events.csv", HEADER + "p1,c-1,10/01/2026,purchase,1.00,,,\n"), "2026-12-31").err().strip());
        assertEquals("crm loyalty statement: events.csv:2: points '5': is not used by a purchase: leave it empty",
                statement(program, file("events.csv", HEADER + "p1,c-1,2026-01-10,purchase,1.00,5,,\n"), "2026-12-31").err().strip());
        assertEquals("crm loyalty statement: events.csv:3: event id p1 is already used by a different event",
                statement(program, file("events.csv", HEADER + "p1,c-1,2026-01-10,purchase,1.00,,,\np1,c-1,2026-01-10,purchase,2.00,,,\n"),
                        "2026-12-31").err().strip());
        assertEquals("crm loyalty statement: events.csv:1: header lacks column 'ref'; it has 'event_id,customer_id,at,type,amount,poin...'",
                statement(program, file("events.csv", "event_id,customer_id,at,type,amount,points,category\n"), "2026-12-31").err().strip());
        Result bad = statement(file("bad.json", "{\"currency\":\"CNY\",\"zone\":\"Asia/Shanghai\",\"expiry\":{\"policy\":\"weekly\"}}"),
                file("events.csv", HEADER), "2026-12-31");
        assertEquals(1, bad.exit());
        assertEquals("crm loyalty statement: bad.json: expiry.policy 'weekly' must be one of rolling, endOfYear, activityExtended, never",
                bad.err().strip());
        assertEquals("crm loyalty statement: bad.json:1: not valid JSON: the file ends before the JSON value does",
                statement(file("bad.json", "{\"currency\":"), file("events.csv", HEADER), "2026-12-31").err().strip());
        assertEquals("crm loyalty statement: bad.json: bottom tier Gold qualifyingPoints 5000: the bottom tier is the base tier and must need 0",
                statement(file("bad.json", "{\"currency\":\"CNY\",\"zone\":\"UTC\",\"tiers\":[{\"name\":\"Gold\",\"qualifyingPoints\":5000}]}"),
                        file("events.csv", HEADER), "2026-12-31").err().strip());
    }

    private void refused(Path events, String line) throws IOException {
        Result r = statement(file("program.json", MINIMAL), events, "2026-12-31");
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("crm loyalty statement: " + line + "\n", r.err().replace("\r\n", "\n"));
    }

    @Test
    void theEventsFollowTheOneInputDialect() throws IOException {
        refused(Files.write(dir.resolve("utf16.csv"), (HEADER + "p1,c-1,2026-01-10,purchase,1.00,,,\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_16)),
                "utf16.csv:1: the file is UTF-16 (or UTF-32): crm reads UTF-8, with or without a byte-order mark");
        refused(file("dup.csv", "event_id,customer_id,at,type,amount,amount,points,category,ref\n"),
                "dup.csv:1: column 'amount' appears twice (columns 5 and 6)");
        refused(file("typo.csv", "event_id,customer_id,at,type,amout,points,category,ref\n"),
                "typo.csv:1: column 'amout': unknown; did you mean 'amount'?");
        refused(file("hex.csv", HEADER + "p1,c-1,2026-01-10,purchase,0x1p3,,,\n"),
                "hex.csv:2: amount '0x1p3': not a decimal number (digits with an optional point and exponent, e.g. 12.5 or 1.25e3)");
        refused(file("date.csv", HEADER + "p1,c-1,2020-01-02Tgarbage,purchase,1.00,,,\n"),
                "date.csv:2: at '2020-01-02Tgarbage': not a date yyyy-MM-dd (optionally followed by T and a time HH:mm[:ss],"
                        + " then optionally an offset Z or +HH:mm)");
        refused(file("points.csv", HEADER + "r1,c-1,2026-01-10,redeem,,5d,,\n"),
                "points.csv:2: points '5d': not a whole number (digits with an optional sign, e.g. 250)");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path events = file("bom.csv", "\uFEFF" + HEADER + "p1,c-1,2026-01-10,purchase,10.00,,,\n");
        Result r = statement(file("program.json", MINIMAL), events, "2026-12-31");
        assertEquals(0, r.exit(), r.err());
        // bought 2026-01-10, expiring 12 months later: within 30 days of 2026-12-31
        assertEquals("c-1,10,10,Member,10,10,0,0,0", r.out().lines().toList().get(1));
    }

    @Test
    void theProgramIsStrictJson() throws IOException {
        Path events = file("events.csv", HEADER);
        Result trailing = statement(file("p.json", MINIMAL + " {}"), events, "2026-12-31");
        assertEquals(1, trailing.exit());
        assertEquals("", trailing.out());
        assertEquals("crm loyalty statement: p.json:1: not valid JSON: content after the value (one JSON value, no comments)",
                trailing.err().strip());
        Result twice = statement(file("p.json", "{\"currency\":\"CNY\",\"currency\":\"EUR\",\"zone\":\"UTC\"}"), events,
                "2026-12-31");
        assertEquals("crm loyalty statement: p.json:1: not valid JSON: field 'currency' appears twice in one object",
                twice.err().strip());
        Result comment = statement(file("p.json", "// a comment\n" + MINIMAL), events, "2026-12-31");
        assertEquals("crm loyalty statement: p.json:1: not valid JSON: comments are not JSON", comment.err().strip());
    }

    @Test
    void aBadAsOfIsAUsageError() throws IOException {
        Result r = statement(file("program.json", MINIMAL), file("events.csv", HEADER), "29/11/2026");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void theReadmesFullProgramExampleReadsAsDocumented() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int section = readme.indexOf("## crm-loyalty");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        String json = readme.substring(start, readme.indexOf("```", start));
        io.crmkit.loyalty.Program p = ProgramJson.read(new java.io.StringReader(json), "README.md");
        assertEquals("Program[CNY Asia/Shanghai, 1 per unit, 3 tiers, 1 campaigns, expiry ExpiryPolicy[kind=ROLLING, period=12],"
                + " NEGATIVE_BALANCE, CALENDAR_YEAR]", p.toString());
        assertEquals(new java.math.BigDecimal("0.5"), p.categoryMultiplier("groceries"));
        assertEquals(new java.math.BigDecimal("1.25"), p.tiers().get(1).multiplier());
        assertEquals(500, p.campaigns().get(0).capPerCustomer());
        assertEquals(java.time.Instant.parse("2026-11-10T16:00:00Z"), p.campaigns().get(0).start());
        // the bundled sample is the same programme
        Result r = statement(file("readme.json", json), bundled("loyalty-events.csv"), "2026-11-29");
        assertEquals("c-001,4068,2893,Gold,600,12323,2000,5380,875", r.out().lines().toList().get(1));
    }
}
