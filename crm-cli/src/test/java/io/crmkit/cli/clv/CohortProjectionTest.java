package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm clv predict --model sbg}: the projection with DERL and intervals. */
class CohortProjectionTest {

    @TempDir
    Path dir;

    /** Fader & Hardie (2007), "How to project customer retention", Table 1, "Regular" cohort, years 0-7. */
    private Path regular() throws IOException {
        Path target = dir.resolve("survivors.csv");
        Files.write(target, List.of("period,alive", "0,1000", "1,631", "2,468", "3,382", "4,326", "5,289", "6,262",
                "7,241"), StandardCharsets.UTF_8);
        return target;
    }

    private static double[] row(String line) {
        String[] cells = line.split(",", -1);
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = cells[i].isEmpty() ? Double.NaN : Double.parseDouble(cells[i]);
        }
        return values;
    }

    @Test
    void theDiscountAddsTheDiscountedExpectedResidualLifetime() throws IOException {
        Result run = crm("clv", "predict", "--model", "sbg", "--input", regular().toString(), "--horizon", "5",
                "--discount", "0.1");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("period,alive,survival,retention,derl", lines.get(0));
        assertEquals(14, lines.size());
        // DERL(0.1 | m) = (b+m)/(a+b+m) 2F1(1, b+m+1; a+b+m+1; 1/1.1) at the fit, summed as a series
        // (ShiftedBetaGeometricModelTest): 2.9644 after 0 renewals, 5.8941 after 4, 7.2783 after 9
        assertEquals(2.9643992481, row(lines.get(1))[4], 1e-7);
        assertEquals(5.8940952817, row(lines.get(5))[4], 1e-7);
        assertEquals(7.2783334953, row(lines.get(10))[4], 1e-7);
        // DEL = 1 + DERL(d | 0)/(1 + d) = 3.6949 (Fader & Hardie 2010, eq. 6)
        assertEquals(3.6949084073, 1 + row(lines.get(1))[4] / 1.1, 1e-7);
        // projections for years 8-12 at the fit (22.008 ... 17.004 %, mpmath), observed 22.3 ... 17.3 %
        double[] projected = {0.22008, 0.20441, 0.19119, 0.17986, 0.17004};
        for (int i = 0; i < 5; i++) {
            double[] year = row(lines.get(9 + i));
            assertEquals(8 + i, year[0], 0);
            assertTrue(Double.isNaN(year[1]), "alive is empty beyond the data");
            assertEquals(projected[i], year[2], 1e-4);
        }
    }

    @Test
    void intervalsFollowEveryProjectionAndHoldTheObservedYears() throws IOException {
        for (String method : new String[] {"delta", "bootstrap"}) {
            Result run = crm("clv", "predict", "--model", "sbg", "--input", regular().toString(), "--horizon", "5",
                    "--discount", "0.1", "--intervals", method, "--replications", "100", "--seed", "7");
            assertEquals(0, run.exit(), run.err());
            List<String> lines = run.out().lines().toList();
            assertEquals("period,alive,survival,survival_lower,survival_upper,retention,retention_lower,"
                    + "retention_upper,derl,derl_lower,derl_upper", lines.get(0));
            assertTrue(lines.get(1).startsWith("0,1000,1,1,1,1,1,1,"), lines.get(1));
            // FH 2007, Table 1: observed survival in years 8-12, not used by the fit
            double[] observed = {0.223, 0.207, 0.194, 0.183, 0.173};
            for (int i = 0; i < 5; i++) {
                double[] year = row(lines.get(9 + i));
                assertTrue(year[3] < observed[i] && observed[i] < year[4], method + " year " + (8 + i));
                assertTrue(year[6] < year[5] && year[5] < year[7], method + " retention " + lines.get(9 + i));
                assertTrue(year[9] < year[8] && year[8] < year[10], method + " derl " + lines.get(9 + i));
            }
        }
    }

    @Test
    void aSavedModelProjectsWithoutRefitting() throws IOException {
        Path saved = dir.resolve("sbg.json");
        Result fit = crm("clv", "fit", "--model", "sbg", "--input", regular().toString(), "--save", saved.toString());
        assertEquals(0, fit.exit(), fit.err());
        // a shorter cohort file: the saved Regular fit, not a refit on 0-3, projects year 12
        Path shorter = dir.resolve("short.csv");
        Files.write(shorter, List.of("period,alive", "0,500", "1,300", "2,250", "3,220"), StandardCharsets.UTF_8);
        Result run = crm("clv", "predict", "--model-file", saved.toString(), "--input", shorter.toString(), "--horizon",
                "9", "--discount", "0.1");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(14, lines.size());
        assertEquals(0.17004, row(lines.get(13))[2], 1e-4);
        assertEquals(2.9643992481, row(lines.get(1))[4], 1e-7);
    }

    @Test
    void aDiscountBelowTheSmallestIsAUsageError() throws IOException {
        Result run = crm("clv", "predict", "--model", "sbg", "--input", regular().toString(), "--horizon", "5",
                "--discount", "0.00001");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("discount 1.0E-5 is invalid: for sbg it is the rate per period, at least"),
                run.err());
        assertEquals("", run.out());
    }
}
