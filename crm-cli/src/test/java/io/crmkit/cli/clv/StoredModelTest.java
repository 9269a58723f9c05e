package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.store.CrmStore;
import io.crmkit.store.KeyEncryptionKey;
import io.crmkit.store.StoredModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * crm clv fit --store-as and crm clv predict --stored-model: a model kept in the store (an H2 file
 * database) predicts byte for byte as the same model saved to a file with --save.
 */
class StoredModelTest {

    @TempDir
    static Path dir;

    private static Path cdnow;
    private static Path donations;
    private static Path cohort;

    @BeforeAll
    static void inputs() throws IOException {
        // the CDNOW summary with litt (the regularity models need it), as crm clv summarize writes it
        Path log = copy("/io/crmkit/data/cdnow-transactions.csv", "cdnow-transactions.csv");
        Result summary = crm("clv", "summarize", "--input", log.toString(), "--as-of", "1997-09-30", "--unit", "weeks",
                "--litt");
        assertEquals(0, summary.exit(), summary.err());
        cdnow = dir.resolve("cdnow-litt.csv");
        Files.writeString(cdnow, summary.out(), StandardCharsets.UTF_8);
        donations = copy("/io/crmkit/cli/clv/donations.csv", "donations.csv");
        // Fader & Hardie (2007), Table 1, "Regular" cohort
        cohort = dir.resolve("survivors.csv");
        Files.write(cohort, List.of("period,alive", "0,1000", "1,631", "2,468", "3,382", "4,326", "5,289", "6,262",
                "7,241"), StandardCharsets.UTF_8);
    }

    private static Path copy(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = StoredModelTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** The database of the test running: each test has its own (the tests share one temporary directory). */
    private String database = "crm";

    /**
     * The test's H2 file database, kept open for the JVM's life: one run (of six) under a load
     * average of 36 saw a reopened file database without its schema history ("Script
     * V1__crm_store.sql failed" on the second open); kept open, every command sees the same database.
     */
    private String db() {
        return "jdbc:h2:file:" + dir.resolve("crm-data/" + database).toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
    }

    private String[] store(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", db(), "--key-file", dir.resolve("crm-data/store.key").toString()));
        return all.toArray(String[]::new);
    }

    private Path input(String model) {
        return switch (ClvModels.named(model).input()) {
            case OPPORTUNITIES -> donations;
            case SURVIVORS -> cohort;
            case SPEND, CONTINUOUS_TIME -> cdnow;
        };
    }

    static Stream<String> registered() {
        return ClvModels.names().stream();
    }

    @ParameterizedTest
    @MethodSource("registered")
    void everyRegisteredModelPredictsFromTheStoreExactlyAsFromItsFile(String model) {
        database = "models";
        Path input = input(model);
        Path file = dir.resolve(model + ".json");
        Result fit = crm(store("clv", "fit", "--model", model, "--input", input.toString(), "--save", file.toString(),
                "--store-as", model + "-cdnow"));
        assertEquals(0, fit.exit(), fit.err());
        String horizon = model.equals("bgbb") || model.equals("sbg") ? "3" : "5";
        Result fromFile = crm("clv", "predict", "--model-file", file.toString(), "--horizon", horizon, "--input",
                input.toString());
        Result fromStore = crm(store("clv", "predict", "--stored-model", model + "-cdnow", "--horizon", horizon,
                "--input", input.toString()));
        assertEquals(0, fromFile.exit(), fromFile.err());
        assertEquals(0, fromStore.exit(), fromStore.err());
        assertEquals(fromFile.out(), fromStore.out(), model);
        assertTrue(fromStore.out().lines().count() > 1, fromStore.out());
    }

    @Test
    void aStoredCohortModelIsUsedAsStoredNotRefitted() throws IOException {
        database = "cohort";
        Result fit = crm(store("clv", "fit", "--model", "sbg", "--input", cohort.toString(), "--store-as", "regular"));
        assertEquals(0, fit.exit(), fit.err());
        // a different cohort: the stored model projects the Regular cohort's survival, a refit would not
        Path other = dir.resolve("other.csv");
        Files.write(other, List.of("period,alive", "0,1000", "1,869", "2,743", "3,653", "4,593"),
                StandardCharsets.UTF_8);
        Result stored = crm(store("clv", "predict", "--stored-model", "regular", "--horizon", "0", "--input",
                other.toString()));
        Result refit = crm("clv", "predict", "--model", "sbg", "--horizon", "0", "--input", other.toString());
        assertEquals(0, stored.exit(), stored.err());
        // S(1) = beta / (alpha + beta) with the Regular cohort's alpha 0.704, beta 1.182 (Fader & Hardie 2007): 0.627
        String[] period1 = stored.out().lines().toList().get(2).split(",");
        assertEquals(0.627, Double.parseDouble(period1[2]), 0.001);
        assertTrue(!stored.out().equals(refit.out()), refit.out());
    }

    @Test
    void anUnknownNameIsOneLineNamingTheNameAndTheStoredModels() {
        database = "unknown";
        Result fit = crm(store("clv", "fit", "--model", "bgnbd", "--input", cdnow.toString(), "--store-as", "weekly"));
        assertEquals(0, fit.exit(), fit.err());
        Result unknown = crm(store("clv", "predict", "--stored-model", "monthly", "--horizon", "5", "--input",
                cdnow.toString()));
        assertEquals(1, unknown.exit());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().startsWith("crm clv predict: --stored-model 'monthly': no model of that name in "
                + "jdbc:h2:file:"), unknown.err());
        assertTrue(unknown.err().strip().endsWith("(it holds weekly)"), unknown.err());
    }

