package io.crmkit.cli;

import static io.crmkit.cli.CliRun.bundled;
import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that read a whole transaction log — {@code crm clv evaluate}, {@code crm clv plot},
 * {@code crm lifecycle stage|churn} — give, byte for byte, the output they gave when they held
 * every purchase in memory (the SHA-256 digests below were taken from the crm.jar of the commit
 * before they streamed the log into per-customer state), on the bundled logs in file order and
 * shuffled (seed 20261129), which sends rows out of date order through the second pass.
 */
class StreamedLogOutputsTest {

    @TempDir
    Path dir;

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundled log, or its rows shuffled with seed 20261129 under the same header. */
    private Path log(String name, boolean shuffled) throws IOException {
        Path file = bundled(dir, name);
        if (!shuffled) {
            return file;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        String header = lines.remove(0);
        Collections.shuffle(lines, new Random(20261129L));
        lines.add(0, header);
        Path out = dir.resolve("shuffled-" + name);
        Files.write(out, lines, StandardCharsets.UTF_8);
        return out;
    }

    private static Result ok(Result r) {
        assertEquals(0, r.exit(), r.err());
        return r;
    }

    private void assertCdnow(boolean shuffled, String evaluateJson, String evaluateCsv, String trackingData,
            String periodData) throws IOException {
        String cdnow = log("cdnow-transactions.csv", shuffled).toString();
        assertEquals(evaluateJson, sha256(ok(crm("clv", "evaluate", "--input", cdnow, "--calibration-end", "1997-09-30",
                "--holdout-end", "1998-06-30")).out()));
        Result csv = ok(crm("clv", "evaluate", "--input", cdnow, "--calibration-end", "1997-09-30", "--holdout-end",
                "1998-06-30", "--format", "csv", "--unit", "days"));
        assertEquals(evaluateCsv, sha256(csv.out()));
        assertEquals("77593e0ce064dabdc96377307dda5e4a5be2f9944a5a4e06a0627e41672453f4", sha256(csv.err()));
        Path data = dir.resolve("plot.csv");
        ok(crm("clv", "plot", "--kind", "tracking", "--input", cdnow, "--calibration-end", "1997-09-30",
                "--holdout-end", "1998-06-30", "--output", dir.resolve("plot.svg").toString(), "--data",
                data.toString()));
        assertEquals(trackingData, sha256(Files.readString(data)));
        ok(crm("clv", "plot", "--kind", "period-transactions", "--input", cdnow, "--as-of", "1997-09-30", "--output",
                dir.resolve("plot.svg").toString(), "--data", data.toString()));
        assertEquals(periodData, sha256(Files.readString(data)));
        // stages and churn do not depend on the order of the rows
        assertEquals("50877cda7a1fed12051ee6a395fc58a94442117699914af4b91cdf26aa5093b7", sha256(ok(crm("lifecycle",
                "stage", "--input", cdnow, "--as-of", "1998-06-30", "--period-days", "30")).out()));
        Result churn = ok(crm("lifecycle", "churn", "--input", cdnow, "--as-of", "1997-12-31"));
        assertEquals("53ae940629d6edb3afc130f95913de7f425c33704f8fc36f7e3ee21ce0d62abf", sha256(churn.out()));
        assertEquals("574d277af85b4711cb26f8ffdd4a4fb7358986479c1db05f1b7bbd20debc4ad9", sha256(churn.err()));
    }

    @Test
    void cdnowInFileOrder() throws IOException {
        assertCdnow(false, "4607d42d0b4c84004e61d5b559b94da9f054b6efa5b6cc8cb8308261c5a420ad",
                "d5c15a7cf5a2d6509a82da277c8e5343724a5c0fdd98d9704b4608ba79816d91",
                "d0ad1c789aeeff6c09cea53c01f7da2abbfa9525703e0295c87b3df58881df03",
                "526ccf7d1c07e254b92b5c00d0951586c473a32d893472b96b985cd546ca1b58");
    }

    @Test
    void cdnowShuffled() throws IOException {
        // customers are numbered in order of first appearance, so the fit adds its terms in another
        // order and the last digits differ from the file-order run: pinned separately
        assertCdnow(true, "cb23b1c75b43e2a4ae5d4cf2054079c7bd78880caaa9dacfc6ffc562cde5cc8e",
                "56ace953678adb78253c1a749447a81347266d70daec4efdfab796805c24d34c",
                "15e30893298a50e3dfdb72d91f62469e1e37b29ceda9986e95a725ab1336307f",
                "3d586f8e251df5d42295977801b0f6aae0ba0f7717893651bb3c9626c95b0af9");
    }

    @Test
    void lifecyclePurchasesInFileOrderAndShuffled() throws IOException {
        for (boolean shuffled : new boolean[] {false, true}) {
            String log = log("lifecycle-purchases.csv", shuffled).toString();
            String customers = bundled(dir, "lifecycle-customers.csv").toString();
            assertEquals("51a5968b74c79ca63f81bac7b18eebb4a3ba4b32e682795f34d9d663ecee3687", sha256(ok(crm("lifecycle",
                    "stage", "--input", log, "--customers", customers, "--as-of", "2026-06-30")).out()));
            Result churn = ok(crm("lifecycle", "churn", "--input", log, "--customers", customers, "--as-of",
                    "2026-06-30", "--policy", "window", "--window-days", "180"));
            assertEquals("b3507b8c6ca9473ce6bd731e2f92dbe9ce197c3464b0962c6a5cd2429b2eb5f1", sha256(churn.out()));
            assertEquals("7b5701d8e42b33a0081bf7f7a2055c1fece0a86dad7b453d9d8e20b8692219f1", sha256(churn.err()));
        }
    }
}
