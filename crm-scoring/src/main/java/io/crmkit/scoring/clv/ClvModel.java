package io.crmkit.scoring.clv;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * Any fitted (or given) model of this package: a {@link PurchaseModel} (how often customers buy,
 * and whether they are still customers) or a {@link SpendModel} (how much they spend). Every
 * model is immutable, thread-safe and serializable, and is fitted through the same rules (see
 * {@link FitDiagnostics}); {@link ClvModels} finds, fits and applies models by name.
 */
public interface ClvModel {

    /** @return the model's short name as on the command line, e.g. {@code bgnbd} */
    String name();

    /** @return the parameters by their names in the paper, in the paper's order */
    ImmutableMap<String, Double> parameters();

    /** @return how the fit went; a model made from known parameters reports no iterations */
    FitDiagnostics diagnostics();

    /**
     * Why the model's results may mislead, in words; empty when nothing is amiss. By default the
     * fit's {@linkplain FitDiagnostics#warnings() warnings}.
     *
     * @return the warnings
     */
    default ImmutableList<String> warnings() {
        // a loop rather than a stream: a command that prints a fit pays no stream or collector set-up
        ImmutableList.Builder<String> words = ImmutableList.builder();
        for (FitWarning w : diagnostics().warnings()) {
            words.add(w.toString());
        }
        return words.build();
    }
}
