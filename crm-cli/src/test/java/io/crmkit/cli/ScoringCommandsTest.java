package io.crmkit.cli;

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

/** Bad input exits 1 with one line on stderr, prefixed by the subcommand's name (Crm's error handler). */
class ScoringCommandsTest {

    @TempDir
    Path dir;

    @Test
    void rfmWritesTheContractColumns() throws IOException {
        Path tx = file(dir, "transactions.csv", "customer_id,date,amount\n"
                + "c-1,2026-03-01,100.00\nc-1,2026-03-20,50.00\nc-2,2026-01-10,10.00\n"
                + "c-3,2026-03-30,400.00\nc-3,2026-02-01,20.00\nc-3,2026-02-02,30.00\nc-3,2026-05-01,999.00\n");
        Result r = crm("rfm", "--input", tx.toString(), "--as-of", "2026-03-31");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("customer_id,recency_days,frequency,monetary,r,f,m,segment", lines.get(0));
        assertEquals(4, lines.size());
        // c-1: 11 days, 2 purchases, 150.00; among 3 customers: r = 1 + floor(5*1/3) = 2, f = 2, m = 2
        assertEquals("c-1,11,2,150.00,2,2,2,Hibernating", lines.get(1));
        // c-3's purchase after the as-of date is left out
        assertEquals("c-3,1,3,450.00,4,4,4,Loyal", lines.get(3));
    }

