package io.crmkit.scoring.satisfaction;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * The gaps found by {@link ServiceQuality#assess}: per item (mean perception minus mean
 * expectation over the respondents), per RATER dimension (the mean of its items' gaps) and
 * overall (the dimension gaps weighted by the dimension weights). Negative gaps mean the service
 * fell short of expectations.
 *
 * @param itemGaps the gap per item, in declaration order
 * @param dimensionGaps the gap per dimension that has rated items
 * @param weightedGap the weighted overall gap
 */
public record ServiceQualityReport(Map<String, Double> itemGaps, Map<RaterDimension, Double> dimensionGaps, double weightedGap) {

    /**
     * Copies the maps.
     *
     * @param itemGaps the gap per item
     * @param dimensionGaps the gap per dimension
     * @param weightedGap the weighted overall gap
     */
    public ServiceQualityReport {
        itemGaps = ImmutableMap.copyOf(itemGaps);
        dimensionGaps = ImmutableMap.copyOf(dimensionGaps);
    }
}
