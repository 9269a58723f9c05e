package io.crmkit.cli.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.crmkit.scoring.clv.ClvModel;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.FitDiagnostics;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted CLV model saved as JSON, so that {@code crm clv predict --model-file} applies it
 * without fitting again:
 * <pre>{@code
 * {
 *   "format": "crmkit-clv-model",
 *   "version": 1,
 *   "model": "bgnbd",
 *   "timeUnit": "weeks",
 *   "parameters": { "r": 0.2426, "alpha": 4.414, "a": 0.7929, "b": 2.426 },
 *   "fit": { "logLikelihood": -9582.43, "customers": 2357, "iterations": 31,
 *            "gradientNorm": 1.2e-7, "penalizer": 0, "input": "cdnow.csv" }
 * }
 * }</pre>
 * {@code timeUnit} is {@code days} or {@code weeks} for the continuous-time models,
 * {@code opportunities} for BG/BB and {@code none} for Gamma-Gamma. A Pareto/NBD or BG/NBD with
 * static covariates adds its coefficients to {@code parameters} under the names it gives them
 * ({@code trans.NAME}, {@code life.NAME}, {@code gamma.NAME}, NAME being a numeric column or
 * {@code COLUMN=LEVEL} of a dummy-coded one), and is read back as that model. Parameters are written with
 * every digit of the double, so a model read back predicts exactly as the fitted one. Reading is
 * strict: every field present, no unknown field, no field twice, nothing after the object, and
 * the parameters validated by the model's own factory ({@link ClvModels.Model#restore}), the fit's
 * counts and norms &ge; 0 and its log-likelihood finite, and &le; 0 only where the likelihood is a
 * probability (BG/BB, sBG; a density, as of the continuous-time models and Gamma-Gamma, can
 * exceed 1); a refusal names the file and the field.
 */
public final class ClvModelJson {

    /** The value of {@code format}. */
    public static final String FORMAT = "crmkit-clv-model";
    /** The version this reader writes and reads. */
    public static final int VERSION = 1;

