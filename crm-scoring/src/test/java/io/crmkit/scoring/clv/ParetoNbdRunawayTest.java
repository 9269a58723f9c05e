package io.crmkit.scoring.clv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crmkit.scoring.internal.math.LogConcaveIntegral;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pareto/NBD fits whose dropout parameters run off to infinity. A bootstrap sample of the CDNOW
 * summaries (400 customers drawn with {@code new Random(44)}, as crm-cli's saved-model property draws
 * them) sent the fit's line search to s and β near 1e98, where the likelihood's integral spent a
 * million Gauss-Legendre panels that did not advance (each narrower than the spacing of doubles at
 * its start) and returned a wrong finite number, -2e100, a second later: the fit ran for more than
 * a quarter of an hour. The integral now refuses such an integrand (NaN, which the line search
 * steps back from), and the fit ends with the refusal that names the runaway parameters.
 */
class ParetoNbdRunawayTest {

    @Test
    void anIntegrandNarrowerThanDoublesResolveIsRefusedNotSummedToAWrongNumber() {
        // the integral of the Pareto/NBD likelihood at one of the line search's points for that sample
        double value = LogConcaveIntegral.log(0.5529578334053304, 8.73235167539759E97, 7.536731302029385E98, 0, 0,
                Math.log(40.0), Double.POSITIVE_INFINITY, new double[4]);
        assertTrue(Double.isNaN(value), "the integral of an unresolvable integrand is refused: " + value);
    }

    @Test
    void aSampleWhoseDropoutRunsOffIsRefusedByNameWithinSeconds() {
        double[][] cdnow = Datasets.cdnowWithSpend();
        int customers = cdnow[0].length;
        Random random = new Random(44);
        int size = 400;
        double[] x = new double[size];
        double[] tx = new double[size];
        double[] t = new double[size];
        double[] spend = new double[size];
        for (int i = 0; i < size; i++) {
            int row = random.nextInt(customers);
            x[i] = cdnow[1][row];
            tx[i] = cdnow[2][row];
            t[i] = cdnow[3][row];
            spend[i] = cdnow[4][row];
        }
        CustomerSummaries sample = CustomerSummaries.withMonetaryValue(x, tx, t, spend);
        ConvergenceException refused = assertThrows(ConvergenceException.class, () -> ParetoNbdModel.fit(sample));
        assertTrue(refused.getMessage().contains("parameter s ran off to")
                && refused.getMessage().contains("parameter beta ran off to"), refused.getMessage());
    }
}
