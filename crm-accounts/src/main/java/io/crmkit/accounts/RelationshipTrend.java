package io.crmkit.accounts;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Successive relationship assessments in date order, with the change of the index between the
 * last two. The index is taken to have fallen, stayed or risen when the change is below
 * {@code -TOLERANCE}, within {@code ±TOLERANCE}, or above {@code TOLERANCE}, so that equal scores
 * under weights written differently (0.1 + 0.2 against 0.3) never read as a change.
 *
 * <pre>{@code
 * RelationshipTrend t = RelationshipTrend.of(plan.assessments());
 * if (t.direction() == RelationshipTrend.Direction.DECLINING) { ... }
 * }</pre>
 */
public final class RelationshipTrend {

    /** Changes of the index within this distance of zero count as no change (index points). */
    public static final double TOLERANCE = 1e-9;

    /** Which way the index moved between the last two assessments. */
    public enum Direction {
        /** The index rose. */
        RISING,
        /** The index did not change. */
        FLAT,
        /** The index fell. */
        DECLINING,
        /** There are fewer than two assessments. */
        UNKNOWN
    }

    private final List<RelationshipAssessment> assessments;

    private RelationshipTrend(List<RelationshipAssessment> assessments) {
        this.assessments = assessments;
    }

    /**
     * Orders the assessments by date.
     *
     * @param assessments assessments of one account, in any order, at most one per day
     * @return the trend
     * @throws IllegalArgumentException if two assessments have the same date
     */
    public static RelationshipTrend of(List<RelationshipAssessment> assessments) {
        List<RelationshipAssessment> sorted = new ArrayList<>(assessments);
        sorted.sort(Comparator.comparing(RelationshipAssessment::date));
        for (int i = 1; i < sorted.size(); i++) {
            checkArgument(!sorted.get(i).date().equals(sorted.get(i - 1).date()),
                    "assessments have the date %s twice: at most one assessment per day", sorted.get(i).date());
        }
        return new RelationshipTrend(List.copyOf(sorted));
    }

    /** @return the assessments from the oldest to the latest */
    public List<RelationshipAssessment> assessments() {
        return assessments;
    }

    /** @return the latest assessment, if any */
    public Optional<RelationshipAssessment> latest() {
        return assessments.isEmpty() ? Optional.empty() : Optional.of(assessments.get(assessments.size() - 1));
    }

    /** @return the index of the latest minus that of the one before, in index points; empty with fewer than two */
    public OptionalDouble change() {
        int n = assessments.size();
        return n < 2 ? OptionalDouble.empty()
                : OptionalDouble.of(assessments.get(n - 1).index() - assessments.get(n - 2).index());
    }

    /** @return the direction of {@link #change()} with {@link #TOLERANCE} */
    public Direction direction() {
        OptionalDouble change = change();
        if (change.isEmpty()) {
            return Direction.UNKNOWN;
        }
        double c = change.getAsDouble();
        return c < -TOLERANCE ? Direction.DECLINING : c > TOLERANCE ? Direction.RISING : Direction.FLAT;
    }

    /** @return for example {@code RelationshipTrend[3 assessments, DECLINING]} */
    @Override
    public String toString() {
        return "RelationshipTrend[" + assessments.size() + " assessments, " + direction() + "]";
    }
}
