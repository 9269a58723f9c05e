package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun.Result;
import io.crmkit.cli.format.ClvModelJson;
import io.crmkit.scoring.clv.ClvModels;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The log-likelihood a model file may carry. The continuous-time models' likelihood is a density
 * in the purchase times and Gamma-Gamma's a density in the mean spend, so it exceeds 1 when times
 * are counted in a large unit or spend in a small one: a fit on CDNOW with times in units of 1,000
 * weeks adds Σx · ln 1000 = 2,457 · 6.91 to the log-likelihood in weeks (about −9,600), which makes
 * it positive, and so does spend in units of 10,000 dollars for Gamma-Gamma (each of the 1,411
 * repeat buyers' densities gains ln 10,000). Such a file is read back and predicts exactly as the
 * fit. BG/BB's and sBG's likelihood is a probability of discrete data, so theirs is ≤ 0 and a
 * file claiming more is refused.
 */
class ModelFileLikelihoodTest {

    @TempDir
    static Path dir;

    private static Path scaled;
    private static Path donations;
    private static Path cohort;

    @BeforeAll
    static void inputs() throws IOException {
        Path log = dir.resolve("cdnow-transactions.csv");
        try (InputStream in = ModelFileLikelihoodTest.class
                .getResourceAsStream("/io/crmkit/data/cdnow-transactions.csv")) {
            Files.copy(in, log, StandardCopyOption.REPLACE_EXISTING);
        }
        Result summary = crm("clv", "summarize", "--input", log.toString(), "--as-of", "1997-09-30", "--unit", "weeks",
                "--litt");
        assertEquals(0, summary.exit(), summary.err());
        // times in units of 1,000 weeks (litt, a sum of x log inter-purchase times, loses x ln 1000), spend in 10,000 $
        List<String> lines = summary.out().lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int frequency = header.indexOf("frequency");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            double x = Double.parseDouble(cells[frequency]);
            for (int c = 0; c < cells.length; c++) {
                String column = header.get(c);
                if (column.equals("recency") || column.equals("T")) {
                    cells[c] = Double.toString(Double.parseDouble(cells[c]) / 1000);
                } else if (column.equals("litt")) {
                    cells[c] = Double.toString(Double.parseDouble(cells[c]) - x * Math.log(1000));
                } else if (column.equals("monetary_value")) {
                    cells[c] = Double.toString(Double.parseDouble(cells[c]) / 10_000);
                }
            }
            out.add(String.join(",", cells));
        }
        scaled = dir.resolve("cdnow-kiloweeks.csv");
        Files.write(scaled, out, StandardCharsets.UTF_8);
        donations = dir.resolve("donations.csv");
        try (InputStream in = ModelFileLikelihoodTest.class.getResourceAsStream("donations.csv")) {
            Files.copy(in, donations, StandardCopyOption.REPLACE_EXISTING);
        }
        // Fader & Hardie (2007), Table 1, "Regular" cohort
        cohort = dir.resolve("survivors.csv");
        Files.write(cohort, List.of("period,alive", "0,1000", "1,631", "2,468", "3,382", "4,326", "5,289", "6,262",
                "7,241"), StandardCharsets.UTF_8);
    }

    static Stream<String> registered() {
        return ClvModels.names().stream();
    }

    @ParameterizedTest
    @MethodSource("registered")
    void everyModelsFileRoundTripsWithTheSignItsLikelihoodCanHave(String model) throws IOException {
        ClvModels.Input input = ClvModels.named(model).input();
        Path data = switch (input) {
            case OPPORTUNITIES -> donations;
            case SURVIVORS -> cohort;
            case SPEND, CONTINUOUS_TIME -> scaled;
        };
        boolean probability = input == ClvModels.Input.OPPORTUNITIES || input == ClvModels.Input.SURVIVORS;
        Path file = dir.resolve(model + ".json");
        Result fit = crm("clv", "fit", "--model", model, "--input", data.toString(), "--save", file.toString());
        assertEquals(0, fit.exit(), fit.err());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        ClvModelJson.Saved saved = ClvModelJson.read(new StringReader(text), model + ".json");
        assertTrue(probability ? saved.logLikelihood() <= 0 : saved.logLikelihood() > 0,
                model + " log-likelihood " + saved.logLikelihood());
        String horizon = probability ? "3" : "0.005";
        Result refit = crm("clv", "predict", "--model", model, "--horizon", horizon, "--input", data.toString());
        Result restored = crm("clv", "predict", "--model-file", file.toString(), "--horizon", horizon, "--input",
                data.toString());
        assertEquals(0, restored.exit(), restored.err());
        assertEquals(refit.out(), restored.out(), model);

        // the same file claiming a log-likelihood of +12.5
        String ll = "\"logLikelihood\" : ";
        int at = text.indexOf(ll) + ll.length();
        String edited = text.substring(0, at) + "12.5" + text.substring(text.indexOf(',', at));
        Path positive = dir.resolve(model + "-positive.json");
        Files.writeString(positive, edited, StandardCharsets.UTF_8);
        Result run = crm("clv", "predict", "--model-file", positive.toString(), "--horizon", horizon, "--input",
                data.toString());
        if (probability) {
            assertEquals(1, run.exit(), run.err());
            assertEquals(String.format(Locale.ROOT, "crm clv predict: %s-positive.json: fit.logLikelihood 12.5: a %s"
                    + " likelihood is a probability of discrete data, so its logarithm is <= 0", model, model),
                    run.err().strip());
        } else {
            assertEquals(0, run.exit(), run.err());
            assertEquals(restored.out(), run.out(), model);
        }
    }
}
