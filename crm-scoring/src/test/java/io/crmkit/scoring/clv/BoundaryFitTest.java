package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One policy for every model: a likelihood whose supremum lies on the edge of the parameter space
 * gives a model with a typed warning per parameter that ran there, saying what it means, and
 * every missing standard error is named.
 */
class BoundaryFitTest {

    /** Customers who keep buying until the end of observation: no dropout in the data. */
    private static final CustomerSummaries LOYAL = CustomerSummaries.of(new double[] {1, 2, 4, 8, 3, 6},
            new double[] {40, 45, 48, 49, 28, 29}, new double[] {50, 50, 50, 50, 30, 30},
            new double[] {10, 20, 20, 10, 10, 5});

    private static Set<String> parametersWith(FitDiagnostics d, FitWarning.Kind kind) {
        return d.warnings().stream().filter(w -> w.kind() == kind).map(FitWarning::parameter)
                .collect(Collectors.toSet());
    }

    private static void assertNoDropoutDetected(FitDiagnostics d) {
        List<FitWarning> boundary = d.warnings().stream().filter(w -> w.kind() == FitWarning.Kind.PARAMETER_AT_ZERO
                || w.kind() == FitWarning.Kind.PARAMETER_AT_INFINITY).toList();
        assertFalse(boundary.isEmpty(), d.toString());
        assertTrue(boundary.stream().anyMatch(w -> w.message().contains("no dropout detected")), boundary.toString());
        for (FitWarning w : boundary) {
            assertFalse(d.standardErrors().containsKey(w.parameter()), w.parameter() + " has a standard error");
            assertTrue(parametersWith(d, FitWarning.Kind.NO_STANDARD_ERROR).contains(w.parameter()));
        }
        // every parameter either has a standard error or a warning that says why not
        assertEquals(4, d.standardErrors().size() + parametersWith(d, FitWarning.Kind.NO_STANDARD_ERROR).size());
    }

    @Test
    void bgBbOnCustomersWhoNeverDropOutSaysSo() {
        // used to return alpha, beta about 5.6e6 silently
        BetaGeoBetaBinomModel model = BetaGeoBetaBinomModel.fit(LOYAL);
        assertNoDropoutDetected(model.diagnostics());
        assertEquals(Set.of("gamma"), parametersWith(model.diagnostics(), FitWarning.Kind.PARAMETER_AT_ZERO));
        // the limit model keeps everyone: P(alive) is 1 to many digits
        assertEquals(1, model.probabilityAlive(1, 40, 50), 1e-6);
    }

    @Test
    void paretoNbdOnCustomersWhoNeverDropOutSaysSo() {
        // used to return s = 3.5e-14, beta = 61,154 with empty standard errors and no warning
        ParetoNbdModel model = ParetoNbdModel.fit(LOYAL);
        assertNoDropoutDetected(model.diagnostics());
        assertTrue(parametersWith(model.diagnostics(), FitWarning.Kind.PARAMETER_AT_ZERO).contains("s"));
    }

    @Test
    void betaGeoModelsOnCustomersWhoNeverDropOutSaySo() {
        assertNoDropoutDetected(BetaGeoModel.fit(LOYAL).diagnostics());
        assertNoDropoutDetected(ModifiedBetaGeoModel.fit(LOYAL).diagnostics());
    }

    @Test
    void identicalCustomersAreNotIdentifiable() {
        // four rows 2,30,40 used to give Pareto/NBD r = 4.2e7 without a word
        CustomerSummaries same = CustomerSummaries.of(new double[] {2, 2, 2, 2}, new double[] {30, 30, 30, 30},
                new double[] {40, 40, 40, 40});
        FitDiagnostics d = ParetoNbdModel.fit(same).diagnostics();
        assertEquals(1, d.warnings().stream().filter(w -> w.kind() == FitWarning.Kind.NOT_IDENTIFIABLE).count(),
                d.toString());
        assertTrue(parametersWith(d, FitWarning.Kind.PARAMETER_AT_INFINITY).contains("r"), d.toString());
    }

    @Test
    void aWellPosedFitHasNoWarnings() {
        assertTrue(BetaGeoModel.fit(Datasets.cdnow()).diagnostics().warnings().isEmpty());
    }
}
