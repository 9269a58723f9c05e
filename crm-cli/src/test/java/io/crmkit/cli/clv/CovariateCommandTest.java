package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.cli.CliRun.Result;
import io.crmkit.scoring.clv.BetaGeoModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm clv fit|predict --covariates} with BG/NBD and Pareto/NBD, and saved models with covariates. */
class CovariateCommandTest {

    @TempDir
    Path dir;

    private Path bundled(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/io/crmkit/data/" + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /**
     * CDNOW customers with a made-up Gender and a Segment that tells big spenders (mean repeat spend zbar
     * above 40 dollars) from small ones.
     */
    private Path covariates(Path input, boolean withSegment) throws IOException {
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        List<String> cov = new ArrayList<>(List.of(withSegment ? "customer_id,Gender,Segment" : "customer_id,Gender"));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            String segment = Double.parseDouble(cells[4]) > 40 ? "big" : "small";
            cov.add(cells[0] + "," + (i % 2 == 0 ? "F" : "M") + (withSegment ? "," + segment : ""));
        }
        Path target = dir.resolve(withSegment ? "cov.csv" : "gender.csv");
        Files.write(target, cov, StandardCharsets.UTF_8);
        return target;
    }

    @Test
    void bgNbdFitsWithCovariatesSavesThemAndPredictsPerCustomer() throws IOException {
        Path input = bundled("cdnow_customers_summary_with_transactions.csv");
        Path cov = covariates(input, true);
        Path saved = dir.resolve("model.json");
        Result fit = crm("clv", "fit", "--model", "bgnbd", "--input", input.toString(), "--covariates", cov.toString(),
                "--trans", "Gender,Segment", "--life", "Gender", "--save", saved.toString());
        assertEquals(0, fit.exit(), fit.err());
        JsonNode json = new ObjectMapper().readTree(fit.out());
        List<String> names = new ArrayList<>();
        json.get("params").fieldNames().forEachRemaining(names::add);
        // F and big are the reference levels (first in sorted order)
        assertEquals(List.of("r", "alpha", "a", "b", "trans.Gender=M", "trans.Segment=small", "life.Gender=M"), names);
        for (String name : names) {
            assertTrue(json.get("standardErrors").get(name).asDouble() > 0, name);
        }
        double small = json.get("params").get("trans.Segment=small").asDouble();

        Result fromFile = crm("clv", "predict", "--model-file", saved.toString(), "--input", input.toString(),
                "--covariates", cov.toString(), "--horizon", "39");
        assertEquals(0, fromFile.exit(), fromFile.err());
        Result refit = crm("clv", "predict", "--model", "bgnbd", "--input", input.toString(), "--covariates",
                cov.toString(), "--trans", "Gender,Segment", "--life", "Gender", "--horizon", "39");
        assertEquals(0, refit.exit(), refit.err());
        // fit -> save -> load -> predict is the fit's own prediction, digit for digit
        assertEquals(refit.out(), fromFile.out());
        String[] header = fromFile.out().lines().findFirst().orElseThrow().split(",");
        assertEquals("expected_purchases", header[header.length - 2]);
        assertEquals("p_alive", header[header.length - 1]);
        // customer 1 (x 2, t_x 30.43, T 38.86, zbar 22.35; covariates line 2: M, small) is the BG/NBD at
        // (r, alpha e^-(g_M + g_small), a e^(l_M), b e^(l_M))
        JsonNode p = json.get("params");
        double etaT = p.get("trans.Gender=M").asDouble() + small;
        double etaL = p.get("life.Gender=M").asDouble();
        BetaGeoModel own = BetaGeoModel.of(p.get("r").asDouble(), p.get("alpha").asDouble() * Math.exp(-etaT),
                p.get("a").asDouble() * Math.exp(etaL), p.get("b").asDouble() * Math.exp(etaL));
        String[] row = fromFile.out().lines().skip(1).findFirst().orElseThrow().split(",");
        assertEquals(own.conditionalExpectedPurchases(39, 2, 30.43, 38.86), Double.parseDouble(row[row.length - 2]),
                1e-12);
        assertEquals(own.probabilityAlive(2, 30.43, 38.86), Double.parseDouble(row[row.length - 1]), 1e-12);
    }

