package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Why a fitted model's numbers may mislead, as a value a program can act on: which parameter (if
 * any), what happened to it, and what that means for the data. Every model's fit produces these
 * through the same rules (see {@link FitDiagnostics#warnings()}).
 *
 * @param kind what happened
 * @param parameter the parameter concerned, by its name in {@link FitDiagnostics#standardErrors()},
 *     or empty when the warning concerns the whole fit
 * @param message what it means, in words, e.g. "no dropout detected"
 * @serial exclude
 */
public record FitWarning(Kind kind, String parameter, String message) implements Serializable {

    /** What a warning is about. */
    public enum Kind {
        /**
         * The likelihood kept rising as the parameter shrank towards 0: the maximum lies on the
         * edge of the parameter space, the value reached is arbitrary, only the limit means
         * something.
         */
        PARAMETER_AT_ZERO,
        /** The likelihood kept rising as the parameter grew without bound (see {@link #PARAMETER_AT_ZERO}). */
        PARAMETER_AT_INFINITY,
        /** The data cannot tell the parameters apart (too few distinct customer histories). */
        NOT_IDENTIFIABLE,
        /**
         * No standard error for the parameter: the observed information is not positive definite
         * there (a flat or degenerate likelihood, or a parameter on the boundary).
         */
        NO_STANDARD_ERROR,
        /** The data break an assumption of the model, or a population quantity does not exist. */
        MODEL_ASSUMPTION
    }

    /**
     * Validates the warning.
     *
     * @param kind what happened
     * @param parameter the parameter's name, or empty
     * @param message the explanation, not blank
     * @throws IllegalArgumentException if the message is blank
     */
    public FitWarning {
        requireNonNull(kind, "kind");
        requireNonNull(parameter, "parameter");
        requireNonNull(message, "message");
        require(!message.isBlank(), "fit warning %s has a blank message", kind);
    }

    /** @return the parameter (if any) and the message, e.g. {@code b: no dropout detected} */
    @Override
    public String toString() {
        return parameter.isEmpty() ? message : parameter + ": " + message;
    }
}
