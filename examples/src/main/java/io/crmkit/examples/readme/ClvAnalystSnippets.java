package io.crmkit.examples.readme;

import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.ClvModel;
import io.crmkit.scoring.clv.ClvModels;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.GammaGammaModel;
import io.crmkit.scoring.clv.HoldoutEvaluation;
import io.crmkit.scoring.clv.LifetimeValue;
import io.crmkit.scoring.clv.LifetimeValueTable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/** The README snippets of "CLV for analysts", compiled so that they cannot drift from the API. */
@SuppressWarnings({"unused", "ResultOfMethodCallIgnored"})
final class ClvAnalystSnippets {

    private ClvAnalystSnippets() {
    }

    /** The README's {@code clv-analysts} snippet. */
    static void analysts(CustomerSummaries data, int[] customer, int[] epochDay) {
        // tag::clv-analysts[]
        // every customer's value, with the figures it is made of (data: summaries in weeks, with spend)
        LifetimeValueTable table = LifetimeValue.of(BetaGeoModel.fit(data), GammaGammaModel.fit(data))
                .withTimeUnitsPerMonth(LifetimeValue.WEEKS_PER_MONTH)
                .table(data);
        double total = table.total();                                    // CDNOW to 1997-09-30: 71,507.95
        double top = table.topDecileShare();                             // 0.568

        // a saved model comes back through its own factory, validated by name
        ClvModel restored = ClvModels.named("bgnbd")
                .restore(Map.of("r", 0.2426, "alpha", 4.414, "a", 0.7929, "b", 2.426));

        // fit on the calibration period only, check against the holdout period
        HoldoutEvaluation check = HoldoutEvaluation.ofEpochDays(ClvModels.named("bgnbd"), 0, Duration.ofDays(7),
                customer, epochDay, LocalDate.of(1997, 9, 30), LocalDate.of(1998, 6, 30));
        double actual = check.actualTotal();                             // 1,882 repeat purchase days
        double predicted = check.predictedTotal();                       // 1,653.41
        // end::clv-analysts[]
    }
}
