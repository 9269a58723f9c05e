package io.crmkit.cli.rfm;

import io.crmkit.cli.format.Csv;

import io.crmkit.core.money.Money;
import io.crmkit.core.purchase.Purchase;
import io.crmkit.scoring.rfm.RfmScore;
import io.crmkit.scoring.rfm.RfmScorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm rfm}: recency, frequency, monetary scores and segments from a transaction log. */
@Command(name = "rfm", mixinStandardHelpOptions = true,
        description = {"Scores customers by recency, frequency and monetary value (quintiles, ties never split) and names their segment.",
            "Input: CSV customer_id,date,amount (date yyyy-MM-dd); purchases after the as-of date are left out.",
            "Output: CSV customer_id,recency_days,frequency,monetary,r,f,m,segment."})
public final class RfmCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "transactions CSV: customer_id,date,amount")
    Path input;

    @Option(names = "--as-of", required = true, description = "the date recency is measured to (yyyy-MM-dd)")
    LocalDate asOf;

    @Option(names = "--monetary", defaultValue = "SUM", description = "sum or mean of the amounts (default: ${DEFAULT-VALUE})")
    RfmScorer.Monetary monetary;

    @Option(names = "--currency", defaultValue = "USD", description = "ISO currency of the amounts (default: ${DEFAULT-VALUE})")
    String currency;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String name = input.getFileName().toString();
        List<Purchase> purchases;
        try (Reader in = Csv.open(input)) {
            purchases = Csv.readTransactions(in, name, Money.currency(currency), asOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RfmScore> scores = RfmScorer.builder().monetary(monetary).build().score(purchases, asOf);
        write(scores, spec.commandLine().getOut());
        return 0;
    }

    static void write(List<RfmScore> scores, PrintWriter out) {
        try {
            CSVPrinter csv = Csv.printer(out);
            csv.printRecord("customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "segment");
            for (RfmScore s : scores) {
                csv.printRecord(s.customer(), s.recencyDays(), s.frequency(), s.monetary().amount().toPlainString(),
                        s.r(), s.f(), s.m(), s.segment());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
