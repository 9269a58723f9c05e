package io.crmkit.cli.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON output written through jackson-core's streaming generator: the same text Jackson's
 * {@code ObjectMapper} writes for the same tree (numbers as {@link Double#toString}, strings
 * escaped alike, {@link #indented} with Jackson's default pretty printer), without building a
 * mapper. A mapper initialises hundreds of classes (date formats, calendars, locale data) that a
 * command printing a few numbers never uses; it is a fifth of the start-up of {@code crm clv fit}
 * (see benchmarks/README.md, "Start-up").
 */
public final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes one JSON value to a generator. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the value.
         *
         * @param json the generator
         * @throws IOException if the generator fails (not for a string target)
         */
        void write(JsonGenerator json) throws IOException;
    }

    private JsonText() {
    }

    /**
     * One JSON value on one line, as {@code ObjectMapper.writeValueAsString} writes it.
     *
     * @param body writes the value
     * @return the text, without a line break
     */
    public static String compact(Body body) {
        return text(body, false);
    }

    /**
     * One JSON value indented, as an {@code ObjectMapper} with {@code INDENT_OUTPUT} writes it.
     *
     * @param body writes the value
     * @return the text, without a final line break
     */
    public static String indented(Body body) {
        return text(body, true);
    }

    private static String text(Body body, boolean indented) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            if (indented) {
                json.useDefaultPrettyPrinter();
            }
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
