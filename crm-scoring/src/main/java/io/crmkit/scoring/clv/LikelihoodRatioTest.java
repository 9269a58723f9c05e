package io.crmkit.scoring.clv;

import static io.crmkit.scoring.clv.Checks.require;
import static java.util.Objects.requireNonNull;

import io.crmkit.scoring.internal.math.SpecialFunctions;

/**
 * The likelihood-ratio test of a restricted fit against a fuller fit of the same customers: the
 * statistic 2(ℓ<sub>full</sub> − ℓ<sub>restricted</sub>), asymptotically χ² with as many degrees
 * of freedom as the fuller fit has more parameters (Wilks' theorem; valid for unregularised fits
 * whose restriction lies inside the parameter space, e.g. a covariate left out or constrained
 * equal across processes).
 *
 * @param statistic 2(ℓ<sub>full</sub> − ℓ<sub>restricted</sub>), &ge; 0
 * @param degreesOfFreedom the difference in parameter counts
 * @param pValue P(χ²<sub>df</sub> &ge; statistic)
 */
public record LikelihoodRatioTest(double statistic, int degreesOfFreedom, double pValue) {

    /**
     * Checks the fields.
     *
     * @param statistic the statistic, finite and &ge; 0
     * @param degreesOfFreedom &ge; 1
     * @param pValue in [0, 1]
     */
    public LikelihoodRatioTest {
        require(Double.isFinite(statistic) && statistic >= 0, "statistic %s is invalid: it must be finite and >= 0",
                statistic);
        require(degreesOfFreedom >= 1, "degrees of freedom %s are invalid: they must be >= 1", degreesOfFreedom);
        require(pValue >= 0 && pValue <= 1, "p-value %s is invalid: it must be in [0, 1]", pValue);
    }

    /**
     * Tests two fits of the same model on the same customers.
     *
     * @param restricted the nested fit, e.g. without a covariate or with γ constrained equal
     * @param full the fuller fit
     * @return the test
     * @throws IllegalArgumentException if a model was not fitted, the models differ, were fitted on
     *     different numbers of customers, {@code full} has not more parameters, or a fit is regularised
     */
    public static LikelihoodRatioTest of(CovariateModel restricted, CovariateModel full) {
        requireNonNull(restricted, "restricted");
        requireNonNull(full, "full");
        require(restricted.getClass() == full.getClass(), "a likelihood-ratio test compares fits of one model, not"
                + " %s and %s", restricted.getClass().getSimpleName(), full.getClass().getSimpleName());
        FitDiagnostics r = restricted.diagnostics();
        FitDiagnostics f = full.diagnostics();
        require(r.fitted() && f.fitted(), "a likelihood-ratio test needs two fits: a model made from known"
                + " parameters has no log-likelihood");
        require(r.customers() == f.customers(), "the fits have %s and %s customers: a likelihood-ratio test needs"
                + " the same customers", r.customers(), f.customers());
        int df = full.parameters().size() - restricted.parameters().size();
        require(df > 0, "the full fit has %s parameters, the restricted %s: the full fit must have more",
                full.parameters().size(), restricted.parameters().size());
        require(f.penalizer() == 0 && r.penalizer() == 0, "a likelihood-ratio test needs unregularised fits");
        double statistic = Math.max(0, 2 * (f.logLikelihood() - r.logLikelihood()));
        return new LikelihoodRatioTest(statistic, df, SpecialFunctions.regularizedGammaQ(df / 2.0, statistic / 2));
    }
}
