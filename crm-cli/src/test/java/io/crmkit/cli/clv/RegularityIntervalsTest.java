package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.ErlangBetaGeoModel;
import io.crmkit.scoring.clv.GammaGompertzNbdModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crm clv predict --model ggomnbd|bgcnbd|mbgcnbd --intervals}: on customers simulated from
 * known parameters, every prediction gets its interval by both methods.
 */
class RegularityIntervalsTest {

    @TempDir
    Path dir;

    private static double[] ages(int n) {
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 52 + 52.0 * i / (n - 1);
        }
        return ages;
    }

    private Path write(String name, CustomerSummaries data) throws IOException {
        boolean litt = data.hasLogInterPurchaseTimes();
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,frequency,recency,T" + (litt ? ",log_inter_purchase_times" : ""));
        double[] l = litt ? data.logInterPurchaseTimes() : null;
        for (int i = 0; i < data.size(); i++) {
            lines.add(String.format(Locale.ROOT, "c%d,%s,%s,%s%s", i, data.frequency(i), data.recency(i),
                    data.age(i), l == null ? "" : "," + l[i]));
        }
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertIntervals(Result run, int rows, String what) {
        assertEquals(0, run.exit(), what + ": " + run.err());
        List<String> lines = run.lines();
        assertTrue(lines.get(0).endsWith(",expected_purchases,expected_purchases_lower,expected_purchases_upper,"
                + "p_alive,p_alive_lower,p_alive_upper"), lines.get(0));
        assertEquals(rows + 1, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            int at = cells.length - 6;
            double[] v = new double[6];
            for (int j = 0; j < 6; j++) {
                v[j] = Double.parseDouble(cells[at + j]);
                assertTrue(Double.isFinite(v[j]), what + " " + line);
            }
            assertTrue(v[1] <= v[0] && v[0] <= v[2], what + " " + line);
            assertTrue(0 <= v[4] && v[4] <= v[3] && v[3] <= v[5] && v[5] <= 1, what + " " + line);
        }
    }

    @Test
    void gammaGompertzNbdPredictionsGetTheirDeltaMethodIntervals() throws IOException {
        // the bootstrap refits GGom/NBD B times, seconds each: the library's tests exercise it, not this one
        Path input = write("ggom.csv", GammaGompertzNbdModel.of(0.7, 6, 0.05, 0.5, 1.5).simulate(ages(400), 2000));
        Result run = crm("clv", "predict", "--model", "ggomnbd", "--horizon", "39", "--input", input.toString(),
                "--intervals", "delta");
        assertIntervals(run, 400, "ggomnbd delta");
    }

    @Test
    void regularityModelsPredictWithIntervalsAtTheirFittedK() throws IOException {
        Path input = write("cnbd.csv", ErlangBetaGeoModel.of(true, 3, 1.2, 4, 0.8, 2.5).simulate(ages(300), 5));
        for (String model : new String[] {"bgcnbd", "mbgcnbd"}) {
            for (String method : new String[] {"delta", "bootstrap"}) {
                Result run = crm("clv", "predict", "--model", model, "--horizon", "39", "--input", input.toString(),
                        "--intervals", method, "--replications", "20", "--seed", "3");
                assertIntervals(run, 300, model + " " + method);
            }
        }
    }

    @Test
    void dertIntervalsAreRefusedForModelsWithoutDert() throws IOException {
        Path input = write("plain.csv", GammaGompertzNbdModel.of(0.7, 6, 0.05, 0.5, 1.5).simulate(ages(400), 2000));
        Result run = crm("clv", "predict", "--model", "ggomnbd", "--horizon", "39", "--input", input.toString(),
                "--intervals", "delta", "--discount", "0.003");
        assertTrue(run.exit() != 0, run.out());
        assertTrue(run.err().contains("--discount is for bgnbd, mbgnbd and pareto"), run.err());
    }
}
