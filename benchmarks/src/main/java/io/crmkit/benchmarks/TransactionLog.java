package io.crmkit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A seeded transaction log in columns, the same one in memory ({@link LifetimeValueBenchmark}) and
 * as CSV ({@code benchmarks/clv-value.sh} writes it with {@link #main}). Customers follow a
 * BG/NBD-like story over 78 weeks from 1997-01-01 to 1998-06-30: the first purchase falls in the
 * first 12 weeks, later ones come at exponential gaps with a rate drawn from Gamma(2, mean 1/17.5 per
 * day) until the customer drops out (probability from Beta(1, 6) after each purchase) or the 78
 * weeks end; amounts are log-normal with cents. Customers are generated until the log has the
 * asked number of rows; with these rates 10,000,000 rows hold about 1,000,000 customers. Rows are
 * grouped by customer, dates ascending, as exports from order systems usually are.
 */
final class TransactionLog {

    /** The first day of the log. */
    static final LocalDate START = LocalDate.of(1997, 1, 1);
    /** The last day of the log, the as-of date of the summaries. */
    static final LocalDate END = START.plusDays(7 * 78 - 1);

    final int[] customer;
    final int[] epochDay;
    final double[] amount;
    final int customers;

    private TransactionLog(int[] customer, int[] epochDay, double[] amount, int customers) {
        this.customer = customer;
        this.epochDay = epochDay;
        this.amount = amount;
        this.customers = customers;
    }

    /**
     * @param rows how many transactions
     * @param seed the random seed; the same seed gives the same log
     * @return the log, customers numbered from 0
     */
    static TransactionLog generate(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int start = (int) START.toEpochDay();
        int span = 7 * 78;
        int[] customer = new int[rows];
        int[] day = new int[rows];
        double[] amount = new double[rows];
        int written = 0;
        int id = -1;
        while (written < rows) {
            id++;
            int d = random.nextInt(84);
            double rate = (-Math.log(1 - random.nextDouble()) - Math.log(1 - random.nextDouble())) / 35;
            double dropout = 1 - Math.pow(random.nextDouble(), 1.0 / 6);
            while (written < rows && d < span) {
                long cents = Math.max(1, Math.round(Math.exp(3.3 + 0.8 * random.nextGaussian()) * 100));
                customer[written] = id;
                day[written] = start + d;
                amount[written] = cents / 100.0;
                written++;
                if (random.nextDouble() < dropout) {
                    break;
                }
                d += 1 + (int) (-Math.log(1 - random.nextDouble()) / rate);
            }
        }
        return new TransactionLog(customer, day, amount, id + 1);
    }

    /**
     * Writes the log as CSV {@code customer_id,date,amount} (ids {@code C0000001} …, ISO dates,
     * amounts with two decimals).
     *
     * @param args ROWS FILE [SEED] (default seed 20261129)
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261129L;
        TransactionLog log = generate(rows, seed);
        String[] dates = new String[7 * 78];
        for (int d = 0; d < dates.length; d++) {
            dates[d] = START.plusDays(d).toString();
        }
        int start = (int) START.toEpochDay();
        StringBuilder line = new StringBuilder(40);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,date,amount\n");
            for (int i = 0; i < rows; i++) {
                long cents = Math.round(log.amount[i] * 100);
                line.setLength(0);
                line.append('C');
                String id = Integer.toString(log.customer[i] + 1);
                for (int pad = id.length(); pad < 7; pad++) {
                    line.append('0');
                }
                line.append(id).append(',').append(dates[log.epochDay[i] - start]).append(',')
                        .append(cents / 100).append('.').append(cents % 100 < 10 ? "0" : "").append(cents % 100)
                        .append('\n');
                out.append(line);
            }
        }
        System.out.println(file + ": " + rows + " rows, " + log.customers + " customers, " + START + " to " + END);
    }
}
