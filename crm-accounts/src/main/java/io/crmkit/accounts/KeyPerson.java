package io.crmkit.accounts;

import static com.google.common.base.Preconditions.checkArgument;

import io.crmkit.core.customer.PersonalData;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One key person in the customer's decision chain: a contact with title, rank and reporting line,
 * the role they play in the buying decision, their influence, their attitude toward us in the
 * document's four grades, whether they act as our coach, their needs in Maslow's levels, and our
 * owner for them (the colleague responsible for the relationship).
 *
 * <p>The name is personal data: {@link #toString()} masks it ({@code 张**}), and so does every
 * finding and diagram of this module unless asked otherwise. Immutable and thread-safe.
 *
 * <pre>{@code
 * KeyPerson p = KeyPerson.builder().id("p1").name("张伟").title("CIO").rank(2)
 *         .role(BuyingRole.DECISION_MAKER).influence(Influence.HIGH).attitude(Attitude.NEUTRAL).build();
 * }</pre>
 */
@Value.Immutable
public abstract class KeyPerson {

    /**
     * The longest id, name, title, owner handle, executive or competitor name accepted, in characters;
     * free texts (statements, descriptions, commitments, goals, methods) may have up to 2,000.
     */
    public static final int MAX_TEXT_LENGTH = 200;

    KeyPerson() {
    }

    /** @return the person's id in the plan, unique there; non-blank, without line breaks */
    public abstract String id();

    /** @return the person's name (personal data; printed masked); non-blank */
    public abstract String name();

    /** @return the person's job title; empty if not recorded */
    @Value.Default
    public String title() {
        return "";
    }

    /**
     * Returns the person's rank in the customer's hierarchy, 1 being the top; used for the
     * sponsor's equal standing.
     *
     * @return the rank, at least 1, or empty if not recorded
     */
    public abstract OptionalInt rank();

    /** @return the id of the key person this one reports to, if that person is in the plan */
    public abstract Optional<String> reportsTo();

    /** @return the role in the buying decision; {@link BuyingRole#INFLUENCER} unless set */
    @Value.Default
    public BuyingRole role() {
        return BuyingRole.INFLUENCER;
    }

    /** @return the influence on the decision; {@link Influence#MEDIUM} unless set */
    @Value.Default
    public Influence influence() {
        return Influence.MEDIUM;
    }

    /** @return the attitude toward us; {@link Attitude#NEUTRAL} unless set */
    @Value.Default
    public Attitude attitude() {
        return Attitude.NEUTRAL;
    }

    /** @return whether the person acts as our coach inside the customer; false unless set */
    @Value.Default
    public boolean coach() {
        return false;
    }

    /** @return the person's needs in Maslow's levels that our contacts serve; may be empty */
    public abstract Set<Need> needs();

    /** @return the handle of our colleague responsible for this person, if one is named */
    public abstract Optional<String> owner();

    /** @return the date of our last contact with the person, if there was one */
    public abstract Optional<LocalDate> lastContact();

    /**
     * Returns the development tactics for this person's attitude, as the mind map gives them (docs/domain.md §8).
     *
     * @return {@code attitude().tactics()}
     */
    public final List<DevelopmentTactic> tactics() {
        return attitude().tactics();
    }

    /** @return the name masked: its first character and two stars */
    public final String maskedName() {
        return PersonalData.maskName(name());
    }

    /**
     * Returns a new builder.
     *
     * @return a builder; {@code id} and {@code name} are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects a key person's fields; {@code build()} runs the person's checks. Not thread-safe: use
     * it on one thread.
     */
    public static final class Builder extends ImmutableKeyPerson.Builder {
        Builder() {
        }
    }

    /**
     * Returns a key person with the given role, influence and attitude and no other details.
     *
     * @param id the id in the plan
     * @param name the person's name
     * @param role the role in the buying decision
     * @param influence the influence on the decision
     * @param attitude the attitude toward us
     * @return the person
     * @throws IllegalArgumentException if the id or name is blank or too long
     */
    public static KeyPerson of(String id, String name, BuyingRole role, Influence influence, Attitude attitude) {
        return builder().id(id).name(name).role(role).influence(influence).attitude(attitude).build();
    }

    @Value.Check
    void check() {
        Texts.requireId("id of key person", id());
        Texts.requireText("name of key person " + id(), name(), true);
        Texts.requireText("title of key person " + id(), title(), false);
        rank().ifPresent(r -> checkArgument(r >= 1,
                "rank of key person %s is %s: a rank is 1 (the top) or more", id(), r));
        reportsTo().ifPresent(boss -> {
            Texts.requireId("reportsTo of key person " + id(), boss);
            checkArgument(!boss.equals(id()), "reportsTo of key person %s is itself: a person cannot report to themselves", id());
        });
        owner().ifPresent(o -> Texts.requireText("owner of key person " + id(), o, true));
    }

    /**
     * Returns the person with the name masked.
     *
     * @return for example {@code KeyPerson[p1 张** "CIO", rank 2, DECISION_MAKER HIGH NOT_ACCEPTING, owner l***, last contact 2026-10-01]}
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("KeyPerson[").append(id()).append(' ').append(maskedName());
        if (!title().isEmpty()) {
            s.append(" \"").append(title()).append('"');
        }
        rank().ifPresent(r -> s.append(", rank ").append(r));
        reportsTo().ifPresent(b -> s.append(", reports to ").append(b));
        s.append(", ").append(role()).append(' ').append(influence()).append(' ').append(attitude());
        if (coach()) {
            s.append(", coach");
        }
        owner().ifPresent(o -> s.append(", owner ").append(PersonalData.maskHandle(o)));
        lastContact().ifPresent(d -> s.append(", last contact ").append(d));
        return s.append(']').toString();
    }
}
