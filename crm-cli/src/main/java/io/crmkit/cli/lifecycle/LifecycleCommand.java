package io.crmkit.cli.lifecycle;

import io.crmkit.cli.OptionException;
import io.crmkit.cli.format.CsvRows;
import io.crmkit.lifecycle.stage.ChurnDecision;
import io.crmkit.lifecycle.stage.ChurnPolicy;
import io.crmkit.lifecycle.stage.LifecycleClassifier;
import io.crmkit.lifecycle.stage.PhaseAssessment;
import io.crmkit.lifecycle.stage.StageAssessment;
import io.crmkit.lifecycle.stage.VisitDays;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm lifecycle}: life-cycle stages, phases and churn (crm-lifecycle's {@code stage} package). */
@Command(name = "lifecycle", mixinStandardHelpOptions = true,
        description = {"Life-cycle stages and phases, and churn decisions with their reasons.",
            "Input, every subcommand: a transaction log, CSV customer_id,date[,amount] (date yyyy-MM-dd: the day counts; "
                    + "purchases on the same day are one visit); purchases after the as-of day are left out."},
        subcommands = {LifecycleCommand.StageCommand.class, LifecycleCommand.ChurnCommand.class})
public final class LifecycleCommand {

    /** The options every subcommand shares: the log, the day, the zone, the prospects. */
    static final class Input {
        @Option(names = "--input", required = true, description = "transactions CSV: customer_id,date[,amount]")
        Path input;

        @Option(names = "--as-of", required = true,
                description = "the day of the decision (yyyy-MM-dd): silence is counted from its start, its purchases included")
        LocalDate asOf;

        @Option(names = "--zone", defaultValue = "UTC", description = "the zone whose calendar days are visit days (default: ${DEFAULT-VALUE})")
        ZoneId zone;

        @Option(names = "--customers",
                description = "optional CSV with a customer_id column (other columns ignored): customers without purchases are listed as prospects")
        Path customers;

        Histories read(CommandSpec spec) {
            return read(spec, null, 0);
        }

        /** Reads the histories with the spend per phase period when {@code period} is not null. */
        Histories read(CommandSpec spec, Duration period, int periods) {
            if (asOf.isBefore(LocalDate.of(1, 1, 2)) || asOf.isAfter(LocalDate.of(9999, 12, 30))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--as-of " + asOf
                        + ": must lie from 0001-01-02 to 9999-12-30");
            }
            return Histories.read(input, customers, asOf, zone, period, periods);
        }
    }

    /** The churn policy options: a fixed window, the customer's rhythm, or a model's P(alive). */
    static final class Policy {
        enum Kind { WINDOW, RHYTHM, P_ALIVE }

        @Option(names = "--policy", defaultValue = "rhythm", converter = KindConverter.class,
                description = "window (no purchase for longer than --window-days), rhythm (silent for more than --multiple x the "
                        + "customer's median gap between visits; --fallback-days with one visit) or p-alive (P(alive) from "
                        + "--p-alive below --threshold) (default: ${DEFAULT-VALUE})")
        Kind kind;

        @Option(names = "--window-days", defaultValue = "365", description = "the window policy's longest silence still active (default: ${DEFAULT-VALUE})")
        int windowDays;

        @Option(names = "--multiple", defaultValue = "3", description = "the rhythm policy's multiple of the median gap, at least 1 (default: ${DEFAULT-VALUE})")
        double multiple;

        @Option(names = "--fallback-days", defaultValue = "365", description = "the rhythm policy's window for one-visit customers (default: ${DEFAULT-VALUE})")
        int fallbackDays;

        @Option(names = "--p-alive", description = "CSV customer_id,p_alive (other columns ignored), e.g. the output of crm clv predict "
                + "run as of the same day; every customer with purchases needs a row")
        Path pAlive;

        /** The p-alive policy's model, once built. */
        ProbabilityAlive model;

        @Option(names = "--threshold", defaultValue = "0.5", description = "the p-alive policy: lost below this probability, in (0, 1) (default: ${DEFAULT-VALUE})")
        double threshold;

        private static ChurnPolicy option(String names, java.util.function.Supplier<ChurnPolicy> policy) {
            try {
                return policy.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(names + ": " + e.getMessage(), e);
            }
        }

        /**
         * Refuses, before any output, a log customer the policy cannot decide: with the p-alive
         * policy, every customer with a visit needs a row (the first missing in id order is named).
         */
        void requireDecidable(Histories h) {
            if (model != null) {
                for (int i = 0; i < h.size(); i++) {
                    if (h.hasVisits(i)) {
                        model.of(h.customerId(i));
                    }
                }
            }
        }

        /** The options that belong to one policy only, each with the policy that uses it. */
        private static final List<java.util.Map.Entry<String, String>> POLICY_OPTIONS = List.of(
                java.util.Map.entry("--window-days", "--policy window"),
                java.util.Map.entry("--multiple", "--policy rhythm"),
                java.util.Map.entry("--fallback-days", "--policy rhythm"),
                java.util.Map.entry("--p-alive", "--policy p-alive"),
                java.util.Map.entry("--threshold", "--policy p-alive"));

        /** The options the chosen policy reads. */
        private List<String> used() {
            return switch (kind) {
                case WINDOW -> List.of("--window-days");
                case RHYTHM -> List.of("--multiple", "--fallback-days");
                case P_ALIVE -> List.of("--p-alive", "--threshold");
            };
        }

        /**
         * The churn policy chosen, its options checked.
         *
         * @throws CommandLine.ParameterException (exit 2) for an option of another policy, or a missing --p-alive
         */
        ChurnPolicy build(CommandSpec spec) {
            io.crmkit.cli.DependentOptions.refuseUnused(spec, "--policy " + word(kind).replace('_', '-'), used(),
                    POLICY_OPTIONS);
            try {
                switch (kind) {
                    case WINDOW:
                        OptionException.require(windowDays > 0, "--window-days", windowDays, "must be at least 1 day");
                        return option("--window-days", () -> ChurnPolicy.fixedWindow(Duration.ofDays(windowDays)));
                    case RHYTHM:
                        OptionException.require(multiple >= 1, "--multiple", multiple, "must be at least 1");
                        OptionException.require(fallbackDays > 0, "--fallback-days", fallbackDays,
                                "must be at least 1 day");
                        return option("--multiple/--fallback-days",
                                () -> ChurnPolicy.relativeRhythm(multiple, Duration.ofDays(fallbackDays)));
                    default:
                        if (pAlive == null) {
                            throw new CommandLine.ParameterException(spec.commandLine(), "--policy p-alive needs --p-alive FILE");
                        }
                        OptionException.require(threshold > 0 && threshold < 1, "--threshold", threshold,
                                "must be between 0 and 1, both excluded");
                        ProbabilityAlive model = ProbabilityAlive.read(pAlive);
                        this.model = model;
                        return ChurnPolicy.probabilityAlive(pAlive.getFileName().toString(),
                                h -> model.of(h.customer().value()), threshold);
                }
            } catch (CommandLine.ParameterException | io.crmkit.cli.format.InputException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    /** Reads {@code window}, {@code rhythm}, {@code p-alive}. */
    static final class KindConverter implements CommandLine.ITypeConverter<Policy.Kind> {
        @Override
        public Policy.Kind convert(String value) {
            try {
                return Policy.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not one of window, rhythm, p-alive");
            }
        }
    }

    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** {@code crm lifecycle stage}. */
    @Command(name = "stage", mixinStandardHelpOptions = true,
            description = {"Places each customer in a life-cycle stage, checked in this order: no purchases -> prospect; the churn "
                    + "policy says lost -> lapsed; back after a lapse within --won-back-days -> won_back; the at-risk policy "
                    + "says lost -> at_risk; else one visit -> first_time, at least --loyal-visits visits -> loyal, else repeat. "
                    + "With amounts, also the product-style phase from the trend of spend over --periods periods of "
                    + "--period-days ending at the as-of day: first purchase within the last two periods -> introduction; "
                    + "trend (least-squares slope / mean) above +10%% per period -> growth, below -10%% or no spend -> decline, "
                    + "else maturity.",
                "Input: transactions CSV customer_id,date[,amount] (the day counts, in --zone); without amounts no phase.",
                "Output: CSV customer_id,visits,stage,reason[,phase,trend], by customer id."})
    public static final class StageCommand implements Callable<Integer> {

        @Mixin
        Input input;

        @Mixin
        Policy lapsed;

        @Option(names = "--at-risk-multiple", defaultValue = "1.5",
                description = "at risk when silent for more than this multiple of the median gap, at least 1 (default: ${DEFAULT-VALUE})")
        double atRiskMultiple;

        @Option(names = "--at-risk-fallback-days", defaultValue = "180",
                description = "at risk, one-visit customers: silent for longer than this (default: ${DEFAULT-VALUE})")
        int atRiskFallbackDays;

        @Option(names = "--loyal-visits", defaultValue = "5", description = "visits (days with a purchase) from which an active customer is loyal, at least 2 (default: ${DEFAULT-VALUE})")
        int loyalVisits;

        @Option(names = "--won-back-days", defaultValue = "90", description = "how long after the returning purchase a customer is won back (default: ${DEFAULT-VALUE})")
        int wonBackDays;

        @Option(names = "--period-days", defaultValue = "60", description = "the length of a phase period (default: ${DEFAULT-VALUE})")
        int periodDays;

        @Option(names = "--periods", defaultValue = "6", description = "how many periods the phase looks back, 3 to 1000 (default: ${DEFAULT-VALUE})")
        int periods;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            LifecycleClassifier classifier;
            try {
                OptionException.require(periodDays > 0, "--period-days", periodDays, "must be at least 1 day");
                OptionException.require(periods >= 3 && periods <= LifecycleClassifier.MAX_PERIODS, "--periods", periods,
                        "must be 3 to " + LifecycleClassifier.MAX_PERIODS);
                OptionException.require(atRiskMultiple >= 1, "--at-risk-multiple", atRiskMultiple, "must be at least 1");
                OptionException.require(atRiskFallbackDays > 0, "--at-risk-fallback-days", atRiskFallbackDays,
                        "must be at least 1 day");
                OptionException.require(loyalVisits >= 2, "--loyal-visits", loyalVisits, "must be at least 2");
                OptionException.require(wonBackDays > 0, "--won-back-days", wonBackDays, "must be at least 1 day");
                LifecycleClassifier.Builder b = LifecycleClassifier.builder()
                        .atRiskPolicy(Policy.option("--at-risk-multiple/--at-risk-fallback-days",
                                () -> ChurnPolicy.relativeRhythm(atRiskMultiple, Duration.ofDays(atRiskFallbackDays))));
                Policy.option("--loyal-visits", () -> {
                    b.loyalPurchases(loyalVisits);
                    return null;
                });
                Policy.option("--won-back-days", () -> {
                    b.wonBackWindow(Duration.ofDays(wonBackDays));
                    return null;
                });
                classifier = b.churnPolicy(lapsed.build(spec)).build();
            } catch (CommandLine.ParameterException | io.crmkit.cli.format.InputException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Duration period = Duration.ofDays(periodDays);
            Histories h = input.read(spec, period, periods);
            lapsed.requireDecidable(h);
            // every refusal is behind us: the rows go straight out, one customer at a time
            CsvRows csv = CsvRows.to(spec.commandLine().getOut());
            if (h.amounts) {
                csv.row("customer_id", "visits", "stage", "reason", "phase", "trend");
            } else {
                csv.row("customer_id", "visits", "stage", "reason");
            }
            for (int i = 0; i < h.size(); i++) {
                VisitDays visits = h.visits(i);
                StageAssessment s = classifier.stage(visits);
                String id = visits.customer().value();
                csv.text(id).integer(visits.visits()).text(word(s.stage())).text(s.reason());
                if (h.amounts) {
                    Optional<PhaseAssessment> p = classifier.phase(visits, period, h.spend(i));
                    if (p.isPresent()) {
                        csv.text(word(p.get().phase())).number(p.get().trend());
                    } else {
                        csv.text("").text("");
                    }
                }
                csv.endRow();
            }
            csv.flush();
            return 0;
        }
    }

    /** {@code crm lifecycle churn}. */
    @Command(name = "churn", mixinStandardHelpOptions = true,
            description = {"Decides for each customer whether they are lost, by one policy, with the reason in words. A customer "
                    + "without purchases is never lost.",
                "Input: transactions CSV customer_id,date[,amount] (the day counts, in --zone).",
                "Output: CSV customer_id,churned,reason,churned_at (churned_at: the day the inactivity window ended, "
                        + "in the zone; empty if active or not datable), by customer id; stderr: the policy and the count lost."})
    public static final class ChurnCommand implements Callable<Integer> {

        @Mixin
        Input input;

        @Mixin
        Policy policy;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ChurnPolicy p = policy.build(spec);
            Histories h = input.read(spec);
            policy.requireDecidable(h);
            // every refusal is behind us: the rows go straight out, one customer at a time
            CsvRows csv = CsvRows.to(spec.commandLine().getOut());
            csv.row("customer_id", "churned", "reason", "churned_at");
            int lost = 0;
            for (int i = 0; i < h.size(); i++) {
                VisitDays visits = h.visits(i);
                ChurnDecision d = p.assess(visits);
                lost += d.churned() ? 1 : 0;
                csv.text(visits.customer().value()).text(Boolean.toString(d.churned())).text(d.reason())
                        .text(d.churnedAt().map(t -> t.atZone(input.zone).toLocalDate().toString()).orElse("")).endRow();
            }
            csv.flush();
            spec.commandLine().getErr().println(p.name() + ": " + lost + " of " + h.size() + " customers lost as of "
                    + input.asOf);
            return 0;
        }
    }
}
