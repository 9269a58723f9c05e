package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.LifetimeValue;
import io.crmkit.scoring.clv.LifetimeValueTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueCommandTest {

    @TempDir
    Path dir;

    private Path bundled(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/io/crmkit/data/" + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private Result cdnowValue() throws IOException {
        return crm("clv", "value", "--input", bundled("cdnow-transactions.csv").toString(), "--as-of", "1997-09-30",
                "--unit", "weeks");
    }

    @Test
    void cdnowValuesEqualTheLibraryComputationToTheCent() throws IOException {
        Result run = cdnowValue();
        assertEquals(0, run.exit(), run.err());
        // the same computation through the library, the log read by hand
        List<String> lines = Files.readAllLines(bundled("cdnow-transactions.csv"), StandardCharsets.UTF_8);
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        int n = lines.size() - 1;
        int[] customer = new int[n];
        int[] day = new int[n];
        double[] amount = new double[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            customer[i] = index.computeIfAbsent(cells[0], id -> {
                ids.add(id);
                return ids.size() - 1;
            });
            day[i] = (int) LocalDate.parse(cells[1]).toEpochDay();
            amount[i] = Double.parseDouble(cells[2]);
        }
        CustomerSummarizer.IndexedSummaries indexed = CustomerSummarizer.asOf(LocalDate.of(1997, 9, 30))
                .inUnitsOf(Duration.ofDays(7)).summarizeEpochDays(customer, day, amount);
        CustomerSummaries data = indexed.summaries();
        LifetimeValueTable table = LifetimeValue.of(BetaGeoModel.fit(data), GammaGammaModel.fit(data))
                .withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH).table(data);
        Map<String, Double> library = new HashMap<>();
        for (int row = 0; row < indexed.size(); row++) {
            library.put(ids.get(indexed.customerIndex(row)), table.value(row));
        }
        String[] out = run.out().split("\n");
        assertEquals("customer_id,frequency,recency,T,monetary_value,expected_purchases,p_alive,expected_spend,clv",
                out[0]);
        assertEquals(2357 + 1, out.length);
        double[] clv = new double[out.length - 1];
        for (int i = 1; i < out.length; i++) {
            String[] cells = out[i].split(",");
            clv[i - 1] = Double.parseDouble(cells[8]);
            assertEquals(Math.round(library.get(cells[0]) * 100), Math.round(clv[i - 1] * 100), cells[0]);
        }
        // the papers' formulas, written out apart from the library, with the fitted parameters
        BetaGeoModel bgnbd = BetaGeoModel.fit(data);
        GammaGammaModel gg = GammaGammaModel.fit(data);
        double[] independent = new double[out.length - 1];
        for (int i = 1; i < out.length; i++) {
            String[] cells = out[i].split(",");
            independent[i - 1] = clv(bgnbd.parameters(), gg.parameters(), Double.parseDouble(cells[1]),
                    Double.parseDouble(cells[2]), Double.parseDouble(cells[3]), Double.parseDouble(cells[4]));
            assertEquals(independent[i - 1], clv[i - 1], 1e-6 * (1 + clv[i - 1]), cells[0]);
        }
        Arrays.sort(clv);
        Arrays.sort(independent);
        // the log's own amounts (lifetimes' summary file rounds them): top five and total, to the cent
        double[] topFive = {1175.05, 1002.61, 972.05, 812.36, 793.52};
        for (int i = 0; i < 5; i++) {
            assertEquals(topFive[i], independent[independent.length - 1 - i], 0.005);
            assertEquals(topFive[i], clv[clv.length - 1 - i], 0.005);
        }
        assertEquals(71_507.95, Arrays.stream(independent).sum(), 0.005);
        assertEquals(71_507.95, Arrays.stream(clv).sum(), 0.005);
        assertTrue(run.err().contains("BG/NBD r 0.2426, alpha 4.414, a 0.7929, b 2.426"), run.err());
        assertTrue(run.err().contains("2357 customers, total value 71507.95 over 12 months at 0.01 a month"
                + " (4.345 weeks a month); top decile 56.8% of it"), run.err());
    }

    /** Gauss's 2F1(a, b; c; z) by its power series, 0 &le; z &lt; 1. */
    private static double hypergeometric(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 100_000 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
        }
        return sum;
    }

    /** BG/NBD E[Y(t) | x, t_x, T], Fader, Hardie & Lee (2005), eq. 10. */
    private static double expected(Map<String, Double> m, double t, double x, double tx, double age) {
        double r = m.get("r");
        double alpha = m.get("alpha");
        double a = m.get("a");
        double b = m.get("b");
        double numerator = (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + age) / (alpha + age + t), r + x)
                * hypergeometric(r + x, b + x, a + b + x - 1, t / (alpha + age + t)));
        return numerator / (1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + age) / (alpha + tx), r + x) : 0));
    }

    /** lifetimes' customer_lifetime_value: 12 months of 4.345 weeks at 1% a month, Gamma-Gamma spend (FHL eq. 5). */
    private static double clv(Map<String, Double> bgnbd, Map<String, Double> gg, double x, double tx, double age,
            double mean) {
        double p = gg.get("p");
        double spend = p * (gg.get("v") + x * mean) / (p * x + gg.get("q") - 1);
        double sum = 0;
        for (int month = 1; month <= 12; month++) {
            sum += spend * (expected(bgnbd, month * 4.345, x, tx, age) - expected(bgnbd, (month - 1) * 4.345, x, tx,
                    age)) / Math.pow(1.01, month);
        }
        return sum;
    }

    @Test
    void aSemicolonLogWithEuropeanDatesAndABomGivesTheSameValues() throws IOException {
        List<String> lines = Files.readAllLines(bundled("cdnow-transactions.csv"), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder("\uFEFFcustomer_id;date;amount\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            LocalDate d = LocalDate.parse(c[1]);
            text.append(c[0]).append(';').append(String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(),
                    d.getYear())).append(';').append(c[2]).append('\n');
        }
        Path european = dir.resolve("european.csv");
        Files.writeString(european, text, StandardCharsets.UTF_8);
        Result run = crm("clv", "value", "--input", european.toString(), "--as-of", "1997-09-30", "--unit", "weeks",
                "--delimiter", ";", "--date-format", "dd/MM/yyyy", "--zone", "Europe/Berlin");
        assertEquals(0, run.exit(), run.err());
        assertEquals(cdnowValue().out(), run.out());
        Result zone = crm("clv", "value", "--input", european.toString(), "--as-of", "1997-09-30", "--zone", "Mars/Base");
        assertEquals(2, zone.exit());
        assertTrue(zone.err().contains("--zone 'Mars/Base': not a zone"), zone.err());
    }

    @Test
    void badSettingsAreUsageErrors() throws IOException {
        Path log = bundled("cdnow-transactions.csv");
        Result months = crm("clv", "value", "--input", log.toString(), "--as-of", "1997-09-30", "--horizon-months", "0");
        assertEquals(2, months.exit());
        assertTrue(months.err().contains("--horizon-months 0 is invalid: it must be 1 to 1200"), months.err());
        // 100000000 months used to run for more than eleven minutes: refused at once, naming the option
        Result absurd = crm("clv", "value", "--input", log.toString(), "--as-of", "1997-09-30",
                "--horizon-months", "100000000");
        assertEquals(2, absurd.exit());
        assertTrue(absurd.err().contains("--horizon-months 100000000 is invalid: it must be 1 to 1200"), absurd.err());
        Result rate = crm("clv", "value", "--input", log.toString(), "--as-of", "1997-09-30", "--monthly-discount", "-1");
        assertEquals(2, rate.exit());
        assertTrue(rate.err().contains("monthly discount -1.0 is invalid"), rate.err());
        Result model = crm("clv", "value", "--input", log.toString(), "--as-of", "1997-09-30", "--model", "bgbb");
        assertEquals(2, model.exit());
        assertTrue(model.err().contains("not a continuous-time purchase model"), model.err());
        // continuous-time models without closed-form conditional expectations are refused before any fit
        // (GGom/NBD used to reach the user as a ClassCastException)
        for (String other : new String[] {"ggomnbd", "bgcnbd", "mbgcnbd", "sbg"}) {
            Result refused = crm("clv", "value", "--input", log.toString(), "--as-of", "1997-09-30", "--model", other);
            assertEquals(2, refused.exit(), other);
            assertEquals("crm clv value: model '" + other + "' is not a continuous-time purchase model: choose one of"
                    + " bgnbd, pareto, mbgnbd", refused.err().strip());
            Result evaluate = crm("clv", "evaluate", "--input", log.toString(), "--calibration-end", "1997-09-30",
                    "--holdout-end", "1998-06-30", "--model", other);
            Result plot = crm("clv", "plot", "--kind", "tracking", "--input", log.toString(), "--as-of", "1997-09-30",
                    "--output", "x.png", "--model", other);
            for (Result also : new Result[] {evaluate, plot}) {
                assertEquals(2, also.exit(), other + ": " + also.err());
                assertTrue(also.err().contains("model '" + other + "' is not a continuous-time purchase model"),
                        also.err());
            }
        }
    }

    @Test
    void aLogWithoutAmountsIsRefusedNamingTheFile() throws IOException {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, "customer_id,date\na,2020-01-01\n");
        Result run = crm("clv", "value", "--input", log.toString(), "--as-of", "2020-02-01");
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("crm clv value: "), run.err());
        assertTrue(run.err().contains("log.csv"), run.err());
        assertEquals(1, run.err().strip().split("\n").length, run.err());
    }
}
