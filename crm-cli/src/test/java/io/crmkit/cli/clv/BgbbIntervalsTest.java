package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm clv predict --model bgbb --intervals}: Fader, Hardie & Shang (2010)'s donations. */
class BgbbIntervalsTest {

    @TempDir
    Path dir;

    @Test
    void everyPredictionGetsItsInterval() throws IOException {
        Path donations = dir.resolve("donations.csv");
        try (InputStream in = getClass().getResourceAsStream("donations.csv")) {
            Files.copy(in, donations, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String method : new String[] {"delta", "bootstrap"}) {
            Result run = crm("clv", "predict", "--model", "bgbb", "--horizon", "5", "--input", donations.toString(),
                    "--intervals", method, "--replications", "40", "--seed", "3");
            assertEquals(0, run.exit(), run.err());
            List<String> lines = run.out().lines().toList();
            assertTrue(lines.get(0).endsWith(",expected_purchases,expected_purchases_lower,expected_purchases_upper,"
                    + "p_alive,p_alive_lower,p_alive_upper"), lines.get(0));
            assertEquals(23, lines.size());
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                int at = cells.length - 6;
                double expected = Double.parseDouble(cells[at]);
                double alive = Double.parseDouble(cells[at + 3]);
                assertTrue(Double.parseDouble(cells[at + 1]) <= expected
                        && expected <= Double.parseDouble(cells[at + 2]), method + " " + line);
                assertTrue(Double.parseDouble(cells[at + 4]) <= alive && alive <= Double.parseDouble(cells[at + 5])
                        && Double.parseDouble(cells[at + 5]) <= 1, method + " " + line);
            }
        }
    }
}
