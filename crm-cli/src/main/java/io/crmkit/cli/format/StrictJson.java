package io.crmkit.cli.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;

/**
 * The one strict JSON reading of the command line's JSON inputs: UTF-8 with or without a
 * byte-order mark (other encodings refused by name), one JSON value with no trailing tokens, no
 * comments, no duplicate keys, no {@code NaN}, nesting at most {@value #MAX_DEPTH} levels, decimals
 * read exactly. Every refusal is one line {@code file:line: not valid JSON: reason} in the
 * command line's words: Jackson's own text, which may quote personal data from the input, never
 * reaches a message.
 */
public final class StrictJson {

    /** The deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private StrictJson() {
    }

    /**
     * The strict setup, for a reader that binds JSON to its own types and adds its own features:
     * nesting bounded to {@value #MAX_DEPTH} levels, trailing tokens, duplicate keys, comments and
     * {@code NaN} refused.
     *
     * @return a new builder with these settings
     */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    }

    /**
     * Reads a JSON file.
     *
     * @param path the file
     * @return its one value, never {@code null}
     * @throws InputException naming the file and line and what is wrong
     */
    public static JsonNode read(Path path) {
        String name = CsvInput.name(path);
        try (Reader in = CsvInput.reader(CsvInput.utf8(path, name))) {
            return parse(in, name, () -> CsvInput.firstMalformedLine(path));
        } catch (IOException e) {
            throw FileProblem.reading(path, e);
        }
    }

    /**
     * Reads JSON text that is already characters (a bundled resource, say).
     *
     * @param in the text
     * @param name the name messages give it
     * @return its one value, never {@code null}
     * @throws InputException naming the file and line and what is wrong
     */
    public static JsonNode read(Reader in, String name) {
        return parse(in, name, () -> 1L);
    }

    private static JsonNode parse(Reader in, String name, java.util.function.LongSupplier malformedLine) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new InputException(name + ":" + line + ": not valid JSON: " + reason(e));
        } catch (CharacterCodingException e) {
            throw new InputException(CsvInput.notUtf8(name, malformedLine.getAsLong()));
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException | StackOverflowError e) {
            throw new InputException(name + ": not valid JSON: cannot be read");
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(name + ":1: not valid JSON: the file is empty");
        }
        return root;
    }

    /**
     * The text of a JSON value that should be a number: a JSON number as the strict setup read it
     * (decimals exactly, so {@code 1e309} stays out of range instead of becoming a double), or a
     * string holding one ({@code "2000.00"}); {@code null} for anything else. Readers of amounts
     * and rates hand it to the grammar of {@link Values} ({@link Values#decimal(String)},
     * {@link Values#money(String, java.util.Currency)}), as the CSV readers hand their cells, so
     * that the same text is accepted or refused the same way in both formats.
     *
     * @param value the JSON value, or {@code null} when the field is absent
     * @return the number's text, or {@code null}
     */
    public static String numberText(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isFloatingPointNumber()) {
            return value.decimalValue().toString();
        }
        if (value.isNumber()) {
            return value.asText();
        }
        return value.isTextual() ? value.asText().strip() : null;
    }

    /**
     * Reads a JSON amount of money: a number (or a string holding one) of the one money grammar,
     * {@link Values#money(String, java.util.Currency)}.
     *
     * @param value the JSON value, or {@code null} when the field is absent
     * @param currency the currency of the amount
     * @return the exact amount
     * @throws IllegalArgumentException {@code 'value': rule} otherwise, the value quoted as
     *     {@link Values#quote(String)} shows it
     */
    public static java.math.BigDecimal money(JsonNode value,
            java.util.Currency currency) {
        String text = numberText(value);
        try {
            return Values.money(text == null ? "" : text, currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(shown(value, text) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON decimal (a rate, a multiplier): a number (or a string holding one) of the number
     * grammar, {@link Values#decimal(String)}.
     *
     * @param value the JSON value, or {@code null} when the field is absent
     * @return the exact value
     * @throws IllegalArgumentException {@code 'value': rule} otherwise
     */
    public static java.math.BigDecimal decimal(JsonNode value) {
        String text = numberText(value);
        try {
            return Values.decimal(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(shown(value, text) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON number for a statistic (a share, a threshold): a number (or a string holding
     * one) of the number grammar, {@link Values#number(String)}.
     *
     * @param value the JSON value, or {@code null} when the field is absent
     * @return the finite value
     * @throws IllegalArgumentException {@code 'value': rule} otherwise
     */
    public static double number(JsonNode value) {
        String text = numberText(value);
        try {
            return Values.number(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(shown(value, text) + ": " + e.getMessage(), e);
        }
    }

    private static String shown(JsonNode value, String text) {
        if (value == null) {
            return "(missing)";
        }
        return Values.quote(text != null ? text : value.toString());
    }

    /**
     * What is wrong with a JSON text, in the command line's words: Jackson's own messages quote
     * the input, which may hold personal data.
     *
     * @param e Jackson's refusal
     * @return the reason, without any input text
     */
    public static String reason(JsonProcessingException e) {
        return reason(e, "value", "the JSON value");
    }

    /**
     * As {@link #reason(JsonProcessingException)}, naming what the file holds.
     *
     * @param e Jackson's refusal
     * @param kind what the file is one of, e.g. {@code object}
     * @param whole the whole content in words, e.g. {@code the policy object}
     * @return the reason, without any input text
     */
    public static String reason(JsonProcessingException e, String kind, String whole) {
        if (e instanceof StreamConstraintsException) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field '") && message.endsWith("'")) {
            return "field " + Values.quote(message.substring("Duplicate field '".length(), message.length() - 1))
                    + " appears twice in one object";
        }
        if (message.startsWith("Trailing token")) {
            return "content after the " + kind + " (one JSON " + kind + ", no comments)";
        }
        if (message.contains("comment")) {
            return "comments are not JSON";
        }
        if (message.contains("end-of-input") || message.contains("No content")) {
            return "the file ends before " + whole + " does";
        }
        if (message.contains("NaN") || message.contains("Infinity") || message.contains("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        return "a syntax error (check quotes, commas and brackets)";
    }
}
