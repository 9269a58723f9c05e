package io.crmkit.cli.clv;

import com.google.common.collect.ImmutableMap;
import io.crmkit.cli.format.CsvInput;
import io.crmkit.cli.format.InputException;
import io.crmkit.cli.format.SummaryCsv;
import io.crmkit.scoring.clv.ClvModel;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CovariateModel;
import io.crmkit.scoring.clv.Covariates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The static-covariate options of {@code crm clv fit} and {@code crm clv predict} (a picocli
 * mixin): the covariates file, the columns of each process, the covariates with one coefficient
 * for both, and the L2 penalty; fits {@code pareto} and {@code bgnbd} with them and predicts per
 * customer with the customer's own covariates.
 */
final class CovariateOptions {

    @Option(names = "--covariates", description = "pareto and bgnbd: CSV customer_id,... of static covariates, joined "
            + "to the input's customer_id; categorical columns are dummy-coded, the first level in sorted order "
            + "being the reference (predict with a saved model: coded as the model names them)")
    Path covariates;

    @Option(names = "--trans", split = ",", description = "covariate columns of the purchase process")
    List<String> trans = new ArrayList<>();

    @Option(names = "--life", split = ",", description = "covariate columns of the attrition process")
    List<String> life = new ArrayList<>();

    @Option(names = "--equal", split = ",", description = "covariates with one coefficient for both processes")
    List<String> equal = new ArrayList<>();

    @Option(names = "--regularization", defaultValue = "0", description = "L2 penalty on the covariate "
            + "coefficients, 0 to 10000 (with --covariates)")
    double regularization;

    /** @return whether covariates were given */
    boolean given() {
        return covariates != null;
    }

    /**
     * Checks the options against the model kind (and a saved model, if any).
     *
     * @throws CommandLine.ParameterException (exit 2) for options that do not go together
     */
    void check(CommandSpec spec, ClvModels.Model kind, ClvModel saved) {
        if (covariates == null && (!trans.isEmpty() || !life.isEmpty() || !equal.isEmpty())) {
            throw usage(spec, "--trans, --life and --equal need --covariates");
        }
        if (covariates != null && !kind.takesCovariates()) {
            throw usage(spec, "--covariates works with --model pareto or bgnbd only");
        }
        ClvCommand.checkPenalty(spec, "--regularization", regularization);
        if (covariates == null && regularization != 0) {
            throw usage(spec, "--regularization needs --covariates: without them the L2 penalty is --penalizer");
        }
        if (saved instanceof CovariateModel && covariates == null) {
            throw usage(spec, "the saved model has covariates " + names((CovariateModel) saved)
                    + ": give them with --covariates");
        }
        if (saved != null && covariates != null && !(saved instanceof CovariateModel)) {
            throw usage(spec, "the saved model has no covariates: leave out --covariates");
        }
        if (saved != null && (!trans.isEmpty() || !life.isEmpty() || !equal.isEmpty())) {
            throw usage(spec, "--trans, --life and --equal are for fitting: a saved model names its covariates");
        }
        for (List<String> columns : List.of(trans, life)) {
            String option = columns == trans ? "--trans" : "--life";
            Set<String> seen = new HashSet<>();
            for (String column : columns) {
                if (column.equalsIgnoreCase("customer_id") || column.equalsIgnoreCase("id")) {
                    throw usage(spec, option + " " + column
                            + ": the customer key joins the files; it is not a covariate");
                }
                if (!seen.add(column)) {
                    throw usage(spec, option + " " + column + ": named twice");
                }
            }
        }
        for (String e : equal) {
            if (!trans.contains(e) || !life.contains(e)) {
                throw usage(spec, "--equal " + e
                        + ": a covariate constrained equal must be in both --trans and --life");
            }
        }
    }

    /**
     * Refuses a penalizer given with covariates, where it would be ignored: the covariate fits
     * penalise their coefficients through --regularization only.
     *
     * @throws CommandLine.ParameterException (exit 2) for a non-zero penalizer with covariates
     */
    void checkPenalizer(CommandSpec spec, double penalizer) {
        if (covariates != null && penalizer != 0) {
            throw usage(spec, "--penalizer applies to fits without covariates: with --covariates the L2 penalty is "
                    + "--regularization");
        }
    }

    private static String names(CovariateModel model) {
        Set<String> all = new java.util.LinkedHashSet<>(model.transactionCoefficients().keySet());
        all.addAll(model.lifetimeCoefficients().keySet());
        return String.join(", ", all);
    }

    private static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * Fits the kind's covariate model on the input joined to the covariates file.
     *
     * @throws InputException naming file and line for bad data
     */
    CovariateModel fit(Path input, SummaryCsv data, ClvModels.Model kind) {
        CovariateTable table = CovariateTable.read(covariates);
        List<String> ids = customerIds(input, data, kind);
        int[] lines = lines(data);
        Covariates transaction = table.covariates(trans, "--trans", ids, data.file, lines);
        Covariates lifetime = table.covariates(life, "--life", ids, data.file, lines);
        Set<String> same = new HashSet<>();
        for (String e : equal) {
            for (String column : transaction.names()) {
                if ((column.equals(e) || column.startsWith(e + "=")) && lifetime.names().contains(column)) {
                    same.add(column);
                }
            }
        }
        try {
            return kind.fitWithCovariates(data.summaries(), transaction, lifetime, same, regularization);
        } catch (IllegalArgumentException e) {
            throw data.refusal(e);
        }
    }

    /**
     * E[Y(horizon) | …] and P(alive) for every input row from its customer's covariates, coded as
     * the model names them.
     *
     * @throws InputException naming file and line for bad data
     */
    ImmutableMap<String, double[]> predict(CovariateModel model, Path input, SummaryCsv data, ClvModels.Model kind,
            double horizon) {
        CovariateTable table = CovariateTable.read(covariates);
        List<String> ids = customerIds(input, data, kind);
        int[] lines = lines(data);
        Covariates transaction = table.coded(model.transactionCoefficients().keySet(), ids, data.file, lines);
        Covariates lifetime = table.coded(model.lifetimeCoefficients().keySet(), ids, data.file, lines);
        try {
            return model.predict(data.summaries(), transaction, lifetime, horizon);
        } catch (IllegalArgumentException e) {
            throw data.refusal(e);
        }
    }

    private static int[] lines(SummaryCsv data) {
        int[] lines = new int[data.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = data.line(i);
        }
        return lines;
    }

    /** The customer_id (or id) of every input row, by which covariates are joined. */
    private static List<String> customerIds(Path input, SummaryCsv data, ClvModels.Model kind) {
        List<String> ids = new ArrayList<>(data.size());
        try (CsvInput again = CsvInput.open(input, ClvCommand.schema(kind))) {
            int id = -1;
            for (int c = 0; c < again.header().size(); c++) {
                String column = again.header().get(c);
                if (column.equalsIgnoreCase("customer_id") || column.equalsIgnoreCase("id")) {
                    id = c;
                }
            }
            if (id < 0) {
                throw new InputException(data.file + ":1: no customer_id column: covariates are joined by it");
            }
            while (again.next()) {
                ids.add(again.customerId(id));
            }
        }
        return ids;
    }
}