    @Test
    void aStoredModelPassesTheChecksOfAModelFile() {
        database = "checks";
        CrmStore crm = CrmStore.open(CrmStore.dataSource(db()), KeyEncryptionKey.of(new byte[32]),
                Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC));
        Map<String, String> fit = Map.of("logLikelihood", "-9582.43", "customers", "2357.0", "iterations", "31",
                "gradientNorm", "1.0E-7", "penalizer", "0.0", "input", "cdnow.csv");
        crm.models().save(new StoredModel("negative", "bgnbd", "weeks", Instant.parse("2026-11-29T00:00:00Z"),
                Map.of("r", -0.2426, "alpha", 4.414, "a", 0.7929, "b", 2.426), fit));
        crm.models().save(new StoredModel("hourly", "bgnbd", "hours", Instant.parse("2026-11-29T00:00:00Z"),
                Map.of("r", 0.2426, "alpha", 4.414, "a", 0.7929, "b", 2.426), fit));
        crm.models().save(new StoredModel("unknown", "bgnbd", "weeks", Instant.parse("2026-11-29T00:00:00Z"),
                Map.of("r", 0.2426, "alpha", 4.414, "a", 0.7929, "b", 2.426, "rho", 1.0), fit));
        assertRefused("negative", "stored model 'negative': parameters: parameter 'r' of bgnbd is -");
        assertRefused("hourly", "stored model 'hourly': timeUnit 'hours': a bgnbd model's must be days or weeks");
        assertRefused("unknown", "stored model 'unknown': parameters.rho: unknown for bgnbd");
    }

    private void assertRefused(String name, String expected) {
        Result run = crm(store("clv", "predict", "--stored-model", name, "--horizon", "5", "--input", cdnow.toString()));
        assertEquals(1, run.exit(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("crm clv predict: " + expected), run.err());
    }

    @Test
    void usageErrorsExitTwo() {
        Result both = crm(store("clv", "predict", "--model-file", "x.json", "--stored-model", "weekly", "--horizon",
                "5", "--input", cdnow.toString()));
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("give exactly one of --model (fit on the input), --model-file (a saved "
                + "model) and --stored-model (a model in --db)"), both.err());
        Result blank = crm(store("clv", "fit", "--model", "bgnbd", "--input", cdnow.toString(), "--store-as", " "));
        assertEquals(2, blank.exit());
        assertTrue(blank.err().contains("--store-as ' ': a stored model's name is 1 to 200 characters"),
                blank.err());
    }

    /**
     * A model with static covariates kept in the store predicts byte for byte as its model file, for
     * both covariate models; the covariates are a made-up Gender (alternating) and Segment (more than
     * two repeat purchases or not) of the CDNOW customers.
     */
    @Test
    void aCovariateModelPredictsFromTheStoreExactlyAsFromItsFile() throws IOException {
        database = "covariates";
        List<String> lines = Files.readAllLines(cdnow, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int id = header.indexOf("customer_id");
        int frequency = header.indexOf("frequency");
        List<String> cov = new ArrayList<>(List.of("customer_id,Gender,Segment"));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            cov.add(cells[id] + "," + (i % 2 == 0 ? "F" : "M") + "," + (Double.parseDouble(cells[frequency]) > 2
                    ? "loyal" : "casual"));
        }
        Path covariates = dir.resolve("store-cov.csv");
        Files.write(covariates, cov, StandardCharsets.UTF_8);
        for (String model : List.of("bgnbd", "pareto")) {
            Path file = dir.resolve(model + "-cov.json");
            Result fit = crm(store("clv", "fit", "--model", model, "--input", cdnow.toString(), "--covariates",
                    covariates.toString(), "--trans", "Gender,Segment", "--life", "Segment", "--save", file.toString(),
                    "--store-as", model + "-segments"));
            assertEquals(0, fit.exit(), fit.err());
            assertTrue(fit.out().contains("\"trans.Segment=loyal\"") && fit.out().contains("\"life.Segment=loyal\""),
                    fit.out());
            Result fromFile = crm("clv", "predict", "--model-file", file.toString(), "--horizon", "39", "--input",
                    cdnow.toString(), "--covariates", covariates.toString());
            Result fromStore = crm(store("clv", "predict", "--stored-model", model + "-segments", "--horizon", "39",
                    "--input", cdnow.toString(), "--covariates", covariates.toString()));
            assertEquals(0, fromFile.exit(), fromFile.err());
            assertEquals(0, fromStore.exit(), fromStore.err());
            assertEquals(fromFile.out(), fromStore.out(), model);
            assertEquals(lines.size(), fromStore.out().lines().count());
            assertTrue(fromStore.out().lines().findFirst().orElseThrow().endsWith(",expected_purchases,p_alive"));
            // the stored model names its covariates: without them predict is a usage error
            Result without = crm(store("clv", "predict", "--stored-model", model + "-segments", "--horizon", "39",
                    "--input", cdnow.toString()));
            assertEquals(2, without.exit(), without.err());
            assertTrue(without.err().contains("the saved model has covariates Gender=M, Segment=loyal: give them with"
                    + " --covariates"), without.err());
        }
    }
}
