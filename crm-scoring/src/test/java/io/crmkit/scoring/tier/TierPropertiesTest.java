package io.crmkit.scoring.tier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class TierPropertiesTest {

    private static int rank(TierPolicy p, Map<String, Double> m) {
        return p.place(m).tier().map(name -> p.tiers().size() - p.tiers().stream().map(Tier::name).toList().indexOf(name)).orElse(0);
    }

    @Property
    void moreAssetsNeverLowerTheWealthTier(@ForAll @DoubleRange(min = 0, max = 1e7) double assets,
                                           @ForAll @DoubleRange(min = 0, max = 1e7) double loans,
                                           @ForAll @DoubleRange(min = 0, max = 5e6) double more) {
        TierPolicy p = TierPresets.wealthTiersWithLoans(1_000_000);
        assertTrue(rank(p, Map.of("assets", assets + more, "loans", loans)) >= rank(p, Map.of("assets", assets, "loans", loans)));
        assertTrue(rank(p, Map.of("assets", assets, "loans", loans + more)) >= rank(p, Map.of("assets", assets, "loans", loans)));
    }

    @Property
    void betterCollectionAndShorterTermsNeverLowerTheCreditGrade(@ForAll @DoubleRange(min = 0, max = 1) double ratio,
                                                                 @ForAll @DoubleRange(min = 0, max = 400) double term,
                                                                 @ForAll @DoubleRange(min = 0, max = 0.5) double better) {
        TierPolicy p = TierPresets.creditGrades();
        assertTrue(rank(p, Map.of("collection_ratio", Math.min(1, ratio + better), "payment_term_days", Math.max(0, term - better * 100)))
                >= rank(p, Map.of("collection_ratio", ratio, "payment_term_days", term)));
    }
}
