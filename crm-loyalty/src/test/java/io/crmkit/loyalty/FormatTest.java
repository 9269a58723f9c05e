package io.crmkit.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class FormatTest {

    @Property
    void pointsAreGroupedByThousandsAsTheJdkDoes(@ForAll long n) {
        assertEquals(String.format(Locale.ROOT, "%,d", n), TierTrack.fmt(n));
    }
}
