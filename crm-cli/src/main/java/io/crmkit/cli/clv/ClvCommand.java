package io.crmkit.cli.clv;

import io.crmkit.cli.format.Csv;
import io.crmkit.cli.format.SummaryCsv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.CustomerSummarizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm clv}: fit the "buy till you die" models, predict with them, and summarise purchase logs. */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = "Probabilistic customer lifetime value: BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, Gamma-Gamma.",
        subcommands = {ClvCommand.Fit.class, ClvCommand.Predict.class, ClvCommand.Summarize.class})
public final class ClvCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Plain decimal text of a number, no exponent, shortest round-trip digits. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String checkModel(CommandSpec spec, String model) {
        String name = model.toLowerCase(Locale.ROOT);
        if (!ModelRegistry.NAMES.contains(name)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown model '" + model
                    + "': choose one of " + String.join(", ", ModelRegistry.NAMES));
        }
        return name;
    }

    static void checkPenalizer(CommandSpec spec, double penalizer) {
        if (!(penalizer >= 0) || !Double.isFinite(penalizer)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "penalizer " + penalizer + " is invalid: it must be finite and >= 0");
        }
    }

    /** {@code crm clv fit}: one JSON object with the estimates. */
    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = "Fit a model by maximum likelihood; prints {\"model\", \"params\", \"logLikelihood\", "
                    + "\"customers\", \"standardErrors\", \"iterations\", ...} as JSON.")
    static final class Fit implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, description = "bgnbd, pareto, mbgnbd, bgbb or gammagamma")
        String model;

        @Option(names = "--input", required = true,
                description = "CSV with frequency,recency,T (bgbb: periods; gammagamma: + monetary_value), optional weight")
        Path input;

        @Option(names = "--penalizer", defaultValue = "0", description = "L2 penalizer, as lifetimes' penalizer_coef")
        double penalizer;

        @Override
        public void run() {
            String name = checkModel(spec, model);
            checkPenalizer(spec, penalizer);
            SummaryCsv data = SummaryCsv.read(input, ModelRegistry.discrete(name), ModelRegistry.needsMonetaryValue(name));
            ModelRegistry.Fitted fitted = ModelRegistry.fit(name, data.summaries(), penalizer);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json(fitted));
            out.flush();
        }

        static String json(ModelRegistry.Fitted fitted) {
            ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("model", fitted.model());
            ObjectNode params = root.putObject("params");
            fitted.params().forEach(params::put);
            root.put("logLikelihood", fitted.diagnostics().logLikelihood());
            double customers = fitted.diagnostics().customers();
            if (customers == Math.rint(customers) && customers < Long.MAX_VALUE) {
                root.put("customers", (long) customers);
            } else {
                root.put("customers", customers);
            }
            ObjectNode errors = root.putObject("standardErrors");
            fitted.diagnostics().standardErrors().forEach(errors::put);
            root.put("iterations", fitted.diagnostics().iterations());
            root.put("gradientNorm", fitted.diagnostics().gradientNorm());
            root.put("penalizer", fitted.diagnostics().penalizer());
            if (!fitted.warnings().isEmpty()) {
                ArrayNode warnings = root.putArray("warnings");
                fitted.warnings().forEach(warnings::add);
            }
            try {
                return mapper.writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code crm clv predict}: the input CSV with prediction columns appended. */
    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Fit a model on the input, then append expected_purchases (over --horizon) and p_alive "
                    + "to every row (gammagamma: expected_average_spend).")
    static final class Predict implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, description = "bgnbd, pareto, mbgnbd, bgbb or gammagamma")
        String model;

        @Option(names = "--input", required = true, description = "CSV as for `crm clv fit`; other columns are kept")
        Path input;

        @Option(names = "--horizon", required = true,
                description = "how far ahead, in the data's time unit (bgbb: number of opportunities)")
        double horizon;

        @Option(names = "--penalizer", defaultValue = "0", description = "L2 penalizer used when fitting")
        double penalizer;

        @Override
        public void run() {
            String name = checkModel(spec, model);
            checkPenalizer(spec, penalizer);
            if (!(horizon >= 0) || !Double.isFinite(horizon)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "horizon " + horizon + " is invalid: it must be finite and >= 0");
            }
            SummaryCsv data = SummaryCsv.read(input, ModelRegistry.discrete(name), ModelRegistry.needsMonetaryValue(name));
            ModelRegistry.Fitted fitted = ModelRegistry.fit(name, data.summaries(), penalizer);
            double[][] columns = fitted.predictor().predict(data, horizon);
            List<String> header = new ArrayList<>(data.header);
            header.addAll(fitted.predictionColumns());
            PrintWriter out = spec.commandLine().getOut();
            try (CSVPrinter printer = Csv.printer(out)) {
                printer.printRecord(header);
                for (int row = 0; row < data.size(); row++) {
                    List<String> record = new ArrayList<>(data.cells.get(row));
                    for (double[] column : columns) {
                        record.add(number(column[row]));
                    }
                    printer.printRecord(record);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
        }
    }

    /** The time units of {@code crm clv summarize}. */
    enum Unit {
        days(Duration.ofDays(1)), weeks(Duration.ofDays(7));

        final Duration duration;

        Unit(Duration duration) {
            this.duration = duration;
        }
    }

    /** {@code crm clv summarize}: a transaction log to per-customer frequency, recency, T, monetary value. */
    @Command(name = "summarize", mixinStandardHelpOptions = true,
            description = "Summarise a transaction log (customer_id,date,amount) as of a date into "
                    + "customer_id,frequency,recency,T,monetary_value, with the definitions of lifetimes: "
                    + "purchases on one day count once, the first purchase is not a repeat purchase.")
    static final class Summarize implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--input", required = true,
                description = "CSV customer_id,date,amount (aliases: id; datetime; monetary_value); amount optional")
        Path input;

        @Option(names = "--as-of", required = true, description = "last day of observation, yyyy-MM-dd")
        LocalDate asOf;

        @Option(names = "--unit", defaultValue = "days", description = "unit of recency and T: days or weeks "
                + "(weeks = days / 7, the CDNOW convention)")
        Unit unit;

        @Override
        public void run() {
            Log log = Log.read(input);
            CustomerSummarizer.IndexedSummaries result = CustomerSummarizer.asOf(asOf).inUnitsOf(unit.duration)
                    .summarizeEpochDays(log.customer, log.day, log.amount);
            PrintWriter out = spec.commandLine().getOut();
            CustomerSummaries s = result.summaries();
            try (CSVPrinter printer = Csv.printer(out)) {
                printer.printRecord("customer_id", "frequency", "recency", "T", "monetary_value");
                for (int row = 0; row < result.size(); row++) {
                    printer.printRecord(log.ids.get(result.customerIndex(row)), (long) s.frequency(row),
                            number(s.recency(row)), number(s.age(row)), number(s.monetaryValue(row)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
        }
    }

    /** A transaction log read from CSV into columns. */
    static final class Log {
        final List<String> ids = new ArrayList<>();
        int[] customer;
        int[] day;
        double[] amount;

        static Log read(Path path) {
            String file = path.getFileName().toString();
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                    CSVParser parser = SummaryCsv.INPUT_FORMAT.parse(in)) {
                List<String> header = parser.getHeaderNames();
                int id = column(file, header, true, "customer_id", "id", "customer");
                int date = column(file, header, true, "date", "datetime", "time");
                int value = column(file, header, false, "amount", "monetary_value", "value");
                return parse(file, parser, header.size(), id, date, value);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException(file + ": no such file");
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalArgumentException(file + ": cannot read CSV: " + e.getMessage());
            }
        }

        /** Reads the records one by one into growing primitive columns: no object per row is kept. */
        private static Log parse(String file, CSVParser parser, int fields, int id, int date, int value) {
            Log log = new Log();
            int capacity = 1024;
            log.customer = new int[capacity];
            log.day = new int[capacity];
            log.amount = value >= 0 ? new double[capacity] : null;
            Map<String, Integer> index = new HashMap<>();
            int n = 0;
            for (CSVRecord r : parser) {
                if (SummaryCsv.blank(r)) {
                    continue;
                }
                long line = r.getRecordNumber() + 1;
                SummaryCsv.require(r.size() == fields, file, line,
                        "has " + r.size() + " fields but the header has " + fields);
                if (n == capacity) {
                    capacity *= 2;
                    log.customer = Arrays.copyOf(log.customer, capacity);
                    log.day = Arrays.copyOf(log.day, capacity);
                    log.amount = log.amount == null ? null : Arrays.copyOf(log.amount, capacity);
                }
                String customer = r.get(id);
                SummaryCsv.require(!customer.isBlank(), file, line, "customer_id is blank");
                Integer c = index.get(customer);
                if (c == null) {
                    c = log.ids.size();
                    index.put(customer, c);
                    log.ids.add(customer);
                }
                log.customer[n] = c;
                log.day[n] = day(file, line, r.get(date));
                if (value >= 0) {
                    log.amount[n] = amount(file, line, r.get(value));
                }
                n++;
            }
            log.customer = Arrays.copyOf(log.customer, n);
            log.day = Arrays.copyOf(log.day, n);
            log.amount = log.amount == null ? null : Arrays.copyOf(log.amount, n);
            return log;
        }

        private static double amount(String file, long line, String text) {
            double amount;
            try {
                amount = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + line + ": amount '" + text + "' is not a number");
            }
            SummaryCsv.require(Double.isFinite(amount) && amount >= 0, file, line,
                    "amount '" + text + "' is invalid: it must be a finite number >= 0");
            return amount;
        }

        /** The calendar day of {@code yyyy-MM-dd}, optionally followed by a time ({@code ' '} or {@code 'T'}). */
        private static int day(String file, long line, String text) {
            String date = text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 'T')
                    ? text.substring(0, 10) : text;
            try {
                return Math.toIntExact(LocalDate.parse(date).toEpochDay());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(file + " line " + line + ": date '" + text
                        + "' is not a date (yyyy-MM-dd)");
            }
        }

        private static int column(String file, List<String> header, boolean required, String... names) {
            for (String name : names) {
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).strip().equalsIgnoreCase(name)) {
                        return i;
                    }
                }
            }
            if (required) {
                throw new IllegalArgumentException(file + " line 1: header " + header + " has no column '" + names[0]
                        + "'");
            }
            return -1;
        }
    }
}
