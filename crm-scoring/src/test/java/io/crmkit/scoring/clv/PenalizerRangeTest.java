package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The L2 penalizer of every fit, and the covariate regularization, lie from 0 to
 * ClvModels.MAX_PENALIZER (10,000): beyond, the fit is refused up front with a message naming
 * the value and the range, instead of failing in the optimiser (λ = 1e300 used to end in "gradient
 * norm Infinity").
 */
class PenalizerRangeTest {

    private static final double[][] CDNOW = Datasets.cdnowWithSpend();
    private static final CustomerSummaries DATA = CustomerSummaries.withMonetaryValue(CDNOW[1], CDNOW[2], CDNOW[3],
            CDNOW[4]);

    @Test
    void everyModelRefusesAPenalizerOf1e300NamingTheRange() {
        for (String name : new String[] {"bgnbd", "pareto", "mbgnbd", "gammagamma", "ggomnbd"}) {
            ClvModels.Model kind = ClvModels.named(name);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.fit(DATA, 1e300));
            assertEquals("penalizer 1.0E300 is invalid: it must be 0 to 10000 (ClvModels.MAX_PENALIZER)",
                    e.getMessage(), name);
        }
        assertThrows(IllegalArgumentException.class, () -> BetaGeoModel.fit(DATA, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BetaGeoModel.fit(DATA, -1));
        assertThrows(IllegalArgumentException.class, () -> BetaGeoModel.fit(DATA, Math.nextUp(ClvModels.MAX_PENALIZER)));
    }

    @Test
    void theLimitItselfStillFitsWithEveryParameterPressedTowardZero() {
        // on CDNOW, lambda = 1e4 gives r about 0.004 (0.243 unpenalised, Fader, Hardie and Lee 2005)
        BetaGeoModel m = BetaGeoModel.fit(DATA, ClvModels.MAX_PENALIZER);
        assertEquals(ClvModels.MAX_PENALIZER, m.diagnostics().penalizer());
        double r = m.parameters().get("r");
        assertTrue(r > 0 && r < 0.01, m.toString());
        GammaGammaModel g = GammaGammaModel.fit(DATA, ClvModels.MAX_PENALIZER);
        assertTrue(g.p() > 0 && g.p() < 0.01, g.toString());
    }

    @Test
    void theCovariateRegularizationHasTheSameRange() {
        Covariates none = Covariates.of(java.util.List.of("age"), new double[DATA.size()][1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClvModels.named("pareto")
                .fitWithCovariates(DATA, none, none, java.util.Set.of(), 1e300));
        assertEquals("regularization 1.0E300 is invalid: it must be 0 to 10000 (ClvModels.MAX_PENALIZER)",
                e.getMessage());
    }
}
