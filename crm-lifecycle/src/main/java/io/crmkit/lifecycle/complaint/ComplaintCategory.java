package io.crmkit.lifecycle.complaint;

import java.util.Locale;

/**
 * What a complaint is about: the sub-categories of the dealer's manual (docs/domain.md §7), each in
 * one of four groups ({@link Group}).
 */
public enum ComplaintCategory {
    /** Product quality: a defect or flaw in the product. */
    PRODUCT_DEFECT(Group.PRODUCT_QUALITY),
    /** Product quality: a fault that appeared in use. */
    FAULT_IN_USE(Group.PRODUCT_QUALITY),
    /** Product quality: the quality of fitted accessories. */
    ACCESSORY_QUALITY(Group.PRODUCT_QUALITY),
    /** Service quality: the staff's attitude. */
    SERVICE_ATTITUDE(Group.SERVICE_QUALITY),
    /** Service quality: non-standard service (skills, etiquette, process not followed). */
    NON_STANDARD_SERVICE(Group.SERVICE_QUALITY),
    /** Service quality: feedback or opinions not answered in time. */
    FEEDBACK_NOT_ANSWERED(Group.SERVICE_QUALITY),
    /** Purchase terms: a dispute about the price. */
    PRICE_DISPUTE(Group.PURCHASE_TERMS),
    /** Purchase terms: the contract or a promise was not kept. */
    PROMISE_NOT_KEPT(Group.PURCHASE_TERMS),
    /** Purchase terms: documents (e.g. the certificate of conformity) not provided in time. */
    DOCUMENTS_NOT_PROVIDED(Group.PURCHASE_TERMS),
    /** The customer's expectations were not met. */
    EXPECTATIONS_NOT_MET(Group.EXPECTATIONS);

    /** The four groups of complaint categories. */
    public enum Group {
        /** Product quality. */
        PRODUCT_QUALITY,
        /** Service quality. */
        SERVICE_QUALITY,
        /** Purchase terms. */
        PURCHASE_TERMS,
        /** Expectations not met. */
        EXPECTATIONS
    }

    private final Group group;

    ComplaintCategory(Group group) {
        this.group = group;
    }

    /** @return the group the category belongs to */
    public Group group() {
        return group;
    }

    /**
     * Finds a category by name, case-insensitive, with '-' or ' ' accepted for '_'.
     *
     * @param name the category's name, e.g. {@code product_defect}
     * @return the category
     * @throws IllegalArgumentException if no category has that name
     */
    public static ComplaintCategory fromName(String name) {
        String key = name == null ? "" : name.strip().replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        for (ComplaintCategory c : values()) {
            if (c.name().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("category '" + name + "' is unknown: use one of "
                + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}
