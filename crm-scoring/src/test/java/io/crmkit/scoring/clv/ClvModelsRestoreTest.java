package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ClvModels.Model.restore: a model from its parameters, validated as by the model's factory. */
class ClvModelsRestoreTest {

    @Test
    void everyModelRestoresFromItsOwnParameters() {
        Map<String, ClvModel> made = Map.of(
                "bgnbd", BetaGeoModel.of(0.2426, 4.414, 0.7929, 2.426),
                "pareto", ParetoNbdModel.of(0.5533, 10.578, 0.6062, 11.667),
                "mbgnbd", ModifiedBetaGeoModel.of(0.525, 6.183, 0.891, 1.614),
                "bgbb", BetaGeoBetaBinomModel.of(1.204, 0.750, 0.657, 2.783),
                "gammagamma", GammaGammaModel.of(6.25, 3.74, 15.44),
                "sbg", ShiftedBetaGeometricModel.of(0.704, 1.182),
                "ggomnbd", GammaGompertzNbdModel.of(0.553, 10.578, 0.0002, 0.603, 0.0026),
                "bgcnbd", ErlangBetaGeoModel.of(false, 2, 0.2426, 4.414, 0.7929, 2.426),
                "mbgcnbd", ErlangBetaGeoModel.of(true, 3, 0.525, 6.183, 0.891, 1.614));
        assertEquals(ClvModels.names().size(), made.size(), "a restorable example for every registered model");
        for (ClvModels.Model kind : ClvModels.all()) {
            ClvModel model = made.get(kind.name());
            ClvModel restored = kind.restore(model.parameters());
            assertEquals(kind.name(), restored.name());
            assertEquals(model.parameters(), restored.parameters());
            assertEquals(model.parameters().keySet().asList(), kind.parameterNames(), kind.name());
            // BetaGeoModel and ModifiedBetaGeoModel used to print Object's default, BetaGeoModel@3b07d329
            String text = restored.toString();
            assertTrue(text.startsWith(restored.getClass().getSimpleName() + "[") || text.startsWith(kind.name() + "["),
                    text);
            for (String parameter : kind.parameterNames()) {
                assertTrue(text.contains(parameter + "="), kind.name() + ": " + text);
            }
            // made from known parameters, not fitted: no log-likelihood of 0.0 (a perfect fit) anywhere
            for (ClvModel unfitted : new ClvModel[] {model, restored}) {
                FitDiagnostics d = unfitted.diagnostics();
                assertFalse(d.fitted(), kind.name());
                assertEquals(0, d.rows());
                assertEquals("model " + kind.name() + " was made from known parameters, not fitted: it has no"
                        + " log-likelihood", assertThrows(IllegalStateException.class, d::logLikelihood).getMessage());
                assertEquals("FitDiagnostics[model=" + kind.name() + ", not fitted]", d.toString());
                assertFalse(unfitted.toString().contains("logLikelihood"), unfitted.toString());
            }
        }
        // review s24: BetaGeoModel[r=0.2426, alpha=4.414, a=0.7929, b=2.426, logLikelihood=0.0]
        assertEquals("BetaGeoModel[r=0.2426, alpha=4.414, a=0.7929, b=2.426, not fitted]",
                ClvModels.named("bgnbd").restore(Map.of("r", 0.2426, "alpha", 4.414, "a", 0.7929, "b", 2.426))
                        .toString());
        assertEquals("ShiftedBetaGeometricModel[alpha=0.7, beta=1.2, not fitted]",
                ShiftedBetaGeometricModel.of(0.7, 1.2).toString());
        // diagnostics that claim no rows but a log-likelihood are refused
        assertThrows(IllegalArgumentException.class, () -> new FitDiagnostics("bgnbd", -10, 0, 0, 0, 0, 0, 0,
                com.google.common.collect.ImmutableMap.of()));
        BetaGeoModel bgnbd = (BetaGeoModel) ClvModels.named("bgnbd").restore(Map.of("r", 0.2426, "alpha", 4.414,
                "a", 0.7929, "b", 2.426));
        // FHL 2005, p. 281: a new customer buys 1.226 times in 39 weeks after (x 2, t_x 30.43, T 38.86)
        assertEquals(1.226, bgnbd.conditionalExpectedPurchases(39, 2, 30.43, 38.86), 1e-3);
    }

    @Test
    void anErlangShapeThatIsNotWholeIsRefused() {
        Map<String, Double> p = new LinkedHashMap<>(Map.of("k", 2.5, "r", 0.2426, "alpha", 4.414, "a", 0.7929, "b", 2.426));
        assertEquals("k 2.5 is invalid: the Erlang shape must be a whole number",
                assertThrows(IllegalArgumentException.class, () -> ClvModels.named("bgcnbd").restore(p)).getMessage());
    }

    @Test
    void missingUnknownAndInvalidParametersAreRefusedByName() {
        ClvModels.Model kind = ClvModels.named("gammagamma");
        Map<String, Double> ok = new LinkedHashMap<>(Map.of("p", 6.25, "q", 3.74, "v", 15.44));
        Map<String, Double> missing = new LinkedHashMap<>(ok);
        missing.remove("q");
        assertEquals("parameter 'q' of gammagamma is missing",
                assertThrows(IllegalArgumentException.class, () -> kind.restore(missing)).getMessage());
        Map<String, Double> unknown = new LinkedHashMap<>(ok);
        unknown.put("w", 1.0);
        assertEquals("parameter 'w' is unknown for gammagamma: its parameters are p, q, v",
                assertThrows(IllegalArgumentException.class, () -> kind.restore(unknown)).getMessage());
        Map<String, Double> negative = new LinkedHashMap<>(ok);
        negative.put("v", -15.44);
        assertEquals("parameter 'v' of gammagamma is -15.44: it must be finite and > 0",
                assertThrows(IllegalArgumentException.class, () -> kind.restore(negative)).getMessage());
        Map<String, Double> infinite = new LinkedHashMap<>(ok);
        infinite.put("p", Double.POSITIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> kind.restore(infinite));
    }

    @Test
    void anEntryWithoutRestorerRefusesToRestore() {
        ClvModels.Model entry = new ClvModels.Model("x", "X", ClvModels.Input.CONTINUOUS_TIME, BetaGeoModel::fit);
        assertEquals("model x cannot be restored from parameters", assertThrows(IllegalArgumentException.class,
                () -> entry.restore(Map.of("r", 1.0))).getMessage());
    }
}
