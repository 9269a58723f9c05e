package io.crmkit.cli.clv;

import io.crmkit.cli.format.CsvRows;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.LogSummary;
import io.crmkit.cli.format.OrderedBlocks;

import io.crmkit.scoring.clv.ClvModel;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.LifetimeValue;
import io.crmkit.scoring.clv.LifetimeValueTable;
import io.crmkit.scoring.clv.TransactionModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm clv value}: each customer's lifetime value in money from a transaction log, in one go. */
@Command(name = "value", mixinStandardHelpOptions = true,
        description = {"Summarise a transaction log (customer_id,date,amount) as of a date, fit a purchase model and "
                + "Gamma-Gamma, and print customer_id,frequency,recency,T,monetary_value,expected_purchases,p_alive,"
                + "expected_spend,clv; the fitted models and the totals go to stderr.",
                "Discounting follows lifetimes' customer_lifetime_value: the horizon is cut into monthly steps "
                + "(30 days or 4.345 weeks a month), the purchases expected in month i are valued at the expected "
                + "spend (the margin is the spend) and discounted by (1 + monthly discount)^i. Customers without "
                + "repeat purchases get the population mean spend, as in the Gamma-Gamma model. expected_purchases "
                + "is over the whole horizon."})
final class ValueCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    LogDialectOptions dialect;

    @Option(names = "--input", required = true,
            description = "CSV customer_id,date,amount (aliases: id; datetime; monetary_value)")
    Path input;

    @Option(names = "--as-of", required = true, description = "last day of observation, yyyy-MM-dd")
    LocalDate asOf;

    @Option(names = "--model", defaultValue = "bgnbd", description = "purchase model: bgnbd, pareto or mbgnbd "
            + "(default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--horizon-months", defaultValue = "12", description = "months ahead, 1 to 1200 (default "
            + "${DEFAULT-VALUE})")
    int months;

    @Option(names = "--monthly-discount", defaultValue = "0.01", description = "discount rate a month, > -1 "
            + "(default ${DEFAULT-VALUE}, about 12.7%% a year)")
    double discount;

    @Option(names = "--unit", defaultValue = "days", description = "unit of recency and T: days or weeks "
            + "(default ${DEFAULT-VALUE}); a month is 30 days or 4.345 weeks")
    ClvCommand.Unit unit;

    @Option(names = "--penalizer", defaultValue = "0", description = "L2 penalizer of both fits, as lifetimes' "
            + "penalizer_coef, 0 to 10000 (default ${DEFAULT-VALUE})")
    double penalizer;

    @Override
    public void run() {
        ClvModels.Model kind = ClvCommand.transactionModel(spec, model);
        ClvCommand.checkPenalizer(spec, penalizer);
        if (months < 1 || months > LifetimeValue.MAX_MONTHS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--horizon-months " + months
                    + " is invalid: it must be 1 to " + LifetimeValue.MAX_MONTHS + " (a century)");
        }
        if (!Double.isFinite(discount) || !(discount > -1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "monthly discount " + discount + " is invalid: it must be finite and > -1");
        }
        // per-customer accumulators while reading: memory follows the customers, not the transactions
        LogSummary indexed = SummarizedLog.read(spec, input, true, dialect.dialect(spec), asOf, unit, false);
        CustomerSummaries data = indexed.summaries();
        TransactionModel purchases;
        GammaGammaModel spend;
        LifetimeValueTable table;
        try {
            purchases = (TransactionModel) kind.fit(data, penalizer);
            spend = GammaGammaModel.fit(data, penalizer);
            table = LifetimeValue.of(purchases, spend).overMonths(months).withMonthlyDiscountRate(discount)
                    .withTimeUnitsPerMonth(unit.perMonth).table(data);
        } catch (IllegalArgumentException e) {
            throw e instanceof InputException known ? known : new InputException(indexed.file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        CsvRows.to(out).row("customer_id", "frequency", "recency", "T", "monetary_value", "expected_purchases",
                "p_alive", "expected_spend", "clv").flush();
        // rows formatted in blocks on every core, written in order
        OrderedBlocks.write(indexed.size(), (from, to, text) -> {
            CsvRows rows = CsvRows.into(text);
            for (int row = from; row < to; row++) {
                rows.text(indexed.customers.id(indexed.customerIndex(row)))
                        .integer((long) data.frequency(row))
                        .number(data.recency(row))
                        .number(data.age(row))
                        .number(data.monetaryValue(row))
                        .number(table.expectedPurchases(row))
                        .number(table.probabilityAlive(row))
                        .number(table.expectedSpend(row))
                        .number(table.value(row))
                        .endRow();
            }
        }, out);
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        String command = spec.qualifiedName();
        err.println(command + ": " + describe(kind.title(), purchases) + "; " + describe("Gamma-Gamma", spend));
        for (String warning : purchases.warnings()) {
            err.println(command + ": warning: " + kind.title() + ": " + warning);
        }
        for (String warning : spend.warnings()) {
            err.println(command + ": warning: Gamma-Gamma: " + warning);
        }
        err.println(String.format(Locale.ROOT, "%s: %d customers, total value %.2f over %d months at %s a month "
                + "(%s a month); top decile %.1f%% of it", command, table.size(), table.total(), months,
                ClvCommand.number(discount), unit == ClvCommand.Unit.weeks ? "4.345 weeks" : "30 days",
                100 * table.topDecileShare()));
        err.flush();
    }

    private static String describe(String title, ClvModel model) {
        String params = model.parameters().entrySet().stream()
                .map((Map.Entry<String, Double> e) -> e.getKey() + " " + String.format(Locale.ROOT, "%.4g", e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s %s (log-likelihood %.2f, %s customers)", title, params,
                model.diagnostics().logLikelihood(), ClvCommand.number(model.diagnostics().customers()));
    }
}
