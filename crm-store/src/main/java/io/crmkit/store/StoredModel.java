package io.crmkit.store;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.Map;

/**
 * A fitted model as stored: enough to predict again without refitting. Generic on purpose, so
 * that any model of crm-scoring (or the application) can be kept: the model's name (e.g.
 * {@code BG/NBD}), its parameters by name, the time unit its rates are per (e.g. {@code WEEKS}),
 * when it was fitted and free metadata about the data it was fitted on (file, row count,
 * calibration period, log-likelihood...). Holds no personal data. A crm-scoring model stores as
 * {@code new StoredModel(name, model.name(), "WEEKS", fittedAt, model.parameters(), fittedOn)};
 * it is rebuilt from the parameters with the model's own factory (e.g. {@code BetaGeoModel.of(r,
 * alpha, a, b)}).
 *
 * @param name the name the model is stored under: 1 to 200 characters, no control characters
 * @param model the model's name, not blank
 * @param timeUnit the unit of time the parameters are per, not blank
 * @param fittedAt when the model was fitted
 * @param parameters the fitted parameters by name: at least one, every value finite
 * @param fittedOn free metadata about the fit (values as text)
 */
public record StoredModel(String name, String model, String timeUnit, Instant fittedAt, Map<String, Double> parameters,
        Map<String, String> fittedOn) {

    /** Checks and copies the fields. */
    public StoredModel {
        requireNonNull(name, "name");
        requireNonNull(model, "model");
        requireNonNull(timeUnit, "timeUnit");
        requireNonNull(fittedAt, "fittedAt");
        checkArgument(!name.isBlank() && name.length() <= 200 && name.chars().noneMatch(Character::isISOControl),
                "model name '%s' must be 1 to 200 characters without control characters", name);
        checkArgument(!model.isBlank() && model.length() <= 100, "model '%s' of %s must be 1 to 100 characters", model,
                name);
        checkArgument(!timeUnit.isBlank() && timeUnit.length() <= 32, "timeUnit '%s' of %s must be 1 to 32 characters",
                timeUnit, name);
        parameters = ImmutableMap.copyOf(requireNonNull(parameters, "parameters"));
        checkArgument(!parameters.isEmpty(), "parameters of model %s are empty: a fitted model has parameters", name);
        parameters.forEach((k, v) -> checkArgument(Double.isFinite(v),
                "parameter %s of model %s is %s: a fitted parameter is a finite number", k, name, v));
        fittedOn = ImmutableMap.copyOf(requireNonNull(fittedOn, "fittedOn"));
    }

    /**
     * Returns a parameter.
     *
     * @param parameter its name
     * @return its value
     * @throws IllegalArgumentException if the model has no such parameter
     */
    public double parameter(String parameter) {
        Double v = parameters.get(parameter);
        checkArgument(v != null, "model %s (%s) has no parameter %s: it has %s", name, model, parameter,
                parameters.keySet());
        return v;
    }
}
