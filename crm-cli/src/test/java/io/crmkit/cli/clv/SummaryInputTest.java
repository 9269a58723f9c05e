package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm clv fit} and {@code predict} on summaries large enough to be read in parallel chunks
 * (over a megabyte): a bad row far into the file is refused with its own line, one line on stderr
 * and nothing on stdout, for every rule of the summary columns; and the table predict writes is the
 * same on one core as on many.
 */
class SummaryInputTest {

    @TempDir
    Path dir;

    /** 40,000 valid rows (about 1.3 MB) with a blank line now and then; {@code bad} replaces line 30,001. */
    private Path big(String name, String header, String row, String bad) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        for (int i = 0; i < 40_000; i++) {
            lines.add(String.format(row, i));
        }
        lines.add(20_000, "");
        lines.set(30_000, bad);
        Path p = dir.resolve(name);
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertRefused(Result run, String line) {
        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.out());
        assertEquals(List.of(line), run.err().lines().toList());
    }

    @Test
    void everyRuleOfTheSummaryColumnsNamesTheLineFarIntoALargeFile() throws IOException {
        String header = "customer_id,frequency,recency,T,monetary_value,weight,litt";
        String row = "customer-%d,2,20.5,30.25,12.5,1,1.5";
        String[][] cases = {
            {"c,x,1,10,5,1,0", "frequency 'x': not a decimal number (digits with an optional point and exponent, e.g."
                + " 12.5 or 1.25e3)"},
            {"c,1.5,1,10,5,1,0", "frequency '1.5': must be a whole number of repeat purchases >= 0"},
            {"c,-1,0,10,5,1,0", "frequency '-1': must be a whole number of repeat purchases >= 0"},
            {"c,1,1,0,5,1,0", "T '0': must be > 0"},
            {"c,1,-1,10,5,1,0", "recency '-1': must be >= 0"},
            {"c,1,12,10,5,1,0", "recency '12': exceeds T 10: the last purchase cannot follow the end of observation"},
            {"c,0,3,10,5,1,0", "recency '3': must be 0 when frequency is 0"},
            {"c,1,1,10,-5,1,0", "monetary_value '-5': must be >= 0"},
            {"c,1,1,10,5,0,0", "weight '0': must be > 0"},
            {"c,0,0,10,5,1,2", "litt '2': must be 0 when frequency is 0"},
            {"c,1,1,1e999,5,1,0", "T '1e999': out of range: beyond ±1.7976931348623157e308, the largest double"},
            {"c,1,1,10,5,1", "has 6 fields but the header has 7"},
        };
        for (String[] c : cases) {
            Path file = big("big.csv", header, row, c[0]);
            assertRefused(crm("clv", "fit", "--model", "bgnbd", "--input", file.toString()),
                    "crm clv fit: big.csv:30001: " + c[1]);
            assertRefused(crm("clv", "predict", "--model", "bgnbd", "--horizon", "10", "--input", file.toString()),
                    "crm clv predict: big.csv:30001: " + c[1]);
        }
        Path spend = big("spend.csv", "frequency,recency,T,monetary_value", "2,20.5,30.25,%d.5", "1,1,10,-0.5");
        assertRefused(crm("clv", "fit", "--model", "gammagamma", "--input", spend.toString()),
                "crm clv fit: spend.csv:30001: monetary_value '-0.5': must be >= 0");
    }

    @Test
    void aLargeTableIsWrittenTheSameOnOneCoreAsOnMany() throws IOException {
        Path file = big("carry.csv", "customer_id,frequency,recency,T,segment", "c%d,3,20.5,30.25, north ",
                "\"quoted, id\",1,2,10,\"south\"");
        String[] predict = {"clv", "predict", "--model", "bgnbd", "--horizon", "39", "--input", file.toString()};
        Result many = crm(predict);
        String before = System.getProperty("crm.threads");
        System.setProperty("crm.threads", "1");
        Result one;
        try {
            one = crm(predict);
        } finally {
            if (before == null) {
                System.clearProperty("crm.threads");
            } else {
                System.setProperty("crm.threads", before);
            }
        }
        assertEquals(0, many.exit(), many.err());
        assertEquals(one.out(), many.out());
        List<String> lines = many.lines();
        assertEquals(40_001, lines.size());
        assertEquals("customer_id,frequency,recency,T,segment,expected_purchases,p_alive", lines.get(0));
        // the spaces around a carried cell are dropped and a cell with a comma is quoted, as the CSV printer writes them
        assertEquals("c0,3,20.5,30.25,north,", lines.get(1).substring(0, 22));
        assertEquals("\"quoted, id\",1,2,10,south,", lines.get(29_999).substring(0, 26));
    }
}
