package io.crmkit.cli.clv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.cli.db.StoreOptions;
import io.crmkit.cli.format.ClvModelJson;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.Values;
import io.crmkit.store.CrmStore;
import io.crmkit.store.StoredModel;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Fitted CLV models kept in the store ({@code crm clv fit --store-as NAME}, {@code crm clv predict
 * --stored-model NAME}): the same content as a model file of {@code --save}, as a
 * {@link StoredModel} (registry name, time unit, parameters; the fit's diagnostics and input file
 * as {@code fittedOn}). A stored model is read back through {@link ClvModelJson#read} itself, so it
 * passes exactly the checks of {@code --model-file} and predicts exactly as the fitted one.
 */
final class StoredModels {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIT = List.of("logLikelihood", "customers", "iterations", "gradientNorm",
            "penalizer", "input");

    private StoredModels() {
    }

    /**
     * Refuses a name the store cannot keep, before anything is fitted.
     *
     * @param spec the command, for the usage error
     * @param name the {@code --store-as} value
     */
    static void checkName(CommandSpec spec, String name) {
        if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store-as " + Values.quote(name)
                    + ": a stored model's name is 1 to 200 characters without control characters");
        }
    }

    /**
     * Saves a fitted model under a name, replacing the model stored under it before.
     *
     * @param options where the store is
     * @param name the name
     * @param saved the model and its fit
     * @param clock the time stamped as the fit's instant
     */
    static void save(StoreOptions options, String name, ClvModelJson.Saved saved, Clock clock) {
        Map<String, String> fittedOn = new LinkedHashMap<>();
        fittedOn.put("logLikelihood", Double.toString(saved.logLikelihood()));
        fittedOn.put("customers", io.crmkit.cli.format.Values.format(saved.customers()));
        fittedOn.put("iterations", Integer.toString(saved.iterations()));
        fittedOn.put("gradientNorm", Double.toString(saved.gradientNorm()));
        fittedOn.put("penalizer", Double.toString(saved.penalizer()));
        fittedOn.put("input", saved.input());
        try (CrmStore store = options.open()) {
            store.models().save(new StoredModel(name, saved.model().name(), saved.timeUnit(), clock.instant(),
                    saved.model().parameters(), fittedOn));
        }
    }

    /**
     * Loads a stored model.
     *
     * @param options where the store is
     * @param name the name it was stored under
     * @return the model and its fit
     * @throws InputException if no model is stored under the name, or the stored one does not pass
     *         the checks of a model file (the message names the stored model and the field)
     */
    static ClvModelJson.Saved load(StoreOptions options, String name) {
        Optional<StoredModel> found;
        List<String> names;
        try (CrmStore store = options.open()) {
            found = store.models().load(name);
            names = found.isEmpty() ? store.models().names() : List.of();
        }
        if (found.isEmpty()) {
            throw new InputException("--stored-model " + Values.quote(name) + ": no model of that name in "
                    + options.describe() + (names.isEmpty() ? " (it holds none)"
                            : " (it holds " + String.join(", ", names) + ")"));
        }
        StoredModel m = found.get();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", ClvModelJson.FORMAT);
        root.put("version", ClvModelJson.VERSION);
        root.put("model", m.model());
        root.put("timeUnit", m.timeUnit());
        ObjectNode parameters = root.putObject("parameters");
        m.parameters().forEach(parameters::put);
        ObjectNode fit = root.putObject("fit");
        for (String field : FIT) {
            String value = m.fittedOn().get(field);
            if (value == null) {
                continue; // the reader names the missing field
            }
            try {
                if (field.equals("input")) {
                    fit.put(field, value);
                } else if (field.equals("iterations")) {
                    fit.put(field, Integer.parseInt(value));
                } else {
                    fit.put(field, Double.parseDouble(value));
                }
            } catch (NumberFormatException e) {
                fit.put(field, value); // the reader refuses it, naming the field
            }
        }
        try {
            return ClvModelJson.read(new StringReader(JSON.writeValueAsString(root)), "stored model "
                    + Values.quote(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
