package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @TempDir
    Path dir;

    private Path cdnow() throws IOException {
        Path target = dir.resolve("cdnow-transactions.csv");
        try (InputStream in = getClass().getResourceAsStream("/io/crmkit/data/cdnow-transactions.csv")) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Test
    void cdnowCalibrationToSeptemberHoldoutToJune() throws IOException {
        Result run = crm("clv", "evaluate", "--input", cdnow().toString(), "--calibration-end", "1997-09-30",
                "--holdout-end", "1998-06-30");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        // lifetimes' calibration_and_holdout_data: 2,457 repeat purchase days in calibration, 1,882 in holdout
        assertEquals(2357, json.get("customers").asInt());
        assertEquals(2457, json.get("calibrationPurchases").asDouble());
        assertEquals(1882, json.get("holdoutPurchases").get("actual").asDouble());
        // the sum of FHL 2005 eq. 10 over the customers (HoldoutEvaluationTest, crm-scoring, computes it apart)
        assertEquals(1653.41, json.get("holdoutPurchases").get("predicted").asDouble(), 0.01);
        assertEquals((1653.41 - 1882) / 2357, json.get("perCustomer").get("bias").asDouble(), 1e-5);
        assertEquals(39, json.get("holdoutLength").asDouble(), 1e-12);
        assertEquals(0.2426, json.get("params").get("r").asDouble(), 1e-4);
        assertEquals(7, json.get("calibrationTable").size());
        assertEquals(1411, json.get("calibrationTable").get(0).get("customers").asInt());
        JsonNode tracking = json.get("tracking");
        assertEquals(78, tracking.size());
        assertEquals("1998-06-30", tracking.get(77).get("end").asText());
        assertEquals(2457, tracking.get(38).get("actual").asLong());
        assertEquals(4339, tracking.get(77).get("actual").asLong());
    }

    @Test
    void csvCarriesTheSameFiguresAndTheErrorsGoToStderr() throws IOException {
        Result run = crm("clv", "evaluate", "--input", cdnow().toString(), "--calibration-end", "1997-09-30",
                "--holdout-end", "1998-06-30", "--format", "csv", "--unit", "days");
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("section,key,customers,actual,predicted", lines[0]);
        assertTrue(lines[1].startsWith("holdout,total,2357,1882,1653.4"), lines[1]);
        assertEquals(1 + 1 + 7 + 78, lines.length);
        assertTrue(run.err().startsWith("crm clv evaluate: BG/NBD on 2357 customers: holdout repeat purchases actual"
                + " 1882, predicted 1653.41; per customer MAE"), run.err());
    }

    @Test
    void datesOutOfOrderAreAUsageError() throws IOException {
        Result run = crm("clv", "evaluate", "--input", cdnow().toString(), "--calibration-end", "1998-06-30",
                "--holdout-end", "1997-09-30");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--calibration-end 1998-06-30 must be before --holdout-end 1997-09-30"),
                run.err());
    }
}
