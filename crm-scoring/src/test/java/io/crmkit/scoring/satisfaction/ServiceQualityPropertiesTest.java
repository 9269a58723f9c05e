package io.crmkit.scoring.satisfaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** A questionnaire that builds can assess any complete set of answers. */
class ServiceQualityPropertiesTest {

    @Property
    void everyQuestionnaireThatBuildsAssessesACompleteSetOfRatings(
            @ForAll @Size(min = 1, max = 8) List<RaterDimension> itemDimensions,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 7) Integer> expectations,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 7) Integer> perceptions) {
        ServiceQuality.Builder b = ServiceQuality.builder(1, 7);
        List<ItemRating> ratings = new ArrayList<>();
        for (int i = 0; i < itemDimensions.size(); i++) {
            b.item("q" + i, itemDimensions.get(i));
            ratings.add(new ItemRating("q" + i, expectations.get(i % expectations.size()),
                    perceptions.get(i % perceptions.size())));
        }
        ServiceQuality q = b.build();
        Set<RaterDimension> asked = EnumSet.copyOf(itemDimensions);
        assertEquals(asked, q.weights().keySet(), "default weights cover exactly the dimensions with items");
        q.weights().values().forEach(w -> assertEquals(1.0 / asked.size(), w, 1e-15));
        ServiceQualityReport r = q.assess(ratings);
        assertTrue(Math.abs(r.weightedGap()) <= 6.0, "a gap lies within the width of the scale");
    }
}
