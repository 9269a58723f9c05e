package io.crmkit.cli.clv;

import io.crmkit.cli.format.Csv;
import io.crmkit.cli.format.HoldoutLog;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.JsonText;

import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.HoldoutEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm clv evaluate}: fit on a calibration period, check the predictions against the holdout period. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Split a transaction log (customer_id,date[,amount]) at --calibration-end, fit the model on "
                + "the calibration period only, and compare its predictions with the holdout period up to "
                + "--holdout-end: per-customer MAE, RMSE and bias (predicted - actual) of holdout repeat purchases, "
                + "the totals, the calibration table (mean holdout purchases, actual and predicted, by calibration "
                + "frequency 0-6, as lifetimes' plot_calibration_purchases_vs_holdout_purchases) and the weekly "
                + "tracking of cumulative repeat purchases of the calibration customers, actual and expected "
                + "(Fader, Hardie & Lee 2005, Figure 2).",
                "Purchases on one day count once; the first purchase is not a repeat purchase (lifetimes)."})
final class EvaluateCommand implements Runnable {

    /** The output formats. */
    enum Format {
        json, csv
    }

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    LogDialectOptions dialect;

    @Option(names = "--input", required = true,
            description = "CSV customer_id,date[,amount] (aliases: id; datetime; monetary_value)")
    Path input;

    @Option(names = "--calibration-end", required = true, description = "last day of the calibration period, "
            + "yyyy-MM-dd")
    LocalDate calibrationEnd;

    @Option(names = "--holdout-end", required = true, description = "last day of the holdout period, yyyy-MM-dd")
    LocalDate holdoutEnd;

    @Option(names = "--model", defaultValue = "bgnbd", description = "bgnbd, pareto or mbgnbd (default "
            + "${DEFAULT-VALUE})")
    String model;

    @Option(names = "--unit", defaultValue = "weeks", description = "unit of recency and T in the fit: days or "
            + "weeks (default ${DEFAULT-VALUE}); predictions do not depend on it")
    ClvCommand.Unit unit;

    @Option(names = "--penalizer", defaultValue = "0", description = "L2 penalizer of the fit, 0 to 10000 "
            + "(default ${DEFAULT-VALUE})")
    double penalizer;

    @Option(names = "--format", defaultValue = "json", description = "json (everything, one object) or csv "
            + "(section,key,customers,actual,predicted; the errors on stderr); default ${DEFAULT-VALUE}")
    Format format;

    @Override
    public void run() {
        ClvModels.Model kind = ClvCommand.transactionModel(spec, model);
        String name = kind.name();
        ClvCommand.checkPenalizer(spec, penalizer);
        if (!calibrationEnd.isBefore(holdoutEnd)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--calibration-end " + calibrationEnd
                    + " must be before --holdout-end " + holdoutEnd);
        }
        HoldoutLog log = HoldoutLog.read(input, dialect.dialect(spec), calibrationEnd, holdoutEnd, unit.duration);
        HoldoutEvaluation e;
        try {
            e = evaluate(kind, penalizer, unit, log, calibrationEnd, holdoutEnd);
        } catch (IllegalArgumentException ex) {
            throw new InputException(log.file + ": " + ex.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(e, kind));
        } else {
            csv(e, out);
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": " + kind.title() + " on " + e.size() + " customers: holdout repeat "
                    + "purchases actual " + ClvCommand.number(e.actualTotal()) + ", predicted "
                    + String.format(java.util.Locale.ROOT, "%.2f", e.predictedTotal()) + "; per customer MAE "
                    + String.format(java.util.Locale.ROOT, "%.4f, RMSE %.4f, bias %+.4f", e.meanAbsoluteError(),
                            e.rootMeanSquareError(), e.bias()));
            err.flush();
        }
        out.flush();
    }

    /**
     * Fits on the calibration summaries of a log read once and compares with its holdout counts:
     * what {@link HoldoutEvaluation#ofEpochDays} computes from every purchase, in memory that
     * follows the customers.
     */
    static HoldoutEvaluation evaluate(ClvModels.Model kind, double penalizer, ClvCommand.Unit unit, HoldoutLog log,
            LocalDate calibrationEnd, LocalDate holdoutEnd) {
        return HoldoutEvaluation.ofCounts(kind, penalizer, unit.duration, log.calibration(), log.firstDays(),
                log.holdoutPurchases(), log.repeatsByDay(), calibrationEnd, holdoutEnd);
    }

    /** The report as one JSON line, through jackson-core's generator (no mapper to build, see {@link JsonText}). */
    private String json(HoldoutEvaluation e, ClvModels.Model kind) {
        return JsonText.compact(json -> {
            json.writeStartObject();
            json.writeStringField("model", kind.name());
            json.writeObjectFieldStart("params");
            for (Map.Entry<String, Double> p : e.model().parameters().entrySet()) {
                json.writeNumberField(p.getKey(), p.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("logLikelihood", e.model().diagnostics().logLikelihood());
            json.writeStringField("unit", unit.name());
            json.writeStringField("calibrationEnd", calibrationEnd.toString());
            json.writeStringField("holdoutEnd", holdoutEnd.toString());
            json.writeNumberField("holdoutLength", e.holdoutLength());
            json.writeNumberField("customers", e.size());
            json.writeNumberField("calibrationPurchases", e.calibrationPurchases());
            json.writeObjectFieldStart("holdoutPurchases");
            json.writeNumberField("actual", e.actualTotal());
            json.writeNumberField("predicted", e.predictedTotal());
            json.writeNumberField("relativeError", (e.predictedTotal() - e.actualTotal()) / Math.max(1, e.actualTotal()));
            json.writeEndObject();
            json.writeObjectFieldStart("perCustomer");
            json.writeNumberField("mae", e.meanAbsoluteError());
            json.writeNumberField("rmse", e.rootMeanSquareError());
            json.writeNumberField("bias", e.bias());
            json.writeEndObject();
            json.writeArrayFieldStart("calibrationTable");
            for (HoldoutEvaluation.CalibrationRow row : e.calibrationTable()) {
                json.writeStartObject();
                json.writeNumberField("frequency", row.frequency());
                json.writeNumberField("customers", row.customers());
                json.writeNumberField("actual", row.actual());
                json.writeNumberField("predicted", row.predicted());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("tracking");
            for (HoldoutEvaluation.TrackingPoint p : e.tracking()) {
                json.writeStartObject();
                json.writeNumberField("week", p.week());
                json.writeStringField("end", p.end().toString());
                json.writeNumberField("actual", p.actual());
                json.writeNumberField("expected", p.expected());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void csv(HoldoutEvaluation e, PrintWriter out) {
        try {
            CSVPrinter printer = Csv.printer(out);
            printer.printRecord("section", "key", "customers", "actual", "predicted");
            printer.printRecord("holdout", "total", Integer.toString(e.size()), ClvCommand.number(e.actualTotal()),
                    ClvCommand.number(e.predictedTotal()));
            for (HoldoutEvaluation.CalibrationRow row : e.calibrationTable()) {
                printer.printRecord("calibration", Integer.toString(row.frequency()), Integer.toString(row.customers()),
                        ClvCommand.number(row.actual()), ClvCommand.number(row.predicted()));
            }
            for (HoldoutEvaluation.TrackingPoint p : e.tracking()) {
                printer.printRecord("tracking", p.end().toString(), Integer.toString(e.size()),
                        Long.toString(p.actual()), ClvCommand.number(p.expected()));
            }
            printer.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
