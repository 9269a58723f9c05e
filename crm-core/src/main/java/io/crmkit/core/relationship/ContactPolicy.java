package io.crmkit.core.relationship;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which contacts each {@link RelationshipLevel} promises the customer. Immutable; derive a
 * changed policy with {@link #withPromises}.
 *
 * <p>{@link #defaults()} makes the promises cumulative, each level keeping those of the level
 * below (Kotler's levels each do more than the previous one):
 * <table>
 *   <caption>Default promises</caption>
 *   <tr><th>level</th><th>promised contacts</th></tr>
 *   <tr><td>BASIC</td><td>none</td></tr>
 *   <tr><td>REACTIVE</td><td>none (the customer is invited to call in; no outbound duty)</td></tr>
 *   <tr><td>ACCOUNTABLE</td><td>follow-up after each sale within 7 days</td></tr>
 *   <tr><td>PROACTIVE</td><td>follow-up after each sale within 7 days; regular contact every 30 days</td></tr>
 *   <tr><td>PARTNERSHIP</td><td>follow-up within 7 days; regular contact every 30 days; joint work every 14 days</td></tr>
 * </table>
 *
 * <pre>{@code
 * ContactPolicy policy = ContactPolicy.cumulative(3, 14, 7);   // a tighter schedule
 * policy.promises(RelationshipLevel.PROACTIVE);                 // [follow-up after each sale within 3 days, regular contact every 14 days]
 * }</pre>
 */
public final class ContactPolicy {

    /** Default deadline of the after-sale follow-up, in days. */
    public static final int DEFAULT_FOLLOW_UP_DAYS = 7;
    /** Default period of regular contact, in days. */
    public static final int DEFAULT_REGULAR_CONTACT_DAYS = 30;
    /** Default period of joint work, in days. */
    public static final int DEFAULT_JOINT_WORK_DAYS = 14;

    private static final ContactPolicy DEFAULTS =
            cumulative(DEFAULT_FOLLOW_UP_DAYS, DEFAULT_REGULAR_CONTACT_DAYS, DEFAULT_JOINT_WORK_DAYS);

    private final Map<RelationshipLevel, ImmutableList<ContactPromise>> promises;

    private ContactPolicy(Map<RelationshipLevel, ImmutableList<ContactPromise>> promises) {
        this.promises = Maps.immutableEnumMap(promises);
    }

    /** @return the default policy described in the class documentation */
    public static ContactPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * The default shape with other deadlines: ACCOUNTABLE and above follow up after each sale,
     * PROACTIVE and above keep regular contact, PARTNERSHIP also works jointly.
     *
     * @param followUpDays deadline of the after-sale follow-up, in days
     * @param regularContactDays period of regular contact, in days
     * @param jointWorkDays period of joint work, in days
     * @return the policy
     * @throws IllegalArgumentException if a number of days is outside 1 to 3650
     */
    public static ContactPolicy cumulative(int followUpDays, int regularContactDays, int jointWorkDays) {
        ContactPromise followUp = ContactPromise.followUpAfterSale(followUpDays);
        ContactPromise regular = ContactPromise.regularContact(regularContactDays);
        ContactPromise joint = ContactPromise.jointWork(jointWorkDays);
        Map<RelationshipLevel, ImmutableList<ContactPromise>> map = new EnumMap<>(RelationshipLevel.class);
        map.put(RelationshipLevel.BASIC, ImmutableList.of());
        map.put(RelationshipLevel.REACTIVE, ImmutableList.of());
        map.put(RelationshipLevel.ACCOUNTABLE, ImmutableList.of(followUp));
        map.put(RelationshipLevel.PROACTIVE, ImmutableList.of(followUp, regular));
        map.put(RelationshipLevel.PARTNERSHIP, ImmutableList.of(followUp, regular, joint));
        return new ContactPolicy(map);
    }

    /**
     * Returns a policy where one level promises exactly the given contacts.
     *
     * @param level the level
     * @param levelPromises its promises, at most one of each kind; none for no promise
     * @return the changed policy; this one is unchanged
     * @throws IllegalArgumentException if two promises have the same kind
     */
    public ContactPolicy withPromises(RelationshipLevel level, ContactPromise... levelPromises) {
        requireNonNull(level, "level");
        ImmutableList<ContactPromise> list = ImmutableList.copyOf(levelPromises);
        checkArgument(list.stream().map(ContactPromise::kind).distinct().count() == list.size(),
                "promises %s for level %s repeat a kind: give at most one promise of each kind", list, level);
        Map<RelationshipLevel, ImmutableList<ContactPromise>> map = new EnumMap<>(promises);
        map.put(level, list);
        return new ContactPolicy(map);
    }

    /**
     * Returns what a level promises.
     *
     * @param level the level
     * @return its promises, possibly none
     */
    public List<ContactPromise> promises(RelationshipLevel level) {
        requireNonNull(level, "level");
        return promises.get(level);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactPolicy p && promises.equals(p.promises);
    }

    @Override
    public int hashCode() {
        return promises.hashCode();
    }

    /** @return every level with its promises */
    @Override
    public String toString() {
        return "ContactPolicy" + promises;
    }
}
