package io.crmkit.cli.clv;

import io.crmkit.cli.format.Csv;
import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.HoldoutLog;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.LogSummary;
import io.crmkit.cli.format.OutputFiles;

import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.FrequencyRecencyMatrix;
import io.crmkit.scoring.clv.HoldoutEvaluation;
import io.crmkit.scoring.clv.RepeatPurchaseDistribution;
import io.crmkit.scoring.clv.TransactionModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm clv plot}: the pictures analysts check a model with, as PNG or SVG, with their numbers as CSV. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw a model check from a transaction log (customer_id,date[,amount]) to --output "
                + "(.png or .svg); --data also writes the plotted numbers as CSV.",
                "calibration: mean holdout purchases by calibration frequency, actual and model "
                + "(needs --calibration-end, --holdout-end); tracking: weekly cumulative repeat purchases, actual "
                + "and model (same dates); frequency-recency: expected purchases in the next --horizon by frequency "
                + "and recency; p-alive: P(alive) by frequency and recency; period-transactions: customers by "
                + "number of repeat purchases, actual and model (these three need --as-of)."})
final class PlotCommand implements Runnable {

    /** The pictures. */
    enum Kind {
        calibration, tracking, frequencyRecency, pAlive, periodTransactions;

        static Kind parse(String text) {
            return switch (text) {
                case "calibration" -> calibration;
                case "tracking" -> tracking;
                case "frequency-recency" -> frequencyRecency;
                case "p-alive" -> pAlive;
                case "period-transactions" -> periodTransactions;
                default -> null;
            };
        }
    }

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    LogDialectOptions dialect;

    @Option(names = "--kind", required = true,
            description = "calibration, tracking, frequency-recency, p-alive or period-transactions")
    String kind;

