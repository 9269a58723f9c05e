package io.crmkit.cli.clv;

import io.crmkit.cli.format.Csv;
import io.crmkit.cli.format.HoldoutLog;
import io.crmkit.cli.format.InputException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.HoldoutEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
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

    private String json(HoldoutEvaluation e, ClvModels.Model kind) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("model", kind.name());
        ObjectNode params = root.putObject("params");
        e.model().parameters().forEach(params::put);
        root.put("logLikelihood", e.model().diagnostics().logLikelihood());
        root.put("unit", unit.name());
        root.put("calibrationEnd", calibrationEnd.toString());
        root.put("holdoutEnd", holdoutEnd.toString());
        root.put("holdoutLength", e.holdoutLength());
        root.put("customers", e.size());
        root.put("calibrationPurchases", e.calibrationPurchases());
        ObjectNode holdout = root.putObject("holdoutPurchases");
        holdout.put("actual", e.actualTotal());
        holdout.put("predicted", e.predictedTotal());
        holdout.put("relativeError", (e.predictedTotal() - e.actualTotal()) / Math.max(1, e.actualTotal()));
        ObjectNode perCustomer = root.putObject("perCustomer");
        perCustomer.put("mae", e.meanAbsoluteError());
        perCustomer.put("rmse", e.rootMeanSquareError());
        perCustomer.put("bias", e.bias());
        ArrayNode table = root.putArray("calibrationTable");
        for (HoldoutEvaluation.CalibrationRow row : e.calibrationTable()) {
            ObjectNode r = table.addObject();
            r.put("frequency", row.frequency());
            r.put("customers", row.customers());
            r.put("actual", row.actual());
            r.put("predicted", row.predicted());
        }
        ArrayNode tracking = root.putArray("tracking");
        for (HoldoutEvaluation.TrackingPoint p : e.tracking()) {
            ObjectNode r = tracking.addObject();
            r.put("week", p.week());
            r.put("end", p.end().toString());
            r.put("actual", p.actual());
            r.put("expected", p.expected());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
