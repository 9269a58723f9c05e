package io.crmkit.cli.clv;

import static io.crmkit.cli.CliRun.crm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.cli.CliRun;
import io.crmkit.cli.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that fits with an L2 penalty takes it from 0 to 10,000 (the library's
 * ClvModels.MAX_PENALIZER) and refuses anything else as a usage error, exit 2, before reading a
 * file; a penalty that would be ignored (--penalizer with covariates, --regularization without)
 * is refused too.
 */
class PenalizerRangeTest {

    private static final String RULE = "must be 0 to 10000 (a larger L2 penalty outweighs the data by orders of "
            + "magnitude and cannot be fitted reliably)";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "crm {0}")
    @ValueSource(strings = {
        "clv fit --model bgnbd --input none.csv",
        "clv fit --model gammagamma --input none.csv",
        "clv predict --model pareto --input none.csv --horizon 10",
        "clv value --input none.csv --as-of 2020-01-01",
        "clv evaluate --input none.csv --calibration-end 2020-01-01 --holdout-end 2020-06-30",
    })
    void aPenalizerOf1e300IsAUsageError(String command) {
        // the review's example: --penalizer 1e300 used to run the fit and fail with exit 1 (gradient norm Infinity)
        Result r = crm((command + " --penalizer 1e300").split(" "));
        assertEquals(2, r.exit(), r.err());
        assertEquals("crm " + command.substring(0, command.indexOf(" --")) + ": --penalizer '1.0E300': " + RULE,
                r.err().strip());
    }

    @Test
    void thePenalizerLimitItselfFits() {
        Result r = crm("clv", "fit", "--model", "bgnbd", "--input",
                CliRun.bundled(dir, "cdnow_customers_summary_with_transactions.csv").toString(), "--penalizer", "10000");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"penalizer\":10000"), r.out());
        Result above = crm("clv", "fit", "--model", "bgnbd", "--input", "none.csv", "--penalizer", "10000.5");
        assertEquals(2, above.exit(), above.err());
    }

    @Test
    void aPenaltyTheFitWouldIgnoreIsRefused() {
        Result regularization = crm("clv", "fit", "--model", "pareto", "--input", "none.csv", "--covariates", "cov.csv",
                "--trans", "Age", "--regularization", "1e300");
        assertEquals(2, regularization.exit(), regularization.err());
        assertEquals("crm clv fit: --regularization '1.0E300': " + RULE, regularization.err().strip());
        Result penalizer = crm("clv", "fit", "--model", "pareto", "--input", "none.csv", "--covariates", "cov.csv",
                "--trans", "Age", "--penalizer", "0.1");
        assertEquals(2, penalizer.exit(), penalizer.err());
        assertTrue(penalizer.err().contains("--penalizer applies to fits without covariates: with --covariates the "
                + "L2 penalty is --regularization"), penalizer.err());
        Result alone = crm("clv", "fit", "--model", "pareto", "--input", "none.csv", "--regularization", "1");
        assertEquals(2, alone.exit(), alone.err());
        assertTrue(alone.err().contains("--regularization needs --covariates"), alone.err());
    }
}
