package io.crmkit.cli.clv;

import io.crmkit.cli.db.StoreOptions;
import io.crmkit.cli.format.ClvModelJson;
import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.CsvRows;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.JsonText;
import io.crmkit.cli.format.LogSummary;
import io.crmkit.cli.format.OrderedBlocks;
import io.crmkit.cli.format.SummaryCsv;
import io.crmkit.cli.format.SurvivorsCsv;
import io.crmkit.cli.format.Values;

import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.clv.ClvModel;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CovariateModel;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.FitDiagnostics;
import io.crmkit.scoring.clv.LifetimeValue;
import io.crmkit.scoring.clv.ParameterUncertainty;
import io.crmkit.scoring.clv.PurchaseModel;
import io.crmkit.scoring.clv.TransactionModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm clv}: fit the "buy till you die" models, predict with them, and summarise purchase logs. */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = "Probabilistic customer lifetime value: BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, Gamma-Gamma, sBG.",
        subcommands = {ClvCommand.Fit.class, ClvCommand.Predict.class, ClvCommand.Summarize.class, ValueCommand.class,
                EvaluateCommand.class, PlotCommand.class})
public final class ClvCommand {

    /** The shortest text that reads back as the value (see {@link Values#format(double)}). */
    static String number(double value) {
        return Values.format(value);
    }