    @Option(names = "--input", required = true, description = "CSV customer_id,date[,amount]")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "file.png|file.svg", description = "the picture")
    Path output;

    @Option(names = "--data", paramLabel = "file.csv", description = "also write the plotted numbers as CSV")
    Path data;

    @Option(names = "--as-of", description = "last day of observation (frequency-recency, p-alive, "
            + "period-transactions)")
    LocalDate asOf;

    @Option(names = "--calibration-end", description = "last day of the calibration period (calibration, tracking)")
    LocalDate calibrationEnd;

    @Option(names = "--holdout-end", description = "last day of the holdout period (calibration, tracking)")
    LocalDate holdoutEnd;

    @Option(names = "--model", defaultValue = "bgnbd", description = "bgnbd, pareto or mbgnbd (default "
            + "${DEFAULT-VALUE})")
    String model;

    @Option(names = "--unit", defaultValue = "weeks", description = "time unit: days or weeks (default "
            + "${DEFAULT-VALUE})")
    ClvCommand.Unit unit;

    @Option(names = "--horizon", defaultValue = "1", description = "frequency-recency: how far ahead, in --unit "
            + "(default ${DEFAULT-VALUE})")
    double horizon;

    @Option(names = "--width", defaultValue = "800", description = "picture width in pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "500", description = "picture height in pixels (default "
            + "${DEFAULT-VALUE})")
    int height;

    /** The plotted numbers: a header and rows. */
    private final List<List<String>> rows = new ArrayList<>();

    @Override
    public void run() {
        Kind k = Kind.parse(kind);
        if (k == null) {
            throw usage("unknown kind '" + kind + "': choose one of calibration, tracking, frequency-recency, p-alive,"
                    + " period-transactions");
        }
        ClvModels.Model modelKind = ClvCommand.transactionModel(spec, model);
        String file = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = file.endsWith(".svg");
        if (!svg && !file.endsWith(".png")) {
            throw usage("--output " + output + ": the picture must be a .png or .svg file");
        }
        if (width < 200 || width > 10_000 || height < 150 || height > 10_000) {
            throw usage("picture size " + width + "x" + height + " is invalid: width 200 to 10000, height 150 to 10000");
        }
        if (!Double.isFinite(horizon) || horizon < 0) {
            throw usage("horizon " + horizon + " is invalid: it must be finite and >= 0");
        }
        boolean holdout = k == Kind.calibration || k == Kind.tracking;
        // an option of another kind would be ignored and the picture would look as if it had been applied
        io.crmkit.cli.DependentOptions.refuseUnused(spec, "--kind " + kind,
                holdout ? List.of("--calibration-end", "--holdout-end")
                        : k == Kind.frequencyRecency ? List.of("--as-of", "--horizon") : List.of("--as-of"),
                List.of(Map.entry("--calibration-end", "--kind calibration or tracking"),
                        Map.entry("--holdout-end", "--kind calibration or tracking"),
                        Map.entry("--as-of", "--kind frequency-recency, p-alive or period-transactions"),
                        Map.entry("--horizon", "--kind frequency-recency")));
        if (holdout && (calibrationEnd == null || holdoutEnd == null)) {
            throw usage("--kind " + kind + " needs --calibration-end and --holdout-end");
        }
        if (holdout && !calibrationEnd.isBefore(holdoutEnd)) {
            throw usage("--calibration-end " + calibrationEnd + " must be before --holdout-end " + holdoutEnd);
        }
        if (!holdout && asOf == null) {
            throw usage("--kind " + kind + " needs --as-of");
        }
        OutputFiles.check(Map.of("--input", input), outputs());
        System.setProperty("java.awt.headless", "true");
        Chart<?, ?> chart;
        if (holdout) {
            HoldoutLog log = HoldoutLog.read(input, dialect.dialect(spec), calibrationEnd, holdoutEnd, unit.duration);
            try {
                chart = holdoutChart(k, modelKind, log);
            } catch (IllegalArgumentException e) {
                throw e instanceof InputException known ? known : new InputException(log.file + ": " + e.getMessage());
            }
        } else {
            LogSummary log = SummarizedLog.read(spec, input, false, dialect.dialect(spec), asOf, unit, false);
            try {
                chart = modelChart(k, modelKind, log.summaries());
            } catch (IllegalArgumentException e) {
                throw e instanceof InputException known ? known : new InputException(log.file + ": " + e.getMessage());
            }
        }
        OutputFiles.write(output, out -> {
            if (svg) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
        if (data != null) {
            OutputFiles.write(data, out -> {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = Csv.printer(w);
                for (List<String> row : rows) {
                    printer.printRecord(row);
                }
                printer.flush();
            });
        }
    }

    /** The files this command writes, by option. */
    private Map<String, Path> outputs() {
        Map<String, Path> files = new java.util.LinkedHashMap<>();
        files.put("--output", output);
        files.put("--data", data);
        return files;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private String unitName() {
        return unit == ClvCommand.Unit.weeks ? "weeks" : "days";
    }

    private void row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c instanceof Double d ? ClvCommand.number(d) : String.valueOf(c));
        }
        rows.add(r);
    }

    private Chart<?, ?> holdoutChart(Kind k, ClvModels.Model modelKind, HoldoutLog log) {
        HoldoutEvaluation e = EvaluateCommand.evaluate(modelKind, 0, unit, log, calibrationEnd, holdoutEnd);
        if (k == Kind.calibration) {
            XYChart chart = new XYChartBuilder().width(width).height(height)
                    .title("Holdout purchases by calibration frequency (" + modelKind.title() + ", holdout "
                            + calibrationEnd.plusDays(1) + " to " + holdoutEnd + ")")
                    .xAxisTitle("repeat purchases in the calibration period (days with a purchase)")
                    .yAxisTitle("mean repeat purchases in the holdout period").build();
            style(chart.getStyler());
            chart.getStyler().setXAxisDecimalPattern("0");
            int n = e.calibrationTable().size();
            double[] x = new double[n];
            double[] actual = new double[n];
            double[] predicted = new double[n];
            row("frequency", "customers", "actual", "predicted");
            for (int i = 0; i < n; i++) {
                HoldoutEvaluation.CalibrationRow r = e.calibrationTable().get(i);
                x[i] = r.frequency();
                actual[i] = r.actual();
                predicted[i] = r.predicted();
                row(r.frequency(), r.customers(), r.actual(), r.predicted());
            }
            chart.addSeries("actual", x, actual);
            chart.addSeries("model", x, predicted);
            return chart;
        }
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title("Cumulative repeat purchases, weekly (" + modelKind.title() + ", calibration to "
                        + calibrationEnd + ")")
                .xAxisTitle("end of week (date)")
                .yAxisTitle("cumulative repeat purchases (days with a purchase)").build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setDatePattern("yyyy-MM");
        chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        int n = e.tracking().size();
        List<java.util.Date> x = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        row("week", "end", "actual", "expected");
        for (int i = 0; i < n; i++) {
            HoldoutEvaluation.TrackingPoint p = e.tracking().get(i);
            x.add(java.util.Date.from(p.end().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            actual.add((double) p.actual());
            expected.add(p.expected());
            row(p.week(), p.end(), p.actual(), p.expected());
        }
        chart.addSeries("actual", x, actual);
        chart.addSeries("model", x, expected);
        return chart;
    }

    private Chart<?, ?> modelChart(Kind k, ClvModels.Model modelKind, CustomerSummaries s) {
        TransactionModel fitted = (TransactionModel) modelKind.fit(s, 0);
        if (k == Kind.periodTransactions) {
            RepeatPurchaseDistribution d = RepeatPurchaseDistribution.of(fitted, s, 8);
            CategoryChart chart = new CategoryChartBuilder().width(width).height(height)
                    .title("Customers by repeat purchases to " + asOf + " (" + modelKind.title() + ")")
                    .xAxisTitle("repeat purchases (days with a purchase after the first)")
                    .yAxisTitle("customers").build();
            style(chart.getStyler());
            List<String> labels = new ArrayList<>();
            List<Double> actual = new ArrayList<>();
            List<Double> expected = new ArrayList<>();
            row("repeat_purchases", "actual", "expected");
            for (int b = 0; b < d.bins(); b++) {
                String label = b == d.bins() - 1 ? b + "+" : Integer.toString(b);
                labels.add(label);
                actual.add(d.actual(b));
                expected.add(d.expected(b));
                row(label, d.actual(b), d.expected(b));
            }
            chart.addSeries("actual", labels, actual);
            chart.addSeries("model", labels, expected);
            return chart;
        }
        double maxAge = 0;
        double maxX = 0;
        for (int i = 0; i < s.size(); i++) {
            maxAge = Math.max(maxAge, s.age(i));
            maxX = Math.max(maxX, s.frequency(i));
        }
        boolean alive = k == Kind.pAlive;
        FrequencyRecencyMatrix m = FrequencyRecencyMatrix.of(fitted, alive
                ? FrequencyRecencyMatrix.Quantity.PROBABILITY_ALIVE : FrequencyRecencyMatrix.Quantity.EXPECTED_PURCHASES,
                horizon, (int) Math.min(maxX, 10_000), Math.min(maxAge, 10_000));
        String what = alive ? "P(alive)" : "Expected purchases in the next " + ClvCommand.number(horizon) + " "
                + unitName();
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height)
                .title(what + " (" + modelKind.title() + ", T = " + String.format(Locale.ROOT, "%.1f", m.age()) + " "
                        + unitName() + ")")
                .xAxisTitle("recency: age at the last purchase (" + unitName() + ")")
                .yAxisTitle("frequency (repeat purchases)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setShowValue(false);
        chart.getStyler().setMin(0);
        if (alive) {
            chart.getStyler().setMax(1);
        }
        chart.getStyler().setAxisTickLabelsFont(chart.getStyler().getAxisTickLabelsFont().deriveFont(9f));
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
        List<Integer> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        List<Number[]> cells = new ArrayList<>();
        row("frequency", "recency", alive ? "p_alive" : "expected_purchases");
        for (int r = 0; r <= m.maxRecency(); r++) {
            xs.add(r);
        }
        for (int x = 0; x <= m.maxFrequency(); x++) {
            ys.add(x);
            for (int r = 0; r <= m.maxRecency(); r++) {
                cells.add(new Number[] {r, x, m.value(x, r)});
                row(x, r, m.value(x, r));
            }
        }
        chart.addSeries(what, xs, ys, cells);
        return chart;
    }

    private static void style(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartTitleFont(styler.getChartTitleFont().deriveFont(13f));
    }
}
