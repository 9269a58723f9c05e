package io.crmkit.cli.value;

import io.crmkit.cli.format.CsvRows;
import io.crmkit.cli.format.InputException;
import io.crmkit.scoring.value.AbcClass;
import io.crmkit.scoring.value.DecileTrend;
import io.crmkit.scoring.value.ParetoClassifier;
import io.crmkit.scoring.value.PortfolioMatrix;
import io.crmkit.scoring.value.PortfolioQuadrant;
import io.crmkit.scoring.value.ProfitAction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm value}: grading customers by the value they bring (crm-scoring's {@link ParetoClassifier}). */
@Command(name = "value", mixinStandardHelpOptions = true,
        description = {"Grades customers by value: ABC classes, the 80/20 share with the 20/60/20 rule, purchase deciles, "
                + "the portfolio matrix.",
            "Input, every subcommand: CSV customer_id,value (value also as revenue, profit or monetary), one row per customer."},
        subcommands = {ValueCommand.AbcCommand.class, ValueCommand.ParetoCommand.class, ValueCommand.DecilesCommand.class,
            ValueCommand.PortfolioCommand.class})
public final class ValueCommand {

    /** An enum constant as the output writes it: lower case, e.g. {@code let_go}. */
    static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** A share as a percentage with one decimal, e.g. {@code 80.5%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static CsvRows printer(CommandSpec spec) {
        return CsvRows.to(spec.commandLine().getOut());
    }

    /** {@code crm value abc}. */
    @Command(name = "abc", mixinStandardHelpOptions = true,
            description = {"ABC classes by cumulative share of value: ranked highest first, a customer is A while the value of "
                    + "the customers above them is below the A share, B below A + B, else C; equal values share a class, "
                    + "a customer bringing 0 is C.",
                "Input: CSV customer_id,value with values of 0 or more.",
                "Output: CSV customer_id,value,class (a, b or c), highest value first (ties by customer id); "
                        + "stderr: customers and share of value per class."})
    public static final class AbcCommand implements Callable<Integer> {

        @Option(names = "--input", required = true, description = "values CSV: customer_id,value")
        Path input;

        @Option(names = "--a-share", defaultValue = "0.80", description = "share of value of class A, in (0, 1) (default: ${DEFAULT-VALUE})")
        double aShare;

        @Option(names = "--b-share", defaultValue = "0.15", description = "share of value of class B; A + B at most 1 (default: ${DEFAULT-VALUE})")
        double bShare;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ParetoClassifier classifier;
            try {
                classifier = ParetoClassifier.standard().withAbcShares(aShare, bShare);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--a-share/--b-share: " + e.getMessage());
            }
            CustomerValues v = CustomerValues.read(input, false, false);
            AbcClass[] classes = classifier.abc(v.values);
            int[] order = v.rankOrder();
            // shares are summed in units of the largest value, so that values near the top of the
            // double range cannot add up to infinity
            double largest = 0;
            for (double x : v.values) {
                largest = Math.max(largest, x);
            }
            double total = 0;
            double[] byClass = new double[AbcClass.values().length];
            int[] count = new int[AbcClass.values().length];
            for (int i = 0; i < v.size(); i++) {
                double share = largest == 0 ? 0 : v.values[i] / largest;
                total += share;
                byClass[classes[i].ordinal()] += share;
                count[classes[i].ordinal()]++;
            }
            CsvRows csv = printer(spec);
            csv.row("customer_id", "value", "class");
            for (int i : order) {
                csv.text(v.ids[i]).number(v.values[i]).text(word(classes[i])).endRow();
            }
            csv.flush();
            StringBuilder summary = new StringBuilder();
            for (AbcClass c : AbcClass.values()) {
                summary.append(summary.length() == 0 ? "" : "; ").append(c.name()).append(": ").append(count[c.ordinal()])
                        .append(count[c.ordinal()] == 1 ? " customer, " : " customers, ")
                        .append(percent(total == 0 ? 0 : byClass[c.ordinal()] / total)).append(" of value");
            }
            spec.commandLine().getErr().println(summary);
            return 0;
        }
    }

    /** {@code crm value pareto}. */
    @Command(name = "pareto", mixinStandardHelpOptions = true,
            description = {"The 80/20 figure and the 20/60/20 rule: ranked by value (profit) highest first, the top 20%% of "
                    + "customers are kept at any reasonable cost, the bottom 20%% may be let go, the 60%% between are "
                    + "maintained at low cost; ties share the better action.",
                "Input: CSV customer_id,value; values (profits) may be negative.",
                "Output: CSV customer_id,value,action (keep, maintain or let_go), highest value first (ties by customer id); "
                        + "stderr: the share of value brought by the top customers (when no value is negative)."})
    public static final class ParetoCommand implements Callable<Integer> {

        @Option(names = "--input", required = true, description = "values CSV: customer_id,value")
        Path input;

        @Option(names = "--top", defaultValue = "0.20",
                description = "the top fraction of customers whose share of value stderr reports, in (0, 1] (default: ${DEFAULT-VALUE})")
        double top;

        @Option(names = "--keep", defaultValue = "0.20", description = "share of customers kept, in (0, 1) (default: ${DEFAULT-VALUE})")
        double keep;

        @Option(names = "--let-go", defaultValue = "0.20",
                description = "share of customers let go, in [0, 1); keep + let-go at most 1 (default: ${DEFAULT-VALUE})")
        double letGo;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ParetoClassifier classifier;
            try {
                classifier = ParetoClassifier.standard().withKeepAndLetGoShares(keep, letGo);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--keep/--let-go: " + e.getMessage());
            }
            if (!(top > 0 && top <= 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--top " + top + ": must be in (0, 1]");
            }
            CustomerValues v = CustomerValues.read(input, true, false);
            ProfitAction[] actions = classifier.keepMaintainLetGo(v.values);
            CsvRows csv = printer(spec);
            csv.row("customer_id", "value", "action");
            for (int i : v.rankOrder()) {
                csv.text(v.ids[i]).number(v.values[i]).text(word(actions[i])).endRow();
            }
            csv.flush();
            PrintWriter err = spec.commandLine().getErr();
            int topCount = (int) Math.ceil(top * v.size());
            boolean negative = false;
            for (double x : v.values) {
                negative |= x < 0;
            }
            if (negative) {
                err.println("top share not reported: some values are negative (a share of value needs values of 0 or more)");
            } else {
                err.println("top " + percent(top) + " of customers (" + topCount + " of " + v.size() + ") bring "
                        + percent(ParetoClassifier.topShare(v.values, top)) + " of value");
            }
            return 0;
        }
    }

    /** {@code crm value deciles}. */
    @Command(name = "deciles", mixinStandardHelpOptions = true,
            description = {"Purchase deciles: decile 1 holds the top 10%% of customers by value, 10 the bottom; "
                    + "a customer's decile is 1 + floor(10 x above / n), above being the customers with a higher value.",
                "Input: CSV customer_id,value[,previous_value]; with previous_value (an earlier period's purchases) "
                        + "each customer's move is named too.",
                "Output: CSV customer_id,value,decile[,previous_decile,trend] (trend: superstar, rising_star, "
                        + "fading_star or steady), highest value first (ties by customer id)."})
    public static final class DecilesCommand implements Callable<Integer> {

        @Option(names = "--input", required = true, description = "values CSV: customer_id,value[,previous_value]")
        Path input;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CustomerValues v = CustomerValues.read(input, true, true);
            int[] deciles = ParetoClassifier.deciles(v.values);
            int[] before = v.previous == null ? null : ParetoClassifier.deciles(v.previous);
            CsvRows csv = printer(spec);
            if (before == null) {
                csv.row("customer_id", "value", "decile");
            } else {
                csv.row("customer_id", "value", "decile", "previous_decile", "trend");
            }
            for (int i : v.rankOrder()) {
                csv.text(v.ids[i]).number(v.values[i]).integer(deciles[i]);
                if (before != null) {
                    csv.integer(before[i]).text(word(ParetoClassifier.decileTrend(before[i], deciles[i])));
                }
                csv.endRow();
            }
            csv.flush();
            return 0;
        }
    }

    /** {@code crm value portfolio}. */
    @Command(name = "portfolio", mixinStandardHelpOptions = true,
            description = {"The portfolio (Boston) matrix over customers: share = value over the mean customer's value, growth "
                    + "= value over previous_value minus 1 (no previous value but some value now: high growth); share at or "
                    + "above --share-split is high, growth at or above --growth-split is high: star (both high), cash_cow "
                    + "(high share), question_mark (high growth), dog (neither).",
                "Input: CSV customer_id,value,previous_value with values of 0 or more.",
                "Output: CSV customer_id,value,previous_value,quadrant, highest value first (ties by customer id); "
                        + "stderr: customers per quadrant."})
    public static final class PortfolioCommand implements Callable<Integer> {

        @Option(names = "--input", required = true, description = "values CSV: customer_id,value,previous_value")
        Path input;

        @Option(names = "--share-split", defaultValue = "1.0",
                description = "relative value share at and above which share is high (default: ${DEFAULT-VALUE}, the mean customer)")
        double shareSplit;

        @Option(names = "--growth-split", defaultValue = "0.10",
                description = "growth per period at and above which growth is high (default: ${DEFAULT-VALUE})")
        double growthSplit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PortfolioMatrix matrix;
            try {
                matrix = PortfolioMatrix.of(shareSplit, growthSplit);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--share-split/--growth-split: " + e.getMessage());
            }
            CustomerValues v = CustomerValues.read(input, false, true);
            if (v.previous == null) {
                throw new InputException(v.file + ":1: header lacks column 'previous_value': the matrix needs each "
                        + "customer's value in an earlier period");
            }
            PortfolioQuadrant[] quadrants = matrix.placeByRelativeValue(v.previous, v.values);
            CsvRows csv = printer(spec);
            csv.row("customer_id", "value", "previous_value", "quadrant");
            int[] count = new int[PortfolioQuadrant.values().length];
            for (int i : v.rankOrder()) {
                csv.text(v.ids[i]).number(v.values[i]).number(v.previous[i]).text(word(quadrants[i])).endRow();
                count[quadrants[i].ordinal()]++;
            }
            csv.flush();
            StringBuilder summary = new StringBuilder();
            for (PortfolioQuadrant q : PortfolioQuadrant.values()) {
                summary.append(summary.length() == 0 ? "" : ", ").append(word(q)).append(' ').append(count[q.ordinal()]);
            }
            spec.commandLine().getErr().println(summary);
            return 0;
        }
    }
}
