package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.cli.CliRun.Result;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.ErlangBetaGeoModel;
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
 * {@code crm clv predict} for MBG/CNBD-k with k &gt; 1 prints the model's exact conditional mean: each
 * row's {@code expected_purchases} is the mean Σ n·P(Y = n) of the model's distribution of future
 * purchases, not BTYDplus' approximation.
 */
class RegularityPredictionTest {

    @TempDir
    Path dir;

    @Test
    void predictPrintsTheMeanOfTheDistributionOfPurchases() throws IOException {
        // 3,000 regular customers (MBG/CNBD-3, observed 26 to 52 weeks) from the model's seeded simulator
        ErlangBetaGeoModel truth = ErlangBetaGeoModel.of(true, 3, 2.0, 6.0, 0.6, 3.0);
        double[] ages = new double[3000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 26 + 26.0 * i / ages.length;
        }
        CustomerSummaries simulated = truth.simulate(ages, 11);
        List<String> rows = new ArrayList<>(List.of("frequency,recency,T,litt"));
        for (int i = 0; i < simulated.size(); i++) {
            rows.add(String.format(Locale.ROOT, "%s,%s,%s,%s", simulated.frequency(i), simulated.recency(i),
                    simulated.age(i), simulated.logInterPurchaseTimes()[i]));
        }
        Path input = dir.resolve("regular.csv");
        Files.write(input, rows, StandardCharsets.UTF_8);
        Path saved = dir.resolve("mbgcnbd.json");
        Result fit = crm("clv", "fit", "--model", "mbgcnbd", "--input", input.toString(), "--save", saved.toString());
        assertEquals(0, fit.exit(), fit.err());
        JsonNode params = new ObjectMapper().readTree(fit.out()).get("params");
        int k = params.get("k").asInt();
        assertTrue(k > 1, "k " + k);
        ErlangBetaGeoModel model = ErlangBetaGeoModel.of(true, k, params.get("r").asDouble(),
                params.get("alpha").asDouble(), params.get("a").asDouble(), params.get("b").asDouble());

        double[][] histories = {{0, 0, 30}, {2, 20, 30}, {6, 28, 40}, {1, 3, 52}};
        List<String> lines = new ArrayList<>(List.of("frequency,recency,T,litt"));
        for (double[] h : histories) {
            lines.add(h[0] + "," + h[1] + "," + h[2] + "," + (h[0] == 0 ? 0 : h[0] * Math.log(h[1] / h[0])));
        }
        Path few = dir.resolve("few.csv");
        Files.write(few, lines, StandardCharsets.UTF_8);
        Result predict = crm("clv", "predict", "--model-file", saved.toString(), "--input", few.toString(),
                "--horizon", "39");
        assertEquals(0, predict.exit(), predict.err());
        List<String> out = predict.out().lines().toList();
        assertTrue(out.get(0).endsWith(",expected_purchases,p_alive"), out.get(0));
        int column = List.of(out.get(0).split(",")).indexOf("expected_purchases");
        for (int i = 0; i < histories.length; i++) {
            double[] h = histories[i];
            // the independent check: the mean of P(Y = n), n = 0, 1, ... until the probabilities sum to 1
            double mean = 0;
            double total = 0;
            for (int n = 0; n < 5_000 && 1 - total > 1e-14; n++) {
                double p = model.conditionalProbabilityOfPurchases(n, 39, h[0], h[1], h[2]);
                mean += n * p;
                total += p;
            }
            double printed = Double.parseDouble(out.get(i + 1).split(",")[column]);
            assertEquals(mean, printed, 1e-9 * mean, "row " + (i + 1));
            double approximation = model.conditionalExpectedPurchasesApproximation(39, h[0], h[1], h[2]);
            assertTrue(Math.abs(approximation - mean) > 0.01 * mean,
                    "row " + (i + 1) + ": " + approximation + " against " + mean);
        }
    }
}
