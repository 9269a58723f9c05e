import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a seeded transaction log {@code customer_id,date,amount} for the command-line benchmark:
 * run as {@code java TransactionLogGenerator.java ROWS FILE [SEED]}. Customers follow a BG/NBD-like
 * story: the first purchase falls in the first 12 weeks of 1997, then purchases come at
 * exponential gaps with a rate drawn from Gamma(2, mean 1/15 per day) until the customer drops
 * out (probability from Beta(1, 3) after each purchase) or 78 weeks end; amounts are log-normal
 * with cents. Rows are grouped by customer, dates ascending, as exports from order systems
 * usually are.
 */
public final class TransactionLogGenerator {

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        Path file = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261129L;
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate start = LocalDate.of(1997, 1, 1);
        int span = 7 * 78;
        long written = 0;
        int customer = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,date,amount\n");
            while (written < rows) {
                customer++;
                String id = String.format("C%07d", customer);
                int day = random.nextInt(84);
                // BG/NBD-like: a purchase rate from Gamma(2, mean 1/15 per day), a drop-out
                // probability after each purchase from Beta(1, 3)
                double rate = (-Math.log(1 - random.nextDouble()) - Math.log(1 - random.nextDouble())) / 30;
                double dropout = 1 - Math.pow(random.nextDouble(), 1.0 / 3);
                while (written < rows && day < span) {
                    long cents = Math.max(1, Math.round(Math.exp(3.3 + 0.8 * random.nextGaussian()) * 100));
                    out.write(id);
                    out.write(',');
                    out.write(start.plusDays(day).toString());
                    out.write(',');
                    out.write(Long.toString(cents / 100));
                    out.write('.');
                    long c = cents % 100;
                    out.write(c < 10 ? "0" + c : Long.toString(c));
                    out.write('\n');
                    written++;
                    if (random.nextDouble() < dropout) {
                        break;
                    }
                    day += 1 + (int) (-Math.log(1 - random.nextDouble()) / rate);
                }
            }
        }
        System.out.println(file + ": " + written + " rows, " + customer + " customers");
    }
}
