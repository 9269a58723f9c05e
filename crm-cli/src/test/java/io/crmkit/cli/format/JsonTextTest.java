package io.crmkit.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JsonText} writes what Jackson's {@code ObjectMapper} wrote before it: the same bytes for the
 * same values, compact and indented, and so the same output of {@code crm clv fit} and the same
 * saved model files. The oracle is the mapper itself, on a tree of the same values.
 */
class JsonTextTest {

    private static final ObjectMapper COMPACT = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static ObjectNode tree(String text, double number, long whole, int small) {
        ObjectNode root = COMPACT.createObjectNode();
        root.put("text", text);
        ObjectNode inner = root.putObject("inner");
        inner.put("number", number);
        inner.put("whole", whole);
        root.put("small", small);
        root.putArray("list").add(text).add(text + "\u0001\"\\");
        return root;
    }

    private static String streamed(boolean indented, String text, double number, long whole, int small) {
        JsonText.Body body = json -> {
            json.writeStartObject();
            json.writeStringField("text", text);
            json.writeObjectFieldStart("inner");
            json.writeNumberField("number", number);
            json.writeNumberField("whole", whole);
            json.writeEndObject();
            json.writeNumberField("small", small);
            json.writeArrayFieldStart("list");
            json.writeString(text);
            json.writeString(text + "\u0001\"\\");
            json.writeEndArray();
            json.writeEndObject();
        };
        return indented ? JsonText.indented(body) : JsonText.compact(body);
    }

    @Property
    void everyValueIsWrittenAsTheMapperWritesIt(@ForAll String text, @ForAll double number, @ForAll long whole,
            @ForAll int small) throws IOException {
        ObjectNode tree = tree(text, number, whole, small);
        assertEquals(COMPACT.writeValueAsString(tree), streamed(false, text, number, whole, small));
        assertEquals(INDENTED.writeValueAsString(tree), streamed(true, text, number, whole, small));
    }

    @Test
    void edgeValuesAreWrittenAsTheMapperWritesThem() throws IOException {
        double[] numbers = {0.0, -0.0, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, 1e21, 1e-7, 0.1 + 0.2,
            2357, -9582.425560567357, 1.7277395713353026E-10};
        String[] texts = {"", "bgnbd", "\"quoted\" \\ back", "tab\tline\nnull\u0000", "</script>", "\u00e9\u4e2d\ud83d\ude00"};
        for (double number : numbers) {
            for (String text : texts) {
                ObjectNode tree = tree(text, number, Long.MIN_VALUE, Integer.MAX_VALUE);
                assertEquals(COMPACT.writeValueAsString(tree), streamed(false, text, number, Long.MIN_VALUE,
                        Integer.MAX_VALUE));
                assertEquals(INDENTED.writeValueAsString(tree), streamed(true, text, number, Long.MIN_VALUE,
                        Integer.MAX_VALUE));
            }
        }
    }

    /**
     * The fit's line and the saved model, read back by the mapper and written again by it, are the
     * same text: every number, string and indent as the mapper writes them, for regular fits and
     * for one with warnings and no standard errors (customers who all bought on their last day: no
     * dropout in the data, so the BG/NBD's a runs to 0).
     */
    @Test
    void theFitsJsonAndTheSavedModelAreTheMappersText(@TempDir Path dir) throws IOException {
        Path summary = CliRun.bundled(dir, "cdnow_customers_summary_with_transactions.csv");
        Path noDropout = CliRun.file(dir, "no-dropout.csv", "customer_id,frequency,recency,T\nA,1,10,10\nB,2,20,20\n"
                + "C,3,30,30\nD,0,0,30\nE,4,25,25\nF,0,0,12\nG,2,8,8\n");
        String[][] fits = {{"bgnbd", summary.toString()}, {"gammagamma", summary.toString()},
            {"pareto", summary.toString()}, {"bgnbd", noDropout.toString()}};
        for (String[] fit : fits) {
            String model = fit[0];
            Path saved = Files.createTempFile(dir, model, ".json");
            Files.delete(saved);
            CliRun.Result r = CliRun.crm("clv", "fit", "--model", model, "--input", fit[1], "--save", saved.toString());
            assertEquals(0, r.exit(), r.err());
            String line = r.out().strip();
            assertEquals(COMPACT.writeValueAsString(COMPACT.readTree(line)), line, model);
            String file = Files.readString(saved);
            assertTrue(file.endsWith(System.lineSeparator()), model);
            assertEquals(INDENTED.writeValueAsString(INDENTED.readTree(file)) + System.lineSeparator(), file, model);
        }
        Path log = CliRun.bundled(dir, "cdnow-transactions.csv");
        CliRun.Result evaluation = CliRun.crm("clv", "evaluate", "--input", log.toString(), "--calibration-end",
                "1997-09-30", "--holdout-end", "1998-06-30", "--unit", "weeks");
        assertEquals(0, evaluation.exit(), evaluation.err());
        String report = evaluation.out().strip();
        assertTrue(report.contains("\"tracking\":[{\"week\":1,"), report);
        assertEquals(COMPACT.writeValueAsString(COMPACT.readTree(report)), report, "crm clv evaluate");
        String warned = CliRun.crm("clv", "fit", "--model", "bgnbd", "--input", noDropout.toString()).out();
        assertTrue(warned.contains("\"standardErrors\":{}") && warned.contains("\"warnings\":[\""), warned);
    }
}
