package io.crmkit.benchmarks;

import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.CustomerSummaries;
import java.util.SplittableRandom;

/**
 * Customers simulated with the library's seeded BG/NBD simulator at the paper's CDNOW estimates
 * (r 0.243, α 4.414, a 0.793, b 2.426; Fader, Hardie &amp; Lee 2005): observed to the end of week 52,
 * first purchases spread uniformly over the first 26 weeks, and every time rounded down to whole
 * days, as summaries built from a daily transaction log are.
 */
final class Simulated {

    static final BetaGeoModel PAPER = BetaGeoModel.of(0.243, 4.414, 0.793, 2.426);

    private Simulated() {
    }

    /**
     * @param customers how many
     * @param seed the random seed
     * @return the simulated summaries on a daily grid, in weeks
     */
    static CustomerSummaries customers(int customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++) {
            int birthDay = random.nextInt(26 * 7);
            ages[i] = (52 * 7 - birthDay) / 7.0;
        }
        CustomerSummaries raw = PAPER.simulate(ages, seed + 1);
        double[] x = raw.frequencies();
        double[] tx = raw.recencies();
        for (int i = 0; i < customers; i++) {
            tx[i] = Math.floor(tx[i] * 7) / 7.0;
        }
        return CustomerSummaries.of(x, tx, ages);
    }
}