    /**
     * The strict reader, built on first use: a mapper costs a fifth of the start-up of
     * {@code crm clv fit}, which never reads a saved model (writing one needs only
     * {@link JsonText}).
     */
    private static final class Reading {
        static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build()).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS)
                .build();
    }

    private static final List<String> FIELDS = List.of("format", "version", "model", "timeUnit", "parameters", "fit");
    private static final List<String> FIT_FIELDS = List.of("logLikelihood", "customers", "iterations",
            "gradientNorm", "penalizer", "input");

    /**
     * A saved model: the model, restored from its parameters, with the time unit of its data and
     * how it was fitted.
     *
     * @param model the model
     * @param timeUnit {@code days}, {@code weeks}, {@code opportunities} or {@code none}
     * @param logLikelihood the fit's log-likelihood
     * @param customers the number of customers fitted (the sum of the weights)
     * @param iterations the optimiser's iterations
     * @param gradientNorm the gradient norm at the optimum
     * @param penalizer the L2 penalizer of the fit
     * @param input the name of the file fitted
     */
    public record Saved(ClvModel model, String timeUnit, double logLikelihood, double customers, int iterations,
            double gradientNorm, double penalizer, String input) {

        /**
         * Checks the fields.
         *
         * @param model the model
         * @param timeUnit the time unit
         * @param logLikelihood the log-likelihood
         * @param customers the customers
         * @param iterations the iterations
         * @param gradientNorm the gradient norm
         * @param penalizer the penalizer
         * @param input the input's name
         */
        public Saved {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(timeUnit, "timeUnit");
            Objects.requireNonNull(input, "input");
        }

        /**
         * A fitted model with its diagnostics.
         *
         * @param fitted the fitted model
         * @param timeUnit the time unit of its data
         * @param input the name of the file fitted
         * @return the record to save
         * @throws IllegalStateException if the model was made from known parameters, not fitted: it
         *     has no log-likelihood to save
         */
        public static Saved of(ClvModel fitted, String timeUnit, String input) {
            FitDiagnostics d = fitted.diagnostics();
            return new Saved(fitted, timeUnit, d.logLikelihood(), d.customers(), d.iterations(), d.gradientNorm(),
                    d.penalizer(), input);
        }
    }

    private ClvModelJson() {
    }

    /**
     * The time unit a model of a kind may carry.
     *
     * @param kind the model kind
     * @return the allowed units
     */
    public static List<String> timeUnits(ClvModels.Model kind) {
        return switch (kind.input()) {
            case OPPORTUNITIES -> List.of("opportunities");
            case SPEND -> List.of("none");
            case CONTINUOUS_TIME -> List.of("days", "weeks");
            case SURVIVORS -> List.of("periods");
        };
    }

    /**
     * The JSON text of a saved model.
     *
     * @param saved the model and its fit
     * @return the text, one field a line, ending with a line break
     */
    public static String write(Saved saved) {
        return JsonText.indented(json -> {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeStringField("model", saved.model().name());
            json.writeStringField("timeUnit", saved.timeUnit());
            json.writeObjectFieldStart("parameters");
            for (Map.Entry<String, Double> p : saved.model().parameters().entrySet()) {
                json.writeNumberField(p.getKey(), p.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("fit");
            json.writeNumberField("logLikelihood", saved.logLikelihood());
            if (saved.customers() == Math.rint(saved.customers()) && Math.abs(saved.customers()) < 0x1p53) {
                json.writeNumberField("customers", (long) saved.customers()); // a count, not 2357.0
            } else {
                json.writeNumberField("customers", saved.customers()); // weighted rows can count a fraction
            }
            json.writeNumberField("iterations", saved.iterations());
            json.writeNumberField("gradientNorm", saved.gradientNorm());
            json.writeNumberField("penalizer", saved.penalizer());
            json.writeStringField("input", saved.input());
            json.writeEndObject();
            json.writeEndObject();
        }) + System.lineSeparator();
    }

    /**
     * Reads a saved model: UTF-8 with or without a byte-order mark, strict JSON.
     *
     * @param path the file
     * @return the model and its fit
     * @throws InputException naming the file, the field and the rule broken
     */
    public static Saved read(Path path) {
        String name = CsvInput.name(path);
        try (Reader in = CsvInput.reader(CsvInput.utf8(path, name))) {
            return read(in, name);
        } catch (CharacterCodingException e) {
            throw new InputException(CsvInput.notUtf8(name, CsvInput.firstMalformedLine(path)));
        } catch (IOException e) {
            throw FileProblem.reading(path, e);
        }
    }

    /**
     * Reads a saved model.
     *
     * @param in the JSON
     * @param name the file's name, for messages
     * @return the model and its fit
     * @throws InputException naming the file, the field and the rule broken
     * @throws IOException if the text cannot be read
     */
    public static Saved read(Reader in, String name) throws IOException {
        JsonNode root;
        try {
            root = Reading.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new InputException(name + ":" + line + ": not valid JSON: "
                    + TierPolicyJson.reason(e).replace("policy object", "model object"));
        } catch (CharacterCodingException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new InputException(name + ": not valid JSON: cannot be read as a saved model");
        }
        if (root == null || !root.isObject()) {
            throw new InputException(name + ": a saved model must be a JSON object with " + FIELDS);
        }
        checkFields(root, FIELDS, name, "");
        String format = text(root, "format", name, "");
        if (!format.equals(FORMAT)) {
            throw new InputException(name + ": format " + Values.quote(format) + ": must be \"" + FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (!version.isInt() || version.intValue() != VERSION) {
            throw new InputException(name + ": version " + Values.quote(version.toString()) + ": this crm reads "
                    + "version " + VERSION);
        }
        String model = text(root, "model", name, "");
        ClvModels.Model kind;
        try {
            kind = ClvModels.named(model);
        } catch (IllegalArgumentException e) {
            throw new InputException(name + ": model " + Values.quote(model) + ": must be one of "
                    + String.join(", ", ClvModels.names()));
        }
        String unit = text(root, "timeUnit", name, "");
        if (!timeUnits(kind).contains(unit)) {
            throw new InputException(name + ": timeUnit " + Values.quote(unit) + ": a " + model + " model's must be "
                    + String.join(" or ", timeUnits(kind)));
        }
        JsonNode params = object(root, "parameters", name);
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!kind.parameterNames().contains(e.getKey()) && !kind.isCovariateParameter(e.getKey())) {
                throw new InputException(name + ": parameters." + e.getKey() + ": unknown for " + model
                        + " (its parameters are " + String.join(", ", kind.parameterNames()) + ")");
            }
            values.put(e.getKey(), number(e.getValue(), name, "parameters." + e.getKey()));
        }
        for (String p : kind.parameterNames()) {
            if (!values.containsKey(p)) {
                throw new InputException(name + ": parameters." + p + ": missing (a " + model + " model has "
                        + String.join(", ", kind.parameterNames()) + ")");
            }
        }
        ClvModel restored;
        try {
            restored = kind.restore(values);
        } catch (IllegalArgumentException e) {
            throw new InputException(name + ": parameters: " + e.getMessage());
        }
        JsonNode fit = object(root, "fit", name);
        checkFields(fit, FIT_FIELDS, name, "fit.");
        double logLikelihood = number(fit.get("logLikelihood"), name, "fit.logLikelihood");
        if (logLikelihood > 0 && likelihoodIsProbability(kind)) {
            throw new InputException(name + ": fit.logLikelihood " + Values.format(logLikelihood) + ": a " + model
                    + " likelihood is a probability of discrete data, so its logarithm is <= 0");
        }
        double customers = number(fit.get("customers"), name, "fit.customers");
        if (customers < 0) {
            throw new InputException(name + ": fit.customers " + Values.format(customers) + ": must be >= 0");
        }
        JsonNode iterations = fit.get("iterations");
        if (!iterations.isInt() || iterations.intValue() < 0) {
            throw new InputException(name + ": fit.iterations " + Values.quote(iterations.toString())
                    + ": must be a whole number >= 0");
        }
        double gradient = number(fit.get("gradientNorm"), name, "fit.gradientNorm");
        double penalizer = number(fit.get("penalizer"), name, "fit.penalizer");
        if (gradient < 0 || penalizer < 0) {
            throw new InputException(name + ": fit." + (gradient < 0 ? "gradientNorm " + Values.format(gradient)
                    : "penalizer " + Values.format(penalizer)) + ": must be >= 0");
        }
        JsonNode input = fit.get("input");
        if (!input.isTextual()) {
            throw new InputException(name + ": fit.input " + Values.quote(input.toString()) + ": must be a string");
        }
        return new Saved(restored, unit, logLikelihood, customers, iterations.intValue(), gradient, penalizer,
                input.asText());
    }

    /**
     * Whether a kind's likelihood is a probability, so that its logarithm is at most 0: BG/BB (the
     * purchase pattern over discrete opportunities) and sBG (the survivors of each period). The
     * continuous-time models' likelihood is a density in the purchase times, and Gamma-Gamma's a
     * density in the mean spend; a density can exceed 1 (times in a large unit, spend in a small
     * one), so their log-likelihood is only required to be finite.
     *
     * @param kind the model kind
     * @return true for the kinds whose log-likelihood is &le; 0
     */
    static boolean likelihoodIsProbability(ClvModels.Model kind) {
        return switch (kind.input()) {
            case OPPORTUNITIES, SURVIVORS -> true;
            case CONTINUOUS_TIME, SPEND -> false;
        };
    }

    private static JsonNode object(JsonNode node, String field, String name) {
        JsonNode v = node.get(field);
        if (!v.isObject()) {
            throw new InputException(name + ": " + field + ": must be an object");
        }
        return v;
    }

    private static double number(JsonNode value, String name, String field) {
        if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new InputException(name + ": " + field + " " + Values.quote(String.valueOf(value))
                    + ": not a finite number");
        }
        return value.doubleValue();
    }

    private static String text(JsonNode node, String field, String name, String prefix) {
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw new InputException(name + ": " + prefix + field + " " + Values.quote(v.toString())
                    + ": must be a string");
        }
        return v.asText();
    }

    private static void checkFields(JsonNode node, List<String> fields, String name, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!fields.contains(field)) {
                throw new InputException(name + ": " + prefix + field + ": unknown field (expected "
                        + String.join(", ", fields) + ")");
            }
        }
        for (String field : fields) {
            if (!node.has(field)) {
                throw new InputException(name + ": " + prefix + field + ": missing");
            }
        }
    }
}