    static String checkModel(CommandSpec spec, String model) {
        String name = model.toLowerCase(Locale.ROOT);
        if (!ClvModels.names().contains(name)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown model '" + model
                    + "': choose one of " + String.join(", ", ClvModels.names()));
        }
        return name;
    }

    /**
     * The purchase models {@code value}, {@code evaluate} and {@code plot} work with: fitted from a
     * plain summary of the log, with conditional expectations ({@code TransactionModel}).
     */
    static final List<String> TRANSACTION_MODELS = List.of("bgnbd", "pareto", "mbgnbd");

    /**
     * The registry entry of a model those commands can use.
     *
     * @throws CommandLine.ParameterException (exit 2) for an unknown model or one they cannot use
     */
    static ClvModels.Model transactionModel(CommandSpec spec, String model) {
        String name = checkModel(spec, model);
        if (!TRANSACTION_MODELS.contains(name)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "model '" + model
                    + "' is not a continuous-time purchase model: choose one of " + String.join(", ", TRANSACTION_MODELS));
        }
        return ClvModels.named(name);
    }

    /** Reads the input table with the columns the model needs (periods for BG/BB, monetary_value for spend). */
    static SummaryCsv read(Path input, ClvModels.Model kind) {
        return SummaryCsv.read(input, kind.input() == ClvModels.Input.OPPORTUNITIES,
                kind.input() == ClvModels.Input.SPEND);
    }

    static CsvInput.Schema schema(ClvModels.Model kind) {
        return SummaryCsv.schema(kind.input() == ClvModels.Input.OPPORTUNITIES, kind.input() == ClvModels.Input.SPEND);
    }

    /** The rule of --penalizer and --regularization, as messages and help state it. */
    static final String PENALIZER_RULE = "must be 0 to " + (long) ClvModels.MAX_PENALIZER + " (a larger L2 penalty "
            + "outweighs the data by orders of magnitude and cannot be fitted reliably)";

    /** Refuses (exit 2) a penalizer outside 0 to {@link ClvModels#MAX_PENALIZER}, the library's range. */
    static void checkPenalizer(CommandSpec spec, double penalizer) {
        checkPenalty(spec, "--penalizer", penalizer);
    }

    /** Refuses (exit 2) an L2 penalty option outside 0 to {@link ClvModels#MAX_PENALIZER}. */
    static void checkPenalty(CommandSpec spec, String option, double penalty) {
        if (!(penalty >= 0 && penalty <= ClvModels.MAX_PENALIZER)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    new io.crmkit.cli.OptionException(option, penalty, PENALIZER_RULE).getMessage());
        }
    }

    /** {@code crm clv fit}: one JSON object with the estimates. */
    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = "Fit a model by maximum likelihood; prints {\"model\", \"params\", \"logLikelihood\", "
                    + "\"customers\", \"standardErrors\", \"iterations\", ...} as JSON.")
    static final class Fit implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true,
                description = "bgnbd, pareto, mbgnbd, bgbb, gammagamma, sbg, ggomnbd, bgcnbd or mbgcnbd")
        String model;

        @Option(names = "--input", required = true,
                description = "CSV with frequency,recency,T (bgbb: periods; gammagamma: + monetary_value; bgcnbd, mbgcnbd:"
                        + " + litt), optional weight; sbg: period,alive (a cohort's customers still active after each period)")
        Path input;

        @Option(names = "--penalizer", defaultValue = "0", description = "L2 penalizer, as lifetimes' penalizer_coef, "
                + "0 to 10000 (without --covariates)")
        double penalizer;

        @Option(names = "--save", paramLabel = "model.json",
                description = "also save the fitted model (parameters, time unit, fit) for `crm clv predict --model-file`")
        Path save;

        @Option(names = "--store-as", paramLabel = "NAME",
                description = "also keep the fitted model in the store (--db) under NAME for `crm clv predict "
                        + "--stored-model`")
        String storeAs;

        @Mixin
        StoreOptions store;

        @Option(names = "--unit", description = "time unit of recency and T recorded in the saved model: days or "
                + "weeks (continuous-time models; default days)")
        Unit unit;

        @Mixin
        CovariateOptions withCovariates = new CovariateOptions();

        @Override
        public void run() {
            String name = checkModel(spec, model);
            checkPenalizer(spec, penalizer);
            ClvModels.Model kind = ClvModels.named(name);
            withCovariates.check(spec, kind, null);
            withCovariates.checkPenalizer(spec, penalizer);
            if (storeAs != null) {
                StoredModels.checkName(spec, storeAs);
            }
            io.crmkit.cli.format.OutputFiles.check(java.util.Map.of("--input", input),
                    save == null ? java.util.Map.of() : java.util.Map.of("--save", save));
            String timeUnit = savedUnit(kind);
            String source;
            ClvModel fitted;
            if (kind.input() == ClvModels.Input.SURVIVORS) {
                SurvivorsCsv cohort = SurvivorsCsv.read(input);
                source = cohort.file;
                try {
                    fitted = kind.fit(cohort.summaries(), penalizer);
                } catch (IllegalArgumentException e) {
                    throw cohort.refusal(e);
                }
            } else {
                SummaryCsv data = read(input, kind);
                source = data.file;
                if (withCovariates.given()) {
                    fitted = withCovariates.fit(input, data, kind);
                } else {
                    try {
                        fitted = kind.fit(data.summaries(), penalizer);
                    } catch (IllegalArgumentException e) {
                        throw data.refusal(e);
                    }
                }
            }
            if (save != null) {
                String json = ClvModelJson.write(ClvModelJson.Saved.of(fitted, timeUnit, source));
                io.crmkit.cli.format.OutputFiles.write(save, out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
            }
            if (storeAs != null) {
                StoredModels.save(store, storeAs, ClvModelJson.Saved.of(fitted, timeUnit, source), Clock.systemUTC());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(json(fitted));
            out.flush();
        }

        /** The time unit recorded for a kind: only the continuous-time models take --unit. */
        private String savedUnit(ClvModels.Model kind) {
            List<String> units = ClvModelJson.timeUnits(kind);
            if (unit == null) {
                return units.get(0);
            }
            if (!units.contains(unit.name())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--unit " + unit + " does not apply to "
                        + kind.name() + ": its time is counted in " + units.get(0));
            }
            return unit.name();
        }

        /** The printed JSON object, one line (jackson-core's generator: no mapper to build, see {@link JsonText}). */
        static String json(ClvModel fitted) {
            FitDiagnostics d = fitted.diagnostics();
            return JsonText.compact(json -> {
                json.writeStartObject();
                json.writeStringField("model", fitted.name());
                json.writeObjectFieldStart("params");
                for (var p : fitted.parameters().entrySet()) {
                    json.writeNumberField(p.getKey(), p.getValue());
                }
                json.writeEndObject();
                json.writeNumberField("logLikelihood", d.logLikelihood());
                double customers = d.customers();
                if (customers == Math.rint(customers) && customers < Long.MAX_VALUE) {
                    json.writeNumberField("customers", (long) customers);
                } else {
                    json.writeNumberField("customers", customers);
                }
                json.writeObjectFieldStart("standardErrors");
                for (var e : d.standardErrors().entrySet()) {
                    json.writeNumberField(e.getKey(), e.getValue());
                }
                json.writeEndObject();
                json.writeNumberField("iterations", d.iterations());
                json.writeNumberField("gradientNorm", d.gradientNorm());
                json.writeNumberField("penalizer", d.penalizer());
                if (!fitted.warnings().isEmpty()) {
                    json.writeArrayFieldStart("warnings");
                    for (String w : fitted.warnings()) {
                        json.writeString(w);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            });
        }
    }

    /** {@code crm clv predict}: the input CSV with prediction columns appended. */
    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Fit a model on the input (or read one saved by `crm clv fit --save`), then append "
                    + "expected_purchases (over --horizon) and p_alive to every row (gammagamma: "
                    + "expected_average_spend; sbg: the cohort's periods 0 to n + horizon with survival and retention).")
    static final class Predict implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--model",
                description = "bgnbd, pareto, mbgnbd, bgbb, gammagamma, sbg, ggomnbd, bgcnbd or mbgcnbd (or --model-file)")
        String model;

        @Option(names = "--model-file", paramLabel = "model.json",
                description = "a model saved by `crm clv fit --save`: predict with it, no refit")
        Path modelFile;

        @Option(names = "--stored-model", paramLabel = "NAME",
                description = "a model kept by `crm clv fit --store-as` in the store (--db): predict with it, no refit")
        String storedModel;

        @Mixin
        StoreOptions store;

        @Option(names = "--input", required = true, description = "CSV as for `crm clv fit`; other columns are kept")
        Path input;

        @Option(names = "--horizon", required = true,
                description = "how far ahead, in the data's time unit (bgbb: number of opportunities; sbg: periods)")
        double horizon;

        @Option(names = "--penalizer", defaultValue = "0", description = "L2 penalizer used when fitting, 0 to 10000 "
                + "(without --covariates)")
        double penalizer;

        @Option(names = "--discount", description = "continuous discount rate per time unit (15 %% a year in weeks:"
                + " 0.0027); appends dert, the discounted expected residual transactions (bgnbd, mbgnbd, pareto);"
                + " sbg: the rate per period (10 %%: 0.1), appends derl, the discounted expected residual lifetime")
        Double discount;

        @Option(names = "--intervals", description = "append 95 %% interval columns (_lower, _upper) to every"
                + " prediction: delta (the delta method, fast) or bootstrap (seeded parametric bootstrap; small data,"
                + " flat likelihoods); bgnbd, mbgnbd, pareto, ggomnbd, bgcnbd and mbgcnbd (k held fixed), bgbb, sbg")
        ParameterUncertainty.Method intervals;

        @Option(names = "--replications", defaultValue = "200", description = "bootstrap refits (default 200)")
        int replications;

        @Option(names = "--seed", defaultValue = "1", description = "seed of the bootstrap simulations")
        long seed;

        @Mixin
        CovariateOptions withCovariates = new CovariateOptions();

        @Override
        public void run() {
            if ((model == null ? 0 : 1) + (modelFile == null ? 0 : 1) + (storedModel == null ? 0 : 1) != 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --model (fit on "
                        + "the input), --model-file (a saved model) and --stored-model (a model in --db)");
            }
            checkPenalizer(spec, penalizer);
            if (discount != null && (!(discount > 0) || !Double.isFinite(discount))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "discount " + discount + " is invalid: it must be finite and > 0");
            }
            if (!(horizon >= 0) || !Double.isFinite(horizon)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "horizon " + horizon + " is invalid: it must be finite and >= 0");
            }
            if (model == null && spec.commandLine().getParseResult().hasMatchedOption("--penalizer")) {
                // a saved model was fitted with its own penalizer; nothing here refits it
                throw new CommandLine.ParameterException(spec.commandLine(), "--penalizer applies only to a fit "
                        + "(--model), not to a saved model (" + (modelFile != null ? "--model-file" : "--stored-model")
                        + "): it keeps the penalizer it was fitted with");
            }
            ClvModel saved = modelFile != null ? ClvModelJson.read(modelFile).model()
                    : storedModel != null ? StoredModels.load(store, storedModel).model() : null;
            String name = saved == null ? checkModel(spec, model) : saved.name();
            ClvModels.Model kind = ClvModels.named(name);
            withCovariates.check(spec, kind, saved);
            withCovariates.checkPenalizer(spec, penalizer);
            if (withCovariates.given() && (discount != null || intervals != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--discount and --intervals are not available with --covariates");
            }
            if (kind.input() == ClvModels.Input.SURVIVORS) {
                CohortProjection.print(spec, kind, saved, input, horizon, penalizer, discount, intervals, replications,
                        seed);
                return;
            }
            SummaryCsv data = read(input, kind);
            ClvModel fitted;
            ImmutableMap<String, double[]> predictions;
            try {
                // one copy of the columns, built as the file was read, for the fit and the predictions
                CustomerSummaries summaries = data.summaries();
                fitted = saved != null ? saved : withCovariates.given() ? withCovariates.fit(input, data, kind)
                        : kind.fit(summaries, penalizer);
                predictions = fitted instanceof CovariateModel perCustomer
                        ? withCovariates.predict(perCustomer, input, data, kind, horizon)
                        : kind.predict(fitted, summaries, horizon);
                if (discount != null) {
                    if (!(fitted instanceof TransactionModel purchases)) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "--discount is for bgnbd,"
                                + " mbgnbd and pareto, not " + name);
                    }
                    double[] dert = new double[data.size()];
                    for (int i = 0; i < dert.length; i++) {
                        try {
                            dert[i] = purchases.discountedExpectedResidualPurchases(discount, summaries.frequency(i),
                                    summaries.recency(i), summaries.age(i));
                        } catch (IllegalArgumentException e) {
                            throw data.refusal(new IllegalArgumentException(e.getMessage() + " at row " + i));
                        }
                    }
                    predictions = ImmutableMap.<String, double[]>builder().putAll(predictions).put("dert", dert)
                            .buildOrThrow();
                }
                if (intervals != null) {
                    predictions = withIntervals(fitted, data, predictions);
                }
            } catch (IllegalArgumentException e) {
                throw data.refusal(e);
            }
            // a second pass over the file carries its text through: memory stays at the numeric columns
            PrintWriter out = spec.commandLine().getOut();
            data.printWith(input, List.copyOf(predictions.keySet()), List.copyOf(predictions.values()), out);
            out.flush();
        }

        /** The predictions with a _lower and an _upper column after each. */
        private ImmutableMap<String, double[]> withIntervals(ClvModel fitted, SummaryCsv data,
                ImmutableMap<String, double[]> predictions) {
            if (replications < 20 || replications > 100_000) {
                throw new CommandLine.ParameterException(spec.commandLine(), "replications " + replications
                        + " is invalid: it must be 20 to 100000");
            }
            if (fitted instanceof io.crmkit.scoring.clv.BetaGeoBetaBinomModel bgbb) {
                return BgbbIntervals.append(bgbb, data, predictions, horizon, intervals, replications, seed);
            }
            if (!(fitted instanceof PurchaseModel purchases) || fitted instanceof CovariateModel) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--intervals is for bgnbd, mbgnbd,"
                        + " pareto, ggomnbd, bgcnbd, mbgcnbd, bgbb and sbg, not " + fitted.name());
            }
            ParameterUncertainty uncertainty = ParameterUncertainty.of(purchases, data.summaries())
                    .withBootstrap(replications, seed);
            ImmutableMap.Builder<String, double[]> out = ImmutableMap.builder();
            CustomerSummaries rows = data.summaries();
            for (var column : predictions.entrySet()) {
                double[] lower = new double[data.size()];
                double[] upper = new double[data.size()];
                for (int i = 0; i < lower.length; i++) {
                    double x = rows.frequency(i);
                    double tx = rows.recency(i);
                    double age = rows.age(i);
                    double estimate = column.getValue()[i];
                    ParameterUncertainty.Interval interval;
                    try {
                        // a value at the edge of its range in double precision (none expected, P(alive) 0 or 1)
                        // has no log or logit: it is its own interval
                        boolean alive = column.getKey().equals("p_alive");
                        if (estimate == 0 || alive && estimate == 1) {
                            interval = new ParameterUncertainty.Interval(estimate, estimate, estimate);
                        } else {
                            interval = switch (column.getKey()) {
                                case "expected_purchases" ->
                                        uncertainty.conditionalExpectedPurchases(intervals, horizon, x, tx, age);
                                case "p_alive" -> uncertainty.probabilityAlive(intervals, x, tx, age);
                                default -> uncertainty.discountedExpectedResidualPurchases(intervals, discount, x,
                                        tx, age);
                            };
                        }
                    } catch (IllegalArgumentException e) {
                        throw data.refusal(new IllegalArgumentException(e.getMessage() + " at row " + i));
                    }
                    lower[i] = interval.lower();
                    upper[i] = interval.upper();
                }
                out.put(column.getKey(), column.getValue());
                out.put(column.getKey() + "_lower", lower);
                out.put(column.getKey() + "_upper", upper);
            }
            return out.buildOrThrow();
        }
    }

    /** The time units of {@code crm clv summarize}. */
    enum Unit {
        days(Duration.ofDays(1), LifetimeValue.DAYS_PER_MONTH), weeks(Duration.ofDays(7), LifetimeValue.WEEKS_PER_MONTH);

        final Duration duration;
        /** The units in a month, as lifetimes counts them. */
        final double perMonth;

        Unit(Duration duration, double perMonth) {
            this.duration = duration;
            this.perMonth = perMonth;
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

        @CommandLine.Mixin
        LogDialectOptions dialect;

        @Option(names = "--input", required = true,
                description = "CSV customer_id,date,amount (aliases: id; datetime; monetary_value); amount optional")
        Path input;

        @Option(names = "--as-of", required = true, description = "last day of observation, yyyy-MM-dd")
        LocalDate asOf;

        @Option(names = "--litt", description = "also print litt: the sum of the logs of the gaps between distinct "
                + "purchase days, in the unit (needed by bgcnbd and mbgcnbd)")
        boolean litt;

        @Option(names = "--unit", defaultValue = "days", description = "unit of recency and T: days or weeks "
                + "(weeks = days / 7, the CDNOW convention)")
        Unit unit;

        @Override
        public void run() {
            // per-customer accumulators while reading: memory follows the customers, not the transactions
            LogSummary result = SummarizedLog.read(spec, input, false, dialect.dialect(spec), asOf, unit, litt);
            PrintWriter out = spec.commandLine().getOut();
            CustomerSummaries s = result.summaries();
            CsvRows.to(out).row(litt ? new String[] {"customer_id", "frequency", "recency", "T", "monetary_value", "litt"}
                    : new String[] {"customer_id", "frequency", "recency", "T", "monetary_value"}).flush();
            double[] logGaps = litt ? s.logInterPurchaseTimes() : null;
            // rows formatted in blocks on every core, written in order
            OrderedBlocks.write(result.size(), (from, to, text) -> {
                CsvRows rows = CsvRows.into(text);
                for (int row = from; row < to; row++) {
                    rows.text(result.customers.id(result.customerIndex(row))).integer((long) s.frequency(row))
                            .number(s.recency(row)).number(s.age(row)).number(s.monetaryValue(row));
                    if (logGaps != null) {
                        rows.number(logGaps[row]);
                    }
                    rows.endRow();
                }
            }, out);
            out.flush();
        }
    }
}
