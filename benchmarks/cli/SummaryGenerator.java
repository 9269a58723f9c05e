import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a seeded customer summary {@code customer_id,frequency,recency,T,monetary_value} (weeks, as
 * {@code crm clv summarize --unit weeks} writes it) for the {@code crm clv fit} benchmark at sizes
 * no transaction log on this machine reaches: run as
 * {@code java SummaryGenerator.java CUSTOMERS FILE [SEED]}. Every customer follows the story of
 * {@code TransactionLogGenerator} (first purchase in the first 12 weeks of 1997, exponential gaps
 * of at least a day at a rate from Gamma(2, mean 1/15 per day), drop-out after each purchase with a
 * probability from Beta(1, 3), log-normal amounts with cents) observed until 1998-06-30, and is
 * summarised with lifetimes' definitions: frequency the repeat purchases, recency and T from the
 * first purchase in weeks (days / 7), monetary_value the mean repeat amount (0 without repeats).
 * Numbers are written as crm writes them (shortest text, no trailing ".0").
 */
public final class SummaryGenerator {

    public static void main(String[] args) throws IOException {
        int customers = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261130L;
        SplittableRandom random = new SplittableRandom(seed);
        int asOf = 545; // 1998-06-30, counted in days from 1997-01-01
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,frequency,recency,T,monetary_value\n");
            StringBuilder line = new StringBuilder(96);
            for (int customer = 1; customer <= customers; customer++) {
                int first = random.nextInt(84);
                double rate = (-Math.log(1 - random.nextDouble()) - Math.log(1 - random.nextDouble())) / 30;
                double dropout = 1 - Math.pow(random.nextDouble(), 1.0 / 3);
                int day = first;
                int last = first;
                int repeats = -1;
                long repeatCents = 0;
                while (day <= asOf) {
                    long cents = Math.max(1, Math.round(Math.exp(3.3 + 0.8 * random.nextGaussian()) * 100));
                    repeats++;
                    if (repeats > 0) {
                        repeatCents += cents;
                    }
                    last = day;
                    if (random.nextDouble() < dropout) {
                        break;
                    }
                    day += 1 + (int) (-Math.log(1 - random.nextDouble()) / rate);
                }
                line.setLength(0);
                line.append('C').append(customer).append(',').append(repeats).append(',')
                        .append(number((last - first) / 7.0)).append(',').append(number((asOf - first) / 7.0))
                        .append(',').append(number(repeats == 0 ? 0 : repeatCents / 100.0 / repeats)).append('\n');
                out.append(line);
            }
        }
        System.out.println(file + ": " + customers + " customers");
    }

    /** Double.toString without a trailing ".0" (every value here lies between 1e-3 and 1e7). */
    private static String number(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