    @Test
    void paretoPredictsWithCovariatesToo() throws IOException {
        Path input = bundled("cdnow_customers_summary_with_transactions.csv");
        Path cov = covariates(input, false);
        Result run = crm("clv", "predict", "--model", "pareto", "--input", input.toString(), "--covariates",
                cov.toString(), "--trans", "Gender", "--life", "Gender", "--equal", "Gender", "--horizon", "10");
        assertEquals(0, run.exit(), run.err());
        assertEquals(2358, run.out().lines().count());
        assertTrue(run.out().lines().findFirst().orElseThrow().endsWith(",expected_purchases,p_alive"));
    }

    @Test
    void aSavedModelWithCovariatesNeedsThemAndRefusesWhatItCannotUse() throws IOException {
        Path input = bundled("cdnow_customers_summary_with_transactions.csv");
        Path cov = covariates(input, true);
        Path saved = dir.resolve("model.json");
        Result fit = crm("clv", "fit", "--model", "bgnbd", "--input", input.toString(), "--covariates", cov.toString(),
                "--trans", "Segment", "--save", saved.toString());
        assertEquals(0, fit.exit(), fit.err());
        Result without = crm("clv", "predict", "--model-file", saved.toString(), "--input", input.toString(),
                "--horizon", "39");
        assertEquals(2, without.exit());
        assertTrue(without.err().contains("the saved model has covariates Segment=small: give them with --covariates"),
                without.err());
        Result noColumn = crm("clv", "predict", "--model-file", saved.toString(), "--input", input.toString(),
                "--covariates", covariates(input, false).toString(), "--horizon", "39");
        assertEquals(1, noColumn.exit());
        assertTrue(noColumn.err().contains("gender.csv:1: no column 'Segment': the model has covariate Segment=small"),
                noColumn.err());
        Result discount = crm("clv", "predict", "--model-file", saved.toString(), "--input", input.toString(),
                "--covariates", cov.toString(), "--horizon", "39", "--discount", "0.003");
        assertEquals(2, discount.exit());
        assertTrue(discount.err().contains("--discount and --intervals are not available with --covariates"),
                discount.err());
        // a tampered coefficient is refused by name
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(saved).replace("\"trans.Segment=small\"", "\"beta.Segment=small\""));
        Result tampered = crm("clv", "predict", "--model-file", bad.toString(), "--input", input.toString(),
                "--covariates", cov.toString(), "--horizon", "39");
        assertEquals(1, tampered.exit());
        assertTrue(tampered.err().contains("bad.json: parameters.beta.Segment=small: unknown for bgnbd"),
                tampered.err());
    }

    /**
     * A covariates file for the bundled CDNOW summary (IDs 1 to 2357, file line = ID + 1): Gender
     * alternating, a numeric Age, and whatever {@code edit} makes of the lines.
     */
    private Path editedCovariates(String name, java.util.function.UnaryOperator<List<String>> edit) throws IOException {
        List<String> cov = new ArrayList<>(List.of("customer_id,Gender,Age,Channel"));
        for (int id = 1; id <= 2357; id++) {
            cov.add(id + "," + (id % 2 == 0 ? "F" : "M") + "," + (20 + id % 50) + ",web");
        }
        Path target = dir.resolve(name);
        Files.write(target, edit.apply(cov), StandardCharsets.UTF_8);
        return target;
    }

    /** Runs a command that must fail with one line on stderr; returns that line. */
    private static String refused(int exit, String... args) {
        Result run = crm(args);
        assertEquals(exit, run.exit(), run.err() + run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        return run.err().strip();
    }

    private String[] fit(Path input, Path cov, String... more) {
        List<String> args = new ArrayList<>(List.of("clv", "fit", "--model", "bgnbd", "--input", input.toString(),
                "--covariates", cov.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aBadCovariatesFileIsOneLineNamingFileLineFieldAndRule() throws IOException {
        Path input = bundled("cdnow_customers_summary_with_transactions.csv");
        // customer 4 (summary line 5) has no covariates
        Path missing = editedCovariates("missing.csv", l -> {
            l.remove(4);
            return l;
        });
        assertEquals("crm clv fit: cdnow_customers_summary_with_transactions.csv:5: customer_id '4': has no row in"
                + " missing.csv", refused(1, fit(input, missing, "--trans", "Gender")));
        Path twice = editedCovariates("twice.csv", l -> {
            l.add(l.get(1));
            return l;
        });
        assertEquals("crm clv fit: twice.csv:2359: customer_id '1': appears twice: one row of covariates per"
                + " customer", refused(1, fit(input, twice, "--trans", "Gender")));
        // a numeric column with a stray word is a typo, not 51 categories
        Path word = editedCovariates("word.csv", l -> {
            l.set(9, "9,M,n/a,web");
            return l;
        });
        assertEquals("crm clv fit: word.csv:10: Age 'n/a': not a decimal number, while the column's other cells are"
                + " (a numeric covariate needs a number in every row)", refused(1, fit(input, word, "--life", "Age")));
        Path number = editedCovariates("number.csv", l -> {
            l.set(3, "3,7,23,web");
            return l;
        });
        assertEquals("crm clv fit: number.csv:4: Gender '7': a number in a column of categories (a categorical"
                + " covariate's levels are words)", refused(1, fit(input, number, "--trans", "Gender")));
        Path plain = editedCovariates("plain.csv", l -> l);
        // Channel is "web" for everyone: as a category it has no second level, as a number it would be constant
        assertEquals("crm clv fit: plain.csv:2: Channel 'web': the same for every customer fitted: a constant"
                + " covariate's coefficient cannot be told from the model's own parameters",
                refused(1, fit(input, plain, "--trans", "Gender", "--life", "Channel")));
        Path fifty = editedCovariates("fifty.csv", l -> {
            List<String> out = new ArrayList<>();
            for (String line : l) {
                out.add(line.replaceFirst(",\\d+,web$", ",50,web"));
            }
            return out;
        });
        assertEquals("crm clv fit: fifty.csv:2: Age '50': the same for every customer fitted: a constant"
                + " covariate's coefficient cannot be told from the model's own parameters",
                refused(1, fit(input, fifty, "--trans", "Age")));
        assertEquals("crm clv fit: plain.csv:1: --life 'Regoin': no such column (the header has customer_id, Gender,"
                + " Age, Channel)", refused(1, fit(input, plain, "--trans", "Gender", "--life", "Regoin")));
    }

    @Test
    void covariateOptionsThatCannotGoTogetherAreUsageErrors() throws IOException {
        Path input = bundled("cdnow_customers_summary_with_transactions.csv");
        Path plain = editedCovariates("plain.csv", l -> l);
        assertTrue(refused(2, fit(input, plain, "--trans", "Gender,Gender")).contains("--trans 'Gender': given twice: name each once"));
        assertTrue(refused(2, fit(input, plain, "--life", "customer_id")).contains(
                "--life customer_id: the customer key joins the files; it is not a covariate"));
        assertTrue(refused(2, fit(input, plain, "--trans", "Gender", "--life", "Age", "--equal", "Gender")).contains(
                "--equal Gender: a covariate constrained equal must be in both --trans and --life"));
    }

    @Test
    void predictingFromASavedModelRefusesABadCovariatesFileTheSameWay() throws IOException {
        Path input = bundled("cdnow_customers_summary_with_transactions.csv");
        Path plain = editedCovariates("plain.csv", l -> l);
        Path saved = dir.resolve("age.json");
        Result fit = crm(fit(input, plain, "--trans", "Gender", "--life", "Age", "--save", saved.toString()));
        assertEquals(0, fit.exit(), fit.err());
        Path word = editedCovariates("word.csv", l -> {
            l.set(9, "9,M,n/a,web");
            return l;
        });
        String[] predict = {"clv", "predict", "--model-file", saved.toString(), "--input", input.toString(),
            "--horizon", "39", "--covariates", ""};
        predict[predict.length - 1] = word.toString();
        assertEquals("crm clv predict: word.csv:10: Age 'n/a': not a decimal number (the model's covariate is numeric)",
                refused(1, predict));
        predict[predict.length - 1] = editedCovariates("missing.csv", l -> {
            l.remove(4);
            return l;
        }).toString();
        assertEquals("crm clv predict: cdnow_customers_summary_with_transactions.csv:5: customer_id '4': has no row in"
                + " missing.csv", refused(1, predict));
        predict[predict.length - 1] = editedCovariates("twice.csv", l -> {
            l.add(l.get(1));
            return l;
        }).toString();
        assertEquals("crm clv predict: twice.csv:2359: customer_id '1': appears twice: one row of covariates per"
                + " customer", refused(1, predict));
        // a constant column is no problem for predicting: the model was fitted elsewhere
        predict[predict.length - 1] = editedCovariates("fifty.csv", l -> {
            List<String> out = new ArrayList<>();
            for (String line : l) {
                out.add(line.replaceFirst(",\\d+,web$", ",50,web"));
            }
            return out;
        }).toString();
        Result constant = crm(predict);
        assertEquals(0, constant.exit(), constant.err());
    }
}
