package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.cli.CliRun.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvCommandTest {

    @TempDir
    Path dir;

    /** Exit code, standard output, standard error. */
    private Path bundled(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/io/crmkit/data/" + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private Path file(String name, String... lines) throws IOException {
        Path target = dir.resolve(name);
        Files.write(target, List.of(lines), StandardCharsets.UTF_8);
        return target;
    }

    @Test
    void fitPrintsTheEstimatesOfBgNbdOnCdnowAsJson() throws IOException {
        Result run = crm("clv", "fit", "--model", "bgnbd", "--input",
                bundled("cdnow_customers_summary_with_transactions.csv").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("bgnbd", json.get("model").asText());
        // FHL 2005 / lifetimes 0.11.3: r 0.24259, alpha 4.41353, a 0.79289, b 2.42575, LL -9582.4256
        assertEquals(0.24259, json.get("params").get("r").asDouble(), 0.24259e-4);
        assertEquals(4.41353, json.get("params").get("alpha").asDouble(), 4.41353e-4);
        assertEquals(-9582.4256, json.get("logLikelihood").asDouble(), 0.01);
        assertEquals(2357, json.get("customers").asInt());
        assertTrue(json.get("standardErrors").has("b"));
        assertTrue(json.get("iterations").asInt() > 0);
    }

    @Test
    void gammaGompertzNbdFitsCdnowToThePublishedLikelihoodAndPredicts() throws IOException {
        Path input = bundled("cdnow_customers_summary_with_transactions.csv");
        Result run = crm("clv", "fit", "--model", "ggomnbd", "--input", input.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("ggomnbd", json.get("model").asText());
        // Bemmaor & Glady (2012), Table 2, CDNOW: r 0.553, alpha 10.578, s 0.603, LL -9594.98; b and beta run
        // to 0 along the Pareto/NBD ridge (only beta/b is identified), which the fit reports as warnings
        assertEquals(0.553, json.get("params").get("r").asDouble(), 0.002);
        assertEquals(10.578, json.get("params").get("alpha").asDouble(), 0.02);
        assertEquals(-9594.98, json.get("logLikelihood").asDouble(), 0.01);
        assertTrue(json.get("warnings").toString().contains("b: ran to 0"), json.toString());
        Result predict = crm("clv", "predict", "--model", "ggomnbd", "--input", input.toString(), "--horizon", "39");
        assertEquals(0, predict.exit(), predict.err());
        assertTrue(predict.out().lines().findFirst().orElseThrow().endsWith(",expected_purchases,p_alive"),
                predict.out().lines().findFirst().orElseThrow());
        assertEquals(2358, predict.out().lines().count());
    }

    @Test
    void paretoNbdFitsCdnowToThePublishedEstimates() throws IOException {
        Result run = crm("clv", "fit", "--model", "pareto", "--input",
                bundled("cdnow_customers_summary_with_transactions.csv").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("pareto", json.get("model").asText());
        // lifetimes 0.11.3 on CDNOW weeks: r 0.5533, alpha 10.578, s 0.6062, beta 11.667, LL -9594.97;
        // the likelihood is flat in s and beta, so 1e-2 relative there
        assertEquals(0.5533, json.get("params").get("r").asDouble(), 0.5533e-2);
        assertEquals(10.578, json.get("params").get("alpha").asDouble(), 10.578e-2);
        assertEquals(0.6062, json.get("params").get("s").asDouble(), 0.6062e-2);
        assertEquals(11.667, json.get("params").get("beta").asDouble(), 11.667e-2);
        assertEquals(-9594.97, json.get("logLikelihood").asDouble(), 0.01);
    }

    @Test
    void bgbbFitsTheWeightedDonationsThroughTheWeightsAlias() throws IOException {
        Path donations = dir.resolve("donations.csv");
        try (InputStream in = getClass().getResourceAsStream("donations.csv")) {
            Files.copy(in, donations, StandardCopyOption.REPLACE_EXISTING);
        }
        Result fit = crm("clv", "fit", "--model", "bgbb", "--input", donations.toString());
        assertEquals(0, fit.exit(), fit.err());
        JsonNode json = new ObjectMapper().readTree(fit.out());
        // Fader, Hardie & Shang (2010): alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, LL -33,225.6
        assertEquals(1.2035, json.get("params").get("alpha").asDouble(), 1.2035e-4);
        assertEquals(2.7834, json.get("params").get("delta").asDouble(), 2.7834e-4);
        assertEquals(-33225.58, json.get("logLikelihood").asDouble(), 0.01);
        assertEquals(11104, json.get("customers").asInt());

        Result predict = crm("clv", "predict", "--model", "bgbb", "--horizon", "5", "--input", donations.toString());
        assertEquals(0, predict.exit(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(23, lines.size());
        assertTrue(lines.get(0).endsWith(",expected_purchases,p_alive"), lines.get(0));
        Result fractional = crm("clv", "predict", "--model", "bgbb", "--horizon", "2.5", "--input", donations.toString());
        assertTrue(fractional.err().contains("whole number of opportunities"), fractional.err());
    }

    @Test
    void sbgFitsAndProjectsACohortOfSurvivors() throws IOException {
        // Fader & Hardie (2007), "How to project customer retention", Table 1, "Regular" cohort, years 0-7
        Path cohort = file("survivors.csv", "period,alive", "0,1000", "1,631", "2,468", "3,382", "4,326", "5,289",
                "6,262", "7,241");
        Result fit = crm("clv", "fit", "--model", "sbg", "--input", cohort.toString());
        assertEquals(0, fit.exit(), fit.err());
        JsonNode json = new ObjectMapper().readTree(fit.out());
        // the paper: alpha 0.704, beta 1.182 (three decimals)
        assertEquals("sbg", json.get("model").asText());
        assertEquals(0.704, json.get("params").get("alpha").asDouble(), 5e-4);
        assertEquals(1.182, json.get("params").get("beta").asDouble(), 5e-4);
        assertEquals(1000, json.get("customers").asInt());

        Result predict = crm("clv", "predict", "--model", "sbg", "--horizon", "5", "--input", cohort.toString());
        assertEquals(0, predict.exit(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(14, lines.size());
        assertEquals("period,alive,survival,retention", lines.get(0));
        assertTrue(lines.get(1).startsWith("0,1000,1,1"), lines.get(1));
        String[] year12 = lines.get(13).split(",");
        assertEquals("12", year12[0]);
        assertEquals("", year12[1]);
        // S(12) = 17.004 % at the fitted parameters (mpmath)
        assertEquals(0.17004, Double.parseDouble(year12[2]), 1e-4);
    }

    @Test
    void predictAppendsDertAtAContinuousDiscountRate() throws IOException {
        Path summary = bundled("cdnow_customers_summary_with_transactions.csv");
        Result run = crm("clv", "predict", "--model", "bgnbd", "--horizon", "39", "--discount", "0.0027", "--input",
                summary.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2358, lines.size());
        assertTrue(lines.get(0).endsWith(",expected_purchases,p_alive,dert"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double dert = Double.parseDouble(cells[cells.length - 1]);
            assertTrue(dert >= 0 && Double.isFinite(dert), line);
        }
        Result bad = crm("clv", "predict", "--model", "bgnbd", "--horizon", "39", "--discount", "-1", "--input",
                summary.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("discount -1.0 is invalid"), bad.err());
    }

    @Test
    void predictAppendsDeltaMethodIntervals() throws IOException {
        Path summary = bundled("cdnow_customers_summary_with_transactions.csv");
        // DERT's intervals (with --discount) are the library's; here the two cheap columns
        Result run = crm("clv", "predict", "--model", "bgnbd", "--horizon", "39", "--intervals", "delta", "--input",
                summary.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).endsWith(",expected_purchases,expected_purchases_lower,expected_purchases_upper,"
                + "p_alive,p_alive_lower,p_alive_upper"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            int n = c.length;
            for (int k = n - 6; k < n; k += 3) {
                double value = Double.parseDouble(c[k]);
                double lower = Double.parseDouble(c[k + 1]);
                double upper = Double.parseDouble(c[k + 2]);
                assertTrue(lower <= value && value <= upper, line);
            }
        }
    }

    @Test
    void sbgRefusesARisingCohortWithItsLine() throws IOException {
        Path cohort = file("rising.csv", "period,alive", "0,100", "1,80", "2,90");
        Result fit = crm("clv", "fit", "--model", "sbg", "--input", cohort.toString());
        assertEquals(1, fit.exit());
        assertEquals("crm clv fit: rising.csv:4: alive '90': exceeds 80 at period 1: a cohort only shrinks",
                fit.err().strip());
        Path gap = file("gap.csv", "period,alive", "0,100", "2,80");
        Result skipped = crm("clv", "fit", "--model", "sbg", "--input", gap.toString());
        assertEquals(1, skipped.exit());
        assertEquals("crm clv fit: gap.csv:3: period '2': must be 1: periods run 0, 1, 2, ... in order",
                skipped.err().strip());
    }

    @Test
    void gammaGammaFitsTheRepeatCustomersThroughTheZbarAlias() throws IOException {
        Result run = crm("clv", "fit", "--model", "GammaGamma", "--input",
                bundled("cdnow_customers_summary_with_transactions.csv").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(6.2488, json.get("params").get("p").asDouble(), 6.2488e-4);
        assertEquals(946, json.get("customers").asInt());
    }

    @Test
    void predictCarriesInputColumnsThroughAndAppendsPredictions() throws IOException {
        Result run = crm("clv", "predict", "--model", "bgnbd", "--horizon", "39", "--input",
                bundled("cdnow_customers_summary_with_transactions.csv").toString());
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("ID,x,t_x,T,zbar,expected_purchases,p_alive", lines[0]);
        assertEquals(2358, lines.length);
        String[] first = lines[1].split(",");
        assertEquals("1", first[0]);
        // FHL 2005: customer (2, 30.43, 38.86) buys 1.226 times in the next 39 weeks (lifetimes 1.225910)
        assertEquals(1.225910, Double.parseDouble(first[5]), 1e-5);
        assertEquals("1", lines[3].split(",")[6], "BG/NBD's one-time buyers are alive");
    }

    @Test
    void weightedRowsGiveTheFitOfTheCustomersTheyStandFor() throws IOException {
        Path plain = bundled("cdnow_customers_summary_with_transactions.csv");
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(plain).subList(1, 2358)) {
            String[] f = line.split(",");
            counts.merge(f[1] + "," + f[2] + "," + f[3], 1, Integer::sum);
        }
        List<String> rows = new java.util.ArrayList<>(List.of("x,t_x,T,weights"));
        counts.forEach((row, count) -> rows.add(row + "," + count));
        Path weighted = file("weighted.csv", rows.toArray(String[]::new));
        ObjectMapper json = new ObjectMapper();
        JsonNode fromWeights = json.readTree(crm("clv", "fit", "--model", "mbgnbd", "--input", weighted.toString()).out());
        JsonNode fromRows = json.readTree(crm("clv", "fit", "--model", "mbgnbd", "--input", plain.toString()).out());
        assertTrue(counts.size() < 2357);
        assertEquals(2357, fromWeights.get("customers").asInt());
        assertEquals(fromRows.get("logLikelihood").asDouble(), fromWeights.get("logLikelihood").asDouble(), 1e-6);
        assertEquals(fromRows.get("params").get("r").asDouble(), fromWeights.get("params").get("r").asDouble(), 1e-6);
    }

    @Test
    void summarizeReproducesTheCdnowCalibrationSummary() throws IOException {
        // the first customer of CDNOW_sample.txt as customer_id,date,amount
        Path log = file("transactions.csv", "customer_id,date,amount", "c1,1997-01-01,29.33", "c1,1997-01-18,29.73",
                "c1,1997-08-02,14.96", "c1,1997-12-12,26.48", "c2,1997-01-01,63.34", "c2,1997-01-13,11.77");
        Result run = crm("clv", "summarize", "--input", log.toString(), "--as-of", "1997-09-30", "--unit", "weeks");
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("customer_id,frequency,recency,T,monetary_value", lines[0]);
        String[] c1 = lines[1].split(",");
        assertEquals("c1", c1[0]);
        assertEquals("2", c1[1]);
        // cdnow_customers_summary_with_transactions.csv row 1: 2, 30.43, 38.86, 22.35
        assertEquals(30.43, Double.parseDouble(c1[2]), 0.005);
        assertEquals(38.86, Double.parseDouble(c1[3]), 0.005);
        assertEquals(22.35, Double.parseDouble(c1[4]), 0.01);
        assertEquals("c2,1,1.7142857142857142,38.857142857142854,11.77", lines[2]);
    }

    @Test
    void summarizeGivesTheFiniteMeanOfRepeatAmountsWhoseSumOverflows() throws IOException {
        // 1.7e308 + 1.7e308 is beyond the largest double, their mean 1.7e308 is not; a repeat day worth
        // 3.4e308 (two purchases of 1.7e308) has no finite mean and is refused as bad data, naming the customer
        Path log = file("huge.csv", "customer_id,date,amount", "c1,2020-01-01,1", "c1,2020-02-01,1.7e308",
                "c1,2020-03-01,1.7e308", "c2,2020-01-01,5", "c2,2020-01-05,7");
        Result run = crm("clv", "summarize", "--input", log.toString(), "--as-of", "2020-12-31");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("customer_id,frequency,recency,T,monetary_value", "c1,2,60,365,1.7E308", "c2,1,4,365,7"),
                run.lines());
        Path beyond = file("beyond.csv", "customer_id,date,amount", "c1,2020-01-01,1", "c1,2020-02-01,1.7e308",
                "c1,2020-02-01,1.7e308");
        Result refused = crm("clv", "summarize", "--input", beyond.toString(), "--as-of", "2020-12-31");
        assertEquals(1, refused.exit());
        assertEquals("crm clv summarize: beyond.csv: customer 'c1': monetary_value 3.40000E+308: the mean repeat "
                + "amount must not exceed the largest double 1.7976931348623157e308", refused.err().strip());
    }

    @Test
    void summarizeWithLittFeedsTheRegularityModels() throws IOException {
        // c1 bought on 1997-01-01, 01-18 and 08-02: gaps of 17 and 196 days, litt = ln(17/7) + ln(28) in weeks
        Path log = file("transactions.csv", "customer_id,date,amount", "c1,1997-01-01,29.33", "c1,1997-01-18,29.73",
                "c1,1997-08-02,14.96", "c2,1997-01-01,63.34", "c2,1997-01-13,11.77");
        Result run = crm("clv", "summarize", "--input", log.toString(), "--as-of", "1997-09-30", "--unit", "weeks",
                "--litt");
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("customer_id,frequency,recency,T,monetary_value,litt", lines[0]);
        assertEquals(Math.log(17 / 7.0) + Math.log(28), Double.parseDouble(lines[1].split(",")[5]), 1e-12);
        assertEquals(Math.log(12 / 7.0), Double.parseDouble(lines[2].split(",")[5]), 1e-12);
        // without the column the regularity models refuse by name; with it they fit (k by likelihood)
        Path plain = file("plain.csv", "frequency,recency,T", "1,2,10", "2,5,10", "0,0,10", "3,8,10", "1,1,9");
        Result refused = crm("clv", "fit", "--model", "mbgcnbd", "--input", plain.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("plain.csv: mbgcnbd needs the sum of log inter-purchase times"),
                refused.err());
        // CDNOW: BTYDplus finds no regularity (k = 1), so MBG/CNBD-k is MBG/NBD
        Result cdnow = crm("clv", "summarize", "--input", bundled("cdnow-transactions.csv").toString(), "--as-of",
                "1997-09-30", "--unit", "weeks", "--litt");
        assertEquals(0, cdnow.exit(), cdnow.err());
        Path summary = dir.resolve("cdnow-litt.csv");
        Files.writeString(summary, cdnow.out(), StandardCharsets.UTF_8);
        Result fit = crm("clv", "fit", "--model", "mbgcnbd", "--input", summary.toString());
        assertEquals(0, fit.exit(), fit.err());
        JsonNode json = new ObjectMapper().readTree(fit.out());
        assertEquals("mbgcnbd", json.get("model").asText());
        assertEquals(1, json.get("params").get("k").asInt());
        Result mbg = crm("clv", "fit", "--model", "mbgnbd", "--input", summary.toString());
        assertEquals(new ObjectMapper().readTree(mbg.out()).get("logLikelihood").asDouble(),
                json.get("logLikelihood").asDouble(), 1e-9);
    }

    @Test
    void paretoFitsWithStaticCovariatesJoinedByCustomerId() throws IOException {
        Path input = bundled("cdnow_customers_summary_with_transactions.csv");
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        List<String> cov = new java.util.ArrayList<>(List.of("customer_id,Gender,Channel,Age"));
        for (int i = 1; i < lines.size(); i++) {
            String id = lines.get(i).split(",")[0];
            cov.add(id + "," + (i % 2 == 0 ? "F" : "M") + "," + (i % 3 == 0 ? "web" : i % 3 == 1 ? "shop" : "phone")
                    + "," + (20 + i % 50));
        }
        Path covariates = file("cov.csv", cov.toArray(String[]::new));
        Result run = crm("clv", "fit", "--model", "pareto", "--input", input.toString(), "--covariates",
                covariates.toString(), "--life", "Gender,Channel", "--trans", "Gender,Channel,Age", "--equal", "Gender");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        // Gender: F is the reference (first in sorted order), one coefficient for both processes; Channel: phone
        // is the reference, shop and web get a coefficient per process
        List<String> names = new java.util.ArrayList<>();
        json.get("params").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("r", "alpha", "s", "beta", "gamma.Gender=M", "trans.Channel=shop", "trans.Channel=web",
                "trans.Age", "life.Channel=shop", "life.Channel=web"), names);
        for (String name : names) {
            assertTrue(json.get("standardErrors").has(name), name);
        }
        // made-up covariates carry no information: the base parameters stay near the plain fit's
        assertEquals(0.5533, json.get("params").get("r").asDouble(), 0.05);
        Path partial = file("partial.csv", "customer_id,Gender", "1,M");
        Result missing = crm("clv", "fit", "--model", "pareto", "--input", input.toString(), "--covariates",
                partial.toString(), "--trans", "Gender");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("cdnow_customers_summary_with_transactions.csv:3: customer_id '2': has no row"
                + " in partial.csv"), missing.err());
        Result usage = crm("clv", "fit", "--model", "mbgnbd", "--input", input.toString(), "--covariates",
                covariates.toString(), "--trans", "Gender");
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("--covariates works with --model pareto or bgnbd only"), usage.err());
    }

    @Test
    void aBadRowNamesFileLineAndProblem() throws IOException {
        Path bad = file("bad.csv", "customer_id,frequency,recency,T", "a,1,2,10", "b,2,12,10");
        Result run = crm("clv", "fit", "--model", "bgnbd", "--input", bad.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("bad.csv:3: recency '12': exceeds T 10"), run.err());
        Path text = file("text.csv", "frequency,recency,T", "x,1,2");
        Result notANumber = crm("clv", "fit", "--model", "bgnbd", "--input", text.toString());
        assertEquals(1, notANumber.exit());
        assertTrue(notANumber.err().contains("text.csv:2: frequency 'x': not a decimal number"), notANumber.err());
        Path log = file("log.csv", "customer_id,date,amount", "a,2024-01-01,10", "a,2024-13-01,5");
        Result badDate = crm("clv", "summarize", "--input", log.toString(), "--as-of", "2024-02-01");
        assertEquals(1, badDate.exit());
        assertTrue(badDate.err().contains("log.csv:3: date '2024-13-01': not a day of the calendar"), badDate.err());
        assertEquals(1, badDate.err().strip().lines().count());
    }

    @Test
    void anUnknownModelIsAUsageErrorListingTheModels() throws IOException {
        Result run = crm("clv", "fit", "--model", "nbd", "--input", "whatever.csv");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unknown model 'nbd': choose one of bgnbd, pareto, mbgnbd, bgbb, gammagamma, sbg, ggomnbd, bgcnbd, mbgcnbd"),
                run.err());
    }

    @Test
    void tooFewCustomersAreRefused() throws IOException {
        Path tiny = file("tiny.csv", "frequency,recency,T", "1,2,10", "0,0,10");
        Result run = crm("clv", "fit", "--model", "bgnbd", "--input", tiny.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("too few"), run.err());
    }

    @Test
    void theTourNarratesLifetimeValueOnCdnow() {
        Result run = crm("tour");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Lifetime value on CDNOW"), run.out());
        assertTrue(run.out().contains("r 0.2426"), run.out());
    }

    @Test
    void aBadRowAfterABlankLineIsReportedOnItsOwnLine() throws IOException {
        // line 2 is blank: the bad row is on line 4 of the file, which is what the user's editor shows
        Path bad = file("blank.csv", "customer_id,frequency,recency,T", "", "a,1,2,10", "b,2,12,10");
        Result run = crm("clv", "fit", "--model", "bgnbd", "--input", bad.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("blank.csv:4: recency '12': exceeds T 10"), run.err());
        Path log = file("log.csv", "customer_id,date,amount", "", "a,2024-01-01,10", "a,2024-13-01,5");
        Result badDate = crm("clv", "summarize", "--input", log.toString(), "--as-of", "2024-02-01");
        assertEquals(1, badDate.exit());
        assertTrue(badDate.err().contains("log.csv:4: date '2024-13-01': not a day of the calendar"), badDate.err());
    }
}