    @Test
    void rfmRunsOnTheBundledCdnowSample() throws IOException {
        Result r = crm("rfm", "--input", bundled(dir, "cdnow-transactions.csv").toString(), "--as-of", "1998-06-30");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2357 + 1, r.out().lines().count(), "one row per CDNOW sample customer");
        assertTrue(r.out().contains("\n00004,200,4,100.50,4,4,4,Loyal\n"), r.out().substring(0, 300));
    }

    @Test
    void aMalformedAmountNamesTheFileTheLineAndTheProblem() throws IOException {
        Path tx = file(dir, "transactions.csv", "customer_id,date,amount\nc-1,2026-03-01,100.00\nc-2,2026-03-02,abc\n");
        Result r = crm("rfm", "--input", tx.toString(), "--as-of", "2026-03-31");
        assertEquals(1, r.exit());
        assertEquals("crm rfm: transactions.csv:3: amount 'abc': not a decimal number (digits with an optional point and exponent, e.g. 12.5 or 1.25e3)", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void aBadDateOrAMissingColumnIsReported() throws IOException {
        Path badDate = file(dir, "a.csv", "customer_id,date,amount\nc-1,01/03/2026,1\n");
        assertEquals("crm rfm: a.csv:2: date '01/03/2026': not a date yyyy-MM-dd (optionally followed by T and a time HH:mm[:ss])",
                crm("rfm", "--input", badDate.toString(), "--as-of", "2026-03-31").err().strip());
        Path noAmount = file(dir, "b.csv", "customer_id,date\nc-1,2026-03-01\n");
        Result r = crm("rfm", "--input", noAmount.toString(), "--as-of", "2026-03-31");
        assertEquals(1, r.exit());
        assertEquals("crm rfm: b.csv:1: header lacks column 'amount' (or monetary_value, value); it has 'customer_id,date'", r.err().strip());
        Path shortRow = file(dir, "c.csv", "customer_id,date,amount\nc-1,2026-03-01\n");
        assertEquals("crm rfm: c.csv:2: has 2 fields but the header has 3", crm("rfm", "--input", shortRow.toString(), "--as-of", "2026-03-31").err().strip());
        Path negative = file(dir, "d.csv", "customer_id,date,amount\nc-1,2026-03-01,-5\n");
        assertTrue(crm("rfm", "--input", negative.toString(), "--as-of", "2026-03-31").err().startsWith("crm rfm: d.csv:2: amount '-5': negative"));
    }

    @Test
    void brokenQuotingIsReportedWithTheFileName() throws IOException {
        Path tx = file(dir, "q.csv", "customer_id,date,amount\n\"c-1\"x,2026-03-01,1\n");
        Result r = crm("rfm", "--input", tx.toString(), "--as-of", "2026-03-31");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("crm rfm: q.csv:2: malformed CSV"), r.err());
    }

    @Test
    void monetaryFollowsTheCurrencysFractionDigits() throws IOException {
        // amounts read have at most the currency's decimals, but a mean need not: JPY has no minor unit, so
        // the mean of 100 and 201 yen, 150.5, is written 150 (half-even), and USD's mean of 0.01 and 0.02,
        // 0.015, is written 0.02; a sum of 1e308 is written 1.0E308, not as 309 digits
        Path yenLog = file(dir, "m.csv", "customer_id,date,amount\nc-1,2026-03-01,100\nc-1,2026-03-20,201\n"
                + "c-3,2026-03-04,1e308\n");
        Result yen = crm("rfm", "--input", yenLog.toString(), "--as-of", "2026-03-31", "--currency", "JPY");
        assertEquals(0, yen.exit(), yen.err());
        assertTrue(yen.out().contains("\nc-1,11,2,301,"), yen.out());
        assertTrue(yen.out().contains("\nc-3,27,1,1.0E308,"), yen.out());
        Result yenMean = crm("rfm", "--input", yenLog.toString(), "--as-of", "2026-03-31", "--currency", "JPY",
                "--monetary", "mean");
        assertEquals(0, yenMean.exit(), yenMean.err());
        assertTrue(yenMean.out().contains("\nc-1,11,2,150,"), yenMean.out());
        Path dollarLog = file(dir, "d.csv", "customer_id,date,amount\nc-2,2026-03-02,0.01\nc-2,2026-03-03,0.02\n");
        Result dollars = crm("rfm", "--input", dollarLog.toString(), "--as-of", "2026-03-31", "--monetary", "mean");
        assertEquals(0, dollars.exit(), dollars.err());
        assertTrue(dollars.out().contains("\nc-2,28,2,0.02,"), dollars.out());
    }

    @Test
    void monetaryCanBeTheMeanAmount() throws IOException {
        Path tx = file(dir, "t.csv", "customer_id,date,amount\nc-1,2026-03-01,100.00\nc-1,2026-03-20,50.00\n");
        Result r = crm("rfm", "--input", tx.toString(), "--as-of", "2026-03-31", "--monetary", "mean");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\nc-1,11,2,75.00,"), r.out());
    }

    @Test
    void aMissingOptionIsAUsageError() {
        Result r = crm("rfm", "--input", "x.csv");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--as-of"), r.err());
    }

    @Test
    void tierPlacesEveryCustomerAndSaysWhy() throws IOException {
        Result r = crm("tier", "--policy", bundled(dir, "wealth-tiers.json").toString(), "--input", bundled(dir, "customer-metrics.csv").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("customer_id,tier,reason", lines.get(0));
        assertEquals("c-001,Platinum,\"Platinum: assets+loans ≥ 2,000,000 (has 6,200,000), assets ≥ 1,000,000 (has 3,700,000); "
                + "for Diamond needs assets+loans ≥ 8,000,000, has 6,200,000\"", lines.get(1));
        assertTrue(lines.get(2).startsWith("c-002,Diamond,"));
        assertTrue(lines.get(5).startsWith("c-005,Mass,"));
        assertEquals(7, lines.size());
    }

    @Test
    void aCustomerWithoutTierGetsAnEmptyTier() throws IOException {
        Path policy = file(dir, "p.json", "{\"name\":\"credit\",\"tiers\":[{\"name\":\"A\",\"criteria\":[{\"metric\":\"ratio\",\"atLeast\":0.9}]},"
                + "{\"name\":\"D\",\"criteria\":[{\"metric\":\"ratio\",\"between\":[0.3,0.9]}]}]}");
        Path metrics = file(dir, "m.csv", "customer_id,ratio\nk-1,0.95\nk-2,0.5\nk-3,0.1\n");
        List<String> lines = crm("tier", "--policy", policy.toString(), "--input", metrics.toString()).out().lines().toList();
        assertEquals("k-1,A,A: ratio ≥ 0.9 (has 0.95)", lines.get(1));
        assertEquals("k-3,,\"no tier: no tier's criteria hold; for D needs ratio in [0.3, 0.9), has 0.1\"", lines.get(3));
    }

    @Test
    void aBadMetricNamesTheFileAndLine() throws IOException {
        Path metrics = file(dir, "metrics.csv", "customer_id,assets,loans\nc-1,100,0\nc-2,lots,0\n");
        Result r = crm("tier", "--policy", bundled(dir, "wealth-tiers.json").toString(), "--input", metrics.toString());
        assertEquals(1, r.exit());
        assertEquals("crm tier: metrics.csv:3: assets 'lots': not a decimal number (digits with an optional point and exponent, e.g. 12.5 or 1.25e3)", r.err().strip());
        Path missing = file(dir, "m2.csv", "customer_id,assets\nc-1,100\n");
        Result r2 = crm("tier", "--policy", bundled(dir, "wealth-tiers.json").toString(), "--input", missing.toString());
        assertEquals(1, r2.exit());
        assertTrue(r2.err().startsWith("crm tier: m2.csv:2: metric 'loans' is missing"), r2.err());
    }

    @Test
    void aSummedMetricBeyondTheDoubleRangeIsOneLineNamingTheMetricTheValuesAndTheRule() throws IOException {
        // review s24, finding 5: this printed "Character I is neither a decimal digit number, ..."
        Path metrics = file(dir, "m1.csv", "customer_id,assets,loans\nc1,1e308,1e308\n");
        Result r = crm("tier", "--policy", bundled(dir, "wealth-tiers.json").toString(), "--input", metrics.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("crm tier: m1.csv:2: metric 'assets+loans' 1e308 + 1e308 adds up beyond the range of a double "
                + "(1.7976931348623157e308): the sum cannot be compared with assets+loans ≥ 8,000,000", r.err().strip());
    }

    @Test
    void aBadPolicyIsRejectedWithItsPath() throws IOException {
        Path metrics = file(dir, "m.csv", "customer_id,assets\nc-1,100\n");
        Path overlapping = file(dir, "p.json", "{\"name\":\"w\",\"tiers\":[{\"name\":\"Platinum\",\"criteria\":[{\"metric\":\"assets\",\"atLeast\":100}]},"
                + "{\"name\":\"Gold\",\"criteria\":[{\"metric\":\"assets\",\"atLeast\":1000}]}]}");
        Result r = crm("tier", "--policy", overlapping.toString(), "--input", metrics.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("crm tier: p.json: overlapping thresholds"), r.err());
        Path noComparison = file(dir, "q.json", "{\"name\":\"w\",\"tiers\":[{\"name\":\"Gold\",\"criteria\":[{\"metric\":\"assets\",\"atleast\":1}]}]}");
        assertEquals("crm tier: q.json: tiers[0].criteria[0]: unknown field 'atleast' (expected metric and one of [atLeast, above, atMost, below, between])",
                sortedSet(crm("tier", "--policy", noComparison.toString(), "--input", metrics.toString()).err().strip()));
        Path notJson = file(dir, "r.json", "{\"name\": ");
        assertTrue(crm("tier", "--policy", notJson.toString(), "--input", metrics.toString()).err().startsWith("crm tier: r.json:1: not valid JSON"));
    }

    /** The set of operators prints in hash order; normalise it for the comparison. */
    private static String sortedSet(String message) {
        int open = message.lastIndexOf('[');
        int close = message.lastIndexOf(']');
        List<String> items = new java.util.ArrayList<>(List.of(message.substring(open + 1, close).split(", ")));
        List<String> order = List.of("atLeast", "above", "atMost", "below", "between");
        items.sort(java.util.Comparator.comparingInt(order::indexOf));
        return message.substring(0, open + 1) + String.join(", ", items) + message.substring(close);
    }

    @Test
    void theTourNarratesTheScoringChapter() {
        Result r = crm("tour");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("for Diamond needs assets+loans ≥ 8,000,000, has 6,200,000"));
        assertTrue(r.out().contains("56.22 per acquired customer"));
        assertTrue(r.out().contains("Champions"));
    }

    @Test
    void aBadRowAfterABlankLineIsReportedOnItsOwnLine() throws IOException {
        // line 2 is blank: the malformed amount is on line 4 of the file
        Path tx = file(dir, "blank.csv", "customer_id,date,amount\n\nc-1,2026-03-01,100.00\nc-1,2026-03-20,abc\n");
        Result r = crm("rfm", "--input", tx.toString(), "--as-of", "2026-03-31");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("blank.csv:4:"), r.err());
        Path metrics = file(dir, "m.csv", "customer_id,assets,loans\n\nc-1,100,0\nc-2,lots,0\n");
        Result t = crm("tier", "--policy", bundled(dir, "wealth-tiers.json").toString(), "--input", metrics.toString());
        assertEquals(1, t.exit());
        assertEquals("crm tier: m.csv:4: assets 'lots': not a decimal number (digits with an optional point and exponent, e.g. 12.5 or 1.25e3)", t.err().strip());
    }
}
