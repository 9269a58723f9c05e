package io.crmkit.cli.clv;

import io.crmkit.cli.format.Csv;
import io.crmkit.cli.format.SurvivorsCsv;

import com.google.common.collect.ImmutableMap;
import io.crmkit.scoring.clv.ClvModel;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CohortUncertainty;
import io.crmkit.scoring.clv.ParameterUncertainty;
import io.crmkit.scoring.clv.ShiftedBetaGeometricModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code crm clv predict} for a cohort model (sBG): one row per period 0 to n + horizon with the
 * observed survivors, the projected survival S(t) and retention rate r<sub>t</sub> (1 at period 0),
 * with {@code --discount d} (per period) the DERL of a customer active at the end of the period,
 * and with {@code --intervals} a {@code _lower} and an {@code _upper} column after each projection
 * ({@link CohortUncertainty}).
 */
final class CohortProjection {

    private CohortProjection() {
    }

    /**
     * Fits (or takes the saved model) and prints the projection.
     *
     * @param spec the command, for usage errors and its output
     * @param kind the cohort model's registry entry
     * @param saved a model read from {@code --model-file}, or null to fit on the input
     * @param input the survivors CSV ({@code period,alive})
     * @param horizon periods beyond the data, a whole number
     * @param penalizer the L2 penalizer of the fit
     * @param discount the discount rate per period for DERL, or null for none
     * @param intervals the interval method, or null for none
     * @param replications bootstrap refits
     * @param seed the bootstrap's seed
     */
    static void print(CommandSpec spec, ClvModels.Model kind, ClvModel saved, Path input, double horizon,
            double penalizer, Double discount, ParameterUncertainty.Method intervals,
            int replications, long seed) {
        if (discount != null && !(discount >= ShiftedBetaGeometricModel.MIN_DISCOUNT)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "discount " + discount + " is invalid: for"
                    + " sbg it is the rate per period, at least " + ShiftedBetaGeometricModel.MIN_DISCOUNT);
        }
        if (intervals != null && (replications < 20 || replications > 100_000)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "replications " + replications
                    + " is invalid: it must be 20 to 100000");
        }
        SurvivorsCsv cohort = SurvivorsCsv.read(input);
        long[] alive = cohort.alive();
        Map<String, double[]> columns = new LinkedHashMap<>();
        try {
            ClvModel fitted = saved != null ? saved : kind.fit(cohort.summaries(), penalizer);
            ShiftedBetaGeometricModel sbg = (ShiftedBetaGeometricModel) fitted;
            ImmutableMap<String, double[]> projection = kind.predict(sbg, cohort.summaries(), horizon);
            double[] period = projection.get("period");
            int rows = period.length;
            CohortUncertainty uncertainty = intervals == null ? null
                    : CohortUncertainty.of(sbg, alive).withBootstrap(replications, seed);
            columns.put("period", period);
            putWithInterval(columns, "survival", projection.get("survival"), uncertainty == null ? null
                    : t -> t == 0 ? new ParameterUncertainty.Interval(1, 1, 1) : uncertainty.survival(intervals, t));
            putWithInterval(columns, "retention", projection.get("retention"), uncertainty == null ? null
                    : t -> t == 0 ? new ParameterUncertainty.Interval(1, 1, 1)
                            : uncertainty.retentionRate(intervals, t));
            if (discount != null) {
                double[] derl = new double[rows];
                for (int t = 0; t < rows; t++) {
                    derl[t] = sbg.discountedExpectedResidualLifetime(discount, t);
                }
                putWithInterval(columns, "derl", derl, uncertainty == null ? null
                        : t -> uncertainty.discountedExpectedResidualLifetime(intervals, discount, t));
            }
        } catch (IllegalArgumentException e) {
            throw cohort.refusal(e);
        }
        List<String> header = new ArrayList<>(columns.keySet());
        header.add(1, "alive");
        PrintWriter out = spec.commandLine().getOut();
        try {
            CSVPrinter printer = Csv.printer(out);
            printer.printRecord(header);
            double[] period = columns.get("period");
            for (int t = 0; t < period.length; t++) {
                printer.print(t);
                printer.print(t < alive.length ? Long.toString(alive[t]) : "");
                for (Map.Entry<String, double[]> column : columns.entrySet()) {
                    if (!column.getKey().equals("period")) {
                        printer.print(ClvCommand.number(column.getValue()[t]));
                    }
                }
                printer.println();
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** The interval of a projection at period t. */
    @FunctionalInterface
    private interface PeriodInterval {
        ParameterUncertainty.Interval at(long t);
    }

    private static void putWithInterval(Map<String, double[]> columns, String name, double[] values,
            PeriodInterval interval) {
        columns.put(name, values);
        if (interval == null) {
            return;
        }
        double[] lower = new double[values.length];
        double[] upper = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            ParameterUncertainty.Interval at = interval.at(t);
            lower[t] = at.lower();
            upper[t] = at.upper();
        }
        columns.put(name + "_lower", lower);
        columns.put(name + "_upper", upper);
    }
}
