package io.crmkit.accounts;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The result of checking a {@link SponsorPairing} against the four {@link SponsorPrinciple
 * principles} for its key person: which hold, which fail, and why.
 *
 * @param pairing the pairing checked
 * @param person the key person it pairs the executive with
 * @param held the principles that hold (copied; unmodifiable, in declaration order)
 */
public record SponsorCheck(SponsorPairing pairing, KeyPerson person, Set<SponsorPrinciple> held) {

    /**
     * Copies the set of principles that hold.
     *
     * @param pairing the pairing checked
     * @param person the key person it pairs the executive with
     * @param held the principles that hold
     */
    public SponsorCheck {
        requireNonNull(pairing, "pairing");
        requireNonNull(person, "person");
        EnumSet<SponsorPrinciple> copy = EnumSet.noneOf(SponsorPrinciple.class);
        copy.addAll(held);
        held = Collections.unmodifiableSet(copy);
    }

    /** @return the principles that fail, unmodifiable, in declaration order; empty when all four hold */
    public Set<SponsorPrinciple> failed() {
        EnumSet<SponsorPrinciple> failed = EnumSet.allOf(SponsorPrinciple.class);
        failed.removeAll(held);
        return Collections.unmodifiableSet(failed);
    }

    /** @return whether all four principles hold */
    public boolean allHold() {
        return held.size() == SponsorPrinciple.values().length;
    }

    /**
     * Explains each failing principle with the facts behind it; names are masked.
     *
     * @return for example {@code equal standing (executive rank 1, person rank 2), past history}; empty when all hold
     */
    public String explainFailures() {
        return failed().stream().map(this::explain).collect(Collectors.joining(", "));
    }

    private String explain(SponsorPrinciple p) {
        switch (p) {
            case EQUAL_STANDING:
                return "equal standing (executive rank " + rank(pairing.executiveRank()) + ", person rank "
                        + rank(person.rank()) + ")";
            case MATCHING_BUSINESS_AREA:
                return "matching business area";
            case PAST_HISTORY:
                return "past history";
            default:
                return "ability and willingness to solve problems";
        }
    }

    private static String rank(java.util.OptionalInt r) {
        return r.isPresent() ? Integer.toString(r.getAsInt()) : "unknown";
    }

    /** @return for example {@code SponsorCheck[W** with p1, fails equal standing (executive rank 1, person rank 2)]} */
    @Override
    public String toString() {
        return "SponsorCheck[" + pairing.maskedExecutive() + " with " + person.id()
                + (allHold() ? ", all four principles hold]" : ", fails " + explainFailures() + "]");
    }
}
