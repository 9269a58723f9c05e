package io.crmkit.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Spark against the single JVM on a seeded simulated log: {@value #CUSTOMERS} customers (about
 * 730,000 purchases), each buying at a Gamma-distributed
 * rate until a Beta-distributed dropout after some purchase, first purchases spread over
 * 1997-01-01 to 1998-06-30 (some on the as-of date itself), purchases running on to 1998-12-31
 * (so that the as-of rule must cut them), one basket in ten booked as two rows on one day, rows
 * shuffled.
 */
class SimulatedLogParityTest extends ParityCheck {

    static final int CUSTOMERS = 200_000;
    static final long SEED = 20261129L;

    @Override
    List<String[]> rows() {
        SplittableRandom random = new SplittableRandom(SEED);
        long start = LocalDate.of(1997, 1, 1).toEpochDay();
        long asOf = asOf().toEpochDay();
        long end = LocalDate.of(1998, 12, 31).toEpochDay();
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String id = String.format("s%06d", c);
            double rate = gamma(random, 0.8) * 0.03; // purchases per day
            double dropout = random.nextDouble() * 0.6;
            long day = start + random.nextLong(asOf - start + 1);
            while (day <= end) {
                rows.add(row(id, day, random));
                if (random.nextDouble() < 0.1) {
                    rows.add(row(id, day, random));
                }
                if (random.nextDouble() < dropout) {
                    break;
                }
                day += 1 + (long) (-Math.log(1 - random.nextDouble()) / rate);
            }
        }
        Collections.shuffle(rows, new Random(SEED));
        return rows;
    }

    private static String[] row(String id, long day, SplittableRandom random) {
        long cents = 100 + (long) (Math.exp(3 + 0.6 * gaussian(random)) * 100);
        return new String[] {id, LocalDate.ofEpochDay(day).toString(), cents / 100 + "." + String.format("%02d", cents % 100)};
    }

    /** A Gamma(shape, 1) draw by Marsaglia and Tsang (2000), boosted for shapes below 1. */
    private static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    @Override
    LocalDate asOf() {
        return LocalDate.of(1998, 6, 30);
    }
}
