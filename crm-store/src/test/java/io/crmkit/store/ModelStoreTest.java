package io.crmkit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crmkit.store.TestDatabases.Db;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fitted models are stored by name and load back bit for bit. */
class ModelStoreTest {

    /** BG/NBD on CDNOW, Fader, Hardie and Lee (2005), Table 1: r, alpha, a, b per week. */
    static final StoredModel CDNOW = new StoredModel("cdnow-bgnbd", "BG/NBD", "WEEKS",
            Instant.parse("2026-11-29T10:15:30.123456789Z"),
            Map.of("r", 0.2425, "alpha", 4.4136, "a", 0.7929, "b", 2.4259, "tiny", Double.MIN_VALUE),
            Map.of("data", "CDNOW sample", "customers", "2357", "calibration", "1997-01-01/1997-09-30"));

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aModelLoadsBackExactlyAndSavingAgainReplacesIt(Db db) {
        CrmStore store = Fixtures.open(db.fresh());
        assertEquals(1, store.models().save(CDNOW));
        assertEquals(Optional.of(CDNOW), store.models().load("cdnow-bgnbd"));
        assertEquals(4.4136, store.models().load("cdnow-bgnbd").orElseThrow().parameter("alpha"));
        StoredModel refit = new StoredModel("cdnow-bgnbd", "BG/NBD", "WEEKS", Instant.parse("2026-11-30T00:00:00Z"),
                Map.of("r", 0.25, "alpha", 4.4, "a", 0.8, "b", 2.4), Map.of());
        assertEquals(2, store.models().save(refit));
        assertEquals(Optional.of(refit), store.models().load("cdnow-bgnbd"));
        assertEquals(List.of("cdnow-bgnbd"), store.models().names());
        assertEquals(Optional.empty(), store.models().load("other"));
    }

    @ParameterizedTest
    @MethodSource("io.crmkit.store.TestDatabases#both")
    void aModelWithoutFiniteParametersIsRefusedBeforeTheDatabase(Db db) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StoredModel("m", "BG/NBD",
                "WEEKS", Instant.EPOCH, Map.of("r", Double.NaN), Map.of()));
        assertEquals("parameter r of model m is NaN: a fitted parameter is a finite number", e.getMessage());
        assertEquals(List.of(), Fixtures.open(db.fresh()).models().names());
    }
}
