package io.crmkit.cli;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One strict input dialect for every command: each bad input of the table gives the exact exit
 * status, nothing on stdout and exactly one line on stderr, {@code crm <command>: file:line: ...}.
 * The cases are the ones reported against the earlier command line (each command then answered
 * differently, or not at all).
 */
class StrictInputTest {

    private static final String NUMBER = "not a decimal number (digits with an optional point and exponent, "
            + "e.g. 12.5 or 1.25e3)";
    private static final String DATE = "not a date yyyy-MM-dd (optionally followed by T and a time HH:mm[:ss])";
    private static final String TX = "customer_id,date,amount\n";
    private static final String POLICY = "{\"name\":\"p\",\"tiers\":[{\"name\":\"Gold\",\"criteria\":"
            + "[{\"metric\":\"assets\",\"atLeast\":100}]},{\"name\":\"Mass\"}]}";

    @TempDir
    static Path dir;

    private static Path file(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A bad-input case: the arguments ({@code $F} is the file, {@code $P} a valid policy), the file, the one line. */
    private static Arguments bad(String command, String name, Object content, int exit, String line) {
        return Arguments.of(command, name, content, exit, line);
    }

    static Stream<Arguments> badInputs() {
        String rfm = "rfm --input $F --as-of 2020-12-31";
        String summarize = "clv summarize --input $F --as-of 2020-12-31";
        String fit = "clv fit --model bgnbd --input $F";
        String tier = "tier --policy $P --input $F";
        List<Arguments> cases = new ArrayList<>();
        // the number grammar, the same in every command
        for (String[] n : new String[][] {{"0x1p3", NUMBER}, {"5d", NUMBER}, {"38.86f", NUMBER}, {"NaN", NUMBER},
                {"Infinity", NUMBER}, {"1,5", null}, {"", NUMBER}, {"1e309",
                    "out of range: beyond ±1.7976931348623157e308, the largest double"},
                {"1e-400", "out of range: so close to 0 that it would read as 0"}}) {
            if (n[1] == null) {
                continue;
            }
            cases.add(bad(rfm, "n.csv", TX + "c1,2020-01-01,5\nc2,2020-01-02," + n[0] + "\n", 1,
                    "crm rfm: n.csv:3: amount '" + n[0] + "': " + n[1]));
            cases.add(bad(summarize, "n.csv", TX + "c1,2020-01-01,5\nc2,2020-01-02," + n[0] + "\n", 1,
                    "crm clv summarize: n.csv:3: amount '" + n[0] + "': " + n[1]));
            cases.add(bad(fit, "n.csv", "frequency,recency,T\n1,2,3\n" + n[0] + ",2,3\n", 1,
                    "crm clv fit: n.csv:3: frequency '" + n[0] + "': " + n[1]));
            if (!n[0].isEmpty()) { // an empty metric is a missing metric
                cases.add(bad(tier, "n.csv", "customer_id,assets\nc1,5\nc2," + n[0] + "\n", 1,
                        "crm tier: n.csv:3: assets '" + n[0] + "': " + n[1]));
            }
        }
        // the date grammar
        for (String d : new String[] {"2020-01-02Tgarbage", "2020-01-02T", "01/02/2020", "2020-1-2"}) {
            cases.add(bad(rfm, "d.csv", TX + "c1,2020-01-01,5\nc2," + d + ",5\n", 1,
                    "crm rfm: d.csv:3: date '" + d + "': " + DATE));
            cases.add(bad(summarize, "d.csv", TX + "c1,2020-01-01,5\nc2," + d + ",5\n", 1,
                    "crm clv summarize: d.csv:3: date '" + d + "': " + DATE));
        }
        cases.add(bad(summarize, "d.csv", TX + "c1,2020-02-30,5\n", 1,
                "crm clv summarize: d.csv:2: date '2020-02-30': not a day of the calendar"));
        // customer ids
        cases.add(bad(summarize, "i.csv", TX + "c1,2020-01-01,5\nc\u00012,2020-01-02,5\n", 1,
                "crm clv summarize: i.csv:3: customer_id 'c\\u00012': a customer id must not contain control characters"));
        cases.add(bad(rfm, "i.csv", TX + "\" \",2020-01-01,5\n", 1,
                "crm rfm: i.csv:2: customer_id ' ': a customer id must have a visible character"));
        cases.add(bad(tier, "i.csv", "customer_id,assets\nc\t1,5\n", 1,
                "crm tier: i.csv:2: customer_id 'c\\u00091': a customer id must not contain control characters"));
        // encodings
        byte[] utf16 = "customer_id,date,amount\n".getBytes(StandardCharsets.UTF_16);
        cases.add(bad(rfm, "e.csv", utf16, 1, "crm rfm: e.csv:1: the file is UTF-16 (or UTF-32): crm reads UTF-8, "
                + "with or without a byte-order mark"));
        cases.add(bad(fit, "e.csv", "frequency,recency,T\n".getBytes(StandardCharsets.UTF_16LE), 1,
                "crm clv fit: e.csv:1: the file holds NUL bytes (UTF-16 or binary?): crm reads UTF-8 text, "
                        + "with or without a byte-order mark"));
        byte[] latin1 = (TX + "c1,2020-01-01,5\nZürich,2020-01-02,5\n").getBytes(StandardCharsets.ISO_8859_1);
        String notUtf8 = ": not valid UTF-8: crm reads UTF-8 text, with or without a byte-order mark "
                + "(convert with e.g. iconv -t UTF-8)";
        cases.add(bad(rfm, "e.csv", latin1, 1, "crm rfm: e.csv:3" + notUtf8));
        cases.add(bad(summarize, "e.csv", latin1, 1, "crm clv summarize: e.csv:3" + notUtf8));
        cases.add(bad(tier, "e.csv", "customer_id,assets\nc1,1\nZ\u00fcrich,2\n".getBytes(StandardCharsets.ISO_8859_1),
                1, "crm tier: e.csv:3" + notUtf8));
        cases.add(bad("complaint replay --input $F", "s.jsonl", "{\"command\":\"receive\"}\n".getBytes(StandardCharsets.UTF_16),
                1, "crm complaint replay: s.jsonl:1: the file is UTF-16 (or UTF-32): crm reads UTF-8, with or without a "
                        + "byte-order mark"));
        cases.add(bad("complaint replay --input $F", "s.jsonl", "\n\n{\"note\":\"Z\u00fcrich\"}\n".getBytes(
                StandardCharsets.ISO_8859_1), 1, "crm complaint replay: s.jsonl:3" + notUtf8));
        cases.add(bad("tier --input $M --policy $F", "p.json", ("\n" + POLICY.replace("Gold", "G\u00f6ld")).getBytes(
                StandardCharsets.ISO_8859_1), 1, "crm tier: p.json:2" + notUtf8));
        // line numbers are the file's own: CRLF line ends, blank lines, a quoted line break, no final line end
        cases.add(bad(rfm, "l.csv", "customer_id,date,amount\r\nc1,2020-01-01,5\r\n\r\nc2,2020-01-02,5d\r\n", 1,
                "crm rfm: l.csv:4: amount '5d': " + NUMBER));
        cases.add(bad(fit, "l.csv", "note,frequency,recency,T\n\"two\nlines\",1,2,3\nn,x,1,2\n", 1,
                "crm clv fit: l.csv:4: frequency 'x': " + NUMBER));
        cases.add(bad(rfm, "l.csv", TX + "c1,2020-01-01,5\nc3,2020-01-02,x", 1, "crm rfm: l.csv:3: amount 'x': " + NUMBER));
        // columns
        cases.add(bad(rfm, "c.csv", "customer_id,date,amount,amount\nc1,2020-01-01,5,6\n", 1,
                "crm rfm: c.csv:1: column 'amount' appears twice (columns 3 and 4)"));
        cases.add(bad(summarize, "c.csv", "customer_id,date,amount,amount\nc1,2020-01-01,5,6\n", 1,
                "crm clv summarize: c.csv:1: column 'amount' appears twice (columns 3 and 4)"));
        cases.add(bad(summarize, "c.csv", "customer_id,date,amount,value\nc1,2020-01-01,5,6\n", 1,
                "crm clv summarize: c.csv:1: column 'value' is amount again, already given as 'amount': each column once"));
        cases.add(bad(tier, "c.csv", "customer_id,assets,assets\nc1,5,6\n", 1,
                "crm tier: c.csv:1: column 'assets' appears twice (columns 2 and 3)"));
        cases.add(bad(rfm, "c.csv", "customer_id,date,amount,store\nc1,2020-01-01,5,s1\n", 1,
                "crm rfm: c.csv:1: column 'store': unknown; the columns are customer_id, date, amount"));
        cases.add(bad(fit, "c.csv", "frequency,recency,T,wt\n1,2,3,1\n", 1,
                "crm clv fit: c.csv:1: column 'wt': unknown; did you mean 'weight'?"));
        cases.add(bad("clv predict --model bgnbd --horizon 1 --input $F", "c.csv",
                "customer_id,frequncy,recency,T\nc1,1,2,3\n", 1,
                "crm clv predict: c.csv:1: column 'frequncy': unknown; did you mean 'frequency'?"));
        cases.add(bad(rfm, "c.csv", "customer_id,date\nc1,2020-01-01\n", 1,
                "crm rfm: c.csv:1: header lacks column 'amount' (or monetary_value, value); it has 'customer_id,date'"));
        cases.add(bad(rfm, "c.csv", "", 1, "crm rfm: c.csv:1: the file is empty: a header line is expected"));
        cases.add(bad(rfm, "c.csv", TX + "c1,2020-01-01\n", 1, "crm rfm: c.csv:2: has 2 fields but the header has 3"));
        cases.add(bad(fit, "c.csv", "frequency,recency,T\n", 1, "crm clv fit: c.csv:1: has no data rows"));
        // a refusal by the library names the line the row came from, not a 0-based row
        cases.add(bad("clv fit --model gammagamma --input $F", "g.csv",
                "id,frequency,recency,T,monetary_value\na,2,3,4,5\nb,0,0,4,0\n\nc,1,1,4,0\n", 1,
                "crm clv fit: g.csv:5: monetary_value 0.0 is invalid: a repeat customer's mean spend must be > 0"));
        cases.add(bad(fit, "r.csv", "frequency,recency,T\n2,12,10\n", 1,
                "crm clv fit: r.csv:2: recency '12': exceeds T 10: the last purchase cannot follow the end of observation"));
        // tier: no rows printed before a bad one
        cases.add(bad(tier, "t.csv", "customer_id,assets\nc1,500\nc2,5\nc3,7\nc4,8\nc5,9\nc6,10\n\nc7,lots\n", 1,
                "crm tier: t.csv:9: assets 'lots': " + NUMBER));
        // the as-of date before every purchase
        cases.add(bad(rfm, "a.csv", TX + "c1,2021-01-01,5\n", 1,
                "crm rfm: a.csv: no purchase on or before the as-of date 2020-12-31 (the first is on 2021-01-01)"));
        cases.add(bad(summarize, "a.csv", TX + "c1,2021-01-01,5\n", 1,
                "crm clv summarize: a.csv: no purchase on or before the as-of date 2020-12-31 (the first is on 2021-01-01)"));
        // strict policy JSON: the file and line, never Jackson's words or the input's text
        String metrics = "customer_id,assets\nc1,5\n";
        cases.add(bad("tier --input $M --policy $F", "p.json", POLICY + " {\"name\":\"x\"}", 1,
                "crm tier: p.json:1: not valid JSON: content after the object (one JSON object, no comments)"));
        cases.add(bad("tier --input $M --policy $F", "p.json", POLICY + "\n// the ladder of 2026\n", 1,
                "crm tier: p.json:2: not valid JSON: comments are not JSON"));
        cases.add(bad("tier --input $M --policy $F", "p.json", "{\"name\":\"a\",\n\"name\":\"b\",\"tiers\":[]}", 1,
                "crm tier: p.json:2: not valid JSON: field 'name' appears twice in one object"));
        cases.add(bad("tier --input $M --policy $F", "p.json", "[".repeat(5000), 1,
                "crm tier: p.json:1: not valid JSON: nested deeper than 32 levels"));
        cases.add(bad("tier --input $M --policy $F", "p.json", "{\"name\": \"call 13812345678 now", 1,
                "crm tier: p.json:1: not valid JSON: the file ends before the policy object does"));
        cases.add(bad("tier --input $M --policy $F", "p.json", "{\"name\": 13812345678x}", 1,
                "crm tier: p.json:1: not valid JSON: a syntax error (check quotes, commas and brackets)"));
        cases.add(bad("tier --input $M --policy $F", "p.json", "{\"name\":\"w\",\"tiers\":[{\"name\":\"G\",\"match\":"
                + "\"zhang.san@example.com\"}]}", 1,
                "crm tier: p.json: tiers[0]: match 'z***@example.com': must be \"all\" or \"any\""));
        return cases.stream().map(a -> {
            Object[] v = a.get();
            return Arguments.of(((String) v[0]).replace("$M", file("metrics.csv", metrics).toString()), v[1], v[2],
                    v[3], v[4]);
        });
    }

    @ParameterizedTest(name = "{0} on {1}: {4}")
    @MethodSource("badInputs")
    void aBadInputGivesOneLineNamingFileAndLine(String command, String name, Object content, int exit, String line) {
        Path input = content instanceof byte[] bytes ? file(name, bytes) : file(name, (String) content);
        Path policy = file("policy.json", POLICY);
        String[] args = command.replace("$F", input.toString()).replace("$P", policy.toString()).split(" ");
        Result r = crm(args);
        assertEquals(exit, r.exit(), r.err());
        assertEquals("", r.out(), "nothing on stdout unless the whole input is valid");
        assertEquals(line, r.err().strip());
        assertEquals(1, r.err().strip().lines().count());
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of("complaint replay --input $F --zone Mars/Base",
                        "crm complaint replay: --zone 'Mars/Base': " + OptionTypes.ZONE_RULE),
                Arguments.of("complaint replay --input $F --as-of yesterday", "crm complaint replay: --as-of "
                        + "'yesterday': not an ISO-8601 date-time with offset, e.g. 2026-03-02T09:00:00+08:00"),
                Arguments.of("complaint replay --input $F --business-hours 9-5",
                        "crm complaint replay: --business-hours '9-5': not HH:MM-HH:MM, e.g. 09:00-18:00"),
                Arguments.of("complaint replay --input $F --business-hours 18:00-09:00", null),
                Arguments.of("rfm --input $F --as-of 2020-13-01", null),
                Arguments.of("rfm --input $F --as-of 2020-12-31 --currency XYZ",
                        "crm rfm: --currency XYZ is not an ISO 4217 currency code, e.g. USD or CNY"),
                Arguments.of("clv summarize --input $F --as-of yesterday", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void aBadOptionValueIsAUsageError(String command, String line) {
        Path input = file("u.csv", TX + "c1,2020-01-01,5\n");
        Result r = crm(command.replace("$F", input.toString()).split(" "));
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        if (line != null) {
            assertEquals(line, r.err().strip());
        }
    }

    private static String cdnow() {
        try (var in = StrictInputTest.class.getResourceAsStream("/io/crmkit/data/cdnow_customers_summary_with_transactions.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theYearZeroIsRefusedByEveryCommandThatReadsDates() {
        // crm rfm gave recency_days 738155 and crm clv summarize T = 738155 for a purchase on 0000-01-01
        Path tx = file("y0.csv", TX + "c1,0000-01-01,10\n");
        for (String[] command : new String[][] {{"rfm"}, {"clv", "summarize"}, {"clv", "value"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--input", tx.toString(), "--as-of", "2020-12-31")).toArray(String[]::new);
            Result r = crm(args);
            assertEquals(1, r.exit(), r.err());
            assertEquals("", r.out());
            assertTrue(r.err().endsWith("y0.csv:2: date '0000-01-01': a date must lie in the years 1 to 9999\n"),
                    r.err());
        }
    }

    @Test
    void aCustomerListedTwiceIsRefusedByTier() {
        // c1 with 5 and c1 with 500 used to give two rows of c1
        Path metrics = file("dup.csv", "customer_id,assets\nc1,5\nc1,500\n");
        Result tier = crm("tier", "--policy", file("dp.json", POLICY).toString(), "--input", metrics.toString());
        assertEquals(1, tier.exit(), tier.err());
        assertEquals("", tier.out());
        assertEquals("crm tier: dup.csv:3: customer_id 'c1': listed again (first on line 2): one row per customer\n",
                tier.err());
    }

    @Test
    void aByteOrderMarkIsAcceptedByEveryCommand() {
        String bom = "\ufeff";
        Path tx = file("bom.csv", bom + TX + "c1,2020-01-01,5\nc1,2020-02-01,7\n");
        Result rfm = crm("rfm", "--input", tx.toString(), "--as-of", "2020-12-31");
        assertEquals(0, rfm.exit(), rfm.err());
        // recency 2020-02-01 to 2020-12-31 = 334 days, 2 purchases, 5 + 7 = 12.00 USD
        assertTrue(rfm.out().lines().toList().get(1).startsWith("c1,334,2,12.00,"), rfm.out());
        Result summary = crm("clv", "summarize", "--input", tx.toString(), "--as-of", "2020-12-31");
        assertEquals(0, summary.exit(), summary.err());
        // first purchase 2020-01-01, repeat 31 days later, T = 365 days to 2020-12-31
        assertEquals("c1,1,31,365,7", summary.out().lines().toList().get(1));
        Path metrics = file("bm.csv", bom + "customer_id,assets\nc1,500\n");
        Path policy = file("bp.json", bom + POLICY);
        Result tier = crm("tier", "--policy", policy.toString(), "--input", metrics.toString());
        assertEquals(0, tier.exit(), tier.err());
        assertTrue(tier.out().contains("\nc1,Gold,"), tier.out());
        Path summaries = file("bs.csv", bom + cdnow());
        assertEquals(0, crm("clv", "predict", "--model", "bgnbd", "--horizon", "1", "--input", summaries.toString())
                .exit());
    }

    @Test
    void customersWhoseFirstPurchaseIsOnTheAsOfDateAreNamedNotDropped() {
        Path tx = file("s.csv", TX + "c1,2020-01-01,5\nc1,2020-02-01,7\nc2,2020-12-31,9\nc3,2020-12-31,1\n");
        Result r = crm("clv", "summarize", "--input", tx.toString(), "--as-of", "2020-12-31");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        assertEquals("crm clv summarize: note: 2 customers whose first purchase is on the as-of date 2020-12-31 "
                + "left out: with T = 0 there is nothing to fit", r.err().strip());
    }

    @Test
    void predictCarriesUnknownColumnsThroughAndFitIgnoresThem() {
        // the CDNOW summary with a segment column after the id
        String withSegment = cdnow().replace("ID,x,", "ID,segment,x,").replaceAll("(?m)^(\\d+),", "$1,north,");
        Path s = file("k.csv", withSegment);
        Result predict = crm("clv", "predict", "--model", "bgnbd", "--horizon", "1", "--input", s.toString());
        assertEquals(0, predict.exit(), predict.err());
        assertTrue(predict.out().startsWith("ID,segment,x,t_x,T,zbar,expected_purchases,p_alive\n1,north,2,30.43,38.86,"
                + "22.35,"), predict.out());
        assertEquals("", predict.err());
        assertEquals(0, crm("clv", "fit", "--model", "bgnbd", "--input", s.toString()).exit());
    }

    @Test
    void datesMayCarryATimeOfDay() {
        Path tx = file("t.csv", TX + "c1,2020-01-01T09:30,5\nc1,2020-02-01 18:00:00,7\n");
        Result r = crm("clv", "summarize", "--input", tx.toString(), "--as-of", "2020-12-31");
        assertEquals(0, r.exit(), r.err());
        assertEquals("c1,1,31,365,7", r.out().lines().toList().get(1));
    }

    @Test
    void tooSmallAHeapIsOneLineWithTheHeapItHadAndTheHelpStatesTheMemoryNeeded() {
        assertEquals("out of memory: the input needs more than the 512 MiB of heap this run had; run again with "
                + "a larger heap, e.g. java -Xmx1g -jar crm.jar ... (crm --help states the memory each command needs)",
                Crm.outOfMemory(512L << 20));
        Result help = crm("--help");
        assertEquals(0, help.exit());
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("crm rfm about 300 MB per million customers"), text);
        assertTrue(text.contains("written only when the whole input is valid"), text);
    }

    @Test
    void personalDataInARefusedValueIsMasked() {
        Path tx = file("p.csv", TX + "c1,2020-01-01,tel 13812345678\n");
        Result r = crm("rfm", "--input", tx.toString(), "--as-of", "2020-12-31");
        assertEquals(1, r.exit());
        assertFalse(r.err().contains("13812345678"), r.err());
        assertEquals("crm rfm: p.csv:2: amount '138****5678': " + NUMBER, r.err().strip());
    }
}
