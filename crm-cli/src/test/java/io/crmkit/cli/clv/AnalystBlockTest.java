package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.bundled;
import static io.crmkit.cli.CliRun.crm;
import static io.crmkit.cli.CliRun.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "CLV for analysts" block runs as written (summarize makes the summary that fit and
 * predict read), and the CLV commands speak command-line words: counts as whole numbers, the
 * option that adds litt instead of the Java call.
 */
class AnalystBlockTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeBlockRunsAsWritten() throws IOException {
        Path log = bundled(dir, "cdnow-transactions.csv");
        Result summarize = crm("clv", "summarize", "--input", log.toString(), "--as-of", "1997-09-30", "--unit",
                "weeks");
        assertEquals(0, summarize.exit(), summarize.err());
        Path summary = file(dir, "summary.csv", summarize.out());
        Path model = dir.resolve("bgnbd.json");
        Result fit = crm("clv", "fit", "--model", "bgnbd", "--input", summary.toString(), "--unit", "weeks",
                "--save", model.toString());
        assertEquals(0, fit.exit(), fit.err());
        JsonNode saved = new ObjectMapper().readTree(model.toFile());
        // CDNOW's 2,357 customers (Fader, Hardie & Lee 2005), a count written as a whole number
        assertTrue(saved.get("fit").get("customers").isIntegralNumber(), saved.toString());
        assertEquals(2357, saved.get("fit").get("customers").asLong());
        Result predict = crm("clv", "predict", "--model-file", model.toString(), "--input", summary.toString(),
                "--horizon", "39");
        assertEquals(0, predict.exit(), predict.err());
        assertEquals(2358, predict.lines().size(), "a header and a row per customer");
    }

    @Test
    void refusalsSpeakCommandLineWords() {
        Path noLitt = file(dir, "s.csv", "customer_id,frequency,recency,T\na,2,10,20\nb,0,0,20\nc,1,5,20\n"
                + "d,3,15,20\ne,0,0,20\n");
        Result litt = crm("clv", "fit", "--model", "bgcnbd", "--input", noLitt.toString());
        assertEquals(1, litt.exit(), litt.err());
        assertTrue(litt.err().contains("crm clv summarize --litt"), litt.err());
        assertFalse(litt.err().contains("CustomerSummarizer"), litt.err());
        Path one = file(dir, "one.csv", "customer_id,frequency,recency,T\na,2,10,20\n");
        Result few = crm("clv", "fit", "--model", "bgnbd", "--input", one.toString());
        assertEquals(1, few.exit(), few.err());
        assertTrue(few.err().contains("1 customers are too few to fit"), few.err());
    }
}
