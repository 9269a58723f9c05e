package io.crmkit.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SampleSizeTest {

    /**
     * Baseline 8 %, uplift 4 points (12 %), two-sided alpha 0.05, power 0.80, equal groups. By hand
     * (Fleiss, Tytun &amp; Ury 1980, eq. 3, r = 1): p̄ = 0.10, z(0.975) = 1.959964, z(0.80) = 0.841621;
     * 1.959964·√(2·0.10·0.90) = 1.959964·0.424264 = 0.831543;
     * 0.841621·√(0.12·0.88 + 0.08·0.92) = 0.841621·√0.1792 = 0.841621·0.423320 = 0.356275;
     * (0.831543 + 0.356275)² / 0.04² = 1.187818² / 0.0016 = 1.410912 / 0.0016 = 881.82, so 882 per group.
     */
    @Test
    void eightAgainstTwelvePercentNeeds882PerGroup() {
        SampleSize n = SampleSize.forResponseUplift(0.08, 0.04, 0.05, 0.80, 0.5);
        assertEquals(new SampleSize(882, 882), n);
        assertEquals(1764, n.total());
    }

    /**
     * The same test with a 20 % control group: r = 0.25, p̄ = (0.12 + 0.25·0.08)/1.25 = 0.112;
     * 1.959964·√(1.25·0.112·0.888) = 1.959964·√0.12432 = 1.959964·0.352590 = 0.691064;
     * 0.841621·√(0.25·0.1056 + 0.0736) = 0.841621·√0.1 = 0.841621·0.316228 = 0.266144;
     * m = (0.957208)² / (0.25·0.0016) = 0.916248 / 0.0004 = 2290.62, so 2291 treated and
     * ceil(0.25·2290.62) = ceil(572.66) = 573 held out: 2,864 customers against 1,764 with equal groups.
     */
    @Test
    void aSmallerControlGroupNeedsALargerAudience() {
        SampleSize n = SampleSize.forResponseUplift(0.08, 0.04, 0.05, 0.80, 0.2);
        assertEquals(2291, n.treatment());
        assertEquals(573, n.control());
    }

    @Test
    void aNegativeUpliftNeedsTheSameSizeAsTheMirroredPositiveOne() {
        assertEquals(SampleSize.forResponseUplift(0.12, -0.04, 0.05, 0.8, 0.5),
                SampleSize.forResponseUplift(0.08, 0.04, 0.05, 0.8, 0.5));
    }

    @Test
    void outOfRangeArgumentsAreRefused() {
        assertEquals("uplift 0.0 is zero or takes the rate 0.1 outside (0, 1)",
                assertThrows(IllegalArgumentException.class, () -> SampleSize.forResponseUplift(0.1, 0, 0.05, 0.8, 0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SampleSize.forResponseUplift(0.9, 0.2, 0.05, 0.8, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.forResponseUplift(0.1, 0.01, 0, 0.8, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.forResponseUplift(0.1, 0.01, 0.05, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.forResponseUplift(0.1, 0.01, 0.05, 0.8, 0));
        assertThrows(IllegalArgumentException.class, () -> SampleSize.forResponseUplift(0.1, 1e-300, 0.05, 0.8, 0.5));
    }
}
