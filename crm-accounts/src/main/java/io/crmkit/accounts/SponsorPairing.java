package io.crmkit.accounts;

import io.crmkit.core.customer.PersonalData;
import java.util.EnumSet;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * An executive sponsor pairing: one of our executives paired with a key person of the customer,
 * with the facts the four {@link SponsorPrinciple principles} are checked against. Equal
 * standing is computed from the ranks (1 = top; it holds only when both ranks are known and
 * equal); the other three are stated by the planner. The executive's name is masked when printed.
 *
 * <pre>{@code
 * SponsorPairing s = SponsorPairing.builder().executive("Wang Jun").executiveRank(2).person("p1")
 *         .sameBusinessArea(true).pastHistory(false).ableAndWilling(true).build();
 * }</pre>
 */
@Value.Immutable
public abstract class SponsorPairing {

    SponsorPairing() {
    }

    /** @return the name of our executive (personal data; printed masked) */
    public abstract String executive();

    /** @return the executive's rank on the customer's scale, 1 being the top, if stated */
    public abstract OptionalInt executiveRank();

    /** @return the id of the key person the executive is paired with */
    public abstract String person();

    /** @return whether the executive's business area matches the person's; false unless set */
    @Value.Default
    public boolean sameBusinessArea() {
        return false;
    }

    /** @return whether the two have a history of dealing with each other; false unless set */
    @Value.Default
    public boolean pastHistory() {
        return false;
    }

    /** @return whether the executive is able and willing to solve the person's problems; false unless set */
    @Value.Default
    public boolean ableAndWilling() {
        return false;
    }

    /**
     * Checks the pairing against the four principles for the person it names.
     *
     * @param keyPerson the key person with id {@link #person()}
     * @return which principles hold and which fail
     * @throws IllegalArgumentException if {@code keyPerson} is not the person this pairing names
     */
    public final SponsorCheck check(KeyPerson keyPerson) {
        if (!keyPerson.id().equals(person())) {
            throw new IllegalArgumentException("sponsor pairing names person " + person()
                    + " but was checked against key person " + keyPerson.id() + ": check it against the person it names");
        }
        EnumSet<SponsorPrinciple> held = EnumSet.noneOf(SponsorPrinciple.class);
        if (executiveRank().isPresent() && keyPerson.rank().isPresent()
                && executiveRank().getAsInt() == keyPerson.rank().getAsInt()) {
            held.add(SponsorPrinciple.EQUAL_STANDING);
        }
        if (sameBusinessArea()) {
            held.add(SponsorPrinciple.MATCHING_BUSINESS_AREA);
        }
        if (pastHistory()) {
            held.add(SponsorPrinciple.PAST_HISTORY);
        }
        if (ableAndWilling()) {
            held.add(SponsorPrinciple.ABLE_AND_WILLING);
        }
        return new SponsorCheck(this, keyPerson, held);
    }

    /** @return the executive's name masked: its first character and two stars */
    public final String maskedExecutive() {
        return PersonalData.maskName(executive());
    }

    /**
     * Returns a new builder.
     *
     * @return a builder; {@code executive} and {@code person} are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects a sponsor pairing's fields; {@code build()} runs the pairing's checks. Not thread-safe:
     * use it on one thread.
     */
    public static final class Builder extends ImmutableSponsorPairing.Builder {
        Builder() {
        }
    }

    @Value.Check
    void check() {
        Texts.requireText("executive of the sponsor pairing for " + person(), executive(), true);
        Texts.requireId("person of a sponsor pairing", person());
        executiveRank().ifPresent(r -> {
            if (r < 1) {
                throw new IllegalArgumentException("executiveRank of the sponsor pairing for " + person() + " is " + r
                        + ": a rank is 1 (the top) or more");
            }
        });
    }

    /**
     * Returns the pairing with the executive's name masked.
     *
     * @return for example {@code SponsorPairing[W** rank 2 with p1, business area yes, history no, able and willing yes]}
     */
    @Override
    public String toString() {
        return "SponsorPairing[" + maskedExecutive()
                + (executiveRank().isPresent() ? " rank " + executiveRank().getAsInt() : "")
                + " with " + person() + ", business area " + yesNo(sameBusinessArea()) + ", history "
                + yesNo(pastHistory()) + ", able and willing " + yesNo(ableAndWilling()) + "]";
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
