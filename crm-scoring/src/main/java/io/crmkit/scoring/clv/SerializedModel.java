package io.crmkit.scoring.clv;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The serialised form of every model in this package (the serialisation-proxy pattern): a model
 * writes this proxy instead of itself, and reading it back builds the model again through the
 * same validation as its factory, so a tampered stream can bring in nothing a factory would
 * refuse, and no half-built model is ever reachable from a stream.
 */
final class SerializedModel implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The model's short name, e.g. {@code bgnbd}. */
    private final String model;
    /** The parameters in the order of the model's {@code parameters()}. */
    private final double[] parameters;
    /** How the fit went. */
    private final FitDiagnostics diagnostics;
    /** Gamma-Gamma only: the frequency-spend correlation at fit time, NaN when unknown. */
    private final double correlation;
    /**
     * A model with static covariates only: the names of {@code parameters}, covariate coefficients
     * included ({@code trans.NAME} ...); null for every other model (and in streams written before
     * covariate models were serializable).
     */
    private final String @Nullable [] names;

    SerializedModel(String model, double[] parameters, FitDiagnostics diagnostics, double correlation) {
        this.model = model;
        this.parameters = parameters.clone();
        this.diagnostics = diagnostics;
        this.correlation = correlation;
        this.names = null;
    }

    private SerializedModel(String model, Map<String, Double> parameters, FitDiagnostics diagnostics) {
        this.model = model;
        this.parameters = parameters.values().stream().mapToDouble(Double::doubleValue).toArray();
        this.names = parameters.keySet().toArray(new String[0]);
        this.diagnostics = diagnostics;
        this.correlation = Double.NaN;
    }

    /** The proxy of a model with static covariates: its parameters by name. */
    static SerializedModel withCovariates(String model, Map<String, Double> parameters, FitDiagnostics diagnostics) {
        return new SerializedModel(model, parameters, diagnostics);
    }

    /**
     * The model again, through its factory's checks.
     *
     * @return the model
     * @throws InvalidObjectException if the stream holds what the factory refuses
     */
    @Serial
    private Object readResolve() throws InvalidObjectException {
        try {
            requireNonNull(model, "model");
            requireNonNull(diagnostics, "diagnostics");
            double[] p = requireNonNull(parameters, "parameters").clone();
            if (names != null) {
                Checks.require(names.length == p.length, "%s: %s parameter names for %s values", model, names.length,
                        p.length);
                Map<String, Double> byName = new LinkedHashMap<>();
                for (int i = 0; i < p.length; i++) {
                    Checks.require(byName.put(requireNonNull(names[i], "parameter name"), p[i]) == null,
                            "%s: parameter %s appears twice", model, names[i]);
                }
                return switch (model) {
                    case "pareto" -> ParetoNbdCovariateModel.restore(byName, diagnostics);
                    case "bgnbd" -> BetaGeoCovariateModel.restore(byName, diagnostics);
                    default -> throw new IllegalArgumentException("model '" + model + "' has no covariates");
                };
            }
            Checks.require(p.length == switch (model) {
                case "gammagamma" -> 3;
                case "sbg" -> 2;
                case "ggomnbd", "bgcnbd", "mbgcnbd" -> 5;
                default -> 4;
            },
                    "%s parameters %s: wrong count", model, p.length);
            return switch (model) {
                case "bgnbd" -> BetaGeoModel.restore(p, diagnostics);
                case "mbgnbd" -> ModifiedBetaGeoModel.restore(p, diagnostics);
                case "pareto" -> ParetoNbdModel.restore(p, diagnostics);
                case "bgbb" -> BetaGeoBetaBinomModel.restore(p, diagnostics);
                case "ggomnbd" -> GammaGompertzNbdModel.restore(p, diagnostics);
                case "bgcnbd" -> ErlangBetaGeoModel.restore(false, p, diagnostics);
                case "mbgcnbd" -> ErlangBetaGeoModel.restore(true, p, diagnostics);
                case "gammagamma" -> GammaGammaModel.restore(p, diagnostics, correlation);
                case "sbg" -> ShiftedBetaGeometricModel.restore(p, diagnostics);
                default -> throw new IllegalArgumentException("unknown model '" + model + "' in the stream");
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Checks.invalidObject(e);
        }
    }

    /**
     * The exception a model's {@code readObject} throws: models are only ever read through this proxy.
     *
     * @return the exception
     */
    static InvalidObjectException proxyRequired() {
        return new InvalidObjectException("a CLV model is deserialised only through its serialisation proxy");
    }
}
